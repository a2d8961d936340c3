"""Footprint's schema, declared once: every table, column, key, index and check, as SQLAlchemy
Core metadata. Only counts and facts are stored: no passwords, no names of contacts.

Everything else follows from this declaration: the writes (Core statements in `writes.py`),
the reads (Core statements in `read_statements.py`, compiled into `read_sql.py` so that
start-up need not import SQLAlchemy) and the migrations' target. The
migrations are history and keep the literal shapes they were written with; a test checks that
running all of them on an empty file gives exactly this declaration
(tests/storage/test_schema.py). A change here therefore needs a new migration.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

from app.audit.answers import AnswerKind, AnswerSource, AnswerStatus
from app.audit.watch import LookOutcome
from app.storage.timestamps import from_text, to_text

STATUSES = tuple(status.value for status in AnswerStatus)
SOURCES = tuple(source.value for source in AnswerSource)
KINDS = tuple(kind.value for kind in AnswerKind)
# Revision 0006's outcomes: a signed-in re-read's "signed out" is kept in watch_signed_in only.
OUTCOMES = tuple(o.value for o in LookOutcome if o is not LookOutcome.SIGNED_OUT)
SIGNED_IN_OUTCOMES = tuple(outcome.value for outcome in LookOutcome)


class UtcTimestamp(TypeDecorator[datetime]):
    """A timezone-aware datetime kept as ISO 8601 text in UTC (see `timestamps`)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        """The text stored for `value`; naive datetimes are refused."""
        return None if value is None else to_text(value)

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        """The stored text read back as an aware datetime in UTC."""
        return from_text(value)


def _platform_id(*, primary_key: bool = False) -> Column[str]:
    return Column("platform_id", String(64), primary_key=primary_key, nullable=False)


metadata = MetaData()

profile = Table(
    "profile",  # the worker's profile: a single row (id 1), no contacts, no passwords
    metadata,
    Column("id", Integer, primary_key=True, default=1),
    Column("display_name", Text, nullable=False),
    Column("role", Text, nullable=False, default=""),
    Column("organisation", Text, nullable=False, default=""),
    Column("regulator", String(16), nullable=False),
    Column("supervisor", Text, nullable=False, default=""),
    Column("updated_at", UtcTimestamp, nullable=False),
    Column("works_with_children", Boolean, nullable=False, default=False, server_default="0"),
    Column("code_edition", String(16)),
    CheckConstraint("id = 1", name="single_profile"),
)

user_platform = Table(
    "user_platform",  # a platform the worker uses, in their order, re-check interval, snooze
    metadata,
    _platform_id(primary_key=True),
    Column("position", Integer, nullable=False),
    Column("recheck_days", Integer),
    Column("snoozed_until", UtcTimestamp),
)

audit_run = Table(
    "audit_run",  # one audit: when it started and, once finished, when it was completed
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", UtcTimestamp, nullable=False),
    Column("completed_at", UtcTimestamp),
)

run_platform = Table(
    "run_platform",  # a platform in one audit: its place in the order, finished or skipped
    metadata,
    Column("run_id", Integer, ForeignKey("audit_run.id", ondelete="CASCADE"), primary_key=True),
    _platform_id(primary_key=True),
    Column("position", Integer, nullable=False),
    Column("completed_at", UtcTimestamp),
    Column("skipped", Boolean, nullable=False, default=False),
    # Each platform's newest finished checks without reading them all (revision 0009).
    Index("ix_run_platform_finished", "platform_id", "completed_at", "run_id"),
)

answer = Table(
    "answer",  # every answer given; a re-answer adds a row, the newest per item is current
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("audit_run.id", ondelete="CASCADE"), nullable=False),
    _platform_id(),
    Column("item_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("source", String(16), nullable=False),
    Column("observed", Text),
    Column("note", Text),
    Column("answered_at", UtcTimestamp, nullable=False),
    Column("kind", String(16), nullable=False, default="answer", server_default="answer"),
    CheckConstraint(f"status IN {STATUSES}", name="known_status"),
    CheckConstraint(f"source IN {SOURCES}", name="known_source"),
    CheckConstraint(f"kind IN {KINDS}", name="known_kind"),
    Index("ix_answer_run_item", "run_id", "platform_id", "item_id"),
    # The newest answer to each item without sorting them all (revision 0008).
    Index("ix_answer_item", "platform_id", "item_id"),
)

export_import = Table(
    "export_import",  # one data-export import: its dates and counts
    metadata,
    Column("id", Integer, primary_key=True),
    _platform_id(),
    Column("imported_at", UtcTimestamp, nullable=False),
    Column("export_date", UtcTimestamp, nullable=False),
    Column("run_id", Integer, ForeignKey("audit_run.id", ondelete="SET NULL")),
    Column("items_answered", Integer, nullable=False),
    Column("connection_count", Integer, nullable=False),
    Column("request_count", Integer, nullable=False),
    Column("public_switches", Integer, nullable=False),
    CheckConstraint(
        "items_answered >= 0 AND connection_count >= 0 AND request_count >= 0"
        " AND public_switches >= 0",
        name="import_counts",
    ),
)

