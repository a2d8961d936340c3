"""Which platform an export is from, and whether it is in a format Footprint reads.

Decided from member names only, before anything is read, so a wrong choice costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.downloads.download_errors import (
    HtmlFormatError,
    NothingUsableError,
    UnknownFormatError,
    WrongPlatformError,
)
from app.downloads.platforms import facebook, instagram, linkedin, snapchat, tiktok, x
from app.downloads.platforms.base import PlatformReader, pattern
from app.downloads.request_steps import request_for

READERS: tuple[PlatformReader, ...] = (
    x.READER,
    instagram.READER,
    facebook.READER,
    linkedin.READER,
    tiktok.READER,
    snapchat.READER,
)
READERS_BY_ID = {r.platform_id: r for r in READERS}
SUPPORTED = "X, Instagram, Facebook, LinkedIn, TikTok and Snapchat"

# Exports of services Footprint does not read, so the worker hears what they chose.
_OTHER_SERVICES = (
    ("a Google Takeout archive", pattern(r"(^|/)(Takeout/|archive_browser\.html$)")),
    ("a WhatsApp chat export", pattern(r"(^|/)(_chat\.txt|WhatsApp Chat with [^/]*\.txt)$")),
    ("a Reddit data export", pattern(r"(^|/)(comment_headers|post_headers|statistics)\.csv$")),
    ("a Discord data package", pattern(r"(^|/)(account/user\.json|messages/index\.json)$")),
)


def detect(names: Sequence[str], expected: str | None = None) -> PlatformReader:
    """The reader for this export, or an error that says what was chosen instead."""
    scored = sorted(((r.score(names), r) for r in READERS), key=lambda pair: -pair[0])
    best_score, best = scored[0]
    if best_score == 0:
        _explain_unreadable(names, expected)
    if expected is not None and best.platform_id != expected:
        raise WrongPlatformError(_wrong_platform(best.name, expected))
    return best


def _explain_unreadable(names: Sequence[str], expected: str | None) -> None:
    for reader in READERS:
        if reader.has_other_format(names):
            if expected is not None and reader.platform_id != expected:
                raise WrongPlatformError(_wrong_platform(reader.name, expected))
            raise HtmlFormatError(other_format_message(reader))
        if reader.legacy(list(names)):
            raise UnknownFormatError(
                f"This {reader.name} export is in an old format that Footprint does not read. "
                f"Request a new export from {reader.name}; nothing was imported."
            )
    inner = [name for name in names if name.casefold().endswith(".zip")]
    if inner:
        raise NothingUsableError(_wrapped(inner))
    for service, signature in _OTHER_SERVICES:
        if any(signature.search(name) for name in names):
            raise WrongPlatformError(
                f"This looks like {service}. Footprint reads data exports from {SUPPORTED}."
            )
    raise NothingUsableError(
        "Footprint found no data export it knows in what you chose. Choose the ZIP file (or the "
        f"unpacked folder) that {SUPPORTED} sent you, as downloaded."
    )


def _wrapped(inner: Sequence[str]) -> str:
    """A ZIP holding only other ZIPs: Google Drive wraps what it downloads from a folder (or
    several files) in a ZIP of its own, so the export is the ZIP inside."""
    shown = ", ".join(f"“{name.rsplit('/', 1)[-1][:80]}”" for name in inner[:3])
    more = f" and {len(inner) - 3} more" if len(inner) > 3 else ""
    return (
        f"What you chose is a ZIP holding another ZIP: {shown}{more}. Google Drive packs "
        "downloads this way. Unpack it (double-click it, or right-click and choose Extract "
        "All), then choose the ZIP inside. Nothing was imported."
    )


def other_format_message(reader: PlatformReader) -> str:
    """Why an export in the platform's other format (HTML) cannot be read, and how to ask again."""
    request = request_for(reader.platform_id)
    how = request.format_choice if request else ""
    return (
        f"This {reader.name} export is in {reader.other_format_name} format, which is for "
        f"reading in a browser; Footprint reads the {reader.format} format. Request the export "
        f"again from {reader.name} as {reader.format}: {how} Nothing was imported."
    )


def _wrong_platform(found: str, expected: str) -> str:
    wanted = READERS_BY_ID[expected].name if expected in READERS_BY_ID else expected
    return (
        f"This export is from {found}, not {wanted}. Choose your {wanted} export, or let Footprint "
        "detect the platform. Nothing was imported."
    )
