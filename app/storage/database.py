"""Opening the database safely, at start-up, before anything reads or writes it.

- Only real damage moves a file aside (see `errors.py`); a busy, unreadable or full database
  is refused with a sentence and kept exactly as it was.
- A file that is SQLite but not Footprint's (no application id of ours, tables of its own)
  is refused and never written to. Footprint's databases from before the application id are
  recognised by their tables and stamped.
- A new database is made under another name and moved into place only when complete; an
  upgrade runs in one transaction, after a backup. A kill at any moment leaves either the
  old database or the new one, and the next start completes the work.
- One process at a time prepares a database (a start-up lock beside it).

Start-up is kept light: the checks use the standard library, and Alembic and the ORM are
imported only when a migration or a write actually needs them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.file_lock import FileLock
from app.paths import HOME_ENV
from app.resources import shipped
from app.storage import damage_notice
from app.storage.crash_points import crash_after_statements, crash_point
from app.storage.damage_notice import DamageRecord, pending_damage, record_damage
from app.storage.errors import (
    DatabaseError,
    DatabaseTooNewError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    MigrationFailedError,
    is_damage,
    is_of_the_moment,
    unavailable,
)
from app.storage.reads import sqlite_uri
from app.storage.revision import APPLICATION_ID, LEGACY_TABLES, SCHEMA_HEAD

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = shipped().migrations
BUSY_TIMEOUT_S = 5.0  # how long to wait for another process's lock before saying "in use"
STARTUP_WAIT_S = 60.0  # how long to wait while another process upgrades the same database
CREATING = ".creating"  # a new database being made, moved into place when complete
PARTIAL = ".partial"  # a backup being written
_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class DatabaseStatus:
    """What preparing the database found and did."""

    path: Path
    moved_aside: Path | None = None  # a damaged file found now, kept under this name
    damage: str | None = None
    backup: Path | None = None  # the copy taken before migrating
    damage_records: tuple[DamageRecord, ...] = ()  # damage not yet acknowledged, any process

    def notice(self) -> str | None:
        """The sentence to show the worker, if a damaged database is not acknowledged yet."""
        if not self.damage_records:
            return None
        return "\n".join(record.sentence() for record in self.damage_records)


@dataclass(frozen=True)
class _Found:
    kind: str  # "missing", "blank" (nothing in it to keep), "ours" or "damaged"
    revision: str | None = None
    stamped: bool = False
    damage: str | None = None
    vacuum_pending: bool = False  # an upgrade from before 0004 has not dropped free pages yet


def prepare_database(path: Path, now: datetime) -> DatabaseStatus:
    """Make `path` a healthy database at the current schema, or raise DatabaseError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(path.with_name(path.stem + ".startup-lock"))
        locked = lock.acquire(STARTUP_WAIT_S)
    except OSError as error:
        raise unavailable(path, error) from None
    if not locked:
        raise DatabaseUnavailableError(
            f"Another Footprint is still opening or upgrading the database {path}. "
            "Try again in a moment."
        )
    with lock:
        return _prepare(path, now)


def _prepare(path: Path, now: datetime) -> DatabaseStatus:
    _remove_leftovers(path)
    found = _inspect(path)
    moved_aside = None
    if found.kind == "damaged":
        moved_aside = _move_aside(path, found.damage or "", now)
    backup = None
    vacuum = found.vacuum_pending
    if found.kind in ("missing", "blank", "damaged"):
        _create(path)
    elif found.revision is not None and found.revision != SCHEMA_HEAD:
        backup = _upgrade(path, found.revision, now)
        vacuum = vacuum or found.revision < _GUESSABLE_HASHES_UNTIL
    elif not found.stamped:
        _stamp_application_id(path)
    # Both also complete a clean-up that a kill interrupted (see VACUUM_PENDING, SCRUBBED).
    if vacuum:
        _finish_vacuum(path)
    _scrub_old_backups(path)
    return DatabaseStatus(path, moved_aside, found.damage, backup, pending_damage(path))


def acknowledge_damage(path: Path) -> None:
    """The worker has read the damage notice for the database at `path`."""
    damage_notice.acknowledge_damage(path)


