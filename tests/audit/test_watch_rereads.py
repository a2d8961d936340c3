"""The signed-in re-reads' rules without a browser (a fake reader): what counts as drift, how a
re-read ends, each platform kept as it finishes (stopping part-way loses none), the back-off
after a rate limit, the day's cap shared with the signed-out looks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from app.audit.answers import AnswerStatus
from app.audit.watch import (
    FIRST_LOOK,
    WATCH_SIGNED_IN_SOURCE,
    LookOutcome,
    PlatformWatch,
    WatchPolicy,
    reading_drift,
    watch_notes,
)
from app.automation.config import AutomationConfig
from app.automation.failures import Failure
from app.automation.page import Cancelled
from app.automation.results import ReadResult
from app.checklists.model import Platform
from app.clock import FixedClock
from app.footprint import Footprint, open_footprint
from app.services import watch_signed_in
from app.services.watch_runs import WatchRun
from tests.conftest import START

POLICY = WatchPolicy()
SAFE, UNSAFE = AnswerStatus.SAFE, AnswerStatus.NEEDS_ACTION


def test_only_safe_to_needs_action_is_drift() -> None:
    before = {"a": "safe", "b": "needs_action", "c": "unsure", "d": "safe"}
    after = {"a": "needs_action", "b": "needs_action", "c": "needs_action", "d": "unsure",
             "e": "needs_action"}  # fmt: skip
    [drift] = reading_drift("instagram", before, after, START)
    assert (drift.topic, drift.before, drift.after, drift.source) == (
        "a", "safe", "needs_action", WATCH_SIGNED_IN_SOURCE,
    )  # fmt: skip
    assert reading_drift("instagram", {}, after, START) == []  # a first look compares nothing
    assert "“A” now reads as needing action" in drift.sentence("Instagram")


def test_the_history_notes_a_first_look_and_a_signed_out_reread_only() -> None:
    first = PlatformWatch("x", START, START, LookOutcome.SEEN, compared=False)
    compared = PlatformWatch("reddit", START, START, LookOutcome.SEEN)
    signed_out = PlatformWatch("instagram", START, START, LookOutcome.SIGNED_OUT)
    notes = watch_notes([first, compared], [signed_out])
    assert [n.platform_id for n in notes] == ["x", "instagram"]
    assert FIRST_LOOK in notes[0].text and "signed out — re-check by hand" in notes[1].text


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def footprint(data_home, clock: FixedClock):  # noqa: ANN201
    opened = open_footprint(data_home, clock)
    yield opened
    opened.close()


def config(clock: FixedClock, tmp_path) -> AutomationConfig:  # noqa: ANN001
    from app.automation.browsers import BrowserChoice

    return AutomationConfig(BrowserChoice("Chromium", tmp_path / "none"), tmp_path, clock=clock)


def reader(
    by_platform: dict[str, Callable[[Platform], list[ReadResult]]],
) -> Callable[..., list[ReadResult]]:
    def read(used: AutomationConfig, platform: Platform, cancelled: object) -> list[ReadResult]:
        assert used.never_sign_in and used.headless and used.load_credential("x") is None
        return by_platform[platform.id](platform)

    return read


def statuses(status: AnswerStatus) -> Callable[[Platform], list[ReadResult]]:
    def results(platform: Platform) -> list[ReadResult]:
        items = [i for i in platform.items if i.probe][:2]
        return [ReadResult(platform.id, i.id, START, "On", status) for i in items]

    return results


def failing(kind: Failure) -> Callable[[Platform], list[ReadResult]]:
    def results(platform: Platform) -> list[ReadResult]:
        item = next(i for i in platform.items if i.probe)
        return [ReadResult(platform.id, item.id, START, problem="words", failure=kind)]

    return results


def cancelling(platform: Platform) -> list[ReadResult]:
    raise Cancelled


def test_stopping_part_way_keeps_each_platform_that_finished(
    footprint: Footprint, clock: FixedClock, tmp_path
) -> None:
    for platform_id in ("facebook", "instagram"):
        footprint.choose_signed_in_watch(platform_id, True)
    read = reader({"facebook": statuses(SAFE), "instagram": cancelling})
    looks, stopped = watch_signed_in.run_due(footprint.store, footprint.catalogue,
                                             config(clock, tmp_path), read=read)  # fmt: skip
    assert stopped and [(x.platform_id, x.outcome) for x in looks] == [
        ("facebook", LookOutcome.SEEN)
    ]
    assert set(footprint.store.watch_readings("facebook").values()) == {"safe"}
    due = [w.platform_id for w, _ in footprint.signed_in_watch_due()]
    assert due == ["instagram"]  # not looked at: still due


def test_a_rate_limited_reread_backs_off_and_shares_the_days_cap(
    footprint: Footprint, clock: FixedClock, tmp_path
) -> None:
    footprint.choose_signed_in_watch("x", True)
    read = reader({"x": failing(Failure.RATE_LIMITED)})
    run = lambda: watch_signed_in.run_due(  # noqa: E731
        footprint.store, footprint.catalogue, config(clock, tmp_path), read=read
    )
    [look], _ = run()
    assert look.outcome is LookOutcome.RATE_LIMITED
    clock.advance(POLICY.first_back_off - timedelta(minutes=1))
    assert run() == ([], False)  # backing off: not re-read
    clock.advance(timedelta(minutes=1))
    # The day's four looks are used up (other looks of the watch count too): still nothing.
    for _ in range(3):
        unticked = PlatformWatch("reddit", clock.now())  # kept as a look only
        footprint.store.record_signed_in_look(unticked, LookOutcome.SEEN, clock.now(), [], None)
    assert run() == ([], False)
    assert "backing off" in "\n".join(footprint.watch_status().lines)


def test_a_first_reread_is_the_starting_point_and_a_slide_back_is_one_drift(
    footprint: Footprint, clock: FixedClock, tmp_path
) -> None:
    footprint.choose_signed_in_watch("linkedin", True)
    first, _ = watch_signed_in.run_due(footprint.store, footprint.catalogue,
                                       config(clock, tmp_path),
                                       read=reader({"linkedin": statuses(SAFE)}))  # fmt: skip
    assert [x.compared for x in first] == [False] and FIRST_LOOK in first[0].line()
    clock.advance(POLICY.interval + POLICY.jitter)
    second, _ = watch_signed_in.run_due(footprint.store, footprint.catalogue,
                                        config(clock, tmp_path),
                                        read=reader({"linkedin": statuses(UNSAFE)}))  # fmt: skip
    assert len(second[0].drift) == 2 and len(footprint.watched_drift()) == 2
    footprint.choose_signed_in_watch("linkedin", False)
    assert footprint.store.watch_readings("linkedin") == {}
    assert len(footprint.watched_drift()) == 2  # unticking keeps what was seen


def first_two(platform: Platform, second: AnswerStatus | None) -> list[ReadResult]:
    """The platform's first two readable settings: the first safe, the second as given (None:
    the reader could not read it this time)."""
    a, b = [i for i in platform.items if i.probe][:2]
    if second is None:
        unread = ReadResult(platform.id, b.id, START, problem="too slow", failure=Failure.SLOW)
    else:
        unread = ReadResult(platform.id, b.id, START, "On", second)
    return [ReadResult(platform.id, a.id, START, "On", SAFE), unread]


def test_a_setting_one_reread_could_not_read_still_slides_back_against_its_last_status(
    footprint: Footprint, clock: FixedClock, tmp_path
) -> None:
    """Review finding: a partial re-read replaced the starting point, so the unread setting
    sliding back later was never seen, and the run said "Nothing changed"."""
    footprint.choose_signed_in_watch("linkedin", True)

    def reread(second: AnswerStatus | None) -> list:
        clock.advance(POLICY.interval + POLICY.jitter)
        read = reader({"linkedin": lambda platform: first_two(platform, second)})
        looks, _ = watch_signed_in.run_due(footprint.store, footprint.catalogue,
                                           config(clock, tmp_path), read=read)  # fmt: skip
        return looks

    reread(SAFE)  # the starting point: both safe
    [partial] = reread(None)
    assert partial.outcome is LookOutcome.SEEN and partial.drift == ()
    assert "no setting slid back among those read; 1 setting could not be read" in partial.line()
    run = WatchRun(enabled=True, looks=(partial,))
    assert not any("Nothing changed" in line for line in run.lines())
    assert sorted(footprint.store.watch_readings("linkedin").values()) == ["safe", "safe"]
    [slid] = reread(UNSAFE)
    assert len(slid.drift) == 1 and len(footprint.watched_drift()) == 1
