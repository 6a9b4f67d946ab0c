"""Export: a session to Markdown or JSON, the mistake notebook to CSV or Anki TSV.

Audio paths are written relative to the data folder (given once, as
``data_folder``), so an export stays valid when the folder moves with it.

Every export is safe to open anywhere, whatever the learner said or the
model wrote: a CSV cell that a spreadsheet would run as a formula gets the
OWASP prefix (a leading ``'``), and Markdown gets learner and tutor text,
the scenario's name included, with HTML and Markdown's control characters
escaped, so a viewer shows ``<script>`` or ``[x](javascript:...)`` as text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.review.fluency import fluency
from app.review.text import corrected_sentence
from app.store import CorrectionEntry, SessionView, TurnView


def _relative(home: Path, path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.relative_to(home).as_posix()
    except ValueError:
        return str(path)


def _fluency_dict(words: list[dict[str, Any]]) -> dict[str, Any]:
    measured = vars(fluency(words)).copy()
    measured["filler_words"] = list(measured["filler_words"])
    return measured


def session_dict(home: Path, session: SessionView, turns: Sequence[TurnView]) -> dict[str, Any]:
    """JSON-ready session; ``turns`` is a list in order."""
    return {
        "format": "parley-session/1",
        "data_folder": str(home),
        "session": {
            "id": session.id, "scenario": session.scenario, "level": session.level,
            "correction_style": session.correction_style,
            "started_at": session.started_at.isoformat(),
            "ended_at": session.ended_at.isoformat() if session.ended_at else None,
            "summary": session.summary,
        },
        "turns": [
            {
                "index": t.index, "started_at": t.started_at.isoformat(),
                "ended_at": t.ended_at.isoformat(), "input_mode": t.input_mode,
                "transcript": t.transcript,
                "corrected": corrected_sentence(t.transcript, t.corrections),
                "corrections": [
                    {"original": c.original, "corrected": c.corrected, "reason": c.reason,
                     "kind": c.kind, "source": c.source, "start": c.start, "end": c.end}
                    for c in t.corrections
                ],
                "reply": t.reply,
                "learner_audio": _relative(home, t.learner_audio),
                "reply_audio": _relative(home, t.reply_audio),
                "fluency": _fluency_dict(t.words),
                "words": t.words, "models": t.models, "timings_ms": t.timings_ms,
            }
            for t in turns
        ],
    }


def session_json(home: Path, session: SessionView, turns: Sequence[TurnView],
                 review: dict[str, Any] | None = None) -> str:
    """``review``: the session's review (app/review/session_review.py), when given."""
    data = session_dict(home, session, turns)
    if review is not None:
        data["review"] = review
    return json.dumps(data, indent=2, ensure_ascii=False,
                      default=lambda v: v.tolist() if hasattr(v, "tolist") else str(v)) + "\n"