def current_revision(path: Path) -> str | None:
    """The schema revision recorded in the database (None if there is none)."""
    with closing(sqlite3.connect(sqlite_uri(path), uri=True)) as connection:
        return _revision(connection)


# -- what is there -------------------------------------------------------------------------------
def _inspect(path: Path) -> _Found:
    try:
        info = path.stat()
    except FileNotFoundError:
        return _Found("missing")
    except OSError as error:
        raise unavailable(path, error) from None
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseUnavailableError(
            f"{path} is not a file (it is a folder or a device), so Footprint cannot keep its "
            "database there. Move it away and start Footprint again."
        )
    if info.st_size == 0:
        return _Found("blank")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise unavailable(path, error) from None
    if header != SQLITE_HEADER:
        return _Found("damaged", damage="it is not an SQLite database")
    try:
        with _read_only(path) as connection:
            return _identify(path, connection)
    except sqlite3.Error as error:
        if is_damage(error):
            return _Found("damaged", damage=f"SQLite says: {error}")
        raise unavailable(path, error) from None


def _identify(path: Path, db: sqlite3.Connection) -> _Found:
    """Footprint's (and at which revision), nothing worth keeping, or somebody else's."""
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = _table_names(db)
    if application_id not in (0, APPLICATION_ID):
        raise _foreign(path)
    revision = _revision(db) if "alembic_version" in tables else None
    if application_id == 0:
        if not tables:
            return _Found("blank")
        if not tables <= LEGACY_TABLES or "alembic_version" not in tables:
            raise _foreign(path)
        if revision is None:
            if any(_has_rows(db, table) for table in tables):
                raise _foreign(path)
            return _Found("blank")  # an older Footprint was killed during its first start
    elif revision is None:
        raise DatabaseError(
            f"Footprint's database {path} has no record of its schema, so Footprint cannot "
            f"tell how to open it. It was left as it was; details are in footprint.log."
        )
    problems = db.execute("PRAGMA integrity_check").fetchall()
    if problems != [("ok",)]:
        found = "; ".join(str(row[0]) for row in problems[:3])
        return _Found("damaged", damage=f"the integrity check failed: {found}")
    pending = db.execute("PRAGMA user_version").fetchone()[0] == VACUUM_PENDING
    return _Found("ours", revision, application_id == APPLICATION_ID, vacuum_pending=pending)


def _foreign(path: Path) -> ForeignDatabaseError:
    return ForeignDatabaseError(
        f"{path} is an SQLite database not made by Footprint, so Footprint leaves it alone. "
        f"Move it somewhere else (or point {HOME_ENV} at another folder) and start again."
    )


