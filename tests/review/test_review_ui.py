"""The review window (pytest-qt): history and search, session detail, delete,
notebook export, today and progress. Populated through the real Store."""

from __future__ import annotations

import pytest
from review_data import open_review_window

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
def window(qtbot, parley_home):
    win = open_review_window(qtbot, parley_home)
    yield win
    win.close()


def show_tab(qtbot, win, page, title: str):
    with qtbot.waitSignal(page.loaded, timeout=20000) as blocker:
        win.tabs.setCurrentIndex(next(i for i in range(win.tabs.count())
                                      if win.tabs.tabText(i) == title))
    return blocker.args[0]


def test_history_lists_sessions_searches_and_filters(qtbot, window):
    assert show_tab(qtbot, window, window.history, "History") == 4
    table = window.history.table
    assert table.item(0, 1).text() == "job interview" and table.item(0, 4).text() == "1"
    with qtbot.waitSignal(window.history.loaded, timeout=10000) as blocker:
        window.history.search.setText("grandfather")
    assert blocker.args == [1]
    assert "[grandfather]" in table.item(0, 3).text()
    with qtbot.waitSignal(window.history.loaded, timeout=10000) as blocker:
        window.history.search.setText("")
    with qtbot.waitSignal(window.history.loaded, timeout=10000) as blocker:
        window.history.scenario.setCurrentText("travel")
    assert blocker.args == [2]


def test_detail_shows_turns_corrections_and_unclear_words(qtbot, window):
    show_tab(qtbot, window, window.history, "History")
    with qtbot.waitSignal(window.session.loaded, timeout=10000):
        window.history.open_session.emit(window.ids["interview"], 1)
    assert window.tabs.currentWidget() is window.session
    cards = window.session.cards
    assert len(cards) == 2
    assert "<s>have</s>" in cards[0].corrections.text() and "He takes has." in \
        cards[0].corrections.text()
    assert "Better:</b> My grandfather has lived" in cards[0].corrections.text()
    assert [b.text() for b in cards[0].word_buttons] == ["lived (20%)"]
    assert "L IH1 V D" in cards[0].word_buttons[0].toolTip()


def test_delete_from_history_removes_rows_and_recordings(qtbot, window, parley_home):
    show_tab(qtbot, window, window.history, "History")
    folder = parley_home / "audio" / str(window.ids["old"])
    assert folder.is_dir()
    with qtbot.waitSignal(window.history.loaded, timeout=10000) as blocker:
        window.history.delete_session(window.ids["old"])
    assert blocker.args == [3] and not folder.exists()


def test_export_session_from_history(qtbot, window, tmp_path):
    import json

    show_tab(qtbot, window, window.history, "History")
    target = tmp_path / "session.json"
    with qtbot.waitSignal(window.history.exported, timeout=10000):
        window.history.export_session(window.ids["interview"], "json", target)
    turns = json.loads(target.read_text())["turns"]
    assert [t["corrections"][0]["corrected"] for t in turns] == ["has", "lost"]


def test_notebook_groups_and_exports_anki(qtbot, window, tmp_path):
    assert show_tab(qtbot, window, window.notebook, "Mistakes") == 2
    target = tmp_path / "deck.txt"
    with qtbot.waitSignal(window.notebook.exported, timeout=10000):
        window.notebook.export("anki", target)
    assert target.read_text().startswith("#separator:tab")


def test_today_and_progress(qtbot, window):
    today = show_tab(qtbot, window, window.today, "Today")
    assert today.drills_due == 2 and today.streak >= 1  # turns today: depends on the hour
    assert "2</b> drills due" in window.today.summary.text()
    with qtbot.waitSignal(window.tasks.idle, timeout=20000):
        window.tabs.setCurrentIndex(window.tabs.count() - 1)
    progress = window.progress
    assert len(progress.plots) == 5 and not progress.empty.isVisible()
    assert progress.plots["minutes"].listDataItems() or progress.plots["minutes"].items
    # Days on the x axis (not a date-time axis in seconds), and a sentence per chart.
    [major, _minor] = progress.plots["wpm"].getAxis("bottom")._tickLevels
    assert major and all(x == int(x) for x, _ in major) and major[0][1][:3].isalpha()
    assert all(progress.sentences[key] for key in progress.plots)
