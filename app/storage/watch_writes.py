"""The watch's writes (schedules, looks, drift) and the stranger's-view findings: topics and
verdicts in Footprint's words, never a page's text, an address or a name."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, update
from sqlalchemy.dialects.sqlite import insert as upsert

from app.audit.watch import Drift, LookOutcome, PlatformWatch
from app.storage.tables import (
    outside_finding,
    watch_choice,
    watch_drift,
    watch_look,
    watch_platform,
    watch_reading,
    watch_signed_in,
)
from app.storage.write_transactions import WriteTransactions
from app.stranger.evidence import SeenFinding


class WatchWrites(WriteTransactions):
    """The watch's choice, schedules, looks and drift, and the stranger's-view findings."""

    def save_outside_findings(self, platform_ids: set[str], findings: list[SeenFinding]) -> None:
        """Replace the findings of these platforms (their newest look) in one transaction."""
        with self._transaction() as db:
            _replace_findings(db, platform_ids, findings)

    # -- the watch: schedules, looks and drift; no page text, addresses or names -----------
    def choose_watch(self, signed_out: bool, now: datetime) -> None:
        """Turn the signed-out watch on or off, remembering when it was chosen."""
        values = {"signed_out": signed_out, "chosen_at": now}
        statement = upsert(watch_choice).values(id=1, **values)
        with self._transaction() as db:
            db.execute(
                statement.on_conflict_do_update(index_elements=[watch_choice.c.id], set_=values)
            )

    def save_watched_platforms(self, watches: list[PlatformWatch], keep_only: bool) -> None:
        """Save these platforms' schedules; with `keep_only`, drop every other platform's."""
        with self._transaction() as db:
            if keep_only:
                kept = [w.platform_id for w in watches]
                db.execute(delete(watch_platform).where(watch_platform.c.platform_id.not_in(kept)))
            for watch in watches:
                values = _watch_values(watch)
                statement = upsert(watch_platform).values(values)
                keys = [watch_platform.c.platform_id]
                db.execute(statement.on_conflict_do_update(index_elements=keys, set_=values))

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
        look = {"platform_id": watch.platform_id, "looked_at": looked_at, "outcome": outcome.value}
        with self.one_transaction(), self._transaction() as db:
            db.execute(insert(watch_look), [look])
            if drift:
                db.execute(insert(watch_drift), [_drift_values(d) for d in drift])
            self.save_watched_platforms([watch], keep_only=False)
            if seen is not None:
                _replace_findings(db, {watch.platform_id}, seen)

    # -- the signed-in re-reads (revision 0007): ticked platforms, schedules, statuses ------
    def choose_signed_in_watch(self, platform_id: str, chosen: bool, now: datetime) -> None:
        """Tick the platform (due at once; kept as it was if already ticked) or untick it (its
        schedule and starting point dropped; drift already seen is kept)."""
        with self._transaction() as db:
            if chosen:
                row = {"platform_id": platform_id, "chosen_at": now, "next_look_at": now}
                statement = upsert(watch_signed_in).values(**row, failures=0)
                db.execute(statement.on_conflict_do_nothing(index_elements=["platform_id"]))
                return
            db.execute(delete(watch_signed_in).where(watch_signed_in.c.platform_id == platform_id))
            db.execute(delete(watch_reading).where(watch_reading.c.platform_id == platform_id))

    def record_signed_in_look(
        self,
        watch: PlatformWatch,
        outcome: LookOutcome,
        looked_at: datetime,
        drift: list[Drift],
        readings: dict[str, str] | None,
    ) -> None:
        """One re-read, in one transaction: the look (counted towards the day's cap; "signed
        out" is kept as a wall there, as revision 0006 knows it), any drift, the schedule and,
        when settings were read, their statuses merged into the next starting point."""
        kept = LookOutcome.WALL if outcome is LookOutcome.SIGNED_OUT else outcome
        pid = watch.platform_id
        look = {"platform_id": pid, "looked_at": looked_at, "outcome": kept.value}
        schedule = {k: v for k, v in _watch_values(watch).items() if k != "platform_id"}
        with self._transaction() as db:
            db.execute(insert(watch_look), [look])
            if drift:
                db.execute(insert(watch_drift), [_drift_values(d) for d in drift])
            ticked = watch_signed_in.c.platform_id == pid
            if db.execute(update(watch_signed_in).where(ticked).values(schedule)).rowcount == 0:
                return  # unticked while the re-read ran: keep the look and its drift only
            # Merged, not replaced: a setting this re-read could not read keeps its last status,
            # so it slides back against that next time instead of starting over unseen.
            for item, status in (readings or {}).items():
                row = {"platform_id": pid, "item_id": item, "status": status, "read_at": looked_at}
                statement = upsert(watch_reading).values(row)
                keys = [watch_reading.c.platform_id, watch_reading.c.item_id]
                db.execute(statement.on_conflict_do_update(index_elements=keys, set_=row))

    def confirm_drift(self, drift_id: int, now: datetime) -> None:
        """The worker has seen this drift."""
        with self._transaction() as db:
            db.execute(
                update(watch_drift)
                .where(watch_drift.c.id == drift_id, watch_drift.c.confirmed_at.is_(None))
                .values(confirmed_at=now)
            )


def _watch_values(watch: PlatformWatch) -> dict[str, Any]:
    return {
        "platform_id": watch.platform_id,
        "next_look_at": watch.next_look_at,
        "last_look_at": watch.last_look_at,
        "last_outcome": watch.last_outcome.value if watch.last_outcome else None,
        "failures": watch.failures,
        "compared": watch.compared,
    }


def _drift_values(drift: Drift) -> dict[str, Any]:
    return {
        "platform_id": drift.platform_id,
        "topic": drift.topic,
        "before": drift.before,
        "after": drift.after,
        "seen_at": drift.seen_at,
        "source": drift.source,
    }


def _replace_findings(db: Connection, platform_ids: set[str], findings: list[SeenFinding]) -> None:
    if platform_ids:
        db.execute(delete(outside_finding).where(outside_finding.c.platform_id.in_(platform_ids)))
    rows = [
        {
            "platform_id": f.platform_id,
            "topic": f.topic,
            "verdict": f.verdict,
            "reason": f.reason,
            "seen_at": f.seen_at,
            "caveat": f.caveat,
        }
        for f in findings
    ]
    if rows:
        db.execute(insert(outside_finding), rows)
