"""A small generator of exports, one function per layout generation seen in public evidence.

Shapes (paths, keys, nesting, encodings) follow app/downloads/FORMATS.md, which names the
public repository and path each was seen in; every name and value here is invented. Variants
turn any export into what Windows tools, spreadsheets and macOS make of it: CRLF line ends,
a UTF-8 BOM, an archive re-zipped from its unpacked folder (with __MACOSX/ entries).
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.downloads.builders import Files, meta_json, string_map, write_zip, x_json, ytd

# -- invented people ---------------------------------------------------------------------------
FB_FRIENDS = ("Anna Crowther", "Zoë Blackwood", "Nguyễn Văn Mẫu", "Tomasz Wiśniewski")
FB_FOLLOWERS = ("Ffion Llewellyn", "Aoife Ní Bhriain", "Zoë Blackwood")
FB_FOLLOWING = ("Riverside Bakery Page", "Kwabena Mensah")
IG_FOLLOWERS = ("sunny.days_77", "bookworm.bev", "carla_the_cook", "gwen.y.gwynt")
IG_FOLLOWING = ("bookworm.bev", "local_bakery")
TT_FOLLOWERS = ("dance.mum", "skater_kid_09", "cardiff.rambler")

# Labels per language as the exports write them (evidence in FORMATS.md); only what was seen.
IG_LABELS: dict[str, dict[str, str]] = {
    "en": {"private": "Private Account", "sync": "Contact Syncing", "true": "True",
           "to_private": "Switched to Private", "to_public": "Switched to Public"},
    "en2026": {"private": "Private account", "sync": "Contact syncing", "true": "True",
               "to_private": "Switched to private", "to_public": "Switched to public"},
    "tr": {"private": "Gizli Hesap", "sync": "Rehber Senkronizasyonu", "true": "Doğru",
           "to_private": "Gizli Hesaba Geçiş Yapıldı",
           "to_public": "Herkese Açık Hesaba Geçiş Yapıldı"},
    "fr": {"private": "Compte privé"},
    "it": {"private": "Account privato", "sync": "Sincronizzazione dei contatti"},
    "ar": {"private": "حساب خاص"},
    "ru": {"private": "Закрытый аккаунт", "sync": "Синхронизация контактов",
           "to_private": "Тип аккаунта изменен на закрытый",
           "to_public": "Тип аккаунта изменен на общедоступный"},
    "zh": {"private": "私密帐户", "sync": "联系人同步", "to_private": "已切换为私密",
           "to_public": "已切换为公开"},
    "es": {"private": "Cuenta privada"},  # the app's translation only
}  # fmt: skip


# -- Facebook ----------------------------------------------------------------------------------
def _fb_people(names: Sequence[str], *, timestamps: bool = True) -> list[dict[str, object]]:
    if not timestamps:
        return [{"name": n} for n in names]
    return [{"name": n, "timestamp": 1_767_000_000 - i * 86_400} for i, n in enumerate(names)]


def facebook_2026(
    *,
    friends: Sequence[str] = FB_FRIENDS,
    followers: Sequence[str] = FB_FOLLOWERS,
    following: Sequence[str] = FB_FOLLOWING,
    received: Sequence[str] = ("Unknown Caller",),
    sent: Sequence[str] = ("Priya Sample",),
    sync: Sequence[str] = ("Off", "Off"),
    following_name: str = "who_you've_followed.json",
    prefix: str = "facebook-joworker-2026-02-20-XyZ123/",
) -> Files:
    """tieubachlongblog/thanhbobber (2026-03) and what-if-horizon structures (2024–25)."""
    files: Files = {
        "connections/friends/your_friends.json": meta_json({"friends_v2": _fb_people(friends)}),
        "connections/friends/received_friend_requests.json": meta_json(
            {"received_requests_v2": _fb_people(received)}
        ),
        "connections/friends/sent_friend_requests.json": meta_json(
            {"sent_requests_v2": _fb_people(sent)}
        ),
        "connections/friends/removed_friends.json": meta_json(
            {"deleted_friends_v2": _fb_people(("Old Colleague",))}
        ),
        "connections/friends/suggested_friends.json": meta_json(
            [
                {
                    "media": [],
                    "label_values": [{"label": "Name", "value": "Suggested Person"}],
                    "fbid": "100000000000001",
                }
            ]
        ),
        "connections/followers/people_who_followed_you.json": meta_json(
            {"followers_v3": _fb_people(followers, timestamps=False)}
        ),
        f"connections/followers/{following_name}": meta_json(
            {"following_v3": _fb_people(following)}
        ),
        "connections/supervision/no-data.txt": "No data available.\n",
        "your_facebook_activity/posts/your_posts_1.json": meta_json([]),
    }
    if sync:
        files["personal_information/profile_information/contacts_sync_settings.json"] = meta_json(
            [_phone(value, n) for n, value in enumerate(sync)]
        )
    return {prefix + name: content for name, content in files.items()}


def _phone(syncing: str, n: int) -> dict[str, object]:
    return {
        "media": [],
        "label_values": [
            {"label": "Phone ID", "value": f"00000000-0000-4000-8000-00000000000{n}"},
            {"label": "Indicates if syncing is on", "value": syncing},
            {"label": "Creation time", "timestamp_value": 1_700_000_000},
            {"label": "Last sync time", "timestamp_value": None},
            {
                "label": "Indicates if your device allows Facebook to read your contacts",
                "value": "False",
            },
        ],
        "fbid": f"10000000000000{n}",
    }


def facebook_page_2026(*, followers: Sequence[str] = FB_FOLLOWERS) -> Files:
    """A page / additional-profile export: Phyoe-ptt/nobel_mount (2026)."""
    prefix = "facebook-riversidecare-2026-02-18-PqR/"
    files: Files = {
        "connections/followers/people_who_followed_you.json": meta_json(
            {"followers_v3": _fb_people(followers, timestamps=False)}
        ),
        "connections/followers/who_you've_followed.json": meta_json(
            {"following_v3": _fb_people(("Kwabena Mensah",))}
        ),
        "profile_information/profile_information/profile_information.json": meta_json(
            {"profile_v2": {"name": {"full_name": "Riverside Care"}, "profile_uri": "x"}}
        ),
        "profile_information/profile_information/contacts_sync_settings.json": meta_json(
            [_phone("Default", 1)]
        ),
        "this_profile's_activity_across_facebook/posts/no-data.txt": "No data.\n",
    }
    return {prefix + name: content for name, content in files.items()}


def facebook_2021(
    *,
    friends: Sequence[str] = FB_FRIENDS[:2],
    following: Sequence[str] = FB_FOLLOWING,
    prefix: str = "facebook-joworker-2021-10-18/",
) -> Files:
    """friends_and_followers/ (2020–22), from parser code and a parser's docs."""
    files: Files = {
        "friends_and_followers/friends.json": meta_json({"friends_v2": _fb_people(friends)}),
        "friends_and_followers/friend_requests_received.json": meta_json(
            {"received_requests_v2": _fb_people(("Unknown Caller",))}
        ),
        "friends_and_followers/friend_requests_sent.json": meta_json(
            {"sent_requests_v2": _fb_people(())}
        ),
        "friends_and_followers/rejected_friend_requests.json": meta_json(
            {"rejected_requests_v2": _fb_people(("Spam Account",))}
        ),
        "friends_and_followers/removed_friends.json": meta_json(
            {"deleted_friends_v2": _fb_people(("Old Colleague",))}
        ),
        "friends_and_followers/who_you_follow.json": meta_json(
            {"following_v2": _fb_people(following)}
        ),
        "profile_information/profile_information.json": meta_json(
            {"profile_v2": {"name": {"full_name": "Jo Worker"}}}
        ),
    }
    return {prefix + name: content for name, content in files.items()}


