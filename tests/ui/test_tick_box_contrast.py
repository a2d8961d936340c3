"""Tick-box edges at 3:1 or more against what surrounds them, in a light and a dark palette
(WCAG 1.4.11; issue 31 measured Fusion's at 1.9:1 light and 1.75:1 dark).

The edge is read back from pixels the style painted, and the ratio computed with the theme's
WCAG formula against the window (outside the box) and the base colour (inside it).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionButton, QStyleOptionViewItem

from app.ui.theme import accessible_palette, contrast, edge_colour
from app.ui.tick_box_style import TickBoxEdgeStyle

BOX = QRect(4, 4, 16, 16)
GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11: user-interface components against what is next to them


def light_palette() -> QPalette:
    return accessible_palette(QStyleFactory.create("Fusion").standardPalette())


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#353535"),
        (QPalette.ColorRole.Base, "#2a2a2a"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.WindowText, "#f0f0f0"),
        (QPalette.ColorRole.Text, "#f0f0f0"),
        (QPalette.ColorRole.ButtonText, "#f0f0f0"),
    ):
        palette.setColor(role, QColor(colour))
    return accessible_palette(palette)


def painted_edge(style: QStyle, element: QStyle.PrimitiveElement, palette: QPalette) -> QColor:
    """The colour of the left edge of a tick box the style paints on the window colour."""
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Window))
    option = (
        QStyleOptionViewItem()
        if element is QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck
        else QStyleOptionButton()
    )
    option.rect = BOX
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    painter = QPainter(image)
    style.drawPrimitive(element, option, painter)
    painter.end()
    return image.pixelColor(BOX.left(), BOX.center().y())


@pytest.mark.parametrize("palette_of", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize(
    "element",
    [
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    ],
    ids=["check box", "list tick box"],
)
def test_a_tick_box_edge_stands_out_3_to_1_from_window_and_base(palette_of, element) -> None:
    palette = palette_of()
    style = TickBoxEdgeStyle("Fusion", edge_colour)
    edge = painted_edge(style, element, palette)
    assert edge == edge_colour(palette)
    for around in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert contrast(edge, palette.color(around)) >= GRAPHIC_CONTRAST, around


@pytest.mark.parametrize("palette_of", [light_palette, dark_palette], ids=["light", "dark"])
def test_fusion_alone_draws_a_faint_edge_which_is_why_the_proxy_exists(palette_of) -> None:
    palette = palette_of()
    fusion = QStyleFactory.create("Fusion")
    edge = painted_edge(fusion, QStyle.PrimitiveElement.PE_IndicatorCheckBox, palette)
    assert contrast(edge, palette.color(QPalette.ColorRole.Window)) < GRAPHIC_CONTRAST


def test_the_tick_is_still_drawn_inside_the_new_edge(qapp) -> None:  # noqa: ARG001
    palette = light_palette()
    style = TickBoxEdgeStyle("Fusion", edge_colour)
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    option = QStyleOptionButton()
    option.rect, option.palette = BOX, palette
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_On
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option, painter)
    painter.end()
    inside = [image.pixelColor(x, y) for x in range(7, 18) for y in range(7, 18)]
    assert any(colour.lightness() < 128 for colour in inside)  # the tick mark
