"""Timestamps are stored as ISO 8601 text in UTC, readable by SQLAlchemy and sqlite3 alike."""

from __future__ import annotations

from datetime import UTC, datetime


def to_text(moment: datetime) -> str:
    """The text stored for an aware datetime; a naive one raises ValueError."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str | None) -> datetime | None:
    """Stored text as an aware datetime (UTC assumed when it has no offset); None for NULL."""
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def required(text: str | None) -> datetime:
    """A timestamp from a NOT NULL column."""
    moment = from_text(text)
    if moment is None:
        raise ValueError("a required timestamp is missing")
    return moment