def facebook_html_2024() -> Files:
    """DskyDsky/Aldemar-Snow- (2024-07): the same tree as .html, no JSON at all."""
    prefix = "facebook-joworker-2024-07-05-Abc/"
    return {
        prefix + "index.html": "<html><title>Your information</title></html>",
        prefix + "connections/friends/your_friends.html": "<html><title>Tus amigos</title></html>",
        prefix + "connections/followers/people_who_followed_you.html": "<html></html>",
        prefix + "connections/supervision/no-data.txt": "No data.\n",
    }


# -- Instagram ---------------------------------------------------------------------------------
def _ig_list(usernames: Sequence[str], *, title_only: bool = False) -> list[dict[str, object]]:
    if title_only:  # 2026 following.json: username in "title", no "value", /_u/ link
        return [
            {"title": u, "string_list_data": [
                {"href": f"https://www.instagram.com/_u/{u}", "timestamp": 1_767_000_000 - i}]}
            for i, u in enumerate(usernames)
        ]  # fmt: skip
    return [
        {"title": "", "media_list_data": [], "string_list_data": [
            {"href": f"https://www.instagram.com/{u}", "value": u,
             "timestamp": 1_767_000_000 - i}]}
        for i, u in enumerate(usernames)
    ]  # fmt: skip


