"""Read-only queries with the standard library; `Store` opens one connection per read pass.

Keeping SQLAlchemy out of this path keeps start-up fast (importing the ORM alone costs more
than showing the window); writes go through `writes.py`. Every name comes from `tables.py`.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
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
from app.audit.schedule import is_in_the_future
from app.audit.stored import AllData, DashboardData
from app.audit.watch import Drift, LookOutcome, PlatformWatch, WatchChoice
from app.storage.tables import (
    ANSWER,
    AUDIT_RUN,
    CONNECTION_REVIEW,
    EXPORT_IMPORT,
    KEYRING_ENTRY,
    MARKED_CONNECTION_HASH,
    OUTSIDE_FINDING,
    PROFILE,
    PUBLIC_ADDRESS,
    REPORT_MADE,
    RUN_PLATFORM,
    USER_PLATFORM,
    WATCH_CHOICE,
    WATCH_DRIFT,
    WATCH_LOOK,
    WATCH_PLATFORM,
)
from app.storage.timestamps import from_text, required, to_text
from app.stranger.evidence import SeenFinding

# Enum lookups by value are slow enough to show when reading ten years of answers.
_STATUSES = {status.value: status for status in AnswerStatus}
_SOURCES = {source.value: source for source in AnswerSource}
A, RUN, RP = ANSWER, AUDIT_RUN, RUN_PLATFORM
_ANSWER_COLUMNS = ", ".join(
    (
        A.run_id, A.platform_id, A.item_id, A.status, A.source, A.answered_at, A.observed,
        A.note, A.kind,
    )
)  # fmt: skip
_KINDS = {kind.value: kind for kind in AnswerKind}


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
    """Profile, runs (answers of recent checks only), newest answers and export imports.

    `now` tells which checks are dated in the future (see `app.audit.schedule`): the recent
    checks whose answers are loaded are the newest *before* it, as the schedule counts."""
    checks = _checks_by_run(db)
    answers = _latest_answers_by_run(db, _runs_worth_answers(db, checks, now))
    newest_rows = db.execute(
        f"SELECT {_ANSWER_COLUMNS} FROM {A.name} WHERE {A.id} IN"
        f" (SELECT max({A.id}) FROM {A.name} GROUP BY {A.platform_id}, {A.item_id})"
    )
    newest = {answer.key: answer for _, answer in map(_answer, newest_rows)}
    runs = _load_runs(db, answers, checks)
    return DashboardData(profile(db), runs, newest, export_imports(db), watch_drift(db))


def all_data(db: sqlite3.Connection) -> AllData:
    """Every run with every item's newest answer in it, the profile and the records."""
    return AllData(
        profile(db), history(db), export_imports(db), connection_reviews(db), reports_made(db)
    )


def history(db: sqlite3.Connection) -> list[AuditRun]:
    """Every audit run, oldest first, each with the newest answer per item."""
    return _load_runs(db, _latest_answers_by_run(db))


def _runs_worth_answers(
    db: sqlite3.Connection, checks: dict[int, list[PlatformCheck]], now: datetime | None
) -> set[int]:
    completed: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    ahead: set[int] = set()  # runs with a check dated in the future: loaded as well
    for run_id, run_checks in checks.items():
        for check in run_checks:
            if check.completed_at is None:
                continue
            if now is not None and is_in_the_future(check.completed_at, now):
                ahead.add(run_id)
            else:
                completed[check.platform_id].append((check.completed_at, run_id))
    wanted = ahead | {run_id for found in completed.values() for _, run_id in sorted(found)[-2:]}
    open_runs = db.execute(f"SELECT {RUN.id} FROM {RUN.name} WHERE {RUN.completed_at} IS NULL")
    return wanted | {row[0] for row in open_runs}


