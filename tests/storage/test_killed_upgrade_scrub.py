"""Kills during the upgrades from 0003 and from 0004 to the head: no backup is ever damaged,
and no guessable friend-name hash (PBKDF2, before 0004) survives the next start.

A child process dies at each migration statement tried (the first, the last, two seeded
others; every one with FOOTPRINT_CRASH_SWEEP=1) and at each named step of the backup, the
live database's VACUUM and the backups' scrub (app/storage/crash_points.py). After the
kill, every backup copied on its own (without anything beside it, as a worker would copy it)
must open and pass SQLite's integrity check; after the next start no planted hash or salt
may be found in any byte of any file in the data home. The databases are small so that the
suite stays quick; `benchmarks/` is where big ones (60,000 answers) are timed.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from app.storage.crash_points import CRASH_STATUS
from app.storage.database import current_revision, prepare_database
from app.storage.revision import SCHEMA_HEAD
from tests.conftest import START
from tests.storage.killed_start import start_and_die_at
from tests.storage.test_database import _fill_0002, _fill_0004, build_at_revision
from tests.storage.test_killed_migration import assert_completed, count_statements, steps_to_try

ANSWERS = 400
PLANTED = (b"PLANTED-PBKDF2-HASH", b"PLANTED-SALT", b"FREED-PBKDF2-HASH")
SCRUB_STEPS = ("backup", "before-scrub", "before-vacuum", "scrub-copied", "scrub-done")
OLD_BACKUP = "footprint.db.before-0003-to-0004-20260101-090000"

# What an older Footprint's scrub did in place, killed half-way: pages of the backup already
# rewritten (a tiny page cache spills them), the originals only in its -journal.
INTERRUPTED_OLD_SCRUB = textwrap.dedent(
    """
    import os, sqlite3, sys
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("PRAGMA cache_size = 2")
    db.execute("BEGIN")
    db.execute("DELETE FROM marked_connection_hash")
    db.execute("UPDATE answer SET note = NULL, observed = 'rewritten'")
    os._exit(9)
    """
)


def plant_0003(path: Path) -> None:
    """A 0003 database with answers, a review's PBKDF2 hashes and salt, and one hash deleted
    without secure_delete (so its bytes stay in a free page)."""
    build_at_revision(path, "0003", stamp=False)
    _fill_0002(path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("PRAGMA secure_delete = OFF")
        db.execute("UPDATE connection_review SET salt = ?", (PLANTED[1].decode() * 2,))
        db.executemany(
            "INSERT INTO marked_connection_hash (review_id, digest) VALUES (1, ?)",
            [(f"{PLANTED[0].decode()}-{n:04}",) for n in range(40)],
        )
        db.executemany(
            "INSERT INTO answer (run_id, platform_id, item_id, status, source, observed, note,"
            " answered_at) VALUES (1, 'alpha', ?, 'safe', 'manual', 'Off', ?, ?)",
            [(f"i{n}", "a note " * 20, "2026-01-05T10:00:00+00:00") for n in range(ANSWERS)],
        )
        db.execute("CREATE TABLE scratch (digest TEXT)")
        db.executemany("INSERT INTO scratch VALUES (?)", [(PLANTED[2].decode() * 20,)] * 40)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("PRAGMA secure_delete = OFF")
        db.execute("DROP TABLE scratch")
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert PLANTED[2] in path.read_bytes()  # in a free page


def plant_0004_with_an_old_backup(path: Path) -> None:
    """A 0004 database, and beside it the backup an older Footprint took before upgrading
    from 0003 — still with the hashes, its scrub killed half-way (a hot journal)."""
    build_at_revision(path, "0004")
    _fill_0004(path)
    old = path.with_name(OLD_BACKUP)
    plant_0003(old)
    with closing(sqlite3.connect(old)) as db:
        db.execute("PRAGMA journal_mode = DELETE")
    subprocess.run([sys.executable, "-c", INTERRUPTED_OLD_SCRUB, str(old)], check=False)
    assert old.with_name(OLD_BACKUP + "-journal").exists()


def planted_once(plant: Callable[[Path], None], template: Path) -> Callable[[Path], None]:
    """`plant`, run once into `template`; later calls copy its files (building a database
    through every migration is the slow part of these tests)."""

    def copy(path: Path) -> None:
        if not template.exists():
            plant(template / path.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        for source in template.iterdir():
            shutil.copy2(source, path.with_name(source.name))

    return copy


def backups_in(folder: Path) -> list[Path]:
    """The backups taken before upgrades (not their half-made copies or journals)."""
    return sorted(
        p
        for p in folder.iterdir()
        if ".before-" in p.name and not p.name.endswith((".partial", "-journal", "-wal", "-shm"))
    )


def damaged_alone(backup: Path, scratch: Path) -> bool:
    """Copied on its own, as a worker would copy it, the backup does not open whole."""
    scratch.mkdir(exist_ok=True)
    alone = scratch / backup.name
    shutil.copyfile(backup, alone)
    try:
        with closing(sqlite3.connect(alone)) as db:
            return db.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True
    finally:
        for leftover in scratch.iterdir():
            leftover.unlink()


def planted_left(folder: Path) -> list[str]:
    """Which planted secrets any file in the data home still holds."""
    data = b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())
    return [secret.decode() for secret in PLANTED if secret in data]


def kill_and_restart(
    tmp_path: Path,
    plant: Callable[[Path], None],
    named: tuple[str, ...],
    monkeypatch,
    before_next_start=None,
) -> tuple[int, int, int]:  # noqa: ANN001
    """Kill at every step tried; (kills, damaged backups, secrets left after the next start)."""
    plant = planted_once(plant, tmp_path / "template")
    statements = count_statements(tmp_path / "count", plant, monkeypatch)
    kills = damaged = left = 0
    for step in steps_to_try(statements, named):
        folder = tmp_path / step.replace(":", "-")
        folder.mkdir()
        path = folder / "footprint.db"
        plant(path)
        assert start_and_die_at(path, step) == CRASH_STATUS, f"no kill at {step}"
        kills += 1
        if before_next_start is not None:
            damaged += sum(before_next_start(backup, tmp_path / "alone") for backup in
                           backups_in(folder))  # fmt: skip
        assert_completed(path)
        damaged += sum(damaged_alone(backup, tmp_path / "alone") for backup in backups_in(folder))
        left += len(planted_left(folder))
        with closing(sqlite3.connect(path)) as db:
            assert db.execute("SELECT count(*) FROM answer").fetchone()[0] >= 1
    return kills, damaged, left


def test_kills_during_the_upgrade_from_0003_damage_no_backup_and_leave_no_hash(
    tmp_path, monkeypatch
) -> None:
    kills, damaged, left = kill_and_restart(
        tmp_path, plant_0003, SCRUB_STEPS, monkeypatch, before_next_start=damaged_alone
    )
    assert (kills, damaged, left) == (kills, 0, 0) and kills >= 9


def test_kills_during_the_upgrade_from_0004_finish_an_older_interrupted_scrub(
    tmp_path, monkeypatch
) -> None:
    def new_backup_damaged(backup: Path, scratch: Path) -> bool:  # the old one may be, yet
        return backup.name != OLD_BACKUP and damaged_alone(backup, scratch)

    steps = tuple(step for step in SCRUB_STEPS if step != "before-vacuum")  # nothing to drop
    kills, damaged, left = kill_and_restart(
        tmp_path, plant_0004_with_an_old_backup, steps, monkeypatch, new_backup_damaged
    )
    assert (kills, damaged, left) == (kills, 0, 0) and kills >= 8


def test_repeated_kills_during_the_scrub_are_finished_by_the_start_after(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    plant_0003(path)
    for step in ("before-vacuum", "scrub-copied", "scrub-done", "scrub-copied"):
        assert start_and_die_at(path, step) == CRASH_STATUS, f"no kill at {step}"
    assert planted_left(tmp_path)  # nothing finished yet
    assert_completed(path)
    [backup] = backups_in(tmp_path)
    assert current_revision(backup) == "0003" and current_revision(path) == SCHEMA_HEAD
    assert not damaged_alone(backup, tmp_path / "alone")
    assert planted_left(tmp_path) == []
    with closing(sqlite3.connect(backup)) as db:  # the backup keeps everything else
        assert db.execute("SELECT count(*) FROM answer").fetchone() == (ANSWERS + 1,)
        assert db.execute("SELECT count(*) FROM connection_review").fetchone() == (1,)


def test_a_backup_an_older_footprint_left_with_a_journal_is_made_whole_then_scrubbed(
    tmp_path,
) -> None:
    path = tmp_path / "footprint.db"
    plant_0004_with_an_old_backup(path)
    old = tmp_path / OLD_BACKUP
    assert damaged_alone(old, tmp_path / "alone") or b"rewritten" in old.read_bytes()
    prepare_database(path, START)
    assert not old.with_name(OLD_BACKUP + "-journal").exists()
    assert not damaged_alone(old, tmp_path / "alone")
    assert planted_left(tmp_path) == []
    with closing(sqlite3.connect(old)) as db:  # rolled back first: the answers as they were
        rows = db.execute("SELECT DISTINCT observed FROM answer").fetchall()
    assert rows == [("Off",)]


def test_a_damaged_old_backup_is_left_and_does_not_stop_the_start(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    old = tmp_path / OLD_BACKUP
    old.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    prepare_database(path, START)  # no DatabaseError
    assert old.read_bytes().startswith(b"SQLite format 3\x00")
