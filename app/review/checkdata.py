"""`doctor --check-data`: recordings without a turn, turns without recordings,
recordings kept in the quarantine, and SQLite's own integrity check. Read-only:
the database is opened with ``mode=ro`` and nothing is repaired (open_store
tidies what is safe to tidy).

What the check may not read comes first: a database or a recordings folder it
is not allowed to see would otherwise pass for missing, and every recording
for an orphan. Then it names those paths and compares nothing.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PurePosixPath
from typing import Any

from app.shown import shown
from app.store.audio_files import AUDIO_DIR
from app.store.quarantine import NOTE_NAME, QUARANTINE_DIR, quarantined_files
from app.store.store import DATABASE_NAME, database_files

LISTED = 20  # paths shown per problem in the text report


def check_data(home: Path) -> dict[str, Any]:
    home = Path(home)
    database = home / DATABASE_NAME
    report: dict[str, Any] = {
        "data_folder": str(home), "database": str(database), "database_exists": False,
        "unreadable": unreadable(home), "integrity": None, "turns": 0, "audio_files": 0,
        "orphaned_audio": [], "missing_audio": [], "quarantined_audio": [], "ok": False,
    }
    if report["unreadable"]:
        return report  # anything compared now would be wrong
    report["database_exists"] = database.exists()
    turns: list[tuple] = []
    if report["database_exists"]:
        report["integrity"], turns = _read_database(database)
        if report["integrity"].startswith("unreadable") and not os.access(home, os.W_OK):
            # SQLite reads a write-ahead-log database only with its -shm file,
            # which it must create beside the database.
            report["integrity"] = None
            report["unreadable"] = [(f"{home} (not writable: SQLite must write "
                                     f"{DATABASE_NAME}-shm there to read the database)")]
            return report
    report["turns"] = len({row[0] for row in turns})
    _compare(report, home, turns)
    integrity_ok = report["integrity"] in (None, "ok")
    report["ok"] = integrity_ok and not report["orphaned_audio"] and not report["missing_audio"]
    return report


def _compare(report: dict[str, Any], home: Path, turns: list[tuple]) -> None:
    """The recordings on disk against those the turns refer to, and the quarantine."""
    referenced: dict[str, tuple[int, int]] = {}
    for turn_id, session_id, *paths in turns:
        for stored in paths:
            if stored:
                referenced[stored] = (turn_id, session_id)
    files = sorted(p for p in (home / AUDIO_DIR).rglob("*") if p.is_file()) \
        if (home / AUDIO_DIR).is_dir() else []
    report["audio_files"] = len(files)
    on_disk = {p.relative_to(home).as_posix() for p in files}
    report["orphaned_audio"] = sorted(on_disk - set(referenced))
    report["missing_audio"] = [
        {"turn_id": tid, "session_id": sid, "path": stored,
         "absolute": str(home.joinpath(*PurePosixPath(stored).parts))}
        for stored, (tid, sid) in sorted(referenced.items()) if stored not in on_disk
    ]
    # Kept aside by open_store rather than deleted: worth knowing, not a fault.
    report["quarantined_audio"] = [
        {"path": path.relative_to(home).as_posix(), "note": (batch / NOTE_NAME).as_posix()}
        for batch, path in quarantined_files(home)
    ]


def unreadable(home: Path) -> list[str]:
    """The paths in ``home`` this process may not read (permission denied)."""
    denied: list[str] = []

    def note(error: OSError) -> None:
        if isinstance(error, PermissionError):
            denied.append(str(error.filename))

    try:
        os.listdir(home)
    except FileNotFoundError:
        return []
    except PermissionError:
        return [str(home)]
    database = home / DATABASE_NAME
    for path in (database, *database_files(database)):
        try:
            with open(path, "rb"):
                pass
        except FileNotFoundError:
            pass
        except PermissionError:
            denied.append(str(path))
    for folder in (home / AUDIO_DIR, home / QUARANTINE_DIR):
        for _ in os.walk(folder, onerror=note):
            pass
    return denied


def _read_database(database: Path) -> tuple[str, list[tuple]]:
    """SQLite's integrity verdict, and every turn's id, session and recordings."""
    try:
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return f"unreadable: {error}", []
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        integrity = "; ".join(str(r[0]) for r in rows) or "ok"
        try:
            turns = connection.execute(
                "SELECT id, session_id, learner_audio, reply_audio FROM turns").fetchall()
        except sqlite3.OperationalError:  # not migrated yet: no turns
            turns = []
        try:  # shadowing recordings (0006), kept with their turn's session
            turns += connection.execute(
                "SELECT t.id, t.session_id, s.audio, NULL FROM shadowings s "
                "JOIN turns t ON t.id = s.turn_id").fetchall()
        except sqlite3.OperationalError:  # before 0006: none
            pass
        return integrity, turns
    except sqlite3.DatabaseError as error:
        return f"unreadable: {error}", []
    finally:
        connection.close()


def format_check_data(report: dict[str, Any]) -> str:
    lines = [f"data folder: {shown(report['data_folder'])}"]
    denied = report.get("unreadable") or []
    if denied:
        lines.append(f"may not read (permission denied), so nothing was compared: {len(denied)}")
        lines += [f"  {shown(path)}" for path in denied[:LISTED]]
        lines.append("  run this as the user who owns the data folder, or make it yours "
                     f"again: sudo chown -R \"$USER\" {shown(report['data_folder'])}")
        lines.append("problems found (nothing was changed)")
        return "\n".join(lines)
    if not report["database_exists"]:
        lines.append("database: none yet (nothing practised)")
    else:
        lines.append(f"database integrity: {report['integrity']}")
    lines.append(f"turns: {report['turns']}, audio files: {report['audio_files']}")
    orphans, missing = report["orphaned_audio"], report["missing_audio"]
    lines.append(f"orphaned audio files (no turn refers to them): {len(orphans)}")
    lines += [f"  {shown(path)}" for path in orphans[:LISTED]]
    lines.append(f"turns whose audio is missing: {len(missing)}")
    lines += [f"  turn {m['turn_id']} (session {m['session_id']}): {shown(m['path'])}"
              for m in missing[:LISTED]]
    quarantined = report["quarantined_audio"]
    lines.append(f"quarantined audio (kept aside: the database did not account for it): "
                 f"{len(quarantined)}")
    lines += [f"  {shown(q['path'])}" for q in quarantined[:LISTED]]
    notes = sorted({q["note"] for q in quarantined})
    lines += [f"  why: see {shown(note)}" for note in notes[:LISTED]]
    if max(len(orphans), len(missing), len(quarantined)) > LISTED:
        lines.append("  ... (use --json for the full lists)")
    lines.append("all good" if report["ok"] else "problems found (nothing was changed)")
    return "\n".join(lines)