def _ig_personal(labels: Mapping[str, str], private: str | None) -> str:
    values = {"Username": "jo.worker", "Name": "Jo Worker"}
    if private is not None:
        values[labels.get("private", "Private Account")] = private
    return meta_json(
        {
            "profile_user": [
                {"title": "", "media_map_data": {}, "string_map_data": string_map(values)}
            ]
        }
    )


def _ig_insights(labels: Mapping[str, str], syncing: str | None) -> str:
    values = {"First Country Code": "GB"}
    if syncing is not None:
        values[labels.get("sync", "Contact Syncing")] = syncing
    return meta_json(
        {"profile_account_insights": [
            {"title": "", "media_map_data": {}, "string_map_data": string_map(values)}]}
    )  # fmt: skip


def _ig_switches_map(labels: Mapping[str, str], switches: Sequence[tuple[int, str]]) -> str:
    return meta_json(
        {"account_history_account_privacy_history": [
            {"title": labels[f"to_{way}"], "media_map_data": {},
             "string_map_data": {"Time": {"href": "", "value": "", "timestamp": at}}}
            for at, way in switches]}
    )  # fmt: skip


def instagram_2022(
    *,
    language: str = "fr",
    private: str | None = "True",
    followers: Sequence[str] = IG_FOLLOWERS,
    following: Sequence[str] = IG_FOLLOWING,
    prefix: str = "Instagram-fake-data/",
) -> Files:
    """hestiaAI/hestialabs-experiences instagramV2.zip (2022): no connections/ level."""
    labels = IG_LABELS[language]
    files: Files = {
        "followers_and_following/followers.json": meta_json(
            {"relationships_followers": _ig_list(followers)}
        ),
        "followers_and_following/following.json": meta_json(
            {"relationships_following": _ig_list(following)}
        ),
        "account_information/personal_information.json": _ig_personal(labels, private),
    }
    return {prefix + name: content for name, content in files.items()}


def instagram_2023(
    *, private: str = "False", switches: Sequence[tuple[int, str]] = ((1_680_000_000, "public"),)
) -> Files:
    """pixelfed/pixelfed#4555 trees (2023): followers_1.json a top-level list."""
    labels = IG_LABELS["en"]
    prefix = "instagram-jo.worker-2023-06-15-AbC/"
    files: Files = {
        "followers_and_following/followers_1.json": meta_json(_ig_list(IG_FOLLOWERS)),
        "followers_and_following/following.json": meta_json(
            {"relationships_following": _ig_list(IG_FOLLOWING)}
        ),
        "personal_information/personal_information.json": _ig_personal(labels, private),
        "personal_information/account_information.json": _ig_insights(labels, "False"),
        "login_and_account_creation/account_privacy_changes.json": _ig_switches_map(
            labels, switches
        ),
    }
    return {prefix + name: content for name, content in files.items()}


