"""Each learner line as a fluent speaker would say it, at the learner's level (Qt-free).

Four steps, each allowed to fail back to the one before:

1. the corrector's sure edits (app/tutor/corrections.py), applied until they
   stop changing the line (at most :data:`CORRECTOR_PASSES` passes);
2. the tutor model rewrites the corrected line for fluency, under a JSON
   schema (grammar-constrained decoding, app/tutor/chat.py);
3. the corrector's sure edits on the rewrite as well (it may have left or
   made a mistake the corrector knows), and the learner's own contractions put
   back where the rewrite only wrote them out or contracted what they wrote
   out (app/tutor/contractions.py: "She's been" stays, "I'm agree" does not);
4. :func:`content_guard` rejects a rewrite that adds a name, number, place or
   content noun the learner did not say, drops one of their content words,
   changes a negation, a modal or who is meant (app/tutor/meaning.py), or
   that the corrector still flags. A rejected rewrite leaves the corrected line.

The changes shown beside what was said are a word diff (difflib), so the
learner sees each word that changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from collections import Counter
from difflib import SequenceMatcher

from app.tutor import pattern_fixes
from app.tutor.contractions import keep_contractions
from app.tutor.spellings import keep_opening, keep_spellings
from app.tutor.edits import lemma, word_distance, words
from app.tutor.learner_rules import apply_rules
from app.tutor.meaning import (
    FUNCTION_WORDS, KEEP, MODALS, _loses_progressive, _negations, _persons,
)
from app.tutor.new_words import PLACE_PREPOSITIONS, new_words, swaps

CORRECTOR_PASSES = 2
FLUENT_SCHEMA = {
    "type": "object",
    "properties": {"fluent": {"type": "string", "maxLength": 400}},
    "required": ["fluent"],
}
FLUENT_SYSTEM = (
    "You correct what an English learner at level {level} said. Fix every mistake of "
    "grammar and word choice: verb tenses, agreement, articles, prepositions, word order, "
    "verb patterns. Change as few words as you can. Keep their meaning and every name, "
    "number and place. Add nothing they did not say. If it is already correct, copy it "
    "unchanged.")
# Tuned on the dev split (tests/data/fluent/dev.txt): the kinds of error the
# corrector leaves there, in sentences of neither split.
FLUENT_EXAMPLES = (
    ("I very like to play football with my friends in weekend.",
     "I really like playing football with my friends at the weekend."),
    ("I work in a hospital.", "I work in a hospital."),
    ("I live in this flat since three years.", "I have lived in this flat for three years."),
    ("Can you explain me the rules?", "Can you explain the rules to me?"),
    ("We discussed about the plan yesterday.", "We discussed the plan yesterday."),
    ("What time she arrives?", "What time does she arrive?"),
    ("She goes to the office by the car.", "She goes to the office by car."),
    ("He not eat fish.", "He doesn't eat fish."),
)
# Parts of speech whose words carry what was said: a rewrite may not bring
# in new ones (names, numbers, places, things) nor lose the learner's.
ADDED_POS = {"NOUN", "PROPN", "NUM"}
KEPT_POS = {"NOUN", "PROPN", "NUM", "VERB", "ADJ", "ADV"}  # "often", "twice", "here"
# A rewrite changes at most this share of the corrected line's words (and
# always may change MIN_CHANGED: "explained me the problem" -> "explained the
# problem to me" is three): the learner's own sentence, made fluent, not a new one.
MAX_CHANGED = 0.3
MIN_CHANGED = 3
# An adjective inside a date or an age ("seven years old") is not new content.
TIME_ENTITIES = {"DATE", "TIME"}
# Words of politeness are the learner's to say: a rewrite keeps them.
POLITE = {"please", "thanks", "thank", "sorry", "excuse"}
# Words that join what was said: "tired, so I went" is not "tired and I went".
LINKS = {"so", "because", "but", "or", "if"}
# Links that say why or against what: one the learner did not say is new.
ADDED_LINKS = {"because", "so", "but"}
# Words of degree: "really" -> "very", "much" -> "very much" say more or less.
INTENSIFIERS = {"very", "really", "so", "quite", "pretty", "extremely", "totally", "super"}
OPPOSITE_PARTICLES = {"in": "out", "out": "in", "up": "down", "down": "up", "on": "off",
                      "off": "on"}
# A finished time: the perfect does not go with it ("I've moved here three
# years ago"); a rewrite may take a perfect away, never bring one in.
FINISHED_TIME = {"ago", "yesterday", "last"}
PERFECT = {"have", "has", "had"}
# Adverbs of the perfect: "'s just qualified" is "has just qualified".
PERFECT_ADVERBS = {"just", "already", "recently", "never", "ever", "finally", "only"}
# Words of degree: "travel more" is not "travel" (on dev.txt the corrector
# dropped it, app/tutor/gec/candidates.py; a rewrite must not either). A
# rewrite may drop one only into a comparative form ("more easy" -> "easier").
DEGREE = {"more", "less", "most", "least"}
COMPARATIVE_TAGS = {"JJR", "JJS", "RBR", "RBS"}
COMPARATIVES = {"better", "best", "worse", "worst", "fewer", "fewest"}
# Reflexives learners make up, and the right ones.
REFLEXIVES = {"theirselves": "themselves", "themself": "themselves", "hisself": "himself",
              "ourself": "ourselves"}
# Words that sound the same: in speech the learner said neither spelling, so
# one for the other is Whisper's choice, not a fix ("Whose turn is it?" ->
# "Who's turn", test10, Qwen 1.5B).
HOMOPHONES = [{"whose", "who's"}, {"its", "it's"}, {"your", "you're"},
              {"their", "there", "they're"}, {"to", "too", "two"}, {"here", "hear"},
              {"weather", "whether"}, {"where", "wear"}, {"one", "won"}, {"by", "buy", "bye"},
              {"know", "no"}, {"right", "write"}, {"new", "knew"}, {"would", "wood"}]
# Things said as "a pair of": "a new shoes" is "a new pair of shoes".
PAIR_NOUNS = {"shoes", "trousers", "jeans", "glasses", "scissors", "socks", "boots", "shorts",
              "pants", "sunglasses", "gloves", "earrings", "headphones", "sneakers", "trainers",
              "sandals", "tights", "pyjamas", "pajamas", "slippers", "earphones", "binoculars"}
# A time that has not finished, or a span up to now: the perfect goes with it.
# A rewrite may take a perfect away only beside a finished time: "I've just
# got home" -> "I just got home" is another right line (test2.txt, Qwen 1.5B).
UNFINISHED_LEAD = {"for", "since", "until", "till"}
UNFINISHED_TIME = {"this", "these", "today", "tonight", "now", "every", "recently",
                   "lately", "ever", "yet"}
# Contractions are not a fix: "I am" said is as fluent as "I'm".
CONTRACTIONS = {"i'm": "i am", "you're": "you are", "he's": "he is", "she's": "she is",
                "it's": "it is", "we're": "we are", "they're": "they are", "that's": "that is",
                "there's": "there is", "i've": "i have", "you've": "you have",
                "we've": "we have", "they've": "they have", "i'll": "i will",
                "you'll": "you will", "we'll": "we will", "i'd": "i would",
                "don't": "do not", "doesn't": "does not", "didn't": "did not",
                "isn't": "is not", "aren't": "are not", "wasn't": "was not",
                "weren't": "were not", "can't": "cannot", "won't": "will not",
                "haven't": "have not", "hasn't": "has not", "couldn't": "could not",
                "wouldn't": "would not", "shouldn't": "should not", "let's": "let us"}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "twenty", "thirty", "hundred", "thousand", "million",
                "first", "second", "third", "half"}


@dataclass(frozen=True)
class Change:
    """One word-level step from what was said to the fluent version."""

    op: str  # equal, replace, delete (a word taken out), insert (a word put in)
    said: str
    fluent: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class FluentLine:
    said: str
    fluent: str
    changes: list[Change] = field(default_factory=list)
    source: str = "same"  # same, corrector, model
    rejected: str | None = None  # why the model's rewrite was not used
    refused: str = ""  # that rewrite (shown by eval-fluent --show)

    def to_json(self) -> dict[str, Any]:
        return {"said": self.said, "fluent": self.fluent,
                "changes": [c.to_json() for c in self.changes if c.op != "equal"],
                "source": self.source}


def changes(said: str, fluent: str) -> list[Change]:
    """Word by word, every step, in the words as written (case and punctuation
    kept); words are matched as app/words.py counts them ("Home." = "home")."""
    a, b = said.split(), fluent.split()
    key = lambda token: "".join(words(token)) or token  # noqa: E731
    matcher = SequenceMatcher(a=[key(t) for t in a], b=[key(t) for t in b], autojunk=False)
    return _moves([Change(tag, " ".join(a[i1:i2]), " ".join(b[j1:j2]))
                   for tag, i1, i2, j1, j2 in matcher.get_opcodes()], key)


def _moves(steps: list[Change], key) -> list[Change]:
    """A word put in and the same word taken out, one or two words apart, is
    a word moved: "+have; -have" is shown as "never have -> have never"."""
    out: list[Change] = []
    i = 0
    while i < len(steps):
        step = steps[i]
        merged = None
        if step.op in ("insert", "delete") and i + 2 < len(steps):
            between, other = steps[i + 1], steps[i + 2]
            moved = step.fluent if step.op == "insert" else step.said
            back = other.said if other.op == "delete" else other.fluent
            if (between.op == "equal" and len(between.said.split()) <= 2
                    and other.op in ("insert", "delete") and other.op != step.op
                    and [key(t) for t in moved.split()] == [key(t) for t in back.split()]):
                said = " ".join(x for x in (step.said, between.said, other.said) if x)
                fluent = " ".join(x for x in (step.fluent, between.fluent, other.fluent) if x)
                merged = Change("replace", said, fluent)
        if merged is not None:
            out.append(merged)
            i += 3
        else:
            out.append(step)
            i += 1
    return out


def _stem(word: str) -> str:
    base = lemma(word)
    return base[:5] if len(base) > 5 else base


def _content(doc, pos: set[str]) -> list[tuple[str, str]]:
    """(word, stem) of the tokens whose part of speech is in ``pos``, or that
    are numbers or named entities."""
    out = []
    for token in doc:
        text = token.text.lower()
        if not re.search(r"[a-z0-9]", text) or text in FUNCTION_WORDS:
            continue
        entity = token.ent_type_ and not (token.ent_type_ in TIME_ENTITIES
                                          and token.pos_ in {"ADJ", "ADV", "ADP"})
        if token.pos_ in pos or token.like_num or entity or text in NUMBER_WORDS:
            if token.pos_ == "AUX":
                continue
            out.append((text, _stem(token.lemma_.lower() or text)))
    return out


def content_guard(said: str, rewrite: str, parse: Callable[[str], Any],
                  sure: str | None = None) -> str | None:
    """Why ``rewrite`` cannot stand for ``said`` (already corrected), or None.

    ``parse`` is spaCy's (app/tutor/parser.py). The learner's line is read both
    as parsed and as plain words, so a word the parser tags differently in the
    two sentences is still found. ``sure``: the corrector's sure edits of
    ``said``, whose verbs and adjectives are not new (app/tutor/new_words.py)."""
    if not words(rewrite):
        return "empty"
    optional = _only_adds_optional(said, rewrite)
    if optional:
        return f"only adds '{optional}', which was not missing"
    before, after = parse(said), parse(rewrite)
    said_doc, rewrite_doc = before, after
    # The lines with contractions written out, for the word checks below.
    said_x, rewrite_x = expanded(said), expanded(rewrite)
    no_for_not = pattern_fixes.no_for_not(said_x, rewrite_x)  # "she no have" -> "doesn't"
    double_negation = pattern_fixes.resolves_double_negation(said_x, rewrite_x)
    compared = _comparative_bases(after)  # "farther": "far"
    had = {stem for _w, stem in _content(before, KEPT_POS | ADDED_POS)}
    had |= {_stem(w) for w in words(said)}
    had |= {_stem(base) for base in _degree_bases(said)}  # "baddest" -> "worst"
    had |= {_stem(base) for w in words(said) for base in _made_up_verb(w)}  # "flied" -> "flew"
    added = [w for w, stem in _content(after, ADDED_POS)
             if stem not in had and not _gerund_of(w, had) and not _pair_of(w, rewrite, had)]
    if added:
        return f"adds {', '.join(added)}"
    sure_had = had | ({_stem(w) for w in words(sure)} if sure else set())
    sure_had |= {word for word, base in compared if base in had}  # "more far" -> "farther"
    added = new_words(before, after, sure_had, _stem, FUNCTION_WORDS)
    said_words = set(words(said)) | set(words(sure or ""))
    added += [w for w in dict.fromkeys(words(rewrite))
              if w in PLACE_PREPOSITIONS and w not in said_words]
    if added:
        return f"adds {', '.join(added)} (not the learner's)"
    if _perfects(after) < _perfects(before) and not _finished_time(before):
        return "takes a perfect away with no finished time"
    lost_degree = _lost_degree(before, after)
    if lost_degree:
        return f"drops {', '.join(lost_degree)}"
    kept = {stem for _w, stem in _content(after, KEPT_POS | ADDED_POS)}
    kept |= {_stem(w) for w in words(rewrite)}
    kept |= {_stem(base) for w in words(rewrite) if w.endswith("ing")
             for base in _verb_lemmas(w)}
    kept |= {base for _word, base in compared}  # "more far" -> "farther" keeps "far"
    swapped_out = swaps(before, after)[0]
    lost = [w for w, stem in _content(before, KEPT_POS)
            if stem not in kept and w not in swapped_out
            and not {_stem(base) for base in _degree_bases(w)} & kept
            and not {_stem(base) for base in _made_up_verb(w.lower())} & kept
            and not (w.lower() == "no" and no_for_not)
            and not (w.lower() in pattern_fixes.NEGATIVE_TO_ANY and double_negation)
            and REFLEXIVES.get(w.lower()) not in words(rewrite)]  # "theirselves"
    if lost:
        return f"drops {', '.join(lost)}"
    # A comma splice split at the learner's comma is one sentence more, not a
    # new one: "the baby cries, can you check on him?" -> "... is crying. Can you".
    extra = len(re.findall(r"[.!?](?:\s|$)", rewrite.strip())) - max(
        1, len(re.findall(r"[.!?](?:\s|$)", said.strip())))
    if extra > 0 and extra > said.count(",") - rewrite.count(","):
        return "more sentences than were said"
    if said.rstrip().endswith("?") != rewrite.rstrip().endswith("?"):
        return "changes a question into a statement (or back)"
    n = len(words(said))
    if word_distance(said, rewrite) > max(MIN_CHANGED, round(MAX_CHANGED * n)):
        return "changes too much"
    swapped = _homophone_swaps(said, rewrite)
    if swapped:
        return f"writes {swapped[0]} as {swapped[1]}, which sound the same"
    # app/tutor/meaning.py's checks of what was meant (its word checks are above).
    # Contractions written out: "I not understand" -> "I don't understand"
    # keeps its one negation.
    before, after = said_x, rewrite_x
    if _persons(after) - _persons(before) and not pattern_fixes.fixes_pronoun_gender(
            before, after):
        return "changes who is meant"
    if ({w for w in before if w in MODALS} != {w for w in after if w in MODALS}
            and not pattern_fixes.drops_will_after_if(before, after)
            and not pattern_fixes.backshifts_reported(before, after)
            and not pattern_fixes.unreal_conditional(before, after)):
        return "changes a modal verb"
    if _negations(before) != _negations(after) and not double_negation:
        return "changes a negation"
    keep = KEEP | POLITE | LINKS
    dropped = Counter(w for w in before if w in keep) - Counter(w for w in after if w in keep)
    if dropped == Counter(["no"]) and no_for_not:
        dropped = Counter()  # "she no have a car" -> "she does not have a car"
    if double_negation:
        dropped -= Counter({w: 9 for w in pattern_fixes.NEGATIVE_TO_ANY})  # "no milk" -> "any"
    if dropped:
        return f"drops {', '.join(dropped)}"
    if "please" in after and "please" not in before:
        return "adds please"  # "Can you please make me a favour?": not what was said
    # A link or a degree the learner did not say is a claim of theirs it is not:
    # "I can't make it, something's come up" -> "because something's come up",
    # "really friendly" -> "very friendly" (test10, Qwen 1.5B).
    added = (Counter(w for w in after if w in ADDED_LINKS | INTENSIFIERS)
             - Counter(w for w in before if w in ADDED_LINKS | INTENSIFIERS))
    if added and not _intensifier_fixed(said_doc, before, after, set(added)):
        return f"adds {', '.join(added)}"
    flipped = _flipped_particles(said_doc, before, after)
    if flipped:
        return f"changes {', '.join(flipped)}"  # "eating in" -> "eating out"
    finished = {w for i, w in enumerate(after) if w in FINISHED_TIME
                and not (i and after[i - 1] in UNFINISHED_LEAD)}  # not "since last year"
    if len(list(rewrite_doc)):  # on the parse: "had" the verb is no perfect ("had five kittens")
        more_perfects = _perfects(rewrite_doc) > _perfects(said_doc)
    else:  # words only
        more_perfects = bool(Counter(w for w in after if w in PERFECT)
                             - Counter(w for w in before if w in PERFECT))
    if finished and more_perfects:
        return "puts a perfect beside a finished time"
    if _loses_progressive(before, after) and not pattern_fixes.fixes_ing_form(before, after):
        return "changes the -ing form into another tense"
    return None


def _only_adds_optional(said: str, rewrite: str) -> str | None:
    """The word ``rewrite`` adds when it differs from ``said`` by that alone and
    English may leave it out: "so crowded (that) I couldn't", "half (of) the
    office" (test14's correct lines)."""
    old, new = words(said), words(rewrite)
    if len(new) != len(old) + 1:
        return None
    for i, word in enumerate(new):
        if old[:i] + [word] + old[i:] == new:
            if word == "that" or (word == "of" and i and new[i - 1] in ("half", "all", "both")
                                  and new[i + 1:i + 2] in (["the"], ["my"], ["our"], ["your"],
                                                          ["his"], ["her"], ["their"])):
                return word
    return None


