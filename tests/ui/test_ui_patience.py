"""Settings shows the learner's current patience in mid-sentence, learned
from their pauses (app/turntaking/rhythm.py), beside the limit they set."""

from __future__ import annotations

import pytest

from app.ui import settings_keys as K


@pytest.mark.timeout(30)
def test_ui_settings_shows_the_learned_patience(qtbot, private_qsettings):
    from app.turntaking.rhythm import Rhythm
    from app.turntaking.turn_end import TurnEndOptions
    from app.ui.settings_dialog import SettingsDialog

    unknown = SettingsDialog(K.open_settings())
    qtbot.addWidget(unknown)
    assert "once the models are loaded" in unknown.patience_now.text()

    rhythm = Rhythm()
    options = TurnEndOptions(patience_ms=3000, rhythm=rhythm)
    fresh = SettingsDialog(K.open_settings(), waits_ms=options.waits_ms())
    qtbot.addWidget(fresh)
    assert "1.6 s after an unfinished sentence" in fresh.patience_now.text()
    assert "sounds finished" not in fresh.patience_now.text()  # no Smart Turn here
    heard = TurnEndOptions(patience_ms=3000, rhythm=rhythm, voice=lambda pcm: 0.9)
    voiced = SettingsDialog(K.open_settings(), waits_ms=heard.waits_ms(),
                            voice_ms=heard.sounds_finished_ms())
    qtbot.addWidget(voiced)
    assert "(1.4 s when your voice sounds finished)" in voiced.patience_now.text()
    for pause in (1500, 1600, 1700, 1800, 1900, 2000):  # a learner who thinks long
        rhythm.add(pause)
    learned = SettingsDialog(K.open_settings(), waits_ms=options.waits_ms())
    qtbot.addWidget(learned)
    assert "2.5 s after an unfinished sentence" in learned.patience_now.text()
    assert heard.sounds_finished_ms() is None  # the learner's pauses are known: theirs rule
    assert learned.patience_now.accessibleName()
