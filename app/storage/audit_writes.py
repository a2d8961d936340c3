"""The writes of audits, the profile, reports made, keyring entries and public addresses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from app.audit.answers import Answer, AnswerKind
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun, PlatformCheck
from app.storage.tables import (
    answer,
    audit_run,
    keyring_entry,
    outside_finding,
    profile,
    public_address,
    report_made,
    run_platform,
    user_platform,
)
from app.storage.write_transactions import WriteTransactions


class AuditWrites(WriteTransactions):
    """Audits and their answers, the worker's profile and platforms, and small records."""

    # -- audit runs -------------------------------------------------------------------------
    def create_run(self, platform_ids: tuple[str, ...], started_at: datetime) -> AuditRun:
        """Start an audit of `platform_ids`, in that order; the new run, with its id."""
        checks = tuple(PlatformCheck(pid, index) for index, pid in enumerate(platform_ids))
        with self._transaction() as db:
            run_id = add_run(db, started_at, None, checks)
        return AuditRun(run_id, started_at, checks)

    def save_answer(self, run_id: int, given: Answer) -> None:
        """Add an answer (or fix) as a new row; earlier answers to the item stay."""
        with self._transaction() as db:
            db.execute(insert(answer), [answer_values(run_id, given)])

    def save_platform_check(self, run_id: int, check: PlatformCheck) -> None:
        """Save a platform's place in the run and whether it is finished or skipped."""
        values = check_values(run_id, check)
        statement = upsert(run_platform).values(values)
        keys = [run_platform.c.run_id, run_platform.c.platform_id]
        with self._transaction() as db:
            db.execute(statement.on_conflict_do_update(index_elements=keys, set_=values))

    def delete_fix(self, run_id: int, fix: Answer) -> bool:
        """Undo a recorded fix: delete its row (only a fix, only this one); True if found."""
        with self._transaction() as db:
            found = db.execute(
                delete(answer).where(
                    answer.c.run_id == run_id,
                    answer.c.platform_id == fix.platform_id,
                    answer.c.item_id == fix.item_id,
                    answer.c.kind == AnswerKind.FIX.value,
                    answer.c.answered_at == fix.answered_at,
                )
            )
            return bool(found.rowcount)

    def complete_run(self, run_id: int, completed_at: datetime) -> None:
        """Mark the audit finished at `completed_at`."""
        with self._transaction() as db:
            done = db.execute(
                update(audit_run).where(audit_run.c.id == run_id).values(completed_at=completed_at)
            )
            if not done.rowcount:
                raise KeyError(f"there is no audit {run_id}")

    def discard_run(self, run_id: int) -> bool:
        """Delete an unfinished audit with its answers and platform checks; a finished one is
        history and stays. True if it was deleted."""
        with self._transaction() as db:
            found = db.execute(select(audit_run.c.completed_at).where(audit_run.c.id == run_id))
            row = found.first()
            if row is None or row.completed_at is not None:
                return False
            db.execute(delete(answer).where(answer.c.run_id == run_id))
            db.execute(delete(run_platform).where(run_platform.c.run_id == run_id))
            db.execute(delete(audit_run).where(audit_run.c.id == run_id))
            return True

    # -- profile ----------------------------------------------------------------------------
    def snooze(self, platform_id: str, until: datetime | None) -> None:
        """Silence a platform's reminder until `until` (None: remind again)."""
        with self._transaction() as db:
            done = db.execute(
                update(user_platform)
                .where(user_platform.c.platform_id == platform_id)
                .values(snoozed_until=until)
            )
            if not done.rowcount:
                raise KeyError(f"{platform_id} is not one of the worker's platforms")

    def save_profile(self, worker: WorkerProfile, now: datetime) -> None:
        """Replace the profile and the list of platforms in use (in their order)."""
        values = {
            "display_name": worker.display_name.strip(),
            "role": worker.role.strip(),
            "organisation": worker.organisation.strip(),
            "regulator": worker.regulator,
            "supervisor": worker.supervisor.strip(),
            "works_with_children": worker.works_with_children,
            "code_edition": worker.code_edition,
            "updated_at": now,
        }
        statement = upsert(profile).values(id=1, **values)
        platforms = [
            {
                "platform_id": platform_id,
                "position": index,
                "recheck_days": worker.recheck_days.get(platform_id),
                "snoozed_until": worker.snoozed_until.get(platform_id),
            }
            for index, platform_id in enumerate(worker.platform_ids)
        ]
        with self._transaction() as db:
            db.execute(statement.on_conflict_do_update(index_elements=[profile.c.id], set_=values))
            db.execute(delete(user_platform))
            if platforms:
                db.execute(insert(user_platform), platforms)

    # -- reports, keyring entries, public addresses ----------------------------------------
    def record_report(
        self, made_at: datetime, period_start: datetime | None, run_id: int | None
    ) -> None:
        """Note that a report was made, the period it covered and its audit, if any."""
        with self._transaction() as db:
            db.execute(
                insert(report_made).values(
                    made_at=made_at, period_start=period_start, run_id=run_id
                )
            )

    def remember_keyring_entry(self, service: str, now: datetime) -> None:
        """Note that Footprint created keyring entry `service` (once; no secret)."""
        statement = upsert(keyring_entry).values(service=service, created_at=now)
        with self._transaction() as db:
            db.execute(statement.on_conflict_do_nothing(index_elements=[keyring_entry.c.service]))

    def forget_keyring_entry(self, service: str) -> None:
        """Drop the note of keyring entry `service`, once it is deleted."""
        with self._transaction() as db:
            db.execute(delete(keyring_entry).where(keyring_entry.c.service == service))

    def save_public_addresses(self, addresses: dict[str, str]) -> None:
        """Replace the worker's public addresses with `addresses` (platform id: address), and
        drop the stranger's-view findings of every platform whose address changed or went:
        they were seen at an address that is no longer the worker's (one transaction)."""
        with self._transaction() as db:
            saved = db.execute(select(public_address.c.platform_id, public_address.c.address))
            gone = {pid for pid, address in saved if addresses.get(pid) != address}
            if gone:
                db.execute(delete(outside_finding).where(outside_finding.c.platform_id.in_(gone)))
            db.execute(delete(public_address))
            rows = [{"platform_id": pid, "address": a} for pid, a in sorted(addresses.items())]
            if rows:
                db.execute(insert(public_address), rows)


def new_id(added: Any) -> int:
    """The id SQLite gave the row an INSERT added."""
    return int(added.inserted_primary_key[0])


def add_run(
    db: Connection,
    started_at: datetime,
    completed_at: datetime | None,
    checks: tuple[PlatformCheck, ...],
) -> int:
    """Add an audit run with its platform checks; its id."""
    added = db.execute(insert(audit_run).values(started_at=started_at, completed_at=completed_at))
    run_id = new_id(added)
    if checks:
        db.execute(insert(run_platform), [check_values(run_id, check) for check in checks])
    return run_id


def check_values(run_id: int, check: PlatformCheck) -> dict[str, Any]:
    """The `run_platform` row of `check`."""
    return {
        "run_id": run_id,
        "platform_id": check.platform_id,
        "position": check.position,
        "completed_at": check.completed_at,
        "skipped": check.skipped,
    }


def answer_values(run_id: int, given: Answer) -> dict[str, Any]:
    """The `answer` row of `given`."""
    return {
        "run_id": run_id,
        "platform_id": given.platform_id,
        "item_id": given.item_id,
        "status": given.status.value,
        "source": given.source.value,
        "observed": given.observed,
        "note": given.note,
        "answered_at": given.answered_at,
        "kind": given.kind.value,
    }
