"""The ORM classes the writes use, each mapped onto its table in `tables.py`: no column is
declared here, only the attributes' Python types and the relationships between rows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from app.storage import tables


class Base(DeclarativeBase):
    """The declarative base every row class shares, over the one schema's metadata."""

    metadata = tables.metadata


class ProfileRow(Base):
    """The worker's profile (one row)."""

    __table__ = tables.profile

    id: Mapped[int]
    display_name: Mapped[str]
    role: Mapped[str]
    organisation: Mapped[str]
    regulator: Mapped[str]
    supervisor: Mapped[str]
    updated_at: Mapped[datetime]
    works_with_children: Mapped[bool]
    code_edition: Mapped[str | None]


class UserPlatformRow(Base):
    """A platform the worker uses."""

    __table__ = tables.user_platform

    platform_id: Mapped[str]
    position: Mapped[int]
    recheck_days: Mapped[int | None]
    snoozed_until: Mapped[datetime | None]


class AuditRunRow(Base):
    """One audit, with its platforms."""

    __table__ = tables.audit_run

    id: Mapped[int]
    started_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    platforms: Mapped[list[RunPlatformRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="RunPlatformRow.position"
    )


class RunPlatformRow(Base):
    """A platform in one audit."""

    __table__ = tables.run_platform

    run_id: Mapped[int]
    platform_id: Mapped[str]
    position: Mapped[int]
    completed_at: Mapped[datetime | None]
    skipped: Mapped[bool]
    run: Mapped[AuditRunRow] = relationship(back_populates="platforms")


class AnswerRow(Base):
    """One answer or fix."""

    __table__ = tables.answer

    id: Mapped[int]
    run_id: Mapped[int]
    platform_id: Mapped[str]
    item_id: Mapped[str]
    status: Mapped[str]
    source: Mapped[str]
    observed: Mapped[str | None]
    note: Mapped[str | None]
    answered_at: Mapped[datetime]
    kind: Mapped[str]


class ExportImportRow(Base):
    """One data-export import."""

    __table__ = tables.export_import

    id: Mapped[int]
    platform_id: Mapped[str]
    imported_at: Mapped[datetime]
    export_date: Mapped[datetime]
    run_id: Mapped[int | None]
    items_answered: Mapped[int]
    connection_count: Mapped[int]
    request_count: Mapped[int]
    public_switches: Mapped[int]


class ConnectionReviewRow(Base):
    """A friend-list review, with the keyed hashes of the people marked in it."""

    __table__ = tables.connection_review

    id: Mapped[int]
    platform_id: Mapped[str]
    reviewed_at: Mapped[datetime]
    export_date: Mapped[datetime]
    reviewed_count: Mapped[int]
    marked_count: Mapped[int]
    lists: Mapped[str]
    confirmed_removed_count: Mapped[int | None]
    confirmed_at: Mapped[datetime | None]
    confirmed_by: Mapped[str | None]
    salt: Mapped[str | None]
    removal_check: Mapped[str]
    key_id: Mapped[str | None]
    hashes: Mapped[list[MarkedConnectionHashRow]] = relationship(
        back_populates="review", cascade="all, delete-orphan"
    )


class MarkedConnectionHashRow(Base):
    """A keyed hash of one marked person."""

    __table__ = tables.marked_connection_hash

    id: Mapped[int]
    review_id: Mapped[int]
    digest: Mapped[str]
    review: Mapped[ConnectionReviewRow] = relationship(back_populates="hashes")


class ReportMadeRow(Base):
    """A supervision report saved or printed."""

    __table__ = tables.report_made

    id: Mapped[int]
    made_at: Mapped[datetime]
    period_start: Mapped[datetime | None]
    run_id: Mapped[int | None]


class KeyringEntryRow(Base):
    """A keyring entry Footprint created (the service's name only)."""

    __table__ = tables.keyring_entry

    service: Mapped[str]
    created_at: Mapped[datetime]


class PublicAddressRow(Base):
    """The worker's own public profile address on one platform."""

    __table__ = tables.public_address

    platform_id: Mapped[str]
    address: Mapped[str]


class OutsideFindingRow(Base):
    """One finding of the latest stranger's view of a platform."""

    __table__ = tables.outside_finding

    id: Mapped[int]
    platform_id: Mapped[str]
    topic: Mapped[str]
    verdict: Mapped[str]
    reason: Mapped[str]
    seen_at: Mapped[datetime]
    caveat: Mapped[str]


class WatchChoiceRow(Base):
    """The worker's opt-in to the watch (one row)."""

    __table__ = tables.watch_choice

    id: Mapped[int]
    signed_out: Mapped[bool]
    chosen_at: Mapped[datetime]


class WatchPlatformRow(Base):
    """One watched platform's schedule and back-off."""

    __table__ = tables.watch_platform

    platform_id: Mapped[str]
    next_look_at: Mapped[datetime]
    last_look_at: Mapped[datetime | None]
    last_outcome: Mapped[str | None]
    failures: Mapped[int]


class WatchLookRow(Base):
    """One look the watch made."""

    __table__ = tables.watch_look

    id: Mapped[int]
    platform_id: Mapped[str]
    looked_at: Mapped[datetime]
    outcome: Mapped[str]


class WatchDriftRow(Base):
    """A topic the watch saw become visible."""

    __table__ = tables.watch_drift

    id: Mapped[int]
    platform_id: Mapped[str]
    topic: Mapped[str]
    before: Mapped[str]
    after: Mapped[str]
    seen_at: Mapped[datetime]
    source: Mapped[str]
    confirmed_at: Mapped[datetime | None]
