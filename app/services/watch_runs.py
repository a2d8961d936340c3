"""Use cases of the watch: turn it on or off, say how it stands, and run the looks that are due.

A run (`run_due`) looks only at the platforms whose turn has come (`app.audit.watch`), with
"See what a stranger sees" exactly as the worker's own look does (`look_as_stranger`: one
signed-out throwaway browser for the run, findings only). Each look is kept as it finishes —
the look, the platform's next turn, any drift, and the findings in place of the earlier ones —
so stopping part-way (or closing Footprint) loses nothing that was seen. A look that finds
nothing changed records no drift. Signed-out only: nothing here signs in, types or opens a
sign-in form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.audit.watch import (
    FIRST_LOOK,
    SIGNED_OUT_BY_HAND,
    Drift,
    LookOutcome,
    PlatformWatch,
    WatchPolicy,
    after_look,
    drift_between,
    due_now,
    first_schedule,
    pause_while_offline,
    status_line,
)
from app.checklists.model import Catalogue
from app.formatting import plural
from app.storage.store import Store
from app.stranger.evidence import SeenFinding
from app.stranger.look import (
    LookCancelled,
    LookFinished,
    OutsideConfig,
    StrangerRequest,
    look_as_stranger,
)
from app.stranger.use_cases import findings_of, stranger_requests
from app.stranger.view import Obstacle, StrangerView, WorkerTerms

DAY = timedelta(days=1)
OFF = (
    "The watch is off: Footprint looks at your public profiles only when you ask. "
    "Turn it on with `footprint watch --enable` or in Settings."
)
# The one look function the runner uses; tests and the benchmark pass the real one with a
# config pointing at replica pages.
Look = Callable[..., list[StrangerView]]


@dataclass(frozen=True)
class WatchedLook:
    """One look of a run: which platform, how it ended, and the drift it found."""

    platform_id: str
    platform_name: str
    outcome: LookOutcome
    drift: tuple[Drift, ...] = ()
    problem: str = ""  # the obstacle, in Footprint's words
    compared: bool = True  # False: the platform's first look, nothing to compare with
    signed_in: bool = False  # a signed-in re-read of the settings, not a stranger's look
    unread: int = 0  # settings a re-read that got through could still not read

    @property
    def complete(self) -> bool:
        """Seen, and nothing left unread: only then may "nothing changed" be said of it."""
        return self.outcome is LookOutcome.SEEN and self.unread == 0

    def line(self) -> str:
        """The look as one line for `footprint watch --once`."""
        how = "re-read your settings, signed in" if self.signed_in else "looked as a stranger"
        if self.outcome is LookOutcome.SIGNED_OUT:
            return f"{self.platform_name}: {SIGNED_OUT_BY_HAND} (nothing was typed)"
        if self.outcome is not LookOutcome.SEEN:
            return f"{self.platform_name}: could not look — {self.problem or self.outcome.value}"
        if not self.compared:
            return f"{self.platform_name}: {how}; {FIRST_LOOK}"
        unread = f"; {plural(self.unread, 'setting')} could not be read" if self.unread else ""
        if not self.drift:
            if self.signed_in:
                among = " among those read" if self.unread else ""
                return f"{self.platform_name}: {how}; no setting slid back{among}{unread}"
            return f"{self.platform_name}: {how}; nothing became more visible"
        drift = "\n".join(d.sentence(self.platform_name) for d in self.drift)
        return drift + (f"\n{self.platform_name}: {unread[2:]}" if unread else "")


@dataclass(frozen=True)
class WatchRun:
    """What one `watch --once` did."""

    enabled: bool
    looks: tuple[WatchedLook, ...] = ()
    paused: tuple[str, ...] = ()  # platforms not looked at because the computer seemed offline
    stopped: bool = False  # cancelled part-way; what was seen is kept
    nothing_due: str = ""  # when nothing was due: when the next look is

    @property
    def drift(self) -> list[Drift]:
        """Every drift this run found."""
        return [d for look in self.looks for d in look.drift]

    def lines(self) -> list[str]:
        """What to print."""
        if not self.enabled:
            return [OFF]
        if not self.looks and not self.paused:
            return [self.nothing_due or "Nothing is due: no platform's turn has come."]
        lines = [look.line() for look in self.looks]
        if self.paused:
            lines.append("Paused while offline, to try again in an hour: " + ", ".join(self.paused))
        if self.stopped:
            lines.append("Stopped part-way; every look that finished is kept.")
        compared = [
            look for look in self.looks if look.compared and look.outcome is LookOutcome.SEEN
        ]
        if compared and not self.drift and all(look.complete for look in compared):
            lines.append("Nothing changed since the last looks: no drift recorded.")
        return lines


def together(signed_out: WatchRun, signed_in: WatchRun) -> WatchRun:
    """One run's signed-out looks and signed-in re-reads as one report."""
    nothing_due = signed_out.nothing_due if signed_out.enabled else ""
    return WatchRun(
        signed_out.enabled or signed_in.enabled,
        (*signed_out.looks, *signed_in.looks),
        signed_out.paused,
        signed_out.stopped or signed_in.stopped,
        nothing_due,
    )


