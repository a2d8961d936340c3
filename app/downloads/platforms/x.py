"""X (Twitter) "Download an archive of your data": data/*.js files in window.YTD wrappers.

Documented in the archive's own data/README.txt (AlliePinnell/FinalTwitterBackup, 2025):
protected-history.js records each use of "Protect your posts" (protectedAt, action
Protect/Unprotect) in the six months before the archive, oldest first, and is `[ ]` when
there was none (alrocar/x, 2024); account.js holds email, createdVia, username, accountId,
createdAt and accountDisplayName, and no protected flag, so the protected state is read from
protected-history.js only. follower.js and following.js hold account ids and links only (no
names); large lists are split into follower-part1.js and so on; manifest.js gives the
archive's generation date; contact.js lists address-book contacts uploaded to X.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from app.audit.answers import AnswerStatus
from app.downloads.decode import from_iso, ytd_root
from app.downloads.download_errors import NotUnderstood
from app.downloads.findings import Connection, ConnectionKind, SettingObservation, SettingSwitch
from app.downloads.jsonstream import Data
from app.downloads.platforms.base import Members, Parsed, PlatformReader, clean, pattern, safe_link
from app.downloads.platforms.meta import MAX_RECORD_BYTES
from app.formatting import plural

SETTING = "Protect your posts"
_MANIFEST = pattern(r"(^|/)manifest\.js$")
_HISTORY = pattern(r"(^|/)protected-history\.js$")
_FOLLOWERS = pattern(r"(^|/)follower(-part\d+)?\.js$")
_FOLLOWING = pattern(r"(^|/)following(-part\d+)?\.js$")
_CONTACTS = pattern(r"(^|/)contact(-part\d+)?\.js$")
_ACCOUNT = pattern(r"(^|/)account\.js$")
# protected-history.js covers the six months before the archive (data/README.txt).
HISTORY_WINDOW = timedelta(days=182)
_HOSTS = ("x.com", "twitter.com")
NO_FILE = (
    f"This archive has no data/protected-history.js, so it does not say whether your posts are "
    f"protected ({SETTING}). Check it on screen."
)
NO_HISTORY = (
    f"The archive records no use of {SETTING} in the six months before it was made, so it does "
    "not say whether your posts are protected now. Check it on screen."
)


def parse(members: Members) -> Parsed:
    """Protect your posts (from its history), uploaded contacts, followers and following."""
    export_date = _generation_date(members)
    has_history = members.has(_HISTORY)
    switches = _switches(members)
    observations, notes = _protection(switches) if has_history else ((), (NO_FILE,))
    new_account = _new_account(members, export_date)  # account.js is always read (progress)
    if switches == () and new_account:
        # Made within the history's window and never protected since: its posts have been
        # public from the start (X: "your posts are public by default").
        value = "off (never protected since the account was made)"
        observations = (
            SettingObservation("private-account", SETTING, value, AnswerStatus.NEEDS_ACTION),
        )
        notes = ()
    for files, wrapper, kind in (
        (_FOLLOWERS, "follower", ConnectionKind.FOLLOWER),
        (_FOLLOWING, "following", ConnectionKind.FOLLOWING),
    ):
        for name in members.names(files):
            members.attempt(name, partial(_accounts, members, wrapper, kind), (kind,))
    return Parsed(
        observations=(*observations, *_contact_observation(members)),
        switches=switches or (),
        notes=notes,
        export_date=export_date,
        export_date_source="the archive's manifest" if export_date else "",
    )


def _rows(data: Data, wrapper: str) -> Iterator[dict[str, Any]]:
    """The records of one data/*.js file: [{"<wrapper>": {...}}, ...], one at a time."""
    root = ytd_root(data)
    if root.kind != "array":
        raise NotUnderstood("it does not hold the list X archive files hold")
    for row in root.loaded_elements(MAX_RECORD_BYTES):
        inner = row.get(wrapper) if isinstance(row, dict) else None
        if isinstance(inner, dict):
            yield inner


def _generation_date(members: Members) -> datetime | None:
    for name in members.names(_MANIFEST)[:1]:
        config = members.attempt(name, lambda data: ytd_root(data).load())
        info = config.get("archiveInfo") if isinstance(config, dict) else None
        return from_iso(info.get("generationDate")) if isinstance(info, dict) else None
    return None


def _switches(members: Members) -> tuple[SettingSwitch, ...] | None:
    """Every switch, oldest first; None when the history is missing or not understood."""
    names = members.names(_HISTORY)
    if not names:
        return None
    return members.attempt(names[0], _history)


def _history(data: Data) -> tuple[SettingSwitch, ...]:
    switches = []
    for row in _rows(data, "protectedHistory"):
        at, action = from_iso(row.get("protectedAt")), str(row.get("action", "")).casefold()
        if at is None or action not in ("protect", "unprotect"):
            # Strict: one entry misread could flip the answer, so none is used.
            raise NotUnderstood(
                f"an entry reads '{clean(row.get('action', ''), 20)}' at "
                f"'{clean(row.get('protectedAt', ''), 30)}', which Footprint does not know, so "
                f"{SETTING} was not read"
            )
        protected = action == "protect"
        switches.append(SettingSwitch(at, SETTING, "on" if protected else "off", not protected))
    return tuple(sorted(switches, key=lambda s: s.at))


def _protection(
    switches: tuple[SettingSwitch, ...] | None,
) -> tuple[tuple[SettingObservation, ...], tuple[str, ...]]:
    """The current state is the last switch; with none, the archive does not say."""
    if switches is None:
        return (), ()
    if not switches:
        return (), (NO_HISTORY,)
    value = switches[-1].value
    status = AnswerStatus.SAFE if value == "on" else AnswerStatus.NEEDS_ACTION
    return (SettingObservation("private-account", SETTING, value, status),), ()


def _contact_observation(members: Members) -> tuple[SettingObservation, ...]:
    """Uploaded address-book contacts are listed (only counted, never kept); an empty
    contact.js says none is held."""
    names = members.names(_CONTACTS)
    counts = [
        members.attempt(name, lambda data: sum(1 for _ in _rows(data, "contact"))) for name in names
    ]
    if not names or None in counts:
        return ()
    count = sum(c or 0 for c in counts)
    if count == 0:
        return (
            SettingObservation(
                "contact-sync", "Address book", "no contacts uploaded", AnswerStatus.SAFE
            ),
        )
    value = f"{plural(count, 'contact')} uploaded"
    return (SettingObservation("contact-sync", "Address book", value, AnswerStatus.NEEDS_ACTION),)


def _new_account(members: Members, export_date: datetime | None) -> bool:
    """The account was created within the history's six months before the archive."""
    names = members.names(_ACCOUNT)
    if export_date is None or not names:
        return False
    rows = members.attempt(names[0], lambda data: list(_rows(data, "account")))
    created = from_iso(rows[0].get("createdAt")) if rows else None
    return created is not None and export_date - HISTORY_WINDOW <= created <= export_date


def _accounts(members: Members, wrapper: str, kind: ConnectionKind, data: Data) -> None:
    for row in _rows(data, wrapper):
        account = str(row.get("accountId", "")).strip()
        if (
            not (account.isascii() and account.isdigit())
            or len(account) > 25
            or members.people.seen(kind, f"id:{account}")
        ):
            continue
        link = safe_link(row.get("userLink"), _HOSTS) or f"https://x.com/i/user/{account}"
        if not members.add_person(Connection(f"X account {account}", f"id:{account}", kind, link)):
            return


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
    wanted=(_MANIFEST, _HISTORY, _FOLLOWERS, _FOLLOWING, _CONTACTS, _ACCOUNT),
    parse=parse,
    legacy=lambda names: any(
        pattern(r"(^|/)data/js/(tweet_index|user_details)\.js$").search(n) for n in names
    ),
)
