"""The recast: the learner's news said back in correct English, in the second person.

"i lost my wallet on the bus this morning" -> "Oh no, you lost your wallet on
the bus this morning." It is the tutor's first sentence: it shows the tutor
heard, it is the gentle correction language teachers use most (built from the
corrector's certain fixes), and it needs no language model, so it is ready
within milliseconds and the voice can start on it while the model writes the
follow-up question.

The parse is spaCy's small English pipeline (en_core_web_sm): its dependency
tree gives the clauses, their subjects and the main clause of a long line.
A line the tutor did not understand (Whisper's noise artefacts, fillers only,
no known word) gets an honest request to say it again instead.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from app.tutor import tone as tones
from app.tutor.parser import load_lock as _load_lock
from app.tutor.parser import nlp as _nlp
from app.tutor.parser import parse
from app.words import words

CLARIFY, RECAST, NONE = "clarify", "recast", "none"
MAX_WORDS = {"A2": 11, "B1": 13, "B2": 15, "C1": 16}  # leaves room for the question
# What Whisper writes for silence or noise: a line that is nothing but one of
# these was not said by the learner.
_ARTEFACTS = re.compile(
    r"^(thanks? (you )?for watching|subtitles by.*|.*amara\.? ?org.*|please subscribe.*|you"
    r"|transcription by.*|transcribed by.*|captions? by.*|subtitled by.*)$")
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)|\*[^*]*\*")
# Not a syllable spelled out ("mu-se-um", "al-bum"): a filler stands alone.
_FILLERS = re.compile(r"(?<!-)\b(u+m+|u+h+|e+r+m*|h+m+|m+h*m+|a+h+|e+h+m*|e+m+|blah)\b(?!-)[,.]?\s*",
                      re.IGNORECASE)
_SPOKEN_TAGS = re.compile(r"(,?\s*\byou know\b|,?\s*\bi mean\b)[,.]?", re.IGNORECASE)
_REPEATS = re.compile(r"\b(\w+(?:'\w+)?)((?:,\s*|\s+)\1\b)+", re.IGNORECASE)  # "I, I went"
_TRAILING_THOUGHT = re.compile(r",\s*(?:i (?:think|guess|believe|suppose)|look|see|you see|"
                               r"right|isn't it|you know what i mean)"
                               r"(?:\s*,\s*(?:ha)+|\s*,\s*lol)?\s*([.!?]*)\s*$",
                               re.IGNORECASE)  # "it's colder this year, I think."
_LIKE = re.compile(r",\s*like\s*,", re.IGNORECASE)  # "it was, like, hot": a filler
# "a huge cake for my birthday, like, enormous.": an afterthought, not news
_LIKE_AFTERTHOUGHT = re.compile(r",\s*like\s*,\s*([a-z]+)\s*([.!?]*)\s*$", re.IGNORECASE)
# Words after which no comma stands: a filler's commas there go with it.
_NO_COMMA_AFTER = re.compile(
    r"\b(am|is|are|was|were|be|been|the|a|an|my|your|his|her|our|their|very|so|really|to|of|"
    r"in|on|at|for|with|and|but|because)\s*$", re.IGNORECASE)
# What a removed filler leaves between its commas: "it was,, free", "it was, um, free"
_LINK_COMMA = re.compile(r"\b(and|but|so|because|or|then)\s*,(?:\s*,)*\s*(?=\w)", re.IGNORECASE)
_COMMAS = re.compile(r"\s*,(?:\s*,)+\s*|,\s*\b(?:u+m+|u+h+|e+r+m*|h+m+)\b\s*,\s*", re.IGNORECASE)
# "she go to, I mean, she went": a self-correction, whose first try is no news to say back
_SELF_CORRECTION = re.compile(r"\w.*,\s*i mean\b", re.IGNORECASE)
_QUESTION_START = re.compile(
    r"^(what|where|when|why|who|how|which|do|does|did|can|could|would|will|are|is|have)\b.*"
    r"\byou(r)?\b", re.IGNORECASE)
_TIME_CLAUSE = re.compile(r"^(when|where|while|if)\s+(i|we|he|she|they|it|my|our|his|her|their)\b",
                          re.IGNORECASE)
# First-person words said back to the learner.
_FLIP = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
         "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
         "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
         "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll"}
_AGREE = {"am": "are", "was": "were", "is": "are", "has": "have", "'m": "'re"}
# The learner's words for the tutor, said back from the tutor's side.
_FLIP_BACK = {"your": "my", "yours": "mine", "yourself": "myself"}
_AGREE_I = {"are": "am", "were": "was", "'re": "'m"}  # "you were" -> "I was"
_DISCOURSE = {"so", "well", "okay", "ok", "and", "but", "then", "also", "yes", "no", "oh"}
# The learner's asides before the news, never said back ("Sorry, my English is worse today").
_ASIDES = {"sorry", "actually", "honestly", "anyway", "basically", "um", "uh"}
_DISLOCATED = {"he", "she", "it", "they"}  # "my sister she works": the pronoun repeats the subject
_THINKING = {"think", "guess", "believe", "suppose", "know", "hope"}  # "i think <the news>"
_CAPITALISED = {name.lower() for name in (*calendar.day_name, *calendar.month_name) if name}
_NAME_ENTITIES = {"GPE", "NORP", "PERSON", "LOC", "LANGUAGE", "FAC", "EVENT"}
# How the recast opens and ends, by tone; the opening word changes from turn
# to turn so a conversation does not start every reply the same way. Each ends
# with a comma: the voice renders the opener alone first (app/practice.py).
_FRAMES = {tones.SYMPATHY: (("Oh no, ", "Oh dear, "), "."),
           tones.WARMTH: (("Oh, how nice, ", "Wow, "), "!"),
           tones.NEUTRAL: (("Oh, ", "I see, ", "So, "), ".")}
OPENERS = tuple(opener.strip() for openers, _ in _FRAMES.values() for opener in openers)
_PAST_CUES = {"yesterday", "ago", "last"}  # "last week", "two days ago"
_THIRD_PERSON = {"he", "she", "it"}
# Verbs whose object takes a bare verb: "made me laugh", "let him go".
_BARE_AFTER = {"make", "let", "help", "have", "see", "hear", "watch", "feel"}


@dataclass(frozen=True)
class Recast:
    kind: str  # RECAST, CLARIFY, or NONE (a question or a fragment: the model answers alone)
    text: str  # the sentence to say first ("" for NONE)
    tone: str  # tone.SYMPATHY, NEUTRAL or WARMTH
    topic: str  # what to ask about: the clause's object or its verb ("your wallet")
    clause: str  # the chosen clause in the second person, without the tone's words


def load() -> None:
    """Load the parser (about 1 s) and the word tables: at warm-up, not on the
    learner's first turn."""
    with _load_lock:
        _nlp()
    recast("I went to the park yesterday.")  # VADER's table loads on first use
    load_word_tables()


