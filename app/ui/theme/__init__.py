"""Parley's look in one place: two palettes (light, dark), a type scale and an
8 px spacing grid, applied as one stylesheet (assets/theme/parley.qss) and one
QPalette to the whole application; SVG icons tinted to the palette.

``apply(app, "system")`` follows the desktop's colour scheme
(``QStyleHints.colorScheme``, Qt 6.5+) and re-applies when it changes;
``"light"`` / ``"dark"`` pin one. Widgets that paint themselves (the talk
button, the avatar, the goal ring, the charts) read :func:`current` when they
paint, and :func:`signals` ``.changed`` tells them to repaint.

Font sizes in the stylesheet are multiples of the system font's point size,
so text follows the desktop's font setting; nothing sets a pixel font size.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from string import Template

from PySide6.QtCore import QByteArray, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from app.resources import asset

SYSTEM, LIGHT, DARK = "system", "light", "dark"
MODES = (SYSTEM, LIGHT, DARK)
GRID = 8  # every margin and spacing is a multiple of this


def space(n: float = 1) -> int:
    """``n`` steps of the spacing grid, in pixels (Qt scales them for high DPI)."""
    return int(GRID * n)


@dataclass(frozen=True)
class Palette:
    name: str
    window: str  # the page behind everything
    surface: str  # cards, the tutor's bubbles, inputs
    surface_alt: str  # a raised or hovered surface
    border: str
    text: str
    muted: str  # secondary text
    accent: str  # the talk button, links, the learner's bubble edge
    on_accent: str  # text on the accent colour
    learner: str  # the learner's bubble
    on_learner: str
    listening: str  # states, on the button and the avatar
    thinking: str
    speaking: str
    removed: str  # a correction: words taken out (struck through too)
    added: str  # words put in (underlined and bold too)
    added_bg: str  # the highlight behind a change
    chart: str


LIGHT_PALETTE = Palette(
    name=LIGHT, window="#f4f6fb", surface="#ffffff", surface_alt="#e9eef8", border="#d7dde8",
    text="#1c2230", muted="#5a6478", accent="#2f6fdf", on_accent="#ffffff",
    learner="#dce8ff", on_learner="#13203a", listening="#1f9d55", thinking="#c98a00",
    speaking="#2f6fdf", removed="#c0392b", added="#1e7d3c", added_bg="#d8f3e0", chart="#2f6fdf")

DARK_PALETTE = Palette(
    name=DARK, window="#14171d", surface="#1f232b", surface_alt="#2a2f39", border="#353b47",
    text="#e9ecf2", muted="#a3acbd", accent="#6ea2ff", on_accent="#0b1220",
    learner="#23365e", on_learner="#eef3ff", listening="#3fcf7f", thinking="#f0b429",
    speaking="#6ea2ff", removed="#ff7b72", added="#56d68a", added_bg="#1d3b2a", chart="#6ea2ff")

PALETTES = {LIGHT: LIGHT_PALETTE, DARK: DARK_PALETTE}


class _Signals(QObject):
    changed = Signal(object)  # the Palette now applied


_signals: _Signals | None = None
_current = LIGHT_PALETTE
_mode = SYSTEM
_hooked = False


def signals() -> _Signals:
    """``.changed(Palette)`` after each :func:`apply`. Connect a bound method of
    a QObject (it is disconnected when that object is deleted), never a lambda."""
    global _signals
    if _signals is None:
        _signals = _Signals()
    return _signals


def current() -> Palette:
    return _current


def mode() -> str:
    return _mode


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(chosen: str) -> Palette:
    if chosen == SYSTEM or chosen not in PALETTES:
        return DARK_PALETTE if system_is_dark() else LIGHT_PALETTE
    return PALETTES[chosen]


def stylesheet(palette: Palette, base_pt: float) -> str:
    """The one stylesheet, its colours and font sizes filled in."""
    text = asset("theme", "parley.qss").read_text(encoding="utf-8")
    values = {f.name: getattr(palette, f.name) for f in fields(palette)}
    scale = {"small": 0.9, "body": 1.0, "large": 1.15, "title": 1.45, "display": 2.2}
    values.update({name: f"{max(6.0, base_pt * k):.1f}" for name, k in scale.items()})
    values.update(_arrows(palette))
    values.update({name: str(space(n)) for name, n in
                   (("s05", 0.5), ("s1", 1), ("s15", 1.5), ("s2", 2), ("s3", 3))})
    return Template(text).safe_substitute(values)


def _arrows(palette: Palette) -> dict[str, str]:
    """The combo and spin box arrows, tinted: a stylesheet's image is a file,
    so each is written once per colour into a private cache folder."""
    folder = Path(tempfile.gettempdir()) / f"parley-theme-{os.getuid() if hasattr(os, 'getuid') else 0}"
    folder.mkdir(mode=0o700, exist_ok=True)
    found = {}
    for name in ("chevron-down", "chevron-up"):
        path = folder / f"{name}-{palette.muted.lstrip('#')}.svg"
        if not path.is_file():
            path.write_bytes(svg_bytes(name, palette.muted))
        found[name.replace("-", "_")] = path.as_posix()
    return found


def qpalette(p: Palette) -> QPalette:
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, p.window), (roles.WindowText, p.text), (roles.Base, p.surface),
                         (roles.AlternateBase, p.surface_alt), (roles.Text, p.text),
                         (roles.Button, p.surface), (roles.ButtonText, p.text),
                         (roles.Highlight, p.accent), (roles.HighlightedText, p.on_accent),
                         (roles.ToolTipBase, p.surface), (roles.ToolTipText, p.text),
                         (roles.PlaceholderText, p.muted), (roles.Link, p.accent),
                         (roles.Mid, p.border), (roles.Light, p.surface_alt), (roles.Dark, p.border)):
        pal.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.muted))
    return pal


def apply(app, chosen: str = SYSTEM) -> Palette:
    """Style the whole application; with ``system``, follow the desktop's scheme."""
    global _current, _mode, _hooked
    _mode = chosen if chosen in MODES else SYSTEM
    _current = resolve(_mode)
    app.setStyle("Fusion")  # the same widgets' shapes on every desktop; the QSS colours them
    app.setPalette(qpalette(_current))
    base = app.font().pointSizeF()
    if base <= 0:
        base = QFont().pointSizeF() if QFont().pointSizeF() > 0 else 10.0
    app.setStyleSheet(stylesheet(_current, base))
    if not _hooked:
        _hooked = True
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system(app))
    _retint(app)
    signals().changed.emit(_current)
    return _current


