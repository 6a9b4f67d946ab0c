"""The learner's own scenario packs in the window: offered beside the built-in
ones, and a broken one is named instead of breaking the dialog."""

from __future__ import annotations

import pytest

OWN = ('id = "zoo-visit"\ntitle = "At the zoo"\ndescription = "Buy tickets and ask about feeding times."\n'
       'prompt = "a ticket desk at a city zoo"\nopening = "Welcome to the zoo! How many tickets?"\n')


@pytest.mark.timeout(30)
def test_ui_session_dialog_offers_own_packs_and_names_a_broken_one(qtbot, tmp_path):
    from app.ui.session_dialog import SessionDialog
    from app.session import SessionOptions

    home = tmp_path / "data"
    own = home / "scenarios"
    own.mkdir(parents=True)
    (own / "zoo.toml").write_text(OWN, encoding="utf-8")
    (own / "broken.toml").write_text('id = "oops"\ntitle = [\n', encoding="utf-8")
    dialog = SessionDialog(SessionOptions(), home=home)
    qtbot.addWidget(dialog)
    ids = [dialog.scenario.itemData(i) for i in range(dialog.scenario.count())]
    assert ids[0] == "free-talk" and "cafe-order" in ids and ids[-1] == "zoo-visit"
    assert "oops" not in ids
    assert not dialog.problems.isHidden()
    assert dialog.problems.text().startswith(f"Skipped {own / 'broken.toml'}: not valid TOML")
    dialog.scenario.setCurrentIndex(ids.index("zoo-visit"))
    assert dialog.description.text() == "Buy tickets and ask about feeding times."
    options = dialog.options()
    assert (options.scenario_id, options.scenario_prompt, options.opening) == (
        "zoo-visit", "a ticket desk at a city zoo", "Welcome to the zoo! How many tickets?")


@pytest.mark.timeout(30)
def test_ui_session_dialog_hides_the_problem_line_when_all_packs_load(qtbot, tmp_path):
    from app.ui.session_dialog import SessionDialog
    from app.session import SessionOptions

    dialog = SessionDialog(SessionOptions(), home=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.problems.isHidden()

