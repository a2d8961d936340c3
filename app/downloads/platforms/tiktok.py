"""TikTok "Download your data" in JSON format: one user_data_tiktok.json (2022: user_data.json).

The file can hold everything the account ever did (videos, comments, messages), so it is
walked without being built: only the follower lists and the settings map are read.

Sections by generation (evidence in app/downloads/FORMATS.md):
  2022  "Activity" → "Follower List" → FansList, "Following List" → Following;
        "App Settings" → "Settings" → SettingsMap
  2024  the same, each list beside "App": 1 and "IsFastLane"
  2025  "Your Activity" → "Follower" → FansList, "Following" → Following (either may be null)
  2026  "Profile And Settings" → "Follower" / "Following" / "Settings" → SettingsMap
Since 2024 a second SettingsMap sits under "Tiktok Live" → "Go Live Settings": it holds LIVE
settings and is never read as the account's. Keys are English whatever the app language;
they are compared ignoring case, spaces and underscores, values ignoring case.
"""

from __future__ import annotations

from typing import Any

from app.audit.answers import AnswerStatus
from app.downloads.decode import json_root
from app.downloads.download_errors import NotUnderstood
from app.downloads.findings import Connection, ConnectionKind, SettingObservation
from app.downloads.jsonstream import Value
from app.downloads.platforms.base import (
    SAFE_HANDLE,
    Members,
    Parsed,
    PlatformReader,
    clean,
    handle_key,
    norm,
    pattern,
)
from app.downloads.platforms.meta import MAX_RECORD_BYTES

K = ConnectionKind
_USER_DATA = pattern(r"(^|/)user_data(_tiktok)?( ?\(\d+\)|[_-]\d+)?\.json$")
_LIST_SECTIONS = ("profileandsettings", "youractivity", "activity")
_SETTINGS_SECTIONS = ("appsettings", "profileandsettings")
_LISTS = (
    (("follower", "followerlist", "followers"), ("fanslist", "fans"), K.FOLLOWER),
    (("following", "followinglist"), ("following", "followinglist"), K.FOLLOWING),
)
MAX_SETTINGS_BYTES = 256 * 1024
NO_LISTS = (
    "This TikTok export has no followers or following lists. Request it again with "
    "'All data' (or Profile and Activity) selected."
)
_ON = {"enabled", "on", "true", "yes"}
_OFF = {"disabled", "off", "false", "no"}
_UNKNOWN = {"", "default", "n/a", "none", "null"}
# Who may message you: TikTok's "Friends" are followers you follow back, so strangers cannot.
_MESSAGES_SAFE = {"friends", "mutualfriends", "noone", "nobody", "off", "onlyme", "myself"}
_MESSAGES_OPEN = {"everyone", "suggestedfriends", "friendsandsuggested", "potentialconnections"}
# Settings the TikTok checklist has no item for yet, shown so the worker can check them.
_ALSO = {
    "allowotherstofindme": "Allow others to find me",
    "whocanviewvideosiliked": "Who can view videos I liked",
    "whocanduetwithme": "Who can Duet with me",
    "whocanstitchwithyourvideos": "Who can Stitch with your videos",
    "allowdownload": "Allow downloads",
    "whocanpostcomments": "Who can post comments",
}


def parse(members: Members) -> Parsed:
    """Followers, following and the account's settings from the single JSON file."""
    found: dict[str, Any] = {"lists": set(), "settings": None}
    for name in members.names(_USER_DATA)[:1]:
        members.attempt(
            name, lambda data: _walk(members, json_root(data), found), (K.FOLLOWER, K.FOLLOWING)
        )
    settings = found["settings"]
    observations = _observations(settings) if isinstance(settings, dict) else ()
    notes = () if found["lists"] or not members.files_read else (NO_LISTS,)
    return Parsed(observations=observations, notes=notes)


def _walk(members: Members, root: Value, found: dict[str, Any]) -> None:
    if root.kind != "object":
        raise NotUnderstood("it is not the JSON object TikTok writes")
    for section_name, section in root.entries():
        section_key = norm(section_name)
        if section.kind != "object":
            continue
        if section_key in _LIST_SECTIONS or section_key in _SETTINGS_SECTIONS:
            _read_section(members, section_key, section, found)