# Markdown's inline control characters: emphasis, code, links and images
# (nothing links or embeds without "["), strike-through, table cells, escapes.
# Block syntax (#, -, +, 1., >) only counts at the start of a line, and every
# text here follows a label on one line: line breaks become spaces. HTML is
# written as entities, so no tag, comment or autolink (<javascript:...>) is left.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]~|])")
_BREAKS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def markdown_text(text: object) -> str:
    """``text`` as literal Markdown: HTML escaped as entities, Markdown's
    control characters backslash-escaped, line breaks and control characters
    folded into one space."""
    text = _BREAKS.sub(" ", str(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_code(text: object) -> str:
    """``text`` as an inline code span, fenced with more backticks than it holds."""
    text = _BREAKS.sub(" ", str(text))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def session_markdown(home: Path, session: SessionView, turns: Sequence[TurnView],
                     review: dict[str, Any] | None = None) -> str:
    md = markdown_text
    fluent = {row["turn_id"]: row["fluent"] for row in (review or {}).get("turns", [])
              if row["fluent"] is not None}
    when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    lines = [f"# Parley session {session.id}: {md(session.scenario)} ({md(session.level)})", "",
             f"- Started: {when}", f"- Turns: {len(turns)}",
             f"- Data folder: {markdown_code(home)}", ""]
    for t in turns:
        lines += [f"## Turn {t.index + 1}", "", f"**You:** {md(t.transcript)}", ""]
        if t.learner_audio:
            lines += [f"Audio: {markdown_code(_relative(home, t.learner_audio))}", ""]
        if t.corrections:
            lines += [f"**Better:** {md(corrected_sentence(t.transcript, t.corrections))}", ""]
            lines += [f"- ~~{md(c.original)}~~ -> **{md(c.corrected)}**: {md(c.reason)} "
                      f"_({md(c.kind)})_" for c in t.corrections]
            lines.append("")
        if t.id in fluent:
            lines += [f"**Fluent:** {md(fluent[t.id])}", ""]
        if t.words:
            f = fluency(t.words)
            lines += [f"_Fluency: {f.wpm:.0f} words/min, {f.pauses} long pauses, "
                      f"{f.fillers} fillers_", ""]
        lines += [f"**Tutor:** {md(t.reply)}", ""]
        if t.reply_audio:
            lines += [f"Reply audio: {markdown_code(_relative(home, t.reply_audio))}", ""]
    if review is not None:
        lines += _review_markdown(review)
    return "\n".join(lines)


def _review_markdown(review: dict[str, Any]) -> list[str]:
    md = markdown_text
    lines = ["## What went well", ""]
    lines += [f"- {md(line)}" for line in review["did_well"]] or ["- (nothing to compare yet)"]
    lines += ["", "## What to work on", ""]
    for item in review["work_on"]:
        examples = "; ".join(f"~~{md(e['original'])}~~ -> **{md(e['corrected'])}**"
                             for e in item["examples"])
        lines.append(f"- {md(item['kind'])} ({item['count']}): {examples}")
    if not review["work_on"]:
        lines.append("- no corrections in this session")
    lines += ["", "## Fluency", ""]
    lines += [f"- {md(line)}" for line in review["fluency"]["lines"]]
    return lines + [""]


def _corrected_by_turn(entries: Sequence[CorrectionEntry]) -> dict[int, str]:
    fixes: dict[int, list] = {}
    text: dict[int, str] = {}
    for e in entries:
        fixes.setdefault(e.turn_id, []).append(e.correction)
        text[e.turn_id] = e.transcript
    return {tid: corrected_sentence(text[tid], fixes[tid]) for tid in fixes}


CSV_COLUMNS = ("date", "kind", "original", "corrected", "reason", "sentence",
               "corrected_sentence", "source", "session_id", "turn_id")
# A cell starting with one of these is run as a formula by Excel, LibreOffice
# or Google Sheets (OWASP "CSV injection": = + - @ tab CR; line feed and the
# full-width forms, which some spreadsheets also accept, for good measure).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> object:
    """A text cell that cannot run as a formula: OWASP's prefix, a single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def notebook_csv(entries: Sequence[CorrectionEntry]) -> str:
    better = _corrected_by_turn(entries)
    buffer = io.StringIO()
    # RFC 4180's CRLF: with "\n" alone, a carriage return inside a cell is
    # written unquoted, and a spreadsheet splits the row there.
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(CSV_COLUMNS)
    for e in entries:
        c = e.correction
        out.writerow([csv_cell(cell) for cell in (
            e.at.isoformat(), c.kind, c.original, c.corrected, c.reason, e.transcript,
            better[e.turn_id], c.source, e.session_id, e.turn_id)])
    return buffer.getvalue()


def _field(text: str) -> str:
    # Tabs and newlines would split fields: folded into spaces. Anki reads a
    # field that opens with a double quote as a quoted CSV field (its quotes
    # vanished, tested with Anki's own importer), so a field with any is
    # quoted, its quotes doubled.
    text = " ".join(text.replace("\t", " ").split())
    return '"' + text.replace('"', '""') + '"' if '"' in text else text


def notebook_anki(entries: Sequence[CorrectionEntry]) -> str:
    """Tab-separated front/back/tags, with the header lines Anki (2.1.54+) reads."""
    better = _corrected_by_turn(entries)
    lines = ["#separator:tab", "#html:false", "#columns:Front\tBack\tTags", "#tags column:3"]
    for e in entries:
        c = e.correction
        front = f"Say it correctly: {e.transcript}"
        back = f"{better[e.turn_id]} ({c.original} -> {c.corrected}: {c.reason})"
        tag = "_".join((c.kind or "other").split())
        lines.append("\t".join([_field(front), _field(back), f"parley parley::{_field(tag)}"]))
    return "\n".join(lines) + "\n"
