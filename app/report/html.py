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

from app.audit import glossary
from app.audit.answers import AnswerStatus
from app.audit.drift import DriftReason
from app.audit.scoring import PlatformState
from app.formatting import relative_due, short_date
from app.report.content import (
    ActionLine,
    ClauseLine,
    ItemLine,
    NoteLine,
    OutsideLine,
    PlatformSection,
    SupervisionReport,
)
from app.resources import shipped
from app.stranger.evidence import SIGNED_IN_NOTE

STYLESHEET = shipped().report_stylesheet
APPENDIX_HEADING = "Appendix: the detail behind this record"
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
        f"<h1>{_text(report.title)}</h1>",
        f'<p class="meta">Made with Footprint on {_date(report.created_at)}.</p>',
        _details(report),
        _summary(report.summary),
        _states(report),
        _drift(report),
        _fixed(report),
        _actions(report.actions),
        _signatures(report),
    ]
    appendix = [
        _appendix_heading(report),
        _clauses(report),
        _outside(report.outside),
        _evidence(report.evidence),
        _notes(report),
        _platform_appendix(report.platforms),
        _steps_appendix(report) if report.steps_included else "",
    ]
    body = "\n".join(record + appendix)
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


# A symbol before every answer and state, so none is told by colour alone (in print, in
# greyscale, for a reader who does not see colours).
STATUS_SYMBOLS = {
    AnswerStatus.SAFE: "✓",
    AnswerStatus.NEEDS_ACTION: "!",
    AnswerStatus.UNSURE: "?",
    AnswerStatus.NOT_APPLICABLE: "–",
    AnswerStatus.NOT_CHECKED: "○",
}
STATE_SYMBOLS = {
    PlatformState.SAFE: "✓",
    PlatformState.NEEDS_ACTION: "!",
    PlatformState.UNSURE: "?",
    PlatformState.INCOMPLETE: "○",
    PlatformState.SKIPPED: "○",
    PlatformState.NOT_AUDITED: "○",
}


def _status(status: AnswerStatus) -> str:
    symbol = STATUS_SYMBOLS[status]
    return f'<span class="{status.value}">{symbol} {_text(status.label)}</span>'


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
    """Who and what, two facts to a row: the record's first page must hold the whole record."""
    worker = report.worker
    pairs = [
        ("Worker", _text(worker.name), "Supervisor", _text(worker.supervisor or "—")),
        ("Role", _text(worker.role or "—"), "Organisation", _text(worker.organisation or "—")),
        ("Regulator", _text(worker.regulator or "—"), "Covers", _text(report.covers)),
    ]
    rows = "".join(
        f'<tr><td class="label" width="16%">{label}</td><td width="36%">{value}</td>'
        f'<td class="label" width="14%">{label2}</td><td width="34%">{value2}</td></tr>'
        for label, value, label2, value2 in pairs
    )
    changes = _capitalised(report.period.description)
    rows += f'<tr><td class="label">Period</td><td colspan="3">{_text(changes)}</td></tr>'
    return f'<table class="details" width="100%" cellspacing="0">{rows}</table>'


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _states(report: SupervisionReport) -> str:
    headers = (("Platform", 17), ("State", 16), ("Last checked", 15), ("Next re-check", 28),
               ("Answers", 24))  # fmt: skip
    snoozed = {line.platform: line.snoozed_until for line in report.overdue if line.snoozed_until}
    rows = [_state_row(section, report.created_at, snoozed) for section in report.platforms]
    return _section("State of each platform", _table(headers, rows))


def _state_row(section: PlatformSection, now: datetime, snoozed: dict[str, datetime]) -> list[str]:
    score = section.score
    counts = [
        f"{score.count(status)} {status.label.lower()}"
        for status in AnswerStatus
        if score.count(status) and section.checked_at is not None
    ]
    return [
        f"<b>{_text(section.name)}</b>",
        _state(section.state),
        _last_checked(section),
        _next_check(section, now, snoozed.get(section.name)),
        _text(", ".join(counts) or "—"),
    ]


def _last_checked(section: PlatformSection) -> str:
    """The finished check's date; else what became of the last start, in the state's own
    word (the State column already says Skipped: never a second, different word for it)."""
    if section.checked_at is not None:
        return _date(section.checked_at)
    if section.seen_at is None:
        return _text(glossary.NEVER_CHECKED)
    happened = "skipped" if section.state is PlatformState.SKIPPED else "started"
    return f'—<br><span class="small">{happened} {_date(section.seen_at)}</span>'


