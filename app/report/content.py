"""What the supervision report says, as plain values (built by `app.report.report_model`).

Everything in here leaves the worker's computer when they print or save the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.audit.answers import AnswerStatus
from app.audit.drift import DriftReason
from app.audit.scoring import PlatformState, Score
from app.checklists.model import Severity
from app.formatting import short_date


class ReportError(Exception):
    """A report cannot be made; the message is a sentence for the worker."""


@dataclass(frozen=True)
class ReportScope:
    """What the worker asked the report to cover."""

    run_id: int | None = None  # one audit; None: the current state of every platform used
    since: datetime | None = None  # changes from here; None: since the previous report
    include_notes: bool = False
    include_steps: bool = False  # an appendix with the step-by-step fixes


@dataclass(frozen=True)
class Period:
    """The stretch of time whose changes the report shows."""

    start: datetime | None  # None: compared with each platform's previous check (one audit)
    end: datetime
    description: str  # "since the previous report, 12 Oct 2026", for the summary and details

    @property
    def since(self) -> str:
        """The period for a heading, with no brackets: "since 07 Sep 2026", or for one audit
        "in this audit"."""
        return f"since {short_date(self.start)}" if self.start is not None else "in this audit"


@dataclass(frozen=True)
class WorkerDetails:
    """The worker as the report names them, for the supervisor."""

    name: str
    role: str
    organisation: str
    regulator: str  # the regulator's full name
    supervisor: str


@dataclass(frozen=True)
class ItemLine:
    """One item of one platform, as answered in the check the report shows."""

    name: str
    status: AnswerStatus
    method: str  # how it was checked: "By hand", "Read automatically", "Data export", "—"
    fixed_at: datetime | None = None  # when the worker recorded "I fixed it", if they did


@dataclass(frozen=True)
class PlatformSection:
    """One platform: its state, the check it comes from, and each item."""

    platform_id: str
    name: str
    state: PlatformState
    checked_at: datetime | None  # the check shown was finished then; None: never finished
    seen_at: datetime | None  # for a platform never finished: when it was last started
    next_due: datetime | None  # None: never checked, so due now
    is_due: bool
    score: Score
    items: tuple[ItemLine, ...]


@dataclass(frozen=True)
class ActionLine:
    """An item still to act on (or answered "Not sure"), with how to fix it."""

    platform: str
    action: str  # the fix, as a phrase ("Make your account private")
    name: str  # the setting's name
    status: AnswerStatus
    severity: Severity
    checked_at: datetime | None  # the check that found it
    steps: tuple[str, ...]
    app_steps: tuple[str, ...]
    safe: str


@dataclass(frozen=True)
class DriftLine:
    """A setting that slid back (or changed value) between two checks."""

    platform: str
    name: str
    reason: DriftReason
    before: AnswerStatus
    before_observed: str | None
    before_date: datetime
    after: AnswerStatus
    after_observed: str | None
    after_date: datetime


@dataclass(frozen=True)
class FixedLine:
    """A fix the worker recorded ("I fixed it", a dated answer of its own) within the period."""

    platform: str
    action: str  # the fix, as a phrase ("Make your account private")
    name: str  # the setting's name
    fixed_at: datetime
    now: AnswerStatus  # the item's answer in the check the report shows: Safe unless it slid back


@dataclass(frozen=True)
class OverdueLine:
    """A platform whose re-check is due, as the report lists it."""

    platform: str
    last_checked: datetime | None  # None: never checked
    next_due: datetime | None
    overdue_days: int
    snoozed_until: datetime | None


@dataclass(frozen=True)
class ClauseLine:
    """A clause cited by the findings, with the platforms where they were made."""

    source: str
    text: str
    platforms: tuple[str, ...]  # where the findings citing it were made
    kind: str = "Code"  # "Code", "Standard", "Regulator guidance (not Code text)"…


@dataclass(frozen=True)
class NoteLine:
    """A note the worker wrote on an item."""

    platform: str
    name: str
    note: str


@dataclass(frozen=True)
class OutsideLine:
    """What a stranger could see on one platform: Footprint's findings and their date (never
    the address, the page's words or anyone's name)."""

    platform: str
    seen_at: datetime | None  # None: not looked at (see `not_looked`)
    findings: tuple[str, ...]
    not_looked: str = ""  # with no findings: why, as far as Footprint knows ("no address given")


@dataclass(frozen=True)
class SupervisionReport:
    """The whole report. Built only from the profile, the definitions and stored answers."""

    title: str
    created_at: datetime
    worker: WorkerDetails
    covers: str  # "The current state of every platform you use" or "Audit number 4"
    run_id: int | None  # the audit, for a report of one audit
    period: Period
    summary: str
    platforms: tuple[PlatformSection, ...]
    actions: tuple[ActionLine, ...]
    drift: tuple[DriftLine, ...]
    fixed: tuple[FixedLine, ...]  # fixes recorded within the period, newest per setting
    overdue: tuple[OverdueLine, ...]
    clauses: tuple[ClauseLine, ...]
    clause_notices: tuple[str, ...]  # what Footprint could not verify of the worker's code
    notes_included: bool
    notes: tuple[NoteLine, ...]
    steps_included: bool
    evidence: tuple[str, ...] = ()  # data-export imports and friend-list reviews, as counts
    outside: tuple[OutsideLine, ...] = ()  # what a stranger could see, per platform
    # What the watch saw become visible within the period, each with its source and time;
    # not answers (the worker confirms in an audit before it becomes one).
    watched: tuple[str, ...] = ()

    @property
    def dated(self) -> datetime:
        """The date a file name should carry: the report's own."""
        return self.created_at
