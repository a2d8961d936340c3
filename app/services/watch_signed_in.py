"""The watch's signed-in re-reads: per platform, opt-in, on a live saved session only.

"Also re-read my settings when I am already signed in on this computer" is off until the
worker ticks it for a platform. A re-read opens the platform's own saved browser profile
(`app.automation.profiles`) headless, with the read-only reader in its never-sign-in mode
(`AutomationConfig.never_sign_in`): when the session is signed out the platform stops there
and the look is kept as "signed out — re-check by hand". Nothing is typed, no sign-in form is
opened by Footprint and the keyring is never read. A setting that read safe at the last
re-read and now reads as needing action is drift ("seen by the watch, signed in"), kept
unconfirmed until the worker says they have seen it; the first re-read is the starting point.
Each re-read is kept as it finishes, so stopping part-way loses nothing that finished.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from app.audit.watch import (
    LookOutcome,
    PlatformWatch,
    WatchPolicy,
    after_look,
    due_now,
    reading_drift,
    status_line,
)
from app.automation.config import AutomationConfig, readable_items
from app.automation.failures import Failure
from app.automation.results import ReadResult
from app.automation.switches import headless_args
from app.checklists.model import Catalogue, Platform
from app.services.watch_runs import DAY, WatchedLook
from app.storage.store import Store

if TYPE_CHECKING:
    from app.credentials import Credential  # keyring is slow to import; types only here

ASK = "Also re-read my settings when I am already signed in on this computer"
# Read failures that say the saved session is not (or no longer) signed in.
_SIGNED_OUT = frozenset({Failure.SIGNED_OUT, Failure.SIGN_IN_AGAIN})
# Reads the platform itself refused, kept as the signed-out watch's outcomes.
_OUTCOMES = {Failure.RATE_LIMITED: LookOutcome.RATE_LIMITED,
             Failure.NO_CONNECTION: LookOutcome.OFFLINE}  # fmt: skip
# The one read function the runner uses: (config, platform, cancelled) → results. Tests pass
# the real one with a config pointing at replica pages.
ReadPlatform = Callable[[AutomationConfig, Platform, Callable[[], bool]], list[ReadResult]]


def readable_platforms(catalogue: Catalogue) -> list[Platform]:
    """The platforms whose settings the reader can read (the ones the choice is offered for)."""
    return [p for p in catalogue.platforms if readable_items(p)]


def choose(store: Store, platform_id: str, chosen: bool, now: datetime) -> None:
    """Tick or untick the platform's signed-in re-reads (on: due at once)."""
    store.choose_signed_in_watch(platform_id, chosen, now)


def chosen_platforms(store: Store) -> set[str]:
    """The platforms the worker ticked for signed-in re-reads."""
    return {w.platform_id for w in store.signed_in_watches()}


def status_lines(store: Store, catalogue: Catalogue) -> list[str]:
    """One line per platform chosen for signed-in re-reads: last and next re-read, and why
    one is not on its usual schedule ("signed out — re-check by hand", a first look)."""
    names = {p.id: p.name for p in catalogue.platforms}
    watches = store.signed_in_watches()
    if not watches:
        return []
    lines = ["Signed-in re-reads (only on a session already signed in; never signs in):"]
    for watch in watches:
        name = f"{names.get(watch.platform_id, watch.platform_id)} settings"
        lines.append(status_line(watch, name, verb="re-read on"))
    return lines


def due(store: Store, now: datetime, policy: WatchPolicy) -> list[PlatformWatch]:
    """The chosen platforms whose re-read is due, within what is left of the day's looks
    (signed-out looks and re-reads share `policy.max_looks_per_day`)."""
    watches = store.signed_in_watches()
    recent = sum(1 for *_, how in store.watch_looks_since(now - DAY) if how != LookOutcome.OFFLINE)
    ids = set(due_now(watches, recent, now, policy))
    return [w for w in watches if w.platform_id in ids]


def outcome_of(results: Sequence[ReadResult]) -> LookOutcome:
    """How a re-read ended: signed out as soon as any read says so (the platform stopped
    there), seen when any setting was read, else the first refusal's kind."""
    failures = [r.failure for r in results if r.failure is not None]
    if any(f in _SIGNED_OUT for f in failures):
        return LookOutcome.SIGNED_OUT
    if any(r.suggested is not None for r in results):
        return LookOutcome.SEEN
    return next((_OUTCOMES[f] for f in failures if f in _OUTCOMES), LookOutcome.FAILED)


