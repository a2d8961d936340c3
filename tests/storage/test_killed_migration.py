"""A kill at any moment of the first start or of an upgrade leaves a database the next start
completes. A child process dies (os._exit) at a chosen step: after the n-th SQL statement of
the migration, after the backup is written but before it has its name, or just before a new
database is moved into place (`FOOTPRINT_CRASH_AT`, see app/storage/crash_points.py); then
the database is opened again.

The suite tries the first and last statements, two seeded others and the named points;
FOOTPRINT_CRASH_SWEEP=1 tries every statement (`FOOTPRINT_CRASH_SWEEP=1 pytest -s
tests/storage/test_killed_migration.py` prints the figures).
"""

from __future__ import annotations

import os
import random
import sqlite3
from contextlib import closing
from pathlib import Path

from app.storage import database
from app.storage.crash_points import CRASH_STATUS
from app.storage.database import current_revision, prepare_database
from app.storage.revision import APPLICATION_ID, SCHEMA_HEAD
from app.storage.store import Store
from tests.conftest import START
from tests.storage.killed_start import start_and_die_at
from tests.storage.test_database import _fill_0001, build_at_revision

SWEEP = os.environ.get("FOOTPRINT_CRASH_SWEEP") == "1"


def count_statements(folder: Path, prepare, monkeypatch) -> int:  # noqa: ANN001
    """How many SQL statements the migration runs, counted in this process."""
    from sqlalchemy import event

    counted: list[object] = []

    def counting(engine: object) -> None:
        event.listen(engine, "after_cursor_execute", lambda *_: counted.append(None))

    monkeypatch.setattr(database, "crash_after_statements", counting)
    folder.mkdir()
    prepare(folder / "footprint.db")
    prepare_database(folder / "footprint.db", START)
    monkeypatch.undo()
    return len(counted)


def steps_to_try(statements: int, named: tuple[str, ...]) -> list[str]:
    """Every statement in a sweep; otherwise the first, the last and two seeded others."""
    numbers = set(range(1, statements + 1))
    if not SWEEP:
        middle = sorted(numbers - {1, statements})
        numbers = {1, statements, *random.Random(13).sample(middle, min(2, len(middle)))}
    return [*(f"statement:{n}" for n in sorted(numbers)), *named]


def assert_completed(path: Path) -> None:
    """The next start opens the database at the head, stamped and consistent."""
    prepare_database(path, START)
    assert current_revision(path) == SCHEMA_HEAD
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    names = [p.name for p in path.parent.iterdir()]
    assert [n for n in names if n.endswith((".creating", ".partial"))] == []


def sweep(tmp_path: Path, prepare, check, named: tuple[str, ...], monkeypatch) -> int:  # noqa: ANN001
    """Kill at each step, then check that the next start completes; how many kills."""
    statements = count_statements(tmp_path / "count", prepare, monkeypatch)
    assert statements > 5
    steps = steps_to_try(statements, named)
    for step in steps:
        folder = tmp_path / step.replace(":", "-")
        folder.mkdir()
        path = folder / "footprint.db"
        prepare(path)
        assert start_and_die_at(path, step) == CRASH_STATUS, f"no kill at {step}"
        check(path)  # the next start completes whatever the kill left
    if SWEEP:
        print(f"\n{len(steps)} kills, {len(steps)} recoveries")
    return len(steps)


def test_a_kill_during_the_first_start_is_completed_by_the_next(tmp_path, monkeypatch) -> None:
    assert sweep(tmp_path, lambda path: None, assert_completed, ("before-swap",), monkeypatch)


def test_a_kill_during_an_upgrade_keeps_the_data_and_is_completed_by_the_next(
    tmp_path, monkeypatch
) -> None:
    def at_0001(path: Path) -> None:
        build_at_revision(path, "0001", stamp=False)
        _fill_0001(path)

    def completed_with_data(path: Path) -> None:
        assert_completed(path)
        [run] = Store(path).history()
        assert run.answers[("alpha", "a1")].observed == "Off"
        backups = [p for p in path.parent.iterdir() if ".before-" in p.name]
        assert len(backups) == 1  # one backup, however many attempts
        assert current_revision(backups[0]) == "0001"

    assert sweep(tmp_path, at_0001, completed_with_data, ("backup", "before-scrub"), monkeypatch)


def test_a_kill_before_the_backup_is_scrubbed_is_completed_by_the_next_start(tmp_path) -> None:
    """An upgrade from 0002 deletes the guessable hashes; a kill right after it must not leave
    them in the backup taken before it."""
    path = tmp_path / "footprint.db"
    build_at_revision(path, "0002", stamp=False)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO connection_review (id, platform_id, reviewed_at, export_date,"
            " reviewed_count, marked_count, lists, salt, hash_iterations)"
            " VALUES (1, 'x', '2026-01-05T10:00:00+00:00', '2026-01-05T10:00:00+00:00', 5, 1,"
            " 'followers', 'a-salt-of-ours', 2000)"
        )
        db.execute("INSERT INTO marked_connection_hash (review_id, digest) VALUES (1, 'd1g3st')")
    assert start_and_die_at(path, "before-scrub") == CRASH_STATUS
    [backup] = [p for p in tmp_path.iterdir() if ".before-" in p.name]
    assert b"d1g3st" in backup.read_bytes()  # the kill came between the upgrade and the scrub
    assert_completed(path)
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"d1g3st" not in data and b"a-salt-of-ours" not in data
