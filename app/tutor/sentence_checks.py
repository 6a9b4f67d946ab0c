"""Checks a sentence's grammar from its spaCy parse and lemminflect's tables.

Used where the tutor is asked "is this correct?" (app/tutor/answers.py): the
learner's prior there is half wrong, and a wrong sentence must never be called
fine. Each check reads morphology and the parse, not word lists:

- agreement: a present verb (or "was"/"were") whose subject's number and
  person the parse makes plain ("he don't" -> "doesn't", "we was" -> "were");
- the form after a modal, "do"/"did" or "to" ("can speaks", "didn't went",
  "should to rest");
- a finished time (yesterday, ... ago, last ..., in 2019) with the present
  perfect ("have seen him yesterday" -> "saw") or a present verb
  ("yesterday I go" -> "went");
- a double comparative ("more better"), "be" before a bare verb that is no
  adjective ("I am agree" -> "I agree");
- nouns: a number above one with a singular, a plural made of a plural
  ("childrens"), a plural of a noun that has none ("furnitures"), an
  over-regular past ("goed"), and a job or role after "be" with no article
  ("she is doctor": a person noun in WordNet);

``unknown_words`` names the words no dictionary knows, and ``has_clause``
says whether a subject has a finite verb: without either, the tutor has no
positive evidence that the sentence is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PRONOUN_NUMBER = {"i": "1", "you": "p", "we": "p", "they": "p", "these": "p", "those": "p",
                  "he": "s", "she": "s", "it": "s", "this": "s", "that": "s"}
# Words of a finished time: deixis of the past, not a list of sentences.
_FINISHED = re.compile(r"\b(yesterday|ago|last (?!long|forever)\w+)\b")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_LEXFILE_PERSON, _LEXFILE_GROUP = 18, 14
_CLOSED = {"PROPN", "DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "INTJ"}
_CLAUSE_DEPS = {"npadvmod", "advmod", "prep", "tmod", "obl", "dobj"}


@dataclass(frozen=True)
class Finding:
    start: int  # character span replaced
    end: int
    text: str
    kind: str
    reason: str

    def apply(self, sentence: str) -> str:
        return sentence[:self.start] + self.text + sentence[self.end:]


def check(sentence: str) -> tuple[str, list[Finding]]:
    """``sentence`` with every sure finding fixed (a few passes, as one fix can
    show another), and the findings."""
    done: list[Finding] = []
    text = sentence
    for _ in range(3):
        found = findings(text)
        if not found:
            break
        for finding in sorted(_non_overlapping(found), key=lambda f: -f.start):
            text = finding.apply(text)
        done += found
    return text, done


def findings(sentence: str, doc=None) -> list[Finding]:
    from app.tutor.gec.candidates import parser

    doc = doc if doc is not None else parser()(sentence)
    out: list[Finding] = []
    for t in doc:
        out += _tense(t) or _aux_form(t) or _agreement(t)
        out += _double_degree(t) + _be_bare_verb(t) + _nouns(t) + _over_regular(t)
        out += _role_article(t) + _modal_to(t)
    return out


# -- verbs ----------------------------------------------------------------------------

def _subject_number(verb) -> str | None:
    """"1" (I), "s" (one), "p" (more than one), or None when the parse does not
    make it plain (a clause, "there", a group noun, "a lot of", "my friend and I")."""
    head = verb.head if verb.dep_ in ("aux", "auxpass") else verb
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return None
    s = subjects[0]
    if any(c.dep_ in ("conj", "cc") for c in s.children):
        return None
    low = s.lower_
    if s.tag_ in ("WDT", "WP") or verb.dep_ == "relcl" or head.dep_ == "relcl":
        return None  # "ideas that come": the number is the antecedent's
    if low in PRONOUN_NUMBER:
        return PRONOUN_NUMBER[low]
    if any(c.dep_ == "prep" for c in s.children) or s.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    numbers = [c for c in s.children if c.dep_ == "nummod"]
    if numbers and numbers[0].lower_ not in ("one", "1"):
        return "p"
    if s.tag_ in ("NNS", "NNPS"):
        return "p"
    if s.tag_ == "NN" and s.lower_ != s.lemma_.lower() and _plural_form(s.lower_):
        return "p"  # "children", when tagged NN
    if _is_group(s.lemma_.lower()):
        return None  # "my family is" and "my family are"
    return "s"


def _plural_form(word: str) -> bool:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word, upos="NOUN").get("NOUN", ())
    return bool(lemmas) and word not in lemmas


def _is_group(lemma: str) -> bool:
    from app.tutor import dictionary

    found = dictionary.senses(lemma, "n")
    return bool(found) and found[0].lexfile == _LEXFILE_GROUP


def _agreement(t) -> list[Finding]:
    low = t.lower_
    if t.tag_ not in ("VBP", "VBZ", "VBD") or low in ("'s", "'re", "'m", "'d", "'ll", "'ve"):
        return []
    lemma = _verb_lemma(t)
    if lemma != "be" and (t.tag_ == "VBD" or low not in _present(lemma)):
        return []  # a past form, whatever the tag says: "I forgot"
    if t.tag_ == "VBP" and low == _base(lemma) and _in_that_clause(t):
        return []  # the subjunctive: "we demanded that he explain"
    number = _subject_number(t)
    if number is None or _inverted_subjunctive(t):
        return []
    wanted = _agreeing(lemma, number, past=t.tag_ == "VBD" or low in ("was", "were"))
    if not wanted or low in wanted:
        return []
    return [_replace(t, wanted[0], "agreement", "The verb must agree with its subject.")]


def _present(lemma: str) -> set[str]:
    from lemminflect import getInflection

    return {f.lower() for tag in ("VBZ", "VBP") for f in getInflection(lemma, tag) or ()}


def _in_that_clause(t) -> bool:
    head = t.head if t.dep_ in ("aux", "auxpass") else t
    return any(c.dep_ == "mark" and c.lower_ in ("that", "if", "lest") for c in head.children) \
        or head.dep_ == "ccomp"


def _agreeing(lemma: str, number: str, past: bool = False) -> tuple[str, ...]:
    from lemminflect import getInflection

    if lemma == "be":
        if past:
            return ("was",) if number in ("1", "s") else ("were",)
        return {"1": ("am",), "s": ("is",), "p": ("are",)}[number]
    if past:
        return tuple(getInflection(lemma, "VBD") or ())
    return tuple(getInflection(lemma, "VBZ" if number == "s" else "VBP") or ())


def _inverted_subjunctive(t) -> bool:
    # "I suggest that he go", "if I were you": the form is right as it is.
    return t.lower_ == "were" or any(c.dep_ == "mark" and c.lower_ in ("if", "that", "lest")
                                     for c in t.head.children if t.dep_ in ("aux", "auxpass"))


def _verb_lemma(t) -> str:
    from lemminflect import getLemma

    low = t.lower_
    if low in ("am", "is", "are", "was", "were", "be", "been", "being"):
        return "be"
    return (getLemma(low, upos="VERB") or (t.lemma_,))[0].lower()


def _aux_form(t) -> list[Finding]:
    """A verb after a modal, "do"/"did" or "to" in a form other than the base."""
    from app.tutor import dictionary

    if not t.tag_.startswith("VB") or t.tag_ == "VB":
        return []
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass") and c.i < t.i]
    if not auxes:
        return []
    nearest = auxes[-1]
    lemma = _verb_lemma(t)
    bare = _base(lemma)
    if not bare or t.lower_ == bare:
        return []
    do = nearest.lower_ in ("do", "does", "did")
    modal = nearest.tag_ == "MD" and nearest.lower_ not in ("ought",)
    to = nearest.tag_ == "TO"
    if modal and nearest.i > 0 and dictionary.senses(
            f"{t.doc[nearest.i - 1].lower_} {nearest.lower_}", "n"):
        return []  # "the garbage can said": a noun, not a modal
    if (do and t.tag_ in ("VBD", "VBZ", "VBN")) or (modal and t.tag_ in ("VBD", "VBZ")) \
            or (to and t.tag_ in ("VBD", "VBZ")):
        form = _case(t, bare)
        return [Finding(t.idx, t.idx + len(t.text), form, "verb tense",
                        "After 'do', 'can', 'will' and the like, use the base form.")]
    return []


def _base(lemma: str) -> str:
    from lemminflect import getInflection

    if lemma == "be":
        return "be"
    forms = getInflection(lemma, "VB") or ()
    return forms[0].lower() if forms else ""


def _modal_to(t) -> list[Finding]:
    """"You should to rest": no "to" after a modal ("ought to" is one)."""
    if t.tag_ != "TO" or t.i == 0 or t.i + 1 >= len(t.doc):
        return []
    before, after = t.doc[t.i - 1], t.doc[t.i + 1]
    if before.tag_ != "MD" or before.lower_ == "ought" or after.tag_ != "VB" \
            or after.head.i != before.i:
        return []
    return [Finding(t.idx, after.idx, "", "extra word", "After a modal verb, no 'to'.")]


def _finished_time(verb) -> bool:
    """A modifier of ``verb``'s own clause names a finished time."""
    for child in verb.children:
        if child.dep_ not in _CLAUSE_DEPS or child.dep_ == "dobj" and child.lower_ != "yesterday":
            continue
        words = _phrase(child)
        text = " ".join(w.lower_ for w in words)
        if _FINISHED.search(text) and not any(w.lower_ in ("since", "for", "until", "till")
                                              for w in words):
            return True
        if child.lower_ == "in" and any(
                _YEAR.match(w.text) and int(w.text) < date.today().year for w in words):
            return True
    return False


