"""Work deferred until the window is on screen still runs, once, shown or not (issue 24)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from app.ui.application import start_background
from app.ui.first_paint import after_first_paint


def test_the_work_runs_once_after_the_window_is_painted(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    painted: list[bool] = []
    window.show()
    after_first_paint(window, lambda: painted.append(window.isVisible()))
    assert painted == []  # not before the event loop has painted the window
    qtbot.waitUntil(lambda: painted == [True])
    window.repaint()  # a later paint does not run it again: a second run would come from a
    QApplication.processEvents()  # zero-time timer, which the next pass of events runs
    assert painted == [True]


def test_a_window_never_shown_still_gets_the_work(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    ran: list[str] = []
    after_first_paint(window, lambda: ran.append("ran"))
    qtbot.waitUntil(lambda: ran == ["ran"])


def test_a_minimised_window_still_gets_the_work(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    ran: list[str] = []
    after_first_paint(window, lambda: ran.append("ran"))
    qtbot.waitUntil(lambda: ran == ["ran"])


def test_the_work_after_the_paint_resumes_the_cycle_collector(set_up, make_window) -> None:
    window = make_window(set_up)
    window.reminders.set_notifiers([])  # nothing reaches the desktop from a test
    gc.disable()  # as `footprint gui` does while it starts
    try:
        start_background(window, set_up)
        resumed = gc.isenabled()
    finally:
        gc.enable()
    assert resumed


def test_reminders_that_fail_to_start_leave_later_launches_answered(
    set_up, make_window, monkeypatch
) -> None:
    """Starting reminders writes the log and can fail (a full disk): the listener a later
    launch looks for is already up by then, so that launch finds this window."""
    from app.ui.single_instance import InstanceServer

    window = make_window(set_up)

    def fail() -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(window, "start_reminders", fail)
    with pytest.raises(OSError):  # not swallowed: the crash dialog shows it in the app
        start_background(window, set_up)
    servers = window.findChildren(InstanceServer)
    assert [server.listening for server in servers] == [True]
