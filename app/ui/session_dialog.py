"""Start a session: scenario (free talk or a pack), level, correction style;
and the end-of-session summary."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout,
)

from app.ui.i18n import tr
from app.session import SessionOptions, options_for, scenarios
from app.tutor.styles import CORRECTION_STYLES, LEVELS

STYLE_LABELS = {
    "off": "Off (no corrections)",
    "gentle": "Gentle (the tutor recasts)",
    "explicit": "Explicit (after each turn)",
    "summary": "Summary (at the end)",
}


def style_label(style: str) -> str:
    """A correction style in the interface's language."""
    return {"off": tr("Off (no corrections)"), "gentle": tr("Gentle (the tutor recasts)"),
            "explicit": tr("Explicit (after each turn)"),
            "summary": tr("Summary (at the end)")}.get(style, style)


def levels_and_styles() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(LEVELS), tuple(CORRECTION_STYLES)


class SessionDialog(QDialog):
    def __init__(self, current: SessionOptions, parent=None, home=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New session"))
        self.home = home
        problems: list[str] = []
        self.packs = scenarios(home, problems)
        levels, styles = levels_and_styles()
        self.scenario = QComboBox()
        self.scenario.setAccessibleName(tr("Scenario"))
        for pack in self.packs:
            self.scenario.addItem(pack.title, pack.id)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.level = QComboBox()
        self.level.setAccessibleName(tr("Level"))
        self.level.addItems(list(levels))
        self.style = QComboBox()
        self.style.setAccessibleName(tr("Correction style"))
        for style in styles:
            self.style.addItem(style_label(style), style)
        self.scenario.setCurrentIndex(max(0, self.scenario.findData(current.scenario_id)))
        self.level.setCurrentText(current.level)
        self.style.setCurrentIndex(max(0, self.style.findData(current.correction_style)))
        self.scenario.currentIndexChanged.connect(self._describe)
        self._describe()
        form = QFormLayout()
        form.addRow(tr("&Scenario:"), self.scenario)
        form.addRow("", self.description)
        form.addRow(tr("&Level:"), self.level)
        form.addRow(tr("&Corrections:"), self.style)
        # The learner's own pack that did not load: say which file and why,
        # rather than let it vanish from the list without a word.
        self.problems = QLabel("\n".join(tr("Skipped {pack}").format(pack=p) for p in problems))
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(problems))
        form.addRow("", self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _describe(self) -> None:
        pack = self.packs[max(0, self.scenario.currentIndex())]
        self.description.setText(pack.description)

    def options(self) -> SessionOptions:
        return options_for(self.scenario.currentData(), self.level.currentText(),
                           self.style.currentData(), self.home)


def summary_text(summary: dict) -> str:
    lines = [tr("Turns: {n}").format(n=summary['turns']),
             tr("Minutes spoken: {n}").format(n=f"{summary['minutes_spoken']:.1f}"),
             tr("Corrections: {n}").format(n=summary['corrections'])]
    for item in summary.get("correction_list", [])[:10]:
        lines.append(f"  • {item}")
    return "\n".join(lines)
