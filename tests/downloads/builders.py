"""Small synthetic exports in each platform's documented layout, built by the tests.

Every name here is invented. Shapes follow the platforms' own documentation and widely used
parsers: X's window.YTD wrappers with " : " separators, Meta's byte-by-byte \\u00XX escaping,
LinkedIn's "Notes:" lines before the CSV header, TikTok's and Snapchat's single JSON files.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

Files = dict[str, bytes | str]

EXPORT_DAY = "2026-02-20"  # before the tests' clock (2026-03-02), as a real export would be
X_DATE = "2026-02-20T09:58:12.345Z"
ZIP_TIME = (2026, 2, 20, 10, 0, 0)
FACEBOOK_FRIENDS = ("Anna Crowther", "Zoë Blackwood", "Priya Ramanathan", "Tom Ellery")
LINKEDIN_PEOPLE = (
    ("Morag", "Fairbairn", "https://www.linkedin.com/in/morag-fairbairn-1a2b"),
    ("Kwame", "Osei-Bonsu", "https://www.linkedin.com/in/kwame-osei-bonsu"),
    ("Siobhan", "Quigley", "https://www.linkedin.com/in/siobhan-quigley-77"),
)


# -- X ---------------------------------------------------------------------------------------
def x_json(value: object) -> str:
    """X writes JSON with 2-space indents and ' : ' between keys and values."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace('": ', '" : ')


def ytd(name: str, rows: object, part: int = 0) -> str:
    return f"window.YTD.{name}.part{part} = {x_json(rows)}"


def x_archive(
    *,
    history: Sequence[tuple[str, str]] = (("2026-01-12T10:00:00.000Z", "Protect"),),
    followers: Sequence[str] = ("1432874569021935616", "98765432"),
    following: Sequence[str] = ("3141592653",),
    generation_date: str | None = X_DATE,
    contacts: int | None = None,  # contact.js with this many contacts (None: no contact.js)
    created_at: str = "2019-12-09T08:15:30.000Z",
    prefix: str = "",
) -> Files:
    def links(kind: str, ids: Sequence[str]) -> list[dict[str, object]]:
        return [
            {kind: {"accountId": i, "userLink": f"https://twitter.com/intent/user?user_id={i}"}}
            for i in ids
        ]

    files: Files = {
        "Your archive.html": "<!DOCTYPE html><html><body>Your archive</body></html>",
        "data/README.txt": "Twitter archive\n",
        "data/account.js": ytd(
            "account",
            [
                {
                    "account": {
                        "accountId": "1203948576102938475",
                        "username": "jo_worker",
                        "createdAt": created_at,
                        "accountDisplayName": "Jo Worker",
                    }
                }
            ],
        ),
        "data/protected-history.js": ytd(
            "protected_history",
            [{"protectedHistory": {"protectedAt": at, "action": action}} for at, action in history],
        ),
        "data/follower.js": ytd("follower", links("follower", followers)),
        "data/following.js": ytd("following", links("following", following)),
        "data/tweets.js": ytd("tweets", [{"tweet": {"id_str": "1", "full_text": "hello"}}]),
    }
    if contacts is not None:
        files["data/contact.js"] = ytd(
            "contact",
            [
                {"contact": {"id": str(n), "emails": [f"c{n}@example.invalid"]}}
                for n in range(contacts)
            ],
        )
    if generation_date is not None:
        files["data/manifest.js"] = "window.__THAR_CONFIG = " + x_json(
            {
                "userInfo": {"accountId": "1203948576102938475", "userName": "jo_worker"},
                "archiveInfo": {
                    "sizeBytes": "48213",
                    "generationDate": generation_date,
                    "isPartialArchive": False,
                },
                "dataTypes": {"follower": {"files": [{"fileName": "data/follower.js"}]}},
            }
        )
    return {prefix + name: content for name, content in files.items()}


# -- Meta (Facebook, Instagram) ---------------------------------------------------------------
def meta_json(value: object) -> str:
    """Meta's encoding: each UTF-8 byte of a string becomes its own \\u00XX escape."""

    def mangle(item: object) -> object:
        if isinstance(item, str):
            return item.encode("utf-8").decode("latin-1")
        if isinstance(item, list):
            return [mangle(x) for x in item]
        if isinstance(item, dict):
            return {mangle(k): mangle(v) for k, v in item.items()}
        return item

    return json.dumps(mangle(value), indent=2, ensure_ascii=True)


def string_list(usernames: Sequence[str], start: int = 1_767_000_000) -> list[dict[str, object]]:
    return [
        {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {"href": f"https://www.instagram.com/{u}", "value": u, "timestamp": start - i}
            ],
        }
        for i, u in enumerate(usernames)
    ]


def string_map(values: Mapping[str, str]) -> dict[str, object]:
    return {k: {"href": "", "value": v, "timestamp": 0} for k, v in values.items()}


