"""What the supervision report says, as plain values (built by `app.report.model`).

Everything in here leaves the worker's computer when they print or save the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.audit.answers import AnswerStatus
from app.audit.drift import DriftReason
from app.audit.scoring import PlatformState, Score
from app.checklists.model import Severity


class ReportError(Exception):
    """A report cannot be made; the message is a sentence for the worker."""


@dataclass(frozen=True)
class WorkerDetails:
    name: str
    role: str
    organisation: str
    regulator: str  # the regulator's full name
    supervisor: str


@dataclass(frozen=True)
class ItemLine:
    """One item of one platform as answered in the chosen audit."""

    title: str
    status: AnswerStatus
    method: str  # how it was checked: "By hand", "Read automatically", "Data export" or "—"


@dataclass(frozen=True)
class PlatformSection:
    platform_id: str
    name: str
    state: PlatformState
    checked_at: datetime | None  # None: the platform's check was not finished in this audit
    skipped: bool
    score: Score
    items: tuple[ItemLine, ...]


@dataclass(frozen=True)
class ActionLine:
    """An item the worker still has to act on (or is unsure about), with how to fix it."""

    platform: str
    title: str
    status: AnswerStatus
    severity: Severity
    steps: tuple[str, ...]
    safe: str


@dataclass(frozen=True)
class DriftLine:
    platform: str
    title: str
    reason: DriftReason
    before: AnswerStatus
    before_observed: str | None
    before_date: datetime
    after: AnswerStatus
    after_observed: str | None
    after_date: datetime


@dataclass(frozen=True)
class OverdueLine:
    platform: str
    last_checked: datetime | None  # None: never checked
    next_due: datetime | None
    overdue_days: int
    snoozed_until: datetime | None


@dataclass(frozen=True)
class ClauseLine:
    source: str
    text: str
    platforms: tuple[str, ...]  # where the findings citing it were made


@dataclass(frozen=True)
class NoteLine:
    platform: str
    title: str
    note: str


@dataclass(frozen=True)
class SupervisionReport:
    title: str
    created_at: datetime
    worker: WorkerDetails
    run_id: int
    run_started: datetime
    run_completed: datetime | None
    summary: str
    platforms: tuple[PlatformSection, ...]
    actions: tuple[ActionLine, ...]
    drift: tuple[DriftLine, ...]
    overdue: tuple[OverdueLine, ...]
    clauses: tuple[ClauseLine, ...]
    notes_included: bool
    notes: tuple[NoteLine, ...]
    evidence: tuple[str, ...] = ()  # data-export imports and friend-list reviews, as counts
