"""SQLAlchemy engines over the database file: one for the writes, one for the migrations.

SQLAlchemy is imported inside the functions, on the first write or migration, never at an
ordinary start (reads use the standard library's sqlite3).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def write_engine(path: Path):  # type: ignore[no-untyped-def]
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


def migration_engine(path: Path, busy_timeout_s: float) -> Any:
    """An engine whose transactions really include DDL.

    pysqlite opens a transaction only before INSERT/UPDATE/DELETE, so CREATE TABLE would run
    on its own and a kill could leave tables without their revision. Here the driver starts
    nothing itself and every transaction begins with BEGIN IMMEDIATE (SQLAlchemy's recipe
    for SQLite's transactional DDL)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(path, timeout=busy_timeout_s),
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
