"""What the command line's modules share: the model options every command that
runs the tutor takes, the settings they make, and JSON output.

A leaf of the command line: app.commands, app.converse and the developer
tools (app.devtools) all import it, and it imports none of them.
"""

from __future__ import annotations

from app.config import Settings
from app.shown import shown_json


def add_server_options(parser) -> None:
    """--llm-url and --llm-model, for every command that runs the tutor."""
    parser.add_argument("--llm-url", help="an OpenAI-compatible server, e.g. "
                                          "http://127.0.0.1:11434/v1 (the local model stands in)")
    parser.add_argument("--llm-model", help="the model's name on that server")


def settings_from(args) -> Settings:
    """The settings of the environment, overridden by the command's model options."""
    return Settings.from_env(
        asr_backend=getattr(args, "backend", None),
        asr_model=getattr(args, "asr_model", None) or getattr(args, "model", None),
        llm_model=getattr(args, "llm", None),
        voice=getattr(args, "voice", None),
        llm_url=getattr(args, "llm_url", None),
        llm_server_model=getattr(args, "llm_model", None),
    )


def print_json(value) -> None:
    print(shown_json(value, indent=2))
