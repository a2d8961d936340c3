"""The writes of data-export imports and friend-list reviews: dates, counts and keyed hashes
only, never a name."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from app.audit.records import ImportPlan, RemovalCheck, ReviewToSave
from app.audit.run import PlatformCheck
from app.storage.audit_writes import add_run, answer_values, new_id
from app.storage.tables import answer, connection_review, export_import, marked_connection_hash
from app.storage.write_transactions import WriteTransactions


class ReviewWrites(WriteTransactions):
    """Data-export imports (their answers as a finished audit) and friend-list reviews."""

    def record_export_import(self, plan: ImportPlan) -> tuple[int, int | None]:
        """Save an import in one transaction: its answers as a finished run (the platform's
        check is complete only if every item was answered), its counts, and removal checks."""
        with self._transaction() as db:
            run_id = _add_export_run(db, plan) if plan.answers else None
            added = db.execute(
                insert(export_import).values(
                    platform_id=plan.platform_id,
                    imported_at=plan.imported_at,
                    export_date=plan.export_date,
                    run_id=run_id,
                    items_answered=len(plan.answers),
                    connection_count=plan.connection_count,
                    request_count=plan.request_count,
                    public_switches=plan.public_switches,
                )
            )
            for check in plan.removal_checks:
                _apply_removal_check(db, check, plan.imported_at)
            return new_id(added), run_id

    def save_connection_review(self, review: ReviewToSave) -> int:
        """Save a friend-list review; the new review's id.

        Hashes and a salt are kept only when people were marked and an export checks them."""
        marked = [] if review.by_hand else sorted(review.marked_digests)
        with self._transaction() as db:
            added = db.execute(
                insert(connection_review).values(
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
            )
            review_id = new_id(added)
            if marked:
                hashes = [{"review_id": review_id, "digest": digest} for digest in marked]
                db.execute(insert(marked_connection_hash), hashes)
            return review_id

    def confirm_review_by_worker(self, review_id: int, now: datetime) -> None:
        """The worker says everyone marked is removed: keep the count, drop the hashes."""
        review = connection_review.c
        with self._transaction() as db:
            done = db.execute(
                update(connection_review)
                .where(review.id == review_id)
                .values(
                    confirmed_removed_count=review.marked_count,
                    confirmed_at=now,
                    confirmed_by="worker",
                    salt=None,
                    key_id=None,
                )
            )
            if not done.rowcount:
                raise KeyError(f"there is no friend-list review {review_id}")
            db.execute(
                delete(marked_connection_hash).where(
                    marked_connection_hash.c.review_id == review_id
                )
            )


def _add_export_run(db: Connection, plan: ImportPlan) -> int:
    finished = plan.imported_at if plan.platform_complete else None
    check = PlatformCheck(plan.platform_id, 0, finished)
    run_id = add_run(db, plan.imported_at, plan.imported_at, (check,))
    db.execute(insert(answer), [answer_values(run_id, given) for given in plan.answers])
    return run_id


def _apply_removal_check(db: Connection, check: RemovalCheck, now: datetime) -> None:
    """Hashes of people gone from the newer export are deleted; the count of the rest says
    how many are still connected."""
    review, hashes = connection_review.c, marked_connection_hash.c
    found = db.execute(select(review.marked_count).where(review.id == check.review_id)).first()
    if found is None:
        return
    if check.gone:
        db.execute(
            delete(marked_connection_hash).where(
                hashes.review_id == check.review_id, hashes.digest.in_(sorted(check.gone))
            )
        )
    left = db.execute(select(hashes.digest).where(hashes.review_id == check.review_id)).all()
    values: dict[str, Any] = {
        "confirmed_removed_count": found.marked_count - len(left),
        "confirmed_at": now,
        "confirmed_by": "export",
    }
    if not left:
        values |= {"salt": None, "key_id": None}
    db.execute(update(connection_review).where(review.id == check.review_id).values(values))