def _intensifier_fixed(doc, before: list[str], after: list[str], added: set[str]) -> bool:
    """Is each added word of degree one that took the place of the learner's
    misplaced one ("I very like it" -> "I really like it", "I like very much
    football" -> "I really like football"): a word of degree dropped that
    stood before no adjective or adverb, or a "very much" dropped whole?"""
    if added - INTENSIFIERS:
        return False
    dropped = Counter(w for w in before if w in INTENSIFIERS | {"much"}) - Counter(
        w for w in after if w in INTENSIFIERS | {"much"})
    tokens = list(doc)
    misplaced = [t for i, t in enumerate(tokens[:-1])
                 if t.text.lower() in dropped and t.text.lower() != "much"
                 and (tokens[i + 1].pos_ not in ("ADJ", "ADV")
                      or (tokens[i + 1].text.lower() == "much" and dropped["much"]))]
    return bool(misplaced)


def _flipped_particles(doc, before: list[str], after: list[str]) -> list[str]:
    """The learner's particles that the rewrite turned into their opposite
    ("eating in" -> "eating out", "turn on" -> "turn off")."""
    said, wrote = Counter(before), Counter(after)
    return [f"{t.text.lower()} to {OPPOSITE_PARTICLES[t.text.lower()]}" for t in doc
            if getattr(t, "dep_", "") == "prt" and t.text.lower() in OPPOSITE_PARTICLES
            and wrote[t.text.lower()] < said[t.text.lower()]
            and wrote[OPPOSITE_PARTICLES[t.text.lower()]] > said[OPPOSITE_PARTICLES[t.text.lower()]]]


