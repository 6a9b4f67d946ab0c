"""Export (through the CLI function) and `doctor --check-data`."""

from __future__ import annotations

import argparse
import csv
import io
import json

import pytest
from review_data import fill

from app.review.commands import add_export_parser, check_data, format_check_data, run_export
from app.store import open_store

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def home(parley_home):
    with open_store(parley_home) as store:
        ids = fill(store)
    return parley_home, ids


def export(capsys, *argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    add_export_parser(parser.add_subparsers(dest="command"))
    code = run_export(parser.parse_args(["export", *argv]))
    return code, capsys.readouterr().out


def test_session_json_has_a_turns_list_with_corrections_and_audio(home, capsys):
    folder, ids = home
    code, out = export(capsys, "--session", str(ids["interview"]), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["session"]["scenario"] == "job interview"
    first = data["turns"][0]
    assert first["transcript"].startswith("My grandfather have")
    assert first["corrected"] == "My grandfather has lived in Florida all his life."
    assert first["corrections"][0] | {} == {
        "original": "have", "corrected": "has", "reason": "He takes has.", "kind": "agreement",
        "source": "harper", "start": 15, "end": 19}
    assert first["reply"].startswith("Florida")
    assert (folder / first["learner_audio"]).is_file() and (folder / first["reply_audio"]).is_file()
    assert first["fluency"]["words"] == 9
    assert len(data["turns"]) == 2


def test_last_session_as_markdown_to_a_file(home, capsys, tmp_path):
    target = tmp_path / "out.md"
    code, out = export(capsys, "--session", "last", "-o", str(target))
    assert code == 0 and out == ""
    text = target.read_text()
    assert text.startswith("# Parley session") and "**You:**" in text and "**Tutor:**" in text


def test_unknown_session_and_wrong_format_fail_cleanly(home, capsys):
    assert export(capsys, "--session", "999")[0] == 2
    assert export(capsys, "--session", "last", "--format", "csv")[0] == 2
    assert export(capsys, "--mistakes", "--format", "json")[0] == 2


def test_mistakes_as_csv_and_anki_tsv(home, capsys):
    code, out = export(capsys, "--mistakes")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2
    assert {r["kind"] for r in rows} == {"agreement", "tense"}
    assert rows[0]["corrected_sentence"] == "My grandfather has lived in Florida all his life."

    code, out = export(capsys, "--mistakes", "--format", "anki")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "#separator:tab" and "#tags column:3" in lines
    cards = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(cards) == 2 and all(len(card) == 3 for card in cards)
    front, back, tags = cards[0]
    assert "have lived" in front and "has lived" in back and "parley::agreement" in tags


def test_check_data_finds_an_orphan_and_a_missing_recording(home):
    folder, ids = home
    assert check_data(folder)["ok"]
    with open_store(folder) as store:
        gone = store.turns(ids["chat"])[0].learner_audio
    gone.unlink()
    orphan = folder / "audio" / str(ids["old"]) / "stray.wav"
    orphan.write_bytes(b"RIFF")
    report = check_data(folder)
    assert not report["ok"] and report["integrity"] == "ok"
    assert report["orphaned_audio"] == [f"audio/{ids['old']}/stray.wav"]
    assert [m["session_id"] for m in report["missing_audio"]] == [ids["chat"]]
    assert report["missing_audio"][0]["path"] == gone.relative_to(folder).as_posix()
    text = format_check_data(report)
    assert "orphaned audio files (no turn refers to them): 1" in text
    assert "turns whose audio is missing: 1" in text


def test_check_data_on_an_empty_folder(tmp_path):
    report = check_data(tmp_path / "nothing")
    assert report["ok"] and not report["database_exists"]
    assert "none yet" in format_check_data(report)