def instagram_2024(*, private: str = "True") -> Files:
    """yummyhopper/personal_instagram_analysis (2024-07), pixelfed#4494 (2024-01)."""
    labels = IG_LABELS["en"]
    prefix = "instagram-jo.worker-2024-07-10-AbC/"
    files: Files = {
        "connections/followers_and_following/followers_1.json": meta_json(_ig_list(IG_FOLLOWERS)),
        "connections/followers_and_following/following.json": meta_json(
            {"relationships_following": _ig_list(IG_FOLLOWING)}
        ),
        "connections/followers_and_following/recently_unfollowed_accounts.json": meta_json(
            {"relationships_unfollowed_users": _ig_list(("gone.away",))}
        ),
        "personal_information/personal_information/personal_information.json": _ig_personal(
            labels, private
        ),
        "personal_information/personal_information/account_information.json": _ig_insights(
            labels, "True"
        ),
    }
    return {prefix + name: content for name, content in files.items()}


def instagram_2025(
    *,
    private: str | None = "False",
    switches: Sequence[tuple[int, str]] = ((1_740_000_000, "private"), (1_748_736_000, "public")),
) -> Files:
    """what-if-horizon structures (2024-11 … 2025-04), kashik09/insta (2025-03)."""
    labels = IG_LABELS["en2026"]
    prefix = "instagram-jo.worker-2025-06-01-AbC/"
    folder = "security_and_login_information/login_and_profile_creation/"
    files: Files = {
        "connections/followers_and_following/followers_1.json": meta_json(_ig_list(IG_FOLLOWERS)),
        "connections/followers_and_following/following.json": meta_json(
            {"relationships_following": _ig_list(IG_FOLLOWING)}
        ),
        "connections/followers_and_following/blocked_profiles.json": meta_json(
            {"relationships_blocked_users": _ig_list(("spam.bot",))}
        ),
        "personal_information/personal_information/personal_information.json": _ig_personal(
            labels, private
        ),
        "personal_information/personal_information/instagram_profile_information.json": (
            _ig_insights(labels, "False")
        ),
        folder + "profile_privacy_changes.json": _ig_switches_map(labels, switches),
    }
    return {prefix + name: content for name, content in files.items()}


def instagram_2026(
    *,
    language: str = "tr",
    private: str | None = "True",
    switches: Sequence[tuple[int, str]] = ((1_767_100_000, "public"), (1_750_000_000, "private")),
    followers: Sequence[str] = IG_FOLLOWERS,
    following: Sequence[str] = IG_FOLLOWING,
    syncing: str | None = "Doğru",
    synced_contacts: int = 0,
    threads_private: str = "False",
    prefix: str = "instagram-jo.worker-2026-02-19-XyZ/",
) -> Files:
    """Veterinalyus/iVerify_V1_Project (2026, Turkish), GoodnessFx/Recall and repeat98/insta
    (2026): switches newest first with string_list_data, following by title, label_values."""
    labels = IG_LABELS[language]
    folder = "security_and_login_information/login_and_profile_creation/"
    pairs: list[dict[str, object]] = [{"label": "İlk Ülke Kodu", "value": "GB"}]
    if syncing is not None:
        pairs.insert(0, {"label": labels.get("sync", "Contact syncing"), "value": syncing})
    files: Files = {
        "connections/followers_and_following/followers_1.json": meta_json(_ig_list(followers)),
        "connections/followers_and_following/following.json": meta_json(
            {"relationships_following": _ig_list(following, title_only=True)}
        ),
        "connections/followers_and_following/blocked_profiles.json": meta_json(
            {
                "timestamp": 1_767_000_000,
                "media": [],
                "label_values": [{"label": "Username", "value": "spam.bot"}],
                "fbid": "1",
            }
        ),
        "personal_information/personal_information/personal_information.json": _ig_personal(
            labels, private
        ),
        "personal_information/personal_information/instagram_profile_information.json": (
            meta_json({"media": [], "label_values": pairs, "fbid": "17800000000000000"})
        ),
        folder + "profile_privacy_changes.json": meta_json(
            {
                "account_history_account_privacy_history": [
                    {"title": labels[f"to_{way}"], "string_list_data": [{"timestamp": at}]}
                    for at, way in switches
                ]
            }
        ),
        "your_instagram_activity/threads/personal_information.json": meta_json(
            {
                "profile_user": [
                    {
                        "title": "",
                        "media_map_data": {},
                        "string_map_data": string_map({"Private Account": threads_private}),
                    }
                ]
            }
        ),
        "your_instagram_activity/saved/no-data.txt": "No data.\n",
    }
    if synced_contacts:
        files["connections/contacts/synced_contacts.json"] = meta_json(
            {"contacts_contact_info": [
                {"string_map_data": string_map({"First Name": f"Contact {n}", "Last Name": "X",
                                                "Contact Information": "+440000000000"})}
                for n in range(synced_contacts)]}
        )  # fmt: skip
    return {prefix + name: content for name, content in files.items()}