def _homophone_swaps(said: str, rewrite: str) -> tuple[str, str] | None:
    """The first word the rewrite only spelled as another that sounds the same."""
    before, after = words(said), words(rewrite)
    for op, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for old, new in zip(before[i1:i2], after[j1:j2]):
                if any({old, new} <= group for group in HOMOPHONES if old != new):
                    return old, new
    return None


def _pair_of(word: str, rewrite: str, had: set[str]) -> bool:
    """Is ``word`` the "pair" of "a pair of" the learner's shoes, jeans or
    glasses ("a new shoes" -> "a new pair of shoes")?"""
    found = re.search(r"\bpairs? of (?:\w+ ){0,2}?(\w+)", rewrite.lower())
    return word.lower() in ("pair", "pairs") and bool(found) and (
        found.group(1) in PAIR_NOUNS and _stem(found.group(1)) in had)


def _comparative_bases(doc) -> list[tuple[str, str]]:
    """(stem of the word, stem of its base) for each comparative or superlative
    of ``doc``: "farther" is a form of "far", "better" of "good" and "well"."""
    from lemminflect import getLemma  # lazy: reads its tables

    return [(_stem(t.text.lower()), _stem(base)) for t in doc
            if getattr(t, "tag_", "") in COMPARATIVE_TAGS
            for upos in ("ADJ", "ADV") for base in getLemma(t.text.lower(), upos=upos)]


