"""The blind evaluation splits of the fluent review written since test14
(tests/data/fluent/test14.txt onwards), learner lines written blind on
2026-12-07 for the review's held-out check, one row of SPLITS each: their
size, and that their lines are their own (fast tier, no model)."""

from __future__ import annotations

import pytest

from app.devtools.eval_fluent import load_lines

# (split, lines with errors, correct lines, checked against near repeats too)
SPLITS = [("test14", 210, 90, False), ("test15", 150, 60, True), ("test16", 150, 60, True),
          ("test17", 150, 60, True)]


def _words(text):
    return "".join(c if c.isalnum() or c == "'" else " " for c in text.lower()).split()


def _root(request):
    return request.config.rootpath / "tests" / "data" / "fluent"


@pytest.mark.parametrize("name,errors,correct,_", SPLITS, ids=[s[0] for s in SPLITS])
def test_split_has_its_counts_and_lines_of_its_own(request, name, errors, correct, _):
    root = _root(request)
    lines = load_lines(root / f"{name}.txt")
    assert sum(i["error"] for i in lines) == errors
    assert sum(not i["error"] for i in lines) == correct
    said = [i["said"].lower() for i in lines]
    assert len(said) == len(set(said))
    others = sorted(p for p in root.glob("*.txt") if p.name != f"{name}.txt")
    assert len(others) >= 16
    earlier = [i for p in others for i in load_lines(p)]
    assert not set(said) & {i["said"].lower() for i in earlier}
    # Not the same words as another split's line either, punctuation and case aside.
    assert not {tuple(_words(s)) for s in said} & {tuple(_words(i["said"])) for i in earlier}


@pytest.mark.parametrize("name", [s[0] for s in SPLITS])
def test_split_references_differ_from_what_was_said(request, name):
    for item in load_lines(_root(request) / f"{name}.txt"):
        if item["error"]:
            assert item["refs"]
            assert all(ref != item["said"] for ref in item["refs"]), item["said"]
            assert len(set(item["refs"])) == len(item["refs"]), item["said"]
        else:
            assert "||" not in item["said"]
            assert all(ref == item["said"] for ref in item["refs"])


def _word_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


@pytest.mark.parametrize("name", [s[0] for s in SPLITS if s[3]])
def test_split_lines_are_not_an_earlier_line_with_a_word_or_two_changed(request, name):
    root = _root(request)
    said = [_words(i["said"]) for i in load_lines(root / f"{name}.txt")]
    earlier = [_words(i["said"]) for p in sorted(root.glob("*.txt")) if p.name != f"{name}.txt"
               for i in load_lines(p)]
    for new in said:
        for old in earlier:
            # Two edits change at most four words of the vocabulary: skip the rest quickly.
            if abs(len(new) - len(old)) <= 2 and len(set(new) ^ set(old)) <= 4:
                assert _word_distance(new, old) > 2, (" ".join(new), " ".join(old))