def _phrase(token) -> list:
    """``token``'s subtree without the clauses inside it ("as if it had
    happened yesterday" is another clause's time)."""
    out, todo = [], [token]
    while todo:
        w = todo.pop()
        out.append(w)
        todo += [c for c in w.children if c.pos_ not in ("VERB", "AUX")]
    return sorted(out, key=lambda w: w.i)


def _tense(t) -> list[Finding]:
    """The present perfect or a present verb with a finished time."""
    if t.tag_ == "VBN" and t.pos_ in ("VERB", "AUX"):
        haves = [c for c in t.children if c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve")]
        if not haves or not _finished_time(t):
            return []
        if any(c.dep_ == "auxpass" for c in t.children):
            return []
        have = haves[0]
        subject = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        asked = subject and subject[0].i > have.i
        negative = any(c.dep_ == "neg" for c in t.children)
        lemma = _verb_lemma(t)
        reason = "This is a finished time: use the past tense."
        if asked or negative:
            return [_replace(have, "did", "verb tense", reason),
                    _replace(t, _base(lemma) or t.text, "verb tense", reason)]
        past = _agreeing(lemma, "s", past=True)
        if not past:
            return []
        end = t.doc[have.i + 1].idx if have.i + 1 < len(t.doc) else have.idx + len(have.text)
        return [Finding(have.idx, end, "", "verb tense", reason),
                _replace(t, past[0], "verb tense", reason)]
    if t.tag_ in ("VBP", "VBZ") and t.lower_ not in ("'s", "'re", "'m", "'ve"):
        since = _since_time(t)
        if since:
            return since
        head = t.head if t.dep_ in ("aux", "auxpass") else t
        if head is not t and head.tag_ == "VBN" and t.lower_ in ("have", "has"):
            return []  # the present perfect: above
        if any(c.tag_ == "MD" for c in head.children) or not _finished_time(head):
            return []
        lemma = _verb_lemma(t)
        number = _subject_number(t) or "s"
        past = _agreeing(lemma, number if lemma == "be" else "s", past=True)
        if not past:
            return []
        return [_replace(t, past[0], "verb tense", "This is a finished time: use the past tense.")]
    return []


def _since_time(t) -> list[Finding]:
    """"I live here since 2010": a present verb with "since" and a point in
    time takes the present perfect."""
    if t.dep_ in ("aux", "auxpass") or any(c.dep_ in ("aux", "auxpass") for c in t.children):
        return []
    since = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "since"]
    if not since or not any(w.ent_type_ in ("DATE", "TIME") or w.like_num
                            for w in since[0].subtree if w is not since[0]):
        return []
    lemma = _verb_lemma(t)
    number = _subject_number(t)
    participle = _participle(lemma)
    if number is None or not participle:
        return []
    have = "has" if number == "s" else "have"
    return [_replace(t, f"{have} {participle}", "verb tense",
                     "With 'since' and a time, use 'have' and the past participle.")]


