"""The watch: when to look at each public profile again, and what counts as drift.

Opt-in (`WatchChoice`): nothing is looked at until the worker turns the watch on. Then each
platform with a public address has its own schedule (`PlatformWatch`): weekly by default,
moved by a deterministic jitter so the looks of several platforms do not fall together and
are not at the same hour every week, never more than `WatchPolicy.max_looks_per_day` looks
in any 24 hours over all platforms, an exponential back-off (with a cap) after a rate limit,
a sign-in wall or a failure, and a pause while the computer seems offline.

Drift (`drift_between`) compares the findings of a platform's last look with the new ones,
topic by topic: only a change towards more visible — a definite "no" before, a "yes" now —
is drift. "Can't tell", a topic missing from either look, and a "no" that carries a caveat
(no proof, see `app.stranger.evidence.SeenFinding`) never count either way.

Plain Python with an injected `now`: no clock, no database, no browser here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from app.formatting import short_date
from app.stranger.evidence import NO, YES, SeenFinding, what_is_seen

WATCH_SOURCE = "seen by the watch, signed out"


class LookOutcome(StrEnum):
    """How one watched look ended, as far as the schedule is concerned."""

    SEEN = "seen"  # findings, compared and kept
    RATE_LIMITED = "rate limited"
    WALL = "wall"  # a sign-in wall instead of the profile: nothing to compare
    FAILED = "failed"  # any other obstacle (an error page, too slow, not found, …)
    OFFLINE = "offline"  # the site could not be reached: the computer may be offline


# Why a platform is waiting longer than its weekly look, in the worker's words.
_WAITING = {
    LookOutcome.RATE_LIMITED: "backing off: the platform was limiting visits",
    LookOutcome.WALL: "backing off: a signed-out visitor was asked to sign in",
    LookOutcome.FAILED: "backing off: the last look could not see the page",
    LookOutcome.OFFLINE: "paused: the platform could not be reached (offline?)",
}


@dataclass(frozen=True)
class WatchPolicy:
    """How often the watch looks; the costs the README promises follow from these."""

    interval: timedelta = timedelta(days=7)
    jitter: timedelta = timedelta(hours=12)  # each look moves by up to this, either way
    max_looks_per_day: int = 4  # over all platforms, in any 24 hours
    first_back_off: timedelta = timedelta(hours=6)
    max_back_off: timedelta = timedelta(days=7)
    offline_retry: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class WatchChoice:
    """The worker's opt-in: off until chosen."""

    signed_out: bool = False  # "Look at my public profiles once a week, as a stranger would"
    chosen_at: datetime | None = None


@dataclass(frozen=True)
class PlatformWatch:
    """One platform's place in the watch's schedule: no page, no address, no names."""

    platform_id: str
    next_look_at: datetime
    last_look_at: datetime | None = None
    last_outcome: LookOutcome | None = None
    failures: int = 0  # looks in a row that did not see the page (offline ones not counted)

    @property
    def waiting_because(self) -> str:
        """Why the next look is later than usual, or "" when it is on its usual schedule."""
        if self.last_outcome is None or self.last_outcome is LookOutcome.SEEN:
            return ""
        return _WAITING[self.last_outcome]


@dataclass(frozen=True)
class Drift:
    """A topic a signed-out stranger can now see that they could not at the last look."""

    platform_id: str
    topic: str
    before: str  # the verdict at the last look ("no")
    after: str  # the verdict now ("yes")
    seen_at: datetime
    source: str = WATCH_SOURCE
    id: int | None = None  # once stored
    confirmed_at: datetime | None = None  # the worker has seen it

    def sentence(self, platform_name: str) -> str:
        """ "Instagram: a stranger can now see your posts (seen by the watch, signed out,
        07 Dec 2026 09:14)"."""
        what = what_is_seen(self.topic)
        return (
            f"{platform_name}: a signed-out stranger can now see {what} — it was hidden at "
            f"the last look ({self.source}, {_when(self.seen_at)})"
        )


def first_schedule(platform_id: str, now: datetime) -> PlatformWatch:
    """A newly watched platform: its first look is due at once."""
    return PlatformWatch(platform_id, next_look_at=now)


def jitter(platform_id: str, moment: datetime, policy: WatchPolicy) -> timedelta:
    """A deterministic offset in [-policy.jitter, +policy.jitter] for this platform and look:
    the same inputs always give the same offset (tests and benchmarks repeat), different
    platforms and weeks differ."""
    digest = hashlib.sha256(f"{platform_id}|{moment.isoformat()}".encode()).digest()
    fraction: float = int.from_bytes(digest[:8], "big") / 2**64  # in [0, 1)
    offset: timedelta = policy.jitter * (2 * fraction - 1)
    return offset


