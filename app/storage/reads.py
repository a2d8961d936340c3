"""Read-only queries with the standard library, used at start-up and for every display.

Keeping SQLAlchemy out of this path keeps start-up fast (the ORM alone costs more than
showing the window); writes go through app.storage.repository.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun, PlatformCheck
from app.exports.records import ConnectionReviewRecord, ExportImportRecord, PendingReview
from app.storage.timestamps import from_text

# Enum lookups by value are slow enough to show when reading ten years of answers.
_STATUSES = {status.value: status for status in AnswerStatus}
_SOURCES = {source.value: source for source in AnswerSource}


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def load_history(path: Path) -> list[AuditRun]:
    """Every audit run, oldest first, each with the newest answer per item."""
    with _read_only(path) as db:
        return _load_runs(db, _latest_answers_by_run(db))


@dataclass(frozen=True)
class DashboardData:
    """What the dashboard needs, without reading every answer ever given: all runs and
    their platform checks, answers only for each platform's two newest completed checks
    and the open run, and the newest answer to every item across all runs."""

    runs: list[AuditRun]
    newest: dict[tuple[str, str], Answer]

    @property
    def open_run(self) -> AuditRun | None:
        return next((run for run in reversed(self.runs) if not run.is_complete), None)


def load_dashboard_data(path: Path) -> DashboardData:
    with _read_only(path) as db:
        checks = _checks_by_run(db)
        wanted = _runs_worth_answers(db, checks)
        answers = _latest_answers_by_run(db, wanted)
        newest_rows = db.execute(
            f"SELECT {_ANSWER_COLUMNS} FROM answer WHERE id IN"
            " (SELECT max(id) FROM answer GROUP BY platform_id, item_id)"
        )
        newest = {answer.key: answer for _, answer in map(_answer, newest_rows)}
        return DashboardData(_load_runs(db, answers, checks), newest)


def _runs_worth_answers(db: sqlite3.Connection, checks: dict[int, list[PlatformCheck]]) -> set[int]:
    completed: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for run_id, run_checks in checks.items():
        for check in run_checks:
            if check.completed_at is not None:
                completed[check.platform_id].append((check.completed_at, run_id))
    wanted = {run_id for found in completed.values() for _, run_id in sorted(found)[-2:]}
    open_runs = db.execute("SELECT id FROM audit_run WHERE completed_at IS NULL")
    return wanted | {row[0] for row in open_runs}


def _load_runs(
    db: sqlite3.Connection,
    answers: dict[int, dict[tuple[str, str], Answer]],
    checks: dict[int, list[PlatformCheck]] | None = None,
) -> list[AuditRun]:
    runs = db.execute("SELECT id, started_at, completed_at FROM audit_run ORDER BY id")
    checks = checks if checks is not None else _checks_by_run(db)
    return [
        AuditRun(
            id=run_id,
            started_at=from_text(started),  # type: ignore[arg-type]
            completed_at=from_text(completed),
            platforms=tuple(checks.get(run_id, ())),
            answers=answers.get(run_id, {}),
        )
        for run_id, started, completed in runs
    ]


def _checks_by_run(db: sqlite3.Connection) -> dict[int, list[PlatformCheck]]:
    checks: dict[int, list[PlatformCheck]] = defaultdict(list)
    rows = db.execute(
        "SELECT run_id, platform_id, position, completed_at, skipped FROM run_platform"
        " ORDER BY run_id, position"
    )
    for run_id, platform_id, position, completed, skipped in rows:
        checks[run_id].append(
            PlatformCheck(platform_id, position, from_text(completed), bool(skipped))
        )
    return checks


_ANSWER_COLUMNS = "run_id, platform_id, item_id, status, source, answered_at, observed, note"


def _answer(row: tuple[Any, ...]) -> tuple[int, Answer]:
    run_id, platform_id, item_id, status, source, answered, observed, note = row
    answered_at = from_text(answered)
    assert answered_at is not None
    answer = Answer(
        platform_id, item_id, _STATUSES[status], _SOURCES[source], answered_at, observed, note
    )
    return run_id, answer


def _latest_answers_by_run(
    db: sqlite3.Connection, run_ids: set[int] | None = None
) -> dict[int, dict[tuple[str, str], Answer]]:
    # Answer ids grow with time, so the highest id per item is the newest answer.
    only = ""
    if run_ids is not None:
        only = f" WHERE run_id IN ({','.join(str(int(r)) for r in sorted(run_ids)) or 'NULL'})"
    rows = db.execute(
        f"SELECT {_ANSWER_COLUMNS} FROM answer WHERE id IN (SELECT max(id) FROM answer{only}"
        " GROUP BY run_id, platform_id, item_id)"
    )
    answers: dict[int, dict[tuple[str, str], Answer]] = defaultdict(dict)
    for run_id, answer in map(_answer, rows):
        answers[run_id][answer.key] = answer
    return answers


def load_profile(path: Path) -> WorkerProfile | None:
    with _read_only(path) as db:
        row = db.execute(
            "SELECT display_name, role, organisation, regulator, supervisor FROM profile"
        ).fetchone()
        platforms = db.execute(
            "SELECT platform_id, recheck_days, snoozed_until FROM user_platform ORDER BY position"
        ).fetchall()
    if row is None:
        return None
    return WorkerProfile(
        *row,
        platform_ids=tuple(p[0] for p in platforms),
        recheck_days={p[0]: p[1] for p in platforms if p[1] is not None},
        snoozed_until={p[0]: from_text(p[2]) for p in platforms if p[2] is not None},  # type: ignore[misc]
    )


def count_answers(path: Path) -> int:
    with _read_only(path) as db:
        return int(db.execute("SELECT count(*) FROM answer").fetchone()[0])


def load_export_imports(path: Path) -> list[ExportImportRecord]:
    """Every data-export import, oldest first: dates and counts."""
    with _read_only(path) as db:
        rows = db.execute(
            "SELECT id, platform_id, imported_at, export_date, run_id, items_answered,"
            " connection_count, request_count, public_switches FROM export_import ORDER BY id"
        ).fetchall()
    return [
        ExportImportRecord(
            id=row[0],
            platform_id=row[1],
            imported_at=from_text(row[2]),  # type: ignore[arg-type]
            export_date=from_text(row[3]),  # type: ignore[arg-type]
            run_id=row[4],
            items_answered=row[5],
            connection_count=row[6],
            request_count=row[7],
            public_switches=row[8],
        )
        for row in rows
    ]


def load_connection_reviews(path: Path) -> list[ConnectionReviewRecord]:
    """Every friend-list review, oldest first: dates, counts and whether removal was confirmed."""
    with _read_only(path) as db:
        rows = db.execute(
            "SELECT id, platform_id, reviewed_at, export_date, reviewed_count, marked_count,"
            " confirmed_removed_count, confirmed_at, confirmed_by FROM connection_review"
            " ORDER BY id"
        ).fetchall()
    return [
        ConnectionReviewRecord(
            id=row[0],
            platform_id=row[1],
            reviewed_at=from_text(row[2]),  # type: ignore[arg-type]
            export_date=from_text(row[3]),  # type: ignore[arg-type]
            reviewed_count=row[4],
            marked_count=row[5],
            confirmed_removed_count=row[6],
            confirmed_at=from_text(row[7]),
            confirmed_by=row[8],
        )
        for row in rows
    ]


def load_pending_reviews(path: Path) -> list[PendingReview]:
    """Reviews with marked people not yet confirmed removed, with their salted hashes."""
    with _read_only(path) as db:
        reviews = db.execute(
            "SELECT id, platform_id, reviewed_at, lists, salt, hash_iterations"
            " FROM connection_review WHERE salt IS NOT NULL ORDER BY id"
        ).fetchall()
        hashes: dict[int, set[str]] = defaultdict(set)
        for review_id, digest in db.execute("SELECT review_id, digest FROM marked_connection_hash"):
            hashes[review_id].add(digest)
    return [
        PendingReview(
            review_id,
            platform_id,
            from_text(reviewed),  # type: ignore[arg-type]
            tuple(k for k in lists.split(",") if k),
            salt,
            iterations,
            frozenset(hashes[review_id]),
        )
        for review_id, platform_id, reviewed, lists, salt, iterations in reviews
        if hashes[review_id]
    ]
