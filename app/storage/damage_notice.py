"""The "your database was damaged" notice, kept in a small file until the worker has read it.

Whichever process finds the damage — the app, or a `footprint due` run by cron at night —
moves the file aside and records it here, beside the database. The app shows every record
until the worker acknowledges them; `due` reports them (exit 2) in the meantime.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)
NOTICE_SUFFIX = ".damage-notice"


@dataclass(frozen=True)
class DamageRecord:
    """A damaged database that was moved aside (None: the record itself was unreadable)."""

    moved_aside: Path | None
    damage: str
    found_at: datetime | None

    def sentence(self) -> str:
        """What the worker is told."""
        when = f" on {self.found_at:%d %b %Y at %H:%M}" if self.found_at else ""
        where = (
            f"It was kept as {self.moved_aside}" if self.moved_aside else "It was kept beside it"
        )
        return (
            f"Footprint's database could not be read ({self.damage}). {where} and a new, "
            f"empty database was started{when}. Your earlier audits are in that file; nothing "
            "was deleted."
        )


def notice_file(database: Path) -> Path:
    """Where the records for `database` are kept."""
    return database.with_name(database.name + NOTICE_SUFFIX)


def record_damage(database: Path, moved_aside: Path, damage: str, found_at: datetime) -> None:
    """Add a record, written whole (a new file replaces the old in one step), owner-only."""
    entries = _load(notice_file(database)) or []
    entries.append(
        {"moved_aside": str(moved_aside), "damage": damage, "found_at": found_at.isoformat()}
    )
    target = notice_file(database)
    partial = target.with_name(target.name + ".partial")
    descriptor = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(entries, handle)
    os.replace(partial, target)


def pending_damage(database: Path) -> tuple[DamageRecord, ...]:
    """Records not yet acknowledged whose damaged copy is still there (a record written just
    before a kill, for a move that never happened, is left out)."""
    path = notice_file(database)
    if not path.exists():
        return ()
    entries = _load(path)
    if entries is None:
        return (DamageRecord(None, "the details were unreadable", None),)
    records = []
    for entry in entries:
        try:
            moved = Path(entry["moved_aside"])
            found = datetime.fromisoformat(entry["found_at"])
            damage = str(entry["damage"])
        except (KeyError, TypeError, ValueError):
            records.append(DamageRecord(None, "the details were unreadable", None))
            continue
        if moved.exists():
            records.append(DamageRecord(moved, damage, found))
    return tuple(records)


def acknowledge_damage(database: Path) -> None:
    """The worker has read the notice: forget the records (the damaged copies stay)."""
    notice_file(database).unlink(missing_ok=True)


def _load(path: Path) -> list[dict[str, str]] | None:
    """The records in `path`; [] when there is none, None when it cannot be read."""
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as error:
        log.warning("damage notice %s unreadable: %s", path, error)
        return None
    if not isinstance(loaded, list):
        return None
    return [entry for entry in loaded if isinstance(entry, dict)]
