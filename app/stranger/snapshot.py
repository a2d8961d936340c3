"""One page as the stranger's browser captured it, and what its structured data says.

A `PageSnapshot` lives in memory only: judged, then dropped; nothing of it is logged, shown or
stored. The page's structured data (JSON-LD) is not trusted: every walk through it is bounded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PageSnapshot:
    """One page as a stranger's browser showed it: in memory only, judged, then dropped.

    Nothing here is logged or stored (`repr` hides the page's words).
    """

    path: str  # where the browser ended up on the platform's site, after redirects
    status: int = 200
    asked_path: str = ""  # the profile's own path, as the worker's address asks for it
    title: str = field(default="", repr=False)
    text: str = field(default="", repr=False)  # the visible text
    meta: Mapping[str, str] = field(default_factory=dict, repr=False)  # og:…, description
    structured: tuple[Any, ...] = field(default=(), repr=False)  # parsed JSON-LD blocks
    password_field: bool = False  # a visible password field (a login form)
    login_dialog: bool = False  # a modal dialog holding a login form, over the page
    headings: tuple[str, ...] = field(default=(), repr=False)  # h1 texts
    location_texts: tuple[str, ...] = field(default=(), repr=False)  # known location fields
    contact_links: int = 0  # tel: and mailto: links
    post_elements: int = 0  # posts, videos, pins, activities on the page
    activity_elements: int = 0  # Strava-like activity cards
    map_elements: int = 0  # maps (images, canvases, map widgets) on the page
    avatar: bool = False  # an image that looks like a profile photo
    people_links: int = 0  # links to followers, friends or connections lists
    # Label and value side by side on the page, however laid out ("Location" then the town
    # in the next element): (label, value) for labels in `LABELS`.
    pairs: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    # The page's embedded data (JSON in script elements), bounded: read only for the
    # platforms' "no such account" states.
    embedded: str = field(default="", repr=False)
    canonical: str = field(default="", repr=False)  # <link rel="canonical">
    language: str = ""  # the document's own lang attribute ("en-GB")
    count_fields: int = 0  # elements made to hold a follower or subscriber count


_POST_TYPES = {"Article", "SocialMediaPosting", "BlogPosting", "VideoObject", "ImageObject",
               "DiscussionForumPosting", "Comment"}  # fmt: skip
# Keys under which a media object is the profile's picture or a thumbnail, not a post.
_PICTURE_KEYS = frozenset({"image", "logo", "photo", "thumbnail", "thumbnailUrl",
                           "primaryImageOfPage", "associatedMedia", "avatar"})  # fmt: skip


def count_posts(structured: Sequence[Any]) -> int:
    """Posts in the structured data: objects of a post's type, except media that stands
    for a picture (a Person's or a page's `image`, a thumbnail)."""
    found = 0
    for key, item in _keyed_objects(structured):
        kinds = _types(item) & _POST_TYPES
        if kinds and not (key in _PICTURE_KEYS and kinds <= {"ImageObject", "VideoObject"}):
            found += 1
    return found


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the structured data, depth first (JSON-LD nests through @graph,
    mainEntity and lists)."""
    for _key, item in _keyed_objects(value):
        yield item


def _keyed_objects(value: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object with the key it stands under ("" at the top or in a list's own
    list), depth first, to a bound: structured data from a page is not trusted."""
    stack: list[tuple[str, Any]] = [("", value)]
    seen = 0
    while stack and seen < 5000:
        key, current = stack.pop()
        seen += 1
        if isinstance(current, dict):
            yield key, current
            stack.extend(reversed([(str(k), v) for k, v in current.items()]))
        elif isinstance(current, (list, tuple)):
            stack.extend(reversed([(key, v) for v in current]))


def _types(item: Mapping[str, Any]) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def people(snapshot: PageSnapshot) -> list[dict[str, Any]]:
    """The Person objects in the page's structured data."""
    return [item for item in _objects(snapshot.structured) if _types(item) & {"Person"}]


def main_person(snapshot: PageSnapshot) -> dict[str, Any] | None:
    """The profile's own person: a ProfilePage's main entity, else the first Person (later
    ones may be other people, such as "people also viewed")."""
    for item in _objects(snapshot.structured):
        main = item.get("mainEntity")
        if _types(item) & {"ProfilePage"} and isinstance(main, dict):
            return main
    persons = people(snapshot)
    return persons[0] if persons else None


def follow_statistic(snapshot: PageSnapshot) -> bool:
    """The structured data counts followers or subscribers."""
    for item in _objects(snapshot.structured):
        kind = text_of(item.get("interactionType"))
        if item.get("userInteractionCount") is not None and (
            "Follow" in kind or "Subscribe" in kind
        ):
            return True
    return False


_TEXT_DEPTH = 32  # deeper than any real profile's structured data; a page's is not trusted


def text_of(value: Any, depth: int = 0) -> str:
    """A structured field as text: a string, a {"name": …} object (its "@" keys left out),
    or a list of them; nothing below `_TEXT_DEPTH` levels (like `_objects`, bounded)."""
    if isinstance(value, str):
        return value
    if depth >= _TEXT_DEPTH:
        return ""
    if isinstance(value, dict):
        # "@type", "@id", "@context" say what kind of value this is, not what it says.
        return " ".join(
            text_of(v, depth + 1) for k, v in value.items() if not str(k).startswith("@")
        )
    if isinstance(value, list):
        return " ".join(text_of(v, depth + 1) for v in value)
    return ""


def profile_strings(structured: Sequence[Any]) -> Iterator[str]:
    """The text values of the profile's own structured data (its main person), for the
    employer search; other people in the data are left out."""
    for item in structured:
        for obj in _objects(item):
            if _types(obj) & {"ProfilePage"} and isinstance(obj.get("mainEntity"), dict):
                yield text_of(obj["mainEntity"])
                return
    persons = [o for item in structured for o in _objects(item) if _types(o) & {"Person"}]
    if persons:
        yield text_of(persons[0])
