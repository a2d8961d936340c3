"""The worker's own public profile addresses, checked and put in the platform's public form.

What the worker typed (an address, or just their handle) becomes the platform's public form
(`instagram.com/NAME`, `linkedin.com/in/NAME`, …, from `public_profiles.PROFILES`), or an
`AddressError` that says why not, so nothing can point the stranger's browser anywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote, unquote, urlsplit

from app.checklists.hosts import hosts_of, url_problem
from app.stranger.public_profiles import PublicProfile, profile_of


class AddressError(ValueError):
    """An address or handle that cannot be used; the message is a sentence for the worker."""


def normalise(platform_id: str, text: str) -> str | None:
    """The public address for what the worker typed (an address or a handle); None when
    the field is empty.

    Raises:
        AddressError: the text is not an https:// address on the platform's own site with
            the platform's profile shape, nor a valid handle; the message says why.
    """
    profile = profile_of(platform_id)
    value = text.strip()
    if not value:
        return None
    if profile is None:
        raise AddressError("Footprint cannot look at a public profile on this platform.")
    if "://" in value or value.lower().startswith(("http:", "https:")):
        return _from_address(profile, value)
    first = value.split("/", 1)[0]
    if "/" in value and "." in first and not first.startswith("@"):
        return _from_address(profile, "https://" + value)  # "linkedin.com/in/jo" pasted
    return profile.public_address(_checked_name(profile, _handle(profile, value)))


def _handle(profile: PublicProfile, value: str) -> str:
    name = value.removeprefix("@")
    if profile.handle_prefix and name.lower().startswith(profile.handle_prefix):
        name = name[len(profile.handle_prefix) :]
    if profile.default_domain and "." not in name and not name.startswith("did:"):
        name += profile.default_domain
    return name


def _from_address(profile: PublicProfile, url: str) -> str:
    platform = profile.platform_id
    if not url.lower().startswith("https://"):
        raise AddressError(
            f"Use the https:// address of your profile (for example "
            f"{profile.public_address(profile.example)}), or just your name there."
        )
    if url_problem(platform, url) is not None or not hosts_of(platform):
        raise AddressError(
            f"This is not an address on {_site(profile)}: use the address of your own "
            f"profile there (for example {profile.public_address(profile.example)})."
        )
    parts = urlsplit(url)
    path = unquote(parts.path)
    if profile.platform_id == "facebook" and path.rstrip("/") == "/profile.php":
        number = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p).get("id", "")
        # ASCII digits only: str.isdigit also takes Arabic-Indic digits and superscripts.
        if number.isascii() and number.isdigit():
            return f"{profile.origin}/profile.php?id={number}"
    for prefix in profile.prefixes:
        if path.startswith(prefix):
            name = path[len(prefix) :].strip("/").split("/", 1)[0]
            if name and (profile.prefixes[0] != "/" or "/" not in path.strip("/")):
                return _public_for_prefix(profile, prefix, _checked_name(profile, name))
    raise AddressError(
        f"This address is not a profile page on {_site(profile)}: it should look like "
        f"{profile.public_address(profile.example)}."
    )


def _public_for_prefix(profile: PublicProfile, prefix: str, name: str) -> str:
    """YouTube's older /channel/ and /c/ addresses stay in their own form; Reddit's /u/ and
    Snapchat's /@ become the public form."""
    if profile.platform_id == "youtube" and prefix != "/@":
        return f"{profile.origin}{prefix}{quote(name, safe='.-_~')}"
    return profile.public_address(name)


def _checked_name(profile: PublicProfile, name: str) -> str:
    # A name of dots only would be a "." or ".." path segment: the browser would open the
    # site's front page (or the folder above), not a profile.
    dots_only = not name.strip(".")
    if (
        dots_only
        or name.lower() in profile.reserved
        or not re.fullmatch(profile.name_pattern, name)
    ):
        site = _site(profile)
        raise AddressError(
            f"“{_shown(name)}” is not {_article(site)} {site} profile name ({profile.name_rule})."
        )
    return name


def _article(name: str) -> str:
    """The article before a platform's name: "an Instagram", "an X", "a Facebook"."""
    return "an" if name[:1] in "AEIOX" else "a"


def _site(profile: PublicProfile) -> str:
    return _NAMES.get(profile.platform_id, profile.platform_id)


def _shown(text: str) -> str:
    flat = "".join(c for c in text if c.isprintable())
    return flat if len(flat) <= 40 else flat[:39] + "…"


# Names for messages: definitions cannot read the catalogue's names from here.
_NAMES = {
    "facebook": "Facebook", "instagram": "Instagram", "x": "X", "linkedin": "LinkedIn",
    "tiktok": "TikTok", "youtube": "YouTube", "strava": "Strava", "threads": "Threads",
    "bluesky": "Bluesky", "pinterest": "Pinterest", "reddit": "Reddit", "snapchat": "Snapchat",
}  # fmt: skip


def address_problems(addresses: Mapping[str, str]) -> dict[str, str]:
    """Platform id → why its address cannot be used, for every address that cannot."""
    problems: dict[str, str] = {}
    for platform_id, text in addresses.items():
        try:
            normalise(platform_id, text)
        except AddressError as error:
            problems[platform_id] = str(error)
    return problems


def normalise_all(addresses: Mapping[str, str]) -> dict[str, str]:
    """Every non-empty address in its public form; raises AddressError for the first bad one
    (check with `address_problems` first to show them all)."""
    found = {pid: normalise(pid, text) for pid, text in addresses.items()}
    return {pid: address for pid, address in found.items() if address is not None}
