"""Probe addresses, optionally pointed at other origins (the local replica sites in tests).

`FOOTPRINT_PROBE_BASE` holds `origin=base` pairs separated by commas or semicolons, e.g.
`https://www.facebook.com=http://127.0.0.1:8000/facebook`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

PROBE_BASE_ENV = "FOOTPRINT_PROBE_BASE"


class UrlMap:
    """Rewrites addresses that start with a mapped origin; leaves every other one alone."""

    def __init__(self, bases: Mapping[str, str] | None = None) -> None:
        self._bases = {
            origin.rstrip("/"): base.rstrip("/") for origin, base in (bases or {}).items()
        }

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> UrlMap:
        """The map set in FOOTPRINT_PROBE_BASE (empty when unset)."""
        text = (os.environ if environ is None else environ).get(PROBE_BASE_ENV, "")
        pairs = [part.split("=", 1) for part in text.replace(";", ",").split(",") if "=" in part]
        return cls({origin.strip(): base.strip() for origin, base in pairs})

    def __call__(self, url: str) -> str:
        """`url` with a mapped origin replaced by its base; any other address as it is."""
        for origin, base in self._bases.items():
            if url == origin or url.startswith((origin + "/", origin + "?")):
                return base + url[len(origin) :]
        return url

    def __bool__(self) -> bool:
        return bool(self._bases)
