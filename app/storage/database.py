"""Opening the database safely: damage is reported and moved aside, migrations back up first.

Start-up is kept light: the revision is read with the standard library, and Alembic and the
ORM are imported only when a migration or a write actually needs them.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.resources import shipped
from app.storage.revision import SCHEMA_HEAD

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = shipped().migrations


class DatabaseError(Exception):
    """A problem with the database file that the worker needs to hear about, as a sentence."""


class DatabaseTooNewError(DatabaseError):
    pass


@dataclass(frozen=True)
class DatabaseStatus:
    path: Path
    moved_aside: Path | None = None  # a damaged file, kept under this name
    damage: str | None = None
    backup: Path | None = None  # the copy taken before migrating

    def notice(self) -> str | None:
        """The sentence to show the worker, if anything unusual happened."""
        if self.moved_aside is None:
            return None
        return (
            f"Footprint's database could not be read ({self.damage}). It was kept as "
            f"{self.moved_aside} and a new, empty database was started. "
            "Your earlier audits are in that file; nothing was deleted."
        )


def prepare_database(path: Path, now: datetime) -> DatabaseStatus:
    """Make `path` a healthy database at the current schema, or raise DatabaseError."""
    moved_aside, damage = None, None
    if path.exists():
        damage = find_damage(path)
        if damage is not None:
            moved_aside = _move_aside(path, now)
            log.error("database %s damaged (%s); moved to %s", path, damage, moved_aside)
    if not path.exists():
        _create_owner_only(path)
    backup = None
    revision = current_revision(path)
    if revision != SCHEMA_HEAD:
        if revision is not None:
            backup = _backup_before_migrating(path, revision, now)
        _migrate(path, revision)
    return DatabaseStatus(path, moved_aside, damage, backup)


def find_damage(path: Path) -> str | None:
    """Why the file is not a usable SQLite database, or None if it is."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        return f"cannot open it: {error.strerror}"
    if header == b"" and path.stat().st_size == 0:
        return None  # an empty file is a new database
    if header != SQLITE_HEADER:
        return "it is not an SQLite database"
    try:
        with _connect(path) as connection:
            result = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        return f"SQLite says: {error}"
    if result != [("ok",)]:
        return "the integrity check failed: " + "; ".join(str(r[0]) for r in result[:3])
    return None


def current_revision(path: Path) -> str | None:
    with _connect(path) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that is closed (not just committed) when the block ends."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        yield connection
        connection.commit()
    finally:
        connection.close()


def _create_owner_only(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    with _connect(path) as connection:
        connection.execute("PRAGMA journal_mode = WAL")


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _move_aside(path: Path, now: datetime) -> Path:
    target = path.with_name(f"{path.name}.damaged-{_stamp(now)}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(target.with_name(target.name + suffix))
    return target


def _backup_before_migrating(path: Path, revision: str, now: datetime) -> Path:
    target = path.with_name(f"{path.name}.before-{revision}-to-{SCHEMA_HEAD}-{_stamp(now)}")
    # sqlite3's backup copies a consistent snapshot, WAL included.
    with _connect(path) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    os.chmod(target, 0o600)
    return target


def _migrate(path: Path, revision: str | None) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if revision is not None:
        try:
            ScriptDirectory.from_config(config).get_revision(revision)
        except Exception:
            raise DatabaseTooNewError(
                f"The database {path} was written by a newer version of Footprint "
                f"(schema {revision}). Install the newer version to open it."
            ) from None
    engine = create_engine_for(path)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    engine.dispose()
    log.info("database %s migrated from %s to %s", path, revision, SCHEMA_HEAD)


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
        cursor.close()

    return engine
