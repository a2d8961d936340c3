"""The supervision report as HTML that Qt's QTextDocument understands (preview, PDF, printer).

Everything that comes from the worker or from files (names, notes, audit titles and steps,
clause texts) goes through `escaped` (app/report/html_blocks.py), so markup typed by the worker
appears as typed and never acts as markup. Only the report modules' own literal tags are trusted.
The appendix, after the signatures, is app/report/html_appendix.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.audit import glossary
from app.audit.answers import AnswerStatus
from app.audit.drift import DriftReason
from app.audit.scoring import PlatformState
from app.formatting import relative_due
from app.report.content import (
    ActionLine,
    PlatformSection,
    SupervisionReport,
)
from app.report.html_appendix import (
    APPENDIX_HEADING,
    appendix_heading_html,
    clauses_html,
    evidence_html,
    notes_html,
    outside_html,
    platform_appendix_html,
    steps_appendix_html,
)
from app.report.html_blocks import (
    STATE_SYMBOLS,
    date_text,
    escaped,
    none_html,
    section_html,
    status_html,
    table_html,
)
from app.resources import shipped

__all__ = ["APPENDIX_HEADING", "ReportDocument", "render_html", "render_report"]
STYLESHEET = shipped().report_stylesheet
# In a report "Audit not finished" would contradict "Checked on <date>": say what it means.


@dataclass(frozen=True)
class ReportDocument:
    """A rendered report, ready for the preview, a PDF file or a printer."""

    html: str
    title: str
    footer_name: str  # the worker's name, shown in every page's footer


def render_report(report: SupervisionReport) -> ReportDocument:
    """Render the report to HTML with the stylesheet read from resources/report/report.css."""
    return ReportDocument(render_html(report), report.title, report.worker.name)


def render_html(report: SupervisionReport, stylesheet: Path | None = None) -> str:
    """The whole report as one HTML page, the stylesheet inlined (Qt loads nothing external).

    The record comes first and stands alone, ending with the signatures: who, when, each
    platform's state, what slid back, what was fixed, what is outstanding. Everything after
    the signatures is a marked appendix starting on a page of its own: the clauses, what a
    stranger could see, exports and reviews, notes, each platform's settings, the steps.
    """
    css = (stylesheet or STYLESHEET).read_text(encoding="utf-8")
    record = [
        f"<h1>{escaped(report.title)}</h1>",
        f'<p class="meta">Made with Footprint on {date_text(report.created_at)}.</p>',
        _details(report),
        _summary(report.summary),
        _states(report),
        _drift(report),
        _fixed(report),
        _actions(report.actions),
        _signatures(report),
    ]
    appendix = [
        appendix_heading_html(report),
        clauses_html(report),
        outside_html(report.outside),
        evidence_html(report.evidence),
        notes_html(report),
        platform_appendix_html(report.platforms),
        steps_appendix_html(report) if report.steps_included else "",
    ]
    body = "\n".join(record + appendix)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{escaped(report.title)}</title><style>{css}</style></head>"
        f"<body>{body}</body></html>"
    )


def _summary(summary: str) -> str:
    # A one-cell table: QTextDocument pads and shades table cells, not paragraphs.
    return (
        '<table class="summary" width="100%" cellspacing="0" cellpadding="8">'
        f"<tr><td>{escaped(summary)}</td></tr></table>"
    )


def _details(report: SupervisionReport) -> str:
    """Who and what, one fact to a row: a label and its value. (Two facts to a row read column
    by column in text extraction, pdftotext's and a screen reader's without tags alike.)"""
    worker = report.worker
    facts = [
        ("Worker", worker.name),
        ("Role", worker.role or "—"),
        ("Regulator", worker.regulator or "—"),
        ("Supervisor", worker.supervisor or "—"),
        ("Organisation", worker.organisation or "—"),
        ("Covers", report.covers),
        ("Period", _capitalised(report.period.description)),
    ]
    rows = "".join(
        f'<tr><td class="label" width="16%">{label}</td><td width="84%">{escaped(value)}</td></tr>'
        for label, value in facts
    )
    return f'<table class="details" width="100%" cellspacing="0">{rows}</table>'


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _states(report: SupervisionReport) -> str:
    headers = (("Platform", 17), ("State", 16), ("Last checked", 15), ("Next re-check", 28),
               ("Answers", 24))  # fmt: skip
    snoozed = {line.platform: line.snoozed_until for line in report.overdue if line.snoozed_until}
    rows = [_state_row(section, report.created_at, snoozed) for section in report.platforms]
    return section_html("State of each platform", table_html(headers, rows))


def _state_row(section: PlatformSection, now: datetime, snoozed: dict[str, datetime]) -> list[str]:
    score = section.score
    counts = [
        f"{score.count(status)} {status.label.lower()}"
        for status in AnswerStatus
        if score.count(status) and section.checked_at is not None
    ]
    return [
        f"<b>{escaped(section.name)}</b>",
        _state(section.state),
        _last_checked(section),
        _next_check(section, now, snoozed.get(section.name)),
        escaped(", ".join(counts) or "—"),
    ]


def _last_checked(section: PlatformSection) -> str:
    """The finished check's date; else what became of the last start, in the state's own
    word (the State column already says Skipped: never a second, different word for it)."""
    if section.checked_at is not None:
        return date_text(section.checked_at)
    if section.seen_at is None:
        return escaped(glossary.NEVER_CHECKED)
    happened = "skipped" if section.state is PlatformState.SKIPPED else "started"
    return f'—<br><span class="small">{happened} {date_text(section.seen_at)}</span>'


def _next_check(section: PlatformSection, now: datetime, snoozed: datetime | None) -> str:
    """The date, and the days to it counted as the overview counts them (`relative_due`)."""
    when = relative_due(section.next_due, now)
    snooze = f"<br>reminder snoozed until {date_text(snoozed)}" if snoozed else ""
    if section.next_due is None:
        return f'<span class="needs_action">{escaped(_capitalised(when))}</span>{snooze}'
    css = "needs_action" if section.is_due else "small"
    return f'{date_text(section.next_due)} <span class="{css}">· {escaped(when)}</span>{snooze}'


def _state(state: PlatformState) -> str:
    css = {
        PlatformState.NEEDS_ACTION: "needs_action",
        PlatformState.UNSURE: "unsure",
        PlatformState.SAFE: "safe",
    }.get(state, "not_checked")
    return f'<span class="{css}">{STATE_SYMBOLS[state]} {escaped(state.label)}</span>'


def _drift(report: SupervisionReport) -> str:
    heading = f"What slid back {report.period.since}"
    if not report.drift:
        return section_html(
            heading,
            none_html(f"No setting slid back or changed value {report.period.since}.")
            + _watched(report),
        )
    headers = (("Setting", 40), ("Before", 30), ("After", 30))
    rows = [
        [
            f"<b>{escaped(line.platform)}</b>: {escaped(line.name)}<br>"
            f'<span class="small">{escaped(_drift_reason(line.reason))}</span>',
            _observation(line.before, line.before_observed, line.before_date),
            _observation(line.after, line.after_observed, line.after_date),
        ]
        for line in report.drift
    ]
    return section_html(heading, table_html(headers, rows) + _watched(report))


def _watched(report: SupervisionReport) -> str:
    """What the watch saw become visible, with its source: observations, not answers."""
    if not report.watched:
        return ""
    items = "".join(f"<li>{escaped(line)}</li>" for line in report.watched)
    note = (
        "Seen by Footprint's watch as a signed-out stranger; not an answer until confirmed "
        "in an audit."
    )
    return f"<p>{escaped(note)}</p><ul>{items}</ul>"


def _drift_reason(reason: DriftReason) -> str:
    return glossary.SLID_BACK if reason is DriftReason.WORSE else glossary.VALUE_CHANGED


def _observation(status: AnswerStatus, observed: str | None, when: datetime) -> str:
    value = f"<br>Seen: “{escaped(observed)}”" if observed else ""
    return f"{status_html(status)}{value}<br>{date_text(when)}"


def _fixed(report: SupervisionReport) -> str:
    """The fixes recorded within the period: the work done between supervisions."""
    since = report.period.since
    heading = f"Fixed {since}" if report.period.start is not None else "Fixed after this audit"
    if not report.fixed:
        return section_html(heading, none_html(f"No fix was recorded with “I fixed it” {since}."))
    headers = (("Fixed", 60), ("Recorded on", 18), ("Now", 22))
    rows = [
        [
            f"<b>{escaped(line.platform)}</b>: {escaped(line.action)}<br>"
            f'<span class="small">{escaped(line.name)}</span>',
            date_text(line.fixed_at),
            status_html(line.now),
        ]
        for line in report.fixed
    ]
    return section_html(heading, table_html(headers, rows))


def _actions(actions: Sequence[ActionLine]) -> str:
    heading = "Outstanding actions"
    if not actions:
        return section_html(
            heading, none_html("Nothing is outstanding: every setting checked was safe.")
        )
    headers = (("Action", 62), ("Answer", 20), ("Importance", 18))
    rows = [
        [
            f"<b>{escaped(line.platform)}</b>: {escaped(line.action)}<br>"
            f'<span class="small">{escaped(line.name)}</span>',
            status_html(line.status),
            escaped(line.severity.label.removesuffix(" importance")),
        ]
        for line in actions
    ]
    return section_html(heading, table_html(headers, rows))


def _signatures(report: SupervisionReport) -> str:
    worker = report.worker
    supervisor = worker.supervisor or "Supervisor"
    rows = "".join(
        f'<tr><td width="34%">{escaped(who)}</td>'
        '<td class="line" width="40%">&nbsp;</td>'
        '<td width="8%" align="right">Date</td>'
        '<td class="line" width="18%">&nbsp;</td></tr>'
        for who in (f"Worker: {worker.name}", f"Supervisor: {supervisor}")
    )
    intro = (
        "<p>Discussed in supervision and agreed as a true record. What follows the signatures "
        "is an appendix of detail, for reference.</p>"
    )
    table = f'<table class="signatures" width="100%" cellspacing="0">{rows}</table>'
    return section_html("Signatures", intro + table)
