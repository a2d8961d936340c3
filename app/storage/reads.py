"""Read-only queries with the standard library; `Store` opens one connection per read pass.

The SQL is `read_sql.py`, compiled from the Core statements of `read_statements.py` over the
declared tables: SQLAlchemy stays out of start-up, which reads before the window shows. Each
function here turns its statement's rows, in the statement's column order, into domain values.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.audit.answers import Answer, AnswerKind, AnswerSource, AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.records import (
    ConnectionReviewRecord,
    ExportImportRecord,
    PendingReview,
    ReportRecord,
)
from app.audit.run import AuditRun, PlatformCheck
from app.audit.schedule import FUTURE_TOLERANCE
from app.audit.stored import AllData, DashboardData
from app.audit.watch import Drift, LookOutcome, PlatformWatch, WatchChoice
from app.storage import read_sql as sql
from app.storage.timestamps import from_text, required, to_text
from app.stranger.evidence import SeenFinding

# Enum lookups by value are slow enough to show when reading ten years of answers.
_STATUSES = {status.value: status for status in AnswerStatus}
_SOURCES = {source.value: source for source in AnswerSource}
_KINDS = {kind.value: kind for kind in AnswerKind}
_LAST_TEXT = to_text(datetime.max.replace(tzinfo=UTC))  # later than any stored timestamp


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """A `file:` URI for sqlite3: characters such as '#', '?' and '%' in the path are escaped,
    so they cannot cut the address short or end up in a stray file's name."""
    return f"{path.resolve().as_uri()}?mode={mode}"


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection, closed when the block ends."""
    connection = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        yield connection
    finally:
        connection.close()


def dashboard_data(db: sqlite3.Connection, now: datetime | None = None) -> DashboardData:
    """Profile, the runs the dashboard needs with their answers, newest answers and imports.

    `now` tells which checks are dated in the future (see `app.audit.schedule`). The runs
    read (`read_statements._runs_the_dashboard_reads`) are, of each platform, the newest
    check finished by then and the one it is compared with, every run with a check dated
    ahead, the unfinished runs and the two newest finished runs: all that the overview, its
    drift and its schedule look at, found by index seeks: ten years of checks are not read."""
    wanted = db.execute(sql.RUNS_THE_DASHBOARD_READS, {"trusted_until": _trusted_until(now)})
    run_ids = json.dumps(sorted(row[0] for row in wanted if row[0] is not None))
    checks = _checks_by_run(db.execute(sql.RUN_PLATFORMS_OF, {"run_ids": run_ids}))
    answers = _latest_answers_by_run(db, run_ids)
    newest_rows = db.execute(sql.NEWEST_ANSWERS)
    newest = {answer.key: answer for _, answer in map(_answer, newest_rows)}
    runs = _runs(db.execute(sql.RUNS_OF, {"run_ids": run_ids}), answers, checks)
    return DashboardData(
        profile(db), runs, newest, export_imports(db), watch_drift(db), signed_in_watches(db)
    )


def _trusted_until(now: datetime | None) -> str:
    """The stored text of the latest moment a check may be finished and not be "dated in the
    future" at `now` (`schedule.is_in_the_future`); with no `now`, every check is trusted."""
    try:
        return to_text(now + FUTURE_TOLERANCE) if now is not None else _LAST_TEXT
    except OverflowError:
        return _LAST_TEXT


def all_data(db: sqlite3.Connection) -> AllData:
    """Every run with every item's newest answer in it, the profile and the records."""
    return AllData(
        profile(db), history(db), export_imports(db), connection_reviews(db), reports_made(db)
    )


def history(db: sqlite3.Connection) -> list[AuditRun]:
    """Every audit run, oldest first, each with the newest answer per item."""
    answers = _latest_answers_by_run(db)
    return _runs(db.execute(sql.RUNS), answers, _checks_by_run(db.execute(sql.RUN_PLATFORMS)))


