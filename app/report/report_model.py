"""The supervision report as plain values: everything that leaves the worker's computer.

Pure Python (no Qt, no SQL), so what the report says is decided and tested here, and the HTML,
PDF and print paths only lay it out.

By default the report shows the current state of every platform the worker uses — each
platform's latest finished check, with its date — because workers re-check one platform at a
time as reminders arrive; then what slid back over a period (since the previous report, or
one the worker picks); then what is still to do. A report of one audit remains possible.

What it never holds, by construction: it is built only from the worker's profile, the audit
definitions and the stored answers. Passwords live in the keyring, which this module never
reads; Footprint stores no friend or follower names and no page HTML or screenshots; the
worker's notes are included only when the worker asks for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.audit.answers import Answer, AnswerStatus
from app.audit.comparison import (
    CompletedCheck,
    compare_with_previous,
    completed_checks,
    last_completed_check,
)
from app.audit.overview import platform_overview
from app.audit.profile import WorkerProfile
from app.audit.records import ReportRecord
from app.audit.run import AuditRun
from app.audit.scoring import PlatformState, check_state, score_platform
from app.checklists.codes import CodeBook
from app.checklists.model import Catalogue, CheckItem, Platform
from app.formatting import short_date
from app.report.content import (
    ActionLine,
    DriftLine,
    FixedLine,
    ItemLine,
    NoteLine,
    OverdueLine,
    Period,
    PlatformSection,
    ReportError,
    ReportScope,
    SupervisionReport,
    WorkerDetails,
)
from app.report.report_clauses import FINDING_STATUSES, cited_clauses, clause_notices
from app.report.wording import summary_paragraph

REPORT_TITLE = "Social media privacy self-audit: supervision record"
OBSERVED_LIMIT = 60  # observed values are setting values; a cap keeps stray page text out
DEFAULT_PERIOD = timedelta(days=91)  # with no earlier report: about three months
CURRENT_STATE = "The current state of every platform you use"


@dataclass(frozen=True)
class _Shown:
    """The answers the report shows for one platform, and where they come from."""

    platform: Platform
    run: AuditRun | None
    answers: dict[str, Answer]


def build_report(
    catalogue: Catalogue,
    history: Sequence[AuditRun],
    profile: WorkerProfile | None,
    codes: CodeBook,
    now: datetime,
    scope: ReportScope = ReportScope(),  # noqa: B008 - frozen, never mutated
    reports_made: Sequence[ReportRecord] = (),
) -> SupervisionReport:
    """Gather what the supervision report shows.

    Args:
        catalogue: The audit definitions (names, steps, cited clauses).
        history: Every stored audit run, oldest first, with their answers.
        profile: The worker's profile; required, it names the worker on every page.
        codes: The Code-of-Practice clauses and regulators.
        now: The report's date; due re-checks are judged at this moment.
        scope: One audit or the current state, the period, notes and steps.
        reports_made: Earlier reports, for "since the previous report".

    Raises:
        ReportError: No profile, nothing checked yet, or no audit with `scope.run_id`.
    """
    if profile is None:
        raise ReportError("Set up your profile (your name and regulator) before making a report.")
    if scope.run_id is not None:
        run = choose_run(history, scope.run_id)
        shown = [_Shown(p, run, run.answers_for(p.id)) for p in _platforms_of(catalogue, run)]
        period = Period(None, now, f"compared with each platform's check before audit {run.id}")
        drift = tuple(line for s in shown for line in _drift_of_run(s.platform, run, history))
        covers = _one_audit(run)
        fix_runs: Sequence[AuditRun] = [run]  # the fixes recorded after this audit
    else:
        used = _used_platforms(catalogue, profile)
        if not any(last_completed_check(history, p.id) for p in used):
            raise ReportError("There is no finished check to report on yet. Finish an audit first.")
        shown = [_latest(p, history) for p in used]
        period = choose_period(scope.since, reports_made, now)
        drift = tuple(line for p in used for line in _drift_in_period(p, history, period))
        covers = CURRENT_STATE
        fix_runs = history
    sections = tuple(_section(s, history, profile, now) for s in shown)
    fixed = _fixed_in_period(shown, fix_runs, period)
    actions = _actions(shown)
    overdue = _overdue(catalogue, history, profile, now)
    clauses = cited_clauses(shown, drift, codes, profile)
    notices = clause_notices(shown, drift, codes, profile)
    worker = _worker(profile, codes)
    notes = _notes(shown) if scope.include_notes else ()
    summary = summary_paragraph(worker, covers, period, sections, actions, drift, overdue, fixed)
    return SupervisionReport(
        title=REPORT_TITLE,
        created_at=now,
        worker=worker,
        covers=covers,
        run_id=scope.run_id,
        period=period,
        summary=summary,
        platforms=sections,
        actions=actions,
        drift=drift,
        fixed=fixed,
        overdue=overdue,
        clauses=clauses,
        clause_notices=notices,
        notes_included=scope.include_notes,
        notes=notes,
        steps_included=scope.include_steps,
    )


def choose_run(history: Sequence[AuditRun], run_id: int) -> AuditRun:
    """The audit with `run_id`."""
    found = next((run for run in history if run.id == run_id), None)
    if found is None:
        raise ReportError(f"There is no audit number {run_id}. Check the number and try again.")
    return found


def choose_period(
    since: datetime | None, reports_made: Sequence[ReportRecord], now: datetime
) -> Period:
    """The worker's chosen start; else the previous report of the current state; else about
    three months."""
    if since is not None:
        return Period(since, now, f"since {short_date(since)}")
    earlier = [r for r in reports_made if r.run_id is None and r.made_at <= now]
    if earlier:
        previous = earlier[-1].made_at
        return Period(previous, now, f"since the previous report, {short_date(previous)}")
    start = now - DEFAULT_PERIOD
    return Period(start, now, f"over the last three months (since {short_date(start)})")


def _one_audit(run: AuditRun) -> str:
    finished = f", finished {short_date(run.completed_at)}" if run.completed_at else ""
    return f"Audit number {run.id}, started {short_date(run.started_at)}{finished}"


def _platforms_of(catalogue: Catalogue, run: AuditRun) -> list[Platform]:
    return [p for pid in run.platform_ids if (p := catalogue.get(pid)) is not None]


def _used_platforms(catalogue: Catalogue, profile: WorkerProfile) -> list[Platform]:
    wanted = profile.platform_ids or catalogue.ids
    return [p for p in catalogue.platforms if p.id in wanted]


def _latest(platform: Platform, history: Sequence[AuditRun]) -> _Shown:
    """The platform's latest finished check; else the newest run it was part of, unfinished."""
    latest = last_completed_check(history, platform.id)
    if latest is not None:
        return _Shown(platform, latest.run, latest.answers())
    runs = [run for run in history if run.check_for(platform.id) is not None]
    if not runs:
        return _Shown(platform, None, {})
    return _Shown(platform, runs[-1], {})  # unfinished answers are not a state to report


