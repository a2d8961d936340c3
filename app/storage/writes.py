"""Writes, through the SQLAlchemy ORM: each call is one committed transaction, so nothing is
lost, unless the caller asks for one transaction around many (`Writer.one_transaction`). Used
only through `Store`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from app.audit.answers import Answer, AnswerKind
from app.audit.profile import WorkerProfile
from app.audit.records import ImportPlan, RemovalCheck, ReviewToSave
from app.audit.run import AuditRun, PlatformCheck
from app.audit.watch import Drift, LookOutcome, PlatformWatch
from app.storage.database import create_engine_for
from app.storage.schema import (
    AnswerRow,
    AuditRunRow,
    ConnectionReviewRow,
    ExportImportRow,
    KeyringEntryRow,
    MarkedConnectionHashRow,
    OutsideFindingRow,
    ProfileRow,
    PublicAddressRow,
    ReportMadeRow,
    RunPlatformRow,
    UserPlatformRow,
    WatchChoiceRow,
    WatchDriftRow,
    WatchLookRow,
    WatchPlatformRow,
)
from app.stranger.evidence import SeenFinding


class Writer:
    """Every write to one SQLite file (already prepared), each in its own transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine = create_engine_for(path)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._shared: Session | None = None  # the open transaction of one_transaction()

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Every write inside goes into one transaction, committed at the end, or none of
        them if anything fails. Writing a year of sample data this way takes one commit
        instead of hundreds (each commit syncs the file to disk)."""
        if self._shared is not None:
            yield  # already inside one: it commits at its own end
            return
        with self._sessions.begin() as session:
            self._shared = session
            try:
                yield
            finally:
                self._shared = None

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A session for one write: its own transaction, or one_transaction's (flushed, so
        new rows get their ids)."""
        if self._shared is None:
            with self._sessions.begin() as session:
                yield session
        else:
            yield self._shared
            self._shared.flush()

    def close(self) -> None:
        """Dispose of the engine and its connections."""
        self._engine.dispose()

    # -- audit runs -------------------------------------------------------------------------
    def create_run(self, platform_ids: tuple[str, ...], started_at: datetime) -> AuditRun:
        """Start an audit of `platform_ids`, in that order; the new run, with its id."""
        with self._transaction() as session:
            row = AuditRunRow(started_at=started_at)
            row.platforms = [
                RunPlatformRow(platform_id=pid, position=index, skipped=False)
                for index, pid in enumerate(platform_ids)
            ]
            session.add(row)
            session.flush()
            run_id = row.id
        checks = tuple(PlatformCheck(pid, index) for index, pid in enumerate(platform_ids))
        return AuditRun(run_id, started_at, checks)

    def save_answer(self, run_id: int, answer: Answer) -> None:
        """Add an answer (or fix) as a new row; earlier answers to the item stay."""
        with self._transaction() as session:
            session.add(_answer_row(run_id, answer))

    def save_platform_check(self, run_id: int, check: PlatformCheck) -> None:
        """Save a platform's place in the run and whether it is finished or skipped."""
        with self._transaction() as session:
            row = session.get(RunPlatformRow, (run_id, check.platform_id))
            if row is None:
                row = RunPlatformRow(run_id=run_id, platform_id=check.platform_id)
                session.add(row)
            row.position = check.position
            row.completed_at = check.completed_at
            row.skipped = check.skipped

    def delete_fix(self, run_id: int, fix: Answer) -> bool:
        """Undo a recorded fix: delete its row (only a fix, only this one); True if found."""
        with self._transaction() as session:
            found = session.execute(
                delete(AnswerRow).where(
                    AnswerRow.run_id == run_id,
                    AnswerRow.platform_id == fix.platform_id,
                    AnswerRow.item_id == fix.item_id,
                    AnswerRow.kind == AnswerKind.FIX.value,
                    AnswerRow.answered_at == fix.answered_at,
                )
            )
            return bool(getattr(found, "rowcount", 0))

    def complete_run(self, run_id: int, completed_at: datetime) -> None:
        """Mark the audit finished at `completed_at`."""
        with self._transaction() as session:
            row = session.get_one(AuditRunRow, run_id)
            row.completed_at = completed_at

    def discard_run(self, run_id: int) -> bool:
        """Delete an unfinished audit with its answers and platform checks; a finished one is
        history and stays. True if it was deleted."""
        with self._sessions.begin() as session:
            row = session.get(AuditRunRow, run_id)
            if row is None or row.completed_at is not None:
                return False
            session.execute(delete(AnswerRow).where(AnswerRow.run_id == run_id))
            session.execute(delete(RunPlatformRow).where(RunPlatformRow.run_id == run_id))
            session.delete(row)
            return True

    # -- profile ----------------------------------------------------------------------------
    def snooze(self, platform_id: str, until: datetime | None) -> None:
        """Silence a platform's reminder until `until` (None: remind again)."""
        with self._transaction() as session:
            row = session.get(UserPlatformRow, platform_id)
            if row is None:
                raise KeyError(f"{platform_id} is not one of the worker's platforms")
            row.snoozed_until = until

    def save_profile(self, profile: WorkerProfile, now: datetime) -> None:
        """Replace the profile and the list of platforms in use (in their order)."""
        with self._transaction() as session:
            row = session.get(ProfileRow, 1) or ProfileRow(id=1)
            row.display_name = profile.display_name.strip()
            row.role = profile.role.strip()
            row.organisation = profile.organisation.strip()
            row.regulator = profile.regulator
            row.supervisor = profile.supervisor.strip()
            row.works_with_children = profile.works_with_children
            row.code_edition = profile.code_edition
            row.updated_at = now
            session.add(row)
            session.execute(delete(UserPlatformRow))
            for index, platform_id in enumerate(profile.platform_ids):
                session.add(
                    UserPlatformRow(
                        platform_id=platform_id,
                        position=index,
                        recheck_days=profile.recheck_days.get(platform_id),
                        snoozed_until=profile.snoozed_until.get(platform_id),
                    )
                )

    # -- reports, keyring entries, public addresses ----------------------------------------
    def record_report(
        self, made_at: datetime, period_start: datetime | None, run_id: int | None
    ) -> None:
        """Note that a report was made, the period it covered and its audit, if any."""
        with self._transaction() as session:
            session.add(ReportMadeRow(made_at=made_at, period_start=period_start, run_id=run_id))

    def remember_keyring_entry(self, service: str, now: datetime) -> None:
        """Note that Footprint created keyring entry `service` (once; no secret)."""
        with self._transaction() as session:
            if session.get(KeyringEntryRow, service) is None:
                session.add(KeyringEntryRow(service=service, created_at=now))

    def forget_keyring_entry(self, service: str) -> None:
        """Drop the note of keyring entry `service`, once it is deleted."""
        with self._transaction() as session:
            session.execute(delete(KeyringEntryRow).where(KeyringEntryRow.service == service))

    def save_public_addresses(self, addresses: dict[str, str]) -> None:
        """Replace the worker's public addresses with `addresses` (platform id: address), and
        drop the stranger's-view findings of every platform whose address changed or went:
        they were seen at an address that is no longer the worker's (one transaction)."""
        with self._transaction() as session:
            saved = {
                row.platform_id: row.address for row in session.scalars(select(PublicAddressRow))
            }
            gone = {pid for pid, address in saved.items() if addresses.get(pid) != address}
            if gone:
                session.execute(
                    delete(OutsideFindingRow).where(OutsideFindingRow.platform_id.in_(gone))
                )
            session.execute(delete(PublicAddressRow))
            for platform_id, address in sorted(addresses.items()):
                session.add(PublicAddressRow(platform_id=platform_id, address=address))

    def save_outside_findings(self, platform_ids: set[str], findings: list[SeenFinding]) -> None:
        """Replace the findings of these platforms (their newest look) in one transaction."""
        with self._transaction() as session:
            if platform_ids:
                session.execute(
                    delete(OutsideFindingRow).where(OutsideFindingRow.platform_id.in_(platform_ids))
                )
            for f in findings:
                session.add(OutsideFindingRow(platform_id=f.platform_id, topic=f.topic,
                                              verdict=f.verdict, reason=f.reason,
                                              seen_at=f.seen_at, caveat=f.caveat))  # fmt: skip

    # -- the watch: schedules, looks and drift; no page text, addresses or names -----------
    def choose_watch(self, signed_out: bool, now: datetime) -> None:
        """Turn the signed-out watch on or off, remembering when it was chosen."""
        with self._transaction() as session:
            session.merge(WatchChoiceRow(id=1, signed_out=signed_out, chosen_at=now))

    def save_watched_platforms(self, watches: list[PlatformWatch], keep_only: bool) -> None:
        """Save these platforms' schedules; with `keep_only`, drop every other platform's."""
        with self._transaction() as session:
            if keep_only:
                ids = [w.platform_id for w in watches]
                session.execute(
                    delete(WatchPlatformRow).where(WatchPlatformRow.platform_id.not_in(ids))
                )
            for w in watches:
                outcome = w.last_outcome.value if w.last_outcome else None
                row = WatchPlatformRow(
                    platform_id=w.platform_id,
                    next_look_at=w.next_look_at,
                    last_look_at=w.last_look_at,
                    last_outcome=outcome,
                    failures=w.failures,
                    compared=w.compared,
                )
                session.merge(row)

    def record_watch_look(
        self,
        watch: PlatformWatch,
        outcome: LookOutcome,
        looked_at: datetime,
        drift: list[Drift],
        seen: list[SeenFinding] | None,
    ) -> None:
        """One look, in one transaction: the look, the platform's new schedule, any drift,
        and (when the page was seen) its findings in place of the platform's earlier ones."""
        with self.one_transaction(), self._transaction() as session:
            session.add(WatchLookRow(platform_id=watch.platform_id, looked_at=looked_at,
                                     outcome=outcome.value))  # fmt: skip
            for d in drift:
                session.add(WatchDriftRow(platform_id=d.platform_id, topic=d.topic,
                                          before=d.before, after=d.after, seen_at=d.seen_at,
                                          source=d.source))  # fmt: skip
            self.save_watched_platforms([watch], keep_only=False)
            if seen is not None:
                self.save_outside_findings({watch.platform_id}, seen)

    def write_with(self, write: Callable[[Session], None]) -> None:
        """A storage module's write (`watch_rereads`) in one transaction, or one_transaction's."""
        with self._transaction() as session:
            write(session)

    def confirm_drift(self, drift_id: int, now: datetime) -> None:
        """The worker has seen this drift."""
        with self._transaction() as session:
            row = session.get(WatchDriftRow, drift_id)
            if row is not None and row.confirmed_at is None:
                row.confirmed_at = now

    # -- data exports and friend-list reviews: dates, counts and keyed hashes only ----------
    def record_export_import(self, plan: ImportPlan) -> tuple[int, int | None]:
        """Save an import in one transaction: its answers as a finished run (the platform's
        check is complete only if every item was answered), its counts, and removal checks."""
        with self._transaction() as session:
            run_id = _add_export_run(session, plan) if plan.answers else None
            row = ExportImportRow(
                platform_id=plan.platform_id,
                imported_at=plan.imported_at,
                export_date=plan.export_date,
                run_id=run_id,
                items_answered=len(plan.answers),
                connection_count=plan.connection_count,
                request_count=plan.request_count,
                public_switches=plan.public_switches,
            )
            session.add(row)
            for check in plan.removal_checks:
                _apply_removal_check(session, check, plan.imported_at)
            session.flush()
            return row.id, run_id

    def save_connection_review(self, review: ReviewToSave) -> int:
        """Save a friend-list review; the new review's id.

        Hashes and a salt are kept only when people were marked and an export checks them."""
        marked = [] if review.by_hand else sorted(review.marked_digests)
        with self._transaction() as session:
            row = ConnectionReviewRow(
                platform_id=review.platform_id,
                reviewed_at=review.reviewed_at,
                export_date=review.export_date,
                reviewed_count=review.reviewed_count,
                marked_count=review.marked_count,
                lists=",".join(review.lists),
                salt=review.salt if marked else None,  # no hashes, no reason to keep a salt
                removal_check="by_hand" if review.by_hand else "export",
                key_id=review.key_id if marked else None,
            )
            row.hashes = [MarkedConnectionHashRow(digest=d) for d in marked]
            session.add(row)
            session.flush()
            return row.id

    def confirm_review_by_worker(self, review_id: int, now: datetime) -> None:
        """The worker says everyone marked is removed: keep the count, drop the hashes."""
        with self._transaction() as session:
            row = session.get_one(ConnectionReviewRow, review_id)
            row.confirmed_removed_count = row.marked_count
            row.confirmed_at, row.confirmed_by = now, "worker"
            row.hashes.clear()
            row.salt = row.key_id = None


