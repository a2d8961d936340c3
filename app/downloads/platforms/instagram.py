"""Instagram "Download your information" in JSON format, every layout generation seen.

Paths by generation (evidence for each in app/downloads/FORMATS.md):
  2021–22  followers_and_following/{followers,following}.json at the root
           ({"relationships_followers": [...]}); account_information/personal_information.json;
           login_and_account_creation/account_privacy_changes.json
  2023     followers_and_following/followers_1.json (a top-level list);
           personal_information/{personal_information,account_information}.json
  2024     connections/followers_and_following/…; personal_information/personal_information/
           {personal_information,account_information}.json;
           security_and_login_information/login_and_account_creation/account_privacy_changes.json
  2025     …/login_and_profile_creation/profile_privacy_changes.json, still string_map_data;
           contact syncing in instagram_profile_information.json (profile_account_insights)
  2026     following.json: the username in "title", no "value", href …/_u/<user>;
           profile_privacy_changes.json with string_list_data[].timestamp, newest first;
           instagram_profile_information.json as top-level label_values with translated values;
           connections/contacts/synced_contacts.json
Labels are in the account's language: they are looked up in meta_labels.toml, and a label
not in it is reported as unread, never guessed. The Threads profile has its own
personal_information.json (your_instagram_activity/threads/…) with its own "Private
Account": it is never read as Instagram's.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import partial
from typing import Any

from app.audit.answers import AnswerStatus
from app.downloads import labels
from app.downloads.decode import from_unix, json_root
from app.downloads.download_errors import NotUnderstood
from app.downloads.findings import Connection, ConnectionKind, SettingObservation, SettingSwitch
from app.downloads.jsonstream import Data, load_whole
from app.downloads.labels import Language
from app.downloads.platforms import meta
from app.downloads.platforms.base import (
    SAFE_HANDLE,
    Members,
    Parsed,
    PlatformReader,
    clean,
    pattern,
    safe_link,
)
from app.downloads.platforms.meta import meta_text
from app.formatting import plural

K = ConnectionKind
SETTING = "Private account"
_THREADS = pattern(r"(^|/)threads/")
_PERSONAL = pattern(r"(^|/)(personal_information|account_information)/personal_information\.json$")
_INSIGHTS = pattern(
    r"(^|/)(personal_information|account_information)/"
    r"(account_information|instagram_profile_information)\.json$"
)
_CHANGES = pattern(
    r"(^|/)login_and_(account|profile)_creation/(account|profile)_privacy_changes\.json$"
)
_SYNCED = pattern(r"(^|/)contacts/synced_contacts\.json$")
_FOLDER = r"(^|/)followers_and_following/"
_LISTS: tuple[tuple[re.Pattern[str], tuple[str, ...], ConnectionKind], ...] = (
    (pattern(_FOLDER + r"followers(_\d+)?\.json$"), ("relationships_followers",), K.FOLLOWER),
    (pattern(_FOLDER + r"following(_\d+)?\.json$"), ("relationships_following",), K.FOLLOWING),
    (
        pattern(_FOLDER + r"follow_requests_you.?ve_received\.json$"),
        ("relationships_follow_requests_received",),
        K.REQUEST_RECEIVED,
    ),
    (
        pattern(_FOLDER + r"pending_follow_requests\.json$"),
        ("relationships_follow_requests_sent",),
        K.REQUEST_SENT,
    ),
)
_KNOWN = (
    pattern(
        _FOLDER + r"(blocked_(profiles|accounts)|close_friends|hide_story_from"
        r"|recent_follow_requests|recently_unfollowed_(profiles|accounts)|unfollowed_accounts"
        r"|removed_suggestions|restricted_(profiles|accounts)|(profiles|accounts)_you.?ve_favorited"
        r"|following_hashtags|custom_lists|dismissed_suggested_users)(_\d+)?\.json$"
    ),
    pattern(r"(^|/)no-data\.txt$"),
)
_HOSTS = ("instagram.com",)
MAX_SWITCHES = 10_000
FROM_HISTORY = (
    "Footprint did not find the private-account setting in this export's personal "
    "information (it may be labelled in a language Footprint does not know), so the answer "
    "comes from the newest switch in the export's history."
)
UNKNOWN_LANGUAGE = (
    "Footprint could not read the private-account setting in this export's language. Check "
    "it on screen: your profile → ☰ → Account privacy."
)


def parse(members: Members) -> Parsed:
    """Private account (and its switch history), contact syncing, and the four lists."""
    for files, keys, kind in _LISTS:
        for name in members.names(files):
            members.attempt(name, partial(_people, members, keys, kind), (kind,))
    switches, unknown, switch_language = _switch_history(members)
    private, language, notes = _private_flag(members, switches, unknown)
    language = language or switch_language
    return Parsed(
        observations=(*_privacy_observations(private), *_contact_sync(members)),
        switches=switches,
        notes=notes,
        labels=language.describe() if language and language.name != "English" else "",
    )


# -- people -----------------------------------------------------------------------------------
def _people(members: Members, keys: tuple[str, ...], kind: ConnectionKind, data: Data) -> None:
    seen = members.people.seen
    for row in meta.records(json_root(data), keys):
        entry = _first_entry(row)
        value = entry.get("value") if entry else None
        handle = meta_text(value) if isinstance(value, str) else meta.person_name(row)
        handle = clean(handle, 64).lstrip("@") if handle else ""
        if not handle:
            continue
        key = "user:" + handle.casefold()  # handle_key() of an already clean handle
        if seen(kind, key):
            continue
        href = entry.get("href") if entry else None
        person = Connection("@" + handle, key, kind, _link(href, handle))
        if not members.add_person(person):
            return


def _first_entry(row: dict[str, Any]) -> dict[str, Any] | None:
    entries = row.get("string_list_data")
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        return entries[0]
    return None


def _link(href: object, handle: str) -> str | None:
    """The record's own profile address when it is Instagram's; else one made from a plain
    handle. Checked 50,000 times in a large export, so the usual address is tried first."""
    if SAFE_HANDLE.match(handle):
        usual = f"https://www.instagram.com/{handle}"
        if href in (usual, f"https://www.instagram.com/_u/{handle}"):
            return str(href)
        return safe_link(meta_text(href), _HOSTS) or usual + "/"
    return safe_link(meta_text(href), _HOSTS) if isinstance(href, str) else None


# -- private account --------------------------------------------------------------------------
def _private_flag(
    members: Members, switches: tuple[SettingSwitch, ...], unknown: list[datetime]
) -> tuple[tuple[bool, str] | None, Language | None, tuple[str, ...]]:
    """(private?, how it was read), the language of the label, and notes.

    The flag in personal_information.json is the current state; without it, the newest
    switch of the history is, unless a switch whose direction is unknown came after it.
    """
    notes: list[str] = []
    for name in members.names(_PERSONAL):
        if _THREADS.search(name):
            continue
        values = members.attempt(name, _profile_values)
        found = labels.find("private_account", values) if values else None
        if found is not None:
            value, language = found
            flag = labels.boolean(value)
            if flag is not None:
                return (flag, "on" if flag else "off"), language, ()
            notes.append(
                f"The private-account value in {name.rsplit('/', 1)[-1]} is "
                f"'{clean(value, 40)}', which Footprint does not know; it was not used."
            )
        elif values:
            notes.append(UNKNOWN_LANGUAGE)
    newest_known = switches[-1] if switches else None
    if newest_known is not None and not any(at > newest_known.at for at in unknown):
        private = not newest_known.made_public
        how = f"{'on' if private else 'off'} (last switched {newest_known.at:%d %b %Y})"
        if UNKNOWN_LANGUAGE in notes:
            notes[notes.index(UNKNOWN_LANGUAGE)] = FROM_HISTORY
        return (private, how), None, tuple(notes)
    return None, None, tuple(notes)


def _profile_values(data: Data) -> dict[str, str]:
    return meta.string_map(load_whole(data), "profile_user")


def _privacy_observations(private: tuple[bool, str] | None) -> tuple[SettingObservation, ...]:
    if private is None:
        return ()
    flag, value = private
    # One switch, one item: the private-account item covers search engines and the lists too.
    status = AnswerStatus.SAFE if flag else AnswerStatus.NEEDS_ACTION
    return (SettingObservation("private-account", SETTING, value, status),)


# -- switch history ---------------------------------------------------------------------------
def _switch_history(
    members: Members,
) -> tuple[tuple[SettingSwitch, ...], list[datetime], Language | None]:
    """Switches whose direction the title gives, oldest first (files list them newest first
    since 2026); the times of switches titled in an unknown language; the titles' language."""
    known: list[SettingSwitch] = []
    unknown: list[datetime] = []
    language: Language | None = None
    for name in members.names(_CHANGES):
        rows = members.attempt(name, _switch_rows)
        for title, at in rows or ():
            to_private = labels.language_of("switched_to_private", title)
            to_public = labels.language_of("switched_to_public", title)
            if (to_private is None) == (to_public is None):
                unknown.append(at)
                continue
            language = language or to_private or to_public
            value = "switched to private" if to_private else "switched to public"
            known.append(SettingSwitch(at, SETTING, value, to_public is not None))
    return tuple(sorted(known, key=lambda s: s.at)), unknown, language


