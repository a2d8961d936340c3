"""Which earlier check a platform's check is compared with: one rule for every screen.

The summary after an audit, the dashboard, the history and the supervision report all show
"what changed since last time". They must agree, so the rule lives here only:

    A check of a platform in a run is compared with the newest *completed* check of the same
    platform in another run that was completed *before* this check was made.

"When this check was made" is when the platform was finished in the run; for a platform not
finished (skipped, or the audit is still open) it is the newest answer given to it, and for a
platform with no answers at all the start of the run. A later audit is therefore never the
"previous" one, whichever screen asks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.audit.answers import Answer
from app.audit.drift import NO_DRIFT, DriftReport, drift_between
from app.audit.run import AuditRun, PlatformCheck
from app.audit.schedule import is_in_the_future
from app.checklists.model import Platform


@dataclass(frozen=True)
class CompletedCheck:
    """A finished check of one platform in one run."""

    run: AuditRun
    check: PlatformCheck

    @property
    def completed_at(self) -> datetime:
        """When the worker finished the platform in this run."""
        assert self.check.completed_at is not None
        return self.check.completed_at

    def answers(self) -> dict[str, Answer]:
        """The platform's answers in this run, keyed by item id."""
        return self.run.answers_for(self.check.platform_id)


@dataclass(frozen=True)
class Comparison:
    """A check of a platform set against its previous check (if there is one)."""

    checked_at: datetime
    previous: CompletedCheck | None
    drift: DriftReport

    @property
    def previous_checked_at(self) -> datetime | None:
        """When the check compared with was finished; None for a first check."""
        return self.previous.completed_at if self.previous else None


def completed_checks(history: Sequence[AuditRun], platform_id: str) -> list[CompletedCheck]:
    """Every finished check of a platform, oldest first."""
    found = [
        CompletedCheck(run, check)
        for run in history
        if (check := run.check_for(platform_id)) is not None and check.completed_at is not None
    ]
    return sorted(found, key=lambda c: c.completed_at)


def completed_checks_by_platform(history: Sequence[AuditRun]) -> dict[str, list[CompletedCheck]]:
    """`completed_checks` of every platform at once, by platform id: one pass over the
    history instead of one per platform (the dashboard and the history view ask about every
    platform, on years of runs)."""
    found: dict[str, list[CompletedCheck]] = {}
    for run in history:
        seen: set[str] = set()
        for check in run.platforms:
            if check.platform_id in seen:
                continue  # as run.check_for: a run's first check of a platform is the one
            seen.add(check.platform_id)
            if check.completed_at is not None:
                found.setdefault(check.platform_id, []).append(CompletedCheck(run, check))
    for checks in found.values():
        checks.sort(key=_finished)  # stable: history order among equal times
    return found


def _finished(check: CompletedCheck) -> datetime:
    return check.completed_at


def check_time(run: AuditRun, platform_id: str) -> datetime:
    """When the platform was checked in `run` (see the module's rule)."""
    check = run.check_for(platform_id)
    if check is not None and check.completed_at is not None:
        return check.completed_at
    answers = run.answers_for(platform_id).values()
    return max((a.answered_at for a in answers), default=run.started_at)


def previous_check(
    history: Sequence[AuditRun], platform_id: str, run: AuditRun
) -> CompletedCheck | None:
    """The check that `run`'s check of the platform is compared with, or None."""
    checked = check_time(run, platform_id)
    # One pass, no sorting: the dashboard asks this of every platform on years of runs. Of
    # checks finished at the same moment, the later run counts (as the last of a stable sort).
    newest: CompletedCheck | None = None
    for candidate in history:
        check = candidate.check_for(platform_id)
        if candidate.id == run.id or check is None or check.completed_at is None:
            continue
        if check.completed_at < checked and (
            newest is None or check.completed_at >= newest.completed_at
        ):
            newest = CompletedCheck(candidate, check)
    return newest


def previous_among(
    checks: Sequence[CompletedCheck], platform_id: str, run: AuditRun
) -> CompletedCheck | None:
    """`previous_check`, from the platform's finished checks sorted oldest first (as
    `completed_checks` or `completed_checks_by_platform` give them): the last one finished
    before `run`'s check, in another run. The same rule, without reading the whole history."""
    checked = check_time(run, platform_id)
    return next(
        (c for c in reversed(checks) if c.completed_at < checked and c.run.id != run.id), None
    )


def compare_with_previous(
    platform: Platform,
    history: Sequence[AuditRun],
    run: AuditRun,
    checks: Sequence[CompletedCheck] | None = None,
) -> Comparison:
    """`run`'s check of `platform` against its previous check: what slid back or changed.

    `checks`, the platform's finished checks oldest first, may be given by a caller that
    compares many runs (the dashboard, the history), so the history is not read each time."""
    if checks is None:
        previous = previous_check(history, platform.id, run)
    else:
        previous = previous_among(checks, platform.id, run)
    drift = NO_DRIFT
    if previous is not None:
        drift = drift_between(platform, previous.answers(), run.answers_for(platform.id))
    return Comparison(check_time(run, platform.id), previous, drift)


def last_completed_check(history: Sequence[AuditRun], platform_id: str) -> CompletedCheck | None:
    """The platform's newest finished check, or None if it was never finished."""
    checks = completed_checks(history, platform_id)
    return checks[-1] if checks else None


@dataclass(frozen=True)
class LatestChecks:
    """The newest finished check that the schedule can trust, and a newer one it cannot."""

    trusted: CompletedCheck | None
    future: CompletedCheck | None  # dated in the future and not followed by a later check

    @property
    def future_date(self) -> datetime | None:
        """When the suspect check claims to have been made."""
        return self.future.completed_at if self.future else None


def latest_checks(history: Sequence[AuditRun], platform_id: str, now: datetime) -> LatestChecks:
    """The newest finished check not dated in the future (see `app.audit.schedule`), and the
    newest one that is, unless a check was recorded after it (a later run) — then the
    worker has checked again with a right clock and there is nothing to report."""
    return latest_among(completed_checks(history, platform_id), now)


def latest_among(checks: Sequence[CompletedCheck], now: datetime) -> LatestChecks:
    """`latest_checks`, from one platform's finished checks sorted oldest first: those dated
    in the future are the last ones, so only they and the newest before them are looked at
    (not years of checks twice)."""
    trusted = len(checks)
    while trusted and is_in_the_future(checks[trusted - 1].completed_at, now):
        trusted -= 1
    latest = checks[trusted - 1] if trusted else None
    suspect = max(checks[trusted:], key=lambda c: c.run.id, default=None)
    if suspect is not None and latest is not None and latest.run.id > suspect.run.id:
        suspect = None
    return LatestChecks(latest, suspect)


def holds_the_checks_compared_with(
    runs: Sequence[AuditRun], now: datetime, checked_at: Mapping[str, datetime]
) -> bool:
    """Whether `runs`, the dashboard's (`app.audit.stored.DashboardData`: of each platform
    the newest check finished by `now`, the one before it and every check dated ahead), hold
    the check that each platform's check made at `checked_at[platform]` is compared with
    (`previous_check`). They do unless that moment is no later than the check before the
    platform's newest (an older audit resumed): then an older check the dashboard did not
    read may be the one, and the whole history must be asked."""
    by_platform = completed_checks_by_platform(runs)
    for platform_id, checked in checked_at.items():
        checks = by_platform.get(platform_id, [])
        latest = latest_among(checks, now).trusted
        before = previous_among(checks, platform_id, latest.run) if latest else None
        if before is not None and checked <= before.completed_at:
            return False
    return True
