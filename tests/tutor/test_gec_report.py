"""The correction report's long-run plumbing: outputs written as they are
made, resumed, split across processes and scored once every shard is in."""

import json

from app.devtools.gec import report


def test_shards_resume_and_score_together(tmp_path):
    outputs = tmp_path / "harm.jsonl"
    first = report.evaluate("source", "harm-dev", limit=6, outputs=outputs, shard=(0, 2))
    assert first["sentences"] == 3 and "changed" not in first  # a shard is not scored alone
    lines = outputs.read_text().splitlines()
    assert [json.loads(line)["i"] for line in lines] == [0, 2, 4]

    again = report.evaluate("source", "harm-dev", limit=6, outputs=outputs, shard=(0, 2))
    assert "seconds_per_sentence" not in again  # nothing left to do: resumed, not redone
    assert outputs.read_text().splitlines() == lines

    try:
        report.score_files("harm-dev", [outputs], limit=6)
    except ValueError as error:
        assert "3 of 6 sentences have no output yet" in str(error)
    else:
        raise AssertionError("scored with half the outputs missing")

    report.evaluate("source", "harm-dev", limit=6, outputs=outputs, shard=(1, 2))
    row = report.score_files("harm-dev", [outputs], limit=6)
    assert row["sentences"] == 6 and row["changed"] == 0


def test_a_changed_output_is_counted(tmp_path):
    sentences = [s for s, _ in report.load_set("harm-dev")[:2]]
    outputs = tmp_path / "out.jsonl"
    outputs.write_text("".join(json.dumps({"i": i, "source": s, "hyp": s + " x"}) + "\n"
                               for i, s in enumerate(sentences)))
    row = report.score_files("harm-dev", [outputs], limit=2)
    assert row["changed"] == 2 and row["changed_share"] == 1.0


def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    missing = tmp_path / "none.jsonl"
    assert report.main(["--set", "harm-dev", "--score", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("report: ") and "\n" not in err


def test_a_rewritten_contraction_is_scored_in_jflegs_tokens():
    assert report.jfleg_tokens("people don't know it's theirs") == "people do n't know it 's theirs"
    assert report.jfleg_tokens("we can't and won't") == "we ca n't and wo n't"
    source = "Most people do n't care ."
    items = [(source, ["Most people do n't care ."])]
    rewritten = report.score_outputs("jfleg-dev", items, ["Most people don't care ."])
    untouched = report.score_outputs("jfleg-dev", items, [source])
    assert rewritten["gleu"] == untouched["gleu"]
