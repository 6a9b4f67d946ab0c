"""One session's review, from its own evidence (Qt-free): each learner turn and its
fluent version, what went well, what to work on, and fluency against the
learner's last five sessions.

Every line names what the learner said: a sentence length measured against
the session before, a form they were corrected on before and said right
this time (quoted), words they had never used, their own mistakes and fixes.
Nothing is said when there is no evidence for it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from app.review.fluency import fluency
from app.review.text import normalise_words

LAST_SESSIONS = 5
MOST_PATTERNS = 3
MOST_NEW_WORDS = 6
OFTEN_WRONG = 2  # corrected this often before, to count as "often wrong"


# Words that are no news in a sentence: "new words" are the others.
_COMMON = set("""a an the i you he she it we they me him her us them my your his its our their
this that these those and or but so if to of in on at for with from by about as into is am are
was were be been do does did have has had will would can could not very more some any many
much all just also too then there here than what where when why how who which well now""".split())


def content_words(text: str) -> list[str]:
    return [w for w in normalise_words(text) if w not in _COMMON and len(w) > 2]


def lemma(word: str) -> str:
    """A crude base form ("cousins" -> "cousin", "picking" -> "pick"), enough to
    tell a new word from a new form of a known one."""
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def session_fluency(turn_words: Sequence[Sequence[dict]]) -> dict[str, float] | None:
    """Words/min (weighted by speaking time), pauses and fillers per minute, over
    the spoken turns; None when no turn has word timings (typed sessions)."""
    measured = [fluency(w) for w in turn_words if w]
    speaking = sum(f.speaking_s for f in measured)
    if not measured or speaking <= 0:
        return None
    minutes = speaking / 60.0
    content = sum(f.wpm * f.speaking_s / 60.0 for f in measured)
    return {"wpm": round(content / minutes, 1),
            "pauses_per_min": round(sum(f.pauses for f in measured) / minutes, 2),
            "fillers_per_min": round(sum(f.fillers for f in measured) / minutes, 2),
            "speaking_s": round(speaking, 1)}


def fluency_against_last(this: dict | None, earlier: Sequence[dict]) -> dict[str, Any]:
    """This session's fluency and the mean of up to five sessions before it."""
    out: dict[str, Any] = {"this_session": this, "last_sessions": len(earlier),
                           "average_before": None, "lines": []}
    if this is None:
        out["lines"].append("No spoken turns in this session, so no fluency figures.")
        return out
    if not earlier:
        out["lines"].append(f"{this['wpm']:.0f} words/min, {this['pauses_per_min']:.1f} pauses/min, "
                            f"{this['fillers_per_min']:.1f} fillers/min: your first measured session.")
        return out
    before = {k: round(_mean([e[k] for e in earlier]), 2)
              for k in ("wpm", "pauses_per_min", "fillers_per_min")}
    out["average_before"] = before
    for key, name, better_up in (("wpm", "words/min", True), ("pauses_per_min", "pauses/min", False),
                                 ("fillers_per_min", "fillers/min", False)):
        now, was = this[key], before[key]
        trend = "same as" if abs(now - was) < 0.05 * max(was, 1) else (
            "better than" if (now > was) == better_up else "worse than")
        out["lines"].append(f"{name}: {now:.1f}, {trend} your last {len(earlier)} "
                            f"session{'s' if len(earlier) > 1 else ''} ({was:.1f})")
    return out


def _words_per_turn(transcripts: Sequence[str]) -> float:
    return _mean([len(normalise_words(t)) for t in transcripts if normalise_words(t)])


def did_well(turns, earlier_turns: dict[int, list[str]], earlier_fixes, fixed_here) -> list[str]:
    """Evidence lines: longer sentences than last time, a form often corrected
    before and said right here, new words. ``earlier_turns`` holds the
    transcripts of the sessions before, oldest first."""
    lines: list[str] = []
    said = [t.transcript for t in turns]
    if earlier_turns:
        last_id = list(earlier_turns)[-1]
        now, was = _words_per_turn(said), _words_per_turn(earlier_turns[last_id])
        if was and now > was * 1.1:
            longest = max(said, key=lambda t: len(normalise_words(t)))
            lines.append(f"Longer sentences than last time: {now:.1f} words a turn, "
                         f"up from {was:.1f}. Your longest: “{longest}”")
    # A form corrected often before, said right here (in a turn where no fix touched it).
    often = Counter((c.kind, c.corrected.lower()) for c in earlier_fixes
                    if c.corrected.strip() and len(c.corrected.split()) <= 3)
    shown = set()
    for (kind, form), count in often.most_common():
        if count < OFTEN_WRONG or kind in shown:
            continue
        for turn in turns:
            touched = {w for c in turn.corrections for w in normalise_words(c.original + " "
                                                                            + c.corrected)}
            said_words = normalise_words(turn.transcript)
            form_words = normalise_words(form)
            if form_words and _has(said_words, form_words) and not set(form_words) & touched \
                    and turn.id not in fixed_here.get(kind, set()):
                lines.append(f"You said “{form}” right (“{turn.transcript}”): it was "
                             f"corrected {count} times before ({kind}).")
                shown.add(kind)
                break
        if len(shown) >= 2:
            break
    known = {lemma(w) for texts in earlier_turns.values() for t in texts
             for w in normalise_words(t)}
    mistaken = {w for t in turns for c in t.corrections for w in normalise_words(c.original)}
    if earlier_turns:
        new = []
        for text in said:
            for word in content_words(text):
                if lemma(word) not in known and word not in new and word.isalpha() \
                        and word not in mistaken:
                    new.append(word)
        if new:
            lines.append("New words you used: " + ", ".join(new[:MOST_NEW_WORDS]) + ".")
    return lines