def keep(
    store: Store,
    watch: PlatformWatch,
    platform: Platform,
    results: Sequence[ReadResult],
    now: datetime,
    policy: WatchPolicy,
) -> WatchedLook:
    """Keep one finished re-read at once: the look, the schedule after it, any drift against
    the last re-read's statuses, and (when settings were read) the new statuses."""
    outcome = outcome_of(results)
    readings: dict[str, str] | None = None
    drift = []
    compared = True
    if outcome is LookOutcome.SEEN:
        readings = {r.item_id: r.suggested.value for r in results if r.suggested is not None}
        before = store.watch_readings(platform.id)
        compared = bool(before)
        drift = reading_drift(platform.id, before, readings, now)
    schedule = after_look(watch, outcome, now, policy, compared=compared)
    store.record_signed_in_look(schedule, outcome, now, drift, readings)
    problem = next((r.problem or "" for r in results if r.failure is not None), "")
    unread = sum(1 for r in results if r.suggested is None) if outcome is LookOutcome.SEEN else 0
    return WatchedLook(platform.id, platform.name, outcome, tuple(drift), problem,
                       compared=compared, signed_in=True, unread=unread)  # fmt: skip


def keep_failed(
    store: Store,
    watch: PlatformWatch,
    platform: Platform,
    problem: str,
    now: datetime,
    policy: WatchPolicy,
) -> WatchedLook:
    """Keep a re-read that never read (its job failed: the browser would not start, the
    profile was held, …) as a failed look, so the watch's back-off spaces the next tries."""
    schedule = after_look(watch, LookOutcome.FAILED, now, policy)
    store.record_signed_in_look(schedule, LookOutcome.FAILED, now, [], None)
    return WatchedLook(platform.id, platform.name, LookOutcome.FAILED, (), problem,
                       signed_in=True)  # fmt: skip


def never_load_credential(platform_id: str) -> Credential | None:
    """The re-reads' credential loader: none, ever (the engine never asks; if it did, it
    would get nothing to type)."""
    return None


def watch_config(config: AutomationConfig) -> AutomationConfig:
    """The reader's config for a re-read: headless (without what only a window someone looks
    at needs), never signing in, no keyring, no screenshots of the worker's pages."""
    return replace(config, never_sign_in=True, headless=True,
                   args=headless_args(config.args),
                   load_credential=never_load_credential, screenshots=False)  # fmt: skip


def read_with_engine(
    config: AutomationConfig, platform: Platform, cancelled: Callable[[], bool]
) -> list[ReadResult]:
    """Read the platform's settings from its saved profile (raises Cancelled and
    BrowserUnavailable), closing the browser after."""
    from app.automation.engine import AutomationEngine

    engine = AutomationEngine(watch_config(config), cancelled)
    try:
        engine.start()
        return engine.read_platform(platform, _Quiet())
    finally:
        engine.close()


def run_due(
    store: Store,
    catalogue: Catalogue,
    config: AutomationConfig,
    *,
    policy: WatchPolicy | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    read: ReadPlatform = read_with_engine,
) -> tuple[list[WatchedLook], bool]:
    """Re-read the chosen platforms that are due, keeping each as it finishes; the looks,
    and whether the run was stopped part-way (what finished is kept).

    Raises:
        app.automation.engine.BrowserUnavailable: the browser could not be started.
    """
    from app.automation.page import Cancelled

    policy = policy or WatchPolicy()
    platforms = {p.id: p for p in readable_platforms(catalogue)}
    looks: list[WatchedLook] = []
    for watch in due(store, config.clock.now(), policy):
        platform = platforms.get(watch.platform_id)
        if platform is None or cancelled():
            continue
        try:
            results = read(watch_config(config), platform, cancelled)
        except Cancelled:
            return looks, True
        looks.append(keep(store, watch, platform, results, config.clock.now(), policy))
    return looks, False


@dataclass(frozen=True)
class RereadFinished:
    """One platform's re-read, sent from the background work to the UI thread to be kept."""

    watch: PlatformWatch
    platform: Platform
    results: list[ReadResult]


class _Quiet:
    """The engine's Reporter for a re-read: nobody is watching the progress."""

    def waiting(self, platform_id: str, message: str) -> None:
        """Never called in never-sign-in mode (nothing asks the worker to act)."""

    def item_started(self, platform_id: str, item_id: str, index: int, total: int) -> None:
        """Progress is not shown."""

    def item_read(self, result: ReadResult) -> None:
        """Results are kept together at the end of the platform."""
