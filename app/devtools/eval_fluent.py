"""``python -m app eval-fluent [FILE]``: how good the review's fluent versions are,
on learner lines with reference fixes written in the set (tests/data/fluent/).

The judge is not the pipeline's gate: an error counts as fixed only when the
fluent version carries a reference fix written by hand for that line (each
word change of said -> reference, with a word of context either side, is
in the fluent version, and the learner's wrong words are not), whatever the
corrector or the content guard thought of it. Content is judged on plain
words against the line and its references, not on spaCy's tags.

Figures: errors fixed (per reference edit), content words kept, lines with
added content, correct lines left as they were, and fluent lines the
corrector still flags.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from app.errors import ParleyError
from app.words import words

DEFAULT_FILE = Path("tests/data/fluent/test.txt")
# Words that carry no content of their own: the judge's list, kept apart from the guard's.
STOP = set("""a an the i you he she it we they me him her us them my your his its our their
this that these those and or but so if to of in on at for with from by about since as into
is am are was were be been being do does did done have has had will would can could shall
should may might must not no yes very really more most some any many much few lot lots all
just also too then there here than what where when why how who which well now up out off
don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't won't can't i'm i've
i'd i'll it's that's there's he's she's we're they're you're let's please thanks""".split())


def load_lines(path: Path) -> list[dict]:
    """Lines of ``said || reference [|| reference...]``; a line without ``||`` is correct."""
    items = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("||")]
        if not all(parts):
            raise ParleyError(f"{path}:{number}: an empty part in {line!r}",
                              "write 'said || reference fix', or the correct line alone")
        items.append({"said": parts[0], "refs": parts[1:] or [parts[0]],
                      "error": len(parts) > 1})
    return items


def _key(word: str) -> str:
    return word[:4]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def judged_words(text: str) -> list[str]:
    """Words with contractions written out ("we're" = "we are": not an error
    either way), between sentence-boundary marks, so a change at either end
    has context too."""
    from app.tutor.fluent import expanded

    return ["<s>", *expanded(text), "</s>"]


def reference_edits(said: str, ref: str) -> list[tuple[list[str], list[str]]]:
    """(wrong window, right window): each change with one word of context either side."""
    a, b = judged_words(said), judged_words(ref)
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append((a[max(0, i1 - 1):i2 + 1], b[max(0, j1 - 1):j2 + 1]))
    return out


def fixed_edits(said: str, refs: list[str], fluent: str) -> tuple[int, int]:
    """(edits fixed, edits) for the reference the fluent version comes closest to."""
    got = judged_words(fluent)
    best = (0, 1)
    for ref in refs:
        edits = reference_edits(said, ref)
        if not edits:
            continue
        # Fixed: the reference's words (in context) are there and the learner's
        # wrong ones are gone (a wrong window inside the right one, as for a
        # missing word, is gone when the right one is there).
        done = sum(1 for wrong, right in edits
                   if _contains(got, right) and (_contains(right, wrong)
                                                 or not _contains(got, wrong)))
        if best == (0, 1) or done / len(edits) > best[0] / best[1]:
            best = (done, len(edits))
    return best


def content(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP and len(w) > 2]


@dataclass
class FluentScores:
    error_lines: int = 0
    edits: int = 0
    edits_fixed: int = 0
    lines_fixed: int = 0
    correct_lines: int = 0
    left_alone: int = 0
    content_words: int = 0
    content_kept: int = 0
    added_lines: int = 0
    flagged: int = 0
    lines: int = 0
    model_used: int = 0
    seconds: float = 0.0
    tokens_per_s: float = 0.0
    tokens_per_call: float = 0.0
    misses: list[str] = field(default_factory=list)

    def rate(self, part: int, whole: int) -> float:
        return round(part / whole, 3) if whole else 1.0

    def as_dict(self) -> dict:
        return {
            "lines": self.lines, "error_lines": self.error_lines, "correct_lines": self.correct_lines,
            "errors_fixed": self.rate(self.edits_fixed, self.edits),
            "error_lines_fully_fixed": self.rate(self.lines_fixed, self.error_lines),
            "content_words_kept": self.rate(self.content_kept, self.content_words),
            "lines_with_added_content": self.rate(self.added_lines, self.lines),
            "correct_left_alone": self.rate(self.left_alone, self.correct_lines),
            "fluent_still_flagged": self.rate(self.flagged, self.lines),
            "model_rewrites_used": self.model_used,
            "seconds_per_line": round(self.seconds / self.lines, 2) if self.lines else 0.0,
            "tokens_per_s": round(self.tokens_per_s, 1),
            "tokens_per_rewrite": round(self.tokens_per_call, 1),
        }


