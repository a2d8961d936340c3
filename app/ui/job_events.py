"""Typed signals for the events of a stranger's look, one signal per kind.

The stranger's browser sends plain frozen dataclasses; a job given `LookEvents` emits each on
the signal of its kind, so a window connects `look_finished` to what it does with a
`LookFinished` instead of sorting `object`s by type. The watch's signed-in re-reads send theirs
on `RereadEvents`. (A settings read's are `ReadEvents`, in app/ui/reading_widgets.py, loaded
only with its dialog.)
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal

from app.footprint.look_values import LookFinished, LookStarted, RereadFinished
from app.ui.jobs import JobEvents


class LookEvents(JobEvents):
    """A stranger's look's events (the stranger's view and the watch), one signal each."""

    look_started = Signal(LookStarted)
    look_finished = Signal(LookFinished)

    KINDS: ClassVar[dict[type, str]] = {
        LookStarted: "look_started",
        LookFinished: "look_finished",
    }


class RereadEvents(JobEvents):
    """The watch's signed-in re-reads' one event: a platform finished (kept on the UI thread)."""

    reread_finished = Signal(RereadFinished)

    KINDS: ClassVar[dict[type, str]] = {RereadFinished: "reread_finished"}
