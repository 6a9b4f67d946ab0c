"""``python -m app eval-acts [FILE]``: how well :func:`app.tutor.acts.classify`
tells what the learner is doing, on labelled lines (tests/data/acts/; see its
README).

Per act: precision, recall and F1. Per kind (language and tutor questions):
the share whose kind is right, and for language questions the share whose
subject (and word form) is right. Then the confusions that change what the
tutor does: a request or a goodbye taken for news and back, a language
question taken for news. The score is computed here, from the labels alone.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ParleyError

DEFAULT = Path("tests/data/acts/test.jsonl")
ACTS = ("news", "language_question", "tutor_question", "request", "goodbye", "unclear")
# The mistakes that change what happens next, as (labelled, classified).
WATCHED = (("request", "news"), ("news", "request"), ("goodbye", "news"), ("news", "goodbye"),
           ("language_question", "news"), ("news", "language_question"),
           ("tutor_question", "news"), ("news", "tutor_question"),
           ("language_question", "tutor_question"), ("tutor_question", "language_question"))


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-acts", help="precision and recall of the learner's act on labelled lines")
    parser.add_argument("file", type=Path, nargs="?", default=DEFAULT,
                        help=f"JSON Lines of labelled lines (default {DEFAULT}, the test split; "
                             "tests/data/acts/dev.jsonl is the tuning split)")
    parser.add_argument("--show", action="store_true", help="print each line classified wrong")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


@dataclass
class ActScores:
    lines: int = 0
    pairs: Counter = field(default_factory=Counter)  # (labelled, classified) -> count
    kinds: dict = field(default_factory=dict)  # kind -> [right, total]
    subjects: list = field(default_factory=lambda: [0, 0])  # [right, total]
    forms: list = field(default_factory=lambda: [0, 0])
    wrong: list = field(default_factory=list)
    seconds: list = field(default_factory=list)

    def per_act(self) -> dict:
        table = {}
        for act in ACTS:
            tp = self.pairs[(act, act)]
            labelled = sum(n for (gold, _), n in self.pairs.items() if gold == act)
            found = sum(n for (_, got), n in self.pairs.items() if got == act)
            precision = tp / found if found else 0.0
            recall = tp / labelled if labelled else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            table[act] = {"labelled": labelled, "found": found, "precision": round(precision, 3),
                          "recall": round(recall, 3), "f1": round(f1, 3)}
        return table

    def as_dict(self) -> dict:
        right = sum(n for (gold, got), n in self.pairs.items() if gold == got)
        times = sorted(self.seconds)
        return {
            "lines": self.lines,
            "accuracy": round(right / self.lines, 3) if self.lines else 0.0,
            "acts": self.per_act(),
            "kinds": {k: {"right": r, "labelled": t, "accuracy": round(r / t, 3)}
                      for k, (r, t) in sorted(self.kinds.items())},
            "language_subject": _share(self.subjects),
            "word_form_detail": _share(self.forms),
            "confusions": {f"{gold}->{got}": self.pairs[(gold, got)] for gold, got in WATCHED},
            "ms_per_line": {"median": round(1000 * statistics.median(times), 3) if times else 0,
                            "p95": round(1000 * times[int(0.95 * (len(times) - 1))], 3)
                            if times else 0},
        }


def _share(pair: list) -> dict:
    return {"right": pair[0], "labelled": pair[1],
            "accuracy": round(pair[0] / pair[1], 3) if pair[1] else 0.0}


def same_subject(got: str | None, gold: str | None) -> bool:
    def norm(text):
        text = re.sub(r"[^\w' ]", " ", (text or "").lower())
        words = (w.strip("'") for w in text.split())
        return " ".join(w for w in words if w and w not in ("a", "an", "the"))

    return norm(got) == norm(gold)


def score(items: list[dict], classify) -> ActScores:
    scores = ActScores()
    for item in items:
        started = time.perf_counter()
        result = classify(item["text"], item.get("context", []))
        scores.seconds.append(time.perf_counter() - started)
        got = str(result.act)
        scores.lines += 1
        scores.pairs[(item["act"], got)] += 1
        problems = [] if got == item["act"] else [f"act {got}"]
        if item.get("kind"):
            right = got == item["act"] and result.kind == item["kind"]
            tally = scores.kinds.setdefault(item["kind"], [0, 0])
            tally[0] += right
            tally[1] += 1
            if got == item["act"] and not right:
                problems.append(f"kind {result.kind}")
        if item["act"] == "language_question":
            right = got == item["act"] and same_subject(result.subject, item.get("subject"))
            scores.subjects[0] += right
            scores.subjects[1] += 1
            if got == item["act"] and not right:
                problems.append(f"subject {result.subject!r}")
            if item.get("detail"):
                scores.forms[0] += got == item["act"] and result.detail == item["detail"]
                scores.forms[1] += 1
                if got == item["act"] and result.detail != item["detail"]:
                    problems.append(f"detail {result.detail}")
        if problems:
            label = "/".join(str(item[k]) for k in ("act", "kind", "subject") if item.get(k))
            scores.wrong.append(f"{item['text']!r} [{label}]: {', '.join(problems)}")
    return scores


def load(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise ParleyError(f"cannot read {path}: {reason}",
                          "give labelled lines, e.g. tests/data/acts/dev.jsonl") from None
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            raise ParleyError(f"{path}:{number}: not a JSON object",
                              "each line is one labelled line, see tests/data/acts/README.md"
                              ) from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) \
                or item.get("act") not in ACTS:
            raise ParleyError(f"{path}:{number}: needs \"text\" and an \"act\" of "
                              f"{', '.join(ACTS)}", "see tests/data/acts/README.md")
        items.append(item)
    if not items:
        raise ParleyError(f"{path}: no labelled lines", "see tests/data/acts/README.md")
    return items


def run(args: argparse.Namespace) -> int:
    from app.tutor.acts import classify

    items = load(args.file)
    classify("warm up: what does awkward mean", [])  # lemminflect's tables load once
    scores = score(items, classify)
    result = scores.as_dict()
    if args.json:
        print(json.dumps({"file": str(args.file), **result}))
        return 0
    print(f"{args.file}: {result['lines']} lines, accuracy {result['accuracy']:.3f}, "
          f"{result['ms_per_line']['median']:.2f} ms a line (p95 "
          f"{result['ms_per_line']['p95']:.2f})")
    print(f"{'act':<20}{'lines':>6}{'found':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for act, row in result["acts"].items():
        print(f"{act:<20}{row['labelled']:>6}{row['found']:>7}{row['precision']:>11.3f}"
              f"{row['recall']:>8.3f}{row['f1']:>7.3f}")
    print("kind (right / labelled):")
    for kind, row in result["kinds"].items():
        print(f"  {kind:<18}{row['right']:>4} / {row['labelled']:<4}{row['accuracy']:.3f}")
    for name in ("language_subject", "word_form_detail"):
        row = result[name]
        print(f"{name.replace('_', ' ')}: {row['right']} / {row['labelled']} "
              f"({row['accuracy']:.3f})")
    print("confusions (labelled -> classified): " + ", ".join(
        f"{pair} {n}" for pair, n in result["confusions"].items() if n) or "none")
    if args.show:
        for line in scores.wrong:
            print(f"  {line}")
    return 0
