"""Instagram "Download your information" in JSON format (Accounts Centre).

personal_information.json holds "Private Account" (True/False), account_information.json holds
"Contact Syncing", login_and_account_creation/account_privacy_changes.json lists each switch
between public and private (title, Time.timestamp); followers_and_following/ holds
followers_N.json, following.json, pending_follow_requests.json (sent) and
follow_requests_you've_received.json. Labels are in the account's language: English is read.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.audit.answers import AnswerStatus
from app.exports.decode import from_unix, json_document, meta_text, unknown_layout
from app.exports.findings import Connection, ConnectionKind, SettingObservation, SettingSwitch
from app.exports.platforms import meta
from app.exports.platforms.base import (
    SAFE_HANDLE,
    Members,
    Parsed,
    PlatformReader,
    clean,
    handle_key,
    pattern,
    safe_link,
)

SETTING = "Private account"
_PERSONAL = pattern(r"(^|/)personal_information\.json$")
_ACCOUNT = pattern(r"(^|/)account_information\.json$")
_CHANGES = pattern(r"(^|/)account_privacy_changes\.json$")
_FOLLOWERS = pattern(r"(^|/)followers_and_following/followers(_\d+)?\.json$")
_FOLLOWING = pattern(r"(^|/)followers_and_following/following\.json$")
_RECEIVED = pattern(r"(^|/)followers_and_following/follow_requests_you.?ve_received\.json$")
_SENT = pattern(r"(^|/)followers_and_following/pending_follow_requests\.json$")
_LISTS = (
    (_FOLLOWERS, ("relationships_followers",), ConnectionKind.FOLLOWER),
    (_FOLLOWING, ("relationships_following",), ConnectionKind.FOLLOWING),
    (_RECEIVED, ("relationships_follow_requests_received",), ConnectionKind.REQUEST_RECEIVED),
    (_SENT, ("relationships_follow_requests_sent",), ConnectionKind.REQUEST_SENT),
)
_HOSTS = ("instagram.com",)
_TRUE, _FALSE = ("true", "yes", "on"), ("false", "no", "off")
ENGLISH_ONLY = (
    "This export's settings are labelled in another language; Footprint reads the English "
    "labels only. Check the settings on screen, or set Instagram to English before exporting."
)


def parse(members: Members) -> Parsed:
    switches = _switches(members)
    private, notes = _private_flag(members, switches)
    observations = _privacy_observations(private) + _contact_sync(members)
    return Parsed(
        observations=observations,
        switches=switches,
        connections=tuple(c for spec in _LISTS for c in _people(members, *spec)),
        notes=notes,
    )


def _flag(value: str | None) -> bool | None:
    text = (value or "").strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def _private_flag(
    members: Members, switches: tuple[SettingSwitch, ...]
) -> tuple[bool | None, tuple[str, ...]]:
    member = members.first(_PERSONAL)
    if member is not None:
        values = meta.string_map(json_document(member[1], member[0]), "profile_user", member[0])
        if "Private Account" in values:
            return _flag(values["Private Account"]), ()
        if values:
            return _from_switches(switches), (ENGLISH_ONLY,)
    return _from_switches(switches), ()


def _from_switches(switches: tuple[SettingSwitch, ...]) -> bool | None:
    return None if not switches else not switches[-1].made_public


def _privacy_observations(private: bool | None) -> tuple[SettingObservation, ...]:
    if private is None:
        return ()
    if not private:
        return (SettingObservation("private-account", SETTING, "off", AnswerStatus.NEEDS_ACTION),)
    # A private account keeps posts out of search engines too: that item's safe value says so.
    return tuple(
        SettingObservation(item, SETTING, "on", AnswerStatus.SAFE)
        for item in ("private-account", "search-engine-visibility")
    )


def _contact_sync(members: Members) -> tuple[SettingObservation, ...]:
    member = members.first(_ACCOUNT)
    if member is None:
        return ()
    document = json_document(member[1], member[0])
    values = meta.string_map(document, "profile_account_insights", member[0])
    syncing = _flag(values.get("Contact Syncing"))
    if syncing is None:
        return ()
    status = AnswerStatus.NEEDS_ACTION if syncing else AnswerStatus.SAFE
    value = "on" if syncing else "off"
    return (SettingObservation("contact-sync", "Contact syncing", value, status),)


def _switches(members: Members) -> tuple[SettingSwitch, ...]:
    member = members.first(_CHANGES)
    if member is None:
        return ()
    rows = meta.records(
        json_document(member[1], member[0]), ("account_history_account_privacy_history",), member[0]
    )
    switches = [_switch(row, member[0]) for row in rows]
    return tuple(sorted((s for s in switches if s is not None), key=lambda s: s.at))


def _switch(row: dict[str, Any], name: str) -> SettingSwitch | None:
    title = clean(meta_text(row.get("title", "")))
    times = row.get("string_map_data")
    if not isinstance(times, dict):
        raise unknown_layout(name)
    stamp = next((v.get("timestamp") for v in times.values() if isinstance(v, dict)), None)
    at: datetime | None = from_unix(stamp)
    if at is None or not title:
        return None
    return SettingSwitch(at, SETTING, title, "public" in title.lower())


def _people(
    members: Members, files: Any, keys: tuple[str, ...], kind: ConnectionKind
) -> list[Connection]:
    found = []
    for name, data in members.all(files):
        for row in meta.records(json_document(data, name), keys, name):
            handle = meta.person_name(row)
            if handle is None:
                continue
            handle = clean(handle).lstrip("@")
            found.append(Connection("@" + handle, handle_key(handle), kind, _link(row, handle)))
    return found


def _link(row: dict[str, Any], handle: str) -> str | None:
    link = safe_link(meta.person_href(row), _HOSTS)
    if link is None and SAFE_HANDLE.match(handle):
        link = f"https://www.instagram.com/{handle}/"
    return link


READER = PlatformReader(
    platform_id="instagram",
    name="Instagram",
    format="JSON",
    signatures=(
        pattern(r"(^|/)followers_and_following/[^/]+\.json$"),
        pattern(r"(^|/)personal_information/personal_information\.json$"),
        pattern(r"(^|/)your_instagram_activity/"),
    ),
    wanted=(_PERSONAL, _ACCOUNT, _CHANGES, _FOLLOWERS, _FOLLOWING, _RECEIVED, _SENT),
    parse=parse,
    other_format=(
        pattern(r"(^|/)followers_and_following/[^/]+\.html$"),
        pattern(r"(^|/)personal_information/personal_information\.html$"),
    ),
    legacy=lambda names: {"connections.json", "settings.json"} <= {n.split("/")[-1] for n in names},
)
