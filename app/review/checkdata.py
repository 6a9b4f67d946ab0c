"""`doctor --check-data`: recordings without a turn, turns without recordings,
recordings kept in the quarantine, and SQLite's own integrity check. Read-only:
the database is opened with ``mode=ro`` and nothing is repaired (open_store
tidies what is safe to tidy)."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PurePosixPath
from typing import Any

from app.shown import shown
from app.store.audio_files import AUDIO_DIR
from app.store.quarantine import NOTE_NAME, quarantined_files
from app.store.store import DATABASE_NAME

LISTED = 20  # paths shown per problem in the text report


def check_data(home: Path) -> dict[str, Any]:
    home = Path(home)
    database = home / DATABASE_NAME
    report: dict[str, Any] = {
        "data_folder": str(home), "database": str(database), "database_exists": database.exists(),
        "integrity": None, "turns": 0, "audio_files": 0,
        "orphaned_audio": [], "missing_audio": [], "quarantined_audio": [], "ok": True,
    }
    referenced: dict[str, tuple[int, int]] = {}
    if database.exists():
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
            report["integrity"] = "; ".join(str(r[0]) for r in rows) or "ok"
            try:
                turns = connection.execute(
                    "SELECT id, session_id, learner_audio, reply_audio FROM turns").fetchall()
            except sqlite3.OperationalError:  # not migrated yet: no turns
                turns = []
        except sqlite3.DatabaseError as error:
            report["integrity"] = f"unreadable: {error}"
            turns = []
        finally:
            connection.close()
        report["turns"] = len(turns)
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
    integrity_ok = report["integrity"] in (None, "ok")
    report["ok"] = integrity_ok and not report["orphaned_audio"] and not report["missing_audio"]
    return report


def format_check_data(report: dict[str, Any]) -> str:
    lines = [f"data folder: {shown(report['data_folder'])}"]
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