def _load_runs(
    db: sqlite3.Connection,
    answers: dict[int, dict[tuple[str, str], Answer]],
    checks: dict[int, list[PlatformCheck]] | None = None,
) -> list[AuditRun]:
    runs = db.execute(
        f"SELECT {RUN.id}, {RUN.started_at}, {RUN.completed_at} FROM {RUN.name} ORDER BY {RUN.id}"
    )
    checks = checks if checks is not None else _checks_by_run(db)
    return [
        AuditRun(
            id=run_id,
            started_at=required(started),
            completed_at=from_text(completed),
            platforms=tuple(checks.get(run_id, ())),
            answers=answers.get(run_id, {}),
        )
        for run_id, started, completed in runs
    ]


def _checks_by_run(db: sqlite3.Connection) -> dict[int, list[PlatformCheck]]:
    checks: dict[int, list[PlatformCheck]] = defaultdict(list)
    rows = db.execute(
        f"SELECT {RP.run_id}, {RP.platform_id}, {RP.position}, {RP.completed_at}, {RP.skipped}"
        f" FROM {RP.name} ORDER BY {RP.run_id}, {RP.position}"
    )
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
    db: sqlite3.Connection, run_ids: set[int] | None = None
) -> dict[int, dict[tuple[str, str], Answer]]:
    # Answer ids grow with time, so the highest id per item is the newest answer.
    only = ""
    if run_ids is not None:
        wanted = ",".join(str(int(r)) for r in sorted(run_ids)) or "NULL"
        only = f" WHERE {A.run_id} IN ({wanted})"
    rows = db.execute(
        f"SELECT {_ANSWER_COLUMNS} FROM {A.name} WHERE {A.id} IN (SELECT max({A.id})"
        f" FROM {A.name}{only} GROUP BY {A.run_id}, {A.platform_id}, {A.item_id})"
    )
    answers: dict[int, dict[tuple[str, str], Answer]] = defaultdict(dict)
    for run_id, answer in map(_answer, rows):
        answers[run_id][answer.key] = answer
    return answers


def profile(db: sqlite3.Connection) -> WorkerProfile | None:
    """The worker's profile and platforms, or None before onboarding."""
    P, UP = PROFILE, USER_PLATFORM
    row = db.execute(
        f"SELECT {P.display_name}, {P.role}, {P.organisation}, {P.regulator}, {P.supervisor},"
        f" {P.works_with_children}, {P.code_edition} FROM {P.name}"
    ).fetchone()
    platforms = db.execute(
        f"SELECT {UP.platform_id}, {UP.recheck_days}, {UP.snoozed_until} FROM {UP.name}"
        f" ORDER BY {UP.position}"
    ).fetchall()
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
    return int(db.execute(f"SELECT count(*) FROM {A.name}").fetchone()[0])


def export_imports(db: sqlite3.Connection) -> list[ExportImportRecord]:
    """Every data-export import, oldest first: dates and counts."""
    E = EXPORT_IMPORT
    rows = db.execute(
        f"SELECT {E.id}, {E.platform_id}, {E.imported_at}, {E.export_date}, {E.run_id},"
        f" {E.items_answered}, {E.connection_count}, {E.request_count}, {E.public_switches}"
        f" FROM {E.name} ORDER BY {E.id}"
    ).fetchall()
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
    R = CONNECTION_REVIEW
    rows = db.execute(
        f"SELECT {R.id}, {R.platform_id}, {R.reviewed_at}, {R.export_date}, {R.reviewed_count},"
        f" {R.marked_count}, {R.confirmed_removed_count}, {R.confirmed_at}, {R.confirmed_by},"
        f" {R.removal_check} FROM {R.name} ORDER BY {R.id}"
    ).fetchall()
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
    R, H = CONNECTION_REVIEW, MARKED_CONNECTION_HASH
    reviews = db.execute(
        f"SELECT {R.id}, {R.platform_id}, {R.reviewed_at}, {R.lists}, {R.salt}, {R.key_id}"
        f" FROM {R.name} WHERE {R.salt} IS NOT NULL AND {R.key_id} IS NOT NULL"
        f" AND {R.removal_check} = 'export' ORDER BY {R.id}"
    ).fetchall()
    hashes: dict[int, set[str]] = defaultdict(set)
    for review_id, digest in db.execute(f"SELECT {H.review_id}, {H.digest} FROM {H.name}"):
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
    R = REPORT_MADE
    rows = db.execute(
        f"SELECT {R.id}, {R.made_at}, {R.period_start}, {R.run_id} FROM {R.name} ORDER BY {R.id}"
    )
    return [
        ReportRecord(id, required(made), from_text(start), run) for id, made, start, run in rows
    ]


