"""Grammar fixes that look like a change of meaning to the review's guard.

The content guard (app/tutor/fluent.py) refuses a rewrite that changes a
modal, a negation or an -ing form, because a small model's rewrite often
changes what was meant that way ("could I" -> "can I", "he working" -> "he
works"). Some such changes are the fix itself, and the guard kept the error
(Qwen 1.5B on tests/data/fluent/test3.txt, since a tuning split: 8 of the 13
good rewrites it refused):

- "will" in a clause of time or condition: "If you will need help" -> "If
  you need help";
- a double negation: "I don't know nothing" -> "I don't know anything";
- an -ing form after a verb that takes the to-infinitive: "He promised
  calling me" -> "He promised to call me";
- a state verb in the progressive: "This coat is belonging to my brother"
  -> "This coat belongs to my brother";
- "he" for "she" (or back) about a person the line names: "My sister goes
  everywhere with his husband" -> "her husband" (test8.txt, Qwen 1.5B);
- "will" or "can" reported after a past verb of saying: "He said he will
  call me" -> "he would call me" (test10.txt, Qwen 1.5B);
- "no" for "not" before a verb: "she no have a car" -> "she doesn't have";
- "will" after an "if" clause in the past: "If I had more time, I will
  travel" -> "I would travel".

Each function takes the two lines as words with contractions written out
(fluent.expanded) and says whether the difference is only that fix.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

# Clauses of time and condition, where English uses the present for the future.
TIME_OR_CONDITION = {"if", "when", "after", "before", "until", "till", "unless", "once",
                     "whenever"}
DETERMINERS = {"the", "a", "an", "my", "your", "his", "her", "our", "their", "this", "that"}
# The negative word of a double negation and the word that replaces it.
NEGATIVE_TO_ANY = {"nothing": "anything", "nobody": "anybody",
                   "never": "ever", "none": "any", "nowhere": "anywhere", "no": "any"}
NEGATIVE_TO_ANY_ALSO = {"nobody": "anyone"}
# Verbs followed by the to-infinitive and never by an -ing form (the common
# ones of learner grammars; "like", "love", "start", "remember", "try" take
# both and are left out).
TO_INFINITIVE = {"agree", "afford", "arrange", "ask", "attempt", "choose", "decide", "deserve",
                 "expect", "fail", "hope", "intend", "learn", "manage", "need", "offer", "plan",
                 "prepare", "pretend", "promise", "refuse", "seem", "tend", "threaten", "want",
                 "wish", "would like", "would love", "would prefer", "would hate"}
# Verbs of state, which take no progressive in the sense a learner means.
STATE_VERBS = {"belong", "know", "own", "understand", "believe", "contain", "consist",
               "possess", "prefer", "recognise", "recognize", "seem", "want", "need", "cost",
               "deserve", "matter", "owe", "resemble", "mean", "like", "love", "hate"}


def drops_will_after_if(before: list[str], after: list[str]) -> bool:
    """Is the only modal change a "will" dropped from a clause of time or
    condition ("when you will be" -> "when you are")?"""
    modals = {"will", "would", "can", "could", "shall", "should", "may", "might", "must"}
    lost = Counter(w for w in before if w in modals) - Counter(w for w in after if w in modals)
    gained = Counter(w for w in after if w in modals) - Counter(w for w in before if w in modals)
    if gained or set(lost) != {"will"}:
        return False
    slots = 0  # "will"s right after a subordinator and its subject
    for i, word in enumerate(before):
        if word == "will" and (_subordinate(before, i - 2)
                               or (_subordinate(before, i - 3) and before[i - 2] in DETERMINERS)):
            slots += 1
    return lost["will"] <= slots


def _subordinate(tokens: list[str], index: int) -> bool:
    """Does a clause of time or condition open at ``index`` ("if", "when",
    "as soon as")?"""
    if index < 0:
        return False
    word = tokens[index]
    return word in TIME_OR_CONDITION or (word == "as" and tokens[max(0, index - 2):index] == [
        "as", "soon"])


# Verbs of saying and thinking in the past, after which "will" and "can" are
# reported as "would" and "could".
REPORTING = {"said", "told", "thought", "knew", "promised", "asked", "explained", "wrote",
             "hoped", "believed", "decided", "guessed", "heard", "mentioned", "replied",
             "answered", "agreed", "realised", "realized", "expected", "felt", "swore"}
BACKSHIFT = {"will": "would", "can": "could", "shall": "should"}
SUBJECTS = {"i", "you", "he", "she", "it", "we", "they"}


def unreal_conditional(before: list[str], after: list[str]) -> bool:
    """Is the only modal change a "will" (or "can") after an "if" clause in the
    past made "would" (or "could"): "If I had a bigger kitchen, I will cook
    more" -> "I would cook more", "if I was you, I will call her"?"""
    if "if" not in before:
        return False
    start = before.index("if")
    fixed = list(before)
    for index in range(start + 2, len(before)):
        if before[index] in ("will", "can") and any(
                _past_form(w) for w in before[start + 1:index]):
            fixed[index] = BACKSHIFT[before[index]]
    return fixed != before and _modals(fixed) == _modals(after)


def _past_form(word: str) -> bool:
    from lemminflect import getAllLemmas, getInflection  # lazy: reads its tables

    if word in ("was", "were", "had", "did", "could"):
        return True
    for lemma in getAllLemmas(word).get("VERB", ()):
        if word in getInflection(lemma, tag="VBD") and word != lemma:
            return True
    return False