def _switch_rows(data: Data) -> list[tuple[str, datetime]]:
    rows = []
    for row in meta.records(json_root(data), ("account_history_account_privacy_history",)):
        at = from_unix(_switch_time(row))
        title = meta.label(row.get("title", ""))
        if at is not None and title:
            rows.append((title, at))
        if len(rows) >= MAX_SWITCHES:
            break
    return rows


def _switch_time(row: dict[str, Any]) -> object:
    """2021–25: string_map_data {"Time": {"timestamp"}}; 2026: string_list_data [{"timestamp"}]."""
    times = row.get("string_map_data")
    if isinstance(times, dict):
        for entry in times.values():
            if isinstance(entry, dict) and "timestamp" in entry:
                return entry["timestamp"]
    for entry in row.get("string_list_data") or ():
        if isinstance(entry, dict) and "timestamp" in entry:
            return entry["timestamp"]
    if isinstance(times, dict) or isinstance(row.get("string_list_data"), list):
        return None
    raise NotUnderstood("a switch has neither string_map_data nor string_list_data")


# -- contact syncing --------------------------------------------------------------------------
def _contact_sync(members: Members) -> tuple[SettingObservation, ...]:
    """'Contact Syncing' (any language of the table), and contacts uploaded (2026)."""
    syncing: bool | None = None
    for name in members.names(_INSIGHTS):
        values = members.attempt(name, _insight_values)
        found = labels.find("contact_syncing", values) if values else None
        if found is not None:
            syncing = labels.boolean(found[0])
    uploaded = sum(n for name in members.names(_SYNCED) if (n := members.attempt(name, _count)))
    if syncing is None and not uploaded:
        return ()
    parts = [] if syncing is None else ["on" if syncing else "off"]
    if uploaded:
        parts.append(f"{plural(uploaded, 'contact')} uploaded")
    bad = bool(syncing) or uploaded > 0
    status = AnswerStatus.NEEDS_ACTION if bad else AnswerStatus.SAFE
    return (SettingObservation("contact-sync", "Contact syncing", "; ".join(parts), status),)