def _runs(
    rows: sqlite3.Cursor,
    answers: dict[int, dict[tuple[str, str], Answer]],
    checks: dict[int, list[PlatformCheck]],
) -> list[AuditRun]:
    return [
        AuditRun(
            id=run_id,
            started_at=required(started),
            completed_at=from_text(completed),
            platforms=tuple(checks.get(run_id, ())),
            answers=answers.get(run_id, {}),
        )
        for run_id, started, completed in rows
    ]


def _checks_by_run(rows: sqlite3.Cursor) -> dict[int, list[PlatformCheck]]:
    checks: dict[int, list[PlatformCheck]] = defaultdict(list)
    for run_id, platform_id, position, completed, skipped in rows:
        checks[run_id].append(
            PlatformCheck(platform_id, position, from_text(completed), bool(skipped))
        )
    return checks


def _answer(row: tuple[Any, ...]) -> tuple[int, Answer]:
    run_id, platform_id, item_id, status, source, answered, observed, note, kind = row
    answer = Answer(
        platform_id,
        item_id,
        _STATUSES[status],
        _SOURCES[source],
        required(answered),
        observed,
        note,
        _KINDS[kind],
    )
    return run_id, answer


def _latest_answers_by_run(
    db: sqlite3.Connection, run_ids: str | None = None
) -> dict[int, dict[tuple[str, str], Answer]]:
    """Each run's newest answer per item: of every run, or of `run_ids` (a JSON array)."""
    if run_ids is None:
        # Every answer, oldest first; the newest per item replaces the older below. Reading
        # them all is quicker than having SQLite find each item's newest first (ten years:
        # 20 -> 14 ms), and a re-answer is rare.
        rows = db.execute(sql.ANSWERS_OLDEST_FIRST)
    else:
        rows = db.execute(sql.NEWEST_ANSWERS_OF_RUNS, {"run_ids": run_ids})
    answers: dict[int, dict[tuple[str, str], Answer]] = defaultdict(dict)
    for row in rows:
        run_id, answer = _answer(row)
        run_answers = answers[run_id]
        # Popped first, so the items stay in the order of their newest answers.
        run_answers.pop(answer.key, None)
        run_answers[answer.key] = answer
    return answers


def profile(db: sqlite3.Connection) -> WorkerProfile | None:
    """The worker's profile and platforms, or None before onboarding."""
    row = db.execute(sql.PROFILE).fetchone()
    platforms = db.execute(sql.USER_PLATFORMS).fetchall()
    if row is None:
        return None
    name, role, organisation, regulator, supervisor, with_children, edition = row
    return WorkerProfile(
        name,
        role,
        organisation,
        regulator,
        supervisor,
        platform_ids=tuple(p[0] for p in platforms),
        recheck_days={p[0]: p[1] for p in platforms if p[1] is not None},
        snoozed_until={p[0]: required(p[2]) for p in platforms if p[2] is not None},
        works_with_children=bool(with_children),
        code_edition=edition,
    )


def count_answers(db: sqlite3.Connection) -> int:
    """How many answers were ever given (re-answers included)."""
    return int(db.execute(sql.ANSWER_COUNT).fetchone()[0])


def export_imports(db: sqlite3.Connection) -> list[ExportImportRecord]:
    """Every data-export import, oldest first: dates and counts."""
    rows = db.execute(sql.EXPORT_IMPORTS).fetchall()
    return [
        ExportImportRecord(
            id=row[0],
            platform_id=row[1],
            imported_at=required(row[2]),
            export_date=required(row[3]),
            run_id=row[4],
            items_answered=row[5],
            connection_count=row[6],
            request_count=row[7],
            public_switches=row[8],
        )
        for row in rows
    ]


def connection_reviews(db: sqlite3.Connection) -> list[ConnectionReviewRecord]:
    """Every friend-list review, oldest first: dates, counts and whether removal was confirmed."""
    rows = db.execute(sql.CONNECTION_REVIEWS).fetchall()
    return [
        ConnectionReviewRecord(
            id=row[0],
            platform_id=row[1],
            reviewed_at=required(row[2]),
            export_date=required(row[3]),
            reviewed_count=row[4],
            marked_count=row[5],
            confirmed_removed_count=row[6],
            confirmed_at=from_text(row[7]),
            confirmed_by=row[8],
            by_hand=row[9] == "by_hand",
        )
        for row in rows
    ]


