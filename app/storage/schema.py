"""SQLAlchemy models. Only counts and facts are stored: no passwords, no names of contacts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.storage.timestamps import from_text, to_text

STATUSES = ("safe", "needs_action", "not_applicable", "unsure", "not_checked")
SOURCES = ("manual", "automation", "export")


class UtcTimestamp(TypeDecorator[datetime]):
    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        return None if value is None else to_text(value)

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        return from_text(value)


class Base(DeclarativeBase):
    pass


class ProfileRow(Base):
    __tablename__ = "profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_profile"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    display_name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    regulator: Mapped[str] = mapped_column(String(16))
    supervisor: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcTimestamp)


class UserPlatformRow(Base):
    __tablename__ = "user_platform"

    platform_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int]
    recheck_days: Mapped[int | None]
    snoozed_until: Mapped[datetime | None] = mapped_column(UtcTimestamp)


class AuditRunRow(Base):
    __tablename__ = "audit_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    completed_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    platforms: Mapped[list[RunPlatformRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="RunPlatformRow.position"
    )


class RunPlatformRow(Base):
    __tablename__ = "run_platform"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("audit_run.id", ondelete="CASCADE"), primary_key=True
    )
    platform_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int]
    completed_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    skipped: Mapped[bool] = mapped_column(default=False)
    run: Mapped[AuditRunRow] = relationship(back_populates="platforms")


class AnswerRow(Base):
    """Every answer given; a re-answer adds a row, the newest per item is the current one."""

    __tablename__ = "answer"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES}", name="known_status"),
        CheckConstraint(f"source IN {SOURCES}", name="known_source"),
        Index("ix_answer_run_item", "run_id", "platform_id", "item_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("audit_run.id", ondelete="CASCADE"))
    platform_id: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    observed: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(UtcTimestamp)


class ExportImportRow(Base):
    """One data-export import: its dates and counts (revision 0002)."""

    __tablename__ = "export_import"
    __table_args__ = (
        CheckConstraint(
            "items_answered >= 0 AND connection_count >= 0 AND request_count >= 0"
            " AND public_switches >= 0",
            name="import_counts",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    export_date: Mapped[datetime] = mapped_column(UtcTimestamp)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("audit_run.id", ondelete="SET NULL"))
    items_answered: Mapped[int]
    connection_count: Mapped[int]
    request_count: Mapped[int]
    public_switches: Mapped[int]


class ConnectionReviewRow(Base):
    """A friend-list review as counts; the salt exists only while hashes await confirmation."""

    __tablename__ = "connection_review"
    __table_args__ = (
        CheckConstraint(
            "marked_count >= 0 AND marked_count <= reviewed_count", name="review_counts"
        ),
        CheckConstraint(
            "confirmed_removed_count IS NULL OR"
            " (confirmed_removed_count >= 0 AND confirmed_removed_count <= marked_count)",
            name="confirmed_counts",
        ),
        CheckConstraint(
            "confirmed_by IS NULL OR confirmed_by IN ('export', 'worker')", name="known_confirmer"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[str] = mapped_column(String(64))
    reviewed_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    export_date: Mapped[datetime] = mapped_column(UtcTimestamp)
    reviewed_count: Mapped[int]
    marked_count: Mapped[int]
    lists: Mapped[str] = mapped_column(String(200))
    confirmed_removed_count: Mapped[int | None]
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    confirmed_by: Mapped[str | None] = mapped_column(String(16))
    salt: Mapped[str | None] = mapped_column(String(64))
    hash_iterations: Mapped[int | None]
    hashes: Mapped[list[MarkedConnectionHashRow]] = relationship(
        back_populates="review", cascade="all, delete-orphan"
    )


class MarkedConnectionHashRow(Base):
    """A salted hash of one marked person: never a name, deleted once they are removed."""

    __tablename__ = "marked_connection_hash"
    __table_args__ = (UniqueConstraint("review_id", "digest", name="one_hash_per_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("connection_review.id", ondelete="CASCADE"))
    digest: Mapped[str] = mapped_column(String(64))
    review: Mapped[ConnectionReviewRow] = relationship(back_populates="hashes")
