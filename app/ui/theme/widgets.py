"""The few widgets Parley paints itself, in the palette of app/ui/theme:
the round talk button with its live level ring, the tutor's avatar with its
state, and the daily-goal ring. Each repaints only when its value changes
(no animation timers: the event loop stays free for the conversation)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from app.ui import theme
from app.ui.i18n import tr

METER_FLOOR_DB = -60.0
IDLE, LISTENING, THINKING, SPEAKING = "idle", "listening", "thinking", "speaking"


def state_colour(state: str) -> QColor:
    p = theme.current()
    return QColor({LISTENING: p.listening, THINKING: p.thinking,
                   SPEAKING: p.speaking}.get(state, p.border))


class TalkButton(QPushButton):
    """Hold to talk: a large round button, the microphone in the middle and
    the input level as a ring around it while the learner speaks."""

    DIAMETER = 76

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("talk")
        self.level = 0.0  # 0..1
        self.state = IDLE
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._icon_cache: tuple[str, object] | None = None
        theme.signals().changed.connect(self.repaint_theme)

    def repaint_theme(self, _palette=None) -> None:
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        side = self.DIAMETER + 2 * theme.space(1)
        return QSize(side, side)

    minimumSizeHint = sizeHint

    def set_level(self, dbfs: float) -> None:
        level = max(0.0, min(1.0, (dbfs - METER_FLOOR_DB) / -METER_FLOOR_DB))
        if abs(level - self.level) > 0.01:
            self.level = level
            self.update()

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            if state != LISTENING:
                self.level = 0.0
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        p = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        centre = QPointF(self.width() / 2, self.height() / 2)
        ring = side / 2 - 3
        core = self.DIAMETER / 2 - 6
        # The level ring: a thick arc that grows with the voice.
        painter.setPen(QPen(QColor(p.surface_alt), 5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, ring, ring)
        if self.state == LISTENING or self.level > 0:
            painter.setPen(_round_pen(state_colour(LISTENING), 5))

            rect = QRectF(centre.x() - ring, centre.y() - ring, 2 * ring, 2 * ring)
            painter.drawArc(rect, 90 * 16, -int(360 * 16 * max(0.04, self.level)))
        # The button itself.
        fill = QColor(p.accent if self.isEnabled() else p.border)
        if self.isDown() or self.state == LISTENING:
            fill = QColor(p.listening)
        elif self.underMouse() and self.isEnabled():
            fill = fill.lighter(110)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(centre, core, core)
        if self.hasFocus():
            painter.setPen(_round_pen(QColor(p.text), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, core + 3, core + 3)
        icon = theme.icon("mic", p.on_accent, 30)
        icon.paint(painter, int(centre.x() - 15), int(centre.y() - 15), 30, 30)
        painter.end()


def _round_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class Avatar(QWidget):
    """The tutor: a round face with a ring in the colour of its state."""

    def __init__(self, diameter: int = 40, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diameter = diameter
        self.state = IDLE
        self.setFixedSize(diameter, diameter)
        self.setAccessibleName(tr("Tutor"))
        theme.signals().changed.connect(self.repaint_theme)

    def repaint_theme(self, _palette=None) -> None:
        self.update()

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.setAccessibleDescription(state)
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        p = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = self.diameter
        ring = 3 if self.state != IDLE else 1.5
        painter.setPen(_round_pen(state_colour(self.state), ring))
        painter.setBrush(QColor(p.surface_alt))
        painter.drawEllipse(QRectF(ring / 2, ring / 2, d - ring, d - ring))
        size = int(d * 0.56)
        theme.icon("tutor", p.accent, size).paint(painter, (d - size) // 2, (d - size) // 2, size, size)
        painter.end()


class GoalRing(QWidget):
    """Today's goal: minutes spoken as a ring, the figures in the middle."""

    def __init__(self, diameter: int = 112, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diameter = diameter
        self.done, self.goal = 0.0, 10
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Today's goal"))
        theme.signals().changed.connect(self.repaint_theme)

    def repaint_theme(self, _palette=None) -> None:
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        metrics = QFontMetrics(self.font())
        side = max(self.diameter, metrics.horizontalAdvance("000 / 000") + 3 * theme.GRID)
        return QSize(side, side)

    minimumSizeHint = sizeHint

    def set_progress(self, minutes: float, goal: int) -> None:
        self.done, self.goal = minutes, max(1, goal)
        self.setAccessibleDescription(tr("{done} of {goal} minutes").format(
            done=f"{minutes:.0f}", goal=self.goal))
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        p = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 12
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.setPen(_round_pen(QColor(p.surface_alt), 10))
        painter.drawEllipse(rect)
        share = min(1.0, self.done / self.goal)
        if share > 0:
            painter.setPen(_round_pen(QColor(p.listening if share >= 1 else p.accent), 10))
            painter.drawArc(rect, 90 * 16, -int(360 * 16 * share))
        painter.setPen(QColor(p.text))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        painter.setFont(font)
        top = QRectF(rect.x(), rect.y(), rect.width(), rect.height() * 0.58)
        painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         f"{self.done:.1f}" if 0 < self.done < 10 else f"{self.done:.0f}")
        font.setPointSizeF(self.font().pointSizeF() * 0.9)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor(p.muted))
        bottom = QRectF(rect.x(), rect.y() + rect.height() * 0.58, rect.width(), rect.height() * 0.3)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         tr("of {goal} min").format(goal=self.goal))
        painter.end()


