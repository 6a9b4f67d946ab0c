"""Is a sentence as likely as its near neighbours? The check "Yes, that's
right" needs before it is said.

LM-Critic (Yasunaga, Leskovec and Liang 2021, "LM-Critic: Language Models for
Unsupervised Grammatical Error Correction") calls a sentence good when the
language model finds no small change of it much more likely. The changes
here are the ones learners' errors undo: another form of a word ("go" ->
"went", "works" -> "work"), another article or preposition, a small word
taken out ("should to") or put in ("I am a teacher"). Each is scored like a
correction candidate (app/tutor/gec/lm.py: only the changed tokens and the
next few are read again).

The thresholds are per kind of change, in nats of SmolLM2's log-probability
(the corrector's scorer), because the model has leanings of its own: a
shorter sentence is likelier (a deleted word always gains a little), the
present likelier than the past ("the shoes were" -> "are" gains 2.7), and
"can you" likelier than "could you". So a change of time ("tense") needs more
than another form of the same time ("have" -> "has"), and modals keep their
form. They were set on tuning data only: the "is it correct?" sentences of
the dialogue splits dev, test and test2-test10 and 100-odd learner lines of
the fluent splits with their references, 270 sentences: no correct one is
doubted, and 53 % of the wrong ones are (64 % of the dialogue ones, 40 % of
the longer fluent ones), most of which the checks before it already catch.
The critic never corrects: a doubt makes the tutor say it is not sure
(app/tutor/answers.py), and it runs only when nothing else found an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.tutor.gec.candidates import ARTICLES, PREPOSITIONS  # the corrector's confusion sets
from app.tutor.gec.candidates import SUBJECT_PRONOUNS as PRONOUNS

INSERTED = ("the", "a", "to", "of", "have", "is", "are", "it")
# "could you" -> "can you" is politeness, not an error: modals keep their form
MODALS = frozenset({"can", "could", "will", "would", "may", "might", "shall", "should", "must"})
# Words learners put in where none belongs ("we are agree", "should to",
# "more better"); not possessives, pronouns, modals or conjunctions, which
# the model would rather drop from any sentence (a shorter one is likelier).
EXTRA = frozenset(ARTICLES + PREPOSITIONS + (
    "am", "is", "are", "was", "were", "be", "been", "do", "does", "did", "have", "has", "had",
    "it", "that", "more", "most", "much", "very", "too"))
# nats a change must gain, per kind, for the sentence to be doubted
THRESHOLDS = {"form": 2.5, "tense": 4.0, "article": 3.0, "preposition": 5.0, "delete": 4.0,
              "insert": 2.0}
_TIMES = ({"VBD", "VBN", "VBG"}, {"VB", "VBP", "VBZ", "VBG"})  # past; present, base; -ing both
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Doubt:
    variant: str  # the neighbour the model prefers
    kind: str  # form, tense (a form of another time), article, preposition, delete, insert
    word: str  # the learner's word the change is at
    gain: float  # nats over the sentence

    @property
    def margin(self) -> float:
        """The gain as a multiple of its kind's threshold."""
        return self.gain / THRESHOLDS[self.kind]


def neighbours(sentence: str) -> dict[str, tuple[str, str]]:
    """Each one-word change of ``sentence`` a learner's error would be undone
    by: {variant: (kind, the word it changes or comes before)}."""
    from lemminflect import getAllInflections, getAllLemmas  # lazy: reads its tables

    spans = [(m.start(), m.end(), m[0]) for m in _WORD.finditer(sentence)]
    out: dict[str, tuple[str, str]] = {}

    def add(variant: str, kind: str, word: str) -> None:
        variant = re.sub(r"\s+", " ", variant).strip()
        if variant and variant != sentence and variant not in out:
            out[variant] = (kind, word)

    for i, (start, end, word) in enumerate(spans):
        low = word.lower()
        before, after = sentence[:start], sentence[end:]
        if "'" not in low and low not in MODALS:
            forms = {form for lemmas in getAllLemmas(low).values() for lemma in lemmas
                     for form in [lemma, *(f for fs in getAllInflections(lemma).values()
                                           for f in fs)]}
            for form in sorted(forms - {low}):
                if "'" not in form:
                    kind = "form" if same_time(low, form) else "tense"
                    add(before + _case(word, form) + after, kind, word)
        if low in ARTICLES or low in PREPOSITIONS:
            kind, others = (("article", ARTICLES) if low in ARTICLES
                            else ("preposition", PREPOSITIONS))
            for other in others:
                if other != low:
                    add(before + _case(word, other) + after, kind, word)
        if low in EXTRA:
            add(before + after.lstrip(), "delete", word)
        if i > 0 and low not in PRONOUNS:
            previous = spans[i - 1][2].lower()
            for small in INSERTED:
                if small not in (low, previous):
                    add(before + small + " " + sentence[start:], "insert", word)
    return out


def doubt(scorer, sentence: str) -> Doubt | None:
    """The neighbour the language model prefers most, as a multiple of its
    kind's threshold, when one clears it; None when none does (or the
    sentence is too long to read)."""
    from app.tutor.gec import as_written

    written = as_written(sentence)
    if not scorer.fits(written, margin=48):
        return None
    found = neighbours(written)
    if not found:
        return None
    variants = list(found)
    best = None
    for variant, gain in zip(variants, scorer.gains(written, variants), strict=True):
        kind, word = found[variant]
        candidate = Doubt(variant, kind, word, gain)
        if gain > THRESHOLDS[kind] and (best is None or candidate.margin > best.margin):
            best = candidate
    return best


def same_time(word: str, form: str) -> bool:
    """Does ``form`` keep the time of ``word`` ("have" for "has", "were" for
    "was", a noun's or an adjective's other form)? The model prefers the
    present to the past in any sentence, so a change of time needs more
    evidence, and is never offered as the learner's fix."""
    from lemminflect import getAllInflections, getAllLemmas  # lazy: reads its tables

    def tags(text: str) -> set[str]:
        found = getAllLemmas(text)
        lemmas = {lemma for each in found.values() for lemma in each}
        verb = text in found.get("VERB", ()) or text in found.get("AUX", ())
        return {tag for lemma in lemmas for tag, forms in getAllInflections(lemma).items()
                if text in forms} | ({"VB"} if verb else set())

    mine, theirs = tags(word), tags(form)
    if not (mine | theirs) & set().union(*_TIMES):
        return True
    return any(mine & time and theirs & time for time in _TIMES)


def _case(original: str, new: str) -> str:
    return new[:1].upper() + new[1:] if original[:1].isupper() else new