def back_off(failures: int, policy: WatchPolicy) -> timedelta:
    """The wait after `failures` failed looks in a row: doubling from the first, capped."""
    doubled = policy.first_back_off * (1 << min(max(failures - 1, 0), 20))
    return min(doubled, policy.max_back_off)


def after_look(
    watch: PlatformWatch, outcome: LookOutcome, now: datetime, policy: WatchPolicy
) -> PlatformWatch:
    """The platform's schedule after a look that ended with `outcome` at `now`."""
    if outcome is LookOutcome.SEEN:
        due = now + policy.interval + jitter(watch.platform_id, now, policy)
        return replace(watch, next_look_at=due, last_look_at=now, last_outcome=outcome,
                       failures=0)  # fmt: skip
    if outcome is LookOutcome.OFFLINE:
        # Not the platform's doing: retry soon, and do not grow the back-off.
        return replace(watch, next_look_at=now + policy.offline_retry, last_outcome=outcome)
    failures = watch.failures + 1
    return replace(watch, next_look_at=now + back_off(failures, policy), last_look_at=now,
                   last_outcome=outcome, failures=failures)  # fmt: skip


def due_now(
    watches: Iterable[PlatformWatch],
    looks_in_last_day: int,
    now: datetime,
    policy: WatchPolicy,
) -> list[str]:
    """The platforms to look at now, most overdue first, no more than the day's allowance
    left (`policy.max_looks_per_day` less the looks of the last 24 hours)."""
    allowance = max(policy.max_looks_per_day - looks_in_last_day, 0)
    overdue = sorted((w for w in watches if w.next_look_at <= now), key=lambda w: w.next_look_at)
    return [w.platform_id for w in overdue[:allowance]]


def pause_while_offline(
    watches: Iterable[PlatformWatch], looked: set[str], now: datetime, policy: WatchPolicy
) -> list[PlatformWatch]:
    """Once a look found no connection, the other platforms due in this run are not looked
    at (they would fail the same way): each waits `policy.offline_retry`, its back-off
    unchanged."""
    return [
        after_look(w, LookOutcome.OFFLINE, now, policy)
        for w in watches
        if w.platform_id not in looked and w.next_look_at <= now
    ]


def drift_between(
    before: Sequence[SeenFinding], after: Sequence[SeenFinding], seen_at: datetime
) -> list[Drift]:
    """Topics that went from a definite, uncaveated "no" at the last look to "yes" now, per
    platform. Nothing else is drift: a "yes" that was already a "yes", a topic that was
    "can't tell" or missing before, anything that is "can't tell" now, or a "no" with a
    caveat (a wall automated browsers meet is no proof that something was hidden)."""
    hidden = {(f.platform_id, f.topic) for f in before if f.verdict == NO and not f.caveat}
    shown = {(f.platform_id, f.topic) for f in after if f.verdict == YES}
    return [
        Drift(platform_id, topic, NO, YES, seen_at)
        for platform_id, topic in sorted(hidden & shown, key=_topic_order(after))
    ]


def _topic_order(after: Sequence[SeenFinding]) -> Callable[[tuple[str, str]], int]:
    order = {(f.platform_id, f.topic): n for n, f in enumerate(after)}
    return lambda key: order[key]


def still_to_check(
    drift: Iterable[Drift], last_checked: Mapping[str, datetime | None]
) -> list[Drift]:
    """Drift the worker has neither confirmed nor answered yet: not confirmed, and its
    platform not checked in an audit since it was seen (the audit is where it becomes an
    answer, with "Use what a stranger saw")."""
    return [
        d
        for d in drift
        if d.confirmed_at is None
        and ((checked := last_checked.get(d.platform_id)) is None or checked < d.seen_at)
    ]


def status_line(watch: PlatformWatch, platform_name: str) -> str:
    """ "Instagram: last looked at 07 Dec 2026 09:14, next around 14 Dec 2026 03:40", and
    why it is paused or backing off, if it is."""
    last = (
        f"last looked at {_when(watch.last_look_at)}" if watch.last_look_at else "not looked at yet"
    )
    said = f"{platform_name}: {last}, next on or after {_when(watch.next_look_at)}"
    reason = watch.waiting_because
    return f"{said} ({reason})" if reason else said


def _when(moment: datetime) -> str:
    return f"{short_date(moment)} {moment:%H:%M} UTC"