def _add_export_run(session: Session, plan: ImportPlan) -> int:
    finished = plan.imported_at if plan.platform_complete else None
    run = AuditRunRow(started_at=plan.imported_at, completed_at=plan.imported_at)
    run.platforms = [
        RunPlatformRow(
            platform_id=plan.platform_id, position=0, completed_at=finished, skipped=False
        )
    ]
    session.add(run)
    session.flush()
    for answer in plan.answers:
        session.add(_answer_row(run.id, answer))
    return run.id


def _answer_row(run_id: int, answer: Answer) -> AnswerRow:
    return AnswerRow(
        run_id=run_id,
        platform_id=answer.platform_id,
        item_id=answer.item_id,
        status=answer.status.value,
        source=answer.source.value,
        observed=answer.observed,
        note=answer.note,
        answered_at=answer.answered_at,
        kind=answer.kind.value,
    )


def _apply_removal_check(session: Session, check: RemovalCheck, now: datetime) -> None:
    """Hashes of people gone from the newer export are deleted; the count of the rest says
    how many are still connected."""
    review = session.get(ConnectionReviewRow, check.review_id)
    if review is None:
        return
    review.hashes = [h for h in review.hashes if h.digest not in check.gone]
    review.confirmed_removed_count = review.marked_count - len(review.hashes)
    review.confirmed_at, review.confirmed_by = now, "export"
    if not review.hashes:
        review.salt = review.key_id = None