def _participle(lemma: str) -> str:
    from lemminflect import getInflection

    if lemma == "be":
        return "been"
    forms = getInflection(lemma, "VBN") or ()
    return forms[0].lower() if forms else ""


def suspects(sentence: str, doc=None) -> list[Finding]:
    """Fixes a check cannot be sure of alone, for the language model to
    confirm: a plural of a noun that may have none ("informations", but also
    "waters"), a subject with an adjective or noun where a verb of the same
    spelling agrees ("the shop open at nine")."""
    from lemminflect import getAllLemmas, getInflection

    from app.tutor.gec.candidates import parser

    doc = doc if doc is not None else parser()(sentence)
    out = []
    for t in doc:
        low = t.lower_
        if t.tag_ == "NNS" and t.pos_ == "NOUN" and low not in _BRITISH:
            for lemma in getAllLemmas(low, upos="NOUN").get("NOUN", ()):
                plurals = getInflection(lemma, "NNS") or ()
                if lemma != low and lemma in plurals and low in plurals:
                    out.append(_replace(t, lemma, "plural", f"'{lemma}' has no plural form."))
        if t.dep_ == "ROOT" and t.pos_ in ("ADJ", "NOUN") and not any(
                c.dep_ in ("aux", "cop", "auxpass") for c in t.children):
            if low in getAllLemmas(low, upos="VERB").get("VERB", ()):
                number = _subject_number(t)
                wanted = _agreeing(low, number) if number else ()
                if wanted and wanted[0] != low:
                    out.append(_replace(t, wanted[0], "agreement",
                                        "The sentence needs a verb that agrees with its subject."))
    return out


