"""Command-line entry points for review (the lead wires them into app.cli):

- ``python -m app export --session ID|last --format md|json [-o FILE]``
- ``python -m app export --mistakes --format csv|anki [-o FILE]``
- ``python -m app doctor --check-data`` -> :func:`check_data` / :func:`format_check_data`
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.shown import shown

__all__ = [
    "add_export_parser", "check_data", "format_check_data", "run_export",
]

SESSION_FORMATS = ("md", "json")


# Thin wrappers: building the CLI parser must not import SQLAlchemy.
def check_data(home: Path) -> dict[str, Any]:
    """Orphaned recordings, turns whose audio is missing, PRAGMA integrity_check."""
    from app.review.checkdata import check_data as check  # lazy: loads SQLAlchemy and libsndfile

    return check(home)


def format_check_data(report: dict[str, Any]) -> str:
    from app.review.checkdata import format_check_data as render  # lazy: loads SQLAlchemy and libsndfile

    return render(report)


NOTEBOOK_FORMATS = ("csv", "anki")


def add_export_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export", help="export a session (Markdown/JSON) or the mistake notebook (CSV/Anki)")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--session", metavar="ID|last", help="a session id, or 'last'")
    which.add_argument("--mistakes", action="store_true", help="the mistake notebook")
    parser.add_argument("--format", choices=SESSION_FORMATS + NOTEBOOK_FORMATS,
                        help="md or json for a session (default md); csv or anki for mistakes "
                             "(default csv)")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    return parser


def _fail(message: str) -> int:
    print(f"parley: {message}", file=sys.stderr)
    return 2


def run_export(args: argparse.Namespace) -> int:
    from app.review import export  # lazy: loads SQLAlchemy and libsndfile
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

    home = getattr(args, "home", None)
    mistakes = bool(getattr(args, "mistakes", False))
    fmt = getattr(args, "format", None) or ("csv" if mistakes else "md")
    allowed = NOTEBOOK_FORMATS if mistakes else SESSION_FORMATS
    if fmt not in allowed:
        what = "--mistakes" if mistakes else "--session"
        return _fail(f"{what} exports as {' or '.join(allowed)}, not {fmt}")
    with open_store(home) as store:
        if mistakes:
            entries = store.correction_entries()
            text = export.notebook_csv(entries) if fmt == "csv" else export.notebook_anki(entries)
        else:
            wanted = str(args.session).strip().lower()
            if wanted == "last":
                session_id = store.last_session_id()
                if session_id is None:
                    return _fail("no sessions saved yet")
            elif wanted.isdigit():
                session_id = int(wanted)
            else:
                return _fail(f"--session takes a number or 'last', not {args.session!r}")
            session = store.get_session(session_id)
            if session is None:
                return _fail(f"no session {session_id}")
            turns = store.turns(session_id)
            from app.review.session_review import build_review  # lazy: loads spaCy's words

            render = export.session_json if fmt == "json" else export.session_markdown
            text = render(store.home, session, turns, build_review(store, session_id))
    output = getattr(args, "output", None)
    if output:
        Path(output).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(_for_stdout(text, fmt))
    return 0


def _for_stdout(text: str, fmt: str) -> str:
    """The export with nothing a terminal acts on (app/shown.py). JSON's escapes
    keep the value, so JSON always; a document redirected to a file keeps its
    text as it is, as with -o."""
    if fmt == "json":
        return shown(text, keep="\n")
    return shown(text, keep="\n\t") if sys.stdout.isatty() else text

