from pathlib import Path

import pytest

from app.tutor.conversation import Conversation
from app.tutor.scenarios import (
    BUILT_IN, LEARNER, REQUIRED, Scenario, ScenarioError, built_in_scenarios, get_scenario,
    load_catalog, load_scenarios, read_pack,
)
from app.tutor.styles import CORRECTION_STYLES, LEVELS
from tests.tutor.fakes import Fake

EXPECTED = {"free-talk", "cafe-order", "job-interview", "travel-planning", "doctor-visit",
            "neighbour-small-talk", "returning-an-item", "asking-directions",
            "describing-weekend"}


def test_packs_load_with_every_field_and_free_talk_first():
    packs = load_scenarios()
    assert len(packs) >= 9 and packs[0].id == "free-talk"
    assert EXPECTED <= {p.id for p in packs}
    assert len({p.id for p in packs}) == len(packs)
    for pack in packs:
        assert all(getattr(pack, key).strip() for key in REQUIRED)
        assert len(pack.script) >= 10  # what eval-conversation replays
        assert pack.opening.rstrip().endswith("?")


def test_get_scenario_by_id():
    assert get_scenario("cafe-order").title == "Ordering at a café"
    with pytest.raises(KeyError, match="free-talk"):
        get_scenario("moon-landing")


def _pack(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


PACK = 'id = "{id}"\ntitle = "{title}"\ndescription = "d"\nprompt = "{prompt}"\nopening = "Hi?"\n'


def test_learner_packs_sit_beside_the_built_in_ones_and_replace_by_id(tmp_path):
    own = tmp_path / "scenarios"
    _pack(own, "my-cafe.toml", PACK.format(id="cafe-order", title="My café",
                                           prompt="a tiny café in Lisbon where only cash is taken"))
    _pack(own, "zoo.toml", PACK.format(id="zoo-visit", title="At the zoo", prompt="a zoo"))
    catalog = load_catalog(tmp_path)
    assert catalog.problems == [] and catalog.learner_folder == own
    ids = [p.id for p in catalog.scenarios]
    built_in = [p.id for p in load_scenarios(tmp_path / "elsewhere")]
    # The override keeps the built-in pack's place; a new pack comes after them all.
    assert ids == built_in + ["zoo-visit"]
    cafe = catalog.scenarios[ids.index("cafe-order")]
    assert (cafe.title, cafe.source, cafe.path) == ("My café", LEARNER, str(own / "my-cafe.toml"))
    assert all(p.source == BUILT_IN for p in catalog.scenarios if p.id not in ("cafe-order", "zoo-visit"))
    # ...and it is the pack the tutor is told about.
    talk = Conversation(Fake("Cash only, sorry. What would you like?"),
                        scenario=get_scenario("cafe-order", tmp_path))
    assert "a tiny café in Lisbon where only cash is taken" in talk.system_prompt()


def test_the_default_learner_folder_is_in_parley_home(parley_home):
    _pack(parley_home / "scenarios", "a.toml", PACK.format(id="x", title="X", prompt="p"))
    _pack(parley_home / "scenarios", "b.toml", PACK.format(id="cafe-order", title="Mine", prompt="p"))
    assert get_scenario("x") == Scenario("x", "X", "d", "p", "Hi?")
    assert get_scenario("x").source == LEARNER
    assert get_scenario("cafe-order").title == "Mine"
    # What the quality checks replay: the shipped packs alone, whatever the learner added.
    shipped = built_in_scenarios()
    assert {p.id for p in shipped} == EXPECTED
    assert next(p for p in shipped if p.id == "cafe-order").title == "Ordering at a café"


def test_a_bad_pack_is_named_and_the_others_still_load(tmp_path):
    own = tmp_path / "scenarios"
    _pack(own, "a.toml", PACK.format(id="x", title="X", prompt="p"))
    _pack(own, "b.toml", 'id = "y"\ntitle = "Y"\n')
    _pack(own, "c.toml", 'id = "z\ntitle = \n')
    _pack(own, "d.toml", PACK.format(id="x", title="X again", prompt="p"))
    _pack(own, "e.toml", PACK.format(id="e", title="E", prompt="p") + 'example = "hi"\n')
    (own / "f.toml").write_bytes(b"id = '\xff\xfe'\n")
    _pack(own, "notes.txt", "not a pack")
    catalog = load_catalog(tmp_path)
    assert [p.id for p in catalog.scenarios if p.source == LEARNER] == ["x"]
    assert "free-talk" in [p.id for p in catalog.scenarios]
    messages = [str(p) for p in catalog.problems]
    assert len(messages) == 5
    assert messages[0] == f"{own / 'b.toml'}: missing description, prompt, opening"
    assert messages[1].startswith(f"{own / 'c.toml'}: not valid TOML")
    assert messages[2] == f"{own / 'd.toml'}: id 'x' is already used by a.toml; rename one"
    assert messages[3] == f"{own / 'e.toml'}: example must be [learner line, tutor line]"
    assert messages[4].startswith(f"{own / 'f.toml'}: cannot be read")
    with pytest.raises(ScenarioError, match="b.toml: missing description"):
        read_pack(own / "b.toml")


def test_built_in_packs_are_package_data():
    from app.resources import asset

    cafe = get_scenario("cafe-order")
    assert cafe.source == BUILT_IN
    assert Path(cafe.path).name == "10-cafe-order.toml"
    assert asset("scenarios", "10-cafe-order.toml").read_text(encoding="utf-8").startswith('id = "cafe-order"')


def test_levels_and_styles():
    assert LEVELS == ("A2", "B1", "B2", "C1")
    assert CORRECTION_STYLES == ("off", "gentle", "explicit", "summary")