def load_word_tables() -> None:
    """lemminflect reads each of its tables on first use, in pure Python,
    holding the GIL throughout: on a turn, that stalls the window, which needs
    the GIL for every Qt call (docs/benchmarks.md, "Why the window stalled"). The
    recast, the corrector's candidates (app/tutor/gec/candidates.py) and the
    memory all use them; one call of each kind loads them all."""
    # lazy: loads lemminflect
    from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas, getAllLemmasOOV

    getAllLemmas("went")
    getAllLemmasOOV("blorfed", "VERB")
    getAllInflections("go")
    getAllInflectionsOOV("blorf", "VERB")


def recast(said: str, corrected: str | None = None, level: str = "B1", turn: int = 0) -> Recast:
    """The recast of ``said``; ``corrected`` is the same line with the corrector's
    certain fixes, which the recast repeats (the learner hears the right form)."""
    source = clean(corrected or said)
    if not understood(_FILLERS.sub("", _BRACKETED.sub(" ", said))):
        return Recast(CLARIFY, "", tones.NEUTRAL, "", "")
    if _SELF_CORRECTION.search(said):
        return Recast(NONE, "", tones.tone_of(source), "", "")
    doc = parse(source)
    mood = tones.tone_of(source, doc)
    if asks_the_tutor(source):
        return Recast(NONE, "", mood, "", "")  # a question to the tutor: the model answers it
    clause = _main_clause(doc, mood, MAX_WORDS.get(level, 13))
    if clause is None or _cut_short(clause):
        return Recast(NONE, "", mood, "", "")
    text = _second_person(clause).lstrip(" ,")
    if not text:
        return Recast(NONE, "", mood, "", "")
    openers, end = _FRAMES[mood]
    sentence = openers[turn % len(openers)] + text + end
    return Recast(RECAST, sentence, mood, _topic(clause), text)


