"""A line chart of the share of safe settings per platform over time, drawn with QPainter.

Series are told apart by colour, marker shape and line pattern, so no one needs to see colour
to read it; legend text is in the window's text colour. The same data is offered as a table
(`chart_rows`) for anyone who prefers one, a screen reader included.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.formatting import short_date
from app.ui.theme import is_dark

Series = dict[str, list[tuple[datetime, float]]]
# At least 3:1 against a white background (light) or #2b2b2b (dark); see tests/ui/test_contrast.
LIGHT_LINES = ("#1f5f99", "#b3261e", "#1b6e20", "#6a3d9a", "#8a4b00", "#00666e", "#6d4c41",
               "#a0226b", "#4d4d4d")  # fmt: skip
DARK_LINES = ("#7fb8ff", "#ff8a80", "#81c784", "#ce93d8", "#ffb74d", "#4dd0e1", "#bcaaa4",
              "#f48fb1", "#e0e0e0")  # fmt: skip
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "plus", "circle", "square",
           "triangle")  # fmt: skip
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
          Qt.PenStyle.DashDotLine)  # fmt: skip
MIN_SPAN = timedelta(days=30)  # two checks a minute apart are not spread across the chart
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 170, 12, 28


class SafeShareChart(QWidget):
    """The chart; `chart_rows` gives its data as rows for the table beside it."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: Series = {}
        self._highlight: str | None = None
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Chart: share of safe settings per platform over time")

    def sizeHint(self) -> QSize:
        """Wide enough for the legend and a readable plot."""
        return QSize(700, 220)

    def set_series(self, series: Series, highlight: str | None = None) -> None:
        """Show `series` (platform name: dated safe shares), `highlight` drawn stronger."""
        self._series = {name: points for name, points in series.items() if points}
        self._highlight = highlight
        self.setAccessibleDescription(self._describe())
        self.update()

    def chart_rows(self) -> list[tuple[str, str, str]]:
        """(platform, date, share safe) for every point, newest first per platform."""
        return [
            (name, short_date(when), f"{share:.0%}")
            for name, points in self._series.items()
            for when, share in reversed(points)
        ]

    def _describe(self) -> str:
        parts = []
        for name, points in self._series.items():
            when, share = points[-1]
            parts.append(f"{name}: {share:.0%} safe on {short_date(when)}")
        return "; ".join(parts) or "No finished checks yet."

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the axes, each platform's line and the legend."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = QRectF(self.rect()).adjusted(MARGIN_LEFT, MARGIN_TOP, -MARGIN_RIGHT, -MARGIN_BOTTOM)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        self._draw_axes(painter, plot, text_colour)
        if not self._series:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No finished checks yet")
            return
        start, end = self._time_range()
        for index, (name, points) in enumerate(self._series.items()):
            self._draw_series(painter, plot, index, name, points, start, end)
            self._draw_legend(painter, plot, index, name, text_colour)
        painter.setPen(text_colour)
        painter.drawText(QPointF(plot.left(), plot.bottom() + 18), short_date(start))
        painter.drawText(QPointF(plot.right() - 70, plot.bottom() + 18), short_date(end))

    def _time_range(self) -> tuple[datetime, datetime]:
        moments = [when for points in self._series.values() for when, _ in points]
        start, end = min(moments), max(moments)
        return min(start, end - MIN_SPAN), end

    def _draw_axes(self, painter: QPainter, plot: QRectF, colour: QColor) -> None:
        painter.setPen(QPen(colour, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for share in (0.0, 0.5, 1.0):
            y = plot.bottom() - share * plot.height()
            painter.drawText(QPointF(4, y + 4), f"{share:.0%}")

    def _pen(self, index: int, name: str) -> QPen:
        lines = DARK_LINES if is_dark() else LIGHT_LINES
        pen = QPen(QColor(lines[index % len(lines)]), 3 if name == self._highlight else 2)
        pen.setStyle(DASHES[index % len(DASHES)])
        return pen

    def _draw_series(
        self,
        painter: QPainter,
        plot: QRectF,
        index: int,
        name: str,
        points: list[tuple[datetime, float]],
        start: datetime,
        end: datetime,
    ) -> None:
        span = max((end - start).total_seconds(), 1.0)
        pen = self._pen(index, name)
        painter.setPen(pen)
        scaled = [
            QPointF(plot.left() + (when - start).total_seconds() / span * plot.width(),
                    plot.bottom() - share * plot.height())
            for when, share in points
        ]  # fmt: skip
        for a, b in zip(scaled, scaled[1:], strict=False):
            painter.drawLine(a, b)
        for point in scaled:
            _marker(painter, point, MARKERS[index % len(MARKERS)], pen.color())

    def _draw_legend(
        self, painter: QPainter, plot: QRectF, index: int, name: str, text: QColor
    ) -> None:
        y = plot.top() + 16 * index + 10
        pen = self._pen(index, name)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.right() + 10, y - 4), QPointF(plot.right() + 34, y - 4))
        _marker(
            painter, QPointF(plot.right() + 22, y - 4), MARKERS[index % len(MARKERS)], pen.color()
        )
        painter.setPen(text)  # the names in the text colour: readable whatever the line's
        painter.drawText(QPointF(plot.right() + 40, y), name)


def _marker(painter: QPainter, at: QPointF, shape: str, colour: QColor) -> None:
    """A filled marker of the series' own shape."""
    painter.save()
    painter.setPen(QPen(colour, 1.5))
    painter.setBrush(colour)
    size = 4.0
    if shape == "circle":
        painter.drawEllipse(at, size, size)
    elif shape == "square":
        painter.drawRect(QRectF(at.x() - size, at.y() - size, 2 * size, 2 * size))
    elif shape in ("triangle", "diamond"):
        path = QPainterPath()
        corners = (
            [(0, -size - 1), (size + 1, size), (-size - 1, size)]
            if shape == "triangle"
            else [(0, -size - 1), (size + 1, 0), (0, size + 1), (-size - 1, 0)]
        )
        path.moveTo(at.x() + corners[0][0], at.y() + corners[0][1])
        for dx, dy in corners[1:]:
            path.lineTo(at.x() + dx, at.y() + dy)
        path.closeSubpath()
        painter.drawPath(path)
    else:  # cross or plus, drawn as lines
        painter.setPen(QPen(colour, 2.5))
        if shape == "cross":
            painter.drawLine(
                QPointF(at.x() - size, at.y() - size), QPointF(at.x() + size, at.y() + size)
            )
            painter.drawLine(
                QPointF(at.x() - size, at.y() + size), QPointF(at.x() + size, at.y() - size)
            )
        else:
            painter.drawLine(QPointF(at.x() - size, at.y()), QPointF(at.x() + size, at.y()))
            painter.drawLine(QPointF(at.x(), at.y() - size), QPointF(at.x(), at.y() + size))
    painter.restore()
