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

from app.audit.answers import AnswerKind, AnswerSource, AnswerStatus
from app.audit.watch import LookOutcome
from app.storage.tables import ANSWER as A
from app.storage.tables import AUDIT_RUN as RUN
from app.storage.tables import CONNECTION_REVIEW as CR
from app.storage.tables import EXPORT_IMPORT as EI
from app.storage.tables import KEYRING_ENTRY as KE
from app.storage.tables import MARKED_CONNECTION_HASH as MH
from app.storage.tables import OUTSIDE_FINDING as OF
from app.storage.tables import PROFILE as P
from app.storage.tables import PUBLIC_ADDRESS as PA
from app.storage.tables import REPORT_MADE as RM
from app.storage.tables import RUN_PLATFORM as RP
from app.storage.tables import USER_PLATFORM as UP
from app.storage.tables import WATCH_CHOICE as WC
from app.storage.tables import WATCH_DRIFT as WD
from app.storage.tables import WATCH_LOOK as WL
from app.storage.tables import WATCH_PLATFORM as WP
from app.storage.tables import WATCH_READING as WR
from app.storage.tables import WATCH_SIGNED_IN as WS
from app.storage.timestamps import from_text, to_text

STATUSES = tuple(status.value for status in AnswerStatus)
SOURCES = tuple(source.value for source in AnswerSource)
KINDS = tuple(kind.value for kind in AnswerKind)


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


class Base(DeclarativeBase):
    """The declarative base every model below shares."""


class ProfileRow(Base):
    """The worker's profile: a single row (id 1), no contacts, no passwords."""

    __tablename__ = P.name
    __table_args__ = (CheckConstraint(f"{P.id} = 1", name="single_profile"),)

    id: Mapped[int] = mapped_column(P.id, primary_key=True, default=1)
    display_name: Mapped[str] = mapped_column(P.display_name, Text)
    role: Mapped[str] = mapped_column(P.role, Text, default="")
    organisation: Mapped[str] = mapped_column(P.organisation, Text, default="")
    regulator: Mapped[str] = mapped_column(P.regulator, String(16))
    supervisor: Mapped[str] = mapped_column(P.supervisor, Text, default="")
    updated_at: Mapped[datetime] = mapped_column(P.updated_at, UtcTimestamp)
    works_with_children: Mapped[bool] = mapped_column(P.works_with_children, default=False)
    code_edition: Mapped[str | None] = mapped_column(P.code_edition, String(16))


class UserPlatformRow(Base):
    """A platform the worker uses, in their order, with its re-check interval and snooze."""

    __tablename__ = UP.name

    platform_id: Mapped[str] = mapped_column(UP.platform_id, String(64), primary_key=True)
    position: Mapped[int] = mapped_column(UP.position)
    recheck_days: Mapped[int | None] = mapped_column(UP.recheck_days)
    snoozed_until: Mapped[datetime | None] = mapped_column(UP.snoozed_until, UtcTimestamp)


