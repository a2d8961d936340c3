"""A line chart of the share of safe items per platform over time, drawn with QPainter."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.formatting import short_date

Series = dict[str, list[tuple[datetime, float]]]
LINE_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
                "#e377c2", "#7f7f7f", "#bcbd22")  # fmt: skip
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 150, 12, 28


class SafeShareChart(QWidget):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: Series = {}
        self._highlight: str | None = None
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Chart: share of safe items per platform over time")

    def sizeHint(self) -> QSize:
        return QSize(700, 220)

    def set_series(self, series: Series, highlight: str | None = None) -> None:
        self._series = {name: points for name, points in series.items() if points}
        self._highlight = highlight
        self.setAccessibleDescription(self._describe())
        self.update()

    def _describe(self) -> str:
        parts = []
        for name, points in self._series.items():
            when, share = points[-1]
            parts.append(f"{name}: {share:.0%} safe on {short_date(when)}")
        return "; ".join(parts) or "No completed audits yet."

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = QRectF(self.rect()).adjusted(MARGIN_LEFT, MARGIN_TOP, -MARGIN_RIGHT, -MARGIN_BOTTOM)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        self._draw_axes(painter, plot, text_colour)
        if not self._series:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No completed audits yet")
            return
        start, end = self._time_range()
        for index, (name, points) in enumerate(self._series.items()):
            self._draw_line(painter, plot, index, name, points, start, end)
        painter.setPen(text_colour)
        painter.drawText(QPointF(plot.left(), plot.bottom() + 18), short_date(start))
        painter.drawText(QPointF(plot.right() - 70, plot.bottom() + 18), short_date(end))

    def _time_range(self) -> tuple[datetime, datetime]:
        moments = [when for points in self._series.values() for when, _ in points]
        return min(moments), max(moments)

    def _draw_axes(self, painter: QPainter, plot: QRectF, colour: QColor) -> None:
        painter.setPen(QPen(colour, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for share in (0.0, 0.5, 1.0):
            y = plot.bottom() - share * plot.height()
            painter.drawText(QPointF(4, y + 4), f"{share:.0%}")

    def _draw_line(
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
        colour = QColor(LINE_COLOURS[index % len(LINE_COLOURS)])
        width = 3 if name == self._highlight else 1.5
        painter.setPen(QPen(colour, width))
        scaled = [
            QPointF(plot.left() + (when - start).total_seconds() / span * plot.width(),
                    plot.bottom() - share * plot.height())
            for when, share in points
        ]  # fmt: skip
        for a, b in zip(scaled, scaled[1:], strict=False):
            painter.drawLine(a, b)
        for point in scaled:
            painter.drawEllipse(point, 2.5, 2.5)
        legend_y = plot.top() + 14 * index + 10
        painter.drawLine(
            QPointF(plot.right() + 10, legend_y - 4), QPointF(plot.right() + 26, legend_y - 4)
        )
        painter.drawText(QPointF(plot.right() + 30, legend_y), name)
