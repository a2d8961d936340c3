"""Read an export end to end: open, check names, detect, read the few members, parse.

Everything here is read-only and in memory; an error anywhere leaves nothing behind.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.exports.archive import ExportArchive, Monitor
from app.exports.detect import detect
from app.exports.findings import ExportFindings
from app.exports.platforms.base import Members, Parsed, PlatformReader

log = logging.getLogger(__name__)
EARLIEST = datetime(2006, 1, 1, tzinfo=UTC)
_ISO_DAY = re.compile(r"(?<!\d)(20\d\d)-(\d\d)-(\d\d)(?!\d)")
_US_DAY = re.compile(r"LinkedInDataExport_(\d\d)-(\d\d)-(20\d\d)", re.IGNORECASE)
_UNIX = re.compile(r"(?:TikTok_Data_|mydata~)(\d{10,13})(?!\d)", re.IGNORECASE)


def read_export(
    path: Path, now: datetime, *, expected: str | None = None, monitor: Monitor | None = None
) -> ExportFindings:
    """What the export at `path` (a ZIP or an unpacked folder) says; raises ExportError."""
    monitor = monitor or Monitor()
    with ExportArchive.open(path, monitor) as archive:
        reader = detect(archive.names(), expected)
        wanted = [e for e in archive.entries if any(p.search(e.name) for p in reader.wanted)]
        contents = archive.read_all(wanted, monitor)
        parsed = reader.parse(Members(contents))
        date, source = export_date(parsed, archive, now)
    log.info("read a %s export: %d files", reader.platform_id, len(contents))
    return _findings(reader, parsed, date, source, tuple(sorted(contents)))


def _findings(
    reader: PlatformReader, parsed: Parsed, date: datetime, source: str, files: tuple[str, ...]
) -> ExportFindings:
    return ExportFindings(
        platform_id=reader.platform_id,
        platform_name=reader.name,
        format=reader.format,
        export_date=date,
        export_date_source=source,
        observations=parsed.observations,
        switches=parsed.switches,
        notes=parsed.notes,
        files_read=files,
        connections=parsed.connections,
    )


def export_date(parsed: Parsed, archive: ExportArchive, now: datetime) -> tuple[datetime, str]:
    """When the export was made: its own record, else its file name, else its files' dates."""
    if _plausible(parsed.export_date, now):
        assert parsed.export_date is not None
        return parsed.export_date, parsed.export_date_source
    for name in (archive.source.name, *_top_folders(archive)):
        found = date_in_name(name)
        if _plausible(found, now):
            assert found is not None
            return found, "the export's file name"
    newest = archive.newest_modification()
    if _plausible(newest, now):
        assert newest is not None
        return newest, "the dates of the files in it"
    return now, "today (the export does not say when it was made)"


def _top_folders(archive: ExportArchive) -> list[str]:
    return sorted({e.name.split("/", 1)[0] for e in archive.entries if "/" in e.name})


def date_in_name(name: str) -> datetime | None:
    """The date platforms put in export names: 2026-10-01, LinkedIn's 10-01-2026, or a Unix
    time after TikTok_Data_ or mydata~."""
    try:
        if match := _US_DAY.search(name):
            month, day, year = (int(g) for g in match.groups())
            return datetime(year, month, day, tzinfo=UTC)
        if match := _ISO_DAY.search(name):
            year, month, day = (int(g) for g in match.groups())
            return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None
    if match := _UNIX.search(name):
        stamp = int(match.group(1))
        return datetime.fromtimestamp(stamp / 1000 if stamp > 1e11 else stamp, UTC)
    return None


def _plausible(moment: datetime | None, now: datetime) -> bool:
    return moment is not None and EARLIEST <= moment <= now + timedelta(days=1)
