"""LinkedIn "Get a copy of your data": CSV files.

Connections.csv: 2018 (abhishekwebcode/…_LinkedInDataExport_11-04-2018) has the header
First Name,Last Name,Email Address,Company,Position,Connected On on line 1; 2022
(Sajiah/mylinkedindata) puts "Notes:", a quoted paragraph and a blank line before it; 2026
(ieglam/network-growth-engine) adds a URL column after Last Name. Invitations.csv has
From,To,Sent At,Message,Direction (2018–22), plus inviterProfileUrl,inviteeProfileUrl (2026),
with Direction INCOMING or OUTGOING. Files are LF without BOM as downloaded; CRLF (and a BOM)
appear once a spreadsheet re-saved them, so both are read. Only names and profile addresses
are used; e-mail addresses, employers and messages are never read into findings.
"""

from __future__ import annotations

from functools import partial

from app.downloads.decode import csv_rows
from app.downloads.findings import Connection, ConnectionKind
from app.downloads.jsonstream import Data
from app.downloads.platforms.base import (
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
    """Connections and invitations, both ways."""
    for name in members.names(_CONNECTIONS):
        members.attempt(name, partial(_connections, members), (ConnectionKind.CONNECTION,))
    kinds = (ConnectionKind.REQUEST_RECEIVED, ConnectionKind.REQUEST_SENT)
    for name in members.names(_INVITATIONS):
        members.attempt(name, partial(_invitations, members), kinds)
    return Parsed()


def _person(name: str, url: str, kind: ConnectionKind) -> Connection | None:
    name, link = clean(name), safe_link(url, _HOSTS)
    if not name and link is None:
        return None
    key = url_key(link) if link else name_key(name)
    return Connection(name or HIDDEN, key, kind, link)


def _connections(members: Members, data: Data) -> None:
    for row in csv_rows(data, "First Name"):
        full = f"{row.get('First Name', '')} {row.get('Last Name', '')}"
        person = _person(full, row.get("URL", ""), ConnectionKind.CONNECTION)
        if person is not None and not members.add_person(person):
            return


def _invitations(members: Members, data: Data) -> None:
    for row in csv_rows(data, "From"):
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
        if person is not None and not members.add_person(person):
            return


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
