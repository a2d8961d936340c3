"""Database problems as sentences, sorted the way that decides what Footprint may do.

Only real damage (SQLite's CORRUPT or NOTADB, a failed integrity check, a file that is not
SQLite at all) lets Footprint move a database aside. Everything else — another program
holding a lock, a disk error, a full disk, missing permission — is trouble of the moment:
Footprint refuses to start, says why, and keeps the file exactly as it was.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_FULL_CODES = frozenset({sqlite3.SQLITE_FULL})
_PERMISSION_CODES = frozenset(
    {sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH}
)
_OF_THE_MOMENT_CODES = frozenset(
    {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_NOMEM,
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_CANTOPEN,
    }
)
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_PERMISSION_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
_KEPT = "Nothing was changed and your data is still there; try again once that is sorted out."


class DatabaseError(Exception):
    """A problem with the database file that the worker needs to hear about, as a sentence."""

    retry_may_help = False  # whether a "Retry" button makes sense


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer Footprint; it is left alone."""


class DatabaseUnavailableError(DatabaseError):
    """Busy, unreadable, a disk error or a full disk: the file is kept, a retry may work."""

    retry_may_help = True


class ForeignDatabaseError(DatabaseError):
    """An SQLite file that another program made: never written to."""

    retry_may_help = True  # once the worker has moved it away


class MigrationFailedError(DatabaseError):
    """An upgrade that failed for a reason of Footprint's own; it was rolled back."""


def sqlite_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code for `error` (extended codes folded), if it has one."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(error: sqlite3.Error) -> bool:
    """True only when SQLite says the file itself is damaged or is not a database."""
    return sqlite_code(error) in _DAMAGE_CODES


def is_of_the_moment(error: sqlite3.Error) -> bool:
    """True when the file is fine but cannot be used right now (busy, full, disk error,
    permission): worth a sentence and a retry, never a move aside."""
    return sqlite_code(error) in _OF_THE_MOMENT_CODES


def trouble_of_the_moment(path: Path, error: BaseException) -> DatabaseUnavailableError | None:
    """The sentence for `error` if it is SQLite's trouble of the moment (raised directly or
    wrapped by SQLAlchemy, which keeps it as `orig`); None for anything else."""
    original = getattr(error, "orig", error)
    if isinstance(original, sqlite3.Error) and is_of_the_moment(original):
        return unavailable(path, original)
    return None


def unavailable(path: Path, error: sqlite3.Error | OSError) -> DatabaseUnavailableError:
    """The sentence for a database that cannot be used right now."""
    return DatabaseUnavailableError(f"{_reason(path, error)} {_KEPT}")


def _reason(path: Path, error: sqlite3.Error | OSError) -> str:
    if isinstance(error, OSError):
        code, detail = error.errno, error.strerror or str(error)
        if code in _FULL_ERRNOS:
            return f"Footprint cannot write its database {path}: the disk is full ({detail})."
        if code in _PERMISSION_ERRNOS:
            return f"Footprint is not allowed to read or write its database {path} ({detail})."
        if code == errno.EIO:
            return f"The disk could not read or write Footprint's database {path} ({detail})."
        return f"Footprint could not open its database {path} ({detail})."
    code = sqlite_code(error)
    if code in _BUSY_CODES:
        return (
            f"Footprint's database {path} is in use by another program (it is locked). "
            "Close that program — or another Footprint — and try again."
        )
    if code in _FULL_CODES:
        return f"Footprint cannot write its database {path}: the disk is full ({error})."
    if code in _PERMISSION_CODES:
        return (
            f"Footprint is not allowed to read or write its database {path} (SQLite says: {error})."
        )
    if code == sqlite3.SQLITE_IOERR:
        return f"The disk could not read or write Footprint's database {path} ({error})."
    return f"Footprint could not open its database {path} (SQLite says: {error})."