def _be_bare_verb(t) -> list[Finding]:
    """"I am agree": "be" before a bare verb that has no adjective sense."""
    from app.tutor import dictionary

    if _verb_lemma(t) != "be" or t.i + 1 >= len(t.doc):
        return []
    nxt = t.doc[t.i + 1]
    if not nxt.tag_.startswith("VB") or nxt.tag_ == "VBG":
        return []
    lemma = _verb_lemma(nxt)
    if nxt.lower_ != _base(lemma) or dictionary.senses(nxt.lower_, "a"):
        return []
    from lemminflect import getInflection

    if nxt.lower_ in {f.lower() for f in getInflection(lemma, "VBN") or ()}:
        return []  # "it is come", "they are run" read as participles: not sure
    number = _subject_number(t)
    if number is None:
        return []
    past = t.lower_ in ("was", "were")
    wanted = _agreeing(lemma, number, past=past)
    if not wanted:
        return []
    end = nxt.idx + len(nxt.text)
    return [Finding(t.idx, end, _case(t, wanted[0]), "extra word",
                    f"'{lemma.capitalize()}' is a verb: no 'be' before it.")]


def _double_degree(t) -> list[Finding]:
    if t.lower_ not in ("more", "most"):
        return []
    head = t.head
    if head.tag_ not in ("JJR", "JJS", "RBR", "RBS") or head.i != t.i + 1:
        return []
    if head.lower_ in ("more", "most", "less", "least"):
        return []
    return [Finding(t.idx, head.idx, "", "extra word",
                    f"'{head.text}' already compares: no 'more' or 'most' before it.")]


# -- nouns and word forms -------------------------------------------------------------

def _nouns(t) -> list[Finding]:
    from lemminflect import getAllLemmas, getInflection

    if t.pos_ not in ("NOUN", "VERB", "ADJ", "PROPN") or not t.is_alpha:
        return []
    low = t.lower_
    if t.tag_ == "NN" and t.pos_ == "NOUN":
        numbers = [c for c in t.children if c.dep_ == "nummod"]
        if numbers and t.dep_ not in ("compound", "amod", "npadvmod") and _above_one(numbers[0]) \
                and not any(c.dep_ == "prep" for c in numbers[0].children):
            plural = getInflection(low, "NNS") or ()
            if plural and low not in plural and numbers[0].i < t.i:
                return [_replace(t, plural[0], "plural", "After a number, use the plural.")]
        return []
    if t.tag_ not in ("NNS", "NNPS") or not low.endswith("s") or _known_word(low):
        return []
    for stem in (low[:-1], low[:-2] if low.endswith("es") else ""):
        if not stem:
            continue
        lemmas = getAllLemmas(stem, upos="NOUN").get("NOUN", ())
        if lemmas and stem not in lemmas:  # "childrens": a plural with another -s
            return [_replace(t, stem, "plural", f"'{stem}' is already plural.")]
        if stem in lemmas and set(getInflection(stem, "NNS") or ()) == {stem}:
            return [_replace(t, stem, "plural", f"'{stem}' has no plural form.")]
    return []


def _above_one(number) -> bool:
    text = number.lower_.replace(",", "")
    if text in ("one", "1", "a", "an", "zero", "0") or "." in text:
        return False
    return text.isdigit() or bool(re.match(r"^(two|three|four|five|six|seven|eight|nine|ten|"
                                           r"eleven|twelve|\w+teen|\w+ty|hundred|thousand|"
                                           r"million|several|many)$", text))


def _known_word(word: str) -> bool:
    from lemminflect import getAllLemmas

    from app.tutor import dictionary

    # Not CMUdict: it spells what people say, "childrens" and "informations" too.
    return word in _BRITISH or bool(getAllLemmas(word)) or bool(dictionary.senses(word))


# British words neither lemminflect nor WordNet has: "maths" is not "math" + -s (test7).
_BRITISH = {"maths"}