def pending_reviews(db: sqlite3.Connection) -> list[PendingReview]:
    """Reviews with marked people not yet confirmed removed, with their keyed hashes."""
    reviews = db.execute(sql.PENDING_REVIEWS, {"removal_check": "export"}).fetchall()
    hashes: dict[int, set[str]] = defaultdict(set)
    for review_id, digest in db.execute(sql.MARKED_HASHES):
        hashes[review_id].add(digest)
    return [
        PendingReview(
            review_id,
            platform_id,
            required(reviewed),
            tuple(k for k in lists.split(",") if k),
            salt,
            key_id,
            frozenset(hashes[review_id]),
        )
        for review_id, platform_id, reviewed, lists, salt, key_id in reviews
        if hashes[review_id]
    ]


def reports_made(db: sqlite3.Connection) -> list[ReportRecord]:
    """Every supervision report saved or printed, oldest first."""
    rows = db.execute(sql.REPORTS_MADE)
    return [
        ReportRecord(id, required(made), from_text(start), run) for id, made, start, run in rows
    ]


def keyring_services(db: sqlite3.Connection) -> list[str]:
    """The keyring services Footprint created entries in (names only)."""
    return [row[0] for row in db.execute(sql.KEYRING_SERVICES)]


def public_addresses(db: sqlite3.Connection) -> dict[str, str]:
    """The worker's own public profile addresses, by platform."""
    return dict(db.execute(sql.PUBLIC_ADDRESSES).fetchall())


def outside_findings(db: sqlite3.Connection) -> list[SeenFinding]:
    """The findings of the latest stranger's view of each platform, in the order seen."""
    return [
        SeenFinding(platform_id, topic, verdict, reason, required(seen), caveat)
        for platform_id, topic, verdict, reason, seen, caveat in db.execute(sql.OUTSIDE_FINDINGS)
    ]


def watch_choice(db: sqlite3.Connection) -> WatchChoice:
    """The worker's opt-in to the watch; off when never chosen."""
    row = db.execute(sql.WATCH_CHOICE).fetchone()
    return WatchChoice() if row is None else WatchChoice(bool(row[0]), from_text(row[1]))


def watched_platforms(db: sqlite3.Connection) -> list[PlatformWatch]:
    """Every watched platform's schedule, by platform id."""
    return _schedules(db.execute(sql.WATCHED_PLATFORMS))


def _schedules(rows: sqlite3.Cursor) -> list[PlatformWatch]:
    return [
        PlatformWatch(
            platform_id,
            required(due),
            from_text(last),
            LookOutcome(outcome) if outcome else None,
            failures,
            compared is None or bool(compared),  # NULL: a look before revision 0007
        )
        for platform_id, due, last, outcome, failures, compared in rows
    ]


def watch_looks_since(db: sqlite3.Connection, since: datetime) -> list[tuple[str, datetime, str]]:
    """The watch's looks from `since` on, oldest first: (platform, when, outcome)."""
    rows = db.execute(sql.WATCH_LOOKS_SINCE, {"since": to_text(since)})
    return [(pid, required(when), outcome) for pid, when, outcome in rows]


def watch_drift(db: sqlite3.Connection) -> list[Drift]:
    """Every drift the watch saw, oldest first."""
    rows = db.execute(sql.WATCH_DRIFT)
    return [
        Drift(pid, topic, before, after, required(seen), source, id, from_text(confirmed))
        for id, pid, topic, before, after, seen, source, confirmed in rows
    ]


def signed_in_watches(db: sqlite3.Connection) -> list[PlatformWatch]:
    """The schedules of the platforms ticked for signed-in re-reads, by platform id."""
    return _schedules(db.execute(sql.SIGNED_IN_WATCHES))


def watch_readings(db: sqlite3.Connection, platform_id: str) -> dict[str, str]:
    """Each item's status at the platform's last signed-in re-read, by item id."""
    rows = db.execute(sql.WATCH_READINGS, {"platform_id": platform_id})
    return {item_id: status for item_id, status in rows}