def _gerund_of(word: str, had: set[str]) -> bool:
    """Is ``word`` the -ing form of a verb the learner said ("avoids to drive"
    -> "avoids driving"), which spaCy may read as a noun ("driving")?"""
    return word.endswith("ing") and any(_stem(base) in had for base in _verb_lemmas(word))


def _verb_lemmas(word: str) -> tuple[str, ...]:
    from lemminflect import getLemma  # lazy: reads its tables

    return tuple(getLemma(word, upos="VERB"))


def _made_up_verb(word: str) -> tuple[str, ...]:
    """The verb a made-up past is of ("flied", "swimmed" -> "fly", "swim"):
    its right form is the learner's own verb. () for a verb's usual past or
    participle, and for a word that is none ("flied" is lemminflect's second
    past of "fly", after "flew")."""
    from lemminflect import getInflection, getLemma  # lazy: reads its tables

    if not word.endswith(("ed", "en")):
        return ()
    return tuple(b for b in getLemma(word, upos="VERB") if b != word
                 and word not in getInflection(b, tag="VBD")[:1] + getInflection(b, tag="VBN")[:1])


def _degree_bases(said: str) -> list[str]:
    """The adjectives of the learner's made-up comparatives and superlatives
    ("baddest", "gooder"), whose right forms ("worst", "better") are theirs."""
    from lemminflect import getLemma  # lazy: reads its tables

    return [base for w in words(said) if w.endswith(("er", "est")) and w not in COMPARATIVES
            for base in getLemma(w, upos="ADJ") if base != w]


