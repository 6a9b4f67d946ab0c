"""Build dev.jsonl and test.jsonl from requests.txt, lookalikes.txt and the
project's other learner lines (tests/data/conversation, corrections, memory).

Run from the repository root: python tests/data/requests/make_sets.py
Each line goes to dev or test by a hash of its words, so the split never
changes when lines are added. A request line also gets, now and then, a
variant wrapped the way learners open or close a request ("um", "sorry,",
"teacher,", "please"); a variant stays in its line's split.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
OPENERS = ("um, ", "sorry, ", "teacher, ", "ok ", "hey, ", "excuse me, ", "uh ", "so ")
CLOSERS = (" please", ", thanks", " please?", ", thank you")


# Lines of the other sets that are requests to the tutor (found when the test
# split was first scored: they had been counted as ordinary lines).
POOL_REQUESTS = {
    "could you speak more slowly please": ("speak_slower", {}),
    "could you say that again more slowly": ("repeat", {"slowly": True}),
}


def split_of(text: str) -> str:
    digest = hashlib.sha1(text.lower().encode("utf-8")).digest()
    return "test" if digest[0] % 2 else "dev"


def requests() -> list[dict]:
    rows, rng = [], random.Random(25)
    for line in (HERE / "requests.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, text = (part.strip() for part in line.split("|", 1))
        name, *rest = head.split(None, 1)
        arguments = {}
        for pair in (rest[0].split(";") if rest else []):
            key, value = pair.split("=", 1)
            arguments[key.strip()] = True if value == "true" else value.strip()
        split = split_of(text)
        call = {"name": name, "arguments": arguments}
        rows.append({"split": split, "kind": "request", "text": text, "call": call})
        if rng.random() < 0.45:
            wrapped = rng.choice(OPENERS) + text if rng.random() < 0.6 else (
                text.rstrip("?!.") + rng.choice(CLOSERS))
            if "please" in text and "please" in wrapped.replace(text, ""):
                wrapped = rng.choice(OPENERS) + text
            rows.append({"split": split, "kind": "request", "text": wrapped, "call": call})
    return rows


def ordinary() -> list[dict]:
    rows = []
    for line in (HERE / "lookalikes.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(("lookalike", line.strip()))
    sources = (("conversation/dev.jsonl", "learner"), ("conversation/eval.jsonl", "learner"),
               ("corrections/learner_dev.jsonl", "source"),
               ("corrections/learner_test.jsonl", "source"),
               ("corrections/eval.jsonl", "source"), ("memory/lines.jsonl", "text"))
    for name, key in sources:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(("learner", json.loads(line)[key]))
    seen, out = set(), []
    for kind, text in rows:
        if text in POOL_REQUESTS:  # a request among the other sets' lines
            name, arguments = POOL_REQUESTS[text]
            out.append({"split": split_of(text), "kind": "request", "text": text,
                        "call": {"name": name, "arguments": arguments}})
            continue
        if text.lower() not in seen:
            seen.add(text.lower())
            out.append({"split": split_of(text), "kind": kind, "text": text, "call": None})
    return out


def fresh() -> list[dict]:
    """fresh.txt: written after tuning and scored once; then added to dev."""
    rows = []
    for line in (HERE / "fresh.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, text = (part.strip() for part in line.split("|", 1))
        name, *rest = head.split(None, 1)
        arguments = {}
        for pair in (rest[0].split(";") if rest else []):
            key, value = pair.split("=", 1)
            arguments[key.strip()] = True if value == "true" else value.strip()
        call = None if name == "none" else {"name": name, "arguments": arguments}
        rows.append({"split": "dev", "kind": "lookalike" if call is None else "request",
                     "text": text, "call": call})
    return rows


def main() -> None:
    rows = requests() + ordinary() + fresh()
    for split in ("dev", "test"):
        with (HERE / f"{split}.jsonl").open("w", encoding="utf-8") as out:
            for row in rows:
                if row["split"] == split:
                    out.write(json.dumps({k: v for k, v in row.items() if k != "split"},
                                         ensure_ascii=False) + "\n")
    for split in ("dev", "test"):
        kinds = [r["kind"] for r in rows if r["split"] == split]
        print(split, {k: kinds.count(k) for k in sorted(set(kinds))})


if __name__ == "__main__":
    main()