# -- TikTok ------------------------------------------------------------------------------------
TT_SETTINGS_2025 = {
    "Allow DownLoad": "Everyone",
    "Allow Others to Find Me": "Disabled",
    "App Language": "English",
    "Content Preferences": {"Keyword filters for videos in For You feed": None},
    "Private Account": "Disabled",
    "Push Notification": {"New Fans": "Default"},
    "Suggest your account to Facebook friends": "enabled",
    "Suggest your account to contacts": "enabled",
    "Suggest your account to people who open or send links to you": "enabled",
    "Web Language": "N/A",
    "Who Can Send Me Message": "Everyone",
    "Who Can View Videos I Liked": "Myself",
}
TT_LIVE = {"Go Live Settings": {"App": 1, "SettingsMap": {
    "Private Account": "Enabled", "Who Can Send Me Message": "No one",
    "Allow others to invite you to co-host in LIVE": "On"}}}  # fmt: skip


def _tt_rows(names: Sequence[str] | None, date: str = "2025-10-01 09:31:12") -> object:
    return None if names is None else [{"Date": date, "UserName": n} for n in names]


def tiktok_2022(*, followers: Sequence[str] = TT_FOLLOWERS[:1]) -> Files:
    """hestiaAI/hestialabs-experiences tiktok.zip (2022): user_data.json, "Activity"."""
    document = {
        "Activity": {
            "Follower List": {"FansList": _tt_rows(followers, "2022-03-01 10:00:00")},
            "Following List": {"Following": []},
        },
        "App Settings": {
            "Block": {"BlockList": None},
            "Settings": {
                "SettingsMap": {
                    "Private Account": "Enabled",
                    "Who Can Send Me Message": "Default",
                    "Allow Others to Find Me": "Disabled",
                    "App Language": "Français",
                }
            },
        },
        "Profile": {"Profile Information": {"ProfileMap": {"userName": "jo.worker"}}},
    }
    return {"TikTok_Data_1646128800/user_data.json": json.dumps(document, indent=2)}


def tiktok_2024(*, followers: Sequence[str] = TT_FOLLOWERS) -> Files:
    """what-if-horizon/what-if-data-donation TT_user_data_tiktok.json (2024-12)."""
    document = {
        "Activity": {
            "Follower List": {"App": 1, "IsFastLane": False,
                              "FansList": _tt_rows(followers, "2024-11-27 07:12:41")},
            "Following List": {"App": 1, "IsFastLane": False, "Following": _tt_rows(())},
        },
        "App Settings": {
            "Block": {"App": 1, "BlockList": None},
            "Settings": {"App": 1, "SettingsMap": {**TT_SETTINGS_2025,
                                                   "Who Can Send Me Message": "Friends"}},
        },
        "Tiktok Live": TT_LIVE,
        "Direct Messages": {"Chat History": {"ChatHistory": {"Chat History with x": [
            {"Date": "2024-11-01 10:00:00", "From": "x", "Content": "hi [{ \"not\": json"}]}}},
    }  # fmt: skip
    return {"TikTok_Data_1733000000/user_data_tiktok.json": json.dumps(document, indent=2)}


