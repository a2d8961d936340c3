"""What every platform reader provides, and helpers they share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from app.exports.findings import Connection, SettingObservation, SettingSwitch


@dataclass(frozen=True)
class Parsed:
    """A platform reader's result, before the reader adds the export date and file list."""

    observations: tuple[SettingObservation, ...] = ()
    switches: tuple[SettingSwitch, ...] = ()
    connections: tuple[Connection, ...] = ()
    notes: tuple[str, ...] = ()
    export_date: datetime | None = None  # when the export itself says so
    export_date_source: str = ""


class Members:
    """The members that were read, looked up by pattern; names sorted so parts come in order."""

    def __init__(self, contents: dict[str, bytes]) -> None:
        self._contents = dict(sorted(contents.items(), key=lambda kv: _natural(kv[0])))

    def first(self, pattern: re.Pattern[str]) -> tuple[str, bytes] | None:
        return next(iter(self.all(pattern)), None)

    def all(self, pattern: re.Pattern[str]) -> list[tuple[str, bytes]]:
        return [(name, data) for name, data in self._contents.items() if pattern.search(name)]


def _natural(name: str) -> list[object]:
    """followers_2.json before followers_10.json."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


@dataclass(frozen=True)
class PlatformReader:
    platform_id: str
    name: str
    format: str  # the format Footprint reads, as the platform's export page calls it
    signatures: tuple[re.Pattern[str], ...]  # member names that mark a readable export
    wanted: tuple[re.Pattern[str], ...]  # members to read
    parse: Callable[[Members], Parsed]
    other_format: tuple[re.Pattern[str], ...] = ()  # the same export in HTML/TXT
    other_format_name: str = "HTML"
    legacy: Callable[[list[str]], bool] = lambda names: False  # an old, unsupported layout

    def score(self, names: Iterable[str]) -> int:
        return sum(1 for name in names if any(p.search(name) for p in self.signatures))

    def has_other_format(self, names: Iterable[str]) -> bool:
        return any(p.search(name) for name in names for p in self.other_format)


def pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


def clean(text: object) -> str:
    """A display string without control characters, trimmed, at most 200 characters."""
    value = unicodedata.normalize("NFC", str(text))
    value = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")
    return " ".join(value.split())[:200]


def name_key(name: str) -> str:
    return "name:" + clean(name).casefold()


def handle_key(handle: str) -> str:
    return "user:" + clean(handle).lstrip("@").casefold()


def url_key(url: str) -> str:
    """A profile address without scheme, 'www.', query or trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return "url:" + host + parts.path.rstrip("/").lower()


def safe_link(url: object, hosts: tuple[str, ...]) -> str | None:
    """Only https addresses on the platform's own hosts; anything else is never opened."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    if parts.scheme != "https" or host not in hosts or not parts.path.strip("/"):
        return None
    return url.strip()


SAFE_HANDLE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
