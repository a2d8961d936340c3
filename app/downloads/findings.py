"""What one export said: setting values, their switch history, and connections.

`ExportFindings.connections` holds names and is the only place they exist; it is kept out of
`repr()` so a log line or a traceback never carries them, and nothing in storage accepts it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.audit.answers import AnswerStatus
from app.downloads.download_errors import shown_name


class ConnectionKind(StrEnum):
    """Which list of an export a person is in: friends, followers, requests, …"""

    FRIEND = "friend"
    CONNECTION = "connection"
    FOLLOWER = "follower"
    FOLLOWING = "following"
    REQUEST_RECEIVED = "request_received"
    REQUEST_SENT = "request_sent"

    @property
    def label(self) -> str:
        """The list's name in the plural ('friends', 'requests you received')."""
        return _KIND_LABELS[self]

    def counted(self, count: int) -> str:
        """'1 friend', '4 friends', '1 request you received'."""
        label = _SINGULAR.get(self, self.label) if count == 1 else self.label
        return f"{count} {label}"

    @property
    def is_request(self) -> bool:
        """True for pending requests, received or sent."""
        return self in (ConnectionKind.REQUEST_RECEIVED, ConnectionKind.REQUEST_SENT)


_KIND_LABELS = {
    ConnectionKind.FRIEND: "friends",
    ConnectionKind.CONNECTION: "connections",
    ConnectionKind.FOLLOWER: "followers",
    ConnectionKind.FOLLOWING: "following",
    ConnectionKind.REQUEST_RECEIVED: "requests you received",
    ConnectionKind.REQUEST_SENT: "requests you sent",
}

_SINGULAR = {
    ConnectionKind.FRIEND: "friend",
    ConnectionKind.CONNECTION: "connection",
    ConnectionKind.FOLLOWER: "follower",
    ConnectionKind.REQUEST_RECEIVED: "request you received",
    ConnectionKind.REQUEST_SENT: "request you sent",
}


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Connection:
    """One person in one list of the export. In memory only: never stored."""

    name: str  # what the worker recognises: a name, an @handle, or a profile link
    key: str  # what identifies them again in a later export of the same platform
    kind: ConnectionKind
    link: str | None = None  # their profile address, when the export has one

    def __repr__(self) -> str:
        return f"Connection(kind={self.kind.value})"  # never the name, even in a traceback


@dataclass(frozen=True)
class SettingObservation:
    """A setting's state as the export records it, for one checklist item."""

    item_id: str
    setting: str  # as the platform labels it, e.g. "Protect your posts"
    value: str  # e.g. "on"
    status: AnswerStatus

    def observed(self, platform_name: str, export_date: datetime) -> str:
        """The evidence saved with the answer: the value and where it was read."""
        return f"{self.setting}: {self.value} ({evidence(platform_name, export_date)})"


def evidence(platform_name: str, export_date: datetime) -> str:
    """'from your Instagram export of 11 Aug 2026' (the export's own date, in UTC)."""
    return f"from your {platform_name} export of {export_date:%d %b %Y}"


@dataclass(frozen=True)
class FileNote:
    """A file of the export that Footprint read but could not use, and why."""

    file: str  # as named in the archive
    reason: str  # a clause: "it is not valid JSON (Expecting ',' at line 3)"

    def describe(self) -> str:
        """'connections/x.json: it is not valid JSON …' with the name made safe to show."""
        return f"{shown_name(self.file)}: {self.reason}"


@dataclass(frozen=True)
class SettingSwitch:
    """One change of a setting recorded in the export's history."""

    at: datetime
    setting: str
    value: str
    made_public: bool  # the switch opened the account up


@dataclass(frozen=True)
class ExportFindings:
    """Everything read from one export: settings, their history, connections, notes."""

    platform_id: str
    platform_name: str
    format: str  # "JSON", "CSV", "JavaScript (X archive)"
    export_date: datetime
    export_date_source: str  # where the date came from, said plainly
    observations: tuple[SettingObservation, ...] = ()
    switches: tuple[SettingSwitch, ...] = ()  # oldest first
    notes: tuple[str, ...] = ()  # what else the worker should know
    files_read: tuple[str, ...] = ()
    connections: tuple[Connection, ...] = field(default=(), repr=False)
    not_understood: tuple[FileNote, ...] = ()  # files read but not usable, each with why
    incomplete: frozenset[ConnectionKind] = frozenset()  # lists not read in full
    labels: str = ""  # the language the labels were read in ("Turkish"), when it matters

    @property
    def connection_counts(self) -> dict[ConnectionKind, int]:
        """How many connections of each kind the export lists; kinds with none left out."""
        counts = Counter(c.kind for c in self.connections)
        return {kind: counts[kind] for kind in ConnectionKind if counts[kind]}

    @property
    def has_anything(self) -> bool:
        """True if any setting, switch or connection was read."""
        return bool(self.observations or self.switches or self.connections)

    def people(self) -> list[Person]:
        """Everyone in the export once, whichever lists they are in, in the export's order."""
        people: dict[str, Person] = {}
        for connection in self.connections:
            current = people.get(connection.key)
            if current is None:
                people[connection.key] = Person(
                    connection.name, connection.key, (connection.kind,), connection.link
                )
            elif connection.kind not in current.kinds:
                people[connection.key] = current.with_kind(connection.kind)
        return list(people.values())


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Person:
    """One person across the lists they appear in (a follower you also follow is one person)."""

    name: str
    key: str
    kinds: tuple[ConnectionKind, ...]
    link: str | None = None

    def with_kind(self, kind: ConnectionKind) -> Person:
        """The same person, also in list `kind`."""
        return Person(self.name, self.key, (*self.kinds, kind), self.link or None)

    def __repr__(self) -> str:
        return f"Person(kinds={[k.value for k in self.kinds]})"