def _insight_values(data: Data) -> dict[str, str]:
    """profile_account_insights[0].string_map_data (to 2025) or top-level label_values (2026)."""
    document = load_whole(data)
    if isinstance(document, dict) and "profile_account_insights" in document:
        return meta.string_map(document, "profile_account_insights")
    records = meta.label_values(document)
    if not records:
        raise NotUnderstood("it has neither profile_account_insights nor label_values")
    return records[0]


def _count(data: Data) -> int:
    return sum(1 for _row in meta.records(json_root(data), ("contacts_contact_info",)))


READER = PlatformReader(
    platform_id="instagram",
    name="Instagram",
    format="JSON",
    signatures=(
        pattern(r"(^|/)followers_and_following/[^/]+\.json$"),
        pattern(r"(^|/)(personal_information|account_information)/[^/]+\.json$"),
        pattern(r"(^|/)your_instagram_activity/"),
        pattern(r"(^|/)login_and_(account|profile)_creation/[^/]+\.json$"),
    ),
    wanted=(*(files for files, _keys, _kind in _LISTS), _PERSONAL, _INSIGHTS, _CHANGES, _SYNCED),
    parse=parse,
    other_format=(
        pattern(r"(^|/)followers_and_following/[^/]+\.html$"),
        pattern(r"(^|/)personal_information/personal_information\.html$"),
    ),
    legacy=lambda names: {"connections.json", "settings.json"} <= {n.split("/")[-1] for n in names},
    ignored=(_THREADS,),
    watched=(pattern(_FOLDER + r"[^/]+$"),),
    known=_KNOWN,
)
