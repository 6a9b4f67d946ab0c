"""Settings: devices, speech model, tutor model, voice, data folder.

Reads and writes through app.ui.settings_keys (every key lives there)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from app.config import ASR_BACKENDS, VOICE_BACKENDS, thread_budget
from app.models_list import list_models
from app.ui import settings_keys as K
from app.ui.first_start import model_label
from app.ui.i18n import LANGUAGES, tr



def default_device() -> str:
    """The device lists' first entry: the system's choice (saved as "")."""
    return tr("System default")


def _path_row(edit: QLineEdit, pick, *extra: QWidget) -> QWidget:
    button = QPushButton(tr("Browse…"))
    button.setAccessibleName(tr("Browse for {what}").format(what=edit.accessibleName()))
    button.clicked.connect(pick)
    row = _row(edit, *extra, button)
    row.layout().setStretch(0, 1)
    return row


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return row


def _threads_box(name: str, automatic: int) -> QSpinBox:
    """0 is "Automatic": the engine's share of the cores (shown), else a count.
    Engines that run at once on few cores starve each other, so the automatic
    budgets add up to the cores; a count is for measuring (scripts/thread_budget.sh)."""
    box = QSpinBox()
    box.setAccessibleName(name)
    box.setRange(0, 64)
    box.setSpecialValueText(tr("Auto ({n})").format(n=automatic))
    box.setToolTip(tr("{name}: Auto uses {n} on this machine; the models reload "
                      "when it changes").format(name=name, n=automatic))
    return box


def _model_menu(edit: QLineEdit) -> QToolButton:
    """The tutor models this machine has (app.models_list), with size and speed."""
    button = QToolButton()
    button.setText(tr("Models"))
    button.setAccessibleName(tr("Choose a tutor model"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for entry in list_models():
        action = menu.addAction(model_label(entry))
        action.setToolTip(entry.source)
        action.triggered.connect(lambda _=False, spec=entry.spec: edit.setText(spec))
    button.setMenu(menu)
    return button


def _line(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def patience_text(waits_ms: tuple[int, int] | None, voice_ms: int | None = None) -> str:
    """The current patience in words: how long a pause in mid-sentence is
    waited through; ``voice_ms``: the shorter wait when the voice sounds
    finished (Smart Turn, until the learner's pauses are known)."""
    if waits_ms is None:
        return tr("Now: learned from your pauses once the models are loaded")
    thinking, hesitant = waits_ms
    text = tr("Now: waits {thinking:.1f} s after an unfinished sentence, {hesitant:.1f} s "
              "after one that may go on").format(thinking=thinking / 1000, hesitant=hesitant / 1000)
    if voice_ms is not None:
        text += " " + tr("({voice:.1f} s when your voice sounds finished)").format(
            voice=voice_ms / 1000)
    return text


class SettingsDialog(QDialog):
    def __init__(self, qsettings=None, devices: list | None = None, parent=None,
                 waits_ms: tuple[int, int] | None = None, voice_ms: int | None = None) -> None:
        """``waits_ms``: the current patience in the middle of a sentence,
        learned from the learner's pauses (TurnEndOptions.waits_ms), shown;
        ``voice_ms``: TurnEndOptions.sounds_finished_ms."""
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.qsettings = qsettings or K.open_settings()
        devices = devices or []
        self.input_device = self._device_combo(tr("Microphone"), [d.name for d in devices if d.inputs])
        self.output_device = self._device_combo(tr("Speaker"), [d.name for d in devices if d.outputs])
        self.asr_backend = QComboBox()
        self.asr_backend.setAccessibleName(tr("Speech recognition backend"))
        self.asr_backend.addItems(list(ASR_BACKENDS))
        self.asr_model = _line(tr("Whisper model"), tr("measured default (folder or .pt file)"))
        self.llm_model = _line(tr("Tutor model file"), tr("measured default (any .gguf file)"))
        self.llm_models = _model_menu(self.llm_model)
        self.gpu_layers = QSpinBox()
        self.gpu_layers.setAccessibleName(tr("GPU layers"))
        self.gpu_layers.setRange(-1, 999)
        self.gpu_layers.setSpecialValueText(tr("Automatic"))  # -1: all if llama.cpp has a GPU
        self.llm_url = _line(tr("Tutor server URL"),
                             tr("none (e.g. http://127.0.0.1:11434/v1 for Ollama)"))
        self.llm_server_model = _line(tr("Server model"), tr("the first model the server lists"))
        self.llm_key = _line(tr("Server API key"), tr("none"))
        self.llm_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.voice_backend = QComboBox()
        self.voice_backend.setAccessibleName(tr("Voice backend"))
        self.voice_backend.addItems(list(VOICE_BACKENDS))
        self.voice_name = _line(tr("Voice"), tr("default voice (Piper .onnx file or pyttsx3 voice id)"))
        self.voice_rate = QDoubleSpinBox()
        self.voice_rate.setAccessibleName(tr("Speaking rate"))
        self.voice_rate.setRange(0.5, 2.0)
        self.voice_rate.setSingleStep(0.05)
        self.data_folder = _line(tr("Data folder"), tr("default data folder"))
        from app.audio.echo import available  # lazy: loads numpy

        self.voice_barge_in = QCheckBox(
            tr("Speaking interrupts the tutor (hands-free; echo cancellation on)") if available()
            else tr("Speaking interrupts the tutor (hands-free; use headphones)"))
        self.voice_barge_in.setAccessibleName(tr("Interrupt the tutor by speaking"))
        derived = thread_budget()  # what "Automatic" gives on this machine
        self.patience = QDoubleSpinBox()
        self.patience.setAccessibleName(tr("Longest pause while you think, in seconds"))
        self.patience.setToolTip(tr("When a sentence trails off (\"and\", \"because\", \"um\"), "
                                    "the tutor waits this long before it answers"))
        self.patience.setRange(0.8, 8.0)
        self.patience.setSingleStep(0.5)
        self.patience.setSuffix(" s")
        self.patience_now = QLabel(patience_text(waits_ms, voice_ms))
        self.patience_now.setAccessibleName(tr("Current patience in the middle of a sentence"))
        self.patience_now.setToolTip(tr("Learned from how long you pause in the middle of a "
                                        "sentence, in this session and your last ones; at most "
                                        "the limit above"))
        self.threads = {key: _threads_box(name, automatic) for key, name, automatic in (
            (K.ASR_THREADS, tr("Speech recognition threads"), derived.asr),
            (K.LLM_THREADS, tr("Tutor model threads"), derived.llm),
            (K.TTS_THREADS, tr("Voice threads"), derived.tts))}
        self.verbatim = QCheckBox(tr("Keep fillers (um, uh) in transcripts, for fluency review"))
        self.verbatim.setAccessibleName(tr("Verbatim transcription"))
        # The look: the theme and the interface's language (the tutor stays English).
        self.theme = QComboBox()
        self.theme.setAccessibleName(tr("Theme"))
        for value, label in (("system", tr("Follow the system")), ("light", tr("Light")),
                             ("dark", tr("Dark"))):
            self.theme.addItem(label, value)
        self.language = QComboBox()
        self.language.setAccessibleName(tr("Interface language"))
        self.language.setToolTip(tr("The menus and buttons; the tutor always speaks English"))
        self.language.addItem(tr("Follow the system"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        # One line, only where the chosen language has no font here (app/ui/i18n.py).
        self.language_note = QLabel()
        self.language_note.setObjectName("hint")
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        self.language.currentIndexChanged.connect(self._language_note)
        form = QFormLayout()
        form.addRow(tr("T&heme:"), self.theme)
        form.addRow(tr("&Interface language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(tr("&Microphone:"), self.input_device)
        form.addRow(tr("S&peaker:"), self.output_device)
        form.addRow(tr("Speech &backend:"), self.asr_backend)
        form.addRow(tr("&Whisper model:"), _path_row(self.asr_model, self._pick_asr))
        form.addRow(tr("&Tutor model (GGUF):"), _path_row(self.llm_model, self._pick_llm,
                                                      self.llm_models))
        form.addRow(tr("&GPU layers:"), self.gpu_layers)
        form.addRow(tr("Tutor ser&ver URL:"), self.llm_url)
        form.addRow(tr("Server mode&l:"), self.llm_server_model)
        form.addRow(tr("Server &key:"), self.llm_key)
        form.addRow(tr("&Voice backend:"), self.voice_backend)
        form.addRow(tr("V&oice:"), _path_row(self.voice_name, self._pick_voice))
        form.addRow(tr("Speaking &rate:"), self.voice_rate)
        form.addRow(tr("&Data folder:"), _path_row(self.data_folder, self._pick_folder))
        form.addRow("", self.voice_barge_in)
        form.addRow(tr("Wait while I &think (up to):"), self.patience)
        form.addRow("", self.patience_now)
        form.addRow("", self.verbatim)
        form.addRow(tr("Thr&eads (speech, tutor, voice):"), _row(*self.threads.values()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.load()

    def _device_combo(self, name: str, names: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setEditable(True)
        combo.addItem(default_device())
        combo.addItems(names)
        return combo

    def _language_note(self) -> None:
        from app.ui.i18n import font_problem, resolve

        problem = font_problem(resolve(str(self.language.currentData())))
        self.language_note.setText(problem)
        self.language_note.setVisible(bool(problem))

    # -- values -----------------------------------------------------------------------
    def load(self) -> None:
        v = K.read_all(self.qsettings)
        self.input_device.setCurrentText(str(v[K.INPUT_DEVICE]) or default_device())
        self.output_device.setCurrentText(str(v[K.OUTPUT_DEVICE]) or default_device())
        self.asr_backend.setCurrentText(str(v[K.ASR_BACKEND]))
        self.asr_model.setText(str(v[K.ASR_MODEL]))
        self.llm_model.setText(str(v[K.LLM_MODEL]))
        self.gpu_layers.setValue(int(v[K.GPU_LAYERS]))
        self.llm_url.setText(str(v[K.LLM_URL]))
        self.llm_server_model.setText(str(v[K.LLM_SERVER_MODEL]))
        self.llm_key.setText(str(v[K.LLM_KEY]))
        self.voice_backend.setCurrentText(str(v[K.VOICE_BACKEND]))
        self.voice_name.setText(str(v[K.VOICE_NAME]))
        self.voice_rate.setValue(float(v[K.VOICE_RATE]))
        self.data_folder.setText(str(v[K.DATA_FOLDER]))
        self.voice_barge_in.setChecked(bool(v[K.VOICE_BARGE_IN]))
        self.verbatim.setChecked(bool(v[K.VERBATIM]))
        self.patience.setValue(int(v[K.PATIENCE_MS]) / 1000)
        for key, box in self.threads.items():
            box.setValue(int(v[key]))
        self.theme.setCurrentIndex(max(0, self.theme.findData(str(v[K.THEME]))))
        self.language.setCurrentIndex(max(0, self.language.findData(str(v[K.LANGUAGE]))))

    def values(self) -> dict[str, object]:
        def device(combo: QComboBox) -> str:
            text = combo.currentText().strip()
            return "" if text == default_device() else text

        return {
            K.INPUT_DEVICE: device(self.input_device),
            K.OUTPUT_DEVICE: device(self.output_device),
            K.ASR_BACKEND: self.asr_backend.currentText(),
            K.ASR_MODEL: self.asr_model.text().strip(),
            K.LLM_MODEL: self.llm_model.text().strip(),
            K.GPU_LAYERS: self.gpu_layers.value(),
            K.LLM_URL: self.llm_url.text().strip(),
            K.LLM_SERVER_MODEL: self.llm_server_model.text().strip(),
            K.LLM_KEY: self.llm_key.text().strip(),
            K.VOICE_BACKEND: self.voice_backend.currentText(),
            K.VOICE_NAME: self.voice_name.text().strip(),
            K.VOICE_RATE: round(self.voice_rate.value(), 2),
            K.DATA_FOLDER: self.data_folder.text().strip(),
            K.VOICE_BARGE_IN: self.voice_barge_in.isChecked(),
            K.VERBATIM: self.verbatim.isChecked(),
            K.PATIENCE_MS: int(round(self.patience.value() * 1000)),
            **{key: box.value() for key, box in self.threads.items()},
            K.THEME: self.theme.currentData(),
            K.LANGUAGE: self.language.currentData(),
        }

    def accept(self) -> None:
        K.write(self.qsettings, self.values())
        super().accept()

    # -- pickers (non-native dialogs keep the event loop running) ---------------------
    def _pick(self, edit: QLineEdit, caption: str, pattern: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, caption, edit.text(), pattern)
        if path:
            edit.setText(path)

    def _pick_asr(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Whisper model folder", self.asr_model.text())
        if path:
            self.asr_model.setText(path)

    def _pick_llm(self) -> None:
        self._pick(self.llm_model, "Tutor model", "GGUF models (*.gguf);;All files (*)")

    def _pick_voice(self) -> None:
        self._pick(self.voice_name, "Piper voice", "Piper voices (*.onnx);;All files (*)")

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Data folder", self.data_folder.text())
        if path:
            self.data_folder.setText(path)
