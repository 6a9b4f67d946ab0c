"""Parley's icon for the window and the task bar, from package data
(assets/icons: the same files the app-menu entry installs)."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from app.resources import ICON_SIZES, icon


def app_icon() -> QIcon:
    result = QIcon()
    for size in ICON_SIZES:
        source = icon(size)
        pixmap = QPixmap()
        # From bytes, so it works wherever the package data is (a folder, a bundle).
        if source.is_file() and pixmap.loadFromData(source.read_bytes(), "PNG"):
            result.addPixmap(pixmap)
    return result
