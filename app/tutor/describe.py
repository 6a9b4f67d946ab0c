"""Words for a description, found in WordNet's own definitions.

"What do you call a person who repairs water pipes?": the description's
content words (as every form lemminflect knows) are looked for in the
definitions and synonyms of WordNet 3.0's nouns (app/tutor/dictionary.py
reads the same files). A noun is a candidate when its definition uses the
description's words; its genus (the head noun of the description, "person",
"room", "shop", or a synonym of it) counts too. Candidates are ranked by how
many of the description's words they use, then by how often WordNet's tagged
corpus used the word, so a common word ("teacher") comes before a rare one
("schoolmarm"). Nothing is invented: every candidate is a WordNet word with
a definition that says what the learner described.

The noun data file (15 MB) is read once, on the first such question; a
search takes a few tens of milliseconds a word.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

from app.tutor import dictionary

# Heads that name no kind of thing: the genus of "someone who ..." is a person.
_PERSON_HEADS = {"someone", "somebody", "person", "man", "woman", "people", "one", "guy"}
_THING_HEADS = {"something", "thing", "stuff", "object", "word", "place", "kind", "type"}
_LEXFILE_PERSON = 18
# Verbs that say little of what is described ("works in a library": the
# library tells, not the work), weighed as a noun or less.
_LIGHT_VERBS = {"work", "do", "make", "have", "get", "use", "go", "take", "give", "keep",
                "put", "be", "help", "come", "let", "see", "look"}
# A person's kind that says nothing of who they are to someone ("wife": a
# woman, and a spouse, which definitions of relatives use).
_GENERIC_PEOPLE = {"woman", "man", "person", "female", "male", "adult", "individual",
                   "human", "worker", "relative", "child", "kid"}
# A place's definition often opens with "a place where ..." ("airfield: a
# place where planes take off and land").
_PLACE_HEADS = {"place", "location", "site", "spot", "area"}
# Beings of myth and fiction: WordNet files them among persons.
_UNREAL = {"mythology", "mythical", "legendary", "fictional", "imaginary", "folklore", "fabled",
           "mythological", "legend"}
_NEGATION = re.compile(r"\b(not|no|never|without|can't|cannot)\b|n't\b", re.IGNORECASE)
_NEGATIVES = {"no", "not", "without", "never", "non", "lacking", "unable", "inability", "nothing"}
_lock = threading.Lock()


@dataclass(frozen=True)
class Candidate:
    word: str
    sense: dictionary.Sense
    matched: float  # description words its definition uses (a verb 2, another word 1)
    genus: bool  # its definition or its hypernym names the description's head
    count: int  # how often WordNet's tagged corpus used the word
    at: int = 0  # where its line starts in the noun data
    line_offset: str = ""  # its synset's offset
    rank: int = 99  # which sense of the word it is (0: the first)


def candidates(description: str, limit: int = 6) -> list[Candidate]:
    """Nouns whose WordNet definitions say what ``description`` says, best first."""
    head, content = _read(description)
    if not content or _phrasal(description):
        return []  # "the man who puts out the fire": "fire" alone gave "arsonist" (test6)
    _weights = _read_weights(description)
    data = _noun_data()
    if data is None:
        return []
    hits: dict[int, set[str]] = {}
    for lemma, forms in content.items():
        pattern = re.compile(rb"\b(?:" + b"|".join(re.escape(f.encode()) for f in forms)
                             + rb")\b")
        for match in pattern.finditer(data):
            start = data.rfind(b"\n", 0, match.start()) + 1
            hits.setdefault(start, set()).add(lemma)
    heads = _genus_words(head) or (_PLACE_HEADS if head == "place" else set())
    person = head in _PERSON_HEADS
    need = max(1, (len(content) + 1) // 2)
    own = set(content)
    nouns = _nouns(description, content)  # "flowers": a grocer also "sells"
    negated = bool(_NEGATION.search(description))
    found: list[Candidate] = []
    for start, lemmas in hits.items():
        if len(lemmas) < need:
            continue
        end = data.find(b"\n", start)
        line = data[start:end].decode("utf-8", errors="replace")
        if " @i " in line:
            continue  # an instance: a name ("delilah"), not a word for a kind of thing
        sense = _parse(line)
        if sense is None or not sense.words or not sense.gloss:
            continue
        # The whole definition ("eater of fruit or grain or nuts; someone who
        # eats no meat"), not only its first part, which the answer quotes.
        full = re.sub(r'"[^"]*"', " ", line.partition("|")[2])
        defined = set(re.findall(r"[a-z]+", full))
        defined |= {w for word in sense.words[1:] for w in word.split()}  # "letter carrier"
        if negated and not defined & _NEGATIVES:
            continue  # "someone who doesn't eat meat": not a butcher
        if defined & _UNREAL:
            continue  # "dragon" for "the man who puts out the fire" (test6)
        used = [lemma for lemma, forms in content.items() if forms & defined]
        matched = sum(_weights[lemma] for lemma in used)
        word = sense.words[0]
        said = set(description.lower().split())
        if len(used) < need or any(w in said for w in word.split()) or not all(
                lemma in used for lemma in nouns) or _lemmas(word) & own:
            continue  # "flower girl" for "a person who sells flowers" says it back
        # No head noun ("when you can't sleep at night"): no kind to check; a
        # "thing" whose definition says both its action and what it is done to.
        genus = sense.lexfile == _LEXFILE_PERSON if person else bool(
            heads & set(re.findall(r"[a-z]+", " ".join(sense.gloss.split()[:6])))) or not head \
            or (head in _THING_HEADS - {"place"} and sense.lexfile != _LEXFILE_PERSON
                and matched >= 3) \
            or _compound(sense, heads)
        found.append(Candidate(word, sense, matched, genus, 0, start, line.split(" ", 1)[0]))
    found.sort(key=lambda c: (-(c.matched + 2 * c.genus), len(c.word)))
    top = found[:limit * 4]
    if not person and heads:  # the genus (the definition's head noun, a synonym's
        # last part: "doghouse", or a hypernym), for the best few only
        top = [_with_genus(c, heads, data) for c in top]
    top = [_with_count(c) for c in top]
    # The genus first (a person for "someone who ..."), then the words used,
    # then a word whose first sense this is, then the more frequent word.
    top.sort(key=lambda c: (-c.genus, -c.matched, c.rank, -c.count, len(c.word)))
    unique: dict[str, Candidate] = {}
    for c in top:
        unique.setdefault(c.word, c)
    return list(unique.values())[:limit]


def fits(word: str, description: str) -> dictionary.Sense | None:
    """The sense of ``word`` that says what ``description`` says: it uses one
    of its words and names what its action is done to or by ("flowers" in
    "a person who sells flowers"), and is of its kind (a person for "someone who ..."; the
    head noun, a synonym or a hypernym of it otherwise); None when none is,
    or when the word is one the description already says ("house" for "a
    small house for a dog")."""
    head, content = _read(description)
    said = set(re.findall(r"[a-z]+", description.lower()))
    if not content or any(w in said for w in word.lower().split()):
        return None
    heads = _genus_words(head)
    nouns = _nouns(description, content)
    negated = bool(_NEGATION.search(description))
    for sense in dictionary.senses(word, "n")[:6]:
        told = set(re.findall(r"[a-z]+", " ".join((sense.gloss, *sense.words)).lower()))
        if not any(forms & told for forms in content.values()) or not all(
                content[lemma] & told for lemma in nouns):
            continue  # "grocer" for "a person who sells flowers": not about flowers
        if negated and not told & _NEGATIVES:
            continue  # "nosher" for "someone who doesn't eat meat"
        if told & _UNREAL:
            continue  # WordNet files a dragon among persons
        if head in _PERSON_HEADS:
            if sense.lexfile == _LEXFILE_PERSON:
                return sense
        elif not heads or heads & told or heads & set(_sense_hypernyms(sense, word)):
            return sense
    return None


def _sense_hypernyms(sense: dictionary.Sense, word: str, first: bool = False) -> list[str]:
    """The words of ``sense``'s hypernyms (``first``: each one's first word only)."""
    data = _noun_data()
    if data is None:
        return []
    for offset in dictionary._index(word.replace(" ", "_"), "n")[1]:
        at = data.find(f"\n{offset:08d} ".encode())
        if at < 0:
            continue
        line = data[at + 1:data.find(b"\n", at + 1)].decode("utf-8", errors="replace")
        parsed = _parse(line)
        if parsed is not None and parsed.gloss == sense.gloss.lower():
            return [w for words in _hypernym_words(line, first) for w in words.split()]
    return []


def _with_genus(c: Candidate, heads: set[str], data: bytes) -> Candidate:
    end = data.find(b"\n", c.at)
    line = data[c.at:end].decode("utf-8", errors="replace")
    said = {w for words in _hypernym_words(line) for w in words.split()}
    return replace(c, genus=bool(heads & said) or _definition_head(c.sense.gloss) in heads
                   or _compound(c.sense, heads))


def _compound(sense: dictionary.Sense, heads: set[str]) -> bool:
    """Is a synonym of it a compound of the head ("doghouse" for a house)?"""
    return any(w.replace(" ", "").endswith(h) and w != h for w in sense.words[1:]
               for h in heads)


def _definition_head(gloss: str) -> str:
    """The noun a definition defines by: "a room equipped for ..." -> "room"."""
    from app.tutor.gec.candidates import parser

    roots = [t for t in parser()(gloss) if t.dep_ == "ROOT"]
    return roots[0].lemma_.lower() if roots and roots[0].pos_ == "NOUN" else ""


def _with_count(c: Candidate) -> Candidate:
    count, offsets = dictionary._index(c.word.replace(" ", "_"), "n")
    offset = int(c.line_offset) if c.line_offset.isdigit() else -1
    rank = offsets.index(offset) if offset in offsets else len(offsets)
    return replace(c, count=count, rank=rank)


@lru_cache(maxsize=16)
def _parsed(description: str):
    """spaCy's parse of a description, once for all the readings of it."""
    from app.tutor.gec.candidates import parser

    return parser()(description)


def _read_weights(description: str) -> dict[str, float]:
    """How much each content word says: the action (a verb) most, then what it
    is done to or where (a noun), a quality or a light verb ("works") least."""
    return {t.lemma_.lower(): 1.0 if t.lemma_.lower() in _LIGHT_VERBS else
            {"VERB": 2.0, "NOUN": 1.5, "PROPN": 1.5}.get(t.pos_, 1.0)
            for t in _parsed(description)}


def _phrasal(description: str) -> bool:
    """Does the description's action lie in a phrasal verb ("puts out", "looks
    after"), whose meaning no definition's words match?"""
    return any(t.dep_ == "prt" for t in _parsed(description))


def _lemmas(text: str) -> set[str]:
    """Every lemma of ``text``'s content words ("flowers" -> "flower")."""
    from lemminflect import getAllLemmas

    out = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) < 3 or word in _PERSON_HEADS or word in _THING_HEADS:
            continue
        out.add(word)
        out |= {lemma for lemmas in getAllLemmas(word).values() for lemma in lemmas}
    return out