def keyring_services(db: sqlite3.Connection) -> list[str]:
    """The keyring services Footprint created entries in (names only)."""
    K = KEYRING_ENTRY
    return [row[0] for row in db.execute(f"SELECT {K.service} FROM {K.name} ORDER BY 1")]


def public_addresses(db: sqlite3.Connection) -> dict[str, str]:
    """The worker's own public profile addresses, by platform."""
    PA = PUBLIC_ADDRESS
    return dict(db.execute(f"SELECT {PA.platform_id}, {PA.address} FROM {PA.name}").fetchall())


def outside_findings(db: sqlite3.Connection) -> list[SeenFinding]:
    """The findings of the latest stranger's view of each platform, in the order seen."""
    F = OUTSIDE_FINDING
    rows = db.execute(
        f"SELECT {F.platform_id}, {F.topic}, {F.verdict}, {F.reason}, {F.seen_at}, {F.caveat} "
        f"FROM {F.name} ORDER BY {F.id}"
    )
    return [SeenFinding(pid, topic, verdict, reason, required(seen), caveat) for pid, topic,
            verdict, reason, seen, caveat in rows]  # fmt: skip


def watch_choice(db: sqlite3.Connection) -> WatchChoice:
    """The worker's opt-in to the watch; off when never chosen."""
    C = WATCH_CHOICE
    row = db.execute(f"SELECT {C.signed_out}, {C.chosen_at} FROM {C.name}").fetchone()
    return WatchChoice() if row is None else WatchChoice(bool(row[0]), from_text(row[1]))


def watched_platforms(db: sqlite3.Connection) -> list[PlatformWatch]:
    """Every watched platform's schedule, by platform id."""
    W = WATCH_PLATFORM
    rows = db.execute(
        f"SELECT {W.platform_id}, {W.next_look_at}, {W.last_look_at}, {W.last_outcome}, "
        f"{W.failures}, {W.compared} FROM {W.name} ORDER BY 1"
    )
    return [
        PlatformWatch(
            pid,
            required(due),
            from_text(last),
            LookOutcome(outcome) if outcome else None,
            failures,
            compared is None or bool(compared),  # NULL: a look before revision 0007
        )  # fmt: skip
        for pid, due, last, outcome, failures, compared in rows
    ]


def watch_looks_since(db: sqlite3.Connection, since: datetime) -> list[tuple[str, datetime, str]]:
    """The watch's looks from `since` on, oldest first: (platform, when, outcome)."""
    L = WATCH_LOOK
    rows = db.execute(
        f"SELECT {L.platform_id}, {L.looked_at}, {L.outcome} FROM {L.name} "
        f"WHERE {L.looked_at} >= ? ORDER BY {L.looked_at}, {L.id}",
        (to_text(since),),
    )
    return [(pid, required(when), outcome) for pid, when, outcome in rows]


def watch_drift(db: sqlite3.Connection) -> list[Drift]:
    """Every drift the watch saw, oldest first."""
    D = WATCH_DRIFT
    rows = db.execute(
        f"SELECT {D.id}, {D.platform_id}, {D.topic}, {D.before}, {D.after}, {D.seen_at}, "
        f"{D.source}, {D.confirmed_at} FROM {D.name} ORDER BY {D.seen_at}, {D.id}"
    )
    return [
        Drift(pid, topic, before, after, required(seen), source, id, from_text(confirmed))
        for id, pid, topic, before, after, seen, source, confirmed in rows
    ]
