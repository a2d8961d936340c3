"""From findings to the audit history: export answers, import counts, review counts.

Nothing here stores a name: answers carry setting values, the import carries counts, a
review carries counts and salted hashes of the people marked (until they are gone).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.records import (
    ImportPlan,
    PendingReview,
    RemovalCheck,
    ReviewToSave,
)
from app.audit.run import AuditRun
from app.checklists.model import Catalogue, Platform
from app.exports.drift import ExportDrift, export_drift
from app.exports.findings import ExportFindings, SettingObservation
from app.exports.hashing import ITERATIONS, digests, new_salt


class ExportStore(Protocol):
    def record_export_import(self, plan: ImportPlan) -> tuple[int, int | None]:
        """Save the plan in one transaction; returns (import id, run id or None)."""
        ...

    def save_connection_review(self, review: ReviewToSave) -> int: ...


@dataclass(frozen=True)
class AnsweredItem:
    item_id: str
    title: str
    status: AnswerStatus
    observed: str


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did, for the dialog and the CLI to say."""

    import_id: int
    run_id: int | None
    findings: ExportFindings = field(repr=False)
    answered: tuple[AnsweredItem, ...]
    not_in_checklist: tuple[SettingObservation, ...]
    platform_complete: bool
    drift: ExportDrift
    removal_checks: tuple[RemovalCheck, ...]


def removal_checks(
    findings: ExportFindings, pending: Sequence[PendingReview]
) -> tuple[RemovalCheck, ...]:
    """Compare earlier reviews' marked people with this export. CPU-heavy: run off the UI."""
    present_kinds = {kind.value for kind in findings.connection_counts}
    keys = {c.key for c in findings.connections}
    checks = []
    for review in pending:
        if review.platform_id != findings.platform_id or findings.export_date <= review.reviewed_at:
            continue  # an export made before the review cannot show removals
        if not set(review.lists) <= present_kinds:
            continue  # a list missing from this export would look like everyone was removed
        present = digests(review.salt, keys, review.iterations) & review.digests
        gone = review.digests - present
        checks.append(RemovalCheck(review.id, review.reviewed_at, gone, len(present)))
    return tuple(checks)


def record_import(
    store: ExportStore,
    findings: ExportFindings,
    catalogue: Catalogue,
    history: Sequence[AuditRun],
    checks: tuple[RemovalCheck, ...],
    now: datetime,
) -> ImportOutcome:
    """Save the export's answers (as a new audit run) and its counts, all at once."""
    platform = catalogue.get(findings.platform_id)
    answerable, other = _split(findings.observations, platform)
    answers = tuple(_answer(findings, obs, now) for obs in answerable)
    complete = platform is not None and {a.item_id for a in answers} >= set(platform.item_ids)
    drift = export_drift(findings, history)  # before saving: compare with the earlier audits
    plan = _plan(findings, answers, complete, drift, checks, now)
    import_id, run_id = store.record_export_import(plan)
    return ImportOutcome(
        import_id,
        run_id,
        findings,
        tuple(_answered(platform, a) for a in answers if platform is not None),
        other,
        complete,
        drift,
        checks,
    )


def _split(
    observations: Sequence[SettingObservation], platform: Platform | None
) -> tuple[tuple[SettingObservation, ...], tuple[SettingObservation, ...]]:
    items = set(platform.item_ids) if platform else set()
    return (
        tuple(o for o in observations if o.item_id in items),
        tuple(o for o in observations if o.item_id not in items),
    )


def _answer(findings: ExportFindings, observation: SettingObservation, now: datetime) -> Answer:
    date = f"{findings.export_date:%Y-%m-%d}"
    return Answer(
        findings.platform_id,
        observation.item_id,
        observation.status,
        AnswerSource.EXPORT,
        now,
        observation.observed(findings.export_date),
        f"From your {findings.platform_name} data export of {date}.",
    )


def _answered(platform: Platform, answer: Answer) -> AnsweredItem:
    title = platform.item(answer.item_id).name
    return AnsweredItem(answer.item_id, title, answer.status, answer.observed or "")


def _plan(
    findings: ExportFindings,
    answers: tuple[Answer, ...],
    complete: bool,
    drift: ExportDrift,
    checks: tuple[RemovalCheck, ...],
    now: datetime,
) -> ImportPlan:
    counts = findings.connection_counts
    requests = sum(n for kind, n in counts.items() if kind.is_request)
    return ImportPlan(
        platform_id=findings.platform_id,
        imported_at=now,
        export_date=findings.export_date,
        answers=answers,
        platform_complete=complete,
        connection_count=sum(counts.values()) - requests,
        request_count=requests,
        public_switches=len(drift.switches),
        removal_checks=checks,
    )


def review_to_save(
    findings: ExportFindings, marked_keys: Collection[str], now: datetime
) -> ReviewToSave:
    """A finished review as counts, with salted hashes of only the people marked."""
    people = findings.people()
    known = {p.key for p in people}
    marked = set(marked_keys) & known
    salt = new_salt()
    return ReviewToSave(
        platform_id=findings.platform_id,
        reviewed_at=now,
        export_date=findings.export_date,
        reviewed_count=len(people),
        lists=tuple(sorted(kind.value for kind in findings.connection_counts)),
        salt=salt,
        iterations=ITERATIONS,
        marked_digests=digests(salt, marked) if marked else frozenset(),
    )
