"""Facebook "Download your information" in JSON format.

Current layout: connections/friends/your_friends.json ({"friends_v2": [{"name", "timestamp"}]}),
received_friend_requests.json ("received_requests_v2"), sent_friend_requests.json
("sent_requests_v2"), connections/followers/people_who_followed_you_N.json and
who_you've_followed.json. Older exports used friends_and_followers/ (2020-22) and
friends/ + following_and_followers/ (2018-19) with the same records. Facebook exports name
people only: no usernames or profile links.
"""

from __future__ import annotations

from typing import Any

from app.exports.decode import json_document
from app.exports.findings import Connection, ConnectionKind
from app.exports.platforms import meta
from app.exports.platforms.base import Members, Parsed, PlatformReader, clean, name_key, pattern

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
    r"(^|/)(connections/followers/who_you.?ve_followed|friends_and_followers/following"
    r"|following_and_followers/following)(_\d+)?\.json$"
)
_LISTS = (
    (_FRIENDS, ("friends_v2", "friends"), ConnectionKind.FRIEND),
    (_RECEIVED, ("received_requests_v2", "received_requests"), ConnectionKind.REQUEST_RECEIVED),
    (_SENT, ("sent_requests_v2", "sent_requests"), ConnectionKind.REQUEST_SENT),
    (_FOLLOWERS, ("followers_v2", "followers"), ConnectionKind.FOLLOWER),
    (_FOLLOWING, ("following_v3", "following_v2", "following"), ConnectionKind.FOLLOWING),
)


def parse(members: Members) -> Parsed:
    return Parsed(connections=tuple(c for spec in _LISTS for c in _people(members, *spec)))


def _people(
    members: Members, files: Any, keys: tuple[str, ...], kind: ConnectionKind
) -> list[Connection]:
    found = []
    for name, data in members.all(files):
        for row in meta.records(json_document(data, name), keys, name):
            person = meta.person_name(row)
            if person is not None and clean(person):
                found.append(Connection(clean(person), name_key(person), kind))
    return found


READER = PlatformReader(
    platform_id="facebook",
    name="Facebook",
    format="JSON",
    signatures=(
        pattern(r"(^|/)connections/friends/[^/]+\.json$"),
        pattern(r"(^|/)connections/followers/[^/]+\.json$"),
        pattern(r"(^|/)friends_and_followers/[^/]+\.json$"),
        pattern(r"(^|/)(friends|following_and_followers)/[^/]+\.json$"),
        pattern(r"(^|/)your_facebook_activity/"),
    ),
    wanted=(_FRIENDS, _RECEIVED, _SENT, _FOLLOWERS, _FOLLOWING),
    parse=parse,
    other_format=(
        pattern(r"(^|/)connections/(friends|followers)/[^/]+\.html$"),
        pattern(r"(^|/)(friends_and_followers|friends|following_and_followers)/[^/]+\.html$"),
    ),
)
