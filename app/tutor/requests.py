"""Spoken requests to the app as functions with typed arguments (JSON schema).

Recognition lives here; carrying a request out lives with the session
(CLI and window). The act classifier (app.tutor.acts) routes lines here.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.tutor.act_types import RequestCall

# name -> JSON schema of its arguments
FUNCTIONS: dict[str, dict] = {
    "speak_slower": {"type": "object", "properties": {}, "additionalProperties": False},
    "speak_faster": {"type": "object", "properties": {}, "additionalProperties": False},
    "speak_normal": {"type": "object", "properties": {}, "additionalProperties": False},
    "repeat": {"type": "object", "properties": {"slowly": {"type": "boolean"}},
               "additionalProperties": False},
    "spell": {"type": "object", "properties": {"word": {"type": "string"}},
              "additionalProperties": False},
    "change_topic": {"type": "object", "properties": {"topic": {"type": "string"}},
                     "additionalProperties": False},
    "start_scenario": {"type": "object", "properties": {"scenario": {"type": "string"}},
                       "required": ["scenario"], "additionalProperties": False},
    "corrections": {"type": "object",
                    "properties": {"mode": {"enum": ["more", "less", "off", "explain"]}},
                    "required": ["mode"], "additionalProperties": False},
    "explain_last_correction": {"type": "object", "properties": {},
                                "additionalProperties": False},
    "say_it_better": {"type": "object", "properties": {}, "additionalProperties": False},
    "remember": {"type": "object", "properties": {"fact": {"type": "string"}},
                 "required": ["fact"], "additionalProperties": False},
    "forget": {"type": "object", "properties": {"about": {"type": "string"}},
               "required": ["about"], "additionalProperties": False},
    "pause": {"type": "object", "properties": {}, "additionalProperties": False},
    "end_session": {"type": "object", "properties": {}, "additionalProperties": False},
}


def recognise(text: str, context: Sequence[str] = (), model=None) -> RequestCall | None:
    """The request in ``text``, or None when it is not one."""
    return None
