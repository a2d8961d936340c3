"""Snapchat "My Data" with "Export JSON files" on: json/friends.json (griffinlaszlo/snata
programs/friends.json, a real 2022 export).

{"Friends": [{"Username", "Display Name", "Creation Timestamp", …}], "Friend Requests Sent":
[…], "Pending Requests": […] (requests you received), plus blocked and deleted lists that
Footprint leaves alone.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from app.downloads.decode import json_root
from app.downloads.download_errors import NotUnderstood
from app.downloads.findings import Connection, ConnectionKind
from app.downloads.jsonstream import Data
from app.downloads.platforms.base import (
    SAFE_HANDLE,
    Members,
    Parsed,
    PlatformReader,
    clean,
    handle_key,
    pattern,
)
from app.downloads.platforms.meta import MAX_RECORD_BYTES

_FRIENDS = pattern(r"(^|/)json/friends\.json$")
_LISTS = (
    ("Friends", ConnectionKind.FRIEND),
    ("Pending Requests", ConnectionKind.REQUEST_RECEIVED),
    ("Friend Requests Sent", ConnectionKind.REQUEST_SENT),
)


def parse(members: Members) -> Parsed:
    """Friends and friend requests, both ways."""
    kinds = tuple(kind for _key, kind in _LISTS)
    for name in members.names(_FRIENDS)[:1]:
        members.attempt(name, partial(_lists, members), kinds)
    return Parsed()


def _lists(members: Members, data: Data) -> None:
    root = json_root(data)
    if root.kind != "object":
        raise NotUnderstood("it is not the JSON object Snapchat writes")
    wanted = dict(_LISTS)
    seen_friends = False
    for key, value in root.entries():
        kind = wanted.get(key)
        if kind is None or value.kind != "array":
            continue
        seen_friends = seen_friends or key == "Friends"
        for row in value.loaded_elements(MAX_RECORD_BYTES):
            person = _person(row, kind)
            if person is not None and not members.add_person(person):
                return
    if not seen_friends:
        raise NotUnderstood("it has no 'Friends' list, so its layout is not one Footprint knows")


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
