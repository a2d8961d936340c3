"""Facebook "Download your information" in JSON format, every layout generation seen.

2024–26 (tieubachlongblog/thanhbobber, Phyoe-ptt/nobel_mount, what-if-horizon structures):
  connections/friends/your_friends.json            {"friends_v2": [{"name", "timestamp"}]}
  connections/friends/received_friend_requests.json {"received_requests_v2": [...]}
  connections/friends/sent_friend_requests.json     {"sent_requests_v2": [...]}
  connections/followers/people_who_followed_you.json {"followers_v3": [{"name"}]} (no time)
  connections/followers/who_you've_followed.json    {"following_v3": [{"name", "timestamp"}]}
    (also who_you_ve_followed.json after some unzip tools)
  (personal_information|profile_information)/profile_information/contacts_sync_settings.json
    a list of label_values records, one per phone ("Indicates if syncing is on": Off|Default)
  Page / additional-profile exports use profile_information/ and
  this_profile's_activity_across_facebook/ instead of personal_information/ and
  your_facebook_activity/.
2020–22 (parser code and docs only, see FORMATS.md): friends_and_followers/friends.json,
  friend_requests_received.json, friend_requests_sent.json, who_you_follow.json
  ({"following_v2": [...]}), removed_friends.json, rejected_friend_requests.json.
Facebook names people only: no usernames or profile links. Empty categories are a folder
holding only no-data.txt.
"""

from __future__ import annotations

import re
from functools import partial

from app.audit.answers import AnswerStatus
from app.downloads import labels
from app.downloads.decode import json_root
from app.downloads.findings import Connection, ConnectionKind, SettingObservation
from app.downloads.jsonstream import Data, load_whole
from app.downloads.platforms import meta
from app.downloads.platforms.base import Members, Parsed, PlatformReader, clean, name_key, pattern

K = ConnectionKind
_FRIENDS = pattern(
    r"(^|/)(connections/friends/your_friends|friends_and_followers/friends|friends/friends)"
    r"(_\d+)?\.json$"
)
_RECEIVED = pattern(r"(^|/)(received_friend_requests|friend_requests_received)(_\d+)?\.json$")
_SENT = pattern(r"(^|/)(sent_friend_requests|friend_requests_sent)(_\d+)?\.json$")
_FOLLOWERS = pattern(
    r"(^|/)(connections/followers/people_who_followed_you|friends_and_followers/followers"
    r"|following_and_followers/followers)(_\d+)?\.json$"
)
_FOLLOWING = pattern(
    r"(^|/)(connections/followers/who_you.?ve_followed|friends_and_followers/who_you_follow"
    r"|friends_and_followers/following|following_and_followers/following)(_\d+)?\.json$"
)
_CONTACT_SYNC = pattern(
    r"(^|/)(personal_information|profile_information)/profile_information/"
    r"contacts_sync_settings\.json$"
)
_LISTS: tuple[tuple[re.Pattern[str], tuple[str, ...], ConnectionKind], ...] = (
    (_FRIENDS, ("friends_v2", "friends"), K.FRIEND),
    (_RECEIVED, ("received_requests_v2", "received_requests"), K.REQUEST_RECEIVED),
    (_SENT, ("sent_requests_v2", "sent_requests"), K.REQUEST_SENT),
    (_FOLLOWERS, ("followers_v3", "followers_v2", "followers"), K.FOLLOWER),
    (_FOLLOWING, ("following_v3", "following_v2", "following"), K.FOLLOWING),
)
# Files beside the lists that Footprint leaves alone on purpose (suggestions, removed people,
# audiences): known, so they are not reported as "not understood".
_KNOWN = (
    pattern(
        r"(^|/)(removed_friends|rejected_friend_requests|people_you_may_know|suggested_friends"
        r"|your_post_audiences|waving_emojis[^/]*|friend_peer_group|your_friend_network"
        r"|followed_pages|pages_you.?ve_followed|people_you.?ve_unfollowed|unfollowed_profiles)"
        r"(_\d+)?\.(json|txt)$"
    ),
    pattern(r"(^|/)no-data\.txt$"),
)
SETTING = "Contact syncing"
# audits/facebook.toml: "Upload contacts (continuous contact upload)"
CONTACT_ITEM = "contact-upload"
CONTACTS_OFF = (
    "Contact syncing is off on every phone in this export. It does not say whether contacts "
    "uploaded earlier were deleted: check Manage contacts in Accounts Centre."
)


def parse(members: Members) -> Parsed:
    """Friends, requests, followers and following; contact syncing when the export has it."""
    for files, keys, kind in _LISTS:
        for name in members.names(files):
            members.attempt(name, partial(_people, members, keys, kind), (kind,))
    observations, notes = _contact_sync(members)
    return Parsed(observations=observations, notes=notes)


def _people(members: Members, keys: tuple[str, ...], kind: ConnectionKind, data: Data) -> None:
    for row in meta.records(json_root(data), keys):
        person = meta.person_name(row)
        shown = clean(person) if person else ""
        if shown and not members.add_person(Connection(shown, name_key(shown), kind)):
            return


def _contact_sync(members: Members) -> tuple[tuple[SettingObservation, ...], tuple[str, ...]]:
    """'Indicates if syncing is on', per phone, for the checklist's contact-upload item: on if
    any phone syncs (Needs action). Off on every phone is not the item's whole goal (contacts
    uploaded earlier may still be held), so it is said in a note, not answered. Facebook also
    writes "Default" (seen on 7 of 8 phones), which does not say which: nothing is answered."""
    states: list[bool | None] = []
    for name in members.names(_CONTACT_SYNC):
        document = members.attempt(name, load_whole)
        for record in meta.label_values(document) if document is not None else ():
            found = labels.find("facebook_contact_syncing", record)
            if found is not None:
                states.append(labels.boolean(found[0]))
    if True in states:
        return (SettingObservation(CONTACT_ITEM, SETTING, "on", AnswerStatus.NEEDS_ACTION),), ()
    if states and None not in states:
        return (), (CONTACTS_OFF,)
    return (), ()


READER = PlatformReader(
    platform_id="facebook",
    name="Facebook",
    format="JSON",
    signatures=(
        pattern(r"(^|/)connections/(friends|followers)/[^/]+\.json$"),
        pattern(r"(^|/)friends_and_followers/[^/]+\.json$"),
        pattern(r"(^|/)(friends|following_and_followers)/[^/]+\.json$"),
        pattern(r"(^|/)(your_facebook_activity|this_profile.?s_activity_across_facebook)/"),
        pattern(
            r"(^|/)(personal_information|profile_information)/profile_information/[^/]+\.json$"
        ),
        pattern(r"(^|/)profile_information/profile_information\.json$"),
    ),
    wanted=(*(files for files, _keys, _kind in _LISTS), _CONTACT_SYNC),
    parse=parse,
    other_format=(
        pattern(r"(^|/)connections/(friends|followers)/[^/]+\.html$"),
        pattern(r"(^|/)(friends_and_followers|friends|following_and_followers)/[^/]+\.html$"),
    ),
    watched=(
        pattern(r"(^|/)connections/(friends|followers)/[^/]+$"),
        pattern(r"(^|/)friends_and_followers/[^/]+$"),
    ),
    known=_KNOWN,
)
