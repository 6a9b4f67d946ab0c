"""``eval-sense``: does the tutor's reply make sense? Measured apart from the gate.

The replies are made as ``converse --fresh`` makes them (a new conversation per
line, the same engines and rules), or read from a file of its ``--json``
output, and scored against hand annotations (tests/data/conversation/README.md):

- pickup: the reply uses one of the line's key lemmas (any form); counted for
  the whole reply and for the follow-up question alone (the recast repeats
  the learner's words by design, so the question shows what the model took in);
- tone: after bad news no cheerful word of the tutor's own (the learner's own
  "amazing" said back does not count) and some sympathy; after news that was
  not bad, no sympathy ("oh no" to a picnic plan is as wrong);
- facts: the annotated event's subject in the reply is the right person
  ("you got married" when the brother did is wrong);
- clarification: lines nobody could understand get a request to say them
  again, and understood lines do not;
- who wrote it: the model alone, repaired, templated, clarification, help.

None of this calls app/tutor/replies.py or app/tutor/tone.py, the checks the
replies had to pass: the cheer and sympathy words here are the evaluation's
own, and the news is the annotators', not VADER's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from app.cli_support import add_server_options, settings_from
from app.engines import Engines
from app.tutor.recast import _nlp as parser
from app.tutor.scenarios import get_scenario

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "conversation"
CHEER = re.compile(r"\b(glad|great|nice|wonderful|awesome|fantastic|amazing|lovely|"
                   r"congratulations|congrats|exciting|excited|fun|happy|cool|wow|yay|"
                   r"brilliant|perfect|good news|how nice)\b", re.IGNORECASE)
SYMPATHY = re.compile(r"\b(oh no|oh dear|sorry|too bad|what a shame|that's a shame|poor|"
                      r"terrible|awful|that's hard|must be hard|i hope)\b", re.IGNORECASE)
ASKS_AGAIN = re.compile(r"\b(say (it|that) again|didn't catch|didn't (quite )?understand|"
                        r"another way|repeat)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-sense", help="does the tutor pick up what was said, in the right tone, with the "
                           "facts right? (annotated learner lines)")
    parser.add_argument("file", type=Path, nargs="?", default=DATA / "eval.jsonl",
                        help="annotated lines (default: the evaluation set; the development "
                             "set is tests/data/conversation/dev.jsonl)")
    parser.add_argument("--replies", type=Path,
                        help="score these `converse --fresh --json` records instead of "
                             "generating replies")
    parser.add_argument("--llm", metavar="GGUF", help="a GGUF chat model (default: embedded)")
    add_server_options(parser)  # --llm-url URL, --llm-model NAME
    parser.add_argument("--level", default="B1")
    parser.add_argument("--no-recast", action="store_true",
                        help="the reply before issue 11: the model alone, no recast")
    parser.add_argument("--limit", type=int, default=0, help="only the first N lines")
    parser.add_argument("--out", type=Path, help="write every reply and its scores (JSON Lines)")
    parser.add_argument("--keep-replies", type=Path, metavar="FILE",
                        help="append each reply to FILE as it is made (JSON Lines, as "
                             "--replies reads them): a long run stopped early still "
                             "leaves the lines it answered to score")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    items = load(args.file)[: args.limit or None]
    if args.replies:
        made = {r["learner"]: r for r in map(json.loads, args.replies.read_text().splitlines())
                if "learner" in r}
        records, info = [made[i["learner"]] for i in items if i["learner"] in made], {}
        items = [i for i in items if i["learner"] in made]
    else:
        records, info = generate(items, args)
    scored = [score(item, record) for item, record in zip(items, records)]
    summary = {**summarise(scored), **info, "file": str(args.file)}
    if args.out:
        args.out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in scored))
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(format_summary(summary))
    return 0


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@contextlib.contextmanager
def scratch_session(args, prefix: str):
    """(engines, store, scenario) for text turns in a scratch data folder: the
    models ``args`` name (--llm GGUF, or --llm-url/--llm-model: a server),
    the tutor and corrections loaded, free talk; removed afterwards."""
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

    with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
        settings = replace(settings_from(args), home=Path(scratch))
        engines = Engines(settings)
        for name, load_stage in engines.stages():
            if name in ("tutor", "corrections", "grammar"):
                load_stage()
        store = open_store(settings.home)
        try:
            yield engines, store, get_scenario("free-talk")
        finally:
            store.close()


def generate(items: list[dict], args) -> tuple[list[dict], dict]:
    """Each line in a fresh conversation, through the same Practice as ``converse``."""
    from app.practice import Practice  # lazy: loads SQLAlchemy and libsndfile

    with scratch_session(args, "parley-eval-sense-") as (engines, store, scenario):
        records, seconds, warm = [], [], False
        kept = args.keep_replies.open("a", encoding="utf-8") if getattr(
            args, "keep_replies", None) else None
        for item in items:
            practice = Practice(engines, store, scenario=scenario, level=args.level,
                                speak=False)
            practice.conversation.recasts = not args.no_recast
            if not warm:
                practice.conversation.warm_up()
                warm = True
            started = time.monotonic()
            outcome = practice.run_turn(None, text=item["learner"]) if item["learner"].strip(
                ) else None
            seconds.append(time.monotonic() - started)
            report = practice.conversation.last_report
            records.append({"learner": item["learner"],
                            "reply": outcome.reply if outcome else "",
                            "recast": report.recast, "source": report.source,
                            "dropped": report.dropped,
                            "first_piece_ms": outcome.timings_ms.get("llm_first_token")
                            if outcome else None})
            if kept is not None:
                kept.write(json.dumps({**records[-1], "seconds": round(seconds[-1], 2)},
                                      ensure_ascii=False) + "\n")
                kept.flush()
        stats = engines.chat.stats
        first = sorted(r["first_piece_ms"] for r in records if r["first_piece_ms"] is not None)
        info = {"model": engines.chat.name, "recast": not args.no_recast,
                "seconds_per_line": round(sum(seconds) / max(1, len(seconds)), 2),
                # From the typed line to the reply's first sentence (the recast, when there is one).
                "first_sentence_ms_p50": first[len(first) // 2] if first else None,
                "llm_tokens_per_s": round(stats.tokens_per_s, 1)}
        if kept is not None:
            kept.close()
    return records, info


def _nlp():
    return parser()


def score(item: dict, record: dict) -> dict:
    reply, recast = record.get("reply", ""), record.get("recast", "") or ""
    question = reply[len(recast):].strip() if recast and reply.startswith(recast) else reply
    out = {**item, "reply": reply, "recast": recast, "source": record.get("source", "?"),
           "dropped": record.get("dropped", 0)}
    if item["topic"] == "unclear":
        out["asks_again"] = bool(ASKS_AGAIN.search(reply))
        return out
    out["asks_again"] = bool(ASKS_AGAIN.search(reply))
    out["pickup"] = picks_up(reply, item["key"])
    out["question_pickup"] = picks_up(question, item["key"])
    said = set(re.findall(r"[a-z]+", item["learner"].lower()))
    own_cheer = [m.group(0).lower() for m in CHEER.finditer(reply)
                 if not set(m.group(0).lower().split()) <= said]
    first = _SENTENCE.split(reply.strip())[0] if reply.strip() else ""
    out["cheerful_open"] = any(m.group(0).lower() in own_cheer for m in CHEER.finditer(first))
    out["cheerful"] = bool(own_cheer)
    out["sympathy"] = bool(SYMPATHY.search(reply))
    news = item["sentiment"]
    out["tone_ok"] = (not out["cheerful"] and out["sympathy"]) if news == "negative" else (
        not out["sympathy"])
    out["fact_wrong"] = fact_wrong(reply, item.get("who"), item.get("event"))
    return out


def picks_up(text: str, keys: list[str]) -> bool:
    if not text.strip():
        return False
    keys = {k.lower() for k in keys}
    return any(t.lemma_.lower() in keys or t.text.lower() in keys for t in _nlp()(text))


def fact_wrong(reply: str, who: str | None, event: str | None) -> bool | None:
    """Does the reply give the event to the wrong person? None: it does not say."""
    if not who or not event or not reply.strip():
        return None
    verdicts = []
    for token in _nlp()(reply):
        if token.lemma_.lower() != event or token.pos_ not in ("VERB", "AUX"):
            continue
        verb = token
        while verb.dep_ in ("conj", "xcomp") and not _subjects(verb):
            verb = verb.head  # "you went and lost it": the subject of the first verb
        subjects = [s.text.lower() for s in _subjects(verb)]
        if not subjects:
            continue
        if who == "learner":
            verdicts.append(any(s in ("i", "he", "she", "we") for s in subjects))
        else:
            verdicts.append(any(s in ("you", "i", "we") for s in subjects))
    return any(verdicts) if verdicts else None


def _subjects(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def summarise(scored: list[dict]) -> dict:
    clear = [s for s in scored if s["topic"] != "unclear"]
    unclear = [s for s in scored if s["topic"] == "unclear"]
    bad = [s for s in clear if s["sentiment"] == "negative"]
    good = [s for s in clear if s["sentiment"] == "positive"]
    facts = [s for s in clear if s["fact_wrong"] is not None]

    def share(rows, key) -> float:
        return round(sum(bool(r[key]) for r in rows) / len(rows), 3) if rows else 0.0

    sources = Counter(s["source"] for s in scored)
    return {
        "lines": len(scored), "clear_lines": len(clear), "unclear_lines": len(unclear),
        "pickup": share(clear, "pickup"),
        "question_pickup": share(clear, "question_pickup"),
        "tone_ok": share(clear, "tone_ok"),
        "bad_news": len(bad),
        "bad_news_cheerful_open": sum(s["cheerful_open"] for s in bad),
        "bad_news_cheerful_anywhere": sum(s["cheerful"] for s in bad),
        "bad_news_sympathy": share(bad, "sympathy"),
        "good_news_sympathy": share(good, "sympathy"),
        "facts_stated": len(facts),
        "facts_wrong": sum(bool(s["fact_wrong"]) for s in facts),
        "unclear_asked_again": share(unclear, "asks_again"),
        "clear_asked_again": share(clear, "asks_again"),
        "sources": {k: round(v / max(1, len(scored)), 3) for k, v in sorted(sources.items())},
        "statements_dropped": share([s for s in clear if s["source"] == "model"], "dropped"),
    }


def format_summary(s: dict) -> str:
    lines = [
        f"{s['file']}: {s['lines']} lines ({s['clear_lines']} clear, "
        f"{s['unclear_lines']} not understandable)"
        + (f"; model {s['model']}, recast {'on' if s.get('recast') else 'off'}, "
           f"{s['seconds_per_line']} s a line, first sentence p50 {s['first_sentence_ms_p50']} ms, "
           f"llama.cpp {s['llm_tokens_per_s']} tokens/s"
           if "model" in s else ""),
        f"  picks up what was said      {s['pickup']:6.1%}   (the question alone "
        f"{s['question_pickup']:.1%})",
        f"  tone fits the news          {s['tone_ok']:6.1%}",
        f"  bad news ({s['bad_news']}): opens cheerfully {s['bad_news_cheerful_open']}, "
        f"cheerful anywhere {s['bad_news_cheerful_anywhere']}, sympathy "
        f"{s['bad_news_sympathy']:.1%}; good news met with sympathy "
        f"{s['good_news_sympathy']:.1%}",
        f"  facts about the learner     {s['facts_wrong']} wrong of {s['facts_stated']} stated",
        f"  not understood -> asks again {s['unclear_asked_again']:6.1%}   "
        f"(understood lines asked again {s['clear_asked_again']:.1%})",
        "  written by " + ", ".join(f"{k} {v:.1%}" for k, v in s["sources"].items())
        + f"; the model's statements before its question dropped in "
          f"{s['statements_dropped']:.1%} of its replies",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.devtools.sense")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    return run(parser.parse_args(["eval-sense", *(argv or sys.argv[1:])]))


if __name__ == "__main__":
    raise SystemExit(main())