def _nouns(description: str, content: dict[str, set[str]]) -> set[str]:
    """The content words of ``description`` (``content``, from :func:`_read`)
    that name what its action is done to or by ("flowers" in "a person who
    sells flowers"), which a right word's definition must name: the verb
    alone ("sells") fits a grocer too. Not a place or time around it
    ("teaches at school": a teacher) nor a noun that only modifies another
    ("water" in "water pipes")."""
    return {t.lemma_.lower() for t in _parsed(description)
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubj", "nsubjpass")
            and t.lemma_.lower() in content}


def _read(description: str) -> tuple[str, dict[str, set[str]]]:
    """The description's head noun and its content words, each with its forms."""
    from lemminflect import getAllInflections, getAllLemmas

    doc = _parsed(description)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    head = roots[0].lemma_.lower() if roots and roots[0].pos_ in ("NOUN", "PRON") else ""
    content: dict[str, set[str]] = {}
    for t in doc:
        if t.is_stop or not t.is_alpha or t.pos_ not in ("NOUN", "VERB", "ADJ", "PROPN") \
                or t.lower_ == head or len(t.text) < 3 or t.lemma_.lower() in _PERSON_HEADS \
                or t.lemma_.lower() in _THING_HEADS:
            continue
        lemma = t.lemma_.lower()
        forms = {lemma, t.lower_}
        for upos in ("NOUN", "VERB", "ADJ"):
            for base in getAllLemmas(t.lower_, upos).get(upos, ()):
                forms |= {f.lower() for fs in getAllInflections(base, upos).values() for f in fs}
        if t.pos_ == "VERB" and lemma not in _LIGHT_VERBS and head in _THING_HEADS:
            forms |= {lemma + ("r" if lemma.endswith("e") else "er")}  # "the thing you open
            # a wine bottle with": a corkscrew is "a bottle opener"
        if t.pos_ == "ADJ":  # "big" is said "large" in a definition
            for sense in dictionary.senses(lemma, "a")[:1]:
                forms |= {w for w in sense.words if " " not in w}
        if t.pos_ == "NOUN":  # "cars" is said "automobiles" ("auto mechanic"),
            # and "wife" "spouse" ("mother-in-law: the mother of your spouse")
            for sense in dictionary.senses(lemma, "n")[:1]:
                kind = [w for w in _sense_hypernyms(sense, lemma, first=True)
                        if w not in _GENERIC_PEOPLE] if sense.lexfile == _LEXFILE_PERSON else []
                for w in (*sense.words, *kind):
                    if " " not in w:
                        forms |= {w} | {f.lower() for fs in getAllInflections(w, "NOUN").values()
                                        for f in fs}
        content[lemma] = forms
    return head, content


