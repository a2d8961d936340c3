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


class ImportCancelled(ExportError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was saved.")
