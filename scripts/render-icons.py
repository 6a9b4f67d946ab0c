"""Renders assets/icons/parley.svg to the PNG sizes the hicolor icon theme
uses (assets/icons/parley-N.png). Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render-icons.py
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.resources import ICON_SIZES

ICONS = Path(__file__).resolve().parents[1] / "assets" / "icons"


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - QSvgRenderer needs one
    renderer = QSvgRenderer(str(ICONS / "parley.svg"))
    assert renderer.isValid()
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"parley-{size}.png"
        image.save(str(out), "PNG")
        print(out, out.stat().st_size)


if __name__ == "__main__":
    main()
