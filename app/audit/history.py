"""The record over time: each platform's audits, and each item's answers, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.audit import glossary
from app.audit.answers import Answer, AnswerKind, AnswerStatus
from app.audit.comparison import CompletedCheck, compare_with_previous, completed_checks
from app.audit.drift import DriftReport
from app.audit.run import AuditRun, PlatformCheck
from app.audit.scoring import PlatformState, Score, check_state, score_platform
from app.audit.watch import WATCH_WORD, Drift, WatchNote
from app.checklists.model import Platform
from app.formatting import short_date


@dataclass(frozen=True)
class TimelineEntry:
    """One audit of one platform."""

    run_id: int
    checked_at: datetime  # when the platform was finished, or its newest answer if unfinished
    completed: bool
    state: PlatformState  # Skipped and Not finished said as such
    score: Score
    sources: tuple[str, ...]  # how it was checked, in words ("by hand", "data export")
    answers: dict[str, Answer]
    drift: DriftReport  # against the previous completed check of the platform
    previous_checked_at: datetime | None


def platform_timeline(platform: Platform, history: Sequence[AuditRun]) -> list[TimelineEntry]:
    """Every run that answered something for the platform, each compared with its previous
    check (app.audit.comparison's rule), oldest first."""
    checks = completed_checks(history, platform.id)  # found once, not once per run
    entries = [
        _timeline_entry(platform, run, history, checks)
        for run in history
        if run.answers_for(platform.id)
    ]
    return sorted(entries, key=lambda e: e.checked_at)


def _timeline_entry(
    platform: Platform,
    run: AuditRun,
    history: Sequence[AuditRun],
    checks: Sequence[CompletedCheck],
) -> TimelineEntry:
    answers = run.answers_for(platform.id)
    check = run.check_for(platform.id)
    comparison = compare_with_previous(platform, history, run, checks)
    score = score_platform(platform, answers)
    completed = check is not None and check.completed_at is not None
    state = check_state(score, check) if completed else _unfinished_state(score, check)
    return TimelineEntry(
        run_id=run.id,
        checked_at=comparison.checked_at,
        completed=completed,
        state=state,
        score=score,
        sources=tuple(sorted({a.source.label for a in answers.values()})),
        answers=answers,
        drift=comparison.drift,
        previous_checked_at=comparison.previous_checked_at,
    )


def _unfinished_state(score: Score, check: PlatformCheck | None) -> PlatformState:
    if check is not None and check.skipped:
        return PlatformState.SKIPPED
    return PlatformState.INCOMPLETE


def item_history(platform: Platform, item_id: str, history: Sequence[AuditRun]) -> list[Answer]:
    """The item's answer in each run that has one, oldest first."""
    found = [a for run in history if (a := run.answers.get((platform.id, item_id))) is not None]
    return sorted(found, key=lambda a: a.answered_at)


def safe_share_series(
    platform: Platform, history: Sequence[AuditRun]
) -> list[tuple[datetime, float]]:
    """(date, share of safe items) for each completed check, for the chart."""
    points = []
    for check in completed_checks(history, platform.id):
        share = score_platform(platform, check.answers()).safe_share
        if share is not None:
            points.append((check.completed_at, share))
    return points


@dataclass(frozen=True)
class ChangeLine:
    """One line of a platform's history a person can read: when, the state's word, what."""

    when: datetime
    word: str  # a glossary word, shown as a badge (app.audit.glossary.badge)
    text: str


def change_lines(
    platform: Platform,
    history: Sequence[AuditRun],
    watched: Sequence[Drift] = (),
    notes: Sequence[WatchNote] = (),
) -> list[ChangeLine]:
    """Every check of the platform, every change of an item's answer since the item was
    first answered, and what the watch saw slide back, newest first: "28 Oct 2026 ✗ Needs
    action: Search engines (was Safe)", "12 Dec 2026 ✓ Fixed on 12 Dec 2026: Search
    engines", "07 Dec 2026 Slid back: seen by the watch, signed out: …"."""
    lines = [
        ChangeLine(
            drift.seen_at,
            glossary.SLID_BACK,
            f"{drift.sentence(platform.name)}; not an answer until you check it in an audit",
        )
        for drift in watched
        if drift.platform_id == platform.id
    ]
    # The watch's first look (nothing compared) or a signed-out re-read (issue 28).
    lines += [ChangeLine(n.when, WATCH_WORD, n.text) for n in notes if n.platform_id == platform.id]
    lines += [
        ChangeLine(
            entry.checked_at,
            entry.state.label,
            f"Checked {platform.name}: {entry.score.count(AnswerStatus.SAFE)} safe, "
            f"{entry.score.count(AnswerStatus.NEEDS_ACTION)} to fix",
        )
        for entry in platform_timeline(platform, history)
        if entry.completed
    ]
    for item in platform.items:
        previous: Answer | None = None
        for answer in item_history(platform, item.id, history):
            if answer.kind is AnswerKind.FIX:
                fixed = glossary.fixed_on(short_date(answer.answered_at))
                lines.append(
                    ChangeLine(answer.answered_at, glossary.FIXED, f"{fixed}: {item.name}")
                )
            elif previous is not None and answer.status is not previous.status:
                lines.append(
                    ChangeLine(
                        answer.answered_at,
                        answer.status.label,
                        f"{item.name} (was {previous.status.label})",
                    )
                )
            previous = answer
    return sorted(lines, key=lambda line: line.when, reverse=True)
