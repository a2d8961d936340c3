"""A stack's hidden pages claim no focus for screen readers.

Qt's accessible cells of tables and lists report FOCUSED for their view's current index whether
or not the view is shown (QAccessibleTableCell::state asks only the selection model). After the
main window switched from the overview to the audit, the overview's current cell still said
"focused", and Orca once read the hidden overview table while the audit page showed (issue 31).

So while a page is hidden, its views' current index is put aside, without signals (the page
must not react as if the worker had moved), and given back when the page shows again. A page
that picks a new current row while hidden (a refresh) has it put aside as well.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QStackedWidget, QWidget


class HiddenPageStates(QObject):
    """Keeps the current index of the views on `stack`'s hidden pages out of sight."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__(stack)
        self._stack = stack
        self._shown: QWidget | None = stack.currentWidget()
        self._kept: dict[QAbstractItemView, QPersistentModelIndex] = {}
        self._watched: list[tuple[QItemSelectionModel, Callable[..., None]]] = []
        stack.currentChanged.connect(self._switched)

    def _switched(self, _index: int) -> None:
        self._shown = self._stack.currentWidget()
        self._stop_watching()
        for page in self._pages():
            if page is not self._shown:
                self._put_aside(page)
        if self._shown is not None:
            self._give_back(self._shown)

    def _pages(self) -> list[QWidget]:
        return [page for n in range(self._stack.count()) if (page := self._stack.widget(n))]

    def _put_aside(self, page: QWidget) -> None:
        for view in page.findChildren(QAbstractItemView):
            selection = view.selectionModel()
            if selection is None:
                continue
            self._clear(view, selection)

            def watcher(
                _new: object,
                _old: object,
                v: QAbstractItemView = view,
                s: QItemSelectionModel = selection,
            ) -> None:
                self._clear(v, s)

            selection.currentChanged.connect(watcher)
            self._watched.append((selection, watcher))

    def _clear(self, view: QAbstractItemView, selection: QItemSelectionModel) -> None:
        current = selection.currentIndex()
        if not current.isValid():
            return
        self._kept[view] = QPersistentModelIndex(current)
        blocked = selection.blockSignals(True)
        selection.clearCurrentIndex()
        selection.blockSignals(blocked)

    def _give_back(self, page: QWidget) -> None:
        for view in page.findChildren(QAbstractItemView):
            kept = self._kept.pop(view, None)
            selection = view.selectionModel()
            if kept is None or not kept.isValid() or selection is None:
                continue
            if not selection.currentIndex().isValid():
                blocked = selection.blockSignals(True)
                selection.setCurrentIndex(kept, QItemSelectionModel.SelectionFlag.NoUpdate)
                selection.blockSignals(blocked)

    def _stop_watching(self) -> None:
        for selection, watcher in self._watched:
            try:
                selection.currentChanged.disconnect(watcher)
            except (RuntimeError, TypeError):  # the view got a new model, and this one is gone
                pass
        self._watched.clear()
