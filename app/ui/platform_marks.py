"""A small mark per platform, drawn by Footprint: its initials in a rounded square.

These marks are Footprint's own work (MIT, like the code) and deliberately not the platforms'
logos: a trademark is not ours to ship, and a look-alike would suggest an endorsement there is
none of. The colours come from our own palette; white initials on each are 4.5:1 or more
(tests/ui/test_type_and_marks.py checks it).
"""

from __future__ import annotations

import zlib
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

# Deep tones of Footprint's palette; white text on every one is over 4.5:1. No red: red
# means "needs fixing" everywhere else in the app.
MARK_COLOURS = ("#1d5fa8", "#1b6e20", "#7a3e9d", "#37474f", "#00606b", "#5b4a00", "#4a4a4a",
                "#8a3b00")  # fmt: skip
MARK_TEXT = "#ffffff"
_SIDE = 64  # drawn large once; Qt scales the icon down for each place it is shown


def initials(name: str) -> str:
    """One or two letters for a platform: the first of two words, else the name's first two.

    A bracketed aside is left out: "X (Twitter)" is marked "X".
    """
    words = name.split("(")[0].split() or [name]
    if len(words) > 1:
        return (words[0][0] + words[1][0]).upper()
    return words[0][:1].upper() + words[0][1:2].lower()


def mark_colour(platform_id: str) -> QColor:
    """The mark's background, fixed by the platform's id so it never changes between runs."""
    return QColor(MARK_COLOURS[zlib.crc32(platform_id.encode()) % len(MARK_COLOURS)])


@cache
def platform_mark(platform_id: str, name: str) -> QIcon:
    """The platform's mark as an icon (cached: it is drawn once a run)."""
    pixmap = QPixmap(_SIDE, _SIDE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(mark_colour(platform_id))
    painter.drawRoundedRect(QRectF(0, 0, _SIDE, _SIDE), 14, 14)
    letters = initials(name)
    font = QFont()
    font.setPixelSize(30 if len(letters) > 1 else 38)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(MARK_TEXT))
    painter.drawText(QRectF(0, 0, _SIDE, _SIDE), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return QIcon(pixmap)