def _genus_words(head: str) -> set[str]:
    if not head or head in _THING_HEADS:
        return set()
    out = {head}
    for sense in dictionary.senses(head, "n")[:2]:
        out |= {w for w in sense.words if " " not in w}
    return out


def _hypernym_words(line: str, first: bool = False) -> list[str]:
    """The words of the synsets this noun's line points to as hypernyms ("@")."""
    fields = line.split("|")[0].split()
    count = int(fields[3], 16)
    at = 4 + 2 * count
    pointers = int(fields[at])
    out = []
    for i in range(pointers):
        symbol, offset, pos = fields[at + 1 + 4 * i: at + 4 + 4 * i]
        if symbol in ("@", "@i") and pos == "n":
            sense = dictionary._sense("noun", int(offset), "")
            if sense is not None:
                out += [w for w in sense.words if w][:1 if first else None]
    return out


def _parse(line: str) -> dictionary.Sense | None:
    head, _, gloss = line.partition("|")
    fields = head.split()
    if len(fields) < 5 or not fields[0].isdigit() or len(fields[0]) != 8:
        return None  # the licence's lines at the top ("  1 This software ...")
    count = int(fields[3], 16)
    words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i].lower()) for i in range(count)]
    words = [w.replace("_", " ") for w in words]
    definition = gloss.split(";")[0].strip() if not gloss.strip().startswith('"') else ""
    definition = re.sub(r'"[^"]*"', "", definition).strip(" ;")
    examples = tuple(e.strip() for e in re.findall(r'"([^"]+)"', gloss))
    return dictionary.Sense(words[0], fields[2], definition, examples, tuple(words),
                            int(fields[1]))


@lru_cache(maxsize=1)
def _noun_data() -> bytes | None:
    folder = dictionary.data_dir()
    if folder is None:
        return None
    with _lock:
        data = (folder / "data.noun").read_bytes()
    # The licence at the top is not a synset; glosses only are searched with it.
    return data.lower()