def _has(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def work_on(turns, drills) -> list[dict[str, Any]]:
    """One to three kinds of mistake made here, most frequent first, each with
    the learner's own examples and fixes and the drills made from them."""
    by_kind: dict[str, list] = defaultdict(list)
    for turn in turns:
        for fix in turn.corrections:
            by_kind[fix.kind].append((turn, fix))
    drill_of = {d.correction_id: d.id for d in drills if d.correction_id is not None}
    ranked = sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0].index))
    out = []
    for kind, found in ranked[:MOST_PATTERNS]:
        out.append({
            "kind": kind,
            "count": len(found),
            "reason": found[0][1].reason,
            "examples": [{"said": turn.transcript, "original": fix.original,
                          "corrected": fix.corrected} for turn, fix in found[:3]],
            "drills": [drill_of[fix.id] for _t, fix in found if fix.id in drill_of],
        })
    return out


def build_review(store, session_id: int) -> dict[str, Any] | None:
    """The review of ``session_id`` as JSON-ready values, or None for no such session."""
    session = store.get_session(session_id)
    if session is None:
        return None
    turns = store.turns(session_id)
    fluent = store.fluent_lines(session_id)
    earlier = [s for s in store.list_sessions()
               if s.id != session_id and s.started_at <= session.started_at and s.turn_count]
    earlier.sort(key=lambda s: (s.started_at, s.id))
    metrics = [m for m in store.turn_metrics() if m.session_id in {s.id for s in earlier}]
    earlier_turns: dict[int, list[str]] = {s.id: [] for s in earlier}  # oldest first
    earlier_words: dict[int, list] = defaultdict(list)
    for m in metrics:
        earlier_turns[m.session_id].append(m.transcript)
        earlier_words[m.session_id].append(m.words)
    earlier_ids = {s.id for s in earlier}
    earlier_fixes = [e.correction for e in store.correction_entries()
                     if e.session_id in earlier_ids]
    fixed_here: dict[str, set[int]] = defaultdict(set)
    for turn in turns:
        for fix in turn.corrections:
            fixed_here[fix.kind].add(turn.id)
    last_five = [session_fluency(earlier_words[s.id]) for s in earlier][::-1]
    last_five = [f for f in last_five if f is not None][:LAST_SESSIONS]
    drills = store.drills()
    shadows: dict[int, list] = defaultdict(list)
    for shadow in store.shadowings(session_id):
        shadows[shadow.turn_id].append(shadow)
    turn_rows = []
    for turn in turns:
        line = fluent.get(turn.id)
        turn_rows.append({
            "turn_id": turn.id,
            "index": turn.index,
            "said": turn.transcript,
            "fluent": line.fluent if line else None,
            "changes": (line.changes if line else []),
            "source": line.source if line else None,
            "shadowing": [{"transcript": s.transcript, "seconds": s.seconds,
                           "audio": _relative(store.home, s.audio)}
                          for s in shadows.get(turn.id, [])],
        })
    return {
        "session": {"id": session.id, "scenario": session.scenario, "level": session.level,
                    "started_at": session.started_at.isoformat(), "turns": len(turns)},
        "fluent_ready": bool(turns) and all(t.id in fluent for t in turns),
        "turns": turn_rows,
        "did_well": did_well(turns, {k: v for k, v in earlier_turns.items() if v},
                             earlier_fixes, fixed_here),
        "work_on": work_on(turns, drills),
        "fluency": fluency_against_last(session_fluency([t.words for t in turns]), last_five),
    }


def _relative(home, path) -> str | None:
    if path is None:
        return None
    try:
        return path.relative_to(home).as_posix()
    except ValueError:
        return str(path)


def render_text(review: dict[str, Any]) -> str:
    """The review as plain text for the terminal."""
    s = review["session"]
    lines = [f"Session {s['id']}: {s['scenario']} ({s['level']}), {s['turns']} turns", ""]
    if not review["fluent_ready"]:
        lines += ["(Fluent versions not built yet: they are built when a session ends.)", ""]
    for row in review["turns"]:
        lines.append(f"You said:  {row['said']}")
        if row["fluent"] is not None and row["fluent"] != row["said"]:
            lines.append(f"Fluent:    {row['fluent']}")
            shown = [f"{c['said']} -> {c['fluent']}" if c["op"] == "replace" else
                     (f"+{c['fluent']}" if c["op"] == "insert" else f"-{c['said']}")
                     for c in row["changes"] if c["op"] != "equal"]
            if shown:
                lines.append(f"Changes:   {'; '.join(shown)}")
        elif row["fluent"] is not None:
            lines.append("Fluent:    (already fluent)")
        lines.append("")
    lines.append("What went well:")
    lines += [f"  - {line}" for line in review["did_well"]] or ["  - (nothing to compare yet)"]
    lines.append("What to work on:")
    for item in review["work_on"]:
        examples = "; ".join(f"{e['original']} -> {e['corrected']}" for e in item["examples"])
        drills = f" (drills {', '.join(map(str, item['drills']))})" if item["drills"] else ""
        lines.append(f"  - {item['kind']} ×{item['count']}: {examples}{drills}")
    if not review["work_on"]:
        lines.append("  - no corrections in this session")
    lines.append("Fluency:")
    lines += [f"  - {line}" for line in review["fluency"]["lines"]]
    return "\n".join(lines) + "\n"
