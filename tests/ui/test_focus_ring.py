"""The focus ring draws an outline without moving anything: the first click on a checkbox
ticks it, and a focused button keeps its size (issue 26, point 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.audit.answers import AnswerStatus
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


def has_colour(image, colour: str, rows: range, columns: range) -> bool:
    wanted = QColor(colour).rgb()
    return any(image.pixel(x, y) == wanted for y in rows for x in columns)


def test_a_chosen_answer_looks_different_when_focused(qtbot, themed) -> None:
    """The fill of a chosen answer hid the ring (issue 31, point 7): focus pulls the fill in,
    leaving the window's colour between the ring and the fill."""
    layout = themed.layout()
    chosen = []
    for _ in range(2):
        button = QPushButton("✓ Safe — chosen")
        button.setCheckable(True)
        button.setChecked(True)
        button.setStyleSheet(theme.answer_style(AnswerStatus.SAFE, dark=False))
        button.setMinimumHeight(40)
        layout.addWidget(button)
        chosen.append(button)
    themed.show()
    qtbot.waitExposed(themed)
    unfocused, focused = chosen
    focused.setFocus()
    qtbot.waitUntil(focused.hasFocus)
    fill, ring = theme.tones(False)["good"], theme.tones(False)["focus"]
    middle = range(focused.height() // 2 - 2, focused.height() // 2 + 3)
    near_edge = range(2, 6)  # just inside the border, left side
    assert has_colour(unfocused.grab().toImage(), fill, middle, near_edge)
    image = focused.grab().toImage()
    assert has_colour(image, ring, middle, range(0, 3))
    assert not has_colour(image, fill, middle, near_edge)
    assert focused.size() == unfocused.size()


def test_the_focused_tab_bar_rings_its_current_tab(qtbot, themed) -> None:
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Share safe over time")
    tabs.addTab(QWidget(), "Changes")
    themed.layout().addWidget(tabs)
    themed.show()
    qtbot.waitExposed(themed)
    bar = tabs.tabBar()
    ring = theme.tones(False)["focus"]
    current = bar.tabRect(0)
    rows, columns = range(current.top(), current.bottom()), range(current.left(), current.right())
    assert not has_colour(bar.grab().toImage(), ring, rows, columns)
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    assert has_colour(bar.grab().toImage(), ring, rows, columns)
