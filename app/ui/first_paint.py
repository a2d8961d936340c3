"""Work the window does not need in order to be seen, done once it has been painted.

A timer of 0 ms is not enough: the first event-loop pass runs such timers before the window's
first paint. Waiting for the paint puts the window on screen first. A window that will not
paint soon (started minimised, or never exposed) gets the work at the first pass instead,
and a paint that does not come within FALLBACK_MS does not hold the work back for ever.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, work: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._work: Callable[[], None] | None = work
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """On the window's first paint, run the work once that paint is done."""
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            self._window.removeEventFilter(self)
            work()


def after_first_paint(window: QWidget, work: Callable[[], None]) -> None:
    """Run `work` once `window` has been painted (see the module's docstring)."""
    if window.isVisible() and not window.isMinimized():
        _AfterFirstPaint(window, work)
    else:
        QTimer.singleShot(0, window, work)