def asks_the_tutor(text: str) -> bool:
    """A question to the tutor, with or without Whisper's question mark."""
    source = clean(text)
    if source.rstrip().endswith("?"):
        return True
    # "When I will finish, I will call you.": a time clause, not "when do you ...".
    return bool(_QUESTION_START.match(source)) and not _TIME_CLAUSE.match(source)


def clean(text: str) -> str:
    """The line without Whisper's bracketed noise tags, fillers, "you know",
    stutters and the first try of a self-correction."""
    text = _BRACKETED.sub(" ", text)
    text = _corrected_tries(text)
    # "my brother, you know, the one in Toronto, ..." keeps one comma; "the
    # seats were, you know, really bad" none: no comma follows "were".
    text = _SPOKEN_TAGS.sub(lambda m: "," if m[0].startswith(",") and m[0].endswith(",")
                            and not _NO_COMMA_AFTER.search(m.string[:m.start()]) else "", text)
    text = _LIKE_AFTERTHOUGHT.sub(_afterthought, text)
    text = _COMMAS.sub(" ", text)
    text = _FILLERS.sub("", text)
    text = _LIKE.sub(" ", text)
    text = _COMMAS.sub(" ", text)
    text = _TRAILING_THOUGHT.sub(r"\1", text)
    text = _REPEATS.sub(r"\1", text)
    # "but,, he" once a filler is out ("but, um, he"): no comma after the link.
    text = _LINK_COMMA.sub(r"\1 ", text)
    return " ".join(text.split()).strip(" ,")


# "my sister, no, my cousin": the learner's second try stands.
_NO_THEN = re.compile(
    r"\b(?:my|your|his|her|our|their|the|a|an|this|that)\s+\w+(?:\s+\w+)?,\s*"
    r"(?:no|sorry|oh no|I mean)\s*,\s*(?=(?:my|your|his|her|our|their|the|a|an|this|that)\b)",
    re.IGNORECASE)
# "my husband, my ex-husband, sorry, he calls": the second try, then the apology.
_THEN_SORRY = re.compile(
    r"\b(?:my|your|his|her|our|their|the|a|an|this|that)\s+[\w-]+(?:\s+[\w-]+)?,\s*"
    r"((?:my|your|his|her|our|their|the|a|an|this|that)\s+[\w-]+(?:\s+[\w-]+)?),\s*"
    r"(?:sorry|I mean|no)\s*,\s*", re.IGNORECASE)
# "I go, I went", "I have went, I went": one subject, the same verb tried twice.
_TRIED_AGAIN = re.compile(r"\b(i|we|he|she|they|you|it)((?:'m|'re|'s|'ve|'ll|'d)?\s+"
                          r"(?:\w+\s+)?(\w+)),\s*(\1)\s+(\w+)", re.IGNORECASE)


def _corrected_tries(text: str) -> str:
    """The line with the learner's second try in place of the first: "my
    sister, no, my cousin, she got married" -> "my cousin, she got married",
    "yesterday I go, I went to the doctor" -> "yesterday I went to the
    doctor". A list of different verbs ("I cooked, I cleaned") stays."""
    from app.tutor.act_text import verb_lemma

    def again(match: re.Match) -> str:
        first, second = match[3].lower(), match[5].lower()
        if first != second and (verb_lemma(first) is None
                                or verb_lemma(first) != verb_lemma(second)):
            return match[0]  # two different verbs
        return f"{match[1]} {second}"

    text = _THEN_SORRY.sub(r"\1, ", _NO_THEN.sub("", text))
    return _TRIED_AGAIN.sub(again, text)


def _afterthought(match: re.Match) -> str:
    """", like, enormous." closing a clause: left out when it is one adjective
    after a word that may end a clause ("it was, like, hot" keeps "hot"; "it
    takes, like, nine hours" keeps its hours)."""
    from lemminflect import getAllLemmas  # lazy: loads lemminflect

    forms = getAllLemmas(match[1].lower())
    if _NO_COMMA_AFTER.search(match.string[:match.start()]) or set(forms) != {"ADJ"}:
        return match[0]
    return match[2]


def understood(cleaned: str) -> bool:
    """Is there something to answer? Not for empty lines, noise artefacts, or words
    no dictionary knows ("asdf qwerty")."""
    plain = re.sub(r"[^a-z' ]", " ", cleaned.lower())
    tokens = plain.split()
    if not tokens or _ARTEFACTS.match(" ".join(tokens)):
        return False
    if len(set(tokens)) == 1 and len(tokens) > 1:
        return False  # "the the the"
    from lemminflect import getAllLemmas  # lazy: loads lemminflect
    from spacy.lang.en.stop_words import STOP_WORDS  # lazy: loads spaCy

    # lemminflect knows content words, spaCy's stop list the function words.
    known = [t for t in tokens if getAllLemmas(t.strip("'")) or t in STOP_WORDS or len(t) <= 2]
    return len(known) * 2 > len(tokens)