@dataclass(frozen=True)
class WatchStatus:
    """What is watched and when, for `footprint watch --status` and Settings."""

    enabled: bool
    lines: tuple[str, ...] = field(default=())


def choose(store: Store, signed_out: bool, now: datetime) -> None:
    """Turn the signed-out watch on or off (on: every platform with a public address becomes
    due at once; off: the schedules are dropped, the drift already seen is kept)."""
    store.choose_watch(signed_out, now)
    if not signed_out:
        store.save_watched_platforms([], keep_only=True)


def watched(store: Store, now: datetime, *, save: bool = True) -> list[PlatformWatch]:
    """The schedules of every platform with a public address, new ones due now; platforms
    whose address was removed are no longer watched (`save`: and the store says so too)."""
    addresses = store.public_addresses()
    kept = {w.platform_id: w for w in store.watched_platforms() if w.platform_id in addresses}
    watches = [kept.get(pid) or first_schedule(pid, now) for pid in sorted(addresses)]
    if save:
        store.save_watched_platforms(watches, keep_only=True)
    return watches


def status(
    store: Store, catalogue: Catalogue, now: datetime, signed_in: Sequence[str] = ()
) -> WatchStatus:
    """What is watched, when each platform was last and will next be looked at, and why any
    is paused or backing off (`signed_in`: the re-reads' lines, said after the looks')."""
    choice = store.watch_choice()
    names = _names(catalogue)
    unconfirmed = [d for d in store.watch_drift() if d.confirmed_at is None]
    drift_lines = [d.sentence(names.get(d.platform_id, d.platform_id)) for d in unconfirmed]
    if not choice.signed_out:
        return WatchStatus(False, (OFF, *signed_in, *drift_lines))
    watches = watched(store, now, save=False)  # a read: runs beside the open app
    lines = ["The watch is on: signed-out looks at your public profiles, about once a week."]
    lines += [status_line(w, names.get(w.platform_id, w.platform_id)) for w in watches]
    if not watches:
        lines.append("No public profile addresses are saved (Settings, Your public profiles).")
    return WatchStatus(True, (*lines, *signed_in, *drift_lines))


@dataclass(frozen=True)
class WatchPlan:
    """The looks due now, read on the thread that owns the database before the browser starts."""

    requests: tuple[StrangerRequest, ...]
    watches: Mapping[str, PlatformWatch]  # every watched platform's schedule before the run
    due: tuple[str, ...]  # platform ids, most overdue first
    nothing_due: str = ""  # when nothing is due: why, and when the next look is


def plan(store: Store, catalogue: Catalogue, now: datetime, policy: WatchPolicy) -> WatchPlan:
    """Which platforms to look at now (none when the watch is off)."""
    if not store.watch_choice().signed_out:
        return WatchPlan((), {}, (), OFF)
    watches = {w.platform_id: w for w in watched(store, now)}
    # A look that found no connection used nothing and does not count towards the day's cap.
    recent = sum(1 for *_, how in store.watch_looks_since(now - DAY) if how != LookOutcome.OFFLINE)
    due = due_now(watches.values(), recent, now, policy)
    if not due:
        return WatchPlan((), watches, (), _next_look(watches.values(), recent, policy))
    requests = _requests_in_order(catalogue, store.public_addresses(), due)
    return WatchPlan(tuple(requests), watches, tuple(due))


def keep_look(
    store: Store, watch_plan: WatchPlan, view: StrangerView, policy: WatchPolicy
) -> WatchedLook:
    """Keep one finished look at once, in one transaction: the look, the platform's next turn,
    any drift against its last findings, and (when the page was seen) the new findings."""
    outcome = outcome_of(view)
    now = view.seen_at
    before = [f for f in store.outside_findings() if f.platform_id == view.platform_id]
    seen: list[SeenFinding] | None = None
    drift: list[Drift] = []
    compared = True
    if outcome is LookOutcome.SEEN:
        seen = findings_of([view])
        drift = drift_between(before, seen, now)
        compared = bool(before)  # the first look is the starting point, not "no change"
    watch = watch_plan.watches[view.platform_id]
    schedule = after_look(watch, outcome, now, policy, compared=compared)
    store.record_watch_look(schedule, outcome, now, drift, seen)
    return WatchedLook(view.platform_id, view.platform_name, outcome, tuple(drift), view.problem,
                       compared=compared)  # fmt: skip


