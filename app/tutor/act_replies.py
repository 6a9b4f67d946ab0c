"""The parts of a reply that depend on what the learner is doing
(app/tutor/acts.py), mixed into app.tutor.conversation.Conversation: the
goodbye and the answers to language questions (app/tutor/answers.py), the
answer to a question to the tutor, and the reaction to news that carries a
recast only where the corrector is sure of an error; and the checks a
follow-up question must pass.
"""

from __future__ import annotations

from app.tutor import answers, dialogue, follow_up, replies, tone
from app.tutor.edits import words
from app.tutor import recast as recasting
from app.tutor.acts import Act, ActResult


class ActReplies:
    """Conversation's replies by act; it provides history, level, model,
    corrector, clean_lines, recasts, last_report, _follow_up and _sentences,
    and (as class attributes, so this module never imports it) _new_report,
    _acknowledge, _attempts and _question_words."""

    def _answer(self, learner_text: str, act: ActResult):
        """A goodbye, or the answer to a language question, from its source; a
        language answer may wait on the corrector, so "Let me see." is out first."""
        if act.act == Act.GOODBYE:
            learner = [said for said, _ in self.history]
            text = dialogue.goodbye(learner, self.clean_lines, len(self.history))
            self.last_report = self._new_report(final=text, source="goodbye")
            yield text
            return text
        opener = self._acknowledge(learner_text, tone.NEUTRAL, len(self.history)) \
            if self.recasts else ""
        if opener:
            yield opener + " "
        found = answers.answer(act, self.corrector, self.model, self.level)
        self.last_report = self._new_report(final=f"{opener} {found.text}".strip(),
                                            source=f"answer:{found.source}",
                                            say_slowly=found.say_slowly)
        yield found.text
        return found.text

    def _tutor_answer(self, learner_text: str, mood: str):
        """An acknowledgement, then the model's answer with the thread; no template."""
        opener = self._acknowledge(learner_text, mood, len(self.history)) if self.recasts else ""
        if opener:
            yield opener + " "
        spoken = []
        for sentence in dialogue.answer_sentences(self, learner_text, self._attempts):
            yield sentence if not spoken else " " + sentence
            spoken.append(sentence)
        text = " ".join(spoken)
        self.last_report = self._new_report(final=f"{opener} {text}".strip(), source="answer:model")
        return text

    def _react(self, learner_text: str, news: str, topic: str = ""):
        """News with no error the rules were sure of in the whole line: a short
        reaction first (out at once), then a recast only if the rules are sure
        of an error in its news part, then the model's follow-up question.

        The scored corrector (the language model judging every candidate) runs
        after the reply, and its fixes show in the learner's line: run here, it
        held the question back 1.5-5 s after the reaction on two busy cores."""
        # The whole line's tone: the learner's own verdict ("amazing!", "not
        # good.") is left out of the news part (test3: "Okay." after "yes! my
        # sister had twins", "Oh dear." after "yes, very nice. we stayed on
        # a small island ... there is no cars").
        mood = tone.tone_of(learner_text)
        reaction = self._acknowledge(news, mood, len(self.history))
        yield reaction + " "
        recast_text = ""
        result = self.rules_fix(news)
        if result is not None and result.edits and recasting.fixes_words(news, result.corrected):
            fixed = recasting.recast(news, result.corrected, self.level, len(self.history))
            if fixed.kind == recasting.RECAST and fixed.clause and self._says_the_fix(
                    fixed.clause, result):
                recast_text = fixed.clause[:1].upper() + fixed.clause[1:] + "."
                yield recast_text + " "
        first = f"{reaction} {recast_text}".strip()
        said = recasting.Recast(recasting.RECAST, first, mood, topic, recast_text)
        question = "".join(self._follow_up(learner_text, said))
        self.last_report.recast = recast_text  # the recast alone, without the reaction
        yield question
        return f"{first} {question}"

    def _says_the_fix(self, clause: str, result) -> bool:
        """A recast is said only when it carries the rules' fix and they find
        nothing wrong in it (never an error said back as right)."""
        fixes = [e.corrected for e in result.edits if e.corrected]
        if not fixes or not all(f.lower() in clause.lower() for f in fixes):
            return False
        again = self.rules_fix(clause)
        return (again is None or not again.edits) and self.sound(
            clause, result.original, result.corrected) and recasting.carries_the_fix(
            clause, result.original, result.corrected)

    @staticmethod
    def sound(clause: str, said: str, fixed: str) -> bool:
        """The recast ``clause`` of ``said`` (``fixed`` by the rules) is whole:
        no finding of the sentence checks (app/tutor/sentence_checks.py), and
        no fix that leaves the words around it wrong (app/tutor/recast_checks.py).
        The rules fix one word at a time: "I have went ... yesterday" ->
        "you have gone ... yesterday", a perfect beside a finished time."""
        from app.tutor import recast_checks, sentence_checks  # lazy: the parser's modules

        return not sentence_checks.findings(clause) and not recast_checks.risky(
            said, fixed, clause)

    def rules_fix(self, text: str):
        """The curated rules' and Harper's certain fixes of ``text`` (a few ms,
        no model), as a CorrectionResult; None without a corrector."""
        grammar = getattr(self.corrector, "grammar", None)
        if grammar is None:
            return None
        from app.tutor.corrections import CorrectionResult  # lazy: the corrector's module

        ruled, edits = grammar.check(text)
        return CorrectionResult(text, ruled, list(edits))

    def correction_of(self, text: str, remember: bool = True):
        """The corrector's result for ``text`` (kept for the session's own
        correction of the same line), or None without a corrector."""
        if self.corrector is None:
            return None
        if self._corrected and self._corrected[0] == text:
            return self._corrected[1]
        result = self.corrector.correct(text)
        if remember:
            self._corrected = (text, result)
        return result

    def _follow_up_problems(self, said: recasting.Recast, question: str, earlier: list[str],
                            learner_text: str) -> list[str]:
        opened = said.text
        if said.clause and said.text != said.clause and said.text.endswith(said.clause):
            opened = said.clause  # "I see." before a recast is a reaction, not a sentence to count
        whole = f"{opened} {question}"
        # The recast is ours and short; the question gets the words the level allows a reply.
        found = [p for p in replies.problems(whole, earlier, learner_text, self.level)
                 if p != "too long"]
        if len(replies.sentences(whole)) > replies.MAX_SENTENCES or len(words(question)) > (
                replies.MAX_WORDS.get(self.level, 26) - self._question_words):
            found.append("too long")
        if said.tone != tone.WARMTH and tone.cheerful(question):
            found.append("cheerful after news that was not good")
        if any(replies._similar(question, s) for before in earlier
               for s in replies.sentences(before)):
            found.append("repeats an earlier question")
        if not dialogue.about(question, dialogue.news_part(learner_text) or learner_text):
            found.append("not about what was said")
        return found + follow_up.problems(question, learner_text)
