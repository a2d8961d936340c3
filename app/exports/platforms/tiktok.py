"""TikTok "Download your data" in JSON format: one user_data_tiktok.json (older: user_data.json).

Followers and following are lists of {"Date", "UserName"} under "Follower" → "FansList" and
"Following" → "Following", inside a section that TikTok has renamed over time ("Profile And
Settings" 2025, "Your Activity" 2024, "Activity" with "Follower List"/"Following List" before).
Section and key names are compared ignoring case, spaces and underscores.
"""

from __future__ import annotations

import re
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

_USER_DATA = pattern(r"(^|/)user_data(_tiktok)?( ?\(\d+\)|[_-]\d+)?\.json$")
_SECTIONS = ("profileandsettings", "youractivity", "activity", "profile")
_LISTS = (
    (("follower", "followerlist", "followers"), ("fanslist", "fans"), ConnectionKind.FOLLOWER),
    (("following", "followinglist"), ("following", "followinglist"), ConnectionKind.FOLLOWING),
)
NO_LISTS = (
    "This TikTok export has no followers or following lists. Request it again with "
    "'All data' (or Profile and Activity) selected."
)


def _norm(key: object) -> str:
    return re.sub(r"[\s_\-]+", "", str(key)).lower()


def _child(value: Any, names: tuple[str, ...]) -> Any:
    if isinstance(value, dict):
        return next((v for k, v in value.items() if _norm(k) in names), None)
    return None


def parse(members: Members) -> Parsed:
    member = members.first(_USER_DATA)
    if member is None:
        return Parsed()
    document = json_document(member[1], member[0])
    expect(isinstance(document, dict), member[0])
    sections = [s for name in _SECTIONS if (s := _child(document, (name,))) is not None]
    connections: list[Connection] = []
    found_any = False
    for outer, inner, kind in _LISTS:
        rows = _list(sections, outer, inner)
        found_any = found_any or rows is not None
        connections += [c for row in rows or () if (c := _person(row, kind)) is not None]
    return Parsed(connections=tuple(connections), notes=() if found_any else (NO_LISTS,))


def _list(sections: list[Any], outer: tuple[str, ...], inner: tuple[str, ...]) -> list[Any] | None:
    for section in sections:
        value = _child(section, outer)
        if isinstance(value, dict):
            value = _child(value, inner)
        if isinstance(value, list):
            return value
    return None


def _person(row: Any, kind: ConnectionKind) -> Connection | None:
    handle = _child(row, ("username", "uniqueid", "user")) if isinstance(row, dict) else None
    if not isinstance(handle, str) or not clean(handle).lstrip("@"):
        return None
    handle = clean(handle).lstrip("@")
    link = f"https://www.tiktok.com/@{handle}" if SAFE_HANDLE.match(handle) else None
    return Connection("@" + handle, handle_key(handle), kind, link)


READER = PlatformReader(
    platform_id="tiktok",
    name="TikTok",
    format="JSON",
    signatures=(_USER_DATA,),
    wanted=(_USER_DATA,),
    parse=parse,
    other_format=(
        pattern(r"(^|/)(Follower|Following)( List)?\.txt$"),
        pattern(r"(^|/)(Profile|Activity|Your Activity|Profile And Settings)/[^/]+\.txt$"),
    ),
    other_format_name="TXT",
)
