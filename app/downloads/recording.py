"""From findings to the audit history: proposed answers, import counts, review counts.

Nothing here stores a name: answers carry setting values, the import carries counts, a
review carries counts and keyed hashes of the people marked (until they are gone), or only
counts when there is no keyring.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.records import ImportPlan, PendingReview, RemovalCheck, ReviewToSave
from app.audit.run import AuditRun
from app.checklists.model import Catalogue, Platform
from app.downloads.findings import ConnectionKind, ExportFindings, SettingObservation, evidence
from app.downloads.hashing import ReviewKey, digests, new_salt
from app.downloads.history_drift import ExportDrift, export_drift


class ExportStore(Protocol):
    """Where an import and a friend-list review are saved (`Store` in the app)."""

    def record_export_import(self, plan: ImportPlan) -> tuple[int, int | None]:
        """Save the plan in one transaction; returns (import id, run id or None)."""
        ...

    def save_connection_review(self, review: ReviewToSave) -> int:
        """Save a friend-list review; returns its id."""
        ...


@dataclass(frozen=True)
class ProposedAnswer:
    """A checklist item the export answers, with the evidence that will be saved."""

    item_id: str
    title: str
    status: AnswerStatus
    observed: str  # "Private account: on (from your Instagram export of 11 Aug 2026)"


@dataclass(frozen=True)
class ImportPreview:
    """What an import would save, for the worker to confirm (the dialog) or not (the CLI)."""

    findings: ExportFindings = field(repr=False)
    answers: tuple[ProposedAnswer, ...]
    not_in_checklist: tuple[SettingObservation, ...]
    by_hand: tuple[str, ...]  # titles of the platform's items the export does not answer
    drift: ExportDrift


@dataclass(frozen=True)
class ImportOutcome:
    """What an import saved, for the dialog and the CLI to say."""

    import_id: int
    run_id: int | None
    preview: ImportPreview
    saved: tuple[ProposedAnswer, ...]  # the answers the worker kept
    platform_complete: bool
    removal_checks: tuple[RemovalCheck, ...]
    check_notes: tuple[str, ...] = ()

    @property
    def findings(self) -> ExportFindings:
        """What was read from the export."""
        return self.preview.findings


def removal_checks(
    findings: ExportFindings, pending: Sequence[PendingReview], key: ReviewKey | None
) -> tuple[tuple[RemovalCheck, ...], tuple[str, ...]]:
    """Compare earlier reviews' marked people with this export; (checks, notes for the
    reviews that could not be checked). Run off the UI thread: it hashes every person."""
    present_kinds = {kind.value for kind in findings.connection_counts}
    incomplete = {kind.value for kind in findings.incomplete}
    keys = {c.key for c in findings.connections}
    checks, notes = [], []
    for review in pending:
        if review.platform_id != findings.platform_id or findings.export_date <= review.reviewed_at:
            continue  # an export made before the review cannot show removals
        if not set(review.lists) <= present_kinds:
            continue  # a list missing from this export would look like everyone was removed
        when = f"{review.reviewed_at:%d %b %Y}"
        if set(review.lists) & incomplete:
            notes.append(f"Your review of {when} was not checked: {_unread(review, incomplete)}")
            continue
        if key is None or key.key_id != review.key_id:
            notes.append(
                f"Your review of {when} was not checked: Footprint cannot use the key it keeps "
                "in your system keyring, so it cannot recognise the people you marked. When "
                "you have removed them, confirm it in the import window."
            )
            continue
        present = digests(key, review.salt, keys) & review.digests
        gone = review.digests - present
        checks.append(RemovalCheck(review.id, review.reviewed_at, gone, len(present)))
    return tuple(checks), tuple(notes)


def _unread(review: PendingReview, incomplete: set[str]) -> str:
    lists = ", ".join(ConnectionKind(k).label for k in review.lists if k in incomplete)
    return f"this export's {lists} could not be read in full, so no removal is concluded."


def preview_import(
    findings: ExportFindings, catalogue: Catalogue, history: Sequence[AuditRun]
) -> ImportPreview:
    """The answers the export gives, what the checklist has no item for, what is left to
    check by hand, and drift against the earlier audits."""
    platform = catalogue.get(findings.platform_id)
    items = set(platform.item_ids) if platform else set()
    answerable = [o for o in findings.observations if o.item_id in items]
    proposed = tuple(_proposed(findings, platform, o) for o in answerable if platform)
    answered = {p.item_id for p in proposed}
    by_hand = tuple(i.name for i in platform.items if i.id not in answered) if platform else ()
    return ImportPreview(
        findings,
        proposed,
        tuple(o for o in findings.observations if o.item_id not in items),
        by_hand,
        export_drift(findings, history),
    )


def _proposed(
    findings: ExportFindings, platform: Platform, observation: SettingObservation
) -> ProposedAnswer:
    return ProposedAnswer(
        observation.item_id,
        platform.item(observation.item_id).name,
        observation.status,
        observation.observed(findings.platform_name, findings.export_date),
    )


def record_import(
    store: ExportStore,
    preview: ImportPreview,
    catalogue: Catalogue,
    checks: tuple[RemovalCheck, ...],
    now: datetime,
    chosen: Collection[str] | None = None,
    check_notes: tuple[str, ...] = (),
) -> ImportOutcome:
    """Save the chosen answers (all when `chosen` is None) as a new audit run, with the
    export's counts and removal checks, in one transaction."""
    findings = preview.findings
    kept = tuple(a for a in preview.answers if chosen is None or a.item_id in chosen)
    answers = tuple(_answer(findings, a, now) for a in kept)
    platform = catalogue.get(findings.platform_id)
    complete = platform is not None and {a.item_id for a in kept} >= set(platform.item_ids)
    import_id, run_id = store.record_export_import(
        _plan(findings, answers, complete, preview.drift, checks, now)
    )
    return ImportOutcome(import_id, run_id, preview, kept, complete, checks, check_notes)


def _answer(findings: ExportFindings, proposed: ProposedAnswer, now: datetime) -> Answer:
    return Answer(
        findings.platform_id,
        proposed.item_id,
        proposed.status,
        AnswerSource.EXPORT,
        now,
        proposed.observed,
        _sentence(evidence(findings.platform_name, findings.export_date)),
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


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
    findings: ExportFindings, marked_keys: Collection[str], now: datetime, key: ReviewKey | None
) -> ReviewToSave:
    """A finished review as counts, with keyed hashes of only the people marked; with no
    key (no keyring), counts only, and the worker confirms removal by hand."""
    people = findings.people()
    known = {p.key for p in people}
    marked = set(marked_keys) & known
    salt = new_salt() if marked and key is not None else None
    return ReviewToSave(
        platform_id=findings.platform_id,
        reviewed_at=now,
        export_date=findings.export_date,
        reviewed_count=len(people),
        marked_count=len(marked),
        lists=tuple(sorted(kind.value for kind in findings.connection_counts)),
        salt=salt,
        key_id=key.key_id if salt and key else None,
        marked_digests=digests(key, salt, marked) if salt and key else frozenset(),
        by_hand=bool(marked) and key is None,
    )
