"""What every platform reader provides, and what they share: lazy members, notes, people.

A reader never aborts because one optional file is odd: `Members.attempt` turns a file it
cannot understand into a note naming that file (and marks the lists it feeds as incomplete,
so no removal is concluded from them), and reading goes on. Only damage to the archive
itself (a failed checksum, caps exceeded, nesting deeper than any export) stops the import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar
from urllib.parse import urlsplit

from app.downloads.archive import Entry, ExportArchive, Monitor
from app.downloads.download_errors import CorruptArchiveError, NotUnderstood, shown_name
from app.downloads.findings import (
    Connection,
    ConnectionKind,
    FileNote,
    SettingObservation,
    SettingSwitch,
)
from app.downloads.jsonstream import Data, JsonProblem

T = TypeVar("T")
# No care worker's export lists this many people (Facebook allows 5,000 friends); an archive
# that does is cut off here, with a note, so memory stays bounded whatever the file holds.
MAX_PEOPLE = 200_000


@dataclass(frozen=True)
class Parsed:
    """A platform reader's result, before the reader adds the export date and file list."""

    observations: tuple[SettingObservation, ...] = ()
    switches: tuple[SettingSwitch, ...] = ()
    notes: tuple[str, ...] = ()
    export_date: datetime | None = None  # when the export itself says so
    export_date_source: str = ""
    labels: str = ""  # the language the export's labels were read in, when it matters


class People:
    """Connections as they are read: each person once per list, at most MAX_PEOPLE."""

    def __init__(self, limit: int = MAX_PEOPLE) -> None:
        self._seen: dict[tuple[ConnectionKind, str], Connection] = {}
        self._limit = limit
        self.full = False  # the limit was reached; later people were not read

    def add(self, connection: Connection) -> bool:
        """Keep `connection` unless this person is already in its list; False once full."""
        key = (connection.kind, connection.key)
        if key in self._seen:
            return True  # exports repeat entries (and hostile ones repeat them millions of times)
        if len(self._seen) >= self._limit:
            self.full = True
            return False
        self._seen[key] = connection
        return True

    def seen(self, kind: ConnectionKind, key: str) -> bool:
        """Whether this person is already in this list (cheap: check before building)."""
        return (kind, key) in self._seen

    def connections(self) -> tuple[Connection, ...]:
        """Everyone read, in the order first seen."""
        return tuple(self._seen.values())

    def __len__(self) -> int:
        return len(self._seen)


@dataclass
class Members:
    """The archive's members as a reader sees them: names at once, bytes only when asked.

    Bytes are read one member at a time and dropped after parsing, so peak memory follows
    the largest member, not the archive.
    """

    archive: ExportArchive
    monitor: Monitor = field(default_factory=Monitor)
    people: People = field(default_factory=People)
    files_read: list[str] = field(default_factory=list)
    not_understood: list[FileNote] = field(default_factory=list)
    incomplete: set[ConnectionKind] = field(default_factory=set)

    def names(self, pattern: re.Pattern[str]) -> list[str]:
        """Member names matching `pattern`, in natural order (followers_2 before _10)."""
        found = [e.name for e in self.archive.entries if pattern.search(e.name)]
        return sorted(found, key=_natural)

    def has(self, pattern: re.Pattern[str]) -> bool:
        """Whether any member matches (nothing is read)."""
        return any(pattern.search(e.name) for e in self.archive.entries)

    def read(self, name: str) -> Data:
        """The bytes of one member (counted against the archive's caps)."""
        entry = next(e for e in self.archive.entries if e.name == name)
        data = self.archive.read(entry, self.monitor)
        self.files_read.append(name)
        return data

    def attempt(
        self,
        name: str,
        parse: Callable[[Data], T],
        kinds: Iterable[ConnectionKind] = (),
    ) -> T | None:
        """`parse(bytes of name)`, or None with a note when the file is not understood.

        Nesting deeper than any export is not "not understood" but a sign of a tampered
        archive, so it stops the import (exit status 2), as do damaged ZIP members.
        """
        try:
            return parse(self.read(name))
        except JsonProblem as problem:
            if problem.deep:
                raise CorruptArchiveError(
                    f"{shown_name(name)} in the export is not a real export file: "
                    f"{problem.reason}. The archive may have been tampered with; nothing was "
                    "imported. Download your export again from the platform."
                ) from None
            self.note_not_understood(name, problem.reason, kinds)
        except NotUnderstood as problem:
            self.note_not_understood(name, problem.reason, kinds)
        except UnicodeDecodeError:
            self.note_not_understood(name, "it is not readable text (not UTF-8)", kinds)
        return None

    def note_not_understood(
        self, name: str, reason: str, kinds: Iterable[ConnectionKind] = ()
    ) -> None:
        """Record that `name` could not be used, and which lists it would have fed."""
        self.not_understood.append(FileNote(name, reason))
        self.incomplete.update(kinds)

    def add_person(self, connection: Connection) -> bool:
        """Keep a person; False once the cap is reached (the reader then stops the list)."""
        if len(self.people) % 4096 == 0:
            self.monitor.check()  # a long list takes seconds to parse: Cancel works meanwhile
        if self.people.add(connection):
            return True
        self.incomplete.add(connection.kind)
        return False


