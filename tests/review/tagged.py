"""Hand-tagged parses for the fluent guard's fast tests: "text/POS[/lemma[/ENT]]"
per token, so the guard runs without spaCy."""

from __future__ import annotations

from types import SimpleNamespace


def token(spec: str) -> SimpleNamespace:
    text, pos, *rest = spec.split("/")
    lemma = (rest[0] if rest and rest[0] else text).lower() if pos != "PUNCT" else text
    entity = rest[1] if len(rest) > 1 else ""
    return SimpleNamespace(text=text, pos_=pos, lemma_=lemma, ent_type_=entity,
                           like_num=pos == "NUM")


def parser(table: dict[str, str]):
    """A parse function reading ``table`` (sentence -> tagged tokens)."""
    def parse(text: str) -> list[SimpleNamespace]:
        return [token(spec) for spec in table[text].split()]
    return parse
