"""Removing the guessable hashes that friend-list reviews kept before revision 0004.

Before revision 0004 a friend-list review kept PBKDF2 hashes of the people marked, which a
list of names reverses in seconds. Migration 0004 deletes them (with secure_delete); the
copies taken before migrating, and free pages of the live file, must not keep them either.
Both clean-ups are marked in the file's header (PRAGMA user_version, which Footprint uses for
nothing else), so a kill at any moment leaves work the next start sees and finishes:
- the live database: the upgrade's own transaction sets VACUUM_PENDING; it is cleared only
  after the VACUUM that drops its free pages;
- a backup from before 0004: SCRUBBED is set in a scrubbed copy that then replaces it in one
  rename, so the backup itself is never half-written and never has a journal of ours.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from app.storage.crash_points import crash_point
from app.storage.database_files import (
    BACKUP,
    BUSY_TIMEOUT_S,
    COMPANIONS,
    PARTIAL,
    SQLITE_HEADER,
    remove_with_companions,
    table_names,
)
from app.storage.errors import is_damage, unavailable

log = logging.getLogger(__name__)
GUESSABLE_HASHES_UNTIL = "0004"
VACUUM_PENDING = 0x46505631  # "FPV1"
SCRUBBED = 0x46505331  # "FPS1"
SCRUBBING = ".scrubbing"  # a backup's scrubbed copy being made; ends in PARTIAL too
_USER_VERSION_AT = 60  # the header offset of user_version (4 bytes, big-endian)


def finish_vacuum(path: Path) -> None:
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


def scrub_old_backups(path: Path) -> None:
    """Remove the guessable hashes from every backup taken before 0004 that is not marked
    SCRUBBED yet (once the database itself has been upgraded: this runs after a successful
    start, every start, so a scrub a kill interrupted is finished by the next)."""
    for backup in path.parent.iterdir():
        name = backup.name
        if not name.startswith(path.name + BACKUP) or name.endswith((PARTIAL, *COMPANIONS)):
            continue
        revision = name.removeprefix(path.name + BACKUP).partition("-to-")[0]
        if revision < GUESSABLE_HASHES_UNTIL and not _scrubbed(backup):
            _scrub(backup)


def _scrubbed(backup: Path) -> bool:
    """Whether the backup's header carries SCRUBBED and nothing (a journal an older
    Footprint's interrupted scrub left) could still change it. Read without SQLite: a
    read-only connection cannot roll such a journal back, and must not be asked to."""
    if any(backup.with_name(backup.name + suffix).exists() for suffix in COMPANIONS):
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
    remove_with_companions(scrubbing)
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
        remove_with_companions(scrubbing)
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
    tables = table_names(copy)
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