def _perfects(doc) -> int:
    """How many perfects: "have" (or "'ve") as an auxiliary, and "'s" before a
    participle, which spaCy reads as "is" or a possessive ("She's just gone
    out", "My neighbour's just had a baby")."""
    tokens = list(doc)
    return sum(1 for i, t in enumerate(tokens) if t.pos_ == "AUX"
               and (t.lemma_ or "").lower() == "have"  # not "I have cold"
               and _participle_next(tokens[i + 1:i + 4], any_adverb=True)) + sum(
        1 for i, t in enumerate(tokens)
        if t.text.lower() in ("'s", "’s") and _participle_next(tokens[i + 1:i + 3]))


def _participle_next(following, any_adverb: bool = False) -> bool:
    """Is the first of ``following`` that is no adverb a past participle?"""
    from lemminflect import getInflection  # lazy: reads its tables

    skipped = False
    for nxt in following:
        if nxt.pos_ in ("ADV", "PART") or nxt.text.lower() in ("n't", "not"):
            skipped = any_adverb or nxt.text.lower() in PERFECT_ADVERBS
            continue
        if any_adverb or (nxt.pos_ == "ADJ" and skipped):
            # After "have" whatever its tag ("been", "lived"), and spaCy's ADJ
            # after "just" ("My nephew's just qualified").
            return _past_participle(nxt.text.lower())
        lemma = (nxt.lemma_ or nxt.text).lower()
        # British "got" ("My brother's just got a puppy"): lemminflect has "gotten".
        forms = set(getInflection(lemma, tag="VBN")) | ({"got"} if lemma == "get" else set())
        return nxt.pos_ == "VERB" and nxt.text.lower() in forms
    return False


