"""Guards against known faults of the Qt binding that would crash Footprint."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int)


def test_emitting_a_signal_keeps_the_reference_count_of_true() -> None:
    """PySide6 6.12.0 returned True from emit() without a reference of its own: each emit
    drops one, and the interpreter aborts once True's count reaches zero."""
    emitter = _Emitter()
    received: list[int] = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True)
    for value in range(100):
        emitter.changed.emit(value)
    assert received == list(range(100))
    assert sys.getrefcount(True) - before > -50