def _table_names(db: sqlite3.Connection) -> set[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return {row[0] for row in rows}


def _has_rows(db: sqlite3.Connection, table: str) -> bool:
    quoted = '"' + table.replace('"', '""') + '"'
    return db.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone() is not None


def _revision(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """Looks without writing: a foreign file must stay byte for byte as it was."""
    connection = sqlite3.connect(sqlite_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        yield connection
    finally:
        connection.close()


# -- damage ----------------------------------------------------------------------------------
def _move_aside(path: Path, damage: str, now: datetime) -> Path:
    target = _unused(path.with_name(f"{path.name}.damaged-{_timestamp(now)}"))
    try:
        # The record first: a kill between the two leaves a record whose file does not exist,
        # which is not shown, and the next start finds the damage again.
        record_damage(path, target, damage, now)
        path.rename(target)
        for suffix in _COMPANIONS:
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as error:
        raise unavailable(path, error) from None
    log.error("database %s damaged (%s); moved to %s", path, damage, target)
    return target


def _unused(path: Path) -> Path:
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


# -- creating and upgrading ----------------------------------------------------------------------
def _create(path: Path) -> None:
    """A new database, made beside the real name and moved there in one step when complete."""
    creating = path.with_name(path.name + CREATING)
    _remove_with_companions(creating)
    try:
        os.close(os.open(creating, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        _migrate(creating, None, shown=path)
        crash_point("before-swap")
        for suffix in _COMPANIONS:  # an old -wal must never be replayed into the new file
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(creating, path)
    except (OSError, sqlite3.Error) as error:
        _remove_with_companions(creating)
        raise unavailable(path, error) from None
    except BaseException:
        _remove_with_companions(creating)
        raise
    log.info("database %s created at %s", path, SCHEMA_HEAD)


def _upgrade(path: Path, revision: str, now: datetime) -> Path:
    _require_known(path, revision)
    backup = _backup(path, revision, now)
    _migrate(path, revision)
    log.info("database %s migrated from %s to %s", path, revision, SCHEMA_HEAD)
    crash_point("before-scrub")
    return backup


# Before revision 0004 a friend-list review kept PBKDF2 hashes of the people marked, which a
# list of names reverses in seconds. Migration 0004 deletes them (with secure_delete); the
# copies taken before migrating, and free pages of the live file, must not keep them either.
# Both clean-ups are marked in the file's header (PRAGMA user_version, which Footprint uses
# for nothing else), so a kill at any moment leaves work the next start sees and finishes:
# - the live database: the upgrade's own transaction sets VACUUM_PENDING; it is cleared only
#   after the VACUUM that drops its free pages;
# - a backup from before 0004: SCRUBBED is set in a scrubbed copy that then replaces it in
#   one rename, so the backup itself is never half-written and never has a journal of ours.
_GUESSABLE_HASHES_UNTIL = "0004"
_BACKUP = ".before-"
VACUUM_PENDING = 0x46505631  # "FPV1"
SCRUBBED = 0x46505331  # "FPS1"
SCRUBBING = ".scrubbing"  # a backup's scrubbed copy being made; ends in PARTIAL too
_USER_VERSION_AT = 60  # the header offset of user_version (4 bytes, big-endian)


def _finish_vacuum(path: Path) -> None:
    """VACUUM the live database if an upgrade from before 0004 has not done it yet."""
    try:
        with closing(sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)) as db:
            if db.execute("PRAGMA user_version").fetchone()[0] != VACUUM_PENDING:
                return
            crash_point("before-vacuum")
            db.execute("VACUUM")
            db.execute("PRAGMA user_version = 0")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as error:
        raise unavailable(path, error) from None
    log.info("free pages of %s dropped after the upgrade", path)


def _scrub_old_backups(path: Path) -> None:
    """Remove the guessable hashes from every backup taken before 0004 that is not marked
    SCRUBBED yet (once the database itself has been upgraded: this runs after a successful
    start, every start, so a scrub a kill interrupted is finished by the next)."""
    for backup in path.parent.iterdir():
        name = backup.name
        if not name.startswith(path.name + _BACKUP) or name.endswith((PARTIAL, *_COMPANIONS)):
            continue
        revision = name.removeprefix(path.name + _BACKUP).partition("-to-")[0]
        if revision < _GUESSABLE_HASHES_UNTIL and not _scrubbed(backup):
            _scrub(backup)


def _scrubbed(backup: Path) -> bool:
    """Whether the backup's header carries SCRUBBED and nothing (a journal an older
    Footprint's interrupted scrub left) could still change it. Read without SQLite: a
    read-only connection cannot roll such a journal back, and must not be asked to."""
    if any(backup.with_name(backup.name + suffix).exists() for suffix in _COMPANIONS):
        return False
    try:
        with backup.open("rb") as handle:
            header = handle.read(_USER_VERSION_AT + 4)
    except OSError as error:
        raise unavailable(backup, error) from None
    if len(header) < _USER_VERSION_AT + 4 or not header.startswith(SQLITE_HEADER):
        return False
    return int.from_bytes(header[_USER_VERSION_AT:], "big") == SCRUBBED


def _scrub(backup: Path) -> None:
    """Replace `backup` with a copy without the old hashes, salts and free pages, marked
    SCRUBBED, in one rename. Idempotent: a backup with nothing to remove is only marked."""
    scrubbing = backup.with_name(backup.name + SCRUBBING + PARTIAL)
    _remove_with_companions(scrubbing)
    try:
        os.close(os.open(scrubbing, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        # Opened for writing so that SQLite rolls back a journal an interrupted older scrub
        # left (the backup is then whole again) before the pages are copied.
        with (
            closing(sqlite3.connect(backup, timeout=BUSY_TIMEOUT_S)) as source,
            closing(sqlite3.connect(scrubbing, isolation_level=None)) as copy,
        ):
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            source.backup(copy)
            crash_point("scrub-copied")
            _remove_guessable_hashes(copy)
        crash_point("scrub-done")
        os.replace(scrubbing, backup)
    except (OSError, sqlite3.Error) as error:
        _remove_with_companions(scrubbing)
        if isinstance(error, sqlite3.Error) and is_damage(error):
            # Not a database any more (damaged by something else): nothing to copy from, and
            # no reason to keep Footprint from starting. Left as it is, and said in the log.
            log.warning("could not scrub the damaged backup %s: %s", backup, error)
            return
        raise unavailable(backup, error) from None
    log.info("old hashes removed from the backup %s", backup)


def _remove_guessable_hashes(copy: sqlite3.Connection) -> None:
    """Delete the hashes and salts (zeroed: secure_delete), mark the copy SCRUBBED, and
    VACUUM it so that no free page keeps an older deleted hash."""
    copy.execute("PRAGMA journal_mode = DELETE")
    copy.execute("PRAGMA secure_delete = ON")
    tables = _table_names(copy)
    copy.execute("BEGIN IMMEDIATE")
    if "marked_connection_hash" in tables:  # revision 0002 made it
        copy.execute("DELETE FROM marked_connection_hash")
    if "connection_review" in tables:
        columns = {row[1] for row in copy.execute("PRAGMA table_info(connection_review)")}
        if "salt" in columns:
            copy.execute("UPDATE connection_review SET salt = NULL")
    copy.execute(f"PRAGMA user_version = {SCRUBBED}")
    copy.execute("COMMIT")
    copy.execute("VACUUM")


def _require_known(path: Path, revision: str) -> None:
    """Refuse a newer Footprint's database before anything (even a backup) is written."""
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(_alembic_config()).get_revision(revision)
    except Exception:
        raise DatabaseTooNewError(
            f"The database {path} was written by a newer version of Footprint "
            f"(schema {revision}). Install the newer version to open it."
        ) from None


def _backup(path: Path, revision: str, now: datetime) -> Path:
    """A copy of the database before it is upgraded: one per upgrade, not one per attempt."""
    prefix = f"{path.name}.before-{revision}-to-{SCHEMA_HEAD}-"
    earlier = sorted(
        p
        for p in path.parent.iterdir()
        if p.name.startswith(prefix) and not p.name.endswith((PARTIAL, *_COMPANIONS))
    )
    if earlier and _same_content(earlier[-1], path):
        return earlier[-1]  # an earlier attempt that did not finish already made this copy
    target = _unused(path.with_name(prefix + _timestamp(now)))
    partial = target.with_name(target.name + PARTIAL)
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        # sqlite3's backup copies a consistent snapshot, WAL included. The copy is one
        # self-contained file (no -wal beside it), which is what a worker would copy away.
        with _read_only(path) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        crash_point("backup")
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        _remove_with_companions(partial)
        raise unavailable(path, error) from None
    return target


def _same_content(first: Path, second: Path) -> bool:
    try:
        return _content_digest(first) == _content_digest(second)
    except sqlite3.Error:
        return False


def _content_digest(path: Path) -> bytes:
    digest = hashlib.sha256()
    with _read_only(path) as connection:
        for statement in connection.iterdump():
            digest.update(statement.encode("utf-8", "surrogatepass") + b"\n")
    return digest.digest()


def _migrate(path: Path, revision: str | None, *, shown: Path | None = None) -> None:
    """Upgrade to the head in ONE transaction: every table and the revision, or nothing.

    `shown` is the name the worker knows the database by (a new one is made elsewhere)."""
    shown = shown or path
    from alembic import command
    from sqlalchemy.exc import DBAPIError

    engine = _migration_engine(path)
    crash_after_statements(engine)
    try:
        with engine.begin() as connection:
            _drop_half_made_tables(shown, connection, revision)
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            if revision is not None and revision < _GUESSABLE_HASHES_UNTIL:
                connection.exec_driver_sql(f"PRAGMA user_version = {VACUUM_PENDING}")
            if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise MigrationFailedError(
                    f"Upgrading the database {shown} would break links between its records, "
                    "so it was left as it was. Details are in footprint.log."
                )
    except DBAPIError as error:
        original = error.orig
        if isinstance(original, sqlite3.Error) and is_of_the_moment(original):
            raise unavailable(shown, original) from None
        log.exception("migrating %s from %s failed", path, revision)
        raise _migration_failed(shown) from None
    except DatabaseError:
        raise
    except Exception:
        log.exception("migrating %s from %s failed", path, revision)
        raise _migration_failed(shown) from None
    finally:
        engine.dispose()


def _migration_failed(path: Path) -> MigrationFailedError:
    return MigrationFailedError(
        f"Footprint could not upgrade its database {path}. It was left exactly as it was "
        "(a copy was also saved beside it). Details are in footprint.log."
    )


def _drop_half_made_tables(path: Path, connection: Any, revision: str | None) -> None:
    """Older Footprints ran each CREATE TABLE on its own, so a kill during an upgrade could
    leave the next revision's tables without its revision. They are empty: drop them here,
    inside the upgrade's transaction, and let the upgrade make them again."""
    if revision is None:
        return
    rows = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    present = {row[0] for row in rows}
    extra = present - _tables_at(revision)
    if not extra:
        return
    from app.storage.tables import metadata

    ours = LEGACY_TABLES | set(metadata.tables)
    for table in sorted(extra):
        quoted = '"' + table.replace('"', '""') + '"'
        has_rows = connection.exec_driver_sql(f"SELECT 1 FROM {quoted} LIMIT 1").first()
        if table not in ours or has_rows is not None:
            raise MigrationFailedError(
                f"The database {path} holds a table Footprint does not expect ({table}), so "
                "it was left as it was. Details are in footprint.log."
            )
        log.warning("dropping table %s left half-made by an interrupted upgrade", table)
        connection.exec_driver_sql(f"DROP TABLE {quoted}")


def _tables_at(revision: str) -> set[str]:
    """The tables a database has at `revision`: migrate an empty one in memory and look."""
    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            rows = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            return {row[0] for row in rows}
    finally:
        engine.dispose()


def _stamp_application_id(path: Path) -> None:
    """Mark a database from before the application id as Footprint's."""
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)) as connection:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.Error as error:
        raise unavailable(path, error) from None


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _migration_engine(path: Path) -> Any:
    """An engine whose transactions really include DDL.

    pysqlite opens a transaction only before INSERT/UPDATE/DELETE, so CREATE TABLE would run
    on its own and a kill could leave tables without their revision. Here the driver starts
    nothing itself and every transaction begins with BEGIN IMMEDIATE (SQLAlchemy's recipe
    for SQLite's transactional DDL)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(path, timeout=BUSY_TIMEOUT_S),
        poolclass=NullPool,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode = WAL")
        # Off while the schema changes: SQLite alters a table by copying it, and dropping the
        # old copy must not cascade into other tables. Checked before the commit instead.
        dbapi_connection.execute("PRAGMA foreign_keys = OFF")

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


# -- tidying up ----------------------------------------------------------------------------------
def _remove_leftovers(path: Path) -> None:
    """Half-made files of a start that was killed (only one process prepares at a time)."""
    _remove_with_companions(path.with_name(path.name + CREATING))
    for leftover in path.parent.iterdir():
        if leftover.name.startswith(path.name) and leftover.name.endswith(PARTIAL):
            _remove_with_companions(leftover)


def _remove_with_companions(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in _COMPANIONS)):
        try:
            candidate.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not remove %s: %s", candidate, error)


def _timestamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def create_engine_for(path: Path):  # type: ignore[no-untyped-def]
    """An SQLAlchemy engine with foreign keys and WAL on every connection."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    # A creator, not a "sqlite:///path" URL: '#', '?' or '%' in the path would be read as
    # parts of the URL, and SQLite would open or create a different file.
    # No pool: each transaction opens and closes its own connection, so nothing holds the file
    # open between writes (Windows cannot delete or replace a file that is open).
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(path), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # Deleted rows (hashes of people whose removal was confirmed) are overwritten with
        # zeros, not left readable in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    return engine