def _main_clause(doc, mood: str, max_words: int):
    """The tokens of the clause to say back, or None when there is none worth saying.

    A short line is said back whole; a long one by its main clause: the one
    that carries the news (the saddest one after bad news, the first
    otherwise), without "because"/"when" clauses, trailing phrases cut until
    it fits.
    """
    candidates = []
    for sent in doc.sents:
        for verb in [sent.root, *[t for t in sent.root.children if t.dep_ == "conj"]]:
            if verb.dep_ == "ROOT" and verb.lemma_ in _THINKING:
                verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
                continue
            candidates.append(_clause_tokens(verb))
    if not candidates:
        return None
    whole = [t for t in doc if not t.is_punct or (t.text in (",", "-") and t.i < len(doc) - 1)]
    if len([t for t in whole if not t.is_punct]) <= max_words:
        return whole
    if mood == tones.SYMPATHY:
        chosen = min(candidates, key=lambda c: tones.score(" ".join(t.text for t in c)))
    else:
        chosen = candidates[0]
    return _fit(chosen, max_words)


def _cut_short(tokens: list) -> bool:
    """Did cutting the clause leave it unfinished: its last verb without the
    object or clause it had ("your boss, he wants [me to work]"), or half of
    a hyphenated word ("your mother[-in-law]")?"""
    kept = {t.i for t in tokens}
    said = [t for t in tokens if not t.is_punct]
    if not said:
        return True
    last = said[-1]
    if any(t.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative") and c.i > t.i
            and c.i not in kept for c in t.children) for t in said):
        return True
    if any(t.lower_ in ("soon", "long", "far") and any(
            c.dep_ in ("advcl", "ccomp") and c.i not in kept for c in t.children) for t in said):
        return True  # "she will call you [as] soon [as the baby arrives]"
    after = last.i + 1
    return after < len(last.doc) and last.doc[after].text == "-" and after not in kept


def _clause_tokens(verb) -> list:
    """The verb's subtree without its conjoined clauses and subordinate clauses."""
    drop = set()
    for child in verb.children:
        if child.dep_ in ("conj", "cc", "advcl", "parataxis", "mark") or (
                child.dep_ == "ccomp" and child.i > verb.i):
            drop.update(t.i for t in child.subtree)
    kept = [t for t in verb.subtree if t.i not in drop and (not t.is_punct or t.text in (",", "-"))]
    while kept and kept[-1].text == ",":
        kept.pop()
    while kept and kept[0].text == ",":
        kept.pop(0)
    return kept  # inner commas stay: "exciting, we won" is not one run-on clause


def _fit(tokens: list, max_words: int) -> list | None:
    """Cut trailing phrases (prepositional, time) off the verb until the clause fits."""
    tokens = list(tokens)
    while len(tokens) > max_words:
        last = tokens[-1]
        phrase = last
        while phrase.head.i != phrase.i and phrase.head in tokens and phrase.dep_ not in (
                "prep", "npadvmod", "advmod", "dobj", "pobj", "attr", "xcomp"):
            phrase = phrase.head
        cut = {t.i for t in phrase.subtree}
        if phrase.dep_ in ("dobj", "attr") or len(cut) >= len(tokens):
            return None  # the object is the news: too long to say back in one breath
        tokens = [t for t in tokens if t.i not in cut]
        while tokens and (tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PART")
                          or tokens[-1].text in ("-", ",")):
            tokens.pop()  # "you won in [the last minute]": no word left hanging
        bare = [t for t in tokens if t.pos_ != "ADV"]  # "they're always [like that]"
        if bare and bare[-1].pos_ in ("VERB", "AUX"):
            return None  # "your boss, he wants [...]": the verb lost what it needs
        commas = [i for i, t in enumerate(tokens) if t.text == ","]
        if commas and len(tokens) <= max_words and not any(
                t.pos_ in ("VERB", "AUX") for t in tokens[commas[-1]:]):
            tokens = tokens[:commas[-1]]  # "..., no football [for me this week]": a fragment
    return tokens


