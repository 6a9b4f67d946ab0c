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


def deep_pack(folder, depth: int = 50_000):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "deep.toml"
    path.write_text('id = "deep"\ntitle = "Deep"\ndescription = "d"\nopening = "Hi?"\n'
                    f"prompt = {'[' * depth}{']' * depth}\n", encoding="utf-8")
    return path


def test_a_pack_nested_too_deep_is_skipped_with_one_line(parley_home):
    # Issue 27, fault 6: a RecursionError stopped `scenarios` and every `converse`.
    deep = deep_pack(parley_home / "scenarios")
    done = run_app("scenarios", home=parley_home)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"parley: skipped a scenario pack: {deep}: nested too deep to be a scenario pack"]
    assert done.stdout.startswith("free-talk") and "cafe-order" in done.stdout
    # converse checks its scenario before any model loads: the same one line, then its own.
    talk = run_app("converse", "--scenario", "nope", home=parley_home, stdin="hello\n")
    assert talk.returncode == 2 and "Traceback" not in talk.stderr
    skipped, unknown = talk.stderr.splitlines()
    assert skipped.endswith("nested too deep to be a scenario pack")
    assert unknown.startswith("parley: unknown scenario 'nope'; known: free-talk, ")


def test_a_pack_of_the_wrong_shape_is_named(parley_home):
    own = parley_home / "scenarios"
    own.mkdir(parents=True)
    (own / "list.toml").write_text(OWN.replace('"a tiny café in Lisbon"', "[[1], [2]]"),
                                   encoding="utf-8")
    (own / "script.toml").write_text(OWN + "script = [[1]]\n", encoding="utf-8")
    listed = run_app("scenarios", "--json", home=parley_home)
    assert json.loads(listed.stdout)["problems"] == [
        f"{own / 'list.toml'}: prompt must be text in quotes",
        f"{own / 'script.toml'}: script must be a list of learner lines"]


ESCAPES = "\\u001b]0;pwned\\u0007\\u001b[31mRed\\u001b[0m \\u202eevil\\u009b2J"


def test_terminal_escapes_in_a_pack_are_shown_never_sent(parley_home):
    # Issue 27, fault 9: the title went to the terminal raw.
    own = parley_home / "scenarios"
    own.mkdir(parents=True)
    (own / "cafe.toml").write_text(OWN.replace("My café", ESCAPES), encoding="utf-8")
    (own / "bad\x1b[31m.toml").write_text('id = "b"\n', encoding="utf-8")
    done = run_app("scenarios", home=parley_home)
    for out in (done.stdout, done.stderr):
        assert not any(c in out for c in "\x1b\x07\x9b\u202e"), out
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("cafe-order")]
    assert line.endswith(ESCAPES)  # each one visible, as \uXXXX
    assert "bad\\u001b[31m.toml" in done.stderr
    listed = run_app("scenarios", "--json", home=parley_home)
    assert not any(c in listed.stdout for c in "\x1b\x07\x9b\u202e")
    # ... and the JSON still says exactly what the pack says.
    by_id = {s["id"]: s for s in json.loads(listed.stdout)["scenarios"]}
    assert by_id["cafe-order"]["title"] == json.loads(f'"{ESCAPES}"')
