"""The sixteenth evaluation split (tests/data/fluent/test16.txt), learner lines
written blind on 2026-12-07 for the review's held-out check: its size, and that
its lines are its own (fast tier, no model)."""

from __future__ import annotations

from app.devtools.eval_fluent import load_lines


def _words(text):
    return "".join(c if c.isalnum() or c == "'" else " " for c in text.lower()).split()


def test_sixteenth_split_has_its_counts_and_lines_of_its_own(request):
    root = request.config.rootpath / "tests" / "data" / "fluent"
    test16 = load_lines(root / "test16.txt")
    assert sum(i["error"] for i in test16) == 150
    assert sum(not i["error"] for i in test16) == 60
    said16 = [i["said"].lower() for i in test16]
    assert len(said16) == len(set(said16))
    others = sorted(p for p in root.glob("*.txt") if p.name != "test16.txt")
    assert len(others) >= 16
    earlier = [i for p in others for i in load_lines(p)]
    assert not set(said16) & {i["said"].lower() for i in earlier}
    # Not the same words as another split's line either, punctuation and case aside.
    assert not {tuple(_words(s)) for s in said16} & {tuple(_words(i["said"])) for i in earlier}


def test_sixteenth_split_references_differ_from_what_was_said(request):
    test16 = load_lines(request.config.rootpath / "tests" / "data" / "fluent" / "test16.txt")
    for item in test16:
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


def test_sixteenth_split_lines_are_not_an_earlier_line_with_a_word_or_two_changed(request):
    root = request.config.rootpath / "tests" / "data" / "fluent"
    said16 = [_words(i["said"]) for i in load_lines(root / "test16.txt")]
    earlier = [
        _words(i["said"])
        for p in sorted(root.glob("*.txt"))
        if p.name != "test16.txt"
        for i in load_lines(p)
    ]
    for new in said16:
        for old in earlier:
            # Two edits change at most four words of the vocabulary: skip the rest quickly.
            if abs(len(new) - len(old)) <= 2 and len(set(new) ^ set(old)) <= 4:
                assert _word_distance(new, old) > 2, (" ".join(new), " ".join(old))
