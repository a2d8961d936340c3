"""Is this page on the platform's own site? Asked before opening, after loading, and just
before typing saved sign-in details into a form.

The hosts come from `app/checklists/hosts.py` (in code, never from a file Footprint reads).
In tests `FOOTPRINT_PROBE_BASE` maps those real origins to the local replica, so the same
check compares against the mapped bases: a look-alike page on another local port, or under
another platform's replica path, is not the platform's site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from app.automation.urls import UrlMap
from app.checklists.hosts import hosts_of, normal_url

_AFTER_BASE = ("/", "?", "#")  # what may follow a base: not ".evil.example", ":8443" or "@"


class SiteGuard:
    """The addresses that count as one platform's own site (after the test mapping)."""

    def __init__(self, platform_id: str, urls: UrlMap) -> None:
        hosts = sorted(hosts_of(platform_id) or ())
        mapped = (urls(f"https://{host}") for host in hosts)
        self._bases = tuple(normal_url(base) or base for base in mapped)

    @property
    def bases(self) -> tuple[str, ...]:
        """The site's addresses with nothing after the host (mapped in tests)."""
        return self._bases

    def path_of(self, url: str) -> str:
        """What follows the platform's base in `url` ("/checkpoint/…?…"); "" off the site."""
        url = normal_url(url) or ""
        matching = [b for b in self._bases if url == b or url.startswith(tuple(
            b + c for c in _AFTER_BASE))]  # fmt: skip
        if not matching:
            return ""
        rest = url[len(max(matching, key=len)) :]
        return rest if rest.startswith("/") else "/" + rest

    def allows(self, url: str) -> bool:
        """True if `url` is on the platform's own site. Compared in `normal_url`'s form, the
        one the loader keeps addresses in: what an audit file may name, the guard allows."""
        url = normal_url(url) or ""
        return bool(url) and any(
            url == base or url.startswith(tuple(base + c for c in _AFTER_BASE))
            for base in self._bases
        )

    @staticmethod
    def where(url: str) -> str:
        """The host (and port) of `url`, to name it to the worker."""
        parts = urlsplit(url)
        return parts.netloc.rpartition("@")[2] or parts.scheme or "an unknown page"
