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

Start-up is kept light: the checks use the standard library, and Alembic and SQLAlchemy
are imported only when a migration or a write actually needs them.

This module decides what to do; the parts it uses live beside it: `database_files` (the
files beside the database), `upgrade_backup` (the copy taken before an upgrade), `migration`
and `engines` (running Alembic in one transaction), `old_hashes` (removing what revisions
before 0004 kept) and `damage_notice` (the record of a damaged file moved aside).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from contextlib import AbstractContextManager, closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.file_lock import FileLock
from app.paths import HOME_ENV
from app.storage import damage_notice
from app.storage.crash_points import crash_after_statements, crash_point
from app.storage.damage_notice import DamageRecord, pending_damage, record_damage
from app.storage.database_files import (
    BUSY_TIMEOUT_S,
    COMPANIONS,
    CREATING,
    PARTIAL,
    SQLITE_HEADER,
    read_only,
    remove_with_companions,
    table_names,
    timestamp,
    unused,
)
from app.storage.engines import migration_engine
from app.storage.errors import (
    DatabaseError,
    DatabaseUnavailableError,
    ForeignDatabaseError,
    MigrationFailedError,
    is_damage,
    is_of_the_moment,
    unavailable,
)
from app.storage.migration import alembic_config, drop_half_made_tables, require_known
from app.storage.old_hashes import (
    GUESSABLE_HASHES_UNTIL,
    VACUUM_PENDING,
    finish_vacuum,
    scrub_old_backups,
)
from app.storage.reads import sqlite_uri
from app.storage.revision import APPLICATION_ID, LEGACY_TABLES, SCHEMA_HEAD
from app.storage.upgrade_backup import backup_before_upgrade

log = logging.getLogger(__name__)
STARTUP_WAIT_S = 60.0  # how long to wait while another process upgrades the same database


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
        vacuum = vacuum or found.revision < GUESSABLE_HASHES_UNTIL
    elif not found.stamped:
        _stamp_application_id(path)
    # Both also complete a clean-up that a kill interrupted (see old_hashes).
    if vacuum:
        finish_vacuum(path)
    scrub_old_backups(path)
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
    tables = table_names(db)
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


def _has_rows(db: sqlite3.Connection, table: str) -> bool:
    quoted = '"' + table.replace('"', '""') + '"'
    return db.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone() is not None


def _revision(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


def _read_only(path: Path) -> AbstractContextManager[sqlite3.Connection]:
    """Looks without writing: a foreign file must stay byte for byte as it was."""
    return read_only(path, BUSY_TIMEOUT_S)


# -- damage ----------------------------------------------------------------------------------
def _move_aside(path: Path, damage: str, now: datetime) -> Path:
    target = unused(path.with_name(f"{path.name}.damaged-{timestamp(now)}"))
    try:
        # The record first: a kill between the two leaves a record whose file does not exist,
        # which is not shown, and the next start finds the damage again.
        record_damage(path, target, damage, now)
        path.rename(target)
        for suffix in COMPANIONS:
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as error:
        raise unavailable(path, error) from None
    log.error("database %s damaged (%s); moved to %s", path, damage, target)
    return target


# -- creating and upgrading ----------------------------------------------------------------------
def _create(path: Path) -> None:
    """A new database, made beside the real name and moved there in one step when complete."""
    creating = path.with_name(path.name + CREATING)
    remove_with_companions(creating)
    try:
        os.close(os.open(creating, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        _migrate(creating, None, shown=path)
        crash_point("before-swap")
        for suffix in COMPANIONS:  # an old -wal must never be replayed into the new file
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(creating, path)
    except (OSError, sqlite3.Error) as error:
        remove_with_companions(creating)
        raise unavailable(path, error) from None
    except BaseException:
        remove_with_companions(creating)
        raise
    log.info("database %s created at %s", path, SCHEMA_HEAD)


def _upgrade(path: Path, revision: str, now: datetime) -> Path:
    require_known(path, revision)
    backup = backup_before_upgrade(path, revision, now)
    _migrate(path, revision)
    log.info("database %s migrated from %s to %s", path, revision, SCHEMA_HEAD)
    crash_point("before-scrub")
    return backup


def _migrate(path: Path, revision: str | None, *, shown: Path | None = None) -> None:
    """Upgrade to the head in ONE transaction: every table and the revision, or nothing.

    `shown` is the name the worker knows the database by (a new one is made elsewhere)."""
    shown = shown or path
    from alembic import command
    from sqlalchemy.exc import DBAPIError

    engine = migration_engine(path, BUSY_TIMEOUT_S)
    crash_after_statements(engine)
    try:
        with engine.begin() as connection:
            drop_half_made_tables(shown, connection, revision)
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            if revision is not None and revision < GUESSABLE_HASHES_UNTIL:
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


def _stamp_application_id(path: Path) -> None:
    """Mark a database from before the application id as Footprint's."""
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)) as connection:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.Error as error:
        raise unavailable(path, error) from None


# -- tidying up ----------------------------------------------------------------------------------
def _remove_leftovers(path: Path) -> None:
    """Half-made files of a start that was killed (only one process prepares at a time)."""
    remove_with_companions(path.with_name(path.name + CREATING))
    for leftover in path.parent.iterdir():
        if leftover.name.startswith(path.name) and leftover.name.endswith(PARTIAL):
            remove_with_companions(leftover)
