"""Small pieces of the report's HTML shared by its record and its appendix: escaping, dates,
answers and states with their symbols, tables, sections."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape

from app.audit.answers import AnswerStatus
from app.audit.scoring import PlatformState
from app.formatting import short_date


def escaped(value: str) -> str:
    """Escape text from the worker or the files; keep their line breaks."""
    return escape(value, quote=True).replace("\n", "<br>")


def date_text(moment: datetime | None) -> str:
    """A date as the report shows it, escaped."""
    return escaped(short_date(moment))


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


def status_html(status: AnswerStatus) -> str:
    """An answer with its symbol, coloured by its class in report.css."""
    symbol = STATUS_SYMBOLS[status]
    return f'<span class="{status.value}">{symbol} {escaped(status.label)}</span>'


def table_html(headers: Sequence[tuple[str, int]], rows: Iterable[Sequence[str]]) -> str:
    """A bordered table; headers are (label, width %); cells are already-safe HTML."""
    head = "".join(f'<th width="{width}%">{escaped(label)}</th>' for label, width in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        '<table class="grid" width="100%" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def section_html(heading: str, content: str) -> str:
    """A section: its heading, then `content` (already-safe HTML)."""
    return f"<h2>{escaped(heading)}</h2>{content}"


def none_html(sentence: str) -> str:
    """A sentence saying a section has nothing to show, or a note under it."""
    return f'<p class="none">{escaped(sentence)}</p>'
