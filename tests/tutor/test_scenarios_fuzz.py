"""Fuzz the scenario pack loader (issue 27): whatever a learner's pack file
holds, the catalog loads, the pack is either used or skipped with one line,
free talk is always there, and no file in the data folder changes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.tutor.scenarios import FREE_TALK, REQUIRED, ScenarioError, load_catalog

FUZZ = settings(max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
KEYS = st.sampled_from([*REQUIRED, "example", "script", "id", "x"])
SCALARS = st.one_of(
    st.text(max_size=30).map(lambda t: '"' + t.encode("unicode_escape").decode("ascii")
                             .replace('"', '\\"') + '"'),
    st.integers().map(str), st.booleans().map(lambda b: str(b).lower()),
    st.just("1979-05-27T07:32:00Z"), st.just("'''multi\nline'''"))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
    st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), inner, max_size=3)
    .map(lambda d: "{" + ", ".join(f"{k} = {v}" for k, v in d.items()) + "}")), max_leaves=12)
PACKS = st.lists(st.tuples(KEYS, VALUES), max_size=8).map(
    lambda pairs: "\n".join(f"{k} = {v}" for k, v in pairs).encode("utf-8"))
GOOD = ('id = "mine"\ntitle = "Mine"\ndescription = "d"\nprompt = "p"\nopening = "Hi?"\n')


def load_with(pack: bytes) -> tuple[list, list[ScenarioError], bytes]:
    with tempfile.TemporaryDirectory() as home:
        folder = Path(home) / "scenarios"
        folder.mkdir()
        (folder / "fuzz.toml").write_bytes(pack)
        (folder / "good.toml").write_text(GOOD, encoding="utf-8")
        catalog = load_catalog(Path(home))
        after = (folder / "fuzz.toml").read_bytes()
        return catalog.scenarios, catalog.problems, after


@FUZZ
@given(st.one_of(PACKS, st.binary(max_size=300),
                 st.builds(lambda depth: f"prompt = {'[' * depth}{']' * depth}".encode(),
                           st.integers(1, 3000))))
@example(b"prompt = " + b"[" * 50_000 + b"]" * 50_000)  # fault 6
@example(GOOD.replace('"p"', "[[1], [2]]").encode())  # a list where text belongs
@example(GOOD.encode() + b'script = [{a = 1}]\nexample = ["x", 1]\n')
@example(GOOD.encode() + b"\xff")  # not UTF-8
@example(GOOD.replace("Mine", "\\u001b[2J").encode())  # an escape in the title: loads
def test_any_pack_loads_or_is_skipped_in_one_line(pack):
    scenarios, problems, after = load_with(pack)
    assert after == pack  # read, never rewritten
    ids = [s.id for s in scenarios]
    assert ids[0] == FREE_TALK and "mine" in ids  # the other packs load as ever
    assert len(problems) <= 1
    for problem in problems:
        assert isinstance(problem, ScenarioError)
        assert "fuzz.toml" in str(problem) and len(str(problem).splitlines()) == 1
    for scenario in scenarios:
        assert all(isinstance(getattr(scenario, key), str) for key in REQUIRED)