def tiktok_2025(
    *,
    followers: Sequence[str] | None = TT_FOLLOWERS,
    following: Sequence[str] | None = None,
    settings: Mapping[str, object] = TT_SETTINGS_2025,
) -> Files:
    """LamineLSU/Privacy-Cost-of-Fun (2025-04: null lists), textandgetrich/Jupiter,
    beyzaacesur/tiktok-chronotypes-analysis: "Your Activity", a "Tiktok Live" SettingsMap."""
    document = {
        "Tiktok Live": TT_LIVE,  # first on purpose: its SettingsMap must never be read
        "App Settings": {
            "Block List": {"App": 1, "BlockList": None},
            "Settings": {"App": 1, "SettingsMap": dict(settings)},
            "UserThirdPlatformInformation": [],
        },
        "Profile": {"Profile Info": {"App": 1, "ProfileMap": {"userName": "jo.worker"}}},
        "Your Activity": {
            "Follower": {"App": 1, "IsFastLane": False, "FansList": _tt_rows(followers)},
            "Following": {"App": 1, "IsFastLane": False, "Following": _tt_rows(following)},
        },
    }
    return {"TikTok_Data_1759311072/user_data_tiktok.json": json.dumps(document, indent=2)}


def tiktok_2026(*, followers: Sequence[str] = TT_FOLLOWERS) -> Files:
    """porter7678/tiktok-shuffler (2026, partial) and parser evidence: "Profile And Settings",
    values On/Off."""
    document = {
        "Likes and Favorites": {"Like List": {"ItemFavoriteList": []}},
        "Profile And Settings": {
            "Profile Info": {"ProfileMap": {"userName": "jo.worker"}},
            "Follower": {"FansList": _tt_rows(followers, "2026-02-01 08:00:00")},
            "Following": {"Following": _tt_rows(("local.bakery",), "2026-02-01 08:00:00")},
            "Settings": {
                "SettingsMap": {
                    "Private Account": "On",
                    "Suggest your account to contacts": "Off",
                    "Suggest your account to Facebook friends": "Off",
                    "Who Can Send Me Message": "Friends",
                    "Allow DownLoad": "On",
                }
            },
        },
        "Tiktok Live": TT_LIVE,
    }
    return {"TikTok_Data_1771574400/user_data_tiktok.json": json.dumps(document, indent=2)}


# -- X -----------------------------------------------------------------------------------------
def x_2025(
    *,
    history: Sequence[tuple[str, str]] = (
        ("2024-10-19T08:15:30.123Z", "Protect"),
        ("2024-12-08T17:02:11.456Z", "Unprotect"),
    ),
    followers: Sequence[str] = ("98765432", "1432874569021935616"),
    contacts: int = 1,
    generated: str = "2025-01-22T10:00:00.000Z",
    prefix: str = "twitter-2025-01-22-3f9c2a/",
) -> Files:
    """AlliePinnell/FinalTwitterBackup (2025), alrocar/x (2024: empty history `[ ]`)."""
    history_js = (
        "window.YTD.protected_history.part0 = [ ]"
        if not history
        else ytd("protected_history", [{"protectedHistory": {"protectedAt": at, "action": a}}
                                       for at, a in history])
    )  # fmt: skip
    files: Files = {
        "Your archive.html": "<html><body>Your archive</body></html>",
        "data/README.txt": "account.js\n- email\n- createdVia\n- username\n- accountId\n",
        "data/manifest.js": "window.__THAR_CONFIG = "
        + x_json(
            {
                "userInfo": {"accountId": "1", "userName": "jo_worker"},
                "archiveInfo": {
                    "sizeBytes": "48213",
                    "generationDate": generated,
                    "isPartialArchive": False,
                },
            }
        ),  # fmt: skip
        "data/account.js": ytd(
            "account",
            [
                {
                    "account": {
                        "email": "jo@example.invalid",
                        "createdVia": "web",
                        "username": "jo_worker",
                        "accountId": "1",
                        "createdAt": "2019-12-09T08:15:30.000Z",
                        "accountDisplayName": "Jo Worker",
                    }
                }
            ],
        ),  # fmt: skip
        "data/protected-history.js": history_js,
        "data/follower.js": ytd(
            "follower",
            [
                {
                    "follower": {
                        "accountId": i,
                        "userLink": f"https://twitter.com/intent/user?user_id={i}",
                    }
                }
                for i in followers
            ],
        ),  # fmt: skip
        "data/following.js": ytd("following", []),
        "data/contact.js": ytd(
            "contact",
            [
                {"contact": {"emails": [], "phoneNumbers": ["+440000000000"]}}
                for _ in range(contacts)
            ],
        ),  # fmt: skip
    }
    return {prefix + name: content for name, content in files.items()}


