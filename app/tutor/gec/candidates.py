"""Candidate edits for one sentence, from its spaCy parse and lemminflect.

Nothing here decides that a sentence is wrong: each candidate is one small,
grammatical-looking change from a confusion set (another form of the same
verb, the other number of a noun, another article or preposition, a missing
"be", "to" or "do", an extra word, an adverb in another place). The language
model decides (app/tutor/gec/lm.py); the sets are general, not lists of the
sentences seen in tuning.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.tutor.recast import _nlp

ARTICLES = ("a", "an", "the")
PREPOSITIONS = ("in", "on", "at", "to", "for", "of", "with", "from", "about", "by", "into")
BE_FORMS = ("am", "is", "are", "was", "were")
DO_FORMS = ("do", "does", "did")
# Adverbs whose place learners move ("I go always", "I have also a sister").
MOVABLE_ADVERBS = {"always", "never", "usually", "often", "sometimes", "also", "already",
                   "still", "just", "even", "ever", "really", "rarely", "seldom"}
SUBJECT_PRONOUNS = {"i", "you", "he", "she", "it", "we", "they"}
WH_WORDS = {"what", "where", "when", "why", "how", "who", "which"}
MAX_CANDIDATES = 60  # a cap on the language model's work for one sentence


@dataclass(frozen=True)
class Candidate:
    start: int  # character span of the sentence that is replaced
    end: int
    text: str
    kind: str  # one of app/tutor/edits.py KINDS
    family: str  # which confusion set made it (tuning groups thresholds by it)

    def apply(self, sentence: str) -> str:
        return sentence[:self.start] + self.text + sentence[self.end:]


def parser():
    """spaCy's small English pipeline: the recast's own instance (app/tutor/recast.py),
    so that one copy is in memory for both."""
    return _nlp()


def candidates(sentence: str, doc=None) -> list[Candidate]:
    doc = doc if doc is not None else parser()(sentence)
    found: list[Candidate] = []
    tokens = list(doc)
    for i, t in enumerate(tokens):
        low = t.lower_
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1] if i > 0 else None
        if t.tag_.startswith("VB") or (t.pos_ == "AUX" and t.tag_ != "MD"):
            found += _verb_forms(t)
        elif t.tag_ in ("NN", "NNS") and t.pos_ == "NOUN":
            found += _noun_number(t)
        if low in ARTICLES:
            found += [_replace(t, a, "article", "article") for a in ARTICLES if a != low]
            found.append(_delete(t, "article", "article-delete"))
        # Not after a particle ("drive out to the country" is not "out of") and
        # not before an -ing form ("keep from laughing" is not "keep laughing"):
        # there the preposition carries meaning, not grammar.
        after_particle = prev is not None and (prev.dep_ == "prt" or prev.pos_ == "ADV")
        before_ing = nxt is not None and nxt.tag_ == "VBG"
        if low in PREPOSITIONS and t.pos_ == "ADP" and not after_particle:
            found += [_replace(t, p, "preposition", "preposition") for p in PREPOSITIONS
                      if p != low]
        if low in PREPOSITIONS and t.pos_ in ("ADP", "PART") and not before_ing:
            found.append(_delete(t, "extra word", "preposition-delete"))
        if _starts_bare_noun_phrase(t, prev):
            found += [_insert(t, a, "article", "article-insert") for a in ARTICLES]
        if t.pos_ in ("VERB", "ADJ") and nxt is not None and nxt.tag_ == "VB" \
                and nxt.pos_ == "VERB":
            found.append(_insert(nxt, "to", "missing word", "to-insert"))
        if t.pos_ == "VERB" and nxt is not None and nxt.pos_ in ("DET", "PRON", "NOUN", "PROPN") \
                and nxt.dep_ in ("dobj", "det", "poss", "nsubj", "compound"):
            found += [_insert(nxt, p, "preposition", "preposition-insert")
                      for p in ("to", "for", "at", "about", "with")]
        if _subject_end(t) and nxt is not None and _wants_be(nxt, tokens, i + 1):
            found += [_insert(nxt, b, "missing word", "be-insert") for b in BE_FORMS]
        if low in WH_WORDS and i == _first_word(tokens) and nxt is not None \
                and nxt.lower_ in SUBJECT_PRONOUNS:
            found += [_insert(nxt, d, "missing word", "do-insert") for d in DO_FORMS]
            found += _question_inversion(tokens, i)
        if low in MOVABLE_ADVERBS:
            found += _adverb_moves(tokens, i)
        if low in ("he", "she", "it", "they") and prev is not None and prev.pos_ in (
                "NOUN", "PROPN"):  # "my friend he lives"
            found.append(_delete(t, "extra word", "pronoun-delete"))
        # "more easy", "more better": "more" of that adjective, not "travel
        # more next year" (a correct dev line, docs/review-fluent.md).
        if low in ("more", "most") and nxt is not None and nxt.pos_ == "ADJ" \
                and t.head.i == nxt.i:
            found += _degree(t, nxt)
    unique, seen = [], set()
    for c in found:
        key = (c.start, c.end, c.text.lower())
        if key not in seen and c.apply(sentence) != sentence:
            seen.add(key)
            unique.append(c)
    return unique[:MAX_CANDIDATES]


def _verb_forms(t) -> list[Candidate]:
    from lemminflect import getAllInflections, getLemma  # lazy: loads lemminflect

    low = t.lower_
    if low in ("'s", "'re", "'m", "'ve", "'d", "'ll", "n't", "ca", "wo"):
        return []
    lemma = (getLemma(low, upos="VERB") or (t.lemma_,))[0].lower()
    if lemma == "be":
        forms = set(BE_FORMS) | {"be", "been", "being"}
    else:
        forms = {f.lower() for values in getAllInflections(lemma, upos="VERB").values()
                 for f in values}
    out = []
    agrees = _agrees_with_subject(t, lemma, low)
    for form in sorted(forms - {low}):
        # Same tense, another person ("she want" -> "wants", "we was" -> "were"):
        # agreement. Another tense or form is riskier without context ("It
        # cost me" is past): its own family, with its own threshold.
        same = verb_agreement(lemma, low, form)
        if same and agrees:
            continue  # already agrees with a plain subject: "How is your job search going?"
        out.append(_replace(t, form, "agreement" if same else "verb tense",
                            "verb-agreement" if same else "verb-tense"))
    return out


PLURAL_PRONOUNS = {"we", "they", "you", "these", "those"}
SINGULAR_PRONOUNS = {"he", "she", "it", "this", "that"}


def _agrees_with_subject(t, lemma: str, form: str) -> bool:
    """The present or past form ``form`` already agrees with a subject whose
    number the parse makes plain: one noun or pronoun, not coordinated. The
    language model alone prefers frequent word pairs ("How are your ...")
    over agreement with a subject further on, so such verbs get no
    agreement candidates. Unclear subjects ("there", "I", clauses,
    "my brother and sister") keep them."""
    head = t.head if t.dep_ in ("aux", "auxpass") else t
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and t.tag_ == "VB" and t.dep_ == "ROOT":
        return True  # an imperative takes the bare form: "Let us out of here."
    if t.tag_ == "VB" and any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD")
                              for c in t.children):
        return True  # after "to" or a modal the bare form is right: "wants to know"
    if len(subjects) != 1:
        return False
    subject = subjects[0]
    if any(c.dep_ == "conj" for c in subject.children):
        return False
    word = subject.lower_
    if subject.tag_ in ("NN", "NNP") or word in SINGULAR_PRONOUNS:
        plural = False
    elif subject.tag_ in ("NNS", "NNPS") or word in PLURAL_PRONOUNS:
        plural = True
    else:
        return False
    if lemma == "be":
        wanted = {"are", "were"} if plural else {"is", "was"}
        return form in wanted
    if form not in _present(lemma):
        return False  # a past or other form: agreement does not show in it
    from lemminflect import getInflection  # lazy: loads lemminflect

    third = {f.lower() for f in getInflection(lemma, "VBZ") or ()}
    return (form not in third) if plural else (form in third)


def verb_agreement(lemma: str, old: str, new: str) -> bool:
    present = _present(lemma) | {lemma}
    if lemma == "be":
        return {old, new} <= {"am", "is", "are"} or {old, new} <= {"was", "were"}
    return old in present and new in present


def _present(lemma: str) -> set[str]:
    from lemminflect import getInflection  # lazy: loads lemminflect

    if lemma == "be":
        return {"am", "is", "are"}
    return {f.lower() for tag in ("VBZ", "VBP") for f in getInflection(lemma, tag) or ()}


# Names of days and months: "on Fridays" is as right as "on Friday".
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "weekend"}


def _noun_number(t) -> list[Candidate]:
    from lemminflect import getInflection  # lazy: loads lemminflect

    lemma = t.lemma_.lower()
    if lemma in CALENDAR or t.lower_.rstrip("s") in CALENDAR:
        return []
    target = "NNS" if t.tag_ == "NN" else "NN"
    if target == "NNS" and t.dep_ == "compound":
        return []  # a noun modifying a noun is singular: "union bosses", not "unions bosses"
    forms = getInflection(lemma, target) or ()
    if target == "NN":
        forms = tuple(forms) + (lemma,)
    return [_replace(t, f, "plural", "noun-number") for f in {f.lower() for f in forms}
            if f != t.lower_]


def _degree(more, adj) -> list[Candidate]:
    from lemminflect import getInflection  # lazy: loads lemminflect

    tag = "JJR" if more.lower_ == "more" else "JJS"
    out = [_delete(more, "other", "degree")]
    for form in getInflection(adj.lemma_.lower(), tag) or ():
        if not form.lower().startswith(("more ", "most ")):
            out.append(Candidate(more.idx, adj.idx + len(adj.text), _case(more, form.lower()),
                                 "other", "degree"))
    return out


def _starts_bare_noun_phrase(t, prev) -> bool:
    """The first word of a noun phrase with no determiner: "have dog", "in city centre"."""
    if t.pos_ not in ("NOUN", "ADJ") or t.tag_ == "NNS":
        return False
    if prev is not None and (prev.pos_ in ("DET", "PRON", "NUM", "PROPN", "ADJ", "NOUN")
                             or prev.tag_ == "PRP$" or prev.lower_ in ("'s", "very")):
        return False
    head = t if t.pos_ == "NOUN" else t.head
    return head.pos_ == "NOUN" and head.tag_ == "NN" and head.i >= t.i


def _subject_end(t) -> bool:
    return (t.lower_ in SUBJECT_PRONOUNS or (t.pos_ in ("NOUN", "PROPN") and t.dep_ == "nsubj"))


def _wants_be(nxt, tokens, j) -> bool:
    """After a subject, a word that needs a verb before it: "-ing", an adjective, a place."""
    if nxt.tag_ == "VBG":
        return True
    k = j + 1 if nxt.lower_ in ("very", "so", "really", "too", "quite") else j
    return k < len(tokens) and tokens[k].pos_ == "ADJ" and tokens[k].dep_ != "amod"


def _first_word(tokens) -> int:
    for i, t in enumerate(tokens):
        if not t.is_punct:
            return i
    return 0


def _question_inversion(tokens, i) -> list[Candidate]:
    """ "why you are laughing" -> "why are you laughing": the auxiliary before the subject."""
    if i + 2 >= len(tokens):
        return []
    subject, aux = tokens[i + 1], tokens[i + 2]
    if aux.pos_ != "AUX":
        return []
    text = f"{aux.text}{subject.whitespace_}{subject.text}"
    return [Candidate(subject.idx, aux.idx + len(aux.text), text, "word order", "inversion")]


def _adverb_moves(tokens, i) -> list[Candidate]:
    """The adverb one word to the left or right, past a verb or an auxiliary."""
    adverb, out = tokens[i], []
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and tokens[j].pos_ in ("VERB", "AUX") and not tokens[j].is_punct:
            a, b = (tokens[j], adverb) if j < i else (adverb, tokens[j])
            text = f"{_case(a, b.text)}{a.whitespace_}{a.text.lower() if a.i == 0 else a.text}"
            out.append(Candidate(a.idx, b.idx + len(b.text), text, "word order", "adverb-move"))
    return out


def _case(model, word: str) -> str:
    return word[:1].upper() + word[1:] if model.text[:1].isupper() and model.i == 0 else word


def _replace(t, word: str, kind: str, family: str) -> Candidate:
    return Candidate(t.idx, t.idx + len(t.text), _case(t, word), kind, family)


def _insert(before, word: str, kind: str, family: str) -> Candidate:
    text = _case(before, word) + " "
    if before.i == 0 and before.text[:1].isupper():
        # "Dog is ..." -> "A dog is ...": the old first word loses its capital.
        return Candidate(before.idx, before.idx + 1, text + before.text[0].lower(), kind, family)
    return Candidate(before.idx, before.idx, text, kind, family)


def _delete(t, kind: str, family: str) -> Candidate:
    doc = t.doc
    end = t.idx + len(t.text_with_ws)
    start = t.idx
    if not t.whitespace_ and t.i > 0:  # the last word: take the space before it instead
        start = doc[t.i - 1].idx + len(doc[t.i - 1].text)
        end = t.idx + len(t.text)
    if t.i == 0 and t.text[:1].isupper() and t.i + 1 < len(doc):
        following = doc[t.i + 1]
        return Candidate(start, following.idx + 1, following.text[0].upper(), kind, family)
    return Candidate(start, end, "", kind, family)
