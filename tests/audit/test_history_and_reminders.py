from __future__ import annotations

from datetime import timedelta

from app.audit.answers import AnswerStatus
from app.audit.history import change_lines, item_history, platform_timeline, safe_share_series
from app.audit.reminders import AnnouncementLog, ClockJumpDetector, DueEntry
from app.audit.session import AuditSession
from app.audit.watch import Drift
from app.checklists.model import Catalogue
from app.clock import FixedClock
from tests.audit.memory_store import MemoryStore
from tests.conftest import START, make_platform


def audit(catalogue, store, clock, statuses, observed=None) -> None:
    session = AuditSession.start(("alpha",), catalogue, store, clock)
    for n, status in enumerate(statuses):
        value = observed[n] if observed else None
        session.record(status, observed=value)


def test_timeline_marks_drift_against_the_previous_completed_check() -> None:
    alpha = make_platform("alpha", ("a1", "a2", "a3"))
    catalogue, store, clock = Catalogue((alpha,)), MemoryStore(), FixedClock(START)
    S, N = AnswerStatus.SAFE, AnswerStatus.NEEDS_ACTION
    audit(catalogue, store, clock, (N, S, S), ("Public", "Off", "Off"))
    clock.advance(timedelta(days=90))
    audit(catalogue, store, clock, (S, S, S), ("Only me", "Off", "Off"))
    clock.advance(timedelta(days=90))
    audit(catalogue, store, clock, (S, N, S), ("Only me", "On", "Off"))
    history = list(store.runs.values())
    timeline = platform_timeline(alpha, history)
    assert [e.score.count(S) for e in timeline] == [2, 3, 2]
    assert not timeline[0].drift.has_drift and not timeline[1].drift.has_drift
    [drift] = timeline[2].drift.entries
    assert drift.item_id == "a2" and timeline[2].previous_checked_at == timeline[1].checked_at
    assert [share for _, share in safe_share_series(alpha, history)] == [2 / 3, 1.0, 2 / 3]
    assert [a.observed for a in item_history(alpha, "a1", history)] == [
        "Public", "Only me", "Only me",
    ]  # fmt: skip


def test_the_history_shows_what_the_watch_saw_with_its_evidence_newest_first() -> None:
    alpha = make_platform("alpha", ("a1",))
    catalogue, store, clock = Catalogue((alpha,)), MemoryStore(), FixedClock(START)
    audit(catalogue, store, clock, (AnswerStatus.SAFE,))
    seen = START + timedelta(days=30, hours=9, minutes=14)
    watched = [
        Drift("alpha", "posts", "no", "yes", seen),
        Drift("beta", "location", "no", "yes", seen),  # another platform's: not here
    ]

    lines = change_lines(alpha, list(store.runs.values()), watched)

    assert [line.when for line in lines] == [seen, START]
    first = lines[0]
    assert first.word == "Slid back"
    assert "a signed-out stranger can now see" in first.text
    assert "seen by the watch, signed out" in first.text
    assert "not an answer until you check it in an audit" in first.text
    assert change_lines(alpha, list(store.runs.values())) == lines[1:]  # no watch, no line


def entry(platform_id: str) -> DueEntry:
    return DueEntry(platform_id, platform_id.title(), None, None, True, ())


def test_announcements_are_not_repeated_within_a_day() -> None:
    log = AnnouncementLog()
    assert log.to_announce([entry("a")], START) == [entry("a")]
    later = START + timedelta(hours=1)
    assert log.to_announce([entry("a"), entry("b")], later) == [entry("b")]
    assert log.to_announce([entry("a")], START + timedelta(hours=24)) == [entry("a")]


def test_a_clock_jump_is_noticed_and_steady_time_is_not() -> None:
    clock = FixedClock(START)
    ticks = [0.0]
    detector = ClockJumpDetector(clock.now, lambda: ticks[0])
    clock.advance(timedelta(minutes=1))
    ticks[0] += 60
    assert not detector.jumped()
    clock.advance(timedelta(hours=9))  # the laptop slept: wall time moved, monotonic did not
    ticks[0] += 60
    assert detector.jumped()
    assert not detector.jumped()
