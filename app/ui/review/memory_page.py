"""What Parley remembers: every fact with where it came from; the learner can
edit, forget and add facts, and switch memory off. All store work runs on
the review window's database pool."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.memory.keeper import add_by_hand
from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks

KIND_NAMES = {"name": "Name", "job": "Work", "study": "Studies", "family": "Family",
              "place": "Place", "interest": "Interest", "plan": "Plan", "note": "Note"}


class MemoryPage(QWidget):
    loaded = Signal(int)  # facts shown

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.switch = QCheckBox(tr("Remember what I tell Parley and ask me about it"))
        self.switch.setChecked(True)
        self.switch.toggled.connect(self.set_memory_on)
        note = QLabel(tr("Everything Parley remembers is here and only on this computer. "
                      "Forget a fact and it is gone for good."))
        note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("What Parley remembers"))
        self.tree.setHeaderLabels([tr("What Parley remembers"), tr("Kind"), tr("From")])
        self.tree.setColumnWidth(0, 360)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._ask_edit(item))
        self.new_fact = QLineEdit()
        self.new_fact.setPlaceholderText(tr('Tell Parley something, e.g. "I live in Porto"'))
        self.new_fact.setAccessibleName(tr("A new fact for Parley to remember"))
        self.new_fact.returnPressed.connect(lambda: self.add(self.new_fact.text()))
        add_button = QPushButton(tr("Add"))
        add_button.clicked.connect(lambda: self.add(self.new_fact.text()))
        edit_button = QPushButton(tr("Edit..."))
        edit_button.clicked.connect(lambda: self._ask_edit(self.tree.currentItem()))
        forget_button = QPushButton(tr("Forget"))
        forget_button.setAccessibleName(tr("Forget the selected fact"))
        forget_button.clicked.connect(self.forget_selected)
        self.with_sentences = QCheckBox(tr("with the sentences it came from"))
        self.with_sentences.setToolTip(tr("Also delete what you said there: its transcript, "
                                       "search entries and recording"))
        self.with_sentences.setAccessibleName(tr("Also delete the sentences the fact came from"))
        self.summary = QLabel()
        adding = QHBoxLayout()
        adding.addWidget(self.new_fact, 1)
        adding.addWidget(add_button)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(edit_button)
        row.addWidget(forget_button)
        row.addWidget(self.with_sentences)
        layout = QVBoxLayout(self)
        layout.addWidget(self.switch)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addLayout(adding)
        layout.addLayout(row)

    # -- loading ---------------------------------------------------------------

    def refresh(self) -> None:
        store = self.services.store
        self.tasks.run(lambda: (store.facts(), store.memory_on()), self._show)

    def _show(self, loaded) -> None:
        facts, on = loaded
        self.switch.blockSignals(True)
        self.switch.setChecked(on)
        self.switch.blockSignals(False)
        self.tree.clear()
        for fact in facts:
            if fact.turn_id is not None:
                source = f'session {fact.session_id}: "{fact.words}"'
            else:
                source = "you added it"
            item = QTreeWidgetItem([fact.text, KIND_NAMES.get(fact.kind, fact.kind), source])
            item.setData(0, Qt.ItemDataRole.UserRole, fact.id)
            item.setToolTip(0, f"last confirmed {fact.confirmed_at.astimezone():%Y-%m-%d}")
            self.tree.addTopLevelItem(item)
        self.summary.setText(tr("{n} things remembered").format(n=len(facts)) if on else
                             tr("Memory is off ({n} kept until you forget them)").format(n=len(facts)))
        self.loaded.emit(len(facts))

    # -- changes (each reloads the list when done) ------------------------------

    def fact_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.tree.topLevelItemCount())]

    def forget_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.forget(item.data(0, Qt.ItemDataRole.UserRole))

    def forget(self, fact_id: int) -> None:
        sentences = self.with_sentences.isChecked()
        self._change(lambda store: store.forget_fact(fact_id, sentences=sentences))

    def edit(self, fact_id: int, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self._change(lambda store: store.edit_fact(fact_id, text))

    def add(self, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self.new_fact.clear()
            self._change(lambda store: add_by_hand(store, text))

    def set_memory_on(self, on: bool) -> None:
        self._change(lambda store: store.set_setting("memory", bool(on)))

    def _change(self, change) -> None:
        store = self.services.store
        self.tasks.run(lambda: change(store), lambda _result: self.refresh())

    def _ask_edit(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        text, ok = QInputDialog.getText(self, "Edit what Parley remembers", "In your words:",
                                        text=item.text(0))
        if ok:
            self.edit(item.data(0, Qt.ItemDataRole.UserRole), text)
