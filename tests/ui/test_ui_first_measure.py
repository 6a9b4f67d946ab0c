"""The window's first start measures the machine in a child process (never on
the GUI thread) and says what it picked; a later start does not measure again."""

from __future__ import annotations

import pytest

from app import brain
from app.config import Settings

pytestmark = pytest.mark.model  # the real composition root, and a child process

# Stands in for `python -m app models pick` (minutes): writes a pick as it would.
FAKE_PICK = ("-c", "import os, sys; from app import brain; "
             "brain.save_pick(brain.choose({}, {}), brain.Path(os.environ['PARLEY_HOME']))")


@pytest.mark.timeout(120)
def test_the_first_start_measures_in_a_child_and_says_what_it_picked(qtbot, parley_home,
                                                                      monkeypatch):
    from app.ui.application import Application

    real = brain.start_first_measurement
    monkeypatch.setattr(brain, "start_first_measurement",
                        lambda home: real(home, command=FAKE_PICK))
    settings = Settings.from_env(home=parley_home)
    application = Application(settings, hands_free=False, load_models=False,
                              measure_machine=True)
    window = application.window
    qtbot.addWidget(window)
    window.show()
    try:
        assert application.measuring is not None and application.measuring.pid
        qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=60000)
        assert "Measured this computer" in window.notice.text()
        assert "smollm2-135m" in window.notice.text()
        assert brain.load_pick(parley_home) is not None
        assert not (parley_home / (brain.BRAIN_FILE + ".running")).exists()
        assert brain.start_first_measurement(parley_home) is None  # measured once
    finally:
        window.close()
