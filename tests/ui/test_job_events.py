"""Typed signals: a job's events reach the window one signal per kind, in order, and the
facade's `Background` work runs as a job with its own sentences and Cancel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import Signal

from app.footprint import Background, Cancelled, Progress
from app.ui.jobs import BUG_MESSAGE, Job, JobEvents, JobRunner
from tests.conftest import WAIT_MS


@dataclass(frozen=True)
class Began:
    name: str


@dataclass(frozen=True)
class Ended:
    count: int


class CountEvents(JobEvents):
    began = Signal(Began)
    ended = Signal(Ended)
    KINDS: ClassVar[dict[type, str]] = {Began: "began", Ended: "ended"}


def test_each_kind_arrives_on_its_own_signal_in_order(qtbot, jobs: JobRunner) -> None:
    def work(progress: Progress) -> str:
        progress.send(Began("a"))
        progress.send(Ended(1))
        progress.send(Began("b"))
        return "done"

    events, seen = CountEvents(), []
    events.began.connect(lambda event: seen.append(("began", event.name)))
    events.ended.connect(lambda event: seen.append(("ended", event.count)))
    job = Job.of(Background("count", work), events)
    job.sent.connect(lambda value: seen.append(("untyped", value)))
    with qtbot.waitSignal(job.finished, timeout=WAIT_MS) as finished:
        jobs.start(job)
    assert finished.args == ["done"]
    assert seen == [("began", "a"), ("ended", 1), ("began", "b")]


def test_an_event_of_no_declared_kind_ends_the_job_as_a_mistake(qtbot, jobs) -> None:
    job = Job.of(Background("odd", lambda progress: progress.send("a string")), CountEvents())
    with qtbot.waitSignal(job.failed, timeout=WAIT_MS) as failed:
        jobs.start(job)
    assert failed.args == [BUG_MESSAGE]


def test_background_work_keeps_its_sentences_and_its_cancel(qtbot, jobs) -> None:
    def refuse(_progress: Progress) -> None:
        raise OSError("the keyring is locked")

    said = Background("refuse", refuse, lambda error: f"Refused: {error}")
    job = Job.of(said)
    with qtbot.waitSignal(job.failed, timeout=WAIT_MS) as failed:
        jobs.start(job)
    assert failed.args == ["Refused: the keyring is locked"]

    def stop(_progress: Progress) -> None:
        raise Cancelled

    stopped = Job.of(Background("stop", stop))
    with qtbot.waitSignal(stopped.cancelled, timeout=WAIT_MS):
        jobs.start(stopped)
