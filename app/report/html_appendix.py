"""The report's appendix as HTML: the detail after the signatures, not part of the signed record
(the clauses, what a stranger could see, exports and reviews, notes, each platform's settings,
the steps to fix each outstanding item)."""

from __future__ import annotations

from collections.abc import Sequence

from app.audit import glossary
from app.report.content import (
    ClauseLine,
    ItemLine,
    NoteLine,
    OutsideLine,
    PlatformSection,
    SupervisionReport,
)
from app.report.html_blocks import (
    date_text,
    escaped,
    none_html,
    section_html,
    status_html,
    table_html,
)
from app.stranger.evidence import SIGNED_IN_NOTE

APPENDIX_HEADING = "Appendix: the detail behind this record"


def clauses_html(report: SupervisionReport) -> str:
    """The Code of Practice clauses the findings relate to, for the worker's regulator."""
    heading = "Code of Practice clauses"
    notices = "".join(none_html(notice) for notice in report.clause_notices)
    if not report.clauses:
        empty = none_html("The findings cite no clauses for this worker's regulator.")
        return section_html(heading, (notices or empty))
    intro = (
        f"<p>For a worker registered with {escaped(report.worker.regulator)}, the findings above "
        "relate to these clauses:</p>"
    )
    headers = (("Clause", 30), ("What it says", 45), ("Findings on", 25))
    rows = [_clause_row(line) for line in report.clauses]
    return section_html(heading, intro + table_html(headers, rows) + notices)


def _clause_row(line: ClauseLine) -> list[str]:
    source = f'{escaped(line.source)}<br><span class="small">{escaped(line.kind)}</span>'
    return [source, escaped(line.text), escaped(", ".join(line.platforms))]


def evidence_html(lines: Sequence[str]) -> str:
    """Data exports imported and friend-list reviews made: counts only."""
    heading = "Data exports and friend-list reviews"
    if not lines:
        return section_html(
            heading, none_html("No data export was imported and no review was made.")
        )
    items = "".join(f"<li>{escaped(line)}</li>" for line in lines)
    note = "Counts only: Footprint never keeps the names of friends, followers or connections."
    return section_html(heading, f"<ul>{items}</ul>" + none_html(note))


def outside_html(lines: Sequence[OutsideLine]) -> str:
    """Per platform, the latest stranger's view: its date and findings, in Footprint's words,
    or that nobody looked and why. The worker's addresses stay out of the report: it may be
    shared beyond supervision."""
    if not lines:
        return ""  # no platform the worker uses has a public profile page
    rows = [
        [
            f"<b>{escaped(line.platform)}</b>",
            date_text(line.seen_at) if line.seen_at else escaped("Not looked at"),
            "<br>".join(escaped(f) for f in line.findings) or escaped(line.not_looked or "—"),
        ]
        for line in lines
    ]
    headers = (("Platform", 18), ("Looked", 14), ("What a stranger could see", 68))
    note = f"Seen in a signed-out browser; it can differ by the viewer's country. {SIGNED_IN_NOTE}"
    return section_html("What a stranger could see", table_html(headers, rows) + none_html(note))


def notes_html(report: SupervisionReport) -> str:
    """The worker's notes on settings, only when the worker asked for them."""
    if not report.notes_included:
        return ""  # notes are the worker's own; leaving them out needs no comment
    heading = "Worker's notes"
    if not report.notes:
        return section_html(heading, none_html("There are no notes on the settings shown."))
    headers = (("Setting", 40), ("Note", 60))
    rows = [_note_row(line) for line in report.notes]
    return section_html(heading, table_html(headers, rows))


def _note_row(line: NoteLine) -> list[str]:
    return [f"<b>{escaped(line.platform)}</b><br>{escaped(line.name)}", escaped(line.note)]


def platform_appendix_html(sections: Sequence[PlatformSection]) -> str:
    """Each platform's settings with the answer and how it was checked."""
    details = "".join(_platform_items(section) for section in sections)
    return section_html("Each platform's settings", details)


def _platform_items(section: PlatformSection) -> str:
    heading = f"<h3>{escaped(section.name)}</h3>"
    if section.checked_at is None:
        return heading + none_html(f"{section.state.label}: there is no finished check to show.")
    state = (
        f'<p class="small">{escaped(section.state.label)}. Checked on '
        f"{date_text(section.checked_at)}.</p>"
    )
    # The platform's name in the header: a repeated header tells which platform goes on.
    headers = ((f"{section.name} setting", 52), ("Answer", 18), ("How it was checked", 30))
    rows = [[escaped(item.name), status_html(item.status), _method(item)] for item in section.items]
    return heading + state + table_html(headers, rows)


def _method(item: ItemLine) -> str:
    if item.fixed_at is None:
        return escaped(item.method)
    return f"{escaped(glossary.FIXED)}, {date_text(item.fixed_at)}"


def steps_appendix_html(report: SupervisionReport) -> str:
    """The steps to fix each outstanding item, in the platform and in its app."""
    heading = "How to fix each outstanding item"
    if not report.actions:
        return section_html(heading, none_html("Nothing is outstanding."))
    parts = []
    for line in report.actions:
        steps = "".join(f"<li>{escaped(step)}</li>" for step in line.steps)
        app = "".join(f"<li>{escaped(step)}</li>" for step in line.app_steps)
        app_html = f'<p class="small">In the app:</p><ol>{app}</ol>' if app else ""
        parts.append(
            f"<h3>{escaped(line.platform)}: {escaped(line.action)}</h3><ol>{steps}</ol>{app_html}"
            f'<p class="small">Safe setting: {escaped(line.safe)}</p>'
        )
    return section_html(heading, "".join(parts))


def appendix_heading_html(report: SupervisionReport) -> str:
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
        f'<h1 class="appendix">{escaped(APPENDIX_HEADING)}</h1>'
        f'<p class="meta">Not part of the signed record: {escaped(contents)}.</p>'
    )