def backshifts_reported(before: list[str], after: list[str]) -> bool:
    """Is the only modal change a "will" or "can" after a past verb of saying
    made "would" or "could" ("He said he will call me" -> "would call me")?"""
    fixed = list(before)
    for index, word in enumerate(before):
        if word in BACKSHIFT and any(w in REPORTING for w in before[:index]):
            fixed[index] = BACKSHIFT[word]
    return fixed != before and _modals(fixed) == _modals(after)


def _modals(tokens: list[str]) -> Counter:
    return Counter(t for t in tokens if t in {"can", "could", "will", "would", "shall", "should",
                                              "may", "might", "must"})


def no_for_not(before: list[str], after: list[str]) -> bool:
    """Is a "no" before a verb made "not" ("she no have a car" -> "she does
    not have a car"), the number of negations the same?"""
    said = Counter(before)
    before_verb = any(w == "no" and i and before[i - 1] in SUBJECTS
                      for i, w in enumerate(before))  # not "I have no money"
    return (before_verb and said["no"] > Counter(after)["no"]
            and Counter(after)["not"] > said["not"] and _negatives(before) == _negatives(after))


def resolves_double_negation(before: list[str], after: list[str]) -> bool:
    """Is the only negation change a second negative made an "any" word
    ("don't know nothing" -> "don't know anything")?"""
    negative = {"not", "no", "never", "nothing", "nobody", "none", "nowhere"}
    said = [w for w in before if w in negative]
    if len(said) < 2:
        return False
    for word in set(said) - {"not"}:
        replacement = NEGATIVE_TO_ANY[word]
        alternatives = {replacement, NEGATIVE_TO_ANY_ALSO.get(word, replacement)}
        fixed = list(before)
        index = fixed.index(word)
        for alternative in alternatives:
            fixed[index] = alternative
            if _negatives(fixed) == _negatives(after) and alternative in after:
                return True
    return False


def _negatives(tokens: list[str]) -> int:
    return sum(t in {"not", "no", "never", "nothing", "nobody", "none", "nowhere"}
               or t.endswith("n't") for t in tokens)


def fixes_ing_form(before: list[str], after: list[str]) -> bool:
    """Does every -ing form the rewrite dropped become a to-infinitive after a
    verb that takes one ("promised calling" -> "promised to call"), or the
    simple form of a state verb ("is belonging" -> "belongs")?"""
    dropped = [(i, w) for i, w in enumerate(before)
               if w.endswith("ing") and len(w) > 5 and w not in after]
    if not dropped:
        return False
    for index, word in dropped:
        base = _verb(word)
        previous = before[max(0, index - 3):index]
        governor = {_verb(w) for w in previous[-1:]}
        if "would" in previous and previous:  # "would like", "would you like"
            governor.add("would " + _verb(previous[-1]))
        if governor & TO_INFINITIVE and _has(after, ["to", base]):
            continue
        if base in STATE_VERBS and previous[-1:] and previous[-1] in {
                "am", "is", "are", "was", "were"} and any(_verb(w) == base for w in after):
            continue
        return False
    return True


def _verb(word: str) -> str:
    """The verb's base form (lemminflect): "promised" -> "promise"."""
    from lemminflect import getLemma  # lazy: reads its tables

    found = getLemma(word, upos="VERB")
    return found[0] if found else word


def _has(tokens: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(tokens[i:i + n] == run for i in range(len(tokens) - n + 1))


# People whose sex the word says: a "his" or "her" about them is the learner's
# he/she confusion (no he/she in Chinese, Finnish, Turkish speech...).
FEMALE = {"she", "mother", "mum", "mom", "wife", "sister", "daughter", "aunt", "niece", "girl",
          "woman", "lady", "girlfriend", "grandmother", "grandma", "granny", "queen",
          "stepmother", "sister-in-law", "mother-in-law", "actress", "waitress"}
MALE = {"he", "father", "dad", "husband", "brother", "son", "uncle", "nephew", "boy", "man",
        "boyfriend", "grandfather", "grandpa", "grandad", "king", "stepfather",
        "brother-in-law", "father-in-law"}
# Subjects and possessives only: "met him" -> "met her" may be another person.
THIRD = {"he": "she", "his": "her", "she": "he", "her": "his", "himself": "herself",
         "herself": "himself"}


def fixes_pronoun_gender(before: list[str], after: list[str]) -> bool:
    """Is every change of person a "he" word made a "she" word (or back) so
    that it agrees with the one person the line names before it ("my sister
    ... his husband" -> "her husband")? Not when the line names people of
    both sexes ("my brother and my sister ... his"), nor with the line's
    other words changed around it."""
    changed = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        pronouns = [w for w in before[i1:i2] + after[j1:j2] if w in THIRD]
        if tag == "equal" or not pronouns:
            continue
        if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            return False
        changed.append((i1, before[i1], after[j1]))
    if not changed:
        return False
    for index, old, new in changed:
        if THIRD.get(old) != new:
            return False
        named = set(before[:index])
        wanted = FEMALE if new in {"she", "her", "hers", "herself"} else MALE
        other = MALE if wanted is FEMALE else FEMALE
        if not (named & (wanted - {"he", "she"})) or named & (other - {"he", "she"}):
            return False
    return True
