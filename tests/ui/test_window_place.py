"""The main window stays on a small screen, by its frame, after any number of restarts
(issue 26, point 5)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings

from app.ui import screen
from app.ui.main_window import FRAME_KEY
from app.ui.screen import clamp_rect

SMALL = QRect(0, 0, 960, 540)


def test_a_frame_is_clamped_inside_the_area() -> None:
    area = QRect(0, 24, 960, 516)  # a menu bar at the top
    assert clamp_rect(QRect(100, 200, 1000, 700), area) == QRect(0, 24, 960, 516)
    assert clamp_rect(QRect(500, 400, 400, 300), area) == QRect(500, 240, 400, 300)
    assert clamp_rect(QRect(-50, -10, 400, 300), area) == QRect(0, 24, 400, 300)


def test_the_main_window_stays_inside_a_960_by_540_screen_over_three_restarts(
    qtbot, set_up, make_window, monkeypatch
) -> None:
    monkeypatch.setattr(screen, "available_area", lambda _widget: QRect(SMALL))
    for restart in range(3):
        window = make_window(set_up)
        frame = window.frameGeometry()
        assert SMALL.contains(frame), (restart, frame)
        # The worker drags it down and makes it taller than the screen, then closes it.
        window.setGeometry(QRect(frame.x() + 24, frame.y() + 24 * (restart + 1), 960, 560))
        window.close()
    saved = QSettings().value(FRAME_KEY)
    assert saved is not None


def test_an_unreadable_record_gives_the_default_size(
    qtbot, set_up, make_window, monkeypatch
) -> None:
    monkeypatch.setattr(screen, "available_area", lambda _widget: QRect(SMALL))
    QSettings().setValue(FRAME_KEY, ["x", "1"])
    window = make_window(set_up)
    assert SMALL.contains(window.frameGeometry())


def test_a_restored_window_s_title_bar_counts(qtbot, monkeypatch) -> None:
    """Before the window system draws a frame, the remembered margins place the inside:
    a 24-pixel title bar never pushes the bottom off the screen."""
    from PySide6.QtWidgets import QWidget

    monkeypatch.setattr(screen, "available_area", lambda _widget: QRect(SMALL))
    widget = QWidget()
    qtbot.addWidget(widget)
    screen.restore_frame(widget, [0, 100, 960, 540, 1, 24, 1, 1], default=SMALL.size())
    assert widget.geometry() == QRect(1, 24, 958, 515)  # the frame is exactly the screen