def _natural(name: str) -> list[object]:
    """followers_2.json before followers_10.json."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


@dataclass(frozen=True)
class PlatformReader:
    """How one platform's export is recognised, what is read from it and how."""

    platform_id: str
    name: str
    format: str  # the format Footprint reads, as the platform's export page calls it
    signatures: tuple[re.Pattern[str], ...]  # member names that mark a readable export
    wanted: tuple[re.Pattern[str], ...]  # members to read
    parse: Callable[[Members], Parsed]
    other_format: tuple[re.Pattern[str], ...] = ()  # the same export in HTML/TXT
    other_format_name: str = "HTML"
    legacy: Callable[[list[str]], bool] = lambda names: False  # an old, unsupported layout
    ignored: tuple[re.Pattern[str], ...] = ()  # names that never mark this platform (Threads)
    watched: tuple[re.Pattern[str], ...] = ()  # folders whose unknown files deserve a note
    known: tuple[re.Pattern[str], ...] = ()  # files in watched folders left alone on purpose

    def counts(self, name: str) -> bool:
        """Whether `name` is one of this platform's signature members."""
        if any(p.search(name) for p in self.ignored):
            return False
        return any(p.search(name) for p in self.signatures)

    def score(self, names: Iterable[str]) -> int:
        """How many members look like this platform's export."""
        return sum(1 for name in names if self.counts(name))

    def has_other_format(self, names: Iterable[str]) -> bool:
        """Whether the export is this platform's, in the format Footprint does not read."""
        return any(p.search(name) for name in names for p in self.other_format)

    def is_wanted(self, entry: Entry) -> bool:
        """Whether the reader may read this member."""
        if any(p.search(entry.name) for p in self.ignored):
            return False
        return any(p.search(entry.name) for p in self.wanted)

    def unknown_files(self, names: Iterable[str]) -> list[str]:
        """Files in folders this reader reads that it neither reads nor knows: a platform's
        new file name for a list shows up here instead of being skipped in silence."""
        return [
            name
            for name in names
            if any(p.search(name) for p in self.watched)
            and not any(p.search(name) for p in (*self.wanted, *self.known, *self.ignored))
        ]


def pattern(text: str) -> re.Pattern[str]:
    """A case-insensitive pattern for member names."""
    return re.compile(text, re.IGNORECASE)


def clean(text: object, limit: int = 200) -> str:
    """A display string without control characters, trimmed, at most `limit` characters."""
    value = str(text)
    if value.isascii() and value.isprintable():  # most names and handles: the quick way
        return " ".join(value.split())[:limit]
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    if not value.isprintable():  # the slow path only for text with control or format marks
        value = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")
    return " ".join(value.split())[:limit]


def name_key(name: str) -> str:
    """The key of a person known only by name (Facebook)."""
    return "name:" + clean(name).casefold()


def handle_key(handle: str) -> str:
    """The key of a person known by a username."""
    return "user:" + clean(handle).lstrip("@").casefold()


def url_key(url: str) -> str:
    """A profile address without scheme, 'www.', query or trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return "url:" + host + parts.path.rstrip("/").lower()


_HTTPS = re.compile(r"https://([^/?#\s@:]+)(/[^?#\s]*)?(?:\?[^#\s]*)?(?:#\S*)?", re.IGNORECASE)


def safe_link(url: object, hosts: tuple[str, ...]) -> str | None:
    """Only https addresses on the platform's own hosts; anything else is never opened.

    A regular expression rather than urlsplit: it runs once per person, 50,000 times for a
    large export, and it refuses user:password@ hosts and ports outright.
    """
    if not isinstance(url, str) or len(url) > 300:
        return None
    match = _HTTPS.fullmatch(url.strip())
    if match is None or not (match.group(2) or "").strip("/"):
        return None
    host = match.group(1).lower().removeprefix("www.")
    return url.strip() if host in hosts else None


SAFE_HANDLE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def norm(key: object) -> str:
    """A key compared ignoring case, spaces, underscores and hyphens ('Follower List')."""
    return re.sub(r"[\s_\-]+", "", str(key)).casefold()
