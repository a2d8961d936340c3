"""Where each platform lives: the only hosts its addresses may name.

The list is in code, not in audit files or employer policy packs, so no file Footprint reads
can point a probe, a login form or an "Open settings" button at another site (issue 13: a
pack once made Footprint type the worker's saved password into a look-alike page).

- The loader refuses an audit file or pack whose `settings_url`, `open_url`, probe `url` or
  `login_url` for a platform listed here names any other host (`url_problem`).
- Automation opens, reads and signs in only on these hosts (after the test mapping of
  `FOOTPRINT_PROBE_BASE`), and fills a login form only when the page it is about to type into
  is on them (`app/automation/origins.py`).
- The UI asks `is_allowed` before opening a settings page in the worker's browser.

Hosts match exactly: `facebook.com.example.net` or `www.facebook.com:8443` are not Facebook.
A platform that is not listed (an employer pack's own platform, say) may name any https://
address, but automation never reads it.

The worker's own public profile addresses (`app/stranger/public_profiles.py`) must be on
these hosts too; a few hosts are here only because public profiles live or land on them (a
country subdomain a signed-out visitor is sent to, a cookie-consent host, the bare domain
people paste).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from urllib.parse import urlsplit

_META_ACCOUNTS = ("accountscenter.facebook.com", "accountscenter.instagram.com")

PLATFORM_HOSTS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "facebook": frozenset(
            {
                "www.facebook.com",
                "facebook.com",
                "web.facebook.com",
                "m.facebook.com",
                "accountscenter.facebook.com",
            }
        ),  # fmt: skip
        "instagram": frozenset(
            {"www.instagram.com", "instagram.com", "accountscenter.instagram.com"}
        ),
        "x": frozenset({"x.com", "twitter.com", "www.x.com", "www.twitter.com"}),
        # uk.linkedin.com: where LinkedIn sends signed-out visitors in the UK to a public profile.
        "linkedin": frozenset({"www.linkedin.com", "linkedin.com", "uk.linkedin.com"}),
        "tiktok": frozenset({"www.tiktok.com", "tiktok.com"}),
        "snapchat": frozenset({"accounts.snapchat.com", "www.snapchat.com", "snapchat.com"}),
        "whatsapp": frozenset({"web.whatsapp.com", "www.whatsapp.com"}),
        # consent.youtube.com: Google's cookie choice, shown before a channel to a new visitor.
        "youtube": frozenset(
            {
                "www.youtube.com",
                "youtube.com",
                "m.youtube.com",
                "studio.youtube.com",
                "myaccount.google.com",
                "consent.youtube.com",
            }
        ),  # fmt: skip
        # Checks that belong to no platform point at the worker's own Google account and search,
        # and "Search yourself" (self_search.py) opens Bing and DuckDuckGo searches too; the open
        # electoral register check opens GOV.UK's page for finding the council.
        "general": frozenset(
            {
                "www.google.com",
                "myaccount.google.com",
                "www.bing.com",
                "duckduckgo.com",
                "www.gov.uk",
            }
        ),
        # Platforms being added to the catalogue (their audit files are being written).
        "threads": frozenset(
            {"www.threads.com", "www.threads.net", "threads.com", "threads.net", *_META_ACCOUNTS}
        ),
        "bluesky": frozenset({"bsky.app"}),
        "pinterest": frozenset(
            {"www.pinterest.co.uk", "www.pinterest.com", "pinterest.com", "uk.pinterest.com"}
        ),
        "reddit": frozenset({"www.reddit.com", "reddit.com", "old.reddit.com"}),
        "strava": frozenset({"www.strava.com", "strava.com"}),
        "nextdoor": frozenset({"nextdoor.co.uk", "nextdoor.com"}),
        # The phone itself: its settings are on the phone, so "Open settings" opens the maker's
        # own help page for the setting (and the worker's own Apple or Google account).
        "iphone": frozenset({"support.apple.com", "account.apple.com"}),
        "android": frozenset({"support.google.com", "myaccount.google.com"}),
    }
)


def hosts_of(platform_id: str) -> frozenset[str] | None:
    """The platform's hosts, or None for a platform Footprint does not know."""
    return PLATFORM_HOSTS.get(platform_id)


_DEFAULT_PORTS = {"https": 443, "http": 80}
# What str.isspace calls whitespace, exactly (every code point compared), found in one C scan
# instead of a generator step per character: ~400 addresses are checked at every start.
_WHITESPACE = re.compile(r"\s")


def normal_url(url: str) -> str | None:
    """The one normal form of a web address, shared by the loader (which keeps addresses in
    it) and the automation guard (which compares in it): scheme and host in lower case, the
    default port left out. None for what has no single reading: not http(s), no host, a user
    name or password, spaces or control characters (which urlsplit would silently drop), or
    a host that is not plain ASCII — "faceboo\u212a.com" with the Kelvin sign lower-cases to
    "facebook.com" in Python but is another host to a browser, so it is refused, not mapped.
    """
    if not url.isprintable() or _WHITESPACE.search(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), parts.hostname
    if scheme not in _DEFAULT_PORTS or not host or not parts.netloc.isascii():
        return None
    if parts.username is not None or parts.password is not None:
        return None
    shown_port = "" if port in (None, _DEFAULT_PORTS[scheme]) else f":{port}"
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{scheme}://{host}{shown_port}{parts.path}{query}{fragment}"


def url_problem(platform_id: str, url: str) -> str | None:
    """Why `url` may not be used for `platform_id`, in words, or None if it may (then use it
    in its `normal_url` form, as the automation guard will)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return f"is not a valid address ('{url}')"
    if parts.username is not None or parts.password is not None:
        return f"must not carry a user name or password ('{url}')"
    if not parts.netloc.isascii():
        return (
            f"must name its host in plain ASCII letters (a look-alike letter such as the "
            f"Kelvin sign is another site), not '{url}'"
        )
    normal = normal_url(url)
    if normal is None or not normal.startswith("https://"):
        return f"must be an https:// address, not '{url}'"
    hosts = hosts_of(platform_id)
    if hosts is None:
        return None
    if urlsplit(normal).netloc not in hosts:
        return (
            f"must be an address on {platform_id}'s own site ({', '.join(sorted(hosts))}), "
            f"not '{url}'"
        )
    return None


def is_allowed(platform_id: str, url: str) -> bool:
    """May Footprint open `url` for this platform? For a platform it does not know, any
    https:// address without a user name or password; otherwise only the platform's hosts."""
    return url_problem(platform_id, url) is None
