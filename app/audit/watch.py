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

The signed-in re-reads (opt-in per platform, on a live saved session only) share the
schedule: `reading_drift` compares the statuses of the last re-read with the new ones, and only
a setting that read safe and now reads as needing action is drift. A session found signed out
ends the re-read with `SIGNED_OUT_BY_HAND`; nothing is typed and no sign-in form is opened.

A platform's first look has nothing to compare: it is kept as the starting point and says so
(`FIRST_LOOK`), never "no change".

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
WATCH_SIGNED_IN_SOURCE = "seen by the watch, signed in"
SIGNED_OUT_BY_HAND = "signed out — re-check by hand"
FIRST_LOOK = "first look — nothing to compare yet; kept as the starting point"


class LookOutcome(StrEnum):
    """How one watched look ended, as far as the schedule is concerned."""

    SEEN = "seen"  # findings, compared and kept
    RATE_LIMITED = "rate limited"
    WALL = "wall"  # a sign-in wall instead of the profile: nothing to compare
    FAILED = "failed"  # any other obstacle (an error page, too slow, not found, …)
    OFFLINE = "offline"  # the site could not be reached: the computer may be offline
    SIGNED_OUT = "signed out"  # a signed-in re-read found the saved session signed out


# Why a platform is waiting longer than its weekly look, in the worker's words.
_WAITING = {
    LookOutcome.RATE_LIMITED: "backing off: the platform was limiting visits",
    LookOutcome.WALL: "backing off: a signed-out visitor was asked to sign in",
    LookOutcome.FAILED: "backing off: the last look could not see the page",
    LookOutcome.OFFLINE: "paused: the platform could not be reached (offline?)",
    LookOutcome.SIGNED_OUT: SIGNED_OUT_BY_HAND,
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
    compared: bool = True  # False: the last look seen was the first, nothing to compare with

    @property
    def waiting_because(self) -> str:
        """Why the next look is later than usual (or, after a first look, that nothing was
        compared), or "" when it is on its usual schedule."""
        if self.last_outcome is LookOutcome.SEEN and not self.compared:
            return FIRST_LOOK
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
        07 Dec 2026 09:14)"; for a signed-in re-read, the setting that now reads unsafe."""
        if self.source == WATCH_SIGNED_IN_SOURCE:
            return (
                f"{platform_name}: the setting “{setting_words(self.topic)}” now reads as "
                f"needing action — it read safe at the last re-read ({self.source}, "
                f"{_when(self.seen_at)})"
            )
        what = what_is_seen(self.topic)
        return (
            f"{platform_name}: a signed-out stranger can now see {what} — it was hidden at "
            f"the last look ({self.source}, {_when(self.seen_at)})"
        )


def setting_words(item_id: str) -> str:
    """An item id in words ("private-account" → "Private account"), for a drift sentence
    that has no catalogue at hand."""
    return item_id.replace("-", " ").replace("_", " ").capitalize()


WATCH_WORD = "Watch"  # the History's word for a note of the watch (no mark: not a state)


@dataclass(frozen=True)
class WatchNote:
    """Something the History should say about the watch that is not drift: a first look kept
    as the starting point, or a re-read that found the session signed out."""

    platform_id: str
    when: datetime
    text: str


def watch_notes(
    looks: Iterable[PlatformWatch], rereads: Iterable[PlatformWatch]
) -> list[WatchNote]:
    """The notes the platforms' latest looks and re-reads leave in the History."""
    marked = [(w, WATCH_SOURCE) for w in looks] + [(w, WATCH_SIGNED_IN_SOURCE) for w in rereads]
    notes = [_note(watch, source) for watch, source in marked]
    return [note for note in notes if note is not None]


def _note(watch: PlatformWatch, source: str) -> WatchNote | None:
    if watch.last_look_at is None:
        return None
    when = _when(watch.last_look_at)
    if watch.last_outcome is LookOutcome.SIGNED_OUT:
        text = f"{SIGNED_OUT_BY_HAND} (the watch's signed-in re-read, {when}; nothing was typed)"
    elif watch.last_outcome is LookOutcome.SEEN and not watch.compared:
        text = f"{FIRST_LOOK} ({source}, {when})"
    else:
        return None
    return WatchNote(watch.platform_id, watch.last_look_at, text)


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
    watch: PlatformWatch,
    outcome: LookOutcome,
    now: datetime,
    policy: WatchPolicy,
    *,
    compared: bool = True,
) -> PlatformWatch:
    """The platform's schedule after a look that ended with `outcome` at `now` (`compared`:
    a seen look had an earlier one to compare with)."""
    if outcome is LookOutcome.SEEN:
        due = now + policy.interval + jitter(watch.platform_id, now, policy)
        return replace(watch, next_look_at=due, last_look_at=now, last_outcome=outcome,
                       failures=0, compared=compared)  # fmt: skip
    if outcome is LookOutcome.SIGNED_OUT:
        # Not a fault to back off from: the worker signs in again (in an audit) when they
        # choose; until then each weekly turn only confirms it, typing nothing.
        due = now + policy.interval + jitter(watch.platform_id, now, policy)
        return replace(watch, next_look_at=due, last_look_at=now, last_outcome=outcome)
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


def reading_drift(
    platform_id: str,
    before: Mapping[str, str],
    after: Mapping[str, str],
    seen_at: datetime,
    *,
    safe: str = "safe",
    unsafe: str = "needs_action",
) -> list[Drift]:
    """Settings (item ids) that read `safe` at the last signed-in re-read and read `unsafe`
    now. Nothing else is drift: an item not read before (or now), "unsure", or one that was
    already unsafe."""
    return [
        Drift(platform_id, item_id, safe, unsafe, seen_at, WATCH_SIGNED_IN_SOURCE)
        for item_id, status in after.items()
        if status == unsafe and before.get(item_id) == safe
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


def status_line(watch: PlatformWatch, platform_name: str, *, verb: str = "looked at") -> str:
    """ "Instagram: last looked at 07 Dec 2026 09:14, next around 14 Dec 2026 03:40", and
    why it is paused or backing off, or that its first look had nothing to compare, if so."""
    when = _when(watch.last_look_at) if watch.last_look_at else ""
    last = f"last {verb} {when}" if when else f"not {verb.removesuffix(' on')} yet"
    said = f"{platform_name}: {last}, next on or after {_when(watch.next_look_at)}"
    reason = watch.waiting_because
    return f"{said} ({reason})" if reason else said


def _when(moment: datetime) -> str:
    return f"{short_date(moment)} {moment:%H:%M} UTC"


def signed_out_notices(watches: Sequence[PlatformWatch], names: Mapping[str, str]) -> list[str]:
    """The overview's lines for platforms whose last re-read found the session signed out
    (until a re-read finds it signed in again); `watches` as the dashboard's read found them,
    `names` the platforms' names by id."""
    return [
        f"{names.get(w.platform_id, w.platform_id)}: {SIGNED_OUT_BY_HAND}. The watch's "
        f"signed-in re-read on {short_date(w.last_look_at)} found Footprint's browser signed "
        "out, so it read nothing and typed nothing; check this platform in an audit."
        for w in watches
        if w.last_outcome is LookOutcome.SIGNED_OUT and w.last_look_at is not None
    ]
