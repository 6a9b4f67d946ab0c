"""The main window (minimal until the desktop-app issue lands): models load in
the background with progress shown, and a typed message gets the tutor's reply."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMessageBox, QProgressBar, QPushButton,
    QTextBrowser, QVBoxLayout, QWidget,
)

from app import events as ev
from app.config import Settings
from app.ui.worker import PracticeWorker, start_worker


class MainWindow(QMainWindow):
    send_text = Signal(str)

    def __init__(self, settings: Settings, *, load_models: bool = True) -> None:
        super().__init__()
        self.setWindowTitle("Parley")
        self.resize(760, 560)
        self.conversation = QTextBrowser()
        self.conversation.setAccessibleName("Conversation")
        self.entry = QLineEdit()
        self.entry.setPlaceholderText("Type what you want to say, then press Enter")
        self.entry.setAccessibleName("Message")
        self.send = QPushButton("Send")
        self.status = QLabel("Loading models...")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Model loading progress")
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.send)
        layout = QVBoxLayout()
        layout.addWidget(self.conversation, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self._set_ready(False)
        self._tutor_text = ""

        self.worker = PracticeWorker(settings)
        self.thread = start_worker(self.worker)
        self.worker.progress.connect(self._on_progress)
        self.worker.ready.connect(lambda: self._set_ready(True))
        self.worker.event.connect(self._on_event)
        self.worker.failed.connect(self._on_failed)
        self.send_text.connect(self.worker.run_text_turn)
        self.entry.returnPressed.connect(self._submit)
        self.send.clicked.connect(self._submit)
        if load_models:
            # Queued to the worker's thread: the window shows before models load.
            from PySide6.QtCore import QMetaObject

            QMetaObject.invokeMethod(self.worker, "load", Qt.ConnectionType.QueuedConnection)

    def _set_ready(self, ready: bool) -> None:
        self.entry.setEnabled(ready)
        self.send.setEnabled(ready)
        if ready:
            self.status.setText("Ready. Say hello!")
            self.progress.hide()
            self.entry.setFocus()

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(f"Loading {stage} model..." if stage != "ready" else "Ready")

    def _submit(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        self.entry.clear()
        self.send.setEnabled(False)
        self.send_text.emit(text)

    def _on_event(self, event: ev.Event) -> None:
        if isinstance(event, ev.TranscriptReady):
            self.conversation.append(f"<b>You:</b> {event.transcript.text}")
            self._tutor_text = ""
        elif isinstance(event, ev.ReplyDone):
            self.conversation.append(f"<b>Tutor:</b> {event.text}")
        elif isinstance(event, ev.CorrectionsReady) and event.result.changed:
            self.conversation.append(f"<i>Better: {event.result.corrected}</i>")
        elif isinstance(event, ev.TurnSaved):
            self.send.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self.send.setEnabled(True)
        self.status.setText(message)
        QMessageBox.warning(self, "Parley", message)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.worker.cancel()
        self.thread.quit()
        self.thread.wait(5000)
        super().closeEvent(event)
