"""A row of buttons that folds into several rows when the window is too narrow for one.

At 960×540 (or 200 % on a small laptop) a row of large buttons was wider than the window and
the whole page scrolled sideways, pushing buttons out of sight. A `ReflowRow` shows its groups
side by side when they fit and one group a line when they don't, so its narrowest width is
its widest group's, never the sum of all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget


class ReflowRow(QWidget):
    """Groups of widgets in one line when they fit the width given, else one group a line.

    `stretch_before`: the index of the group that starts the right-hand side in one line
    (the number of groups: everything keeps left; None: no gap, the widgets share the width,
    as the answer buttons do). Folded, each line keeps its widgets to its side.
    """

    def __init__(
        self,
        groups: Sequence[Sequence[QWidget]],
        *,
        stretch_before: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._groups = [list(group) for group in groups]
        self._stretch_before = stretch_before
        self._one_line: bool | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        for group in self._groups:
            for widget in group:
                widget.setParent(self)
        self._arrange(one_line=True)

    @property
    def is_one_line(self) -> bool:
        """Whether the groups are side by side (False: folded, one group a line)."""
        return bool(self._one_line)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest group: the row can always fold to that."""
        spacing = max(self._column.spacing(), 0)
        widest = max((self._width_of(group, spacing) for group in self._groups), default=0)
        return QSize(widest, self._column.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fold or unfold for the width now given."""
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        """A child shown, hidden or renamed changes the widths: fit again."""
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().event(event)

    def _fit(self) -> None:
        spacing = max(self._column.spacing(), 0)
        every = [widget for group in self._groups for widget in group]
        self._arrange(one_line=self.width() >= self._width_of(every, spacing, hint=True))

    @staticmethod
    def _width_of(widgets: Sequence[QWidget], spacing: int, *, hint: bool = False) -> int:
        shown = [w for w in widgets if not w.isHidden()]
        sizes = [(w.sizeHint() if hint else w.minimumSizeHint()).width() for w in shown]
        return sum(sizes) + spacing * max(len(shown) - 1, 0)

    def _arrange(self, *, one_line: bool) -> None:
        if self._one_line is one_line:
            return
        self._one_line = one_line
        _empty(self._column)
        lines = [[w for group in self._groups for w in group]] if one_line else self._groups
        for index, line_widgets in enumerate(lines):
            line = QHBoxLayout()
            for widget in line_widgets:
                if one_line and self._starts_right_side(widget):
                    line.addStretch(1)
                line.addWidget(widget)
            if self._stretch_before is not None and not one_line:
                self._end_folded_line(line, index)
            elif one_line and self._stretch_before == len(self._groups):
                line.addStretch(1)  # everything keeps left
            self._column.addLayout(line)
        self.updateGeometry()

    def _starts_right_side(self, widget: QWidget) -> bool:
        index = self._stretch_before
        return (
            index is not None and index < len(self._groups) and self._groups[index][:1] == [widget]
        )

    def _end_folded_line(self, line: QBoxLayout, index: int) -> None:
        """Folded: the left-hand groups keep left and the right-hand ones keep right."""
        assert self._stretch_before is not None
        if index >= self._stretch_before:
            line.insertStretch(0, 1)
        else:
            line.addStretch(1)


def _empty(layout: QLayout) -> None:
    """Take every line out of `layout`, leaving the widgets to be laid out again."""
    while (item := layout.takeAt(0)) is not None:
        inner = item.layout()
        if inner is not None:
            while inner.takeAt(0) is not None:
                pass
            inner.setParent(None)
            inner.deleteLater()
