"""Exports are safe to open anywhere, whatever the learner said or the model
wrote (issue 13: the mistakes CSV wrote cells starting with = @ + - or a tab
unchanged, and the Markdown export wrote raw <script>, <img onerror> and
javascript: links, and the scenario's name raw into the title).

The hostile strings go through the real store and the real export command;
the Markdown is rendered by a CommonMark renderer with raw HTML allowed, as
a careless viewer would, and the Anki TSV is imported by Anki's own library."""

from __future__ import annotations

import argparse
import csv
import io
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
from review_data import clip

from app.audio.wavio import read_wav
from app.review.commands import add_export_parser, run_export
from app.review.export import FORMULA_START, csv_cell, markdown_text
from app.store import CorrectionRecord, TurnRecord, open_store

pytestmark = pytest.mark.timeout(120)

SCRIPT = "<script>alert('said')</script>"
HOSTILE = [
    SCRIPT,
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1)) and ![pic](javascript:alert(2))",
    "<javascript:alert(3)> <https://evil.example/x>",
    "**bold** _slanted_ ~~struck~~ `code` <!-- a comment",
    "&lt;script&gt; is an entity, & so is &amp;",
    "| a | b |\n|---|---|\n| c | d |",
    "line one\n# a heading\n- a list item\n> a quote\r\n1. numbered",
    "back\\slash at the end \\",
    "=HYPERLINK(\"https://evil.example\",\"click\")",
]
FORMULAS = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+2", "\r=1+2",
            "\uff1d1+2"]
# Said as the whole sentence, so the card's back starts with it: a field that
# opens with a quote must not be read as a quoted CSV field by Anki.
QUOTED = '"Quoted," she said\tand left "early'
SCENARIO = "</h1><script>alert('title')</script> [x](javascript:alert(4))"


def export(capsys, *argv: str) -> str:
    parser = argparse.ArgumentParser()
    add_export_parser(parser.add_subparsers(dest="command"))
    assert run_export(parser.parse_args(["export", *argv])) == 0
    return capsys.readouterr().out


@pytest.fixture
def hostile_home(parley_home):
    """One session in a hostile scenario: each turn says, corrects and replies
    with hostile strings, and the formulas are mistakes in the notebook."""
    pcm, rate = read_wav(clip("0002"))
    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    with open_store(parley_home) as store:
        sid = store.start_session(SCENARIO, "B1<b>")
        for i, text in enumerate(HOSTILE + FORMULAS + [QUOTED]):
            said = text if text in FORMULAS + [QUOTED] else f"I said {text} today"
            fixes = [CorrectionRecord(text, f"{text}!", text, "agreement", "harper")]
            store.save_turn(TurnRecord(
                session_id=sid, transcript=said, words=[], corrections=fixes,
                reply=f"You said {text}? Tell me more.", learner_pcm=pcm,
                learner_sample_rate=rate, reply_pcm=None, reply_sample_rate=22050,
                models={}, timings_ms={}, started_at=now + timedelta(minutes=i),
                ended_at=now + timedelta(minutes=i, seconds=5)))
    return parley_home


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.comments: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_data(self, data):
        self.text.append(data)


def _render(markdown: str) -> _Tags:
    from markdown_it import MarkdownIt

    # CommonMark with raw HTML on, plus GitHub's tables and strike-through.
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(
        markdown)
    parsed = _Tags()
    parsed.feed(html)
    parsed.close()
    return parsed


def test_markdown_export_shows_hostile_text_as_text(hostile_home, capsys):
    md = export(capsys, "--session", "last", "--format", "md")
    page = _render(md)
    tags = {tag for tag, _ in page.tags}
    # Only the export's own structure: no script, img, a, table, blockquote, ol.
    assert tags <= {"h1", "h2", "p", "strong", "em", "s", "ul", "li", "code"}, tags
    assert all(not attrs for _, attrs in page.tags)  # no href, src or onerror anywhere
    assert not page.comments
    assert md.count("\n# ") == 0 and md.startswith("# Parley session")
    text = "".join(page.text)
    for hostile in HOSTILE:  # each is shown, as the learner said it (lines joined)
        shown = " ".join(hostile.split())
        assert shown in " ".join(text.split()), shown
    title = md.splitlines()[0]
    assert "&lt;script&gt;" in title and "\\[x\\]" in title and "B1&lt;b&gt;" in title
    assert "<script>" not in md


def test_markdown_text_is_literal():
    assert markdown_text("a <b> & *c* [d](e) `f` ~~g~~ | h\nnext") == (
        "a &lt;b&gt; &amp; \\*c\\* \\[d\\](e) \\`f\\` \\~\\~g\\~\\~ \\| h next")


def test_csv_cells_that_could_run_as_formulas_get_the_owasp_prefix(hostile_home, capsys):
    rows = list(csv.reader(io.StringIO(export(capsys, "--mistakes", "--format", "csv"))))
    header, body = rows[0], rows[1:]
    cells = [cell for row in body for cell in row]
    assert cells and not any(cell.startswith(FORMULA_START) for cell in cells)
    originals = [row[header.index("original")] for row in body]
    for formula in FORMULAS:
        assert "'" + formula in originals, formula  # kept whole, behind the quote
    assert "'" + HOSTILE[-1] in originals
    # Text and numbers that are no formula stay as they were.
    assert all(row[header.index("kind")] == "agreement" for row in body)
    assert all(row[header.index("turn_id")].isdigit() for row in body)
    assert csv_cell("I went home.") == "I went home." and csv_cell(-3) == -3


def test_anki_imports_the_notebook_with_notes_fields_and_tags_intact(hostile_home, capsys,
                                                                     tmp_path):
    """Anki's own library (the one behind its desktop app) imports the TSV into
    a fresh collection: one note a mistake, Front/Back as written, our tags."""
    import html

    from anki.collection import Collection
    from anki.import_export_pb2 import ImportCsvRequest

    tsv = tmp_path / "mistakes.txt"
    tsv.write_text(export(capsys, "--mistakes", "--format", "anki"), encoding="utf-8")
    # What the file says, read as the tab-separated CSV it is (quoted fields too).
    expected = list(csv.reader([line for line in tsv.read_text().splitlines()
                                if not line.startswith("#")], delimiter="\t"))
    assert any(back.startswith(QUOTED.split("\t")[0]) for _, back, _ in expected)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        metadata = col.get_csv_metadata(path=str(tsv), delimiter=None)
        assert metadata.is_html is False  # read from the file's own header lines
        col.import_csv(ImportCsvRequest(path=str(tsv), metadata=metadata))
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        assert len(notes) == len(expected) == len(HOSTILE) + len(FORMULAS) + 1
        imported = sorted((n.fields[0], n.fields[1], sorted(n.tags)) for n in notes)
        wanted = sorted((front, back, sorted(tags.split())) for front, back, tags in expected)
        assert [tags for _, _, tags in imported] == [tags for _, _, tags in wanted]
        # html:false: Anki stores the text HTML-escaped, so its cards show it as
        # written: no tag of the learner's reaches the card's HTML.
        shown = sorted((html.unescape(f), html.unescape(b)) for f, b, _ in imported)
        assert shown == [(f, b) for f, b, _ in wanted]
        assert not any("<" in f or "<" in b for f, b, _ in imported)
        assert any("&lt;script&gt;" in f for f, _, _ in imported)
        assert all("parley" in tags and "parley::agreement" in tags for _, _, tags in imported)
    finally:
        col.close()
