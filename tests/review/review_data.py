"""Saved practice for the review tests, written through the real Store.save_turn
with the learner clips' real WAVs (a plain module: no conftest name clashes)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.audio.wavio import read_wav
from app.store import CorrectionRecord, Store, TurnRecord

LEARNER = Path(__file__).resolve().parents[1] / "data" / "speech" / "learner"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)

# (clip, what the learner "said", [(original, corrected, reason, kind)], reply)
TURNS = [
    ("0002", "My grandfather have lived in Florida all his life.",
     [("have", "has", "He takes has.", "agreement")], "Florida sounds lovely. Is it warm there?"),
    ("0003", "It would be very disappointing if I lose the game.",
     [("lose", "lost", "After 'would', use the past: lost.", "tense")], "Which game do you play?"),
    ("0007", "He forgot why he was saying all those things.", [], "Maybe he was tired."),
    ("0005", "She could not explain her possession of the shoes.", [],
     "That is a mystery! Whose shoes were they?"),
]


def clip(number: str) -> Path:
    return LEARNER / f"learner_ppggmm_tgt_{number}.wav"


def clip_text(number: str) -> str:
    return (LEARNER / f"learner_ppggmm_tgt_{number}.txt").read_text().strip()


def words_for(text: str, pace: float = 0.4, low: tuple[int, ...] = ()) -> list[dict]:
    """Timed words like Whisper's: one every ``pace`` s; indexes in ``low`` get p=0.2."""
    return [
        {"text": " " + w, "start": round(i * pace, 3), "end": round(i * pace + pace * 0.8, 3),
         "probability": 0.2 if i in low else 0.95}
        for i, w in enumerate(text.split())
    ]


def save(store: Store, session_id: int, number: str, text: str, fixes, reply: str,
         at: datetime) -> int:
    pcm, rate = read_wav(clip(number))
    reply_pcm, reply_rate = read_wav(clip("0008"))
    record = TurnRecord(
        session_id=session_id, transcript=text, words=words_for(text, low=(3,)),
        corrections=[
            CorrectionRecord(o, c, r, k, "harper", text.find(o), text.find(o) + len(o))
            for o, c, r, k in fixes
        ],
        reply=reply, learner_pcm=pcm, learner_sample_rate=rate,
        reply_pcm=reply_pcm, reply_sample_rate=reply_rate,
        models={"asr": "tiny.en"}, timings_ms={"asr": 100},
        started_at=at, ended_at=at + timedelta(seconds=20),
    )
    return store.save_turn(record).turn_id


def fill(store: Store, now: datetime = NOW) -> dict[str, int]:
    """Two sessions today ("job interview"), one yesterday and one 3 days ago ("travel")."""
    ids = {}
    plan = [("interview", "job interview", now - timedelta(minutes=20), TURNS[:2]),
            ("chat", "job interview", now - timedelta(minutes=10), TURNS[2:3]),
            ("yesterday", "travel", now - timedelta(days=1), TURNS[3:]),
            ("old", "travel", now - timedelta(days=3), TURNS[2:3])]
    for name, scenario, at, turns in plan:
        sid = store.start_session(scenario, "B1")
        ids[name] = sid
        for offset, (number, text, fixes, reply) in enumerate(turns):
            save(store, sid, number, text, fixes, reply, at + timedelta(minutes=offset))
    _set_session_start(store, ids, plan)
    return ids


def _set_session_start(store: Store, ids: dict[str, int], plan) -> None:
    # start_session stamps "now"; the history filters need the planned dates.
    from sqlalchemy import update

    from app.store.db import writer
    from app.store.models import PracticeSession

    with writer(store.engine).begin() as connection:
        for name, _scenario, at, _turns in plan:
            connection.execute(update(PracticeSession).where(PracticeSession.id == ids[name])
                               .values(started_at=at))


def open_review_window(qtbot, home: Path):
    """The review window on a store filled with the sessions above (ids on ``.ids``)."""
    from app.store import open_store
    from app.ui.review import ReviewWindow

    with open_store(home) as store:
        ids = fill(store, datetime.now(UTC))
    window = ReviewWindow(home)
    qtbot.addWidget(window)
    window.ids = ids
    return window
