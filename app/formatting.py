"""Dates and counts as the worker reads them, shared by the windows, the CLI and the report."""

from __future__ import annotations

import re
from datetime import datetime


def short_date(moment: datetime | None, empty: str = "—") -> str:
    """A date as '05 Mar 2025' in local time; `empty` when there is none."""
    if moment is None:
        return empty
    return f"{moment.astimezone():%d %b %Y}"


def days_between(start: datetime, end: datetime) -> int:
    """Calendar days from `start` to `end` in local time (negative when `end` is earlier).

    The one day count of every window, command and report: it counts the dates the worker
    reads (`short_date`), not 24-hour spans, so "in 50 days" always agrees with the dates
    shown beside it, whatever the time of day.
    """
    return (end.astimezone().date() - start.astimezone().date()).days


def relative_due(next_due: datetime | None, now: datetime) -> str:
    """'due now', 'overdue by 12 days', 'in 30 days' — how a reminder reads."""
    if next_due is None:
        return "due now (never checked)"
    days = days_between(now, next_due)
    if next_due <= now:
        overdue = -days
        return "due today" if overdue <= 0 else f"overdue by {overdue} day{_s(overdue)}"
    if days <= 0:
        return "due later today"
    return "due tomorrow" if days == 1 else f"in {days} days"


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def plural(count: int, noun: str) -> str:
    """'1 platform', '3 platforms': a count with its noun."""
    return f"{count} {noun}{_s(count)}"


# Unicode's bidirectional formatting characters (UAX #9, "Explicit Directional Formatting
# Characters" and "Implicit Directional Marks"): embeddings and overrides U+202A–U+202E,
# isolates U+2066–U+2069, and the marks U+200E, U+200F and U+061C. In a name they reverse
# or reorder the text printed after it ("fo 9 egap" in a PDF footer).
BIDI_CONTROLS = frozenset(
    [
        *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2066, 0x206A)),
        "\u200e",
        "\u200f",
        "\u061c",
    ]
)
# A character class, not str.translate with a table: translate looks every character up in
# a dict, and the audit files' 3,000 texts took 11 ms of each start that way, 2 ms this way.
_BIDI = re.compile("[" + "".join(map(re.escape, sorted(BIDI_CONTROLS))) + "]")


def display_text(text: str) -> str:
    """Text someone typed (a worker's name, a pack's platform name) as Footprint shows and
    prints it: without bidirectional formatting characters, so it cannot reorder what
    comes after it in a footer, an .ics file, a log line or the CLI's output. The one place
    this is done: `WorkerProfile` and the audit-file reader call it on every text they take."""
    return text if text.isascii() else _BIDI.sub("", text)


def printable(text: str) -> str:
    """`text` on one line, every control, format or line-separator character written as an
    escape (`\\n`, `\\u202e`): what a file says can then never start a line of its own (and
    pass for a `file:line:` message) nor reorder what is shown around it."""
    return "".join(_escape(character) for character in text)


def _escape(character: str) -> str:
    if character.isprintable() or character == " ":
        return character
    return character.encode("unicode_escape").decode("ascii")
