"""One visual system (issue 26, point 4): one type scale, and platform marks of our own."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QIcon

from app.ui.platform_marks import MARK_COLOURS, MARK_TEXT, initials, platform_mark
from app.ui.theme import TEXT_CONTRAST, contrast
from app.ui.typography import TextSize, points

SIZES = [(1366, 768 - 40 - 30), (960, 540 - 30)]


def heading_points(html: str) -> float:
    """The size the scale wrote into a rich-text heading."""
    found = re.search(r"<h[23] style=\"font-size: ([0-9.]+)pt;\">", html)
    assert found, html
    return float(found.group(1))


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "960x540"])
def test_card_and_overview_body_is_13_pt_or_more_and_headings_are_larger(
    qtbot, every_platform, make_window, size, app_style_sheet
) -> None:
    window = make_window(every_platform)
    window.resize(*size)
    overview = window.dashboard
    for widget in (overview.table, overview.summary, overview.to_do, overview.banner):
        assert widget.font().pointSizeF() >= 13, widget.objectName()
    assert heading_points(overview.heading.text()) > overview.summary.font().pointSizeF()
    window.start_or_resume_audit()
    page = window.audit_page
    qtbot.waitUntil(lambda: page.question.text() != "")
    for widget in (page.question, page.content, page.safe_chip, page.note, page.strip,
                   page.end_card.advice, *page.answer_buttons.values()):  # fmt: skip
        assert widget.font().pointSizeF() >= 13, widget.objectName()
    body = page.content.font().pointSizeF()
    assert heading_points(page.question.text()) > body


def test_the_scale_never_goes_below_the_system_default() -> None:
    sizes = [points(size) for size in TextSize]
    assert sizes == sorted(sizes, reverse=True)
    assert points(TextSize.BODY) >= 13
    assert points(TextSize.SMALL_PRINT) >= points(TextSize.BODY) * 0.85 - 0.1


def _png(icon: QIcon) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    icon.pixmap(32, 32).save(buffer, "PNG")
    return bytes(buffer.data().data())


def test_every_shipped_platform_has_a_mark_of_its_own(qtbot, footprint) -> None:
    platforms = [footprint.catalogue.platform(pid) for pid in footprint.catalogue.ids]
    assert len(platforms) > 10
    images = {}
    for platform in platforms:
        icon = platform_mark(platform.id, platform.name)
        assert not icon.isNull(), platform.id
        images[platform.id] = _png(icon)
    assert len(set(images.values())) == len(images)  # no two platforms' marks alike
    assert platform_mark("x", "X") is platform_mark("x", "X")  # drawn once, then cached


def test_mark_initials_are_readable_on_every_mark_colour() -> None:
    for colour in MARK_COLOURS:
        assert contrast(QColor(colour), QColor(MARK_TEXT)) >= TEXT_CONTRAST, colour


def test_the_overview_shows_each_platforms_mark_beside_its_name(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    model = window.dashboard.model
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        icon = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DecorationRole) is None


def test_initials_leave_out_a_bracketed_aside() -> None:
    assert [initials(n) for n in ("X (Twitter)", "General checks", "iPhone")] == ["X", "GC", "Ip"]
