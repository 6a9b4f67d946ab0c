"""The optional daily reminder (Qt-free): a time the learner chooses, off by
default, shown at most once a day and never once they have practised that day.

Two ways to be reminded, sharing one "shown today" mark in the store so the
learner never gets both: the window's tray notification while Parley runs
(app/ui/reminder.py), and the system's own scheduler where it has one, a
systemd user timer running ``python -m app reminder notify`` (written by
``python -m app reminder set HH:MM``; ``reminder set off`` removes it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

from app.config import data_home
from app.desktop_entry import launch_command
from app.errors import ParleyError
from app.shown import shown

TIME_SETTING = "reminder_time"  # "HH:MM", or absent/"" when off
SHOWN_SETTING = "reminder_shown_on"  # the ISO day the reminder was last shown
UNIT = "parley-reminder"
MESSAGE = "It's the practice time you chose. Parley is ready whenever you'd like to talk."


def parse_time(text: str) -> time:
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
        return time(hours, minutes)
    except ValueError:
        raise ParleyError(f"'{text}' is not a time of day -- write it as HH:MM, e.g. 19:30, "
                          "or 'off'") from None


def reminder_time(store) -> time | None:
    value = store.setting(TIME_SETTING, "") or ""
    try:
        return parse_time(value) if value else None
    except ParleyError:
        return None


def set_reminder(store, at: time | None) -> None:
    store.set_setting(TIME_SETTING, "" if at is None else f"{at:%H:%M}")


def practised_on(store, day: date, tz=None) -> bool:
    return any(at.astimezone(tz).date() == day for at, _seconds in store.turn_times())


def claim(store, now: datetime) -> str:
    """The reminder's text when it is due at ``now`` (an aware local time), and
    marks it shown for that day; "" when it is off, not yet time, already shown
    today, or the learner has practised today."""
    at = reminder_time(store)
    if at is None or now.time().replace(tzinfo=None) < at:
        return ""
    day = now.date()
    if store.setting(SHOWN_SETTING, "") == day.isoformat() or practised_on(store, day, now.tzinfo):
        return ""
    store.set_setting(SHOWN_SETTING, day.isoformat())
    return MESSAGE


# -- the system's scheduler: a systemd user timer ----------------------------------------
def units_folder() -> Path:
    value = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(value) if os.path.isabs(value) else Path.home() / ".config"
    return base / "systemd" / "user"


# Each value goes into a unit file through these: a line break would end the
# line and start a directive of its own (ExecStartPre=...), "%" starts a
# specifier, "$" an environment variable in ExecStart=, and a line ending in
# a backslash runs on into the next.
def _unit_value(value: str, what: str) -> str:
    """``value`` with its specifiers escaped; ParleyError when no unit can hold it."""
    if any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f for c in value):
        raise ParleyError(
            f"{what} holds a line break or another control character ({shown(value)}), "
            "which a systemd timer cannot hold safely: no system reminder was set",
            "use a folder whose path has none (the data folder is PARLEY_HOME)")
    return value.replace("%", "%%")


def _quoted(value: str, what: str) -> str:
    """One ExecStart=/Environment= word in double quotes, C-escaped as systemd reads it."""
    inner = _unit_value(value, what).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{inner}"'


def _exec(argv: list[str]) -> str:
    words = []
    for arg in argv:
        arg = arg.replace("$", "$$")  # ExecStart= expands $NAME; $$ is a plain $
        plain = arg and not any(c.isspace() or c in "\"'\\;" for c in arg)
        words.append(_unit_value(arg, "Parley's command") if plain else
                     _quoted(arg, "Parley's command"))
    return " ".join(words)


def _path_value(path: Path, what: str) -> str:
    """A whole-line path (WorkingDirectory=): systemd neither unquotes nor unescapes it."""
    text = str(path)
    if text != text.strip() or text.endswith("\\"):
        raise ParleyError(f"{what} ({shown(text)}) ends in a space or a backslash, which a "
                          "systemd timer cannot hold: no system reminder was set",
                          "run Parley from a folder whose path does not")
    return _unit_value(text, what)


def unit_texts(at: time) -> dict[str, str]:
    """The service and timer; ParleyError when a path cannot go into a unit safely."""
    argv, workdir = launch_command()
    service = ["[Unit]", "Description=Parley: your daily practice reminder", "",
               "[Service]", "Type=oneshot", f"ExecStart={_exec([*argv, 'reminder', 'notify'])}"]
    if workdir is not None:
        service.append(f"WorkingDirectory={_path_value(workdir, 'the folder Parley runs from')}")
    if os.environ.get("PARLEY_HOME"):
        home = os.environ["PARLEY_HOME"]
        service.append(f"Environment={_quoted(f'PARLEY_HOME={home}', 'the data folder')}")
    timer = ["[Unit]", f"Description=Parley: daily practice reminder at {at:%H:%M}", "",
             "[Timer]", f"OnCalendar=*-*-* {at:%H:%M}:00", "Persistent=false", "",
             "[Install]", "WantedBy=timers.target"]
    return {f"{UNIT}.service": "\n".join(service) + "\n", f"{UNIT}.timer": "\n".join(timer) + "\n"}


def _systemctl(*args: str) -> bool:
    """Only with a user manager to talk to (a login session); never fatal."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if not shutil.which("systemctl") or not runtime or not Path(runtime, "bus").exists():
        return False
    try:
        return subprocess.run(["systemctl", "--user", *args], capture_output=True,
                              timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def schedule(at: time | None) -> str:
    """Write (or, for None, remove) the timer; one line saying what happened."""
    folder = units_folder()
    names = (f"{UNIT}.service", f"{UNIT}.timer")
    if at is None:
        _systemctl("disable", "--now", f"{UNIT}.timer")
        removed = [n for n in names if (folder / n).exists()]
        for name in removed:
            (folder / name).unlink()
        _systemctl("daemon-reload")
        return "System reminder removed." if removed else "No system reminder was set."
    if not sys.platform.startswith("linux"):
        return "Parley uses no system scheduler here: the reminder shows while Parley runs."
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in unit_texts(at).items():
        (folder / name).write_text(text, encoding="utf-8")
    if _systemctl("daemon-reload") and _systemctl("enable", "--now", f"{UNIT}.timer"):
        return f"System reminder set for {at:%H:%M} every day (systemd user timer {UNIT}.timer)."
    return (f"Timer written to {folder}; turn it on with "
            f"`systemctl --user enable --now {UNIT}.timer` (needs systemd).")


def notify(store, now: datetime) -> str:
    """Run by the timer: a desktop notification when the reminder is due."""
    text = claim(store, now)
    if text and shutil.which("notify-send"):
        subprocess.run(["notify-send", "--app-name=Parley", "Parley", text],
                       capture_output=True, timeout=20, check=False)
    return text


# -- python -m app reminder ------------------------------------------------------------------
def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "reminder", help="an optional daily practice reminder: set HH:MM | set off | show")
    sub = parser.add_subparsers(dest="reminder_command", required=True)
    set_ = sub.add_parser("set", help="remind me each day at HH:MM (24-hour), or 'off'")
    set_.add_argument("when", help="HH:MM or off")
    sub.add_parser("show", help="the reminder's time, or off")
    sub.add_parser("notify", help="show the reminder now if it is due (run by the timer)")
    return parser


def run(args: argparse.Namespace) -> int:
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

    command = args.reminder_command
    at = None
    if command == "set" and args.when.strip().lower() != "off":
        at = parse_time(args.when)
        if sys.platform.startswith("linux"):
            unit_texts(at)  # a path no unit can hold: refused before anything is stored
    with open_store(data_home()) as store:
        if command == "show":
            current = reminder_time(store)
            print(f"Daily reminder at {current:%H:%M}." if current else "Daily reminder: off.")
            return 0
        if command == "notify":
            text = notify(store, datetime.now().astimezone())
            print(text or "No reminder now.")
            return 0
        set_reminder(store, at)
    print(f"Daily reminder at {at:%H:%M} (skipped on days you have practised)."
          if at else "Daily reminder: off.")
    print(schedule(at))
    return 0
