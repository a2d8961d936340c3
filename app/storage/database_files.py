"""The database file and the files Footprint makes beside it: their names, and removing them.

Beside `footprint.db` there can be SQLite's companions (-wal, -shm, -journal), a new database
being made (.creating), a copy being written (.partial) and the copies taken before upgrades
(.before-…). Plain Python and the standard library: start-up uses all of this.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from app.storage.reads import sqlite_uri

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0  # how long to wait for another process's lock before saying "in use"
CREATING = ".creating"  # a new database being made, moved into place when complete
PARTIAL = ".partial"  # a backup being written
BACKUP = ".before-"  # a copy taken before an upgrade: <name>.before-<from>-to-<to>-<time>
COMPANIONS = ("-wal", "-shm", "-journal")


def remove_with_companions(path: Path) -> None:
    """Remove `path` and SQLite's files beside it; a file that cannot go is logged."""
    for candidate in (path, *(path.with_name(path.name + s) for s in COMPANIONS)):
        try:
            candidate.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not remove %s: %s", candidate, error)


def unused(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`… whichever does not exist yet."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def timestamp(now: datetime) -> str:
    """`now` as it appears in the names of damaged files and backups."""
    return now.strftime("%Y%m%d-%H%M%S")


def table_names(db: sqlite3.Connection) -> set[str]:
    """The tables in the database, SQLite's own left out."""
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return {row[0] for row in rows}


@contextmanager
def read_only(path: Path, timeout: float = BUSY_TIMEOUT_S) -> Iterator[sqlite3.Connection]:
    """Looks without writing (a foreign file must stay byte for byte as it was), waiting up
    to `timeout` seconds for another process's lock."""
    connection = sqlite3.connect(sqlite_uri(path), uri=True, timeout=timeout)
    try:
        yield connection
    finally:
        connection.close()
