"""Dates and counts as the worker reads them, shared by the windows, the CLI and the report."""

from __future__ import annotations

from datetime import datetime


def short_date(moment: datetime | None, empty: str = "—") -> str:
    if moment is None:
        return empty
    return f"{moment.astimezone():%d %b %Y}"


def relative_due(next_due: datetime | None, now: datetime) -> str:
    """'due now', 'overdue by 12 days', 'in 30 days' — how a reminder reads."""
    if next_due is None:
        return "due now (never checked)"
    days = (next_due - now).days
    if next_due <= now:
        overdue = (now - next_due).days
        return "due today" if overdue == 0 else f"overdue by {overdue} day{_s(overdue)}"
    return f"in {days} day{_s(days)}" if days else "due tomorrow"


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{_s(count)}"


def printable(text: str) -> str:
    """`text` on one line, every control, format or line-separator character written as an
    escape (`\\n`, `\\u202e`): what a file says can then never start a line of its own (and
    pass for a `file:line:` message) nor reorder what is shown around it."""
    return "".join(_escape(character) for character in text)


def _escape(character: str) -> str:
    if character.isprintable() or character == " ":
        return character
    return character.encode("unicode_escape").decode("ascii")
