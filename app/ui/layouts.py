"""Small building blocks the windows share: a row of widgets, a label for plain text, a
scrolling area, rows tall enough to hit."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)


class _Stretch:
    """A marker for `widget_row`: stretchable space at this place in the row."""


STRETCH: Final = _Stretch()


def widget_row(*parts: QWidget | _Stretch) -> QHBoxLayout:
    """A horizontal row of `parts` in order; `STRETCH` puts stretchable space where it
    stands (at the end: the widgets keep left, at the start: they keep right)."""
    layout = QHBoxLayout()
    for part in parts:
        if isinstance(part, _Stretch):
            layout.addStretch(1)
        else:
            layout.addWidget(part)
    return layout


def plain_label(text: str = "", *, name: str = "", selectable: bool = False) -> QLabel:
    """A word-wrapped label that shows `text` as plain text, never as markup (it may quote
    a file, a page or what the worker typed); `selectable` lets it be copied with the mouse."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def scroll_area(content: QWidget, *, framed: bool = True) -> QScrollArea:
    """`content` in a scroll area that resizes it to the width available, so a window still
    fits a small or magnified screen; `framed` off draws no border around it."""
    scroll = QScrollArea()
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    # Not a Tab stop of its own: it was an unnamed one. Tabbing into its content still
    # scrolls the focused control into view (QScrollArea follows focus).
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if not framed:
        scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


class CurrentPageStack(QStackedWidget):
    """A stack of pages as big as the page shown, not as the biggest page.

    Qt sizes a stack by all its pages, hidden ones too; in a scroll area that made the
    summary scroll at 1366×768 because the overview behind it was taller.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.updateGeometry)  # the scroll area asks again

    def sizeHint(self) -> QSize:
        """The shown page's."""
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        """The shown page's."""
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:
        """The shown page's."""
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else super().heightForWidth(width)


TARGET_SIZE: Final = 24  # pixels: the smallest a row one clicks may be (WCAG 2.2, 2.5.8)


class _RoomyRows(QStyledItemDelegate):
    """Rows at least TARGET_SIZE pixels tall, however small the font."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The usual size, but never shorter than TARGET_SIZE."""
        size = super().sizeHint(option, index)
        return size.expandedTo(QSize(0, TARGET_SIZE))


def roomy_rows(view: QAbstractItemView) -> None:
    """Make every row of `view` (a list or a table) a target of 24 px or more, so a row or
    its tick box is easy to hit (the tick boxes of neighbouring rows are 24 px apart)."""
    view.setItemDelegate(_RoomyRows(view))
    if isinstance(view, QTableView):
        header = view.verticalHeader()
        header.setMinimumSectionSize(TARGET_SIZE)
        header.setDefaultSectionSize(max(header.defaultSectionSize(), TARGET_SIZE))
