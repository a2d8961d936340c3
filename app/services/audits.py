"""Starting, resuming and re-checking guided audits, and where their answers go.

A session (`app.audit.session`) saves every answer before it moves on; it saves through
`AuditRecords`, this layer's door to the `Store`, so a click's answer passes the use cases on
its way down (window → session → `AuditRecords` → `Store` → the writer) like everything else
the windows change, instead of the window's session holding the database itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.audit.answers import Answer
from app.audit.comparison import check_time, holds_the_checks_compared_with, previous_check
from app.audit.run import AuditRun, PlatformCheck
from app.audit.session import AuditSession, AuditStore
from app.checklists.model import Catalogue
from app.clock import Clock


@dataclass(frozen=True)
class AuditRecords:
    """The `AuditStore` a session is given: each call saved in the `Store` before it returns."""

    store: AuditStore

    def create_run(self, platform_ids: tuple[str, ...], started_at: datetime) -> AuditRun:
        """Start a run of `platform_ids`, in that order, and return it."""
        return self.store.create_run(platform_ids, started_at)

    def save_answer(self, run_id: int, answer: Answer) -> None:
        """Save an answer (or fix) to an item of the run."""
        self.store.save_answer(run_id, answer)

    def save_platform_check(self, run_id: int, check: PlatformCheck) -> None:
        """Save a platform's place in the run, finished or skipped."""
        self.store.save_platform_check(run_id, check)

    def complete_run(self, run_id: int, completed_at: datetime) -> None:
        """Mark the run finished."""
        self.store.complete_run(run_id, completed_at)

    def delete_fix(self, run_id: int, fix: Answer) -> bool:
        """Delete a fix recorded in the run; True if it was found."""
        return self.store.delete_fix(run_id, fix)


@dataclass(frozen=True)
class AuditStart:
    """A session ready to show, with each item's answer at the check it is compared with."""

    session: AuditSession
    earlier: dict[tuple[str, str], Answer]


def start_audit(
    platform_ids: Sequence[str],
    catalogue: Catalogue,
    store: AuditStore,
    clock: Clock,
    runs: Sequence[AuditRun],
) -> AuditStart:
    """A new audit of these platforms (those still in the catalogue)."""
    known = tuple(pid for pid in platform_ids if catalogue.get(pid) is not None)
    session = AuditSession.start(known, catalogue, AuditRecords(store), clock)
    return AuditStart(session, earlier_answers(session, runs))


def resume_audit(
    run: AuditRun, catalogue: Catalogue, store: AuditStore, clock: Clock, runs: Sequence[AuditRun]
) -> AuditStart:
    """The unfinished audit `run`, at its first unanswered item."""
    session = AuditSession(run, catalogue, AuditRecords(store), clock)
    return AuditStart(session, earlier_answers(session, runs))


def earlier_answers(
    session: AuditSession, runs: Sequence[AuditRun]
) -> dict[tuple[str, str], Answer]:
    """For "Last time…": each item's answer at the check this audit is compared with
    (app.audit.comparison's rule, the same one the summary and the report use)."""
    found: dict[tuple[str, str], Answer] = {}
    for platform in session.platforms:
        previous = previous_check(runs, platform.id, session.run)
        if previous is not None:
            found.update(
                {(platform.id, item): answer for item, answer in previous.answers().items()}
            )
    return found


def runs_to_compare(
    view_runs: Sequence[AuditRun],
    now: datetime,
    checked_at: Mapping[str, datetime],
    whole_history: Callable[[], Sequence[AuditRun]],
) -> Sequence[AuditRun]:
    """The runs to find "last time" in for checks of these platforms made at these moments:
    the overview's runs (`view_runs`, read at `now`) when they hold the checks compared with,
    else the whole history, read only then (an older audit resumed)."""
    if holds_the_checks_compared_with(view_runs, now, checked_at):
        return view_runs
    return whole_history()


def check_times(run: AuditRun) -> dict[str, datetime]:
    """When each of the run's platforms was checked, by `app.audit.comparison`'s rule."""
    return {platform_id: check_time(run, platform_id) for platform_id in run.platform_ids}