def _second_person(tokens: list) -> str:
    """"i was late for my class" -> "you were late for your class"."""
    while tokens and ((tokens[0].text.lower() in _DISCOURSE and tokens[0].pos_ in (
            "ADV", "CCONJ", "INTJ", "SCONJ")) or tokens[0].text.lower() in _ASIDES
            or (tokens[0].is_punct and len(tokens) > 1)):
        tokens = tokens[1:]  # "so yesterday I was..." -> "yesterday you were..."
    tokens = [t for i, t in enumerate(tokens) if not (i and _dislocated(tokens[i - 1], t))]
    drop: set[int] = set()
    for i in range(2, len(tokens)):
        found = _dislocated_after_comma(tokens, i)
        if found:  # the pronoun, and its comma unless it closes an apposition
            drop |= {i} if found == "apposition" else {i - 1, i}
    tokens = [t for i, t in enumerate(tokens) if i not in drop]
    out: list[str] = []
    joined = False  # the word before was a hyphen, written without spaces
    flipped_heads = set()  # verbs whose subject became "you": their "am"/"was" must agree
    tutor_heads = {t.head.i for t in tokens  # verbs whose subject "you" becomes "I"
                   if t.lower_ == "you" and t.dep_ in ("nsubj", "nsubjpass")}
    for t in tokens:
        word, lower = t.text, t.text.lower().replace("’", "'")
        if lower in _FLIP:
            word = _FLIP[lower]
            if t.dep_ in ("nsubj", "nsubjpass") and lower in ("i", "we"):
                flipped_heads.add(t.head.i)  # not "ours is broken" -> "yours are"
        elif lower in _FLIP_BACK:
            word = _FLIP_BACK[lower]  # "my sister likes your car" -> "... likes my car"
        elif lower in _AGREE_I and (t.i in tutor_heads or (
                t.dep_ in ("aux", "auxpass") and t.head.i in tutor_heads)):
            word = _AGREE_I[lower]
        elif lower in _AGREE and (t.i in flipped_heads or (
                t.dep_ in ("aux", "auxpass") and t.head.i in flipped_heads)):
            word = _AGREE[lower]
        elif lower in ("was", "is") and _plural_subject(t):
            word = _AGREE[lower]  # "the tickets was" -> "the tickets were"
        elif t.tag_ in ("VB", "VBP") and t.dep_ in ("ROOT", "conj", "ccomp") and not (
                t.dep_ == "ccomp" and t.head.lemma_ in _BARE_AFTER):
            word = _inflected(t, t, word)
        elif t.tag_ in ("VB", "VBP") and t.dep_ == "auxpass" and t.lemma_ == "get":
            word = _inflected(t.head, t, word)  # "my brother get married"
        elif lower == "you":  # the learner speaking of the tutor
            word = "me" if t.dep_ in ("dobj", "pobj", "dative") else "I"
        elif lower in _CAPITALISED or (t.ent_type_ in _NAME_ENTITIES and t.pos_ == "PROPN"):
            word = word[:1].upper() + word[1:]
        elif not out and t.pos_ != "PROPN":
            word = lower  # Whisper capitalises the first word; the recast's opener comes first
        if lower == "nt" and out:
            word = "n't"  # "dont" as typed
        if out and (word.startswith("'") or word == "n't" or word == "," or joined):
            out[-1] += word  # spaCy splits "don't" and "it's"
        else:
            out.append(word)
        joined = word == "-" and not t.whitespace_  # "in-laws": spaCy splits at the hyphen
        if word == "-" and out and len(out) > 1 and not t.nbor(-1).whitespace_:
            out[-2:] = [out[-2] + "-"]
    return " ".join(out)


def fixes_words(said: str, fixed: str) -> bool:
    """Does ``fixed`` change the words of ``said``, not only drop a filler or a
    repeat ("and, uh, it rained" -> "and it rained" fixes nothing)?"""
    return words(clean(fixed)) != words(clean(said))


def carries_the_fix(clause: str, said: str, fixed: str) -> bool:
    """Does the recast ``clause`` say the words the fix brought in? A long
    line is said back by one clause; when the fix is in another ("my in-laws
    lives ..., and they have chickens"), the clause said back keeps its error."""
    before = {w.lower() for w in re.findall(r"[\w']+", said)}
    spoken = {w.lower() for w in re.findall(r"[\w']+", clause)}
    new = [w.lower() for w in re.findall(r"[\w']+", fixed) if w.lower() not in before]
    # As said back from the tutor's side: "I am" -> "you are", "my" -> "your".
    return all(w in spoken or _FLIP.get(w) in spoken or _AGREE.get(w) in spoken
               or _FLIP_BACK.get(w) in spoken for w in new)