connection_review = Table(
    "connection_review",  # a friend-list review as counts; the salt only while keyed hashes
    metadata,  # await confirmation (an HMAC with a keyring secret, or nothing per person)
    Column("id", Integer, primary_key=True),
    _platform_id(),
    Column("reviewed_at", UtcTimestamp, nullable=False),
    Column("export_date", UtcTimestamp, nullable=False),
    Column("reviewed_count", Integer, nullable=False),
    Column("marked_count", Integer, nullable=False),
    Column("lists", String(200), nullable=False),
    Column("confirmed_removed_count", Integer),
    Column("confirmed_at", UtcTimestamp),
    Column("confirmed_by", String(16)),
    Column("salt", String(64)),
    Column("removal_check", String(16), nullable=False, default="export", server_default="export"),
    Column("key_id", String(32)),
    CheckConstraint("marked_count >= 0 AND marked_count <= reviewed_count", name="review_counts"),
    CheckConstraint(
        "confirmed_removed_count IS NULL OR"
        " (confirmed_removed_count >= 0 AND confirmed_removed_count <= marked_count)",
        name="confirmed_counts",
    ),
    CheckConstraint(
        "confirmed_by IS NULL OR confirmed_by IN ('export', 'worker')", name="known_confirmer"
    ),
    CheckConstraint("removal_check IN ('export', 'by_hand')", name="known_removal_check"),
)

marked_connection_hash = Table(
    "marked_connection_hash",  # a keyed hash (HMAC) of one marked person: never a name,
    metadata,  # deleted once they are removed
    Column("id", Integer, primary_key=True),
    Column(
        "review_id",
        Integer,
        ForeignKey("connection_review.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("digest", String(64), nullable=False),
    UniqueConstraint("review_id", "digest", name="one_hash_per_person"),
)

report_made = Table(
    "report_made",  # a supervision report saved or printed, and the period it covered
    metadata,
    Column("id", Integer, primary_key=True),
    Column("made_at", UtcTimestamp, nullable=False),
    Column("period_start", UtcTimestamp),
    Column("run_id", Integer, ForeignKey("audit_run.id", ondelete="SET NULL")),
)

keyring_entry = Table(
    "keyring_entry",  # a keyring entry Footprint created: the service's name, never a secret
    metadata,
    Column("service", String(128), primary_key=True),
    Column("created_at", UtcTimestamp, nullable=False),
)

public_address = Table(
    "public_address",  # the worker's own public profile address on one platform
    metadata,
    _platform_id(primary_key=True),
    Column("address", Text, nullable=False),
)

outside_finding = Table(
    "outside_finding",  # one finding of the latest stranger's view of a platform: Footprint's
    metadata,  # own words and the date, never the page's text, the address or anyone's name
    Column("id", Integer, primary_key=True),
    _platform_id(),
    Column("topic", String(32), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("seen_at", UtcTimestamp, nullable=False),
    Column("caveat", Text, nullable=False),  # "" when there is none
    CheckConstraint("verdict IN ('yes', 'no', 'can''t tell')", name="known_verdict"),
    Index("ix_outside_finding_platform", "platform_id"),
)

watch_choice = Table(
    "watch_choice",  # the worker's opt-in to the watch: one row, once chosen
    metadata,
    Column("id", Integer, primary_key=True, default=1),
    Column("signed_out", Boolean, nullable=False),
    Column("chosen_at", UtcTimestamp, nullable=False),
    CheckConstraint("id = 1", name="single_watch_choice"),
)

watch_platform = Table(
    "watch_platform",  # one watched platform's schedule and back-off
    metadata,
    _platform_id(primary_key=True),
    Column("next_look_at", UtcTimestamp, nullable=False),
    Column("last_look_at", UtcTimestamp),
    Column("last_outcome", String(16)),
    Column("failures", Integer, nullable=False),
    Column("compared", Boolean),  # False: the last look seen was the first (NULL: before 0007)
    CheckConstraint(
        f"last_outcome IS NULL OR last_outcome IN {OUTCOMES}", name="known_last_outcome"
    ),
)

watch_look = Table(
    "watch_look",  # one look the watch made and how it ended
    metadata,
    Column("id", Integer, primary_key=True),
    _platform_id(),
    Column("looked_at", UtcTimestamp, nullable=False),
    Column("outcome", String(16), nullable=False),
    CheckConstraint(f"outcome IN {OUTCOMES}", name="known_outcome"),
    Index("ix_watch_look_looked_at", "looked_at"),
)

watch_drift = Table(
    "watch_drift",  # a topic the watch saw become visible: topic and verdicts in Footprint's
    metadata,  # words, the time and the source; never the page's text, address or a name
    Column("id", Integer, primary_key=True),
    _platform_id(),
    Column("topic", String(32), nullable=False),
    Column("before", String(16), nullable=False),
    Column("after", String(16), nullable=False),
    Column("seen_at", UtcTimestamp, nullable=False),
    Column("source", String(64), nullable=False),
    Column("confirmed_at", UtcTimestamp),
)

watch_signed_in = Table(
    "watch_signed_in",  # a platform ticked for signed-in re-reads, and their schedule (0007)
    metadata,
    _platform_id(primary_key=True),
    Column("chosen_at", UtcTimestamp, nullable=False),
    Column("next_look_at", UtcTimestamp, nullable=False),
    Column("last_look_at", UtcTimestamp),
    Column("last_outcome", String(16)),
    Column("failures", Integer, nullable=False),
    Column("compared", Boolean),
    CheckConstraint(
        f"last_outcome IS NULL OR last_outcome IN {SIGNED_IN_OUTCOMES}",
        name="known_signed_in_outcome",
    ),
)

watch_reading = Table(
    "watch_reading",  # an item's status at the platform's last signed-in re-read (0007):
    metadata,  # "safe", "needs_action" or "unsure", never the value's text from the page
    _platform_id(primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("read_at", UtcTimestamp, nullable=False),
)