def instagram_export(
    *,
    private: str | None = "True",
    contact_syncing: str | None = "True",
    switches: Sequence[tuple[int, str]] = ((1_748_736_000, "Switched to Private"),),  # 2025-06-01
    followers: Sequence[str] = ("sunny.days_77", "bookworm.bev", "carla_the_cook"),
    following: Sequence[str] = ("bookworm.bev", "local_bakery"),
    received: Sequence[str] = ("curious.neighbour",),
    fmt: str = "json",
    prefix: str = "instagram-jo.worker-2026-02-20-AbCdEf/",
) -> Files:
    if fmt == "html":
        return {
            prefix + "connections/followers_and_following/followers_1.html": "<html></html>",
            prefix + "personal_information/personal_information/personal_information.html": "x",
            prefix + "index.html": "<html></html>",
        }
    personal = {"Email": "jo@example.invalid", "Name": "Jo Worker", "Username": "jo.worker"}
    if private is not None:
        personal["Private Account"] = private
    insights = {"First Country Code": "GB"}
    if contact_syncing is not None:
        insights["Contact Syncing"] = contact_syncing
    files: Files = {
        "personal_information/personal_information/personal_information.json": meta_json(
            {"profile_user": [{"media_map_data": {}, "string_map_data": string_map(personal)}]}
        ),
        "personal_information/personal_information/account_information.json": meta_json(
            {
                "profile_account_insights": [
                    {"title": "", "media_map_data": {}, "string_map_data": string_map(insights)}
                ]
            }
        ),
        "security_and_login_information/login_and_account_creation/account_privacy_changes.json": (
            meta_json(
                {
                    "account_history_account_privacy_history": [
                        {
                            "title": title,
                            "media_map_data": {},
                            "string_map_data": {"Time": {"href": "", "value": "", "timestamp": at}},
                        }
                        for at, title in switches
                    ]
                }
            )
        ),
        "connections/followers_and_following/followers_1.json": meta_json(string_list(followers)),
        "connections/followers_and_following/following.json": meta_json(
            {"relationships_following": string_list(following)}
        ),
        "connections/followers_and_following/follow_requests_you've_received.json": meta_json(
            {"relationships_follow_requests_received": string_list(received)}
        ),
        "your_instagram_activity/likes/liked_posts.json": meta_json({"likes_media_likes": []}),
    }
    return {prefix + name: content for name, content in files.items()}


def facebook_export(
    *,
    friends: Sequence[str] = FACEBOOK_FRIENDS,
    received: Sequence[str] = ("Unknown Caller",),
    sent: Sequence[str] = (),
    fmt: str = "json",
    prefix: str = "facebook-joworker-2026-02-20-XyZ123/",
) -> Files:
    if fmt == "html":
        return {
            prefix + "connections/friends/your_friends.html": "<html><body>friends</body></html>",
            prefix + "index.html": "<html></html>",
        }

    def people(names: Sequence[str]) -> list[dict[str, object]]:
        return [{"name": n, "timestamp": 1_700_000_000 - i * 86_400} for i, n in enumerate(names)]

    files: Files = {
        "connections/friends/your_friends.json": meta_json({"friends_v2": people(friends)}),
        "connections/friends/received_friend_requests.json": meta_json(
            {"received_requests_v2": people(received)}
        ),
        "connections/friends/sent_friend_requests.json": meta_json(
            {"sent_requests_v2": people(sent)}
        ),
        "your_facebook_activity/posts/your_posts_1.json": meta_json([]),
    }
    return {prefix + name: content for name, content in files.items()}


# -- LinkedIn, TikTok, Snapchat ---------------------------------------------------------------
LINKEDIN_NOTES = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)


def linkedin_export(
    *,
    people: Sequence[tuple[str, str, str]] = LINKEDIN_PEOPLE,
    incoming: Sequence[tuple[str, str]] = (
        ("Declan Mulgrew", "https://www.linkedin.com/in/declan-mulgrew"),
    ),
    notes: bool = True,
) -> Files:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    rows = "".join(
        f'{first},{last},{url},,"Care, Support & Co",Support worker,01 Sep 2026\r\n'
        for first, last, url in people
    )
    invitations = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
    invitations += "".join(
        f'{name},Jo Worker,"9/20/26, 4:10 PM",,INCOMING,{url},https://www.linkedin.com/in/jo\r\n'
        for name, url in incoming
    )
    return {
        "Connections.csv": "\ufeff" + (LINKEDIN_NOTES if notes else "") + header + rows,
        "Invitations.csv": invitations,
        "Profile.csv": "First Name,Last Name\r\nJo,Worker\r\n",
    }


def tiktok_export(
    *, followers: Sequence[str] = ("dance.mum", "skater_kid_09"), following: Sequence[str] = ()
) -> Files:
    def rows(names: Sequence[str]) -> list[dict[str, str]]:
        return [{"Date": "2026-08-23 06:18:18 UTC", "UserName": n} for n in names]

    document = {
        "Profile And Settings": {
            "Profile Info": {"ProfileMap": {"userName": "jo.worker"}},
            "Follower": {"FansList": rows(followers)},
            "Following": {"Following": rows(following)},
        }
    }
    return {"TikTok_Data_1771574400/user_data_tiktok.json": json.dumps(document, indent=2)}


def snapchat_export(
    *, friends: Sequence[tuple[str, str]] = (("ghostly_gav", "Gav"), ("amz_r", "Amira R"))
) -> Files:
    document = {
        "Friends": [
            {
                "Username": u,
                "Display Name": d,
                "Creation Timestamp": "2024-01-01 10:00:00 UTC",
                "Source": "Added by username",
            }
            for u, d in friends
        ],
        "Friend Requests Sent": [],
        "Blocked Users": [],
        "Pending Requests": [{"Username": "new_person_1", "Display Name": "New Person"}],
    }
    return {"mydata~1771574400000/json/friends.json": json.dumps(document, indent=2)}


# -- writers ---------------------------------------------------------------------------------
def write_zip(path: Path, files: Mapping[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return path


def write_folder(path: Path, files: Mapping[str, bytes | str]) -> Path:
    for name, content in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target.write_bytes(data)
    return path
