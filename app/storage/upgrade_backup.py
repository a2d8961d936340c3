"""The copy of the database taken before an upgrade: one per upgrade, not one per attempt."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from app.storage.crash_points import crash_point
from app.storage.database_files import (
    BACKUP,
    COMPANIONS,
    PARTIAL,
    read_only,
    remove_with_companions,
    timestamp,
    unused,
)
from app.storage.errors import unavailable
from app.storage.revision import SCHEMA_HEAD


def backup_before_upgrade(path: Path, revision: str, now: datetime) -> Path:
    """A copy of the database before it is upgraded: one per upgrade, not one per attempt."""
    prefix = f"{path.name}{BACKUP}{revision}-to-{SCHEMA_HEAD}-"
    earlier = sorted(
        p
        for p in path.parent.iterdir()
        if p.name.startswith(prefix) and not p.name.endswith((PARTIAL, *COMPANIONS))
    )
    if earlier and _same_content(earlier[-1], path):
        return earlier[-1]  # an earlier attempt that did not finish already made this copy
    target = unused(path.with_name(prefix + timestamp(now)))
    partial = target.with_name(target.name + PARTIAL)
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        # sqlite3's backup copies a consistent snapshot, WAL included. The copy is one
        # self-contained file (no -wal beside it), which is what a worker would copy away.
        with read_only(path) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        crash_point("backup")
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        remove_with_companions(partial)
        raise unavailable(path, error) from None
    return target


def _same_content(first: Path, second: Path) -> bool:
    try:
        return _content_digest(first) == _content_digest(second)
    except sqlite3.Error:
        return False


def _content_digest(path: Path) -> bytes:
    digest = hashlib.sha256()
    with read_only(path) as connection:
        for statement in connection.iterdump():
            digest.update(statement.encode("utf-8", "surrogatepass") + b"\n")
    return digest.digest()
