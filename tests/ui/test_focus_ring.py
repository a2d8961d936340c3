"""The focus ring draws an outline without moving anything: the first click on a checkbox
ticks it, and a focused button keeps its size (issue 26, point 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from app.ui import theme
from tests.conftest import WAIT_MS
from tests.ui.test_accessibility import light_palette


@pytest.fixture
def themed(qtbot) -> QWidget:
    """A window styled as the app styles every window."""
    window = QWidget()
    window.setStyleSheet(theme.focus_style_sheet(light_palette()))
    QVBoxLayout(window)
    qtbot.addWidget(window)
    return window


def indicator_centre(box: QCheckBox):
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).center()


def test_one_click_on_a_checkbox_square_ticks_it(qtbot, themed) -> None:
    layout = themed.layout()
    box = QCheckBox("Include my notes")
    layout.addWidget(QPushButton("Something else"))
    layout.addWidget(box)
    themed.show()
    themed.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is themed, timeout=WAIT_MS)
    assert not box.hasFocus()

    square = indicator_centre(box)
    qtbot.mousePress(box, Qt.MouseButton.LeftButton, pos=square)
    assert box.hasFocus()
    assert indicator_centre(box) == square  # the press focused it: the square did not move
    qtbot.mouseRelease(box, Qt.MouseButton.LeftButton, pos=square)

    assert box.isChecked()


def test_focus_changes_neither_a_button_s_size_nor_its_checkbox_s_place(qtbot, themed) -> None:
    layout = themed.layout()
    button = QPushButton("Start your first audit")
    box = QCheckBox("Include my notes")
    layout.addWidget(button)
    layout.addWidget(box)
    themed.show()
    qtbot.waitExposed(themed)
    before = (button.sizeHint(), indicator_centre(box))
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    button_hint = button.sizeHint()
    box_centre = indicator_centre(box)
    box.clearFocus()
    assert (button_hint, box_centre) == before
