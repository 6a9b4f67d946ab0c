"""The session page's "What Parley learned about you": the facts taken from
this session, each with a button to strike it (forget it for good)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.i18n import tr


class LearnedBox(QGroupBox):
    forget = Signal(int)  # fact id

    def __init__(self, facts, parent: QWidget | None = None) -> None:
        super().__init__("What Parley learned about you", parent)
        self.setAccessibleName(tr("What Parley learned about you in this session"))
        self.fact_ids = [fact.id for fact in facts]
        layout = QVBoxLayout(self)
        for fact in facts:
            row = QHBoxLayout()
            text = QLabel(fact.text, wordWrap=True)
            text.setToolTip(tr("You said: {words}").format(words=fact.words))
            row.addWidget(text, 1)
            button = QPushButton(tr("Not right: forget"))
            button.setAccessibleName(tr("Forget: {fact}").format(fact=fact.text))
            button.clicked.connect(lambda _checked=False, i=fact.id: self.forget.emit(i))
            row.addWidget(button)
            layout.addLayout(row)