# -- LinkedIn ----------------------------------------------------------------------------------
LI_NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n'
    "\n"
)


def linkedin(year: int = 2026) -> Files:
    """2018 (no preamble, no URL), 2022 (Notes preamble), 2026 (URL column); LF, no BOM."""
    with_url = year >= 2026
    header = (
        "First Name,Last Name,"
        + ("URL," if with_url else "")
        + ("Email Address,Company,Position,Connected On\n")
    )
    rows = [("Morag", "Fairbairn", "morag-fairbairn-1a2b"), ("Kwame", "Osei-Bonsu", "kwame-ob")]
    body = "".join(
        f"{first},{last},"
        + (f"https://www.linkedin.com/in/{slug}," if with_url else "")
        + ',"Care, Support & Co",Support worker,15 Mar 2021\n'
        for first, last, slug in rows
    )
    preamble = LI_NOTES if year == 2022 else ""
    invitations = "From,To,Sent At,Message,Direction" + (
        ",inviterProfileUrl,inviteeProfileUrl\n" if with_url else "\n"
    )
    invitations += '"Declan Mulgrew",Jo Worker,"9/20/22, 4:10 PM","Hi, let\'s\nconnect",INCOMING'
    invitations += (
        ",https://www.linkedin.com/in/declan-m,https://www.linkedin.com/in/jo\n"
        if (with_url)
        else "\n"
    )
    name = f"Complete_LinkedInDataExport_02-1{year % 10}-{year}/"
    return {
        name + "Connections.csv": preamble + header + body,
        name + "Invitations.csv": invitations,
        name + "Profile.csv": "First Name,Last Name\nJo,Worker\n",
    }


# -- variants ----------------------------------------------------------------------------------
def crlf(files: Mapping[str, bytes | str]) -> Files:
    """Every text file with Windows line ends (as after a spreadsheet or editor re-saved it)."""
    return {n: c.replace("\n", "\r\n") if isinstance(c, str) else c for n, c in files.items()}


def bom(files: Mapping[str, bytes | str]) -> Files:
    """Every text file starting with a UTF-8 byte order mark (Windows Notepad, Excel)."""
    return {n: "\ufeff" + c if isinstance(c, str) else c for n, c in files.items()}


@dataclass(frozen=True)
class Rezipped:
    folder: Path
    archive: Path


def rezip_from_folder(files: Mapping[str, bytes | str], where: Path, *, macos: bool) -> Rezipped:
    """Unpack `files` into a folder, then zip that folder back the way desktop tools do:
    folder entries, the folder's own name as the top level, and on macOS an AppleDouble
    `__MACOSX/…/._name` (binary) beside every file plus .DS_Store."""
    folder = where / "My export"
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    archive = where / "My export (re-zipped).zip"
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(64)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for root, dirs, names in os.walk(folder):
            relative = Path(root).relative_to(where).as_posix()
            zf.writestr(zipfile.ZipInfo(relative + "/"), b"")
            for name in names:
                zf.write(Path(root, name), f"{relative}/{name}")
                if macos:
                    zf.writestr(f"__MACOSX/{relative}/._{name}", apple_double)
            if macos:
                zf.writestr(f"{relative}/.DS_Store", b"\x00\x00\x00\x01Bud1" + bytes(32))
            dirs.sort()
    return Rezipped(folder, archive)


def split_parts(files: Mapping[str, bytes | str], where: Path) -> list[Path]:
    """A ZIP cut into 7-Zip style parts (name.zip.001, .002): Footprint explains, never reads."""
    whole = write_zip(where / "whole.zip", files).read_bytes()
    half = len(whole) // 2
    parts = [where / "export.zip.001", where / "export.zip.002"]
    parts[0].write_bytes(whole[:half])
    parts[1].write_bytes(whole[half:])
    return parts