def set_icon(button, name: str, role: str = "text", size: int = 16) -> None:
    """Give a button a palette-tinted icon that follows theme changes."""
    button.setProperty("themeIcon", f"{name}:{role}:{size}")
    button.setIcon(icon(name, getattr(_current, role), size))


def _retint(app) -> None:
    from PySide6.QtWidgets import QAbstractButton  # lazy: QtGui users need no widgets

    for top in app.topLevelWidgets():
        for button in top.findChildren(QAbstractButton):
            spec = button.property("themeIcon")
            if spec:
                name, role, size = str(spec).split(":")
                button.setIcon(icon(name, getattr(_current, role), int(size)))


def _follow_system(app) -> None:
    if _mode == SYSTEM:
        apply(app, SYSTEM)


def svg_bytes(name: str, colour: str) -> bytes:
    """An icon of assets/icons/ui, drawn in ``colour`` (its ``currentColor``)."""
    data = asset("icons", "ui", f"{name}.svg").read_bytes()
    return data.replace(b"currentColor", colour.encode())


def icon(name: str, colour: str | None = None, size: int = 24) -> QIcon:
    """A tinted SVG icon, rendered sharp at 1x, 2x and 3x device pixel ratios."""
    return _icon(name, colour or _current.text, size)


@lru_cache(maxsize=128)
def _icon(name: str, colour: str, size: int) -> QIcon:
    from PySide6.QtSvg import QSvgRenderer  # lazy: only widgets with icons need it

    renderer = QSvgRenderer(QByteArray(svg_bytes(name, colour)))
    result = QIcon()
    for ratio in (1, 2, 3):
        pixmap = QPixmap(size * ratio, size * ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        result.addPixmap(pixmap)
    return result
