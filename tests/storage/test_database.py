from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from app.storage.database import current_revision, prepare_database
from app.storage.errors import DatabaseTooNewError
from app.storage.migration import MIGRATIONS
from app.storage.revision import SCHEMA_HEAD
from app.storage.store import Store
from tests.conftest import START

ROOT = Path(__file__).resolve().parents[2]


def script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_the_schema_head_constant_matches_the_migrations() -> None:
    assert script_directory().get_current_head() == SCHEMA_HEAD


def test_an_empty_home_gets_a_database_at_the_head_with_wal_and_owner_only(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    status = prepare_database(path, START)
    assert status.notice() is None and status.backup is None
    assert current_revision(path) == SCHEMA_HEAD
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"profile", "user_platform", "audit_run", "run_platform", "answer"} <= tables


@pytest.mark.parametrize(
    "revision", [r.revision for r in script_directory().walk_revisions()][::-1]
)
def test_every_earlier_schema_upgrades_with_a_backup_first(tmp_path, revision) -> None:
    """Build the database as each historical revision left it, then open it."""
    path = tmp_path / "footprint.db"
    if revision == SCHEMA_HEAD:
        prepare_database(path, START)
        assert prepare_database(path, START).backup is None
        return
    if revision not in HISTORICAL_FIXTURES:
        pytest.fail(f"add a fixture for historical revision {revision}")  # pragma: no cover
    build_at_revision(path, revision, stamp=revision >= STAMPED_FROM)
    HISTORICAL_FIXTURES[revision](path)
    status = prepare_database(path, START)
    assert current_revision(path) == SCHEMA_HEAD
    assert status.backup is not None and status.backup.exists()
    assert current_revision(status.backup) == revision  # the copy is the old file, untouched
    assert stat.S_IMODE(status.backup.stat().st_mode) == 0o600
    [run] = Store(path).history()
    answer = run.answers[("alpha", "a1")]
    assert answer.observed == "Off" and run.is_complete and run.platforms[0].completed_at


def build_at_revision(path: Path, revision: str, *, stamp: bool = True) -> None:
    """A database as Footprint left it when `revision` was the newest schema; `stamp` adds
    the application id that Footprint writes into every database it makes."""
    from alembic import command

    from app.storage.engines import write_engine
    from app.storage.revision import APPLICATION_ID

    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = write_engine(path)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()
    if stamp:
        with closing(sqlite3.connect(path)) as db:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    assert current_revision(path) == revision


def _fill_0001(path: Path) -> None:
    stamp = "2026-01-05T10:00:00.000000+00:00"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("INSERT INTO audit_run (id, started_at, completed_at) VALUES (1, ?, ?)",
                   (stamp, stamp))  # fmt: skip
        db.execute(
            "INSERT INTO run_platform (run_id, platform_id, position, completed_at, skipped)"
            " VALUES (1, 'alpha', 0, ?, 0)",
            (stamp,),
        )
        db.execute(
            "INSERT INTO answer (run_id, platform_id, item_id, status, source, observed, note,"
            " answered_at) VALUES (1, 'alpha', 'a1', 'safe', 'manual', 'Off', NULL, ?)",
            (stamp,),
        )


def _fill_0002(path: Path) -> None:
    """0002 added data-export imports and friend-list reviews (PBKDF2 hashes, deleted by 0004;
    tests/downloads/test_review_privacy.py checks that)."""
    _fill_0001(path)
    stamp = "2026-01-06T10:00:00.000000+00:00"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO connection_review (id, platform_id, reviewed_at, export_date,"
            " reviewed_count, marked_count, lists, salt, hash_iterations)"
            " VALUES (1, 'alpha', ?, ?, 3, 1, 'friend', ?, 2000)",
            (stamp, stamp, "ab" * 16),
        )
        db.execute("INSERT INTO marked_connection_hash (review_id, digest) VALUES (1, ?)",
                   ("cd" * 32,))  # fmt: skip


def _fill_0004(path: Path) -> None:
    """0004 kept reviews as counts with keyed hashes, and the worker's public addresses."""
    _fill_0001(path)
    stamp = "2026-01-07T10:00:00.000000+00:00"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO connection_review (id, platform_id, reviewed_at, export_date,"
            " reviewed_count, marked_count, lists, removal_check)"
            " VALUES (1, 'alpha', ?, ?, 3, 1, 'friend', 'by_hand')",
            (stamp, stamp),
        )
        db.execute("INSERT INTO public_address VALUES ('x', 'https://x.com/jo_worker')")


def _fill_0005(path: Path) -> None:
    """0005 added the stranger's-view findings."""
    _fill_0004(path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO outside_finding (platform_id, topic, verdict, reason, seen_at, caveat)"
            " VALUES ('x', 'posts', 'no', 'the account is private', ?, '')",
            ("2026-01-08T10:00:00.000000+00:00",),
        )


