"""Footprint's type scale: the one place that says how big each kind of text is.

Every size is scaled from the desktop's own default font (its family is kept), so a worker who
has made their system text larger keeps it larger: body text is 13 pt or the system's size,
whichever is bigger, and nothing is ever drawn smaller than the system's default.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QWidget

BODY_MINIMUM_POINTS = 13.0  # reading text on a laptop at arm's length (issue 26, point 4)


class TextSize(Enum):
    """The kinds of text, each with its size relative to body text."""

    PAGE_TITLE = 1.5
    SECTION_HEADING = 1.2
    BODY = 1.0
    SMALL_PRINT = 0.85


def system_points() -> float:
    """The desktop's default font size in points (9 where the platform says nothing)."""
    size = QGuiApplication.font().pointSizeF()
    return size if size > 0 else 9.0


def points(size: TextSize) -> float:
    """The point size of one kind of text, never below the system's default."""
    system = system_points()
    body = max(system, BODY_MINIMUM_POINTS)
    return round(max(system, body * size.value), 1)


def font(size: TextSize, *, bold: bool = False) -> QFont:
    """The desktop's font at one of the scale's sizes."""
    chosen = QFont(QGuiApplication.font())
    chosen.setPointSizeF(points(size))
    chosen.setBold(bold)
    return chosen


def use_body_text(widget: QWidget) -> None:
    """Give a page and everything on it the body size.

    A font set on the page alone is lost under the application's style sheet (the focus
    ring's): Qt re-polishes each styled child with the default font. A rule on the page's own
    style sheet cascades to every child instead; the page must have no other style sheet.
    """
    widget.setFont(font(TextSize.BODY))
    widget.setStyleSheet(f"* {{ {style_points(TextSize.BODY)}; }}")


def heading_html(text_html: str, size: TextSize = TextSize.PAGE_TITLE) -> str:
    """A heading for rich-text labels at the scale's size; `text_html` is already escaped."""
    tag = "h2" if size is TextSize.PAGE_TITLE else "h3"
    return f'<{tag} style="font-size: {points(size)}pt;">{text_html}</{tag}>'


def small_html(text_html: str) -> str:
    """Small print for rich-text labels at the scale's size; `text_html` is already escaped."""
    return f'<span style="font-size: {points(TextSize.SMALL_PRINT)}pt;">{text_html}</span>'


def style_points(size: TextSize) -> str:
    """The size for a style sheet rule, e.g. ``font-size: 13.0pt``."""
    return f"font-size: {points(size)}pt"
