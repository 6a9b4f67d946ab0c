"""The learner's own contractions, kept in a fluent rewrite (Qt-free, pure text).

A contraction is not a mistake, and neither is the form written out: "She's
been" and "She has been" are equally fluent. A rewrite that only writes the
learner's contraction out (or contracts what they wrote out) changes a right
line into another right line, and the learner sees a change where there was
no mistake (test2.txt, Qwen 1.5B: "She's been" -> "She has been", "Who's" ->
"Who is"). :func:`keep_contractions` aligns the rewrite with what was said,
word by word, and puts the learner's form back wherever the rewrite's words
are one reading of it: "'s" is "is" or "has", "'d" is "would" or "had",
"n't" is "not".

A contraction that is itself the mistake is not put back, because the
rewrite's words are then no reading of it: "I'm agree" -> "I agree", "It's
depend" -> "It depends", "There's many people" -> "There are many people".
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

# Written-out readings of a contraction's ending (after the word it leans on).
_ENDINGS = (("n't", ("not",)), ("'s", ("is", "has")), ("'re", ("are",)), ("'m", ("am",)),
            ("'ve", ("have",)), ("'ll", ("will",)), ("'d", ("would", "had")))
# Contractions whose first word changes, or that are one word.
_WHOLE = {"can't": (("can", "not"), ("cannot",)), "cannot": (("can", "not"),),
          "won't": (("will", "not"),), "shan't": (("shall", "not"),),
          "let's": (("let", "us"),)}
_AFFIX = re.compile(r"^([^\w']*)(.*?)([^\w']*)$")
# Not a contraction's base: an apostrophe at the start ("'cause") or a lone ending.
_MIN_BASE = 1


def _key(token: str) -> str:
    """A token as compared: lower case, straight apostrophe, no punctuation around."""
    return _AFFIX.match(token.replace("\u2019", "'").lower()).group(2)


def readings(word: str) -> set[tuple[str, ...]]:
    """The ways ``word`` (a key) may be written: itself, and written out if it is a
    contraction ("she's" -> ("she", "is"), ("she", "has"))."""
    out = {(word,)}
    out.update(_WHOLE.get(word, ()))
    for ending, full in _ENDINGS:
        base = word[:-len(ending)]
        if word.endswith(ending) and len(base) >= _MIN_BASE and "'" not in base:
            out.update((base, f) for f in full)
    return out


def _same_reading(one: str, many: list[str]) -> bool:
    """Whether the single token ``one`` may be read as the tokens ``many``."""
    return tuple(_key(t) for t in many) in readings(_key(one))


def _dress(learner: list[str], rewrite: list[str]) -> list[str]:
    """The learner's words in the rewrite's place: with the rewrite's capital at
    the start of the sentence (or none), and its punctuation around them."""
    lead = _AFFIX.match(rewrite[0]).group(1)
    trail = _AFFIX.match(rewrite[-1]).group(3)
    out = [_AFFIX.match(t).group(2) for t in learner]
    first, model_first = out[0], _AFFIX.match(rewrite[0]).group(2)
    if model_first and _key(first) != "i" and not _key(first).startswith("i'"):
        upper = model_first[:1].isupper()
        first = (first[:1].upper() if upper else first[:1].lower()) + first[1:]
    out[0] = lead + first
    out[-1] += trail
    return out


def _step(said: list[str], rewrite: list[str], i: int, j: int) -> tuple[int, int] | None:
    """How many words of each side match from (i, j) on: the same word (1, 1), or
    one side's contraction and the other's words written out ((1, 2), (2, 1), or
    (1, 1) for "can't"/"cannot")."""
    if i >= len(said) or j >= len(rewrite):
        return None
    if _key(said[i]) == _key(rewrite[j]):
        return 1, 1
    for n in (2, 1):
        if j + n <= len(rewrite) and _same_reading(said[i], rewrite[j:j + n]):
            return 1, n
        if i + n <= len(said) and _same_reading(rewrite[j], said[i:i + n]):
            return n, 1
    return None


def _back_step(said: list[str], rewrite: list[str], k: int, m: int) -> tuple[int, int] | None:
    """:func:`_step` backwards: a match that ends at (k, m)."""
    for n_said, n_rew in ((1, 1), (1, 2), (2, 1)):
        if k - n_said >= 0 and m - n_rew >= 0 and _step(
                said[:k], rewrite[:m], k - n_said, m - n_rew) == (n_said, n_rew):
            return n_said, n_rew
    return None


def _followed_alike(said: list[str], rewrite: list[str], k: int, m: int) -> bool:
    """Whether the same word follows on both sides (the end of the stretch on
    both is followed by the same words): "She's got a bike" -> "She has a
    bike" keeps "has", a verb of its own there, not the "'s" of "'s got"."""
    if k == len(said) or m == len(rewrite):
        return k == len(said) and m == len(rewrite)
    return _key(said[k]) == _key(rewrite[m])


def _piece(said: list[str], rewrite: list[str], step: tuple[int, int]) -> list[str]:
    return rewrite if _key(said[0]) == _key(rewrite[0]) and step == (1, 1) \
        else _dress(said, rewrite)


def _restore(said: list[str], rewrite: list[str]) -> list[str]:
    """One changed stretch: the learner's form at either end where the words only
    differ by a contraction, the rewrite's own words in between."""
    head, i, j = [], 0, 0
    while (step := _step(said, rewrite, i, j)) is not None:
        k, m = i + step[0], j + step[1]
        if not _followed_alike(said, rewrite, k, m):
            break
        head += _piece(said[i:k], rewrite[j:m], step)
        i, j = k, m
    tail, k, m = [], len(said), len(rewrite)
    while k > i and m > j and (step := _back_step(said[i:k], rewrite[j:m], k - i, m - j)):
        tail = _piece(said[k - step[0]:k], rewrite[m - step[1]:m], step) + tail
        k, m = k - step[0], m - step[1]
    return head + rewrite[j:m] + tail


def keep_contractions(said: str, rewrite: str) -> str:
    """``rewrite`` with the learner's own contractions, and their own written-out
    forms, wherever the rewrite only expands or contracts them."""
    a, b = said.split(), rewrite.split()
    if not a or not b:
        return rewrite
    matcher = SequenceMatcher(a=[_key(t) for t in a], b=[_key(t) for t in b], autojunk=False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            out += b[j1:j2]
        else:
            out += _restore(a[i1:i2], b[j1:j2])
    return " ".join(out)
