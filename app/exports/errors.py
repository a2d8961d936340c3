"""What can go wrong with a chosen archive, each said as a sentence the worker can act on."""

from __future__ import annotations


class ExportError(Exception):
    """A problem with the chosen export; str(error) is shown to the worker as it is."""


class BadArchiveError(ExportError):
    """The archive is damaged, unsafe, too big, of another platform or of an unknown format."""


class CorruptArchiveError(BadArchiveError):
    pass


class UnsafeArchiveError(BadArchiveError):
    pass


class ArchiveTooLargeError(BadArchiveError):
    pass


class WrongPlatformError(BadArchiveError):
    pass


class UnknownFormatError(BadArchiveError):
    pass


class NothingUsableError(ExportError):
    """A readable archive without anything Footprint can use (HTML format, no known files)."""


class HtmlFormatError(NothingUsableError):
    pass


class NotUnderstood(Exception):
    """A file Footprint read but cannot use (unknown layout, not valid JSON); not an error
    of the archive: it becomes a note naming the file. `reason` completes a sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ImportCancelled(ExportError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was saved.")


def shown_name(name: str) -> str:
    """A file name from an archive, safe in a sentence: printable characters only, capped."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in name)
    return cleaned if len(cleaned) <= 120 else cleaned[:117] + "…"
