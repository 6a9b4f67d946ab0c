"""Practice questions (mixed into :class:`Store`): when the tutor asked a
question to practise a recurring mistake, and how the next answer went."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import PracticeQuestion


@dataclass(frozen=True)
class PracticeQuestionView:
    id: int
    session_id: int
    turn_id: int
    kind: str
    question: str
    asked_at: datetime
    answer_turn_id: int | None
    form_used: bool | None
    correct: bool | None


@dataclass(frozen=True)
class PracticeCount:
    kind: str
    asked: int
    answered: int  # a next turn came, and was judged
    form_used: int
    correct: int  # the form used with no correction of this kind

    def to_json(self) -> dict:
        return {"kind": self.kind, "asked": self.asked, "answered": self.answered,
                "form_used": self.form_used, "correct": self.correct}


class PracticeQueries:
    """The host class (Store) provides ``_reading`` and ``_writing``."""

    _reading: Callable[[], AbstractContextManager[Session]]
    _writing: Callable[[], AbstractContextManager[Session]]

    def record_practice_question(self, session_id: int, turn_id: int, kind: str,
                                 question: str) -> int:
        with self._writing() as session:
            row = PracticeQuestion(session_id=session_id, turn_id=turn_id, kind=kind,
                                   question=question)
            session.add(row)
            session.flush()
            return row.id

    def judge_practice_question(self, question_id: int, answer_turn_id: int,
                                form_used: bool, correct: bool) -> None:
        with self._writing() as session:
            row = session.get(PracticeQuestion, question_id)
            if row is not None:
                row.answer_turn_id, row.form_used = answer_turn_id, form_used
                row.correct = correct

    def practice_questions(self, session_id: int | None = None) -> list[PracticeQuestionView]:
        query = select(PracticeQuestion).order_by(PracticeQuestion.id)
        if session_id is not None:
            query = query.where(PracticeQuestion.session_id == session_id)
        with self._reading() as session:
            return [PracticeQuestionView(r.id, r.session_id, r.turn_id, r.kind, r.question,
                                         r.asked_at, r.answer_turn_id, r.form_used, r.correct)
                    for r in session.scalars(query)]

    def practice_counts(self) -> list[PracticeCount]:
        """Per kind, most asked first."""
        counts: dict[str, list[int]] = {}
        for row in self.practice_questions():
            c = counts.setdefault(row.kind, [0, 0, 0, 0])
            c[0] += 1
            c[1] += row.answer_turn_id is not None
            c[2] += bool(row.form_used)
            c[3] += bool(row.correct)
        return sorted((PracticeCount(kind, *c) for kind, c in counts.items()),
                      key=lambda c: (-c.asked, c.kind))
