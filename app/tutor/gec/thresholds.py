"""Gain thresholds (nats) per candidate family.

Prepositions and deleted articles need more than the tuning alone gives:
below these thresholds the corrector changed correct sentences of the
do-no-harm corpus (tests/data/corrections/do_no_harm.tsv), prepositions
("comfort for the passengers" -> "of") and an article ("leads to an
unexpected success" -> "to unexpected success"); those sentences are
regression cases. The corpus's other false changes are kept out by the
candidates themselves (agreement with a plain subject, imperatives, compound
modifiers) and by Harper's style rules not counting as errors
(app/tutor/grammar.py). Figures: docs/quality.md, "Corrections".

From ``python -m app.devtools.gec.tune choose`` (precision 0.7 per family, no
change to the do-no-harm tuning sentences, a 2-nat floor) on the learner dev
set, the first 45 do-no-harm dev sentences and the first JFLEG dev sentences,
then rounded up where a family had few examples. 99 means the family did
not fire usefully on the tuning data and stays off: changing a verb's tense
("It cost me" -> "costs") was right less often than wrong, and so were
inserted prepositions, question inversion and the rewrite's edits.
Spelling candidates exist only for typed text (Corrector(typed=True)); 8
nats scores a better GLEU than none or 12 on the first 61 JFLEG dev sentences
(docs/quality.md).
"""

THRESHOLDS: dict[str, float] = {
    "verb-agreement": 3.5,
    "verb-tense": 99.0,
    "noun-number": 4.5,
    "article": 8.6,
    "article-delete": 6.2,
    "article-insert": 5.9,
    "preposition": 7.6,
    "preposition-delete": 8.6,
    "preposition-insert": 99.0,
    "to-insert": 7.1,
    "be-insert": 7.1,
    "do-insert": 3.0,
    "inversion": 99.0,
    "adverb-move": 10.8,
    "pronoun-delete": 8.3,
    "degree": 6.9,
    "harper": 2.0,
    "spelling": 8.0,
    "curated": 3.3,
    "llm": 99.0,
}
