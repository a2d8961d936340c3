"""LinkedIn "Get a copy of your data": CSV files.

Connections.csv starts with a few note lines ("Notes:", a quoted paragraph, a blank line)
before the header First Name,Last Name,URL,Email Address,Company,Position,Connected On.
Invitations.csv has From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl with
Direction INCOMING or OUTGOING. Only names and profile addresses are used; e-mail addresses,
employers and messages are never read into findings.
"""

from __future__ import annotations

from app.exports.decode import csv_table
from app.exports.findings import Connection, ConnectionKind
from app.exports.platforms.base import (
    Members,
    Parsed,
    PlatformReader,
    clean,
    name_key,
    pattern,
    safe_link,
    url_key,
)

_CONNECTIONS = pattern(r"(^|/)Connections\.csv$")
_INVITATIONS = pattern(r"(^|/)Invitations\.csv$")
_HOSTS = ("linkedin.com",)
HIDDEN = "A member LinkedIn does not name"


def parse(members: Members) -> Parsed:
    return Parsed(connections=(*_connections(members), *_invitations(members)))


def _person(name: str, url: str, kind: ConnectionKind) -> Connection | None:
    name, link = clean(name), safe_link(url, _HOSTS)
    if not name and link is None:
        return None
    key = url_key(link) if link else name_key(name)
    return Connection(name or HIDDEN, key, kind, link)


def _connections(members: Members) -> list[Connection]:
    found = []
    for file_name, data in members.all(_CONNECTIONS):
        for row in csv_table(data, file_name, "First Name"):
            full = f"{row.get('First Name', '')} {row.get('Last Name', '')}"
            person = _person(full, row.get("URL", ""), ConnectionKind.CONNECTION)
            if person is not None:
                found.append(person)
    return found


def _invitations(members: Members) -> list[Connection]:
    found = []
    for file_name, data in members.all(_INVITATIONS):
        for row in csv_table(data, file_name, "From"):
            direction = row.get("Direction", "").upper()
            if direction == "INCOMING":
                person = _person(
                    row.get("From", ""),
                    row.get("inviterProfileUrl", ""),
                    ConnectionKind.REQUEST_RECEIVED,
                )
            elif direction == "OUTGOING":
                person = _person(
                    row.get("To", ""), row.get("inviteeProfileUrl", ""), ConnectionKind.REQUEST_SENT
                )
            else:
                continue
            if person is not None:
                found.append(person)
    return found


READER = PlatformReader(
    platform_id="linkedin",
    name="LinkedIn",
    format="CSV",
    signatures=(
        _CONNECTIONS,
        _INVITATIONS,
        pattern(r"(^|/)(Profile|Positions|Registration|Email Addresses)\.csv$"),
    ),
    wanted=(_CONNECTIONS, _INVITATIONS),
    parse=parse,
)
