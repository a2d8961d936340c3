"""Tick boxes whose edge can be seen: 3:1 or more against the window (WCAG 1.4.11).

Fusion draws a tick box's edge from the window colour made 40 % darker and then 10 % lighter:
1.9:1 on a light window, 1.75:1 on a dark one. A style sheet could set the edge, but a styled
indicator loses its tick mark unless images are supplied for every state; so this proxy lets
the desktop's style draw the box and its tick, then draws the edge again in the theme's "edge"
grey. Check boxes and the tick boxes of lists and tables (the platform list) alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

TICK_BOXES = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


class TickBoxEdgeStyle(QProxyStyle):
    """A copy of the style named `base`, with tick-box edges drawn in `edge(palette)`: the
    colour follows the palette the box is drawn with, light or dark."""

    def __init__(self, base: str, edge: Callable[[QPalette], QColor]) -> None:
        # A new instance of the style: QProxyStyle takes ownership of its base, and the
        # application deletes its old style when given this one.
        super().__init__(QStyleFactory.create(base))
        self.edge = edge

    def drawPrimitive(  # noqa: N802 - Qt's name
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw as the base style does; for a tick box, then its edge in the edge colour."""
        super().drawPrimitive(element, option, painter, widget)
        if element not in TICK_BOXES:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(self.edge(option.palette), 1))
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.drawRect(QRectF(option.rect).adjusted(0, 0, -1, -1))
        painter.restore()
