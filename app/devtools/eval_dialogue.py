"""``eval-dialogue``: does the tutor converse? Per act, on a hand-written set.

Each line of the set (tests/data/dialogue/README.md) is answered in a fresh
session that has heard the line's context, through the same Practice as
``converse``. Scored per act, by checks that are not the gates the reply
passed (the expected words are the set's own, written with the lines):

- language questions: answered right (an expected word in the answer, and
  for "is it correct?" the verdict); wrong sentences called right; correct
  sentences called right;
- questions to the tutor: the answer uses an expected word; a template
  question glued to it;
- news: the follow-up question uses an expected word (is about what was
  said; a template question never counts), and, stricter, it asks what a
  person would ask next (app/devtools/ask_check.py: the line's hand-written
  targets, not the kind of the thing that broke, not what was said);
  recasts, and recasts the corrector would flag; recasts that say back a
  greeting or thanks;
- goodbyes: without a question, and the session ended;
- unclear lines: a request to say it again;
- every act: recognised by the classifier (app/tutor/acts.py).

With ``--gold-acts`` the set's own act is handed to the tutor in place of the
classifier's, to measure the answers apart from the classification.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from app.cli_support import add_server_options
from app.devtools import ask_check

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "dialogue"
ASKS_AGAIN = re.compile(r"\b(say (it|that) again|didn't catch|didn't (quite )?understand|"
                        r"another way|repeat)\b", re.IGNORECASE)
SAID_BACK = re.compile(r"\b(thank|thanks|hi|hello|fine|haha|lol)\b", re.IGNORECASE)
TEMPLATES = ("Can you tell me a bit more about that?", "What happened next?",
             "How did you feel about it?", "What would you like to talk about next?",
             "Why do you say that?", "What else can you tell me?")


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-dialogue", help="per act: answers right, follow-ups on the content, recasts "
                              "the corrector flags, goodbyes without a question")
    parser.add_argument("file", type=Path, nargs="?", default=DATA / "test.jsonl",
                        help="the set (default: the test split; tune on "
                             "tests/data/dialogue/dev.jsonl)")
    parser.add_argument("--llm", metavar="GGUF", help="a GGUF chat model (default: embedded)")
    add_server_options(parser)  # --llm-url URL, --llm-model NAME
    parser.add_argument("--gold-acts", action="store_true",
                        help="hand the tutor the set's act instead of the classifier's")
    parser.add_argument("--answers-only", action="store_true",
                        help="only the language questions, each classified and answered as "
                             "the conversation does (app/tutor/answers.py) without a session: "
                             "quick per-model figures")
    parser.add_argument("--level", default="B1")
    parser.add_argument("--limit", type=int, default=0, help="only the first N lines")
    parser.add_argument("--act", choices=("news", "language_question", "tutor_question",
                                          "goodbye", "unclear", "request"),
                        help="only the lines of this act (news: the follow-up questions)")
    parser.add_argument("--replies", type=Path,
                        help="score the replies of an earlier --out file instead of making them")
    parser.add_argument("--out", type=Path, help="every reply with its scores (JSON Lines)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    from app.errors import ParleyError

    try:
        items = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        items = [i for i in items if getattr(args, "act", None) in (None, i["act"])]
        items = items[: args.limit or None]
    except (OSError, ValueError) as error:
        raise ParleyError(f"cannot read the set {args.file}: {error}",
                          "give a JSON Lines file like tests/data/dialogue/test.jsonl") from None
    if args.replies:  # score replies made before (an --out file), without a model
        try:
            made = {r["id"]: r for r in map(json.loads, args.replies.read_text().splitlines())}
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ParleyError(f"cannot read the replies {args.replies}: {error}",
                              "give an --out file of an earlier eval-dialogue run") from None
        items = [i for i in items if i["id"] in made]
        records = [{**made[i["id"]], "act": made[i["id"]].get("classified", made[i["id"]]["act"])}
                   for i in items]
        info = {"model": "(replies from " + str(args.replies) + ")",
                "turn_s_p50": _percentile([r["seconds"] for r in records], 50),
                "turn_s_p95": _percentile([r["seconds"] for r in records], 95)}
    elif getattr(args, "answers_only", False):
        items = [i for i in items if i["act"] == "language_question"]
        records, info = answer_only(items, args)
    else:
        records, info = generate(items, args)
    scored = [score(item, record) for item, record in zip(items, records)]
    summary = {**summarise(scored), **info, "file": str(args.file), "gold_acts": args.gold_acts}
    if args.out:
        args.out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in scored))
    print(json.dumps(summary, indent=2) if args.json else format_summary(summary))
    return 0


def generate(items: list[dict], args) -> tuple[list[dict], dict]:
    from app.devtools.sense import scratch_session
    from app.practice import Practice  # lazy: loads SQLAlchemy and libsndfile
    from app.tutor import acts

    with scratch_session(args, "parley-eval-dialogue-") as (engines, store, scenario):
        classify = acts.classify
        records, seconds, tokens_per_s, first_ms = [], [], [], []
        try:
            for item in items:
                practice = Practice(engines, store, scenario=scenario, level=args.level,
                                    speak=False)
                _hear_context(practice.conversation, item["context"])
                if args.gold_acts:
                    acts.classify = lambda *_a, _g=_gold(item), **_k: _g
                practice.conversation.warm_up()
                started = time.monotonic()
                outcome = practice.run_turn(None, text=item["learner"])
                seconds.append(time.monotonic() - started)
                timings = outcome.timings_ms
                if timings.get("llm_tokens_per_s"):
                    tokens_per_s.append(timings["llm_tokens_per_s"])
                first_ms.append(timings.get("llm_first_token", 0.0))
                report = practice.conversation.last_report
                print(f"eval-dialogue: {len(records) + 1}/{len(items)} {item['act']}: "
                      f"{seconds[-1]:.1f} s", file=sys.stderr, flush=True)
                # getattr: the same tool scores the tutor from before issue 24 too.
                records.append({"reply": outcome.reply, "act": getattr(outcome, "act", "news"),
                                "recast": report.recast, "source": report.source,
                                "ends_session": getattr(outcome, "ends_session", False),
                                "first_piece_ms": timings.get("llm_first_token"),
                                "tokens_per_s": timings.get("llm_tokens_per_s"),
                                "seconds": round(seconds[-1], 2)})
                practice.end()
            flagged = _flag_recasts(engines.corrector, records)
        finally:
            acts.classify = classify
    return records, {"model": engines.chat.name, "recasts_checked": flagged,
                     "turn_s_p50": _percentile(seconds, 50), "turn_s_p95": _percentile(seconds, 95),
                     "first_piece_ms_p50": _percentile(first_ms, 50),
                     "first_piece_ms_p95": _percentile(first_ms, 95),
                     "llm_tokens_per_s": _percentile(tokens_per_s, 50)}


def answer_only(items: list[dict], args) -> tuple[list[dict], dict]:
    """Each language question classified (with its context) and answered by
    app.tutor.answers with the session's corrector and tutor model, as
    Conversation does, without the session around it (no opener). A line the
    classifier takes for another act gets no answer: scored wrong."""
    from app.devtools.sense import scratch_session
    from app.tutor import acts, answers

    with scratch_session(args, "parley-eval-answers-") as (engines, _store, _scenario):
        records, seconds = [], []
        before = getattr(engines.chat, "stats", None)
        before = replace(before) if before is not None else None
        for item in items:
            context = [line.split(": ", 1)[1] for line in item["context"][1:]]
            started = time.monotonic()
            act = _gold(item) if args.gold_acts else acts.classify(item["learner"], context)
            reply = answers.answer(act, engines.corrector, engines.chat, args.level) \
                if act.act == acts.Act.LANGUAGE else None
            seconds.append(time.monotonic() - started)
            print(f"eval-dialogue: {len(records) + 1}/{len(items)} {item['kind']}: "
                  f"{seconds[-1]:.1f} s", file=sys.stderr, flush=True)
            records.append({"reply": reply.text if reply else "", "act": act.act.value,
                            "recast": "", "source": reply.source if reply else "",
                            "ends_session": False, "seconds": round(seconds[-1], 2)})
        stats = getattr(engines.chat, "stats", None)
        used = stats.since(before) if stats is not None and before is not None else None
    return records, {"model": engines.chat.name, "turn_s_p50": _percentile(seconds, 50),
                     "turn_s_p95": _percentile(seconds, 95),
                     "llm_tokens_per_s": round(used.tokens_per_s, 1) if used and used.calls
                     else None}


def _gold(item: dict):
    from app.tutor.acts import Act, ActResult

    return ActResult(Act(item["act"]), item.get("kind"), item.get("subject"), item.get("detail"))


def _hear_context(conversation, context: list[str]) -> None:
    """The line's context as the session's history: "Tutor: ..." and "Learner: ..." lines."""
    tutor = [line.split(": ", 1)[1] for line in context if line.startswith("Tutor: ")]
    learner = [line.split(": ", 1)[1] for line in context if line.startswith("Learner: ")]
    if context and context[0].startswith("Tutor: "):
        conversation.opening = tutor[0]
        tutor = tutor[1:]
    for i, said in enumerate(learner):
        conversation.history.append((said, tutor[i] if i < len(tutor) else "I see."))
    if len(tutor) > len(learner):  # the tutor asked last: the line answers that
        conversation.opening = tutor[-1]


def _flag_recasts(corrector, records: list[dict]) -> int:
    """Each recast read by the corrector (without its opener): is it flagged?"""
    checked = 0
    for record in records:
        recast = _without_opener(record["recast"])
        record["recast_flagged"] = None
        if recast:
            record["recast_flagged"] = bool(corrector.correct(recast).edits)
            checked += 1
    return checked


def _without_opener(text: str) -> str:
    from app.tutor.conversation import ACKNOWLEDGEMENTS
    from app.tutor.recast import OPENERS

    text = text.strip()
    for opener in sorted((*OPENERS, *(a for v in ACKNOWLEDGEMENTS.values() for a in v)),
                         key=len, reverse=True):
        if text.startswith(opener):
            text = text[len(opener):].strip(" ,")
            break
    return text[:1].upper() + text[1:] if text else ""


def _has_any(text: str, wanted) -> bool:
    low = text.lower()
    return any(w.lower() in low for w in wanted or ())


def _questions(reply: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", reply) if s.strip().endswith("?")]


def score(item: dict, record: dict) -> dict:
    reply, expect, act = record["reply"], item.get("expect", {}), item["act"]
    out = {**record, "classified": record["act"], "id": item["id"], "act": act,
           "kind": item.get("kind"), "learner": item["learner"],
           "act_right": record["act"] == act}
    low = reply.lower()
    if act == "language_question":
        if item.get("kind") == "is_correct":
            called_right = "that's right" in low
            out["called_right"], out["wrong"] = called_right, bool(expect.get("wrong"))
            out["answered_right"] = (("not quite" in low and _has_any(reply, expect.get("answer_any")))
                                     if expect.get("wrong") else called_right)
        else:
            out["answered_right"] = _has_any(reply, expect.get("answer_any")) and "not sure" not in low
    elif act == "tutor_question":
        out["answered_right"] = _has_any(reply, expect.get("content"))
        out["template"] = any(t in reply for t in TEMPLATES)
    elif act == "news":
        questions = _questions(reply)
        # A template question (source "fallback": "What else can you tell me
        # about your keys?") is never counted, even with a content word in it.
        out["follow_up_on_content"] = bool(questions) and record.get("source") != "fallback" \
            and _has_any(" ".join(questions), expect.get("content"))
        strict = ask_check.strict_ok(questions[-1], expect, item["learner"]) \
            if questions else False
        if strict is not None:
            out["follow_up_strict"] = bool(strict) and record.get("source") != "fallback"
        out["said_back_social"] = bool(SAID_BACK.search(record.get("recast") or ""))
    elif act == "goodbye":
        out["no_question"] = "?" not in reply
        out["ended"] = record["ends_session"]
    elif act == "unclear":
        out["asks_again"] = bool(ASKS_AGAIN.search(reply))
    return out


def summarise(scored: list[dict]) -> dict:
    per: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    for s in scored:
        row = per[s["act"]]
        row["lines"] += 1
        row["act_recognised"] += s["act_right"]
        for key in ("answered_right", "follow_up_on_content", "follow_up_strict", "no_question",
                    "ended", "asks_again", "template", "said_back_social"):
            if key in s:
                row[key] += bool(s[key])
        if s.get("recast_flagged") is not None:
            row["recasts"] += 1
            row["recasts_flagged"] += s["recast_flagged"]
        if s.get("kind") == "is_correct":
            row["unsure"] += "not sure" in s["reply"].lower()
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in scored:
        if s["act"] == "language_question":
            kinds[s["kind"]][0] += bool(s.get("answered_right"))
            kinds[s["kind"]][1] += 1
    return {"per_act": {act: dict(row) for act, row in per.items()},
            "language_per_kind": {k: f"{right}/{n}" for k, (right, n) in sorted(kinds.items())},
            "wrong_called_right": sum(1 for s in scored if s.get("kind") == "is_correct"
                                      and s["called_right"] and _wrong(s)),
            "wrong_sentences": sum(1 for s in scored if s.get("kind") == "is_correct" and _wrong(s)),
            "right_called_right": sum(1 for s in scored if s.get("kind") == "is_correct"
                                      and s["called_right"] and not _wrong(s)),
            "right_sentences": sum(1 for s in scored if s.get("kind") == "is_correct"
                                   and not _wrong(s))}


def _wrong(s: dict) -> bool:
    return bool(s.get("wrong"))


def format_summary(summary: dict) -> str:
    lines = [f"eval-dialogue on {summary['file']} ({summary.get('model', '?')}"
             f"{', gold acts' if summary.get('gold_acts') else ', classified acts'})"]
    for act, row in sorted(summary["per_act"].items()):
        n = row["lines"]
        parts = [f"{act}: {n} lines", f"act recognised {row.get('act_recognised', 0)}/{n}"]
        for key in ("answered_right", "follow_up_on_content", "follow_up_strict", "no_question",
                    "ended", "asks_again", "template", "said_back_social"):
            if key in row or (key == "answered_right" and act in ("language_question",
                                                                  "tutor_question")):
                parts.append(f"{key.replace('_', ' ')} {row.get(key, 0)}/{n}")
        if row.get("recasts"):
            parts.append(f"recasts flagged {row.get('recasts_flagged', 0)}/{row['recasts']}")
        lines.append("  " + ", ".join(parts))
    lines.append("  language answered right per kind: " + ", ".join(
        f"{k} {v}" for k, v in summary.get("language_per_kind", {}).items()))
    lines.append(f"  is it correct: wrong called right {summary['wrong_called_right']}/"
                 f"{summary['wrong_sentences']}, right called right "
                 f"{summary['right_called_right']}/{summary['right_sentences']}")
    lines.append(f"  turn {summary.get('turn_s_p50')} s p50, {summary.get('turn_s_p95')} s p95; "
                 f"first piece {summary.get('first_piece_ms_p50')} ms p50, "
                 f"{summary.get('first_piece_ms_p95')} ms p95; llama.cpp "
                 f"{summary.get('llm_tokens_per_s')} tokens/s")
    return "\n".join(lines)


def _percentile(values: list[float], q: int) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))], 3)
