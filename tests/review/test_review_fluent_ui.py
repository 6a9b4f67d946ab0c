"""The session page's review (pytest-qt, offscreen): fluent versions beside what
was said, play at normal and slow speed in the tutor's (fake) voice, the
evidence lists and the link to the drills; and the weekly charts, rendered to
PNGs at one day, one week and one year of data, with readable axis labels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fakes import fake_engines
from review_data import fill, words_for

from app.store import open_store

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
def window(qtbot, parley_home):
    from app.ui.review import ReviewWindow
    from app.ui.review.services import ReviewServices

    with open_store(parley_home) as store:
        ids = fill(store, datetime.now(UTC))
        turns = store.turns(ids["interview"])
        store.save_fluent(ids["interview"], [
            (turns[0].id, "My grandfather has lived in Florida all his life.",
             [{"op": "replace", "said": "have", "fluent": "has"}], "corrector"),
            (turns[1].id, turns[1].transcript, [], "same")])
    engines = fake_engines(parley_home)
    services = ReviewServices(parley_home, engines=lambda: engines)
    played = []
    services.play_pcm = lambda pcm, rate: played.append((pcm.size, rate))
    win = ReviewWindow(parley_home, services=services)
    qtbot.addWidget(win)
    win.ids, win.played, win.engines = ids, played, engines
    yield win
    win.close()


def test_session_page_shows_fluent_turns_and_plays_them(qtbot, window):
    with qtbot.waitSignal(window.session.loaded, timeout=20000):
        window.open_session(window.ids["interview"])
    panel = window.session.fluent
    with qtbot.waitSignal(panel.loaded, timeout=20000) as blocker:
        panel.refresh()
    assert blocker.args[0]["fluent_ready"]
    first = panel.rows[0]
    assert "<s style='color:#b3261e'>have</s>" in first.said.text()
    assert "<b style='color:#1b6e20'>has</b>" in first.fluent.text()
    assert first.play.text() == "Play" and first.slow.text() == "Slow"
    assert first.record.text() == "Shadow"
    voice = window.engines.voice
    rates = []
    synthesize = voice._synthesize
    voice._synthesize = lambda text: (rates.append(voice.rate), *synthesize(text))[1:]
    with qtbot.waitSignal(panel.spoken, timeout=10000):
        first.play.click()
    with qtbot.waitSignal(panel.spoken, timeout=10000):
        first.slow.click()
    assert voice.said[-2:] == ["My grandfather has lived in Florida all his life."] * 2
    assert rates == [1.0, 0.75] and voice.rate == 1.0  # put back after the slow line
    assert len(window.played) == 2
    assert "agreement" in panel.work.text() and panel.drills.isEnabled()
    panel.drills.click()
    assert window.tabs.currentWidget() is window.drills


def test_a_session_not_built_yet_says_so(qtbot, window):
    with qtbot.waitSignal(window.session.loaded, timeout=20000):
        window.open_session(window.ids["chat"])
    panel = window.session.fluent
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.refresh()
    assert panel.rows[0] is panel.well  # no fluent rows, only the lists
    assert "built when the session ends" in panel.status.text()
    panel.show_failure("fluent versions not built: the model could not be loaded")
    assert panel.status.text().startswith("fluent versions not built")


def _metrics(days: int, start: datetime):
    from app.store import TurnMetric

    step = max(1, days // 120)
    return [TurnMetric(i, 1, start + timedelta(days=d), 30.0, words_for("I goes to the shop"),
                       "I goes to the shop", 1) for i, d in enumerate(range(0, days, step))]


@pytest.mark.parametrize("days", [1, 7, 365])
def test_weekly_charts_stay_readable(qtbot, parley_home, tmp_path, days):
    from PySide6.QtGui import QImage, QPainter

    from app.review.weekly import weekly
    from app.store.review_records import CorrectionEntry
    from app.store.records import CorrectionView
    from app.ui.review.services import ReviewServices
    from app.ui.review.tasks import Tasks
    from app.ui.review.weekly_page import CHARTS, WeeklyPage

    start = datetime(2026, 3, 4, 9, tzinfo=UTC)
    metrics = _metrics(days, start)
    fixes = [CorrectionEntry(CorrectionView(m.turn_id, "goes", "go", "", kind, "rules", 2, 6),
                             m.turn_id, 1, m.started_at, m.transcript, "travel")
             for m, kind in zip(metrics, ["agreement", "verb tense", "article"] * 200)]
    page = WeeklyPage(ReviewServices(parley_home), Tasks())
    qtbot.addWidget(page)
    page.resize(640, 900)
    page.show()
    page.show_weekly(weekly(metrics, fixes))
    qtbot.wait(50)
    shot = tmp_path / f"weekly-{days}.png"
    assert page.graphs.grab().save(str(shot)) and shot.stat().st_size > 5000
    for key, _title, unit in CHARTS:
        plot = page.plots[key]
        axis = plot.getAxis("bottom")
        [major, _minor] = axis._tickLevels
        labels = [label for _x, label in major]
        assert labels and labels[0].endswith("2026") and len(labels) <= 9
        assert plot.getAxis("left").labelText == unit
        # Readable: every label is drawn (none dropped for running past the
        # axis), and no two drawn labels overlap.
        image = QImage(page.graphs.size(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            drawn = axis.generateDrawSpecs(painter)[2]
        finally:
            painter.end()
        assert [text for _rect, _flags, text in drawn] == labels, (days, key)
        rects = sorted((r.left(), r.right()) for r, _f, _t in drawn)
        assert all(a[1] + 4 < b[0] for a, b in zip(rects, rects[1:])), (days, key, rects)
    if days == 365:
        assert len(page.plots["mistakes"].listDataItems()) == 3  # one line per kind
