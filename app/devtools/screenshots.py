"""``python -m app screenshot DIR``: every page of the window, rendered from
the learner's own data folder ($PARLEY_HOME or the platform's), in the light
and the dark theme, with no models loaded:

- ``home-<theme>.png``: the home card over an empty conversation;
- ``conversation-<theme>.png``: the last session's turns in their bubbles,
  the talk button listening;
- ``review-<theme>.png``: the review of the last session; ``history-<theme>.png``;
- ``settings-<theme>.png``;
- ``first-start-<n>-<theme>.png``: the first start's four steps.

Each render also looks for clipped text (:func:`clipped`: a label or button
shown smaller than its text needs) and names it on standard error.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app import events as ev

PAGES = ("home", "conversation", "review", "history", "settings", "first-start")


@dataclass
class ShownTurn:
    """One saved turn as the conversation view shows it."""

    transcript: str
    reply: str
    corrected: str = ""
    edits: list = field(default_factory=list)  # app.tutor.edits.Edit
    learner_pcm: object = None  # float32 16 kHz, or None (typed)
    reply_pcm: object = None
    reply_rate: int = 22050


def turns_from_store(store, session_id: int) -> list[ShownTurn]:
    from app.audio.wavio import read_wav  # lazy: loads numpy and libsndfile
    from app.review.text import corrected_sentence
    from app.tutor.edits import Edit

    def audio(path):
        if path is None or not Path(path).is_file():
            return None, 0
        try:
            return read_wav(path)
        except Exception:  # noqa: BLE001 - a damaged file: shown without its play button
            return None, 0

    shown = []
    for turn in store.turns(session_id):
        edits = [Edit(c.original, c.corrected, c.reason, c.kind) for c in turn.corrections]
        corrected = corrected_sentence(turn.transcript, turn.corrections) if edits else ""
        learner, _rate = audio(turn.learner_audio)
        reply, rate = audio(turn.reply_audio)
        shown.append(ShownTurn(turn.transcript, turn.reply, corrected, edits, learner, reply,
                               rate or 22050))
    return shown


def show_turns(window, turns: list[ShownTurn]) -> None:
    """The turns in the window's view, through its own presenter; each
    correction inside its learner's bubble, whatever the session's style."""
    from app.tutor.corrections import CorrectionResult

    p = window.presenter
    for turn in turns:
        p.turn_sent(turn.learner_pcm, turn.transcript)
        learner = p.learner
        p.on_event(ev.TranscriptReady(_Transcript(turn.transcript)))
        p.on_event(ev.ReplyDone(turn.reply))
        if turn.reply_pcm is not None:
            p.tutor.add_audio(turn.reply_pcm, turn.reply_rate)
        if turn.edits:
            learner.show_correction(CorrectionResult(turn.transcript, turn.corrected, turn.edits))
        p.turn_ended(True)


class _Transcript:
    def __init__(self, text: str) -> None:
        self.text, self.words = text, ()


def clipped(root) -> list[str]:
    """Visible labels and buttons under ``root`` drawn smaller than their
    text needs (sizeHint, or heightForWidth for wrapped labels)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for widget in [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(root):
            continue
        if not widget.isVisible() or widget.width() <= 1:
            continue
        text = widget.text()
        if not text:
            continue
        hint = widget.minimumSizeHint() if isinstance(widget, QLabel) else widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed_h = widget.heightForWidth(widget.width())  # with its margins and padding
            if needed_h > widget.height() + 1:
                found.append(f"{type(widget).__name__} {text[:40]!r}: {widget.height()} px high, needs {needed_h}")
            continue
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            found.append(f"{type(widget).__name__} {text[:40]!r}: {widget.width()}x{widget.height()}, "
                         f"needs {hint.width()}x{hint.height()}")
    return found


def _settle(app, until=None, timeout_s: float = 20.0) -> None:
    import time

    from PySide6.QtCore import QCoreApplication, QEvent

    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        app.processEvents()
        if until is None or until():
            break
        time.sleep(0.02)
    for _ in range(5):  # the layout requests the last answers posted
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _save(widget, path: Path, problems: list[str]) -> None:
    widget.grab().save(str(path))
    problems += [f"{path.name}: {line}" for line in clipped(widget)]
    print(path)


def render(out: Path, themes=("light", "dark"), pages=PAGES, language: str | None = None) -> list[str]:
    """Render the pages into ``out``; the clipped text found, one line each."""
    from app.store import open_store  # lazy: loads SQLAlchemy
    from app.ui import i18n, theme
    from app.ui.application import qt_application
    from app.ui.main_window import MainWindow
    from app.ui.settings_keys import read_all, to_settings

    app = qt_application()
    if language:
        i18n.install(app, language)
    settings = to_settings(read_all())
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with open_store(settings.home) as store:
        sessions = [s for s in store.list_sessions() if s.turn_count]
        last = sessions[0] if sessions else None
        turns = turns_from_store(store, last.id) if last else []
    for name in themes:
        theme.apply(app, name)
        window = MainWindow(settings, load_models=False, check_mic=False)
        window.resize(880, 700)
        window.show()
        window._set_ready(True)
        window.talk.set_mic_ok(True)
        window.bar.set_mic_available(True)
        _settle(app, lambda: window.home_panel.current is not None)
        if "home" in pages:
            _save(window, out / f"home-{name}.png", problems)
        if "conversation" in pages and turns:
            window.home_panel.hide()
            show_turns(window, turns)
            window.bar.set_state("recording")
            window.bar.set_level(-16)
            _settle(app)
            window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
            _settle(app)
            _save(window, out / f"conversation-{name}.png", problems)
            window.bar.set_state("idle")
        if "settings" in pages:
            from app.ui.settings_dialog import SettingsDialog

            dialog = SettingsDialog(window.qsettings, [], window)
            dialog.show()
            _settle(app)
            _save(dialog, out / f"settings-{name}.png", problems)
            dialog.reject()
        if "first-start" in pages:
            first = window.open_first_start()
            _settle(app, lambda: first.model.list.count() > 0)
            for index in range(first.steps.count()):
                first.go(index)
                _settle(app)
                _save(first, out / f"first-start-{index + 1}-{name}.png", problems)
            first.hide()  # not done(): the learner's settings stay as they are
        if last is not None and ("review" in pages or "history" in pages):
            window.open_review()
            review = window.review
            review.resize(900, 700)
            if "history" in pages:
                review.tabs.setCurrentWidget(review.history)
                _settle(app, lambda: review.history.table.rowCount() > 0 and not review.tasks.busy)
                _save(review, out / f"history-{name}.png", problems)
            if "review" in pages:
                review.open_session(last.id)
                # The cards, then whatever the page loads beside them (the session's review).
                _settle(app, lambda: bool(review.session.cards) and not review.tasks.busy)
                _settle(app, lambda: not review.tasks.busy)
                _save(review, out / f"review-{name}.png", problems)
            review.close()
        window._closing = True
        window.close()
        window.deleteLater()
        _settle(app)
    return problems


def screenshot(out: Path, themes=("light", "dark"), language: str | None = None) -> int:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if out.suffix.lower() == ".png":
        print(f"parley: screenshot takes a folder now, not {out.name} -- "
              f"e.g. python -m app screenshot {out.parent / 'screenshots'}", file=sys.stderr)
        return 2
    problems = render(out, themes, language=language)
    for line in problems:
        print(f"clipped: {line}", file=sys.stderr)
    return 0