def _read_section(
    members: Members, section_key: str, section: Value, found: dict[str, Any]
) -> None:
    for child_name, child in section.entries():
        child_key = norm(child_name)
        if child_key == "settings" and section_key in _SETTINGS_SECTIONS and child.kind == "object":
            settings_map = _settings_map(child)
            if settings_map is not None and found["settings"] is None:
                found["settings"] = settings_map
            continue
        if section_key not in _LIST_SECTIONS:
            continue
        for outer, inner, kind in _LISTS:
            if child_key in outer and kind not in found["lists"]:
                if _read_list(members, child, inner, kind):
                    found["lists"].add(kind)


def _settings_map(settings: Value) -> dict[str, Any] | None:
    for name, value in settings.entries():
        if norm(name) == "settingsmap" and value.kind == "object":
            loaded = value.load(MAX_SETTINGS_BYTES)
            return loaded if isinstance(loaded, dict) else None
    return None


def _read_list(
    members: Members, holder: Value, inner: tuple[str, ...], kind: ConnectionKind
) -> bool:
    """Read the list under `holder` (an object holding FansList, or the list itself).
    A null list (seen in 2025 exports) is an empty one; True when a list was found."""
    rows: Value | None = holder if holder.kind == "array" else None
    if holder.kind == "object":
        for name, value in holder.entries():
            if norm(name) in inner:
                if value.kind == "array":
                    rows = value
                elif value.kind == "scalar" and value.load() is None:
                    return True
                break
    if rows is None:
        return False
    for row in rows.loaded_elements(MAX_RECORD_BYTES):
        person = _person(row, kind)
        if person is not None and not members.add_person(person):
            break
    return True


def _person(row: Any, kind: ConnectionKind) -> Connection | None:
    if not isinstance(row, dict):
        return None
    handle = next((v for k, v in row.items() if norm(k) in ("username", "uniqueid", "user")), None)
    if not isinstance(handle, str) or not clean(handle, 64).lstrip("@"):
        return None
    handle = clean(handle, 64).lstrip("@")
    link = f"https://www.tiktok.com/@{handle}" if SAFE_HANDLE.match(handle) else None
    return Connection("@" + handle, handle_key(handle), kind, link)


# -- settings ---------------------------------------------------------------------------------
def _observations(settings: dict[str, Any]) -> tuple[SettingObservation, ...]:
    values = {norm(k): v for k, v in settings.items() if isinstance(v, str)}
    found = [
        _private(values.get("privateaccount")),
        _suggestions(values),
        _messages(values.get("whocansendmemessage")),
    ]
    found += [
        SettingObservation(f"tiktok:{key}", label, clean(values[key], 40), AnswerStatus.UNSURE)
        for key, label in _ALSO.items()
        if key in values and _word(values[key]) not in _UNKNOWN
    ]
    return tuple(o for o in found if o is not None)


def _word(value: str) -> str:
    return value.strip().casefold()


def _private(value: str | None) -> SettingObservation | None:
    word = _word(value or "")
    if word in _ON:
        return SettingObservation("private-account", "Private account", "on", AnswerStatus.SAFE)
    if word in _OFF:
        return SettingObservation(
            "private-account", "Private account", "off", AnswerStatus.NEEDS_ACTION
        )
    return None


def _suggestions(values: dict[str, str]) -> SettingObservation | None:
    """'Suggest your account to …' (contacts, Facebook friends, people who open or send links
    to you): safe only when every option the export lists is off."""
    options = {k: _word(v) for k, v in values.items() if k.startswith("suggestyouraccountto")}
    if not options or any(v not in _ON | _OFF for v in options.values()):
        return None
    on = sorted(_suggest_label(k) for k, v in options.items() if v in _ON)
    setting = "Suggest your account to others"
    if on:
        value = "on for " + ", ".join(on)
        return SettingObservation("suggest-to-others", setting, value, AnswerStatus.NEEDS_ACTION)
    return SettingObservation("suggest-to-others", setting, "all options off", AnswerStatus.SAFE)


def _suggest_label(key: str) -> str:
    return {
        "suggestyouraccounttocontacts": "contacts",
        "suggestyouraccounttofacebookfriends": "Facebook friends",
        "suggestyouraccounttopeoplewhoopenorsendlinkstoyou": "people who open or send links to you",
    }.get(key, key.removeprefix("suggestyouraccountto"))


def _messages(value: str | None) -> SettingObservation | None:
    word, shown = norm(value or ""), clean(value or "", 40)
    setting = "Who can send you direct messages"
    if word in _MESSAGES_SAFE:
        return SettingObservation("messages-from", setting, shown, AnswerStatus.SAFE)
    if word in _MESSAGES_OPEN:
        return SettingObservation("messages-from", setting, shown, AnswerStatus.NEEDS_ACTION)
    return None


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
