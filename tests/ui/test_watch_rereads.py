"""The watch's signed-in re-reads beside the worker's own read (issue 28 review).

The re-reads' browser work is replaced by a stand-in `Background`: what is tested is when the
runner starts a re-read and what it keeps when one fails, not the reading itself (that is in
tests/automation/test_watch_signed_in.py, against replica pages).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from app.audit.watch import LookOutcome, WatchPolicy, back_off
from app.clock import FixedClock
from app.footprint import Footprint, open_footprint
from app.footprint.background import Background, Cancelled, Progress
from app.ui.automation_dialog import AutomationDialog
from app.ui.watch_runner import WatchRunner
from tests.conftest import START, WAIT_MS

Work = Callable[[Progress], None]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def footprint(data_home, clock: FixedClock) -> Iterator[Footprint]:  # noqa: ANN001
    opened = open_footprint(data_home, clock)
    opened.choose_signed_in_watch("instagram", True)
    yield opened
    opened.close()


def rereads_with(
    footprint: Footprint, monkeypatch: pytest.MonkeyPatch, work: Work
) -> list[list[str]]:
    """Make the runner's re-reads run `work`; the platforms of each re-read started."""
    started: list[list[str]] = []

    def reread_for_watch(_config: object, due: list) -> Background[None]:  # type: ignore[type-arg]
        started.append([platform.id for _watch, platform in due])
        return Background("watch re-reads", work)

    monkeypatch.setattr(footprint, "reread_for_watch", reread_for_watch)
    return started


def runner_for(footprint: Footprint, jobs) -> WatchRunner:  # noqa: ANN001
    return WatchRunner(footprint, jobs, lambda: None, reread_config_for=lambda: object())  # type: ignore[arg-type,return-value]


def test_no_reread_starts_while_the_automation_dialog_is_open(
    qtbot, jobs, footprint: Footprint, monkeypatch: pytest.MonkeyPatch
) -> None:  # fmt: skip
    started = rereads_with(footprint, monkeypatch, lambda _progress: None)
    runner = runner_for(footprint, jobs)
    dialog = AutomationDialog(footprint=footprint, jobs=jobs, watch=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not runner.run_now() and started == []  # due, but the worker's read is open
    dialog.reject()
    with qtbot.waitSignal(runner.ran, timeout=WAIT_MS):
        assert runner.run_now()
    assert started == [["instagram"]]


def test_opening_the_dialog_stops_a_running_reread_and_holds_its_buttons_until_it_has(
    qtbot, jobs, footprint: Footprint, monkeypatch: pytest.MonkeyPatch
) -> None:  # fmt: skip
    reading = threading.Event()

    def until_cancelled(progress: Progress) -> None:
        reading.set()
        while not progress.cancelled():
            reading.wait(0.01)  # a hidden browser on the saved profile, until stopped
        raise Cancelled

    rereads_with(footprint, monkeypatch, until_cancelled)
    runner = runner_for(footprint, jobs)
    assert runner.run_now()
    qtbot.waitUntil(reading.is_set, timeout=WAIT_MS)
    with qtbot.waitSignal(runner.ran, timeout=WAIT_MS) as ran:
        dialog = AutomationDialog(footprint=footprint, jobs=jobs, watch=runner)
        qtbot.addWidget(dialog)
        assert not dialog.sign_in_button.isEnabled()  # "Forget browser sign-in" is in there
        assert "background re-read" in dialog.sign_in_button.toolTip()
    assert ran.args[0].stopped and not runner.is_rereading
    assert dialog.sign_in_button.isEnabled() and dialog.sign_in_button.toolTip() == ""
    dialog.reject()


def test_a_failed_reread_is_kept_as_failed_and_waits_for_its_back_off(
    qtbot, jobs, footprint: Footprint, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:  # fmt: skip
    def failing(_progress: Progress) -> None:
        raise OSError("the profile is held by another program")

    started = rereads_with(footprint, monkeypatch, failing)
    runner = runner_for(footprint, jobs)
    with qtbot.waitSignal(runner.ran, timeout=WAIT_MS) as ran:
        assert runner.run_now()
    [look] = ran.args[0].looks
    assert look.outcome is LookOutcome.FAILED and look.problem  # the job's sentence
    [schedule] = footprint.store.signed_in_watches()
    assert schedule.last_outcome is LookOutcome.FAILED and schedule.failures == 1
    wait = back_off(1, WatchPolicy())
    clock.advance(wait / 2)
    assert not runner.run_now() and len(started) == 1  # not every quarter of an hour
    assert any("backing off" in line for line in footprint.watch_status().lines)
    clock.advance(wait)
    with qtbot.waitSignal(runner.ran, timeout=WAIT_MS):
        assert runner.run_now()
    assert len(started) == 2
