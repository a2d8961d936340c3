"""X (Twitter) "Download an archive of your data": data/*.js files in window.YTD wrappers.

Documented in the archive's own data/README.txt: protected-history.js records each use of
"Protect your posts" (protectedAt, action Protect/Unprotect) in the six months before the
archive; follower.js and following.js hold account ids and links only (no names); large lists
are split into follower-part1.js and so on; manifest.js gives the archive's generation date.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from app.audit.answers import AnswerStatus
from app.exports.decode import expect, from_iso, ytd_document
from app.exports.findings import Connection, ConnectionKind, SettingObservation, SettingSwitch
from app.exports.platforms.base import Members, Parsed, PlatformReader, pattern, safe_link

SETTING = "Protect your posts"
_MANIFEST = pattern(r"(^|/)manifest\.js$")
_ACCOUNT = pattern(r"(^|/)account\.js$")
_HISTORY = pattern(r"(^|/)protected-history\.js$")
_FOLLOWERS = pattern(r"(^|/)follower(-part\d+)?\.js$")
_FOLLOWING = pattern(r"(^|/)following(-part\d+)?\.js$")
_CONTACTS = pattern(r"(^|/)contact\.js$")
_HOSTS = ("x.com", "twitter.com")


def parse(members: Members) -> Parsed:
    export_date = _generation_date(members)
    switches = _switches(members)
    observations, notes = _protection(switches, _created_at(members), export_date)
    contacts = _contact_observation(members)
    return Parsed(
        observations=(*observations, *contacts),
        switches=switches,
        connections=(
            *_accounts(members, _FOLLOWERS, "follower", ConnectionKind.FOLLOWER),
            *_accounts(members, _FOLLOWING, "following", ConnectionKind.FOLLOWING),
        ),
        notes=notes,
        export_date=export_date,
        export_date_source="the archive's manifest" if export_date else "",
    )


def _rows(member: tuple[str, bytes], wrapper: str) -> list[dict[str, Any]]:
    name, data = member
    rows = ytd_document(data, name)
    expect(isinstance(rows, list), name)
    found = [row.get(wrapper) for row in rows if isinstance(row, dict)]
    return [row for row in found if isinstance(row, dict)]


def _generation_date(members: Members) -> datetime | None:
    manifest = members.first(_MANIFEST)
    if manifest is None:
        return None
    config = ytd_document(manifest[1], manifest[0])
    expect(isinstance(config, dict), manifest[0])
    info = config.get("archiveInfo")
    return from_iso(info.get("generationDate")) if isinstance(info, dict) else None


def _created_at(members: Members) -> datetime | None:
    account = members.first(_ACCOUNT)
    if account is None:
        return None
    rows = _rows(account, "account")
    return from_iso(rows[0].get("createdAt")) if rows else None


def _switches(members: Members) -> tuple[SettingSwitch, ...]:
    member = members.first(_HISTORY)
    if member is None:
        return ()
    switches = []
    for row in _rows(member, "protectedHistory"):
        at, action = from_iso(row.get("protectedAt")), str(row.get("action", "")).lower()
        expect(at is not None and action in ("protect", "unprotect"), member[0])
        assert at is not None
        protected = action == "protect"
        switches.append(SettingSwitch(at, SETTING, "on" if protected else "off", not protected))
    return tuple(sorted(switches, key=lambda s: s.at))


def _protection(
    switches: tuple[SettingSwitch, ...], created: datetime | None, exported: datetime | None
) -> tuple[tuple[SettingObservation, ...], tuple[str, ...]]:
    """The current state is the last switch; with none, only a new account is known (public)."""
    if switches:
        value = switches[-1].value
    elif created and exported and exported - created < timedelta(days=182):
        value = "off"  # posts are public when an account is created, and it never changed
    else:
        note = (
            f"The archive records no use of {SETTING} in the six months before it was made, so "
            "it does not say whether your posts are protected now. Check it on screen."
        )
        return (), (note,)
    status = AnswerStatus.SAFE if value == "on" else AnswerStatus.NEEDS_ACTION
    return (SettingObservation("private-account", SETTING, value, status),), ()


def _contact_observation(members: Members) -> tuple[SettingObservation, ...]:
    """Uploaded address-book contacts are listed (their details are only counted, never kept)."""
    member = members.first(_CONTACTS)
    if member is None:
        return ()
    count = len(_rows(member, "contact"))
    if count == 0:
        return ()
    value = f"{count} contacts uploaded"
    return (SettingObservation("contact-sync", "Address book", value, AnswerStatus.NEEDS_ACTION),)


def _accounts(
    members: Members, files: re.Pattern[str], wrapper: str, kind: ConnectionKind
) -> list[Connection]:
    found = []
    for member in members.all(files):
        for row in _rows(member, wrapper):
            account = str(row.get("accountId", "")).strip()
            if not account.isdigit():
                continue
            link = safe_link(row.get("userLink"), _HOSTS) or f"https://x.com/i/user/{account}"
            found.append(Connection(f"X account {account}", f"id:{account}", kind, link))
    return found


READER = PlatformReader(
    platform_id="x",
    name="X (Twitter)",
    format="JavaScript data files (data/*.js)",
    signatures=(
        pattern(
            r"(^|/)data/(manifest|account|follower|following|protected-history)(-part\d+)?\.js$"
        ),
        pattern(r"(^|/)(manifest|follower|following|protected-history)(-part\d+)?\.js$"),
    ),
    wanted=(_MANIFEST, _ACCOUNT, _HISTORY, _FOLLOWERS, _FOLLOWING, _CONTACTS),
    parse=parse,
    legacy=lambda names: any(
        pattern(r"(^|/)data/js/(tweet_index|user_details)\.js$").search(n) for n in names
    ),
)
