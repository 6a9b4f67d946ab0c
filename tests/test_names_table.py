"""The reverse dictionary of everyday words learners describe (assets/dictionary/names.tsv)."""

import fnmatch
import re
import tomllib
from pathlib import Path

from lemminflect import getAllInflections, getAllInflectionsOOV

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "assets" / "dictionary" / "names.tsv"
POS = {"noun": "NOUN", "verb": "VERB", "adjective": "ADJ", "adverb": "ADV"}
# A headword such as "give someone a lift" stands for "give me a lift" in a sentence.
PLACEHOLDERS = {"someone", "something"}


def _lines():
    return TABLE.read_text(encoding="utf-8").splitlines()


def _rows():
    return [line.split("\t") for line in _lines()[1:]]


def _words(field):
    return [word.strip() for word in field.split(" / ")]


def _forms(token, upos):
    """The token and its inflected forms, e.g. lend -> lent, lends, lending."""
    forms = {token}
    inflections = getAllInflections(token, upos=upos) or getAllInflectionsOOV(token, upos=upos)
    for values in inflections.values():
        forms.update(value.lower() for value in values)
    return forms


def _pattern(word, pos):
    """A regex that matches the headword or an inflected form of it in running text."""
    tokens = word.lower().split()
    upos = POS[pos]
    parts = []
    for index, token in enumerate(tokens):
        if token in PLACEHOLDERS:
            parts.append(r"[\w']+(?: [\w']+)?")
            continue
        # Verbs inflect their first word (look -> looked), nouns their last (sore throats).
        inflects = index == 0 if upos == "VERB" else index == len(tokens) - 1
        forms = _forms(token, upos) if inflects else {token}
        parts.append("(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")")
    return re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])", re.IGNORECASE)


def test_header():
    assert _lines()[0] == "word\tpos\tmeaning\tdescriptions\texample"


def test_rows_have_five_non_empty_fields():
    rows = _rows()
    assert len(rows) >= 900
    for row in rows:
        assert len(row) == 5, row
        assert all(field.strip() == field and field for field in row), row


def test_words_are_unique_and_lower_case_unless_proper_or_acronym():
    seen = set()
    for row in _rows():
        for word in _words(row[0]):
            assert word, row[0]
            key = word.lower()
            assert key not in seen, word
            seen.add(key)
            assert word == word.lower() or word.split()[0].isupper() or word[0].isupper(), word


def test_pos_is_allowed():
    for row in _rows():
        assert row[1] in POS, row


def test_three_to_six_different_descriptions():
    for row in _rows():
        descriptions = row[3].split(" ; ")
        assert 3 <= len(descriptions) <= 6, row[0]
        assert all(description.strip() == description and description for description in descriptions), row[0]
        assert len({description.lower() for description in descriptions}) == len(descriptions), row[0]


def test_meaning_does_not_use_the_word():
    for word_field, pos, meaning, _descriptions, _example in _rows():
        for word in _words(word_field):
            assert not _pattern(word, pos).search(meaning), (word, meaning)


def test_example_uses_the_word_and_is_a_sentence():
    for word_field, pos, _meaning, _descriptions, example in _rows():
        assert example[0].isupper() and example[-1] in ".!?", example
        assert any(_pattern(word, pos).search(example) for word in _words(word_field)), (word_field, example)


def test_table_is_package_data_of_app_assets():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = data["tool"]["setuptools"]["package-data"]["app.assets"]
    relative = TABLE.relative_to(ROOT / "assets").as_posix()
    assert any(fnmatch.fnmatch(relative, glob) for glob in globs), globs
