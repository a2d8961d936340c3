"""The watch's schedule and drift rule, with an injected `now`."""

from __future__ import annotations

from datetime import timedelta

from app.audit.watch import (
    Drift,
    LookOutcome,
    PlatformWatch,
    WatchPolicy,
    after_look,
    back_off,
    drift_between,
    due_now,
    first_schedule,
    jitter,
    pause_while_offline,
    status_line,
    still_to_check,
)
from app.stranger.evidence import NO, UNSURE, YES, SeenFinding
from tests.conftest import START

POLICY = WatchPolicy()
DAY = timedelta(days=1)


def seen(topic: str, verdict: str, caveat: str = "", platform: str = "instagram") -> SeenFinding:
    return SeenFinding(platform, topic, verdict, "Footprint's words", START, caveat)


# -- drift ------------------------------------------------------------------------------------
def test_hidden_then_shown_is_drift() -> None:
    before = [seen("page", YES), seen("posts", NO), seen("location", NO)]
    after = [seen("page", YES), seen("posts", YES), seen("location", NO)]
    assert drift_between(before, after, START + DAY) == [
        Drift("instagram", "posts", NO, YES, START + DAY)
    ]


def test_nothing_changed_or_less_visible_is_no_drift() -> None:
    before = [seen("posts", YES), seen("employer", YES), seen("contact", NO)]
    assert drift_between(before, before, START) == []
    assert drift_between(before, [seen("posts", NO), seen("employer", NO)], START) == []


def test_cant_tell_never_counts_either_way() -> None:
    assert drift_between([seen("posts", UNSURE)], [seen("posts", YES)], START) == []
    assert drift_between([seen("posts", NO)], [seen("posts", UNSURE)], START) == []
    assert drift_between([], [seen("posts", YES)], START) == []  # never looked at before
    assert drift_between([seen("posts", NO)], [], START) == []  # not in the new look


def test_a_no_with_a_caveat_is_no_proof_so_no_drift() -> None:
    walled = [seen("page", NO, caveat="automated browsers meet a wall")]
    assert drift_between(walled, [seen("page", YES)], START) == []


def test_drift_is_per_platform() -> None:
    before = [seen("posts", NO, platform="x"), seen("posts", YES)]
    after = [seen("posts", NO, platform="x"), seen("posts", YES)]
    assert drift_between(before, after, START) == []
    now_x = [seen("posts", YES, platform="x")]
    assert [d.platform_id for d in drift_between(before, now_x, START)] == ["x"]


def test_a_drift_sentence_names_platform_change_source_and_time() -> None:
    drift = Drift("instagram", "posts", NO, YES, START)
    assert drift.sentence("Instagram") == (
        "Instagram: a signed-out stranger can now see your posts — it was hidden at the last "
        "look (seen by the watch, signed out, 02 Mar 2026 09:00 UTC)"
    )


# -- the schedule -----------------------------------------------------------------------------
def test_a_new_platform_is_due_at_once_then_weekly_with_jitter() -> None:
    watch = first_schedule("x", START)
    assert due_now([watch], 0, START, POLICY) == ["x"]
    watch = after_look(watch, LookOutcome.SEEN, START, POLICY)
    gap = watch.next_look_at - START
    assert POLICY.interval - POLICY.jitter <= gap <= POLICY.interval + POLICY.jitter
    assert due_now([watch], 0, START + 6 * DAY - POLICY.jitter, POLICY) == []
    assert watch.waiting_because == "" and watch.last_look_at == START


def test_jitter_is_deterministic_and_differs_between_platforms_and_weeks() -> None:
    assert jitter("x", START, POLICY) == jitter("x", START, POLICY)
    offsets = {jitter(p, START + w * 7 * DAY, POLICY) for p in ("x", "instagram") for w in (0, 1)}
    assert len(offsets) == 4
    assert all(abs(o) <= POLICY.jitter for o in offsets)


def test_back_off_doubles_and_is_capped() -> None:
    waits = [back_off(n, POLICY) for n in range(1, 8)]
    assert waits[:3] == [timedelta(hours=6), timedelta(hours=12), timedelta(hours=24)]
    assert max(waits) == POLICY.max_back_off == waits[-1]


def test_a_rate_limit_backs_off_and_a_seen_look_resets_it() -> None:
    watch = first_schedule("instagram", START)
    watch = after_look(watch, LookOutcome.RATE_LIMITED, START, POLICY)
    assert watch.next_look_at == START + timedelta(hours=6) and watch.failures == 1
    assert "limiting visits" in watch.waiting_because
    assert due_now([watch], 0, START + timedelta(hours=5, minutes=59), POLICY) == []
    watch = after_look(watch, LookOutcome.WALL, watch.next_look_at, POLICY)
    assert watch.failures == 2 and watch.next_look_at == START + timedelta(hours=18)
    watch = after_look(watch, LookOutcome.SEEN, watch.next_look_at, POLICY)
    assert watch.failures == 0 and watch.waiting_because == ""


def test_offline_pauses_without_growing_the_back_off() -> None:
    watch = after_look(PlatformWatch("x", START, failures=2), LookOutcome.OFFLINE, START, POLICY)
    assert watch.failures == 2 and watch.next_look_at == START + POLICY.offline_retry
    assert "offline" in watch.waiting_because
    others = [first_schedule("instagram", START), first_schedule("x", START),
              PlatformWatch("tiktok", START + DAY)]  # fmt: skip
    paused = pause_while_offline(others, {"x"}, START, POLICY)
    assert [w.platform_id for w in paused] == ["instagram"]  # x looked; tiktok not due


def test_at_most_the_days_allowance_most_overdue_first() -> None:
    watches = [PlatformWatch(p, START - n * DAY) for n, p in enumerate("abcdef")]
    assert due_now(watches, 0, START, POLICY) == ["f", "e", "d", "c"]
    assert due_now(watches, 3, START, POLICY) == ["f"]
    assert due_now(watches, 9, START, POLICY) == []


def test_status_lines() -> None:
    fresh = first_schedule("x", START)
    assert status_line(fresh, "X") == "X: not looked at yet, next on or after 02 Mar 2026 09:00 UTC"
    limited = after_look(fresh, LookOutcome.RATE_LIMITED, START, POLICY)
    assert status_line(limited, "X") == (
        "X: last looked at 02 Mar 2026 09:00 UTC, next on or after 02 Mar 2026 15:00 UTC "
        "(backing off: the platform was limiting visits)"
    )


def test_drift_is_to_check_until_confirmed_or_the_platform_is_checked_after_it() -> None:
    drift = Drift("x", "posts", NO, YES, START)
    assert still_to_check([drift], {}) == [drift]
    assert still_to_check([drift], {"x": START - DAY}) == [drift]
    assert still_to_check([drift], {"x": START + DAY}) == []
    confirmed = Drift("x", "posts", NO, YES, START, confirmed_at=START)
    assert still_to_check([confirmed], {"x": None}) == []
