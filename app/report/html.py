"""The supervision report as HTML that Qt's QTextDocument understands (preview, PDF, printer).

Everything that comes from the worker or from files (names, notes, audit titles and steps,
clause texts) goes through `_text`, so markup typed by the worker appears as typed and never
acts as markup. Only this module's own literal tags are trusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from app.audit.answers import AnswerStatus
from app.audit.drift import DriftReason
from app.audit.scoring import PlatformState
from app.formatting import plural, short_date
from app.report.content import (
    ActionLine,
    ClauseLine,
    DriftLine,
    NoteLine,
    OverdueLine,
    PlatformSection,
    SupervisionReport,
)
from app.resources import shipped

STYLESHEET = shipped().report_stylesheet
# In a report "Audit not finished" would contradict "Checked on <date>": say what it means.
STATE_LABELS = {PlatformState.INCOMPLETE: "Some settings not checked"}
SEVERITY_LABELS = {"high": "High priority", "medium": "Medium priority", "low": "Low priority"}


@dataclass(frozen=True)
class ReportDocument:
    """A rendered report, ready for the preview, a PDF file or a printer."""

    html: str
    title: str
    footer_name: str  # the worker's name, shown in every page's footer


def render_report(report: SupervisionReport) -> ReportDocument:
    """Render the report to HTML with the stylesheet read from resources/report/report.css."""
    return ReportDocument(render_html(report), report.title, report.worker.name)


def render_html(report: SupervisionReport, stylesheet: Path = STYLESHEET) -> str:
    """The whole report as one HTML page, the stylesheet inlined (Qt loads nothing external)."""
    css = stylesheet.read_text(encoding="utf-8")
    body = "\n".join(
        [
            f"<h1>{_text(report.title)}</h1>",
            f'<p class="meta">Made with Footprint on {_date(report.created_at)}.</p>',
            _summary(report.summary),
            _details(report),
            _actions(report.actions),
            _drift(report.drift),
            _overdue(report.overdue),
            _clauses(report),
            _platforms(report.platforms),
            _evidence(report.evidence),
            _notes(report),
            _signatures(report),
        ]
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{_text(report.title)}</title><style>{css}</style></head>"
        f"<body>{body}</body></html>"
    )


def _text(value: str) -> str:
    """Escape text from the worker or the files; keep their line breaks."""
    return escape(value, quote=True).replace("\n", "<br>")


def _date(moment: datetime | None) -> str:
    return _text(short_date(moment))


def _status(status: AnswerStatus) -> str:
    return f'<span class="{status.value}">{_text(status.label)}</span>'


def _table(headers: Sequence[tuple[str, int]], rows: Iterable[Sequence[str]]) -> str:
    """A bordered table; headers are (label, width %); cells are already-safe HTML."""
    head = "".join(f'<th width="{width}%">{_text(label)}</th>' for label, width in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        '<table class="grid" width="100%" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _section(heading: str, content: str) -> str:
    return f"<h2>{_text(heading)}</h2>{content}"


def _none(sentence: str) -> str:
    return f'<p class="none">{_text(sentence)}</p>'


def _summary(summary: str) -> str:
    # A one-cell table: QTextDocument pads and shades table cells, not paragraphs.
    return (
        '<table class="summary" width="100%" cellspacing="0" cellpadding="8">'
        f"<tr><td>{_text(summary)}</td></tr></table>"
    )


def _details(report: SupervisionReport) -> str:
    worker = report.worker
    audit = f"Number {report.run_id}, started {_date(report.run_started)}, " + (
        f"finished {_date(report.run_completed)}" if report.run_completed else "<b>not finished</b>"
    )
    rows = [
        ("Worker", _text(worker.name)),
        ("Role", _text(worker.role or "—")),
        ("Organisation", _text(worker.organisation or "—")),
        ("Regulator", _text(worker.regulator or "—")),
        ("Supervisor", _text(worker.supervisor or "—")),
        ("Audit", audit),
    ]
    cells = "".join(
        f'<tr><td class="label">{label}</td><td>{value}</td></tr>' for label, value in rows
    )
    return _section("Worker and audit", f'<table class="details" cellspacing="0">{cells}</table>')


def _actions(actions: Sequence[ActionLine]) -> str:
    if not actions:
        return _section("Needs action", _none("Nothing needs action: every setting was safe."))
    rows = [_action_row(line) for line in actions]
    headers = (("Setting", 38), ("Answer", 14), ("How to fix it", 48))
    return _section("Needs action", _table(headers, rows))


def _action_row(line: ActionLine) -> list[str]:
    steps = "".join(f"<li>{_text(step)}</li>" for step in line.steps)
    setting = (
        f"<b>{_text(line.platform)}</b><br>{_text(line.title)}<br>"
        f'<span class="small">{SEVERITY_LABELS[line.severity.value]}</span>'
    )
    fix = f'<ol>{steps}</ol><span class="small">Safe setting: {_text(line.safe)}</span>'
    return [setting, _status(line.status), fix]


def _drift(drift: Sequence[DriftLine]) -> str:
    heading = "Changed since the previous check"
    if not drift:
        return _section(heading, _none("No setting became less safe or changed since last time."))
    headers = (("Setting", 40), ("Previous check", 30), ("This audit", 30))
    rows = [
        [
            f"<b>{_text(line.platform)}</b><br>{_text(line.title)}<br>"
            f'<span class="small">{_drift_reason(line.reason)}</span>',
            _observation(line.before, line.before_observed, line.before_date),
            _observation(line.after, line.after_observed, line.after_date),
        ]
        for line in drift
    ]
    return _section(heading, _table(headers, rows))


def _drift_reason(reason: DriftReason) -> str:
    if reason is DriftReason.WORSE:
        return "Less safe than before"
    return "The setting's value changed"


def _observation(status: AnswerStatus, observed: str | None, when: datetime) -> str:
    value = f"<br>Seen: “{_text(observed)}”" if observed else ""
    return f"{_status(status)}{value}<br>{_date(when)}"


def _overdue(overdue: Sequence[OverdueLine]) -> str:
    heading = "Overdue re-checks"
    if not overdue:
        return _section(heading, _none("No platform is overdue for a re-check."))
    headers = (("Platform", 40), ("Last checked", 20), ("Re-check due", 20), ("Overdue by", 20))
    rows = [
        [
            _text(line.platform)
            + (
                f'<br><span class="small">Reminder snoozed until {_date(line.snoozed_until)}</span>'
                if line.snoozed_until
                else ""
            ),
            _date(line.last_checked) if line.last_checked else "Never checked",
            _date(line.next_due) if line.next_due else "Now",
            _text(plural(line.overdue_days, "day")) if line.last_checked else "—",
        ]
        for line in overdue
    ]
    return _section(heading, _table(headers, rows))


def _clauses(report: SupervisionReport) -> str:
    heading = "Code of Practice clauses"
    if not report.clauses:
        return _section(heading, _none("The findings cite no clauses for this worker's regulator."))
    intro = (
        f"<p>For a worker registered with {_text(report.worker.regulator)}, the findings above "
        "relate to these clauses:</p>"
    )
    headers = (("Clause", 30), ("What it says", 45), ("Findings on", 25))
    rows = [_clause_row(line) for line in report.clauses]
    return _section(heading, intro + _table(headers, rows))


def _clause_row(line: ClauseLine) -> list[str]:
    return [_text(line.source), _text(line.text), _text(", ".join(line.platforms))]


def _platforms(sections: Sequence[PlatformSection]) -> str:
    headers = (("Platform", 28), ("State", 26), ("Checked on", 18), ("Answers", 28))
    overview = _table(headers, [_overview_row(section) for section in sections])
    details = "".join(_platform_items(section) for section in sections)
    return _section("Platforms checked", overview + details)


def _overview_row(section: PlatformSection) -> list[str]:
    score = section.score
    counts = [
        f"{score.count(status)} {status.label.lower()}"
        for status in AnswerStatus
        if score.count(status)
    ]
    return [
        f"<b>{_text(section.name)}</b>",
        _text(_state(section.state)),
        _checked_on(section),
        _text(", ".join(counts)),
    ]


def _state(state: PlatformState) -> str:
    return STATE_LABELS.get(state, state.label)


def _checked_on(section: PlatformSection) -> str:
    if section.checked_at is not None:
        return _date(section.checked_at)
    return "Skipped" if section.skipped else "Not finished"  # in this audit


def _platform_items(section: PlatformSection) -> str:
    heading = f"<h3>{_text(section.name)}</h3>"
    checked = (
        f"Checked on {_checked_on(section)}." if section.checked_at else f"{_checked_on(section)}."
    )
    state = f'<p class="small">{_text(_state(section.state))}. {checked}</p>'
    # The platform's name in the header: a repeated header tells which platform goes on.
    headers = ((f"{section.name} setting", 60), ("Answer", 18), ("How it was checked", 22))
    rows = [[_text(item.title), _status(item.status), _text(item.method)] for item in section.items]
    return heading + state + _table(headers, rows)


def _evidence(lines: Sequence[str]) -> str:
    heading = "Data exports and friend-list reviews"
    if not lines:
        return _section(heading, _none("No data export was imported and no review was made."))
    items = "".join(f"<li>{_text(line)}</li>" for line in lines)
    note = "Counts only: Footprint never keeps the names of friends, followers or connections."
    return _section(heading, f"<ul>{items}</ul>" + _none(note))


def _notes(report: SupervisionReport) -> str:
    heading = "Worker's notes"
    if not report.notes_included:
        return _section(heading, _none("The worker chose not to include their notes."))
    if not report.notes:
        return _section(heading, _none("There are no notes in this audit."))
    headers = (("Setting", 40), ("Note", 60))
    rows = [_note_row(line) for line in report.notes]
    return _section(heading, _table(headers, rows))


def _note_row(line: NoteLine) -> list[str]:
    return [f"<b>{_text(line.platform)}</b><br>{_text(line.title)}", _text(line.note)]


def _signatures(report: SupervisionReport) -> str:
    worker = report.worker
    supervisor = worker.supervisor or "Supervisor"
    rows = "".join(
        f'<tr><td width="34%">{_text(who)}</td>'
        '<td class="line" width="40%">&nbsp;</td>'
        '<td width="8%" align="right">Date</td>'
        '<td class="line" width="18%">&nbsp;</td></tr>'
        for who in (f"Worker: {worker.name}", f"Supervisor: {supervisor}")
    )
    intro = "<p>Discussed in supervision and agreed as a true record.</p>"
    table = f'<table class="signatures" width="100%" cellspacing="0">{rows}</table>'
    return _section("Signatures", intro + table)
