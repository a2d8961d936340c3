"""Read-only queries with the standard library, used at start-up and for every display.

Keeping SQLAlchemy out of this path keeps start-up fast (the ORM alone costs more than
showing the window); writes go through app.storage.repository.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun, PlatformCheck
from app.storage.timestamps import from_text


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
        runs = db.execute(
            "SELECT id, started_at, completed_at FROM audit_run ORDER BY id"
        ).fetchall()
        checks = _checks_by_run(db)
        answers = _latest_answers_by_run(db)
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


def _latest_answers_by_run(db: sqlite3.Connection) -> dict[int, dict[tuple[str, str], Answer]]:
    # Answer ids grow with time, so the highest id per item is the newest answer.
    rows = db.execute(
        "SELECT run_id, platform_id, item_id, status, source, answered_at, observed, note"
        " FROM answer WHERE id IN (SELECT max(id) FROM answer"
        " GROUP BY run_id, platform_id, item_id)"
    )
    answers: dict[int, dict[tuple[str, str], Answer]] = defaultdict(dict)
    for run_id, platform_id, item_id, status, source, answered, observed, note in rows:
        answer = Answer(
            platform_id,
            item_id,
            AnswerStatus(status),
            AnswerSource(source),
            from_text(answered),  # type: ignore[arg-type]
            observed,
            note,
        )
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