def _past_participle(word: str) -> bool:
    """Is ``word`` the past participle of a verb (British "got" too)?"""
    from lemminflect import getAllLemmas, getInflection  # lazy: reads its tables

    lemmas = getAllLemmas(word)
    return word == "got" or any(word in getInflection(base, tag="VBN")
                                for base in lemmas.get("VERB", ()) + lemmas.get("AUX", ()))


def _comparatives(doc) -> set[str]:
    """The comparative and superlative forms: "easier", "funniest", "better"."""
    return {t.text.lower() for t in doc
            if getattr(t, "tag_", "") in COMPARATIVE_TAGS or t.text.lower() in COMPARATIVES}


def _lost_degree(before, after) -> list[str]:
    """The learner's "more", "less", "most" or "least" that the rewrite drops
    ("I want to travel more next year" -> "travel next year"), unless it made
    them a comparative form ("more easy" -> "easier", "more better" ->
    "better")."""
    said = [t.text.lower() for t in before]
    lost = Counter(w for w in said if w in DEGREE) - Counter(
        t.text.lower() for t in after if t.text.lower() in DEGREE)
    if not lost:
        return []
    made = _comparatives(after) - set(said)
    doubled = any(w in DEGREE and nxt in _comparatives(before)
                  for w, nxt in zip(said, said[1:]))
    return [] if made or doubled else list(lost)


