import pytest

from app.tutor.scenarios import REQUIRED, Scenario, ScenarioError, get_scenario, load_scenarios
from app.tutor.styles import CORRECTION_STYLES, LEVELS

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


def test_user_pack_folder_and_errors(tmp_path):
    (tmp_path / "a.toml").write_text('id = "x"\ntitle = "X"\ndescription = "d"\n'
                                     'prompt = "p"\nopening = "Hi?"\n', encoding="utf-8")
    assert load_scenarios(tmp_path) == [Scenario("x", "X", "d", "p", "Hi?")]
    (tmp_path / "b.toml").write_text('id = "y"\ntitle = "Y"\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match="b.toml: missing description"):
        load_scenarios(tmp_path)


def test_levels_and_styles():
    assert LEVELS == ("A2", "B1", "B2", "C1")
    assert CORRECTION_STYLES == ("off", "gentle", "explicit", "summary")
