"""A read-only view of an export, ZIP or unpacked folder, that never extracts anything.

Member names are checked before anything is read: a name that climbs out of the archive
('..', an absolute path, a drive letter) rejects the whole archive. Members are read in chunks
into memory with a hard cap on the bytes actually decompressed (not the size the ZIP header
claims), so a zip bomb stops at the cap. Nothing is written to disk.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from app.downloads.download_errors import (
    ArchiveTooLargeError,
    CorruptArchiveError,
    ImportCancelled,
    NothingUsableError,
    UnsafeArchiveError,
    shown_name,
)
from app.downloads.jsonstream import Data

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # far above any list or settings file of a real export
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_FOLDER_FILES = 250_000  # more than this is not an export folder (a whole drive, say)
MAX_ZIP_MEMBERS = MAX_FOLDER_FILES  # the same cap for the same export, zipped
CHUNK_BYTES = 256 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
# macOS re-zips add __MACOSX/ and ._name AppleDouble files (binary) beside every member;
# hestiaAI/hestialabs-experiences packages/lib/data-samples/instagramV2.zip has them.
_JUNK = re.compile(r"(^|/)(__MACOSX/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)
_NO_DATA = re.compile(r"(^|/)no-data\.txt$", re.IGNORECASE)
# Parts of a split (multi-volume) archive: 7-Zip's name.zip.001, WinZip's name.z01.
_SPLIT_PART = re.compile(r"\.(z\d\d|zip\.\d{3}|\d{3})$", re.IGNORECASE)
SPLIT_MESSAGE = (
    "{name} is one part of a split archive (a ZIP cut into several files). Footprint reads a "
    "whole ZIP file or an unpacked folder: put all the parts in one folder, open the first "
    "part with your ZIP tool (for example 7-Zip) to unpack them together, then choose the "
    "unpacked folder. Nothing was imported."
)


@dataclass
class Monitor:
    """Progress out, cancellation in; the dialog wires these to its bar and Cancel button."""

    progress: Callable[[int, int], None] = lambda done, total: None
    is_cancelled: Callable[[], bool] = lambda: False
    total: int = 0  # declared bytes of the members to read
    done: int = 0

    def check(self) -> None:
        """Raise ImportCancelled if the worker pressed Cancel."""
        if self.is_cancelled():
            raise ImportCancelled()

    def start(self, total: int) -> None:
        """Reading begins: `total` bytes are expected (as the archive declares them)."""
        self.total, self.done = total, 0
        self.progress(0, total)

    def advance(self, count: int) -> None:
        """`count` more bytes were read (never reported past the total)."""
        self.done += count
        self.progress(min(self.done, self.total), self.total)


@dataclass(frozen=True)
class Entry:
    """One file in an export, as the archive lists it."""

    name: str  # forward slashes, relative to the archive root
    size: int  # as declared; reading still enforces the cap on real bytes
    modified: datetime | None


def is_unsafe_name(name: str) -> bool:
    """True for names that would point outside a folder the archive was unpacked into."""
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or _DRIVE.match(normalised) or "\x00" in normalised:
        return True
    return ".." in normalised.split("/")


class ExportArchive:
    """Entries of a ZIP file or a folder, and their bytes on request."""

    def __init__(self, source: Path, entries: tuple[Entry, ...], opener: _Opener) -> None:
        self.source = source
        self.entries = entries
        self._opener = opener
        self.bytes_read = 0  # across members, checked against MAX_TOTAL_BYTES

    @classmethod
    def open(cls, path: Path, monitor: Monitor | None = None) -> ExportArchive:
        """Open a ZIP file or an unpacked folder; NothingUsableError if `path` is neither."""
        monitor = monitor or Monitor()
        if path.is_dir():
            return _open_folder(path, monitor)
        if not path.is_file():
            raise NothingUsableError(
                f"{shown_name(str(path))} does not exist or is not a file or folder."
            )
        return _open_zip(path)

    def close(self) -> None:
        """Release what the archive holds open."""
        self._opener.close()

    def __enter__(self) -> ExportArchive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def names(self) -> list[str]:
        """Every entry's name, in the archive's order."""
        return [e.name for e in self.entries]

    def newest_modification(self) -> datetime | None:
        """The latest modification date of any entry; None if none has one."""
        dates = [e.modified for e in self.entries if e.modified is not None]
        return max(dates) if dates else None

    def no_data_folders(self) -> list[str]:
        """Folders the platform marked as empty with a no-data.txt file (Meta does this)."""
        return sorted({e.name.rpartition("/")[0] for e in self.entries if _NO_DATA.search(e.name)})

    def read(self, entry: Entry, monitor: Monitor) -> Data:
        """One member's bytes, reporting progress; the caps count bytes really read.

        Chunks are appended to one growing buffer rather than joined at the end, which would
        hold every chunk and the joined copy at once: twice the member's size.
        """
        buffer = bytearray()
        for chunk in self._chunks(entry, monitor):
            buffer += chunk
            self.bytes_read += len(chunk)
            if self.bytes_read > MAX_TOTAL_BYTES:
                raise ArchiveTooLargeError(too_large("The files Footprint needs", self.bytes_read))
            monitor.advance(len(chunk))
        return buffer  # a bytearray: every reader only searches and slices it

    def _chunks(self, entry: Entry, monitor: Monitor) -> Iterator[bytes]:
        read = 0
        with self._opener.open(entry) as handle:
            while True:
                monitor.check()
                chunk = _read_chunk(handle, shown_name(entry.name))
                if not chunk:
                    return
                read += len(chunk)
                if read > MAX_MEMBER_BYTES:
                    raise ArchiveTooLargeError(
                        too_large(shown_name(entry.name), read, MAX_MEMBER_BYTES)
                    )
                yield chunk


def _read_chunk(handle: BinaryIO, name: str) -> bytes:
    try:
        return handle.read(CHUNK_BYTES)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise CorruptArchiveError(
            f"The archive is damaged: {name} cannot be read ({error}). Download the export "
            "again from the platform; nothing was imported."
        ) from None
    except OSError as error:
        raise CorruptArchiveError(f"{name} cannot be read: {error.strerror}.") from None


def too_large(what: str, size: int, limit: int = MAX_TOTAL_BYTES) -> str:
    """The sentence for an export above the caps, with what to do instead."""
    return (
        f"{what} is {size / 2**20:.0f} MB or more, above the {limit / 2**20:.0f} MB Footprint "
        "reads from an export. Request a smaller export (only Connections or Followers and "
        "following, and Personal information); nothing was imported."
    )


class _Opener:
    def open(self, entry: Entry) -> BinaryIO:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _ZipOpener(_Opener):
    def __init__(self, archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> None:
        self._archive = archive
        self._infos = infos

    def open(self, entry: Entry) -> BinaryIO:
        try:
            return self._archive.open(self._infos[entry.name])  # type: ignore[return-value]
        except RuntimeError:  # zipfile's word for "encrypted"
            raise CorruptArchiveError(
                f"{shown_name(entry.name)} in the archive is password-protected. Platforms do "
                "not protect their exports; download the export again from the platform."
            ) from None
        except NotImplementedError:
            raise CorruptArchiveError(
                f"{shown_name(entry.name)} is compressed in a way Footprint cannot read (this "
                "happens when a ZIP is re-packed by some Windows tools). Unpack the ZIP and "
                "choose the folder instead."
            ) from None
        except (zipfile.BadZipFile, OSError) as error:
            raise CorruptArchiveError(
                f"The archive is damaged: {shown_name(entry.name)}: {error}."
            ) from None

    def close(self) -> None:
        self._archive.close()


class _FolderOpener(_Opener):
    def __init__(self, root: Path) -> None:
        self._root = root.resolve()

    def open(self, entry: Entry) -> BinaryIO:
        path = (self._root / entry.name).resolve()
        if not path.is_relative_to(self._root):  # a link swapped in after listing
            raise UnsafeArchiveError(f"{shown_name(entry.name)} points outside the chosen folder.")
        if not path.is_file():  # swapped for a pipe or a device after listing: never block
            raise CorruptArchiveError(f"{shown_name(entry.name)} is no longer a regular file.")
        return path.open("rb")


def _open_zip(path: Path) -> ExportArchive:
    if _SPLIT_PART.search(path.name) or _spans_disks(path):
        raise CorruptArchiveError(SPLIT_MESSAGE.format(name=shown_name(path.name)))
    _require_few_members(path)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        if "multiple disks" in str(error) or "span" in str(error):
            raise CorruptArchiveError(SPLIT_MESSAGE.format(name=shown_name(path.name))) from None
        raise CorruptArchiveError(_NOT_A_ZIP.format(name=shown_name(path.name))) from None
    except (EOFError, ValueError):
        raise CorruptArchiveError(_NOT_A_ZIP.format(name=shown_name(path.name))) from None
    except OSError as error:
        raise CorruptArchiveError(
            f"{shown_name(str(path))} cannot be opened: {error.strerror}."
        ) from None
    try:
        entries, infos = _zip_entries(archive)
    except BaseException:
        archive.close()
        raise
    return ExportArchive(path, entries, _ZipOpener(archive, infos))


def _spans_disks(path: Path) -> bool:
    """Whether the ZIP's end record says it is the last disk of a spanned set (WinZip's
    name.z01, name.z02 … name.zip); zipfile would misread such a file as damaged."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 66_000))
            tail = handle.read()
    except OSError:
        return False
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) < end + 8:
        return False
    this_disk = int.from_bytes(tail[end + 4 : end + 6], "little")
    directory_disk = int.from_bytes(tail[end + 6 : end + 8], "little")
    # 0xFFFF means "see the Zip64 record", which zipfile checks itself.
    return this_disk not in (0, 0xFFFF) or directory_disk not in (0, 0xFFFF)


