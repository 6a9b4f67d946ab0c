"""Export: a session to Markdown or JSON, the mistake notebook to CSV or Anki TSV.

Audio paths are written relative to the data folder (given once, as
``data_folder``), so an export stays valid when the folder moves with it.
"""

from __future__ import annotations

import csv
import io
import json
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


def session_json(home: Path, session: SessionView, turns: Sequence[TurnView]) -> str:
    return json.dumps(session_dict(home, session, turns), indent=2, ensure_ascii=False,
                      default=lambda v: v.tolist() if hasattr(v, "tolist") else str(v)) + "\n"


def session_markdown(home: Path, session: SessionView, turns: Sequence[TurnView]) -> str:
    when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    lines = [f"# Parley session {session.id}: {session.scenario} ({session.level})", "",
             f"- Started: {when}", f"- Turns: {len(turns)}", f"- Data folder: `{home}`", ""]
    for t in turns:
        lines += [f"## Turn {t.index + 1}", "", f"**You:** {t.transcript}", ""]
        if t.learner_audio:
            lines += [f"Audio: `{_relative(home, t.learner_audio)}`", ""]
        if t.corrections:
            lines += [f"**Better:** {corrected_sentence(t.transcript, t.corrections)}", ""]
            lines += [f"- ~~{c.original}~~ -> **{c.corrected}**: {c.reason} _({c.kind})_"
                      for c in t.corrections]
            lines.append("")
        if t.words:
            f = fluency(t.words)
            lines += [f"_Fluency: {f.wpm:.0f} words/min, {f.pauses} long pauses, "
                      f"{f.fillers} fillers_", ""]
        lines += [f"**Tutor:** {t.reply}", ""]
        if t.reply_audio:
            lines += [f"Reply audio: `{_relative(home, t.reply_audio)}`", ""]
    return "\n".join(lines)


def _corrected_by_turn(entries: Sequence[CorrectionEntry]) -> dict[int, str]:
    fixes: dict[int, list] = {}
    text: dict[int, str] = {}
    for e in entries:
        fixes.setdefault(e.turn_id, []).append(e.correction)
        text[e.turn_id] = e.transcript
    return {tid: corrected_sentence(text[tid], fixes[tid]) for tid in fixes}


CSV_COLUMNS = ("date", "kind", "original", "corrected", "reason", "sentence",
               "corrected_sentence", "source", "session_id", "turn_id")


def notebook_csv(entries: Sequence[CorrectionEntry]) -> str:
    better = _corrected_by_turn(entries)
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(CSV_COLUMNS)
    for e in entries:
        c = e.correction
        out.writerow([e.at.isoformat(), c.kind, c.original, c.corrected, c.reason, e.transcript,
                      better[e.turn_id], c.source, e.session_id, e.turn_id])
    return buffer.getvalue()


def _field(text: str) -> str:
    # Anki's TSV has no quoting when html is off: tabs and newlines would split fields.
    return " ".join(text.replace("\t", " ").split())


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