def score_line(scores: FluentScores, item: dict, fluent: str, flagged: bool) -> None:
    said, refs = item["said"], item["refs"]
    scores.lines += 1
    scores.flagged += flagged
    if item["error"]:
        scores.error_lines += 1
        done, total = fixed_edits(said, refs, fluent)
        scores.edits += total
        scores.edits_fixed += done
        scores.lines_fixed += done == total
        if done < total:
            scores.misses.append(f"not fixed: {said} -> {fluent}")
    else:
        scores.correct_lines += 1
        if judged_words(fluent) == judged_words(said):
            scores.left_alone += 1
        else:
            scores.misses.append(f"changed: {said} -> {fluent}")
    got = {_key(w) for w in words(fluent)}
    must = [w for w in content(refs[0]) if _key(w) in {_key(x) for x in words(said)}]
    scores.content_words += len(must)
    scores.content_kept += sum(_key(w) in got for w in must)
    allowed = {_key(w) for text in (said, *refs) for w in words(text)}
    added = [w for w in content(fluent) if _key(w) not in allowed]
    if added:
        scores.added_lines += 1
        scores.misses.append(f"added {', '.join(added)}: {said} -> {fluent}")


class KeptRewrites:
    """The writer with its answers kept in a JSON file, keyed by the line it
    was asked to rewrite: a replay asks the model only for lines it has not
    seen. Its stats are the model's for the calls it made."""

    def __init__(self, chat, path: Path) -> None:
        self.chat, self.path = chat, path
        self.kept: dict[str, str] = json.loads(path.read_text()) if path.is_file() else {}

    def __getattr__(self, name):
        return getattr(self.chat, name)

    def complete(self, messages, **options) -> str:
        key = messages[-1]["content"]
        if key not in self.kept:
            self.kept[key] = self.chat.complete(messages, **options)
            self.path.write_text(json.dumps(self.kept, indent=0, ensure_ascii=False))
        return self.kept[key]


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-fluent", help="the review's fluent versions on learner lines with reference fixes")
    parser.add_argument("file", type=Path, nargs="?", default=DEFAULT_FILE,
                        help=f"said || fix lines (default {DEFAULT_FILE}; tuning: dev.txt)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N lines")
    parser.add_argument("--level", default="B1")
    parser.add_argument("--no-model", action="store_true", help="the corrector alone")
    parser.add_argument("--llm", metavar="MODEL", default=None,
                        help="the writer: a catalog id or a GGUF path (default: the review's "
                             "measured pick, as the review uses; PARLEY_LLM_MODEL if set)")
    parser.add_argument("--rewrites", type=Path, default=None, metavar="FILE",
                        help="keep the writer's raw rewrites in this JSON file and reuse "
                             "those already there: the guard and the keepers replayed "
                             "without the model's time (the corrector still runs)")
    parser.add_argument("--show", action="store_true", help="print each miss")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def run(args: argparse.Namespace) -> int:
    from app.config import Settings
    from app.engines import Engines
    from app.tutor.fluent import FluentRewriter
    from app.fluent_review import Unused, review_chat

    if not args.file.is_file():
        raise ParleyError(f"no such file: {args.file}", "give a file of 'said || fix' lines")
    items = load_lines(args.file)
    if args.limit:
        items = items[:args.limit]
    settings = Settings.from_env()
    if args.llm:
        settings = settings.with_(llm_model=args.llm, llm_url=None)
    engines = Engines(settings, transcriber=Unused(), voice=Unused())
    chat = None if args.no_model else review_chat(engines)
    if chat is not None and args.rewrites:
        chat = KeptRewrites(chat, args.rewrites)
    rewriter = FluentRewriter(engines.corrector, chat, level=args.level)
    scores = FluentScores()
    for number, item in enumerate(items, 1):
        started = time.perf_counter()
        line = rewriter.line(item["said"])
        scores.seconds += time.perf_counter() - started
        if args.show:
            print(f"{number}/{len(items)} [{line.source}] {item['said']} -> {line.fluent}"
                  + (f"  (model rejected: {line.rejected}: {line.refused})"
                     if line.rejected else ""),
                  file=sys.stderr, flush=True)
        scores.model_used += line.source == "model"
        score_line(scores, item, line.fluent, rewriter.still_flagged(line.fluent))
    scores.tokens_per_s = chat.stats.tokens_per_s if chat is not None else 0.0
    if chat is not None and chat.stats.calls:
        scores.tokens_per_call = chat.stats.tokens / chat.stats.calls
    report = {"file": str(args.file), "model": chat.name if chat is not None else "none",
              **scores.as_dict(), "load_average": [round(v, 2) for v in os.getloadavg()]}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:28} {value}")
    if args.show:
        for miss in scores.misses:
            print(miss, file=sys.stderr)
    return 0