def _finished_time(doc) -> bool:
    """Whether the line names a finished time ("yesterday", "two days ago", "on
    Saturday", "in 2019"), which rules the perfect out: a time spaCy finds, not
    one after "for" or "since", nor with "this", "today", "every" ("for ten
    years", "this month")."""
    tokens = list(doc)
    if FINISHED_TIME & {t.text.lower() for t in tokens}:
        return True
    if tokens and tokens[0].text.lower() == "when" and doc.text.rstrip().endswith("?"):
        return True  # "When have you moved here?": asks for a finished time
    run: list = []
    for index, token in enumerate([*tokens, None]):
        if token is not None and token.ent_type_ in TIME_ENTITIES:
            run.append(index)
            continue
        if run:
            previous = tokens[run[0] - 1].text.lower() if run[0] else ""
            said = {tokens[i].text.lower() for i in run}
            if previous not in UNFINISHED_LEAD and not said & UNFINISHED_TIME:
                return True
            run = []
    return False


def expanded(text: str) -> list[str]:
    """The words with contractions written out ("I'm" -> "i am")."""
    return " ".join(CONTRACTIONS.get(w, w) for w in words(text)).split()


class FluentRewriter:
    """Builds :class:`FluentLine` s. ``corrector`` has ``correct(text)`` (the
    engines' Corrector); ``chat`` is the tutor model (None: corrector only);
    ``parse`` is spaCy's parse (default: the tutor's one pipeline)."""

    def __init__(self, corrector, chat=None, *, level: str = "B1",
                 parse: Callable[[str], Any] | None = None) -> None:
        self.corrector = corrector
        self.chat = chat
        self.level = level or "B1"
        if parse is None:
            from app.tutor.parser import parse as spacy_parse  # lazy: loads spaCy

            parse = spacy_parse
        self.parse = parse
        self._fixed: dict[str, str] = {}  # the corrector's answer per text, asked once

    def fix(self, text: str) -> str:
        """The corrector's sure edits of ``text``, the curated rules' first:
        each fixes one frequent learner error and changes none of the
        do-no-harm sentences or the fluent splits' correct lines, while the
        corrector's scorer weighs their fixes against the line as it was
        ("I lost the train" stayed on test15)."""
        text = text.strip()
        if text not in self._fixed:
            if len(self._fixed) > 256:
                self._fixed.clear()
            ruled = apply_rules(text)[0]
            self._fixed[text] = self.corrector.correct(ruled).corrected.strip()
        return self._fixed[text]

    def corrected(self, said: str) -> str:
        text = said.strip()
        for _ in range(CORRECTOR_PASSES):
            fixed = self.fix(text)
            if not fixed or fixed == text:
                break
            text = fixed
        return text

    def rewrite(self, text: str) -> str:
        messages = [{"role": "system", "content": FLUENT_SYSTEM.format(level=self.level)}]
        for said, fluent in FLUENT_EXAMPLES:
            messages += [{"role": "user", "content": said},
                         {"role": "assistant", "content": json.dumps({"fluent": fluent})}]
        messages.append({"role": "user", "content": text})
        budget = min(200, 24 + 2 * len(text.split()) + len(text) // 3)
        raw = self.chat.complete(messages, max_tokens=budget, temperature=0.0,
                                 json_schema=FLUENT_SCHEMA, repeat_penalty=1.0)
        try:
            return str(json.loads(raw)["fluent"]).strip()
        except (ValueError, KeyError, TypeError):
            return ""

    def own_contractions(self, said: str, rewrite: str) -> str:
        """``rewrite`` with the learner's own contractions (and written-out forms)
        put back where it only wrote them out (app/tutor/contractions.py), and
        their spellings ("neighbours", "mum") and opening fillers ("Um, so,":
        app/tutor/spellings.py), unless
        the corrector flags the line that way and not the rewrite's."""
        kept = keep_opening(said, keep_spellings(said, keep_contractions(said, rewrite)))
        if kept != rewrite and self.still_flagged(kept) and not self.still_flagged(rewrite):
            return rewrite
        return kept

    def still_flagged(self, text: str) -> bool:
        return self.fix(text) != text.strip()

    def line(self, said: str, corrected: str | None = None) -> FluentLine:
        """``corrected``: the corrector's sure edits, when the turn already has
        them (saved with it), so they are not looked for again."""
        said = said.strip()
        if not words(said):
            return FluentLine(said, said)
        corrected = self.corrected(said) if corrected is None else corrected.strip()
        best, source, rejected = corrected, ("corrector" if corrected != said else "same"), None
        if self.chat is not None:
            rewrite = self.rewrite(corrected)
            changed = bool(rewrite) and expanded(rewrite) != expanded(corrected)
            if changed and self.still_flagged(rewrite):
                # The corrector's sure edits on the rewrite too, then the guard.
                rewrite = self.corrected(rewrite)
            if changed:
                rewrite = self.own_contractions(said, rewrite)
            if rewrite and expanded(rewrite) != expanded(corrected):
                rejected = content_guard(corrected, rewrite, self.parse) or content_guard(
                    said, rewrite, self.parse, sure=corrected)
                if rejected is None and self.still_flagged(rewrite):
                    rejected = "the corrector still flags it"
                if rejected is None:
                    best, source = rewrite, "model"
        return FluentLine(said, best, changes(said, best), source, rejected,
                          rewrite if rejected else "")

    def lines(self, said: Sequence[str],
              progress: Callable[[int, int], None] | None = None) -> list[FluentLine]:
        out = []
        for done, text in enumerate(said):
            if progress:
                progress(done, len(said))
            out.append(self.line(text))
        if progress:
            progress(len(said), len(said))
        return out

