"""What can go wrong with a chosen archive, each said as a sentence the worker can act on."""

from __future__ import annotations


class ExportError(Exception):
    """A problem with the chosen export; str(error) is shown to the worker as it is."""


class BadArchiveError(ExportError):
    """The archive is damaged, unsafe, too big, of another platform or of an unknown format."""


class CorruptArchiveError(BadArchiveError):
    """The archive, or a file in it, cannot be read."""


class UnsafeArchiveError(BadArchiveError):
    """A name in the archive, or a link in the folder, points outside it."""


class ArchiveTooLargeError(BadArchiveError):
    """The archive, or what Footprint would read of it, is over the size cap."""


class WrongPlatformError(BadArchiveError):
    """The export is from another platform than the one chosen, or another service."""


class UnknownFormatError(BadArchiveError):
    """The export is from a known platform, in an old or changed layout Footprint cannot read."""


class NothingUsableError(ExportError):
    """A readable archive without anything Footprint can use (HTML format, no known files)."""


class HtmlFormatError(NothingUsableError):
    """The export is in the platform's HTML format, for browsers; Footprint reads the other."""


class NotUnderstood(Exception):
    """A file Footprint read but cannot use (unknown layout, not valid JSON); not an error
    of the archive: it becomes a note naming the file. `reason` completes a sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ImportCancelled(ExportError):
    """The worker cancelled the import; nothing was saved."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was saved.")


def shown_name(name: str) -> str:
    """A file name from an archive, safe in a sentence: printable characters only, capped."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in name)
    return cleaned if len(cleaned) <= 120 else cleaned[:117] + "…"
