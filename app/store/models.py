"""The database schema as SQLAlchemy 2 typed ORM models.

Only :mod:`app.store` touches these rows; everything outside gets the plain
dataclasses of :mod:`app.store.records`, so no caller ever holds a Session.

Every change here needs a migration in ``migrations/versions`` (the tests check
that the migrated schema and this metadata agree).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Float,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Fixed constraint and index names, so migrations can refer to them by name and
# autogenerate compares like with like.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

INPUT_MODES = ("voice", "text")


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC as a naive SQLite DATETIME and hands back aware UTC values.

    SQLite has no time zones, so a mix of local and UTC times would sort wrong;
    converting on the way in makes every stored value UTC. Naive input is taken
    to be UTC already (what ``datetime.utcnow()``-style code produces).
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class PracticeSession(Base):
    """One sitting: a scenario at a level, from start to end."""

    __tablename__ = "sessions"
    # AUTOINCREMENT: ids are never reused, so a deleted session's leftover audio
    # folder can never be mistaken for a new session's.
    __table_args__ = (Index(None, "started_at"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    ended_at: Mapped[datetime | None]
    scenario: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))
    correction_style: Mapped[str] = mapped_column(String(40))
    summary: Mapped[dict[str, Any] | None]

    turns: Mapped[list[Turn]] = relationship(
        back_populates="session",
        order_by="Turn.turn_index",
        cascade="all, delete-orphan",
        passive_deletes=True,  # the database cascades; the ORM need not load rows
    )


class Turn(Base):
    """One exchange: what the learner said, its corrections, and the tutor's reply."""

    __tablename__ = "turns"
    __table_args__ = (
        # Unique per session; also serves every "turns of session X" query.
        Index(None, "session_id", "turn_index", unique=True),
        CheckConstraint("input_mode IN ('voice', 'text')", name="input_mode"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    turn_index: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    ended_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Audio paths are POSIX-style and relative to the data folder, so the
    # folder can move (or PARLEY_HOME change) without rewriting rows.
    learner_audio: Mapped[str | None] = mapped_column(String(500))
    transcript: Mapped[str] = mapped_column(Text)
    words: Mapped[list[Any]] = mapped_column(default=list)
    reply: Mapped[str] = mapped_column(Text, default="")
    reply_audio: Mapped[str | None] = mapped_column(String(500))
    models: Mapped[dict[str, Any]] = mapped_column(default=dict)
    timings_ms: Mapped[dict[str, Any]] = mapped_column(default=dict)
    input_mode: Mapped[str] = mapped_column(String(8), default="voice")
    # Seconds of learner audio (0002): "minutes spoken" without opening WAVs.
    learner_seconds: Mapped[float | None] = mapped_column(Float)

    session: Mapped[PracticeSession] = relationship(back_populates="turns")
    corrections: Mapped[list[Correction]] = relationship(
        back_populates="turn",
        order_by="Correction.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Correction(Base):
    """One fix to the learner's words, from the grammar rules or the tutor model."""

    __tablename__ = "corrections"
    __table_args__ = (
        Index(None, "turn_id"),  # the cascade from turns looks rows up by turn_id
        Index(None, "kind"),  # review: "show me all my tense mistakes"
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("turns.id", ondelete="CASCADE"))
    original: Mapped[str] = mapped_column(Text)
    corrected: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(20))
    # Character offsets into the transcript, when the source knows them.
    start_char: Mapped[int | None]
    end_char: Mapped[int | None]

    turn: Mapped[Turn] = relationship(back_populates="corrections")


class Drill(Base):
    """A "practice again" card (0002): say the corrected sentence, scheduled by FSRS.

    The sentence texts are copied from the correction, so a drill outlives the
    session it came from (``correction_id`` then becomes NULL).
    """

    __tablename__ = "drills"
    __table_args__ = (
        Index(None, "due"),  # "what is due now" is the drills page's main query
        Index(None, "correction_id", unique=True),  # one drill per correction
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    correction_id: Mapped[int | None] = mapped_column(
        ForeignKey("corrections.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(40))
    prompt: Mapped[str] = mapped_column(Text)  # what the learner said
    target: Mapped[str] = mapped_column(Text)  # the corrected sentence to say
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    due: Mapped[datetime] = mapped_column(default=utc_now)
    # The scheduler's own state (fsrs.Card.to_dict()), opaque to the store.
    card: Mapped[dict[str, Any]] = mapped_column(default=dict)
    last_review: Mapped[datetime | None]
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    mastered_at: Mapped[datetime | None]


class LearnerFact(Base):
    """One thing Parley remembers about the learner (0003), with where it came from.

    ``subject`` is whom the fact is about: "learner", or a relation such as
    "brother" ("my brother is getting married" is about the brother). A fact
    is identified by (kind, subject, slot): a newer statement with the same key
    replaces the old one, and the old wording is kept in ``replaced``. The
    source session/turn ids are plain integers, not foreign keys: the fact
    stays explainable even when that session is deleted.
    """

    __tablename__ = "learner_facts"
    __table_args__ = (
        Index(None, "kind", "subject", "slot", unique=True),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(40))
    slot: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)  # shown to the learner: "Your brother is getting married"
    event_date: Mapped[datetime | None]  # plans/events, resolved against the session's date
    session_id: Mapped[int | None]
    turn_id: Mapped[int | None]
    words: Mapped[str] = mapped_column(Text, default="")  # the learner's exact words
    source: Mapped[str] = mapped_column(String(20), default="parse")  # parse, learner
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    confirmed_at: Mapped[datetime] = mapped_column(default=utc_now)
    followed_up_at: Mapped[datetime | None]  # an opening line asked about it
    replaced: Mapped[list[Any]] = mapped_column(default=list)


class ForgottenFact(Base):
    """A tombstone (0003): the learner forgot this fact, so the same turn's
    words never bring it back. Since 0005 it keeps no words at all: only keyed
    hashes (app/store/forget_key.py) of the fact's key and of its source words."""

    __tablename__ = "forgotten_facts"
    __table_args__ = (Index(None, "turn_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    key_hash: Mapped[str] = mapped_column(String(64))  # of (kind, subject, slot)
    session_id: Mapped[int | None]
    turn_id: Mapped[int | None]
    words_hash: Mapped[str] = mapped_column(String(64), default="")  # "" without words
    forgotten_at: Mapped[datetime] = mapped_column(default=utc_now)


class LearnerSetting(Base):
    """A learner preference kept with their data (0003): e.g. memory on/off."""

    __tablename__ = "learner_settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PracticeQuestion(Base):
    """A question the tutor asked to practise a recurring mistake (0004): its
    kind ("verb tense", "agreement", ...), and how the learner's next answer
    went: whether it used the form, and used it with no correction of that
    kind. Session and turn ids are plain integers, as for facts."""

    __tablename__ = "practice_questions"
    __table_args__ = (Index(None, "session_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int]
    turn_id: Mapped[int]  # the turn whose reply asked it
    kind: Mapped[str] = mapped_column(String(40))
    question: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(default=utc_now)
    answer_turn_id: Mapped[int | None]  # the learner's next turn
    form_used: Mapped[bool | None]
    correct: Mapped[bool | None]  # the form used, and no correction of this kind


class FluentTurn(Base):
    """A learner turn as a fluent speaker would say it (0006), built after the
    session ends (app/tutor/fluent.py): the line, the word changes from what
    was said, and where it came from (same, corrector, model)."""

    __tablename__ = "fluent_turns"
    __table_args__ = (Index(None, "turn_id", unique=True), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("turns.id", ondelete="CASCADE"))
    fluent: Mapped[str] = mapped_column(Text)
    changes: Mapped[list[Any]] = mapped_column(default=list)
    source: Mapped[str] = mapped_column(String(20), default="same")
    model: Mapped[str] = mapped_column(String(200), default="")
    built_at: Mapped[datetime] = mapped_column(default=utc_now)


class Shadowing(Base):
    """The learner saying a turn's fluent version (0006): the recording, kept in
    the session's folder like the turn's own, its transcript and word timings."""

    __tablename__ = "shadowings"
    __table_args__ = (Index(None, "turn_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("turns.id", ondelete="CASCADE"))
    audio: Mapped[str | None] = mapped_column(String(500))
    transcript: Mapped[str] = mapped_column(Text, default="")
    words: Mapped[list[Any]] = mapped_column(default=list)
    seconds: Mapped[float | None] = mapped_column(Float)
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