def finish(
    store: Store,
    catalogue: Catalogue,
    watch_plan: WatchPlan,
    looks: Sequence[WatchedLook],
    now: datetime,
    policy: WatchPolicy,
    *,
    stopped: bool = False,
) -> WatchRun:
    """After the browser closed: once a look found no connection, the due platforms not
    looked at wait for the offline retry (their back-off unchanged)."""
    paused: list[str] = []
    if any(look.outcome is LookOutcome.OFFLINE for look in looks):
        looked = {look.platform_id for look in looks}
        waiting = [watch_plan.watches[pid] for pid in watch_plan.due]
        later = pause_while_offline(waiting, looked, now, policy)
        store.save_watched_platforms(later, keep_only=False)
        paused = [_names(catalogue).get(w.platform_id, w.platform_id) for w in later]
        stopped = False  # the run stopped itself
    return WatchRun(True, tuple(looks), tuple(paused), stopped)


def went_offline(looks: Sequence[WatchedLook]) -> bool:
    """A look found no connection: the rest of the run would only fail the same way."""
    return any(look.outcome is LookOutcome.OFFLINE for look in looks)


def run_due(
    store: Store,
    catalogue: Catalogue,
    config: OutsideConfig,
    terms: WorkerTerms,
    *,
    policy: WatchPolicy | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    look: Look = look_as_stranger,
) -> WatchRun:
    """Look at the platforms that are due, keep each look as it finishes, and say what
    changed (on one thread: the command line's).

    Raises:
        app.automation.engine.BrowserUnavailable: the browser could not be started (nothing
            is recorded: it was not a look).
    """
    policy = policy or WatchPolicy()
    watch_plan = plan(store, catalogue, config.clock.now(), policy)
    if not watch_plan.requests:
        enabled = watch_plan.nothing_due != OFF
        return WatchRun(enabled, nothing_due="" if not enabled else watch_plan.nothing_due)
    looks: list[WatchedLook] = []

    def receive(event: object) -> None:
        if isinstance(event, LookFinished):
            looks.append(keep_look(store, watch_plan, event.view, policy))

    stopped = False
    try:
        look(config, watch_plan.requests, terms, send=receive,
             cancelled=lambda: went_offline(looks) or cancelled())  # fmt: skip
    except LookCancelled:
        stopped = True
    return finish(store, catalogue, watch_plan, looks, config.clock.now(), policy,
                  stopped=stopped)  # fmt: skip


def outcome_of(view: StrangerView) -> LookOutcome:
    """How a stranger's view ended, for the schedule. A sign-in wall is not compared: its
    findings would replace what the last real look saw with "can't see anything"."""
    if view.obstacle is None:
        return LookOutcome.WALL if view.walled else LookOutcome.SEEN
    if view.obstacle is Obstacle.RATE_LIMITED:
        return LookOutcome.RATE_LIMITED
    if view.obstacle is Obstacle.NO_CONNECTION:
        return LookOutcome.OFFLINE
    return LookOutcome.FAILED


def confirm(store: Store, drift_id: int, now: datetime) -> None:
    """The worker has seen a watched drift (the answer itself is still theirs to give)."""
    store.confirm_drift(drift_id, now)


def unconfirmed_drift(store: Store) -> list[Drift]:
    """Drift the watch saw that the worker has not confirmed yet."""
    return [d for d in store.watch_drift() if d.confirmed_at is None]


def _requests_in_order(
    catalogue: Catalogue, addresses: Mapping[str, str], due: Sequence[str]
) -> list[StrangerRequest]:
    """The requests of the due platforms, most overdue first."""
    by_platform = {r.platform_id: r for r in stranger_requests(catalogue, addresses)}
    return [by_platform[pid] for pid in due if pid in by_platform]


def _next_look(watches: Iterable[PlatformWatch], recent: int, policy: WatchPolicy) -> str:
    listed = list(watches)
    if not listed:
        return "Nothing is watched: no public profile addresses are saved."
    if recent >= policy.max_looks_per_day:
        return f"Nothing now: the watch makes at most {policy.max_looks_per_day} looks a day."
    soonest = min(w.next_look_at for w in listed)
    return f"Nothing is due; the next look is on or after {soonest:%d %b %Y %H:%M} UTC."


def _names(catalogue: Catalogue) -> dict[str, str]:
    return {p.id: p.name for p in catalogue.platforms}