class AuditRunRow(Base):
    """One audit: when it started and, once finished, when it was completed."""

    __tablename__ = RUN.name

    id: Mapped[int] = mapped_column(RUN.id, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(RUN.started_at, UtcTimestamp)
    completed_at: Mapped[datetime | None] = mapped_column(RUN.completed_at, UtcTimestamp)
    platforms: Mapped[list[RunPlatformRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="RunPlatformRow.position"
    )


class RunPlatformRow(Base):
    """A platform in one audit: its place in the order, and finished or skipped."""

    __tablename__ = RP.name

    run_id: Mapped[int] = mapped_column(
        RP.run_id, ForeignKey(f"{RUN.name}.{RUN.id}", ondelete="CASCADE"), primary_key=True
    )
    platform_id: Mapped[str] = mapped_column(RP.platform_id, String(64), primary_key=True)
    position: Mapped[int] = mapped_column(RP.position)
    completed_at: Mapped[datetime | None] = mapped_column(RP.completed_at, UtcTimestamp)
    skipped: Mapped[bool] = mapped_column(RP.skipped, default=False)
    run: Mapped[AuditRunRow] = relationship(back_populates="platforms")


class AnswerRow(Base):
    """Every answer given; a re-answer adds a row, the newest per item is the current one."""

    __tablename__ = A.name
    __table_args__ = (
        CheckConstraint(f"{A.status} IN {STATUSES}", name="known_status"),
        CheckConstraint(f"{A.source} IN {SOURCES}", name="known_source"),
        CheckConstraint(f"{A.kind} IN {KINDS}", name="known_kind"),
        Index("ix_answer_run_item", A.run_id, A.platform_id, A.item_id),
    )

    id: Mapped[int] = mapped_column(A.id, primary_key=True)
    run_id: Mapped[int] = mapped_column(
        A.run_id, ForeignKey(f"{RUN.name}.{RUN.id}", ondelete="CASCADE")
    )
    platform_id: Mapped[str] = mapped_column(A.platform_id, String(64))
    item_id: Mapped[str] = mapped_column(A.item_id, String(64))
    status: Mapped[str] = mapped_column(A.status, String(16))
    source: Mapped[str] = mapped_column(A.source, String(16))
    observed: Mapped[str | None] = mapped_column(A.observed, Text)
    note: Mapped[str | None] = mapped_column(A.note, Text)
    answered_at: Mapped[datetime] = mapped_column(A.answered_at, UtcTimestamp)
    kind: Mapped[str] = mapped_column(A.kind, String(16), default=AnswerKind.ANSWER.value)


class ExportImportRow(Base):
    """One data-export import: its dates and counts (revision 0002)."""

    __tablename__ = EI.name
    __table_args__ = (
        CheckConstraint(
            f"{EI.items_answered} >= 0 AND {EI.connection_count} >= 0"
            f" AND {EI.request_count} >= 0 AND {EI.public_switches} >= 0",
            name="import_counts",
        ),
    )

    id: Mapped[int] = mapped_column(EI.id, primary_key=True)
    platform_id: Mapped[str] = mapped_column(EI.platform_id, String(64))
    imported_at: Mapped[datetime] = mapped_column(EI.imported_at, UtcTimestamp)
    export_date: Mapped[datetime] = mapped_column(EI.export_date, UtcTimestamp)
    run_id: Mapped[int | None] = mapped_column(
        EI.run_id, ForeignKey(f"{RUN.name}.{RUN.id}", ondelete="SET NULL")
    )
    items_answered: Mapped[int] = mapped_column(EI.items_answered)
    connection_count: Mapped[int] = mapped_column(EI.connection_count)
    request_count: Mapped[int] = mapped_column(EI.request_count)
    public_switches: Mapped[int] = mapped_column(EI.public_switches)


class ConnectionReviewRow(Base):
    """A friend-list review as counts; the salt exists only while keyed hashes await
    confirmation (revision 0003: HMAC with a keyring secret, or nothing per person)."""

    __tablename__ = CR.name
    __table_args__ = (
        CheckConstraint(
            f"{CR.marked_count} >= 0 AND {CR.marked_count} <= {CR.reviewed_count}",
            name="review_counts",
        ),
        CheckConstraint(
            f"{CR.confirmed_removed_count} IS NULL OR ({CR.confirmed_removed_count} >= 0"
            f" AND {CR.confirmed_removed_count} <= {CR.marked_count})",
            name="confirmed_counts",
        ),
        CheckConstraint(
            f"{CR.confirmed_by} IS NULL OR {CR.confirmed_by} IN ('export', 'worker')",
            name="known_confirmer",
        ),
        CheckConstraint(f"{CR.removal_check} IN ('export', 'by_hand')", name="known_removal_check"),
    )

    id: Mapped[int] = mapped_column(CR.id, primary_key=True)
    platform_id: Mapped[str] = mapped_column(CR.platform_id, String(64))
    reviewed_at: Mapped[datetime] = mapped_column(CR.reviewed_at, UtcTimestamp)
    export_date: Mapped[datetime] = mapped_column(CR.export_date, UtcTimestamp)
    reviewed_count: Mapped[int] = mapped_column(CR.reviewed_count)
    marked_count: Mapped[int] = mapped_column(CR.marked_count)
    lists: Mapped[str] = mapped_column(CR.lists, String(200))
    confirmed_removed_count: Mapped[int | None] = mapped_column(CR.confirmed_removed_count)
    confirmed_at: Mapped[datetime | None] = mapped_column(CR.confirmed_at, UtcTimestamp)
    confirmed_by: Mapped[str | None] = mapped_column(CR.confirmed_by, String(16))
    salt: Mapped[str | None] = mapped_column(CR.salt, String(64))
    removal_check: Mapped[str] = mapped_column(CR.removal_check, String(16), default="export")
    key_id: Mapped[str | None] = mapped_column(CR.key_id, String(32))
    hashes: Mapped[list[MarkedConnectionHashRow]] = relationship(
        back_populates="review", cascade="all, delete-orphan"
    )


class MarkedConnectionHashRow(Base):
    """A keyed hash (HMAC) of one marked person: never a name, deleted once they are removed."""

    __tablename__ = MH.name
    __table_args__ = (UniqueConstraint(MH.review_id, MH.digest, name="one_hash_per_person"),)

    id: Mapped[int] = mapped_column(MH.id, primary_key=True)
    review_id: Mapped[int] = mapped_column(
        MH.review_id, ForeignKey(f"{CR.name}.{CR.id}", ondelete="CASCADE")
    )
    digest: Mapped[str] = mapped_column(MH.digest, String(64))
    review: Mapped[ConnectionReviewRow] = relationship(back_populates="hashes")


class ReportMadeRow(Base):
    """A supervision report saved or printed (revision 0003)."""

    __tablename__ = RM.name

    id: Mapped[int] = mapped_column(RM.id, primary_key=True)
    made_at: Mapped[datetime] = mapped_column(RM.made_at, UtcTimestamp)
    period_start: Mapped[datetime | None] = mapped_column(RM.period_start, UtcTimestamp)
    run_id: Mapped[int | None] = mapped_column(
        RM.run_id, ForeignKey(f"{RUN.name}.{RUN.id}", ondelete="SET NULL")
    )


class KeyringEntryRow(Base):
    """A keyring entry Footprint created: the service's name only, never a secret."""

    __tablename__ = KE.name

    service: Mapped[str] = mapped_column(KE.service, String(128), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(KE.created_at, UtcTimestamp)


class PublicAddressRow(Base):
    """The worker's own public profile address on one platform (revision 0003)."""

    __tablename__ = PA.name

    platform_id: Mapped[str] = mapped_column(PA.platform_id, String(64), primary_key=True)
    address: Mapped[str] = mapped_column(PA.address, Text)


class OutsideFindingRow(Base):
    """One finding of the latest stranger's view of a platform (revision 0005): Footprint's
    own words and the date, never the page's text, the address or anyone's name."""

    __tablename__ = OF.name

    id: Mapped[int] = mapped_column(OF.id, primary_key=True)
    platform_id: Mapped[str] = mapped_column(OF.platform_id, String(64))
    topic: Mapped[str] = mapped_column(OF.topic, String(32))
    verdict: Mapped[str] = mapped_column(OF.verdict, String(16))
    reason: Mapped[str] = mapped_column(OF.reason, Text)
    seen_at: Mapped[datetime] = mapped_column(OF.seen_at, UtcTimestamp)
    caveat: Mapped[str] = mapped_column(OF.caveat, Text)  # "" when there is none


# Revision 0006's outcomes: a signed-in re-read's "signed out" is kept in watch_signed_in.
OUTCOMES = tuple(o.value for o in LookOutcome if o is not LookOutcome.SIGNED_OUT)
SIGNED_IN_OUTCOMES = tuple(outcome.value for outcome in LookOutcome)


class WatchChoiceRow(Base):
    """The worker's opt-in to the watch (revision 0006): one row, once chosen."""

    __tablename__ = WC.name
    __table_args__ = (CheckConstraint(f"{WC.id} = 1", name="single_watch_choice"),)

    id: Mapped[int] = mapped_column(WC.id, primary_key=True, default=1)
    signed_out: Mapped[bool] = mapped_column(WC.signed_out)
    chosen_at: Mapped[datetime] = mapped_column(WC.chosen_at, UtcTimestamp)


class WatchPlatformRow(Base):
    """One watched platform's schedule and back-off (revision 0006)."""

    __tablename__ = WP.name
    __table_args__ = (
        CheckConstraint(
            f"{WP.last_outcome} IS NULL OR {WP.last_outcome} IN {OUTCOMES}",
            name="known_last_outcome",
        ),
    )

    platform_id: Mapped[str] = mapped_column(WP.platform_id, String(64), primary_key=True)
    next_look_at: Mapped[datetime] = mapped_column(WP.next_look_at, UtcTimestamp)
    last_look_at: Mapped[datetime | None] = mapped_column(WP.last_look_at, UtcTimestamp)
    last_outcome: Mapped[str | None] = mapped_column(WP.last_outcome, String(16))
    failures: Mapped[int] = mapped_column(WP.failures)
    compared: Mapped[bool | None] = mapped_column(WP.compared)  # revision 0007


class WatchSignedInRow(Base):
    """A platform chosen for signed-in re-reads, and their schedule (revision 0007)."""

    __tablename__ = WS.name
    __table_args__ = (
        CheckConstraint(
            f"{WS.last_outcome} IS NULL OR {WS.last_outcome} IN {SIGNED_IN_OUTCOMES}",
            name="known_signed_in_outcome",
        ),
    )

    platform_id: Mapped[str] = mapped_column(WS.platform_id, String(64), primary_key=True)
    chosen_at: Mapped[datetime] = mapped_column(WS.chosen_at, UtcTimestamp)
    next_look_at: Mapped[datetime] = mapped_column(WS.next_look_at, UtcTimestamp)
    last_look_at: Mapped[datetime | None] = mapped_column(WS.last_look_at, UtcTimestamp)
    last_outcome: Mapped[str | None] = mapped_column(WS.last_outcome, String(16))
    failures: Mapped[int] = mapped_column(WS.failures)
    compared: Mapped[bool | None] = mapped_column(WS.compared)


class WatchReadingRow(Base):
    """An item's status at the platform's last signed-in re-read (revision 0007): never the
    value's text."""

    __tablename__ = WR.name

    platform_id: Mapped[str] = mapped_column(WR.platform_id, String(64), primary_key=True)
    item_id: Mapped[str] = mapped_column(WR.item_id, String(64), primary_key=True)
    status: Mapped[str] = mapped_column(WR.status, String(16))
    read_at: Mapped[datetime] = mapped_column(WR.read_at, UtcTimestamp)


class WatchLookRow(Base):
    """One look the watch made and how it ended (revision 0006)."""

    __tablename__ = WL.name
    __table_args__ = (
        CheckConstraint(f"{WL.outcome} IN {OUTCOMES}", name="known_outcome"),
        Index("ix_watch_look_looked_at", WL.looked_at),
    )

    id: Mapped[int] = mapped_column(WL.id, primary_key=True)
    platform_id: Mapped[str] = mapped_column(WL.platform_id, String(64))
    looked_at: Mapped[datetime] = mapped_column(WL.looked_at, UtcTimestamp)
    outcome: Mapped[str] = mapped_column(WL.outcome, String(16))


class WatchDriftRow(Base):
    """A topic the watch saw become visible (revision 0006): topic and verdicts in Footprint's
    words, the time and the source; never the page's text, the address or anyone's name."""

    __tablename__ = WD.name

    id: Mapped[int] = mapped_column(WD.id, primary_key=True)
    platform_id: Mapped[str] = mapped_column(WD.platform_id, String(64))
    topic: Mapped[str] = mapped_column(WD.topic, String(32))
    before: Mapped[str] = mapped_column(WD.before, String(16))
    after: Mapped[str] = mapped_column(WD.after, String(16))
    seen_at: Mapped[datetime] = mapped_column(WD.seen_at, UtcTimestamp)
    source: Mapped[str] = mapped_column(WD.source, String(64))
    confirmed_at: Mapped[datetime | None] = mapped_column(WD.confirmed_at, UtcTimestamp)
