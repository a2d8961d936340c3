"""Read an export end to end: open, check names, detect, read the few members, parse.

Everything here is read-only and in memory; an error anywhere leaves nothing behind.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.downloads.archive import MAX_TOTAL_BYTES, ExportArchive, Monitor, too_large
from app.downloads.detect import detect
from app.downloads.download_errors import ArchiveTooLargeError, NothingUsableError, shown_name
from app.downloads.findings import ExportFindings
from app.downloads.platforms.base import MAX_PEOPLE, Members, Parsed, PlatformReader

log = logging.getLogger(__name__)
EARLIEST = datetime(2006, 1, 1, tzinfo=UTC)
_ISO_DAY = re.compile(r"(?<!\d)(20\d\d)-(\d\d)-(\d\d)(?!\d)")
_US_DAY = re.compile(r"LinkedInDataExport_(\d\d)-(\d\d)-(20\d\d)", re.IGNORECASE)
_UNIX = re.compile(r"(?:TikTok_Data_|mydata~)(\d{10,13})(?!\d)", re.IGNORECASE)


def read_export(
    path: Path, now: datetime, *, expected: str | None = None, monitor: Monitor | None = None
) -> ExportFindings:
    """What the export at `path` (a ZIP or an unpacked folder) says; raises ExportError.

    Members are read one at a time and dropped once parsed. A file that is read but not
    understood becomes a note in the findings; the archive is refused (BadArchiveError) only
    when it is damaged, unsafe, too large or of another platform.
    """
    monitor = monitor or Monitor()
    with ExportArchive.open(path, monitor) as archive:
        reader = detect(archive.names(), expected)
        wanted = [e for e in archive.entries if reader.is_wanted(e)]
        if not wanted:
            raise NothingUsableError(_nothing_wanted(reader))
        declared = sum(e.size for e in wanted)
        if declared > MAX_TOTAL_BYTES:
            raise ArchiveTooLargeError(too_large("The files Footprint needs", declared))
        monitor.start(declared)
        members = Members(archive, monitor)
        parsed = reader.parse(members)
        date, source = export_date(parsed, archive, now)
        notes = (*parsed.notes, *_file_notes(reader, archive, members))
    log.info("read a %s export: %d files", reader.platform_id, len(members.files_read))
    return ExportFindings(
        platform_id=reader.platform_id,
        platform_name=reader.name,
        format=reader.format,
        export_date=date,
        export_date_source=source,
        observations=parsed.observations,
        switches=parsed.switches,
        notes=notes,
        files_read=tuple(sorted(members.files_read)),
        connections=members.people.connections(),
        not_understood=tuple(members.not_understood),
        incomplete=frozenset(members.incomplete),
        labels=parsed.labels,
    )


def _nothing_wanted(reader: PlatformReader) -> str:
    return (
        f"This {reader.name} export holds none of the files Footprint reads (friends or "
        "followers lists, personal information, settings). If it came as several ZIP files, "
        "choose the one that holds them (or unpack them all into one folder and choose that); "
        f"otherwise request the export again from {reader.name} with those categories ticked. "
        "Nothing was imported."
    )


def _file_notes(reader: PlatformReader, archive: ExportArchive, members: Members) -> list[str]:
    """Lists cut short, files in folders Footprint reads that it does not know, and parts
    the platform marked as empty (no-data.txt)."""
    notes = []
    if members.people.full:
        notes.append(
            f"This export lists more than {MAX_PEOPLE:,} people; Footprint read the first "
            f"{MAX_PEOPLE:,} and stopped, so the counts are 'at least'."
        )
    unknown = reader.unknown_files(archive.names())
    if unknown:
        shown = ", ".join(shown_name(n) for n in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        notes.append(
            f"Not read: {shown}{more}. These files sit beside the lists Footprint reads but "
            f"are not ones it knows; if {reader.name} renamed a list, its people are missing "
            "from the counts."
        )
    empty = [
        f for f in archive.no_data_folders() if any(p.search(f + "/x") for p in reader.watched)
    ]
    if empty:
        notes.append(
            f"{reader.name} marked these parts as holding no data: "
            + ", ".join(shown_name(f) for f in empty[:5])
            + "."
        )
    return notes


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
