"""The database's table and column names, declared once.

Writes go through the ORM models in `schema.py`; reads use the standard library's sqlite3
(`reads.py`), because importing SQLAlchemy at start-up costs more than showing the window.
Both take every table and column name from here, and a test checks that a freshly migrated
database has exactly these tables and columns. Migrations are history and keep the literal
names they were written with.

Plain Python: importing this module costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Table:
    """A table's name; subclasses add one attribute per column, whose value is its name."""

    name: str

    def columns(self) -> tuple[str, ...]:
        """Every column's name, in declaration order."""
        return tuple(getattr(self, f.name) for f in fields(self) if f.name != "name")


@dataclass(frozen=True)
class ProfileTable(Table):
    """The worker's profile, one row."""

    id: str = "id"
    display_name: str = "display_name"
    role: str = "role"
    organisation: str = "organisation"
    regulator: str = "regulator"
    supervisor: str = "supervisor"
    updated_at: str = "updated_at"
    works_with_children: str = "works_with_children"
    code_edition: str = "code_edition"


@dataclass(frozen=True)
class UserPlatformTable(Table):
    """The platforms the worker uses, in their order."""

    platform_id: str = "platform_id"
    position: str = "position"
    recheck_days: str = "recheck_days"
    snoozed_until: str = "snoozed_until"


@dataclass(frozen=True)
class AuditRunTable(Table):
    """Audits, started and completed."""

    id: str = "id"
    started_at: str = "started_at"
    completed_at: str = "completed_at"


@dataclass(frozen=True)
class RunPlatformTable(Table):
    """Each platform of an audit, finished or skipped."""

    run_id: str = "run_id"
    platform_id: str = "platform_id"
    position: str = "position"
    completed_at: str = "completed_at"
    skipped: str = "skipped"


@dataclass(frozen=True)
class AnswerTable(Table):
    """Every answer and fix given, newest per item being the current one."""

    id: str = "id"
    run_id: str = "run_id"
    platform_id: str = "platform_id"
    item_id: str = "item_id"
    status: str = "status"
    source: str = "source"
    observed: str = "observed"
    note: str = "note"
    answered_at: str = "answered_at"
    kind: str = "kind"


@dataclass(frozen=True)
class ExportImportTable(Table):
    """Data-export imports, as dates and counts."""

    id: str = "id"
    platform_id: str = "platform_id"
    imported_at: str = "imported_at"
    export_date: str = "export_date"
    run_id: str = "run_id"
    items_answered: str = "items_answered"
    connection_count: str = "connection_count"
    request_count: str = "request_count"
    public_switches: str = "public_switches"


@dataclass(frozen=True)
class ConnectionReviewTable(Table):
    """Friend-list reviews, as counts."""

    id: str = "id"
    platform_id: str = "platform_id"
    reviewed_at: str = "reviewed_at"
    export_date: str = "export_date"
    reviewed_count: str = "reviewed_count"
    marked_count: str = "marked_count"
    lists: str = "lists"
    confirmed_removed_count: str = "confirmed_removed_count"
    confirmed_at: str = "confirmed_at"
    confirmed_by: str = "confirmed_by"
    salt: str = "salt"
    removal_check: str = "removal_check"
    key_id: str = "key_id"


@dataclass(frozen=True)
class MarkedConnectionHashTable(Table):
    """Keyed hashes of people marked in a review, until they are removed."""

    id: str = "id"
    review_id: str = "review_id"
    digest: str = "digest"


@dataclass(frozen=True)
class ReportMadeTable(Table):
    """When supervision reports were made, and the period each covered."""

    id: str = "id"
    made_at: str = "made_at"
    period_start: str = "period_start"
    run_id: str = "run_id"


@dataclass(frozen=True)
class KeyringEntryTable(Table):
    """Which keyring entries Footprint created (service names only)."""

    service: str = "service"
    created_at: str = "created_at"


@dataclass(frozen=True)
class PublicAddressTable(Table):
    """The worker's own public profile addresses, for the stranger's view."""

    platform_id: str = "platform_id"
    address: str = "address"