def _plural_subject(be) -> bool:
    """Is the subject of this "was"/"is" (or of the verb it helps) a plural noun?"""
    verb = be.head if be.dep_ in ("aux", "auxpass") else be
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NNS", "NNPS")
               for c in verb.children)


def _dislocated(before, pronoun) -> bool:
    """"my daughter she was sick": the pronoun repeats the noun phrase just said
    ("yesterday she went" keeps it: "yesterday" is no person or thing)."""
    return (pronoun.text.lower() in _DISLOCATED and before.pos_ in ("NOUN", "PROPN")
            and before.ent_type_ not in ("DATE", "TIME")
            and any(c.dep_ in ("poss", "det") for c in before.children))


def _dislocated_after_comma(tokens: list, i: int) -> str:
    """"my husband, he is terrible", "my friend Lucas, he called": a pronoun
    after a comma repeats the noun phrase before it, which spaCy hangs on the
    same verb ("When I saw my brother, he was crying" keeps it: the brother
    is what was seen). "phrase": drop the pronoun and its comma;
    "apposition": drop the pronoun only, the comma closes "my brother, the
    one in Toronto,"; "": keep both."""
    pronoun = tokens[i]
    if pronoun.text.lower() not in _DISLOCATED or pronoun.dep_ != "nsubj" \
            or tokens[i - 1].text != ",":
        return ""
    phrase, opened = tokens[i - 2], False  # up to the head of "my brother, the one in Toronto"
    while phrase.dep_ in ("appos", "compound", "pobj", "prep") and phrase.head.i != phrase.i:
        if phrase.dep_ == "appos":  # set off by a comma ("my brother, the one ...")?
            opened |= any(t.text == "," for t in phrase.doc[phrase.head.i:phrase.i])
        phrase = phrase.head
    if (phrase.pos_ in ("NOUN", "PROPN") and phrase.dep_ in ("npadvmod", "dep")
            and phrase.head.i == pronoun.head.i and phrase.ent_type_ not in ("DATE", "TIME")
            and (phrase.pos_ == "PROPN" or any(c.dep_ in ("poss", "det") for c in phrase.children))):
        return "apposition" if opened else "phrase"
    return ""


def _inflected(verb, token, word: str) -> str:
    """A bare verb the learner left uninflected, in the form its sentence needs:
    "yesterday I cook" -> "cooked", "my brother live" -> "lives". Only with a
    time word that means the past, or a third-person subject; else as said."""
    from lemminflect import getInflection  # lazy: loads lemminflect

    if any(c.dep_ in ("aux", "auxpass") and c.i != token.i for c in verb.children):
        return word  # "will go", "don't go", "can swim": the bare form is right
    sentence = verb.sent
    if token.lemma_ in _THINKING and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we", "you")
                                         for c in verb.children):
        return word  # "so I think I passed": thinking now about what happened then
    if any(t.text.lower() in _PAST_CUES for t in sentence) or (
            verb.dep_ == "conj" and verb.head.tag_ == "VBD"):
        tag = "VBD"  # "I ran to the stop, but the bus already leave" -> "left"
    else:
        subject = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subject or not (subject[0].tag_ in ("NN", "NNP")
                               or subject[0].text.lower() in _THIRD_PERSON) or any(
                c.dep_ == "conj" for c in subject[0].children):
            return word  # "my husband and I go": two people, no -s
        tag = "VBZ"
    if token.lemma_.lower() != word.lower():
        return word  # not a base form lemminflect knows ("swimmed"): left as said
    from lemminflect import getLemma  # lazy: loads lemminflect

    if word.lower() not in getLemma(word.lower(), upos="VERB"):
        return word  # spaCy's lemma was the word itself ("forgot"): no "forgoted"
    form = getInflection(token.lemma_, tag=tag)
    return form[0] if form else word


def _topic(tokens: list) -> str:
    """What to ask about: the clause's object, else a person or thing it is about
    ("your wallet", "your grandfather"), else its verb."""
    for dep in ("dobj", "attr", "nsubj", "nsubjpass", "pobj", "acomp"):
        for t in tokens:
            if t.dep_ == dep and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in (
                    "DATE", "TIME"):
                phrase = [x for x in tokens if x in t.subtree and x.i <= t.i]
                return _second_person(phrase)
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    return verbs[0].lemma_ if verbs else ""