def _worker(profile: WorkerProfile, codes: CodeBook) -> WorkerDetails:
    regulator = codes.regulator(profile.regulator)
    return WorkerDetails(
        profile.display_name,
        profile.role,
        profile.organisation,
        regulator.name if regulator else profile.regulator,
        profile.supervisor,
    )


def _section(
    shown: _Shown, history: Sequence[AuditRun], profile: WorkerProfile, now: datetime
) -> PlatformSection:
    platform, run = shown.platform, shown.run
    check = run.check_for(platform.id) if run is not None else None
    score = score_platform(platform, shown.answers)
    state = check_state(score, check) if run is not None else PlatformState.NOT_AUDITED
    finished = check.completed_at if check is not None else None
    if finished is None and state is PlatformState.NOT_AUDITED and check is not None:
        state = PlatformState.SKIPPED if check.skipped else PlatformState.INCOMPLETE
    due = platform_overview(platform, history, profile, now).due
    return PlatformSection(
        platform_id=platform.id,
        name=platform.name,
        state=state,
        checked_at=finished,
        seen_at=run.started_at if run is not None and finished is None else None,
        next_due=due.next_due,
        is_due=due.is_due,
        score=score,
        items=tuple(_item_line(item, shown.answers.get(item.id)) for item in platform.items),
    )


