"""`python -m app reminder`: the setting, and the systemd user timer it writes
(checked as files in a temporary HOME, never enabled here)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, time
from pathlib import Path

import pytest

from app.errors import ParleyError
from app.review.reminder import claim, reminder_time, set_reminder
from app.store import open_store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(120)


def reminder(tmp_path: Path, parley_home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_CONFIG_HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS")}
    env.update(HOME=str(tmp_path / "home"), PARLEY_HOME=str(parley_home))
    return subprocess.run([sys.executable, "-m", "app", "reminder", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="systemd timers are Linux's")
@pytest.mark.model  # starts Parley in a child process
def test_set_writes_a_daily_systemd_user_timer_and_off_removes_it(tmp_path, parley_home):
    done = reminder(tmp_path, parley_home, "set", "19:30")
    assert done.returncode == 0, done.stderr
    assert "19:30" in done.stdout
    units = tmp_path / "home" / ".config" / "systemd" / "user"
    timer = (units / "parley-reminder.timer").read_text()
    service = (units / "parley-reminder.service").read_text()
    assert "OnCalendar=*-*-* 19:30:00" in timer and "WantedBy=timers.target" in timer
    assert "reminder notify" in service and "Type=oneshot" in service
    assert f'PARLEY_HOME={parley_home}' in service
    with open_store(parley_home) as store:
        assert reminder_time(store) == time(19, 30)
    shown = reminder(tmp_path, parley_home, "show")
    assert shown.stdout.strip() == "Daily reminder at 19:30."
    off = reminder(tmp_path, parley_home, "set", "off")
    assert off.returncode == 0 and "off" in off.stdout
    assert not (units / "parley-reminder.timer").exists()
    assert not (units / "parley-reminder.service").exists()
    with open_store(parley_home) as store:
        assert reminder_time(store) is None


def test_a_bad_time_is_one_clear_line(tmp_path, parley_home):
    done = reminder(tmp_path, parley_home, "set", "7pm")
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "HH:MM" in done.stderr


def test_claim_once_a_day_and_not_after_practice(tmp_path):
    from app.store import TurnRecord

    with open_store(tmp_path / "p") as store:
        morning = datetime(2026, 12, 2, 9, 0).astimezone()
        assert claim(store, morning) == ""  # off by default
        set_reminder(store, time(8, 0))
        assert claim(store, morning.replace(hour=7)) == ""
        assert claim(store, morning) != ""
        assert claim(store, morning.replace(hour=10)) == ""  # shown today already
        session = store.start_session(scenario="Free talk")
        store.save_turn(TurnRecord(session_id=session, transcript="Hi.", reply="Hello!",
                                   input_mode="text"))
        now = datetime.now().astimezone()
        store.set_setting("reminder_shown_on", "")
        assert claim(store, now.replace(hour=23, minute=59)) == ""  # practised today


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="systemd timers are Linux's")
def test_a_data_folder_with_a_line_break_is_refused_in_one_line(tmp_path):
    # Issue 27, fault 8: the path went into the unit raw and added a directive of its own.
    hostile = tmp_path / "data\nExecStartPre=/bin/touch /tmp/parley-pwned"
    done = reminder(tmp_path, hostile, "set", "19:30")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "line break" in line and "no system reminder was set" in line
    assert "\\u000aExecStartPre" in line  # named, not sent on as a line of its own
    assert not (tmp_path / "home" / ".config" / "systemd").exists()
    with open_store(hostile) as store:
        assert reminder_time(store) is None  # refused before anything was stored


def test_each_unit_value_is_quoted_as_systemd_reads_it(monkeypatch):
    from app.review import reminder as module

    odd = '/tmp/my "data" 100%h \\ $HOME'
    monkeypatch.setenv("PARLEY_HOME", odd)
    monkeypatch.setattr(module, "launch_command",
                        lambda: (["/opt/par ley/python", "-m", "app$x"], Path("/opt/50%")))
    service = module.unit_texts(time(7, 5))["parley-reminder.service"].splitlines()
    assert service[-3:] == [
        'ExecStart="/opt/par ley/python" -m app$$x reminder notify',
        "WorkingDirectory=/opt/50%%",
        'Environment="PARLEY_HOME=/tmp/my \\"data\\" 100%%h \\\\ $HOME"']
    for bad in ("/tmp/a\rb", "/tmp/a\x1bb", "/tmp/a\x85b"):
        monkeypatch.setenv("PARLEY_HOME", bad)
        with pytest.raises(ParleyError, match="control character"):
            module.unit_texts(time(7, 5))