def _fill_0006(path: Path) -> None:
    """0006 added the watch: a watched platform's schedule after one look."""
    _fill_0005(path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO watch_platform (platform_id, next_look_at, last_look_at, last_outcome,"
            " failures) VALUES ('x', ?, ?, 'seen', 0)",
            ("2026-01-15T10:00:00.000000+00:00", "2026-01-08T10:00:00.000000+00:00"),
        )


def _fill_0007(path: Path) -> None:
    """0007 added the signed-in re-reads: a ticked platform and the status it read."""
    _fill_0006(path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO watch_signed_in (platform_id, chosen_at, next_look_at, failures)"
            " VALUES ('x', ?, ?, 0)",
            ("2026-01-08T10:00:00.000000+00:00", "2026-01-15T10:00:00.000000+00:00"),
        )
        db.execute(
            "INSERT INTO watch_reading (platform_id, item_id, status, read_at)"
            " VALUES ('x', 'x1', 'safe', ?)",
            ("2026-01-08T10:00:00.000000+00:00",),
        )


# 0003 (fixes, reports made, keyring records) left reviews as 0002 made them; 0008 added an
# index, and the tables are as 0007 made them.
HISTORICAL_FIXTURES = {
    "0001": _fill_0001, "0002": _fill_0002, "0003": _fill_0002, "0004": _fill_0004,
    "0005": _fill_0005, "0006": _fill_0006, "0007": _fill_0007, "0008": _fill_0007,
}  # fmt: skip


def test_a_look_watched_before_0007_counts_as_compared_and_rereads_start_unchosen(
    tmp_path,
) -> None:
    path = tmp_path / "footprint.db"
    build_at_revision(path, "0006")
    _fill_0006(path)
    prepare_database(path, START)
    store = Store(path)
    [watch] = store.watched_platforms()
    assert watch.platform_id == "x" and watch.compared and watch.waiting_because == ""
    assert store.signed_in_watches() == [] and store.watch_readings("x") == {}


# Databases made from 0005 on carry the application id (see app/storage/revision.py).
STAMPED_FROM = "0005"


def test_a_file_that_is_not_sqlite_is_reported_and_moved_aside(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    path.write_text("these are not the bytes of a database")
    status = prepare_database(path, START)
    assert status.moved_aside == tmp_path / "footprint.db.damaged-20260302-090000"
    assert status.moved_aside.read_text() == "these are not the bytes of a database"
    assert "could not be read (it is not an SQLite database)" in (status.notice() or "")
    assert current_revision(path) == SCHEMA_HEAD  # a new, empty database beside it


def test_a_database_failing_the_integrity_check_is_kept_not_replaced(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode = DELETE")  # every page in the file itself
        db.execute("INSERT INTO audit_run (id, started_at) VALUES (1, '2026-01-05T10:00:00')")
        db.executemany(
            "INSERT INTO answer (run_id, platform_id, item_id, status, source, answered_at)"
            " VALUES (1, 'alpha', ?, 'safe', 'manual', '2026-01-05T10:00:00')",
            [(f"item {n} " * 6,) for n in range(800)],
        )
        db.commit()
    original = bytearray(path.read_bytes())
    page = 4096
    middle = page * (len(original) // page // 2)
    original[middle + 100 : middle + 400] = os.urandom(300)  # scribble over a page
    path.write_bytes(bytes(original))
    status = prepare_database(path, START)
    assert status.moved_aside is not None and status.moved_aside.read_bytes() == bytes(original)
    assert status.damage is not None


def test_a_database_from_a_newer_footprint_is_refused_and_left_alone(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version of Footprint"):
        prepare_database(path, START)
    assert path.read_bytes() == before


def test_an_answer_saved_before_a_crash_is_there_after_reopening(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    crash = textwrap.dedent(
        f"""
        import os
        from datetime import UTC, datetime
        from pathlib import Path
        from app.audit.answers import Answer, AnswerSource, AnswerStatus
        from app.storage.store import Store
        repository = Store(Path({str(path)!r}))
        run = repository.create_run(("alpha",), datetime(2026, 3, 2, tzinfo=UTC))
        repository.save_answer(run.id, Answer("alpha", "a1", AnswerStatus.NEEDS_ACTION,
            AnswerSource.MANUAL, datetime(2026, 3, 2, 9, 5, tzinfo=UTC), None, "note"))
        os._exit(9)  # no clean shutdown: the process dies right after the answer
        """
    )
    result = subprocess.run([sys.executable, "-c", crash], cwd=ROOT, check=False)
    assert result.returncode == 9
    prepare_database(path, START)
    [run] = Store(path).history()
    answer = run.answers[("alpha", "a1")]
    assert answer.note == "note" and answer.status.value == "needs_action"