def _item_line(item: CheckItem, answer: Answer | None) -> ItemLine:
    if answer is None:
        return ItemLine(item.name, AnswerStatus.NOT_CHECKED, "—")
    method = answer.source.label if answer.status.is_answered else "—"
    fixed_at = answer.answered_at if answer.is_fix else None
    return ItemLine(item.name, answer.status, method[:1].upper() + method[1:], fixed_at)


def _actions(shown: Sequence[_Shown]) -> tuple[ActionLine, ...]:
    """Items needing action, then unsure ones; most important first, in checklist order."""
    found: list[tuple[tuple[int, int, int, int], ActionLine]] = []
    for p_index, entry in enumerate(shown):
        check = entry.run.check_for(entry.platform.id) if entry.run else None
        for i_index, item in enumerate(entry.platform.items):
            answer = entry.answers.get(item.id)
            if answer is None or answer.status not in FINDING_STATUSES:
                continue
            order = (
                FINDING_STATUSES.index(answer.status), -item.severity.rank, p_index, i_index
            )  # fmt: skip
            line = ActionLine(
                platform=entry.platform.name,
                action=item.action,
                name=item.name,
                status=answer.status,
                severity=item.severity,
                checked_at=check.completed_at if check else None,
                steps=item.steps,
                app_steps=item.app_steps,
                safe=item.safe,
            )
            found.append((order, line))
    return tuple(line for _, line in sorted(found, key=lambda pair: pair[0]))


def _fixed_in_period(
    shown: Sequence[_Shown], runs: Sequence[AuditRun], period: Period
) -> tuple[FixedLine, ...]:
    """The fixes ("I fixed it") recorded within the period, newest per setting, newest first.

    A fix is its own dated answer, so the period is judged by the day the fix was recorded,
    not by the audit it belongs to: one made before the previous report was shown then."""
    newest: dict[tuple[str, str], Answer] = {}
    for run in runs:
        for answer in run.answers.values():
            recorded = answer.answered_at
            inside = (period.start is None or recorded > period.start) and recorded <= period.end
            current = newest.get(answer.key)
            if answer.is_fix and inside and (current is None or recorded > current.answered_at):
                newest[answer.key] = answer
    lines = []
    for entry in shown:
        for item in entry.platform.items:
            fix = newest.get((entry.platform.id, item.id))
            if fix is None:
                continue
            now = entry.answers.get(item.id)
            lines.append(
                FixedLine(
                    platform=entry.platform.name,
                    action=item.action,
                    name=item.name,
                    fixed_at=fix.answered_at,
                    now=now.status if now is not None else AnswerStatus.NOT_CHECKED,
                )
            )
    return tuple(sorted(lines, key=lambda line: line.fixed_at, reverse=True))


def _drift_in_period(
    platform: Platform, history: Sequence[AuditRun], period: Period
) -> list[DriftLine]:
    """What slid back in every check of the platform finished within the period."""
    start = period.start
    checks: list[CompletedCheck] = [
        c
        for c in completed_checks(history, platform.id)
        if (start is None or c.completed_at > start) and c.completed_at <= period.end
    ]
    return [line for c in checks for line in _drift_of_run(platform, c.run, history)]


def _drift_of_run(
    platform: Platform, run: AuditRun, history: Sequence[AuditRun]
) -> list[DriftLine]:
    """What slid back or changed value in `run`'s check, against its previous check."""
    if not run.answers_for(platform.id):
        return []
    comparison = compare_with_previous(platform, history, run)
    if comparison.previous is None:
        return []
    return [
        DriftLine(
            platform=platform.name,
            name=platform.item(e.item_id).name,
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
    lines = []
    for platform in _used_platforms(catalogue, profile):
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


def _notes(shown: Sequence[_Shown]) -> tuple[NoteLine, ...]:
    lines = []
    for entry in shown:
        for item in entry.platform.items:
            answer = entry.answers.get(item.id)
            if answer is not None and answer.note and answer.note.strip():
                lines.append(NoteLine(entry.platform.name, item.name, answer.note.strip()))
    return tuple(lines)