@dataclass(frozen=True)
class OutsideFindingTable(Table):
    """`outside_finding`: what a stranger could see, per platform and topic."""

    id: str = "id"
    platform_id: str = "platform_id"
    topic: str = "topic"
    verdict: str = "verdict"
    reason: str = "reason"
    seen_at: str = "seen_at"
    caveat: str = "caveat"


@dataclass(frozen=True)
class WatchChoiceTable(Table):
    """`watch_choice`: the worker's opt-in to the watch, one row once chosen."""

    id: str = "id"
    signed_out: str = "signed_out"
    chosen_at: str = "chosen_at"


@dataclass(frozen=True)
class WatchPlatformTable(Table):
    """`watch_platform`: each watched platform's schedule and back-off."""

    platform_id: str = "platform_id"
    next_look_at: str = "next_look_at"
    last_look_at: str = "last_look_at"
    last_outcome: str = "last_outcome"
    failures: str = "failures"
    compared: str = "compared"


@dataclass(frozen=True)
class WatchSignedInTable(Table):
    """`watch_signed_in`: the platforms chosen for signed-in re-reads, and their schedule."""

    platform_id: str = "platform_id"
    chosen_at: str = "chosen_at"
    next_look_at: str = "next_look_at"
    last_look_at: str = "last_look_at"
    last_outcome: str = "last_outcome"
    failures: str = "failures"
    compared: str = "compared"


@dataclass(frozen=True)
class WatchReadingTable(Table):
    """`watch_reading`: each item's status at the platform's last signed-in re-read."""

    platform_id: str = "platform_id"
    item_id: str = "item_id"
    status: str = "status"
    read_at: str = "read_at"


@dataclass(frozen=True)
class WatchLookTable(Table):
    """`watch_look`: every look the watch made, and how it ended."""

    id: str = "id"
    platform_id: str = "platform_id"
    looked_at: str = "looked_at"
    outcome: str = "outcome"


@dataclass(frozen=True)
class WatchDriftTable(Table):
    """`watch_drift`: what the watch saw become visible, with its evidence."""

    id: str = "id"
    platform_id: str = "platform_id"
    topic: str = "topic"
    before: str = "before"
    after: str = "after"
    seen_at: str = "seen_at"
    source: str = "source"
    confirmed_at: str = "confirmed_at"


PROFILE = ProfileTable("profile")
USER_PLATFORM = UserPlatformTable("user_platform")
AUDIT_RUN = AuditRunTable("audit_run")
RUN_PLATFORM = RunPlatformTable("run_platform")
ANSWER = AnswerTable("answer")
EXPORT_IMPORT = ExportImportTable("export_import")
CONNECTION_REVIEW = ConnectionReviewTable("connection_review")
MARKED_CONNECTION_HASH = MarkedConnectionHashTable("marked_connection_hash")
REPORT_MADE = ReportMadeTable("report_made")
KEYRING_ENTRY = KeyringEntryTable("keyring_entry")
PUBLIC_ADDRESS = PublicAddressTable("public_address")
OUTSIDE_FINDING = OutsideFindingTable("outside_finding")
WATCH_CHOICE = WatchChoiceTable("watch_choice")
WATCH_PLATFORM = WatchPlatformTable("watch_platform")
WATCH_LOOK = WatchLookTable("watch_look")
WATCH_DRIFT = WatchDriftTable("watch_drift")
WATCH_SIGNED_IN = WatchSignedInTable("watch_signed_in")
WATCH_READING = WatchReadingTable("watch_reading")
ALL_TABLES: tuple[Table, ...] = (
    PROFILE,
    USER_PLATFORM,
    AUDIT_RUN,
    RUN_PLATFORM,
    ANSWER,
    EXPORT_IMPORT,
    CONNECTION_REVIEW,
    MARKED_CONNECTION_HASH,
    REPORT_MADE,
    KEYRING_ENTRY,
    PUBLIC_ADDRESS,
    OUTSIDE_FINDING,
    WATCH_CHOICE,
    WATCH_PLATFORM,
    WATCH_LOOK,
    WATCH_DRIFT,
    WATCH_SIGNED_IN,
    WATCH_READING,
)