def _next_check(section: PlatformSection, now: datetime, snoozed: datetime | None) -> str:
    """The date, and the days to it counted as the overview counts them (`relative_due`)."""
    when = relative_due(section.next_due, now)
    snooze = f"<br>reminder snoozed until {_date(snoozed)}" if snoozed else ""
    if section.next_due is None:
        return f'<span class="needs_action">{_text(_capitalised(when))}</span>{snooze}'
    css = "needs_action" if section.is_due else "small"
    return f'{_date(section.next_due)} <span class="{css}">· {_text(when)}</span>{snooze}'


def _state(state: PlatformState) -> str:
    css = {
        PlatformState.NEEDS_ACTION: "needs_action",
        PlatformState.UNSURE: "unsure",
        PlatformState.SAFE: "safe",
    }.get(state, "not_checked")
    return f'<span class="{css}">{STATE_SYMBOLS[state]} {_text(state.label)}</span>'


def _drift(report: SupervisionReport) -> str:
    heading = f"What slid back {report.period.since}"
    if not report.drift:
        return _section(
            heading,
            _none(f"No setting slid back or changed value {report.period.since}.")
            + _watched(report),
        )
    headers = (("Setting", 40), ("Before", 30), ("After", 30))
    rows = [
        [
            f"<b>{_text(line.platform)}</b>: {_text(line.name)}<br>"
            f'<span class="small">{_text(_drift_reason(line.reason))}</span>',
            _observation(line.before, line.before_observed, line.before_date),
            _observation(line.after, line.after_observed, line.after_date),
        ]
        for line in report.drift
    ]
    return _section(heading, _table(headers, rows) + _watched(report))


def _watched(report: SupervisionReport) -> str:
    """What the watch saw become visible, with its source: observations, not answers."""
    if not report.watched:
        return ""
    items = "".join(f"<li>{_text(line)}</li>" for line in report.watched)
    note = (
        "Seen by Footprint's watch as a signed-out stranger; not an answer until confirmed "
        "in an audit."
    )
    return f"<p>{_text(note)}</p><ul>{items}</ul>"


def _drift_reason(reason: DriftReason) -> str:
    return glossary.SLID_BACK if reason is DriftReason.WORSE else glossary.VALUE_CHANGED


def _observation(status: AnswerStatus, observed: str | None, when: datetime) -> str:
    value = f"<br>Seen: “{_text(observed)}”" if observed else ""
    return f"{_status(status)}{value}<br>{_date(when)}"


def _fixed(report: SupervisionReport) -> str:
    """The fixes recorded within the period: the work done between supervisions."""
    since = report.period.since
    heading = f"Fixed {since}" if report.period.start is not None else "Fixed after this audit"
    if not report.fixed:
        return _section(heading, _none(f"No fix was recorded with “I fixed it” {since}."))
    headers = (("Fixed", 60), ("Recorded on", 18), ("Now", 22))
    rows = [
        [
            f"<b>{_text(line.platform)}</b>: {_text(line.action)}<br>"
            f'<span class="small">{_text(line.name)}</span>',
            _date(line.fixed_at),
            _status(line.now),
        ]
        for line in report.fixed
    ]
    return _section(heading, _table(headers, rows))


def _actions(actions: Sequence[ActionLine]) -> str:
    heading = "Outstanding actions"
    if not actions:
        return _section(heading, _none("Nothing is outstanding: every setting checked was safe."))
    headers = (("Action", 62), ("Answer", 20), ("Importance", 18))
    rows = [
        [
            f"<b>{_text(line.platform)}</b>: {_text(line.action)}<br>"
            f'<span class="small">{_text(line.name)}</span>',
            _status(line.status),
            _text(line.severity.label.removesuffix(" importance")),
        ]
        for line in actions
    ]
    return _section(heading, _table(headers, rows))


def _clauses(report: SupervisionReport) -> str:
    heading = "Code of Practice clauses"
    notices = "".join(_none(notice) for notice in report.clause_notices)
    if not report.clauses:
        empty = _none("The findings cite no clauses for this worker's regulator.")
        return _section(heading, (notices or empty))
    intro = (
        f"<p>For a worker registered with {_text(report.worker.regulator)}, the findings above "
        "relate to these clauses:</p>"
    )
    headers = (("Clause", 30), ("What it says", 45), ("Findings on", 25))
    rows = [_clause_row(line) for line in report.clauses]
    return _section(heading, intro + _table(headers, rows) + notices)


def _clause_row(line: ClauseLine) -> list[str]:
    source = f'{_text(line.source)}<br><span class="small">{_text(line.kind)}</span>'
    return [source, _text(line.text), _text(", ".join(line.platforms))]


