"""The table of everyday phrasal verbs and idioms (assets/dictionary/phrases.tsv)."""

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "assets" / "dictionary" / "phrases.tsv"


def _lines():
    return TABLE.read_text(encoding="utf-8").splitlines()


def _rows():
    return [line.split("\t") for line in _lines()[1:]]


def test_header():
    assert _lines()[0] == "phrase\tmeaning\texample"


def test_rows_have_three_non_empty_fields():
    rows = _rows()
    assert len(rows) >= 350
    for row in rows:
        assert len(row) == 3, row
        assert all(field.strip() == field and field for field in row), row


def test_phrases_are_lower_case_and_unique():
    phrases = [row[0] for row in _rows()]
    assert all(phrase == phrase.lower() for phrase in phrases)
    assert len(phrases) == len(set(phrases))


def test_meanings_are_short_and_examples_end_with_a_full_stop():
    for phrase, meaning, example in _rows():
        assert len(meaning.split()) <= 15, phrase
        assert meaning[0].islower() and ";" not in meaning, phrase
        assert example.endswith("."), phrase


def test_table_is_package_data_of_app_assets():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = data["tool"]["setuptools"]["package-data"]["app.assets"]
    relative = TABLE.relative_to(ROOT / "assets").as_posix()
    assert any(fnmatch.fnmatch(relative, glob) for glob in globs), globs