def _over_regular(t) -> list[Finding]:
    """"goed", "buyed": an -ed form no dictionary knows, of a verb with an
    irregular past."""
    from lemminflect import getInflection

    low = t.lower_
    if not t.tag_.startswith("VB") or not low.endswith("ed") or _known_word(low):
        return []
    for stem in (low[:-2], low[:-1], low[:-3] if len(low) > 4 and low[-3] == low[-4] else ""):
        if not stem or not _known_lemma(stem):
            continue
        tag = "VBN" if any(c.lower_ in ("have", "has", "had", "'ve") for c in t.children) else "VBD"
        forms = getInflection(stem, tag) or ()
        if forms and forms[0].lower() != low:
            return [_replace(t, forms[0].lower(), "verb tense",
                             f"'{stem}' has an irregular past: '{forms[0]}'.")]
    return []


def _known_lemma(stem: str) -> bool:
    from lemminflect import getAllLemmas

    return stem in getAllLemmas(stem, upos="VERB").get("VERB", ())


def _role_article(t) -> list[Finding]:
    """"She is doctor": a singular person noun after "be" with no determiner."""
    from app.tutor import dictionary

    if t.dep_ != "attr" or t.tag_ != "NN" or _verb_lemma(t.head) != "be":
        return []
    if any(c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in t.children):
        return []
    found = dictionary.senses(t.lower_, "n")
    if not found or found[0].lexfile != _LEXFILE_PERSON:
        return []
    article = "an" if t.lower_[:1] in "aeiou" else "a"
    return [Finding(t.idx, t.idx, f"{article} ", "article", "Say 'a' or 'an' before a job.")]


# -- positive evidence ------------------------------------------------------------------

def unknown_words(sentence: str, doc=None) -> list[str]:
    """Words no dictionary here knows (lemminflect, WordNet, CMUdict); names
    and numbers are not counted."""
    from app.tutor.gec.candidates import parser

    doc = doc if doc is not None else parser()(sentence)
    return [t.text for t in doc if t.is_alpha and t.ent_type_ == "" and not t.is_stop
            and t.pos_ not in _CLOSED and not _known_word(t.lower_)]


_QUESTION_SHAPE = re.compile(
    r"^(?:(?:how(?: much| many| long| often| far)?|what|where|when|why|who|which)\s+(?:\w+\s+)?)?"
    r"(?:do|does|did|is|are|was|were|can|could|will|would|should|have|has|had)\s+"
    r"(?:i|you|he|she|it|we|they|the|a|an|this|that|these|those|my|your|his|her|our|their)"
    r"\b(?:\s+\w+)+[?.!]?$", re.IGNORECASE)


def has_clause(sentence: str, doc=None) -> bool:
    """A finite verb with a subject, or an imperative: the sentence is a clause."""
    from app.tutor.gec import as_written
    from app.tutor.gec.candidates import parser

    if _QUESTION_SHAPE.match(sentence.strip()):
        return True  # spaCy reads "how much does this jacket cost" as a noun phrase
    # As written: spaCy takes a lower-case "i enjoy cooking" for a fragment.
    doc = doc if doc is not None else parser()(as_written(sentence))
    for t in doc:
        if t.tag_ in ("VBP", "VBZ", "VBD", "MD") and (
                any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in
                    (t.head if t.dep_ in ("aux", "auxpass") else t).children)):
            return True
        if t.dep_ == "ROOT" and t.tag_ == "VB":
            return True  # an imperative: "open the window"
    return _noun_then_verb(sentence)


_OPENS_NOUN = re.compile(r"^(?:my|your|his|her|our|their|the|this|that|a|an) ([a-z]+) ([a-z]+s) "
                         r"[a-z]", re.IGNORECASE)


def _noun_then_verb(sentence: str) -> bool:
    """"my phone needs charging": spaCy's small model reads "needs" as a noun
    here. A determiner, a word lemminflect knows as a noun, then an "-s" word
    it knows as a verb (not "is", "was", "has"), then more words."""
    from lemminflect import getAllLemmas  # lazy: loads lemminflect

    match = _OPENS_NOUN.match(sentence.strip())
    if match is None:
        return False
    verb = match.group(2).lower()
    return bool(getAllLemmas(verb, upos="VERB")) and verb not in {"is", "was", "has"} and bool(
        getAllLemmas(match.group(1).lower(), upos="NOUN"))


def _non_overlapping(found: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if out and f.start < out[-1].end:
            continue
        if any(o.start == f.start == f.end == o.end for o in out):
            continue
        out.append(f)
    return out


def _case(t, word: str) -> str:
    return word[:1].upper() + word[1:] if t.text[:1].isupper() and t.i == 0 else word


def _replace(t, word: str, kind: str, reason: str) -> Finding:
    return Finding(t.idx, t.idx + len(t.text), _case(t, word), kind, reason)
