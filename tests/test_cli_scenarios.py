"""`scenarios`: the built-in packs and the learner's own, through the real command line."""

import json

from cli_helpers import run_app

OWN = ('id = "cafe-order"\ntitle = "My café"\ndescription = "Cash only."\n'
       'prompt = "a tiny café in Lisbon"\nopening = "Olá! What would you like?"\n')


def test_scenarios_lists_built_in_and_own_packs_with_their_source(parley_home):
    own = parley_home / "scenarios"
    own.mkdir(parents=True)
    (own / "cafe.toml").write_text(OWN, encoding="utf-8")
    done = run_app("scenarios", "--json", home=parley_home)
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    by_id = {s["id"]: s for s in listed["scenarios"]}
    assert listed["scenarios"][0]["id"] == "free-talk"
    assert by_id["cafe-order"]["source"] == "learner"
    assert by_id["cafe-order"]["path"] == str(own / "cafe.toml")
    assert by_id["job-interview"]["source"] == "built-in"
    assert listed["learner_folder"] == str(own) and listed["problems"] == []

    text = run_app("scenarios", home=parley_home)
    assert text.returncode == 0, text.stderr
    assert any(line.split()[:3] == ["cafe-order", "learner", "My"] for line in text.stdout.splitlines())
    assert str(own) in text.stdout


def test_a_broken_pack_is_named_and_the_rest_are_listed(parley_home):
    own = parley_home / "scenarios"
    own.mkdir(parents=True)
    (own / "broken.toml").write_text('id = "b"\ntitle = "B"\n', encoding="utf-8")
    done = run_app("scenarios", home=parley_home)
    assert done.returncode == 1
    assert done.stderr.strip() == ("parley: skipped a scenario pack: "
                                   f"{own / 'broken.toml'}: missing description, prompt, opening")
    assert "free-talk" in done.stdout and "cafe-order" in done.stdout
