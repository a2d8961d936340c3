"""The one job type: results, sentences for every failure, Cancel, and windows that close."""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import QDialog

from app.ui.jobs import BUG_MESSAGE, Job, JobContext, JobRunner
from tests.conftest import WAIT_MS


def test_progress_and_values_arrive_in_order_then_the_result(qtbot, jobs: JobRunner) -> None:
    def work(context: JobContext) -> str:
        for step in range(3):
            context.progress(step + 1, 3)
            context.send(f"step {step}")
        return "done"

    seen: list[object] = []
    job = Job(work, name="count")
    job.progressed.connect(lambda done, total: seen.append((done, total)))
    job.sent.connect(seen.append)
    with qtbot.waitSignal(job.finished, timeout=WAIT_MS) as finished:
        jobs.start(job)
    assert finished.args == ["done"]
    assert seen == [(1, 3), "step 0", (2, 3), "step 1", (3, 3), "step 2"]


def test_an_error_the_worker_can_act_on_is_said_in_its_own_words(qtbot, jobs) -> None:
    def work(_context: JobContext) -> None:
        raise OSError(28, "No space left on device")

    job = Job(work, name="disk", explain=lambda e: f"Not saved: {e.strerror}.")
    with qtbot.waitSignal(job.failed, timeout=WAIT_MS) as failed:
        jobs.start(job)
    assert failed.args == ["Not saved: No space left on device."]


def test_any_other_exception_ends_the_job_with_a_sentence_and_a_logged_traceback(
    qtbot, jobs, caplog
) -> None:
    def work(_context: JobContext) -> None:
        raise KeyError("a bug")

    job = Job(work, name="buggy", explain=lambda _e: None)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(job.failed, timeout=WAIT_MS) as failed:
        jobs.start(job)
    assert failed.args == [BUG_MESSAGE]
    assert "KeyError" in caplog.text


def test_cancel_ends_a_job_that_polls_with_cancelled_not_finished(qtbot, jobs) -> None:
    started = threading.Event()

    def work(context: JobContext) -> None:
        started.set()
        while True:
            context.check_cancelled()
            threading.Event().wait(0.01)  # a slice of "work" between two polls

    job = Job(work, name="long")
    outcomes: list[str] = []
    job.finished.connect(lambda _r: outcomes.append("finished"))
    job.cancelled.connect(lambda: outcomes.append("cancelled"))
    jobs.start(job)
    assert started.wait(WAIT_MS / 1000)
    with qtbot.waitSignal(job.ended, timeout=WAIT_MS):
        job.cancel()
    assert outcomes == ["cancelled"]


def test_a_window_can_close_while_its_job_runs_without_waiting_for_it(qtbot, jobs) -> None:
    release = threading.Event()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    results: list[object] = []

    def work(_context: JobContext) -> str:
        release.wait(WAIT_MS / 1000)
        return "late"

    job = Job(work, name="outlives its window")
    job.finished.connect(dialog.accept)  # a bound method of the window: dropped when it goes
    job.finished.connect(results.append)
    jobs.start(job)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not _alive(dialog), timeout=WAIT_MS)
    assert job.is_running()  # the runner keeps the job; the window did not wait for it
    release.set()
    qtbot.waitUntil(lambda: results == ["late"], timeout=WAIT_MS)


def _alive(widget: QDialog) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True
