"""The supervision report as plain values: everything that leaves the worker's computer.

Pure Python (no Qt, no SQL), so what the report says is decided and tested here, and the HTML,
PDF and print paths only lay it out.

What it never holds, by construction: it is built only from the worker's profile, the audit
definitions and the stored answers. Passwords live in the keyring, which this module never
reads. Footprint stores no account handles (user names on the platforms) at all today, so none
can appear; if handles are ever stored, they may only be added here behind an explicit opt-in by
the worker. Footprint stores no friend or follower names and no page HTML or screenshots, and
the worker's notes are only included when the worker asks for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from app.audit.actions import action_list
from app.audit.answers import Answer, AnswerStatus
from app.audit.comparison import compare_with_previous
from app.audit.overview import platform_overview
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun
from app.audit.scoring import score_platform
from app.checklists.codes import CodeBook
from app.checklists.model import Catalogue, CheckItem, Platform
from app.report.content import (
    ActionLine,
    ClauseLine,
    DriftLine,
    ItemLine,
    NoteLine,
    OverdueLine,
    PlatformSection,
    ReportError,
    SupervisionReport,
    WorkerDetails,
)
from app.report.wording import summary_paragraph

REPORT_TITLE = "Social media privacy self-audit: supervision record"
OBSERVED_LIMIT = 60  # observed values are setting values; a cap keeps stray page text out
FINDING_STATUSES = (AnswerStatus.NEEDS_ACTION, AnswerStatus.UNSURE)


def build_report(
    catalogue: Catalogue,
    history: Sequence[AuditRun],
    profile: WorkerProfile | None,
    codes: CodeBook,
    now: datetime,
    run_id: int | None = None,
    include_notes: bool = False,
) -> SupervisionReport:
    """Gather what the supervision report shows for one audit.

    Args:
        catalogue: The audit definitions (titles, steps, cited clauses).
        history: Every stored audit run, oldest first.
        profile: The worker's profile; required, it names the worker on every page.
        codes: The Code-of-Practice clauses and regulators.
        now: The report's date; overdue re-checks are judged at this moment.
        run_id: The audit to report on; None for the latest completed one.
        include_notes: Whether the worker chose to include their notes.

    Raises:
        ReportError: No profile, no completed audit, or no audit with `run_id`.
    """
    if profile is None:
        raise ReportError("Set up your profile (your name and regulator) before making a report.")
    run = choose_run(history, run_id)
    platforms = [p for pid in run.platform_ids if (p := catalogue.get(pid)) is not None]
    sections = tuple(_section(p, run) for p in platforms)
    actions = _actions(platforms, run)
    drift = tuple(line for p in platforms for line in _drift(p, run, history))
    overdue = _overdue(catalogue, history, profile, now)
    clauses = _clauses(platforms, run, drift, codes, profile.regulator)
    worker = _worker(profile, codes)
    notes = _notes(platforms, run) if include_notes else ()
    summary = summary_paragraph(worker, run, sections, drift, overdue, clauses)
    return SupervisionReport(
        title=REPORT_TITLE,
        created_at=now,
        worker=worker,
        run_id=run.id,
        run_started=run.started_at,
        run_completed=run.completed_at,
        summary=summary,
        platforms=sections,
        actions=actions,
        drift=drift,
        overdue=overdue,
        clauses=clauses,
        notes_included=include_notes,
        notes=notes,
    )


def choose_run(history: Sequence[AuditRun], run_id: int | None) -> AuditRun:
    """The audit with `run_id`, or the most recently completed one."""
    if run_id is not None:
        found = next((run for run in history if run.id == run_id), None)
        if found is None:
            raise ReportError(f"There is no audit number {run_id}. Check the number and try again.")
        return found
    completed = [run for run in history if run.completed_at is not None]
    if not completed:
        raise ReportError("There is no finished audit to report on yet. Finish an audit first.")
    return max(completed, key=lambda run: run.completed_at)  # type: ignore[arg-type, return-value]


def _worker(profile: WorkerProfile, codes: CodeBook) -> WorkerDetails:
    regulator = codes.regulator(profile.regulator)
    return WorkerDetails(
        profile.display_name,
        profile.role,
        profile.organisation,
        regulator.name if regulator else profile.regulator,
        profile.supervisor,
    )


def _section(platform: Platform, run: AuditRun) -> PlatformSection:
    answers = run.answers_for(platform.id)
    check = run.check_for(platform.id)
    items = tuple(_item_line(item, answers.get(item.id)) for item in platform.items)
    score = score_platform(platform, answers)
    return PlatformSection(
        platform.id,
        platform.name,
        score.state,
        check.completed_at if check else None,
        bool(check and check.skipped),
        score,
        items,
    )


def _item_line(item: CheckItem, answer: Answer | None) -> ItemLine:
    if answer is None:
        return ItemLine(item.name, AnswerStatus.NOT_CHECKED, "—")
    method = answer.source.label if answer.status.is_answered else "—"
    return ItemLine(item.name, answer.status, method[:1].upper() + method[1:])


def _actions(platforms: Sequence[Platform], run: AuditRun) -> tuple[ActionLine, ...]:
    """Items needing action, then unsure ones; most severe first, in checklist order."""
    order = {status: index for index, status in enumerate(FINDING_STATUSES)}
    found = sorted(
        action_list(platforms, run.answers),
        key=lambda action: (order[action.answer.status], -action.item.severity.rank),
    )
    return tuple(
        ActionLine(
            platform=action.platform.name,
            title=action.item.action,
            status=action.answer.status,
            severity=action.item.severity,
            steps=action.item.steps,
            safe=action.item.safe,
        )
        for action in found
    )


def _drift(platform: Platform, run: AuditRun, history: Sequence[AuditRun]) -> list[DriftLine]:
    """What got worse or changed since this platform's previous check."""
    if not run.answers_for(platform.id):
        return []
    comparison = compare_with_previous(platform, history, run)
    if comparison.previous is None:
        return []
    return [
        DriftLine(
            platform=platform.name,
            title=platform.item(e.item_id).name,
            reason=e.reason,
            before=e.before.status,
            before_observed=_observed(e.before),
            before_date=comparison.previous.completed_at,
            after=e.after.status,
            after_observed=_observed(e.after),
            after_date=comparison.checked_at,
        )
        for e in comparison.drift.entries
    ]


