"""The Chinese interface draws real glyphs: with no CJK font on the system
(the offscreen build machine has none) Noto Sans CJK comes from the
noto-cjk-sans-otc package; without either, the language setting says so in
one line instead of drawing boxes."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from app.ui import i18n


def _glyphs(text: str, font) -> list[tuple[str, list[int]]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_chinese_is_drawn_with_a_cjk_font(qapp):
    app = QApplication.instance()
    try:
        assert i18n.install(app, "zh_CN") == "zh_CN"
        family = i18n.ensure_font("zh_CN")
        assert family, "no CJK font: is noto-cjk-sans-otc installed?"
        runs = _glyphs(i18n.tr("Send") + " Parley", app.font())
        assert any(family == name for name, _ in runs)
        assert all(0 not in glyphs for _name, glyphs in runs)  # glyph 0 is the empty box
        assert i18n.font_problem("zh_CN") == "" and i18n.font_problem("en") == ""
    finally:
        i18n.install(app, "en")


def test_no_font_warns_in_one_line(qapp, monkeypatch, qtbot):
    from app.ui.settings_dialog import SettingsDialog
    from app.ui.settings_keys import open_settings

    monkeypatch.setattr(i18n, "ensure_font", lambda language: "")
    line = i18n.font_problem("zh_CN")
    assert "Chinese font" in line and "\n" not in line
    dialog = SettingsDialog(open_settings(), [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.language_note.isVisible() and dialog.language_note.text() == line
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not dialog.language_note.isVisible()


def test_chinese_pages_render_without_clipped_text(tmp_path, parley_home):
    """Chinese runs wider or narrower than English: every page in zh_CN,
    from a data folder with a session, with no clipped text."""
    import os
    import subprocess
    import sys

    from test_ui_look import ROOT, seed

    seed(parley_home)
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PARLEY_HOME=str(parley_home), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "app", "screenshot", str(out), "--theme", "light",
                           "--language", "zh_CN"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=150)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "clipped:" not in done.stderr, done.stderr
    assert {"home-light.png", "review-light.png", "settings-light.png",
            "first-start-2-light.png"} <= {p.name for p in out.glob("*.png")}
