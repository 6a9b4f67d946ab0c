"""The corrector's sure edits on the model's rewrite as well (fast tier: fakes)."""

from __future__ import annotations

from fakes import FakeChat

from app.tutor.corrections import CorrectionResult
from app.tutor.fluent import FLUENT_EXAMPLES, FluentRewriter


class Corrector:
    def __init__(self, fixes):
        self.fixes = fixes

    def correct(self, text):
        return CorrectionResult(text, self.fixes.get(text, text))


def test_a_rewrite_the_corrector_still_flags_gets_its_sure_edits():
    corrector = Corrector({"She like the music.": "She likes the music.",
                           "She like music.": "She likes music."})
    chat = FakeChat('{"fluent": "She like music."}')
    line = FluentRewriter(corrector, chat, parse=lambda text: []).line("She like the music.")
    assert (line.fluent, line.source, line.rejected) == ("She likes music.", "model", None)
    [call] = chat.calls
    assert call["messages"][-1]["content"] == "She likes the music."  # the corrected line


def test_a_rewrite_still_flagged_after_the_passes_is_refused():
    corrector = Corrector({"She like the music.": "She likes the music.",
                           "She like music.": "She likes music.",
                           "She likes music.": "She liked music.",
                           "She liked music.": "She likes music."})  # never settles
    chat = FakeChat('{"fluent": "She like music."}')
    line = FluentRewriter(corrector, chat, parse=lambda text: []).line("She like the music.")
    assert line.fluent == "She likes the music." and line.source == "corrector"
    assert line.rejected == "the corrector still flags it"


def test_the_examples_copy_a_correct_line_and_fix_the_rest():
    same = [said for said, fluent in FLUENT_EXAMPLES if said == fluent]
    assert same and len(same) < len(FLUENT_EXAMPLES)


def test_the_guard_keeps_links_and_no_perfect_beside_a_finished_time():
    from app.tutor.fluent import content_guard

    def guard(said, rewrite):
        return content_guard(said, rewrite, lambda text: [])

    assert guard("I was tired, so I went to bed early.",
                 "I was tired and I went to bed early.") == "drops so"
    assert guard("I moved here three years ago.", "I've moved here three years ago.") \
        == "puts a perfect beside a finished time"
    # Taking a perfect away is a fix, and a perfect without a finished time stands.
    assert guard("We have seen that film last week.", "We saw that film last week.") is None
    assert guard("I live here since May.", "I have lived here since May.") is None
