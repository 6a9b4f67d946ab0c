"""Settings persist through QSettings (a private INI file per test) and map
onto the engines' Settings; the session dialog offers the scenario packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ui import settings_keys as K


@pytest.mark.timeout(30)
def test_ui_settings_round_trip(qtbot, private_qsettings, monkeypatch, tmp_path):
    from app.ui.settings_dialog import SettingsDialog

    for name in ("PARLEY_ASR_BACKEND", "PARLEY_ASR_MODEL", "PARLEY_LLM_MODEL", "PARLEY_VOICE",
                 "PARLEY_PATIENCE_MS"):
        monkeypatch.delenv(name, raising=False)
    gguf = tmp_path / "tutor.gguf"
    dialog = SettingsDialog(K.open_settings())
    qtbot.addWidget(dialog)
    dialog.input_device.setCurrentText("VirtualMic")
    dialog.asr_backend.setCurrentText("openai-whisper")
    dialog.llm_model.setText(str(gguf))
    dialog.gpu_layers.setValue(12)
    dialog.voice_backend.setCurrentText("pyttsx3")
    dialog.voice_name.setText("english")
    dialog.voice_rate.setValue(0.85)
    dialog.patience.setValue(4.5)  # seconds a trailing-off sentence may wait
    dialog.accept()

    # A new QSettings object (as after a restart) reads the same values back...
    reopened = SettingsDialog(K.open_settings())
    qtbot.addWidget(reopened)
    assert reopened.input_device.currentText() == "VirtualMic"
    assert reopened.output_device.currentText() == "System default"
    assert reopened.asr_backend.currentText() == "openai-whisper"
    assert reopened.llm_model.text() == str(gguf)
    assert reopened.gpu_layers.value() == 12
    assert reopened.voice_rate.value() == pytest.approx(0.85)
    # ...from the private INI file, never the learner's own configuration.
    files = list(Path(private_qsettings).rglob("*.ini"))
    assert files and "gpu_layers=12" in files[0].read_text()

    values = K.read_all()
    settings = K.to_settings(values)
    assert settings.asr_backend == "openai-whisper"
    assert settings.llm_model == str(gguf)
    assert settings.n_gpu_layers == 12
    assert settings.voice == "pyttsx3:english"
    assert settings.speaking_rate == pytest.approx(0.85)
    assert settings.patience_ms == 4500
    assert K.devices(values).input == "VirtualMic" and K.devices(values).output is None


@pytest.mark.timeout(30)
def test_ui_environment_wins_over_stored_settings(monkeypatch, tmp_path):
    qs = K.open_settings()
    K.write(qs, {K.DATA_FOLDER: str(tmp_path / "stored"), K.LLM_MODEL: "/stored.gguf"})
    monkeypatch.setenv("PARLEY_LLM_MODEL", "/env.gguf")
    settings = K.to_settings(K.read_all(qs))
    assert settings.llm_model == "/env.gguf"
    assert settings.home != tmp_path / "stored"  # PARLEY_HOME (the test's folder) wins
    monkeypatch.delenv("PARLEY_HOME")
    assert K.to_settings(K.read_all(qs)).home == tmp_path / "stored"
    with pytest.raises(KeyError):
        K.write(qs, {"not/a/key": 1})


@pytest.mark.timeout(30)
def test_ui_session_dialog_offers_packs_levels_and_styles(qtbot):
    from app.ui.session_dialog import SessionDialog
    from app.session import SessionOptions

    dialog = SessionDialog(SessionOptions())
    qtbot.addWidget(dialog)
    ids = [dialog.scenario.itemData(i) for i in range(dialog.scenario.count())]
    assert ids[0] == "free-talk" and len(ids) >= 2
    assert [dialog.level.itemText(i) for i in range(dialog.level.count())] == ["A2", "B1", "B2", "C1"]
    styles = [dialog.style.itemData(i) for i in range(dialog.style.count())]
    assert styles == ["off", "gentle", "explicit", "summary"]
    dialog.scenario.setCurrentIndex(len(ids) - 1)
    dialog.level.setCurrentText("C1")
    dialog.style.setCurrentIndex(styles.index("gentle"))
    options = dialog.options()
    assert options.scenario_id == ids[-1] and options.level == "C1"
    assert options.correction_style == "gentle" and options.scenario_prompt


@pytest.mark.timeout(30)
def test_ui_settings_pick_a_listed_model_and_a_server(qtbot, private_qsettings, monkeypatch):
    from app.ui.settings_dialog import SettingsDialog

    for name in ("PARLEY_LLM_MODEL", "PARLEY_LLM_URL", "PARLEY_LLM_SERVER_MODEL",
                 "PARLEY_LLM_KEY", "PARLEY_GPU_LAYERS"):
        monkeypatch.delenv(name, raising=False)
    dialog = SettingsDialog(K.open_settings())
    qtbot.addWidget(dialog)
    assert dialog.gpu_layers.value() == -1 and dialog.gpu_layers.text() == "Automatic"
    actions = {a.text(): a for a in dialog.llm_models.menu().actions()}
    qwen = next(a for label, a in actions.items() if label.startswith("Qwen2.5-Coder-0.5B"))
    assert "491 MB" in qwen.text()
    qwen.trigger()
    assert dialog.llm_model.text() == "qwen2.5-coder-0.5b"
    dialog.llm_url.setText("http://127.0.0.1:11434/v1")
    dialog.llm_server_model.setText("qwen2.5:0.5b")
    dialog.llm_key.setText("secret")
    dialog.accept()
    settings = K.to_settings(K.read_all())
    assert settings.llm_model == "qwen2.5-coder-0.5b"
    assert (settings.llm_url, settings.llm_server_model, settings.llm_api_key) == (
        "http://127.0.0.1:11434/v1", "qwen2.5:0.5b", "secret")
    assert settings.n_gpu_layers == -1


@pytest.mark.timeout(30)
def test_ui_thread_budgets_are_settings(qtbot, monkeypatch):
    """Each engine's threads: Auto (0) is its share of the cores this process
    may use; a count set in Settings is kept; PARLEY_<ENGINE>_THREADS wins."""
    from app.config import ThreadBudget, affinity_cores
    from app.ui.settings_dialog import SettingsDialog

    for name in ("PARLEY_THREADS", "PARLEY_ASR_THREADS", "PARLEY_LLM_THREADS",
                 "PARLEY_TTS_THREADS"):
        monkeypatch.delenv(name, raising=False)
    derived = ThreadBudget.for_cores(affinity_cores())
    dialog = SettingsDialog(K.open_settings())
    qtbot.addWidget(dialog)
    boxes = dialog.threads
    assert [b.value() for b in boxes.values()] == [0, 0, 0]
    assert boxes[K.LLM_THREADS].text() == f"Auto ({derived.llm})"
    assert K.to_settings(K.read_all()).threads == derived  # nothing chosen
    boxes[K.LLM_THREADS].setValue(1)
    boxes[K.TTS_THREADS].setValue(2)
    dialog.accept()

    threads = K.to_settings(K.read_all()).threads
    assert (threads.asr, threads.llm, threads.tts) == (derived.asr, 1, 2)
    assert threads.chosen == {"llm", "tts"}
    monkeypatch.setenv("PARLEY_LLM_THREADS", "3")
    assert K.to_settings(K.read_all()).threads.llm == 3
    reopened = SettingsDialog(K.open_settings())
    qtbot.addWidget(reopened)
    assert [b.value() for b in reopened.threads.values()] == [0, 1, 2]
