"""Start-up faults: only real damage moves a database aside; everything else keeps it.

A busy, unreadable or full database is refused with a sentence and left exactly as it was;
a file that is SQLite but not Footprint's is refused and never written to; a damaged one is
moved aside and the notice stays until the worker acknowledges it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from app.storage import database
from app.storage.database import acknowledge_damage, current_revision, prepare_database
from app.storage.errors import (
    DatabaseTooNewError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    is_damage,
    unavailable,
)
from app.storage.revision import APPLICATION_ID, SCHEMA_HEAD
from app.storage.store import Store
from tests.conftest import START
from tests.storage.test_database import build_at_revision

ROOT = Path(__file__).resolve().parents[2]

HOLD_EXCLUSIVE = textwrap.dedent(
    """
    import sqlite3, sys
    db = sqlite3.connect(sys.argv[1])
    db.execute("PRAGMA locking_mode = EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


@contextmanager
def locked_by_another_process(path: Path) -> Iterator[Callable[[], None]]:
    """Another program holds an EXCLUSIVE lock on `path` until the block ends, or until the
    function it yields is called."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_EXCLUSIVE, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None

    def release() -> None:
        if not holder.stdin.closed:
            holder.stdin.close()
        holder.wait(timeout=60)

    try:
        assert holder.stdout.readline().strip() == "locked"  # waits until the lock is held
        yield release
    finally:
        release()
        holder.stdout.close()


def files_in(folder: Path) -> set[str]:
    """The names in `folder`, without SQLite's -wal/-shm companions (they come and go) and
    Footprint's lock files."""
    return {p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm", "-lock"))}


def database_with_a_run(path: Path) -> Store:
    prepare_database(path, START)
    store = Store(path)
    store.create_run(("alpha",), START)
    store.close()
    return store


@pytest.fixture
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)


# -- busy, unreadable, full: refuse and keep ---------------------------------------------------
def test_a_database_locked_by_another_program_is_refused_and_kept(
    tmp_path, short_busy_wait
) -> None:
    path = tmp_path / "footprint.db"
    database_with_a_run(path)
    before = files_in(tmp_path)
    with locked_by_another_process(path):
        with pytest.raises(DatabaseUnavailableError, match="in use by another program") as raised:
            prepare_database(path, START)
    assert raised.value.retry_may_help
    assert files_in(tmp_path) == before  # nothing renamed, no new database beside it
    assert len(Store(path).history()) == 1


def test_due_on_a_locked_database_exits_2_with_a_sentence_and_keeps_it(
    data_home, short_busy_wait, capsys
) -> None:
    from app.cli import main

    data_home.ensure()
    database_with_a_run(data_home.database)
    before = files_in(data_home.root)
    with locked_by_another_process(data_home.database):
        assert main(["due"]) == 2
    err = capsys.readouterr().err
    assert "in use by another program" in err and "Traceback" not in err
    assert files_in(data_home.root) - {"footprint.log"} == before
    assert len(Store(data_home.database).history()) == 1


def test_a_folder_where_the_database_should_be_is_refused_not_moved(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    path.mkdir()
    with pytest.raises(DatabaseUnavailableError, match="is not a file"):
        prepare_database(path, START)
    assert files_in(tmp_path) == {"footprint.db"} and path.is_dir()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root reads any file; POSIX modes only"
)
def test_a_database_without_read_permission_is_refused_not_moved(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    database_with_a_run(path)
    path.chmod(0)
    try:
        with pytest.raises(DatabaseUnavailableError, match="not allowed"):
            prepare_database(path, START)
        assert files_in(tmp_path) == {"footprint.db"}
    finally:
        path.chmod(0o600)


FILL_THE_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from app.storage.database import prepare_database
    from app.storage.errors import DatabaseError
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        prepare_database(Path(sys.argv[1]), datetime(2026, 3, 2, tzinfo=UTC))
    except DatabaseError as error:
        print(error)
        sys.exit(2)
    """
)


def run_with_a_full_disk(path: Path, limit: int) -> subprocess.CompletedProcess[str]:
    # No bytecode written under the file-size limit: Python keeps a .pyc cut short at the
    # limit, and the shared bytecode cache (tests/conftest.py) would hand it to every later
    # subprocess ("EOFError: marshal data too short").
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-c", FILL_THE_DISK, str(path), str(limit)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(os.name != "posix", reason="a file-size limit stands in for a full disk")
def test_a_full_disk_at_first_start_leaves_no_empty_database(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    result = run_with_a_full_disk(path, 4096)
    assert result.returncode == 2, result.stderr
    assert "disk" in result.stdout and "Traceback" not in result.stderr
    assert files_in(tmp_path) == set()  # no 0-byte footprint.db, no half-made copy
    prepare_database(path, START)  # with space again, the next start completes
    assert current_revision(path) == SCHEMA_HEAD


@pytest.mark.skipif(os.name != "posix", reason="a file-size limit stands in for a full disk")
def test_a_full_disk_before_an_upgrade_keeps_the_old_database_untouched(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    build_at_revision(path, "0001")
    with closing(sqlite3.connect(path)) as db, db:
        db.executemany(
            "INSERT INTO audit_run (started_at) VALUES (?)", [("2026-01-05T10:00:00",)] * 2000
        )
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    result = run_with_a_full_disk(path, len(before) // 2)  # no room for the backup
    assert result.returncode == 2, result.stderr
    assert "disk" in result.stdout and "Traceback" not in result.stderr
    assert path.read_bytes() == before and files_in(tmp_path) == {"footprint.db"}
    assert prepare_database(path, START).backup is not None  # with space, it upgrades


def test_sqlite_errors_are_sorted_into_damage_and_temporary_trouble(tmp_path) -> None:
    def error(code: int, message: str) -> sqlite3.Error:
        found = sqlite3.OperationalError(message)
        found.sqlite_errorcode = code  # type: ignore[attr-defined]
        return found

    assert is_damage(error(sqlite3.SQLITE_CORRUPT, "database disk image is malformed"))
    assert is_damage(error(sqlite3.SQLITE_NOTADB, "file is not a database"))
    for code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL,
                 sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, 10 | (3 << 8)):  # fmt: skip
        assert not is_damage(error(code, "trouble"))
    path = tmp_path / "footprint.db"
    assert "disk is full" in str(unavailable(path, error(sqlite3.SQLITE_FULL, "full")))
    assert "could not read or write" in str(unavailable(path, error(sqlite3.SQLITE_IOERR, "io")))
    assert "not allowed" in str(unavailable(path, PermissionError(13, "Permission denied")))
    assert "disk is full" in str(unavailable(path, OSError(28, "No space left on device")))


# -- real damage: moved aside, and the notice stays until acknowledged ---------------------------
def test_the_damage_notice_stays_until_the_worker_acknowledges_it(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    path.write_text("these are not the bytes of a database")
    found = prepare_database(path, START)
    assert found.moved_aside is not None and "could not be read" in (found.notice() or "")
    later = prepare_database(path, START)  # another process, later: a cron `footprint due`
    assert later.moved_aside is None
    assert str(found.moved_aside) in (later.notice() or "")
    acknowledge_damage(path)
    assert prepare_database(path, START).notice() is None
    assert found.moved_aside.read_text() == "these are not the bytes of a database"


def test_due_exits_2_while_a_damage_notice_is_unacknowledged(data_home, capsys) -> None:
    from app.cli import main

    data_home.root.mkdir(parents=True)
    data_home.database.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    assert main(["due"]) == 2
    assert "could not be read" in capsys.readouterr().err
    assert main(["due"]) == 2  # a second run still says so
    assert "could not be read" in capsys.readouterr().err
    acknowledge_damage(data_home.database)
    assert main(["due"]) == 0


# -- somebody else's SQLite file: refused, never written to -------------------------------------
@pytest.mark.parametrize(
    "make",
    [
        "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');",
        "CREATE TABLE profile (name TEXT); INSERT INTO profile VALUES ('clash');",
        "PRAGMA application_id = 1234; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
        "PRAGMA application_id = 1234;",
    ],
    ids=["other tables", "a clashing table name", "another application id", "another app, empty"],
)
def test_an_sqlite_file_that_is_not_footprints_is_refused_and_left_alone(tmp_path, make) -> None:
    path = tmp_path / "footprint.db"
    with closing(sqlite3.connect(path)) as db:
        db.executescript(make)
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="not made by Footprint"):
        prepare_database(path, START)
    assert path.read_bytes() == before and files_in(tmp_path) == {"footprint.db"}


def test_a_new_database_carries_footprints_application_id(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def test_a_database_from_before_the_application_id_opens_and_is_stamped(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    # 0004 is the newest schema made before the id existed; later ones always carry it.
    build_at_revision(path, "0004", stamp=False)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (0,)
    prepare_database(path, START)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


# -- left by an older Footprint killed mid-migration: completed, not a crash --------------------
def test_tables_without_a_revision_from_a_killed_first_start_are_completed(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    build_at_revision(path, "0001", stamp=False)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DELETE FROM alembic_version")  # the tables were made, the revision never
    prepare_database(path, START)
    assert current_revision(path) == SCHEMA_HEAD


def test_half_made_tables_from_a_killed_upgrade_are_completed(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    build_at_revision(path, "0002", stamp=False)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("INSERT INTO audit_run (started_at) VALUES ('2026-01-05T10:00:00+00:00')")
        db.execute("UPDATE alembic_version SET version_num = '0001'")  # 0002's tables, empty
    status = prepare_database(path, START)
    assert current_revision(path) == SCHEMA_HEAD and status.backup is not None
    assert len(Store(path).history()) == 1


# -- a newer Footprint's database: refused, and at most one backup whatever the attempts --------
def test_a_newer_database_makes_no_backup_however_often_it_is_opened(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    for _ in range(3):
        with pytest.raises(DatabaseTooNewError):
            prepare_database(path, START)
    assert files_in(tmp_path) == {"footprint.db"}
