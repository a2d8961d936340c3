"""Colours that stay readable in light and dark system themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.audit.scoring import PlatformState

_LIGHT = {"bad": "#b3261e", "warn": "#8a5a00", "good": "#1b6e20"}
_DARK = {"bad": "#ff8a80", "warn": "#ffd54f", "good": "#81c784"}
_STATE_TONE = {
    PlatformState.NEEDS_ACTION: "bad",
    PlatformState.UNSURE: "warn",
    PlatformState.SAFE: "good",
}


def is_dark() -> bool:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone(name: str) -> QColor:
    return QColor((_DARK if is_dark() else _LIGHT)[name])


def state_colour(state: PlatformState) -> QColor | None:
    name = _STATE_TONE.get(state)
    return tone(name) if name else None