def _observed(answer: Answer) -> str | None:
    if answer.observed is None:
        return None
    value = " ".join(answer.observed.split())
    return value if len(value) <= OBSERVED_LIMIT else value[: OBSERVED_LIMIT - 1] + "…"


def _overdue(
    catalogue: Catalogue, history: Sequence[AuditRun], profile: WorkerProfile, now: datetime
) -> tuple[OverdueLine, ...]:
    """The worker's platforms whose re-check is due at `now` (snoozed ones are still listed)."""
    wanted = profile.platform_ids or catalogue.ids
    lines = []
    for platform in catalogue.platforms:
        if platform.id not in wanted:
            continue
        due = platform_overview(platform, history, profile, now).due
        if due.is_due:
            lines.append(
                OverdueLine(
                    platform=platform.name,
                    last_checked=due.last_checked,
                    next_due=due.next_due,
                    overdue_days=due.overdue_days(now),
                    snoozed_until=due.snoozed_until,
                )
            )
    return tuple(lines)


def _clauses(
    platforms: Sequence[Platform],
    run: AuditRun,
    drift: Sequence[DriftLine],
    codes: CodeBook,
    regulator: str,
) -> tuple[ClauseLine, ...]:
    """The clauses cited by the findings (action, unsure, drift) that apply to this regulator."""
    drifted = {(line.platform, line.title) for line in drift}
    cited: dict[str, list[str]] = {}
    for platform in platforms:
        answers = run.answers_for(platform.id)
        for item in platform.items:
            answer = answers.get(item.id)
            finding = answer is not None and answer.status in FINDING_STATUSES
            if finding or (platform.name, item.name) in drifted:
                for clause in codes.clauses_for(item.codes, regulator):
                    names = cited.setdefault(clause.id, [])
                    if platform.name not in names:
                        names.append(platform.name)
    return tuple(
        ClauseLine(clause.source, clause.text, tuple(cited[clause.id]))
        for clause_id, clause in codes.clauses.items()
        if clause_id in cited
    )


def _notes(platforms: Iterable[Platform], run: AuditRun) -> tuple[NoteLine, ...]:
    lines = []
    for platform in platforms:
        answers = run.answers_for(platform.id)
        for item in platform.items:
            answer = answers.get(item.id)
            if answer is not None and answer.note and answer.note.strip():
                lines.append(NoteLine(platform.name, item.name, answer.note.strip()))
    return tuple(lines)
