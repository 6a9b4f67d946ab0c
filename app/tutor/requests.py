"""Spoken requests to the app as functions with typed arguments (JSON schema).

Recognition lives here; carrying a request out lives with the session
(app/tutor/actions.py, for the command line and the window). The act
classifier (app.tutor.acts) routes lines here: ``recognise`` is the one path.

How a line is recognised:
1. The fast path (app/tutor/request_rules.py): the structure of the sentence
   says whether it is addressed to the tutor as a request, and its words
   which function it asks for. Statements ("my grandfather speaks very
   slowly") are never requests, and cost one spaCy parse (a few ms).
2. Only a clause addressed to the tutor as a request whose words name no
   function the rules know is given to the chat model, which chooses under
   the schemas: a JSON schema (a llama.cpp grammar) with the embedded or a
   local model, the ``tools`` parameter with an OpenAI-compatible server.
   It may answer "none". So an ordinary turn never waits on the model.

A returned call may lack a required argument, or carry one that does not
validate ("practise something" names no scenario): ``problems`` says so,
and the tutor asks a short question instead of guessing.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence

from app.tutor.act_types import RequestCall

log = logging.getLogger(__name__)

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
# What each function does, for the model (and the tools parameter).
DESCRIPTIONS = {
    "speak_slower": "the learner asks the tutor to speak more slowly",
    "speak_faster": "the learner asks the tutor to speak faster",
    "speak_normal": "the learner asks the tutor to speak at normal speed again",
    "repeat": "the learner asks the tutor to say its last line again",
    "spell": "the learner asks how a word is spelled",
    "change_topic": "the learner asks to talk about something else",
    "start_scenario": "the learner asks to practise a situation (ordering food, a job interview)",
    "corrections": "the learner asks for more, fewer, no, or explained corrections",
    "explain_last_correction": "the learner asks what was wrong in what they said",
    "say_it_better": "the learner asks how to say their last line better",
    "remember": "the learner asks the tutor to remember a fact about them",
    "forget": "the learner asks the tutor to forget something they said",
    "pause": "the learner asks the tutor to wait while they think",
    "end_session": "the learner asks to stop the session",
}
NONE = "none"
SYSTEM = ("You sort what an English learner says to their tutor. If it asks the tutor or the "
          "app to do one of these things, answer with that function; otherwise answer none.\n"
          + "\n".join(f"- {name}: {what}" for name, what in DESCRIPTIONS.items())
          + f"\n- {NONE}: anything else (news, an answer, a question)")


def choice_schema() -> dict:
    """The model's answer: one function with valid arguments, or none."""
    options = [{"type": "object",
                "properties": {"name": {"const": name}, "arguments": schema},
                "required": ["name", "arguments"], "additionalProperties": False}
               for name, schema in FUNCTIONS.items()]
    options.append({"type": "object", "properties": {"name": {"const": NONE}},
                    "required": ["name"], "additionalProperties": False})
    return {"anyOf": options}


def tools() -> list[dict]:
    """The functions as the OpenAI ``tools`` parameter."""
    return [{"type": "function",
             "function": {"name": name, "description": DESCRIPTIONS[name], "parameters": schema}}
            for name, schema in FUNCTIONS.items()]


# -- validation -----------------------------------------------------------------------

def problems(call: RequestCall) -> list[str]:
    """What is wrong with ``call`` against its schema ([] when it is valid).
    A small validator for the schemas above (jsonschema is not a dependency):
    objects of strings, booleans and enums, required keys, no extra keys."""
    schema = FUNCTIONS.get(call.name)
    if schema is None:
        return [f"unknown function {call.name!r}"]
    if not isinstance(call.arguments, dict):
        return ["arguments are not an object"]
    found = [f"missing {key}" for key in schema.get("required", ()) if key not in call.arguments]
    properties = schema.get("properties", {})
    for key, value in call.arguments.items():
        spec = properties.get(key)
        if spec is None:
            found.append(f"unexpected argument {key}")
        elif "enum" in spec and value not in spec["enum"]:
            found.append(f"{key} must be one of {', '.join(spec['enum'])}")
        elif spec.get("type") == "string" and not (isinstance(value, str) and value.strip()):
            found.append(f"{key} must be a word or phrase")
        elif spec.get("type") == "boolean" and not isinstance(value, bool):
            found.append(f"{key} must be true or false")
    if call.name == "start_scenario" and not found:
        from app.tutor.request_scenarios import scenario_choices

        if call.arguments["scenario"] not in scenario_choices():
            found.append(f"no scenario {call.arguments['scenario']!r}")
    return found


# -- recognition ----------------------------------------------------------------------

_recent: OrderedDict = OrderedDict()
_recent_lock = threading.Lock()


def recognise(text: str, context: Sequence[str] = (), model=None) -> RequestCall | None:
    """The request in ``text``, or None when it is not one. ``context`` is
    the session's earlier lines, oldest first; ``model`` an optional
    ChatModel, asked only when the sentence is addressed to the tutor as a
    request the rules cannot name. The answer for a line is remembered, so
    the act classifier and the turn asking about the same line pay once."""
    key = (text, id(model))
    with _recent_lock:
        if key in _recent:
            return _recent[key]
    call = _recognise(text, context, model)
    with _recent_lock:
        _recent[key] = call
        while len(_recent) > 16:
            _recent.popitem(last=False)
    return call


def _recognise(text: str, context: Sequence[str], model) -> RequestCall | None:
    from app.tutor import request_rules as rules

    found = rules.match(text)
    if isinstance(found, rules.Found):
        return RequestCall(found.name, dict(found.arguments))
    if isinstance(found, rules.Maybe) and model is not None:
        return ask_model(text, context, model)
    return None


def ask_model(text: str, context: Sequence[str], model) -> RequestCall | None:
    """The model's choice for ``text``, under the schemas; None for "none"
    or when the model cannot answer."""
    messages = [{"role": "system", "content": SYSTEM}]
    if context:
        messages.append({"role": "assistant", "content": context[-1]})
    messages.append({"role": "user", "content": text})
    try:
        choose = getattr(model, "choose_function", None)
        # An OpenAI-compatible server: the tools parameter (NotImplemented
        # when it takes no tools, or is down and the embedded model stands in).
        answer = choose(messages, tools()) if callable(choose) else NotImplemented
        if answer is None:
            return None
        if answer is not NotImplemented:
            name, arguments = answer
        else:
            raw = model.complete(messages, json_schema=choice_schema(), max_tokens=48,
                                 temperature=0.0)
            data = json.loads(raw)
            name, arguments = data.get("name"), data.get("arguments") or {}
    except Exception as error:  # noqa: BLE001 - a model that fails means no request
        log.debug("the model could not choose a function: %s", error)
        return None
    if name not in FUNCTIONS or not isinstance(arguments, dict):
        return None
    return RequestCall(name, arguments)