_END = b"PK\x05\x06"  # end of central directory record (APPNOTE.TXT 4.3.16)
_ZIP64_LOCATOR = b"PK\x06\x07"  # Zip64 end of central directory locator (4.3.15)
_ZIP64_END = b"PK\x06\x06"  # Zip64 end of central directory record (4.3.14)
_CENTRAL = b"PK\x01\x02"  # central file header (4.3.12): 46 bytes, then name, extra, comment


def _require_few_members(path: Path) -> None:
    """Refuse a ZIP with more than MAX_ZIP_MEMBERS members before zipfile reads its central
    directory (300,000 empty members took zipfile 285 MB and 12 s). The headers are counted
    one by one, so a count in the end record that lies does not let more through."""
    try:
        with path.open("rb") as handle:
            members = _count_central_headers(handle, MAX_ZIP_MEMBERS + 1)
    except OSError:
        return  # opening it as a ZIP says what is wrong
    if members > MAX_ZIP_MEMBERS:
        raise ArchiveTooLargeError(
            f"{shown_name(path.name)} holds more than {MAX_ZIP_MEMBERS:,} files, so it is not "
            "a platform's data export (nothing was read or imported). Choose the export's own "
            "ZIP file, or request a smaller export."
        )


def _count_central_headers(handle: BinaryIO, stop_at: int) -> int:
    """How many central file headers the ZIP's central directory holds (at most `stop_at`);
    0 when the end record cannot be found (zipfile then reports the damage)."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    handle.seek(max(0, size - 66_000))  # the end record, and a comment of up to 64 KiB
    tail_start = handle.tell()
    tail = handle.read()
    end = tail.rfind(_END)
    if end < 0 or len(tail) < end + 22:
        return 0
    directory_size = int.from_bytes(tail[end + 12 : end + 16], "little")
    directory_end = tail_start + end  # zipfile's rule: the directory ends where the records begin
    locator = end - 20
    if locator >= 0 and tail[locator : locator + 4] == _ZIP64_LOCATOR:
        handle.seek(int.from_bytes(tail[locator + 8 : locator + 16], "little"))
        record = handle.read(56)
        if record[:4] == _ZIP64_END:
            directory_size = int.from_bytes(record[40:48], "little")
            directory_end = tail_start + locator - 56
    start = directory_end - directory_size
    if start < 0:
        return 0
    handle.seek(start)
    members = 0
    while members < stop_at and handle.tell() + 46 <= directory_end:
        header = handle.read(46)
        if header[:4] != _CENTRAL:
            break
        members += 1
        lengths = (header[28:30], header[30:32], header[32:34])  # name, extra, comment
        handle.seek(sum(int.from_bytes(n, "little") for n in lengths), os.SEEK_CUR)
    return members


def _zip_entries(archive: zipfile.ZipFile) -> tuple[tuple[Entry, ...], dict[str, zipfile.ZipInfo]]:
    entries, infos = [], {}
    for info in archive.infolist():
        if is_unsafe_name(info.orig_filename) or is_unsafe_name(info.filename):
            raise UnsafeArchiveError(_unsafe_message(info.orig_filename))
        name = info.filename.replace("\\", "/")
        if info.is_dir() or name.endswith("/") or _JUNK.search(name):
            continue
        entries.append(Entry(name, info.file_size, _zip_time(info)))
        infos[name] = info
    return tuple(entries), infos


_NOT_A_ZIP = (
    "{name} is not a ZIP file Footprint can open, or it is damaged (perhaps the download did "
    "not finish). Download the export again; nothing was imported."
)


def _unsafe_message(name: str) -> str:
    shown = name.replace("\x00", "\\0")[:120]
    return (
        f"The archive contains a file named {shown!r}, which points outside the archive. "
        "Exports from the platforms never do this, so this file may have been tampered with. "
        "Footprint read nothing from it; download your export again from the platform."
    )


def _zip_time(info: zipfile.ZipInfo) -> datetime | None:
    try:
        return datetime(*info.date_time, tzinfo=UTC)
    except ValueError:
        return None


def _open_folder(root: Path, monitor: Monitor) -> ExportArchive:
    entries: list[Entry] = []
    for path in _walk(root, monitor):
        if len(entries) >= MAX_FOLDER_FILES:
            raise ArchiveTooLargeError(
                f"{root} holds more than {MAX_FOLDER_FILES:,} files, so it is not an unpacked "
                "export. Choose the export's own folder (or its ZIP file)."
            )
        name = path.relative_to(root).as_posix()
        if _JUNK.search(name):
            continue
        stat = path.stat(follow_symlinks=False)
        entries.append(Entry(name, stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC)))
    return ExportArchive(root, tuple(entries), _FolderOpener(root))


def _walk(root: Path, monitor: Monitor) -> Iterator[Path]:
    """Regular files below root; links are skipped so nothing outside the folder is read."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        monitor.check()
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink() and path.is_file():
                yield path
