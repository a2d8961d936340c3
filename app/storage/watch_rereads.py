"""The watch's signed-in re-reads in the database (revision 0007): which platforms the worker
ticked, each one's schedule, and each setting's status at its last re-read.

Reads take the raw SQLite connection, writes the Writer's session, like `reads.py` and
`writes.py`; `Store` is still the only way in.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.audit.watch import Drift, LookOutcome, PlatformWatch
from app.storage.schema import WatchDriftRow, WatchLookRow, WatchReadingRow, WatchSignedInRow
from app.storage.tables import WATCH_READING, WATCH_SIGNED_IN
from app.storage.timestamps import from_text, required


def signed_in_watches(db: sqlite3.Connection) -> list[PlatformWatch]:
    """The schedules of the platforms ticked for signed-in re-reads, by platform id."""
    S = WATCH_SIGNED_IN
    rows = db.execute(
        f"SELECT {S.platform_id}, {S.next_look_at}, {S.last_look_at}, {S.last_outcome}, "
        f"{S.failures}, {S.compared} FROM {S.name} ORDER BY 1"
    )
    return [
        PlatformWatch(
            pid,
            required(due),
            from_text(last),
            LookOutcome(outcome) if outcome else None,
            failures,
            compared is None or bool(compared),
        )  # fmt: skip
        for pid, due, last, outcome, failures, compared in rows
    ]


def watch_readings(db: sqlite3.Connection, platform_id: str) -> dict[str, str]:
    """Each item's status at the platform's last signed-in re-read, by item id."""
    R = WATCH_READING
    rows = db.execute(
        f"SELECT {R.item_id}, {R.status} FROM {R.name} WHERE {R.platform_id} = ?", (platform_id,)
    )
    return {item_id: status for item_id, status in rows}


def choose(session: Session, platform_id: str, chosen: bool, now: datetime) -> None:
    """Tick the platform (due at once) or untick it (its schedule and starting point dropped;
    drift already seen is kept)."""
    row = session.get(WatchSignedInRow, platform_id)
    if chosen and row is None:
        session.add(WatchSignedInRow(platform_id=platform_id, chosen_at=now, next_look_at=now,
                                     failures=0))  # fmt: skip
    elif not chosen:
        if row is not None:
            session.delete(row)
        session.execute(delete(WatchReadingRow).where(WatchReadingRow.platform_id == platform_id))


def record(
    session: Session,
    watch: PlatformWatch,
    outcome: LookOutcome,
    looked_at: datetime,
    drift: list[Drift],
    readings: dict[str, str] | None,
) -> None:
    """One re-read: the look (counted towards the day's cap; "signed out" is kept as a wall
    there, as revision 0006 knows it), the schedule, any drift and, when settings were read,
    their statuses as the next starting point."""
    kept = LookOutcome.WALL if outcome is LookOutcome.SIGNED_OUT else outcome
    session.add(WatchLookRow(platform_id=watch.platform_id, looked_at=looked_at,
                             outcome=kept.value))  # fmt: skip
    for d in drift:
        session.add(WatchDriftRow(platform_id=d.platform_id, topic=d.topic, before=d.before,
                                  after=d.after, seen_at=d.seen_at, source=d.source))  # fmt: skip
    row = session.get(WatchSignedInRow, watch.platform_id)
    if row is None:
        return  # unticked while the re-read ran: keep the look and its drift only
    row.next_look_at, row.last_look_at = watch.next_look_at, watch.last_look_at
    row.last_outcome = watch.last_outcome.value if watch.last_outcome else None
    row.failures, row.compared = watch.failures, watch.compared
    if readings is None:
        return
    pid = watch.platform_id
    session.execute(delete(WatchReadingRow).where(WatchReadingRow.platform_id == pid))
    for item_id, status in readings.items():
        session.add(WatchReadingRow(platform_id=pid, item_id=item_id, status=status,
                                    read_at=looked_at))  # fmt: skip