def _evidence(lines: Sequence[str]) -> str:
    heading = "Data exports and friend-list reviews"
    if not lines:
        return _section(heading, _none("No data export was imported and no review was made."))
    items = "".join(f"<li>{_text(line)}</li>" for line in lines)
    note = "Counts only: Footprint never keeps the names of friends, followers or connections."
    return _section(heading, f"<ul>{items}</ul>" + _none(note))


def _outside(lines: Sequence[OutsideLine]) -> str:
    """Per platform, the latest stranger's view: its date and findings, in Footprint's words,
    or that nobody looked and why. The worker's addresses stay out of the report: it may be
    shared beyond supervision."""
    if not lines:
        return ""  # no platform the worker uses has a public profile page
    rows = [
        [
            f"<b>{_text(line.platform)}</b>",
            _date(line.seen_at) if line.seen_at else _text("Not looked at"),
            "<br>".join(_text(f) for f in line.findings) or _text(line.not_looked or "—"),
        ]
        for line in lines
    ]
    headers = (("Platform", 18), ("Looked", 14), ("What a stranger could see", 68))
    note = f"Seen in a signed-out browser; it can differ by the viewer's country. {SIGNED_IN_NOTE}"
    return _section("What a stranger could see", _table(headers, rows) + _none(note))


def _notes(report: SupervisionReport) -> str:
    if not report.notes_included:
        return ""  # notes are the worker's own; leaving them out needs no comment
    heading = "Worker's notes"
    if not report.notes:
        return _section(heading, _none("There are no notes on the settings shown."))
    headers = (("Setting", 40), ("Note", 60))
    rows = [_note_row(line) for line in report.notes]
    return _section(heading, _table(headers, rows))


def _note_row(line: NoteLine) -> list[str]:
    return [f"<b>{_text(line.platform)}</b><br>{_text(line.name)}", _text(line.note)]


def _platform_appendix(sections: Sequence[PlatformSection]) -> str:
    details = "".join(_platform_items(section) for section in sections)
    return _section("Each platform's settings", details)


def _platform_items(section: PlatformSection) -> str:
    heading = f"<h3>{_text(section.name)}</h3>"
    if section.checked_at is None:
        return heading + _none(f"{section.state.label}: there is no finished check to show.")
    state = (
        f'<p class="small">{_text(section.state.label)}. Checked on '
        f"{_date(section.checked_at)}.</p>"
    )
    # The platform's name in the header: a repeated header tells which platform goes on.
    headers = ((f"{section.name} setting", 52), ("Answer", 18), ("How it was checked", 30))
    rows = [[_text(item.name), _status(item.status), _method(item)] for item in section.items]
    return heading + state + _table(headers, rows)


def _method(item: ItemLine) -> str:
    if item.fixed_at is None:
        return _text(item.method)
    return f"{_text(glossary.FIXED)}, {_date(item.fixed_at)}"


def _steps_appendix(report: SupervisionReport) -> str:
    heading = "How to fix each outstanding item"
    if not report.actions:
        return _section(heading, _none("Nothing is outstanding."))
    parts = []
    for line in report.actions:
        steps = "".join(f"<li>{_text(step)}</li>" for step in line.steps)
        app = "".join(f"<li>{_text(step)}</li>" for step in line.app_steps)
        app_html = f'<p class="small">In the app:</p><ol>{app}</ol>' if app else ""
        parts.append(
            f"<h3>{_text(line.platform)}: {_text(line.action)}</h3><ol>{steps}</ol>{app_html}"
            f'<p class="small">Safe setting: {_text(line.safe)}</p>'
        )
    return _section(heading, "".join(parts))


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
    intro = (
        "<p>Discussed in supervision and agreed as a true record. What follows the signatures "
        "is an appendix of detail, for reference.</p>"
    )
    table = f'<table class="signatures" width="100%" cellspacing="0">{rows}</table>'
    return _section("Signatures", intro + table)


def _appendix_heading(report: SupervisionReport) -> str:
    """Marks where the signed record ends; the PDF starts it on a page of its own."""
    parts = [
        "the Code of Practice clauses",
        "what a stranger could see" if report.outside else "",
        "data exports and friend-list reviews",
        "the worker's notes" if report.notes_included else "",
        "each platform's settings",
        "how to fix each outstanding item" if report.steps_included else "",
    ]
    listed = [part for part in parts if part]
    contents = ", ".join(listed[:-1]) + " and " + listed[-1]
    return (
        f'<h1 class="appendix">{_text(APPENDIX_HEADING)}</h1>'
        f'<p class="meta">Not part of the signed record: {_text(contents)}.</p>'
    )
