"""``python -m app eval-memory FILE``: precision and recall of fact extraction
on annotated learner lines (tests/data/memory/lines.jsonl; see its README).

A fact found counts as right only when its kind and subject (whom it is
about) match an annotated fact, the annotated key word is in its value, and,
for a plan, its resolved date is the annotated one. The score is computed
here, apart from the extractor's own checks.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.errors import ParleyError
from app.memory.extract import extract

SAID_ON = date(2026, 12, 2)  # the day every line is taken to be said (a Wednesday)


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-memory", help="precision and recall of remembered facts on annotated lines")
    parser.add_argument("file", type=Path, help="JSON Lines, e.g. tests/data/memory/lines.jsonl")
    parser.add_argument("--split", default="eval", help="dev, eval or all (default eval)")
    parser.add_argument("--show", action="store_true", help="print each wrong or missed fact")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


@dataclass
class MemoryScores:
    lines: int = 0
    found: int = 0
    right: int = 0
    wrong_subject: int = 0
    gold: int = 0
    recalled: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 1.0

    def as_dict(self) -> dict:
        return {"lines": self.lines, "facts_found": self.found, "right": self.right,
                "wrong_subject": self.wrong_subject, "annotated": self.gold,
                "recalled": self.recalled, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3)}


def _matches(fact, gold: dict, subject: bool = True) -> bool:
    key = gold["value"].lower()
    if fact.kind != gold["kind"] or key not in f"{fact.value} {fact.slot}".lower():
        return False
    if subject and fact.subject != gold["subject"]:
        return False
    if "date" in gold and (fact.event_date is None or fact.event_date.isoformat() != gold["date"]):
        return False
    return True


def score(items: list[dict], extract) -> MemoryScores:
    scores = MemoryScores()
    for item in items:
        facts = extract(item["text"], SAID_ON)
        scores.lines += 1
        scores.found += len(facts)
        scores.gold += len(item["facts"])
        for fact in facts:
            if any(_matches(fact, gold) for gold in item["facts"]):
                scores.right += 1
            else:
                if any(_matches(fact, gold, subject=False) for gold in item["facts"]):
                    scores.wrong_subject += 1
                scores.wrong.append(f"{item['text']!r}: {fact.kind}/{fact.subject} {fact.value!r}"
                                    f" {fact.event_date or ''}")
        for gold in item["facts"]:
            if any(_matches(fact, gold) for fact in facts):
                scores.recalled += 1
            else:
                scores.missed.append(f"{item['text']!r}: {gold}")
    return scores


def load(path: Path, split: str) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ParleyError(f"cannot read {path}: {error.strerror}",
                          "give the annotated lines, e.g. tests/data/memory/lines.jsonl") from None
    items = [json.loads(line) for line in lines if line.strip()]
    return [i for i in items if split == "all" or i.get("split") == split]


def run(args: argparse.Namespace) -> int:
    scores = score(load(args.file, args.split), extract)
    if args.json:
        print(json.dumps({"split": args.split, **scores.as_dict()}))
        return 0
    print(f"{args.split}: {scores.lines} lines, {scores.found} facts found, {scores.right} right "
          f"({scores.wrong_subject} wrong only in whom they are about), {scores.gold} annotated")
    print(f"precision {scores.precision:.3f}  recall {scores.recall:.3f}")
    if args.show:
        for line in scores.wrong:
            print(f"  wrong:  {line}")
        for line in scores.missed:
            print(f"  missed: {line}")
    return 0
