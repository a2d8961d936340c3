"""Snapchat "My Data" with "Export JSON files" on: json/friends.json.

{"Friends": [{"Username", "Display Name", "Creation Timestamp", …}], "Friend Requests Sent":
[…], "Pending Requests": […] (requests you received), plus blocked and deleted lists that
Footprint leaves alone.
"""

from __future__ import annotations

from typing import Any

from app.exports.decode import expect, json_document
from app.exports.findings import Connection, ConnectionKind
from app.exports.platforms.base import (
    SAFE_HANDLE,
    Members,
    Parsed,
    PlatformReader,
    clean,
    handle_key,
    pattern,
)

_FRIENDS = pattern(r"(^|/)friends\.json$")
_LISTS = (
    ("Friends", ConnectionKind.FRIEND),
    ("Pending Requests", ConnectionKind.REQUEST_RECEIVED),
    ("Friend Requests Sent", ConnectionKind.REQUEST_SENT),
)


def parse(members: Members) -> Parsed:
    member = members.first(_FRIENDS)
    if member is None:
        return Parsed()
    document = json_document(member[1], member[0])
    expect(isinstance(document, dict) and "Friends" in document, member[0])
    connections = [
        person
        for key, kind in _LISTS
        for row in document.get(key) or ()
        if (person := _person(row, kind)) is not None
    ]
    return Parsed(connections=tuple(connections))


def _person(row: Any, kind: ConnectionKind) -> Connection | None:
    if not isinstance(row, dict) or not isinstance(row.get("Username"), str):
        return None
    handle = clean(row["Username"]).lstrip("@")
    if not handle:
        return None
    shown = clean(row.get("Display Name") or "")
    name = f"{shown} (@{handle})" if shown else "@" + handle
    link = f"https://www.snapchat.com/add/{handle}" if SAFE_HANDLE.match(handle) else None
    return Connection(name, handle_key(handle), kind, link)


READER = PlatformReader(
    platform_id="snapchat",
    name="Snapchat",
    format="JSON",
    signatures=(
        pattern(r"(^|/)json/(friends|account|account_history|snap_history|chat_history)\.json$"),
    ),
    wanted=(_FRIENDS,),
    parse=parse,
    other_format=(pattern(r"(^|/)html/(friends|account|account_history)\.html$"),),
)
