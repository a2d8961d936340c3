"""Turning member bytes into values: JSON (lazily), X's JavaScript wrapper, LinkedIn's CSV.

Nothing here builds a whole large file in memory: JSON is walked with `jsonstream`, CSV is
read row by row through a streaming decoder.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from app.downloads.download_errors import NotUnderstood
from app.downloads.jsonstream import Data, Value, document

_YTD_PREFIX = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*window\.(?:YTD\.[\w$]+\.part\d+|__THAR_CONFIG)\s*=\s*"
)


def json_root(data: Data) -> Value:
    """The top value of a JSON member (a BOM, as Windows editors add, is allowed)."""
    return document(data)


def ytd_root(data: Data) -> Value:
    """X wraps each JSON file as `window.YTD.<type>.partN = [...]`; the JSON follows the '='."""
    prefix = _YTD_PREFIX.match(data)
    if prefix is None:
        raise NotUnderstood("it does not start the way X archive files do (window.YTD…)")
    return document(data, prefix.end())


def csv_rows(data: Data, first_header: str) -> Iterator[dict[str, str]]:
    """Rows of a CSV whose header line starts with `first_header`, read one at a time.

    LinkedIn puts a few "Notes:" lines (one of them a quoted paragraph) before the header, so
    the header is searched for rather than assumed to be the first line.
    """
    # Decoded as it is read, never as one string; csv's own limit (128 KB a cell, left at
    # its default: it is process-wide) stops a cell that never ends. Excel on Windows saves
    # "CSV (Comma delimited)" as Windows-1252, so a file that is not UTF-8 is read as that.
    encoding = "utf-8-sig" if _is_utf8(data) else "cp1252"
    text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="replace", newline="")
    try:
        rows = csv.reader(text)
        header = _find_header(rows, first_header)
        for row in rows:
            cells = [cell.strip() for cell in row[: len(header)]]
            cells += [""] * (len(header) - len(cells))
            yield dict(zip(header, cells, strict=True))
    except csv.Error as error:
        raise NotUnderstood(f"it is not a CSV file Footprint can read ({error})") from None


def _is_utf8(data: Data) -> bool:
    """Checked a megabyte at a time, so no decoded copy of a large file is kept."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(view), 2**20):
            decoder.decode(view[start : start + 2**20])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _find_header(rows: Iterator[list[str]], first_header: str) -> list[str]:
    for number, row in enumerate(rows):
        if row and row[0].strip() == first_header:
            return [cell.strip() for cell in row]
        if number > 50:
            break
    raise NotUnderstood(
        f"it has no '{first_header}' column, so its layout is not one Footprint knows"
    )


def from_unix(value: object) -> datetime | None:
    """A Unix time in seconds or milliseconds; None for 0, garbage or the impossible."""
    if isinstance(value, bool):
        return None
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if not 0 < seconds < 32_503_680_000:  # before the year 3000
        return None
    return datetime.fromtimestamp(seconds, UTC)


def from_iso(value: object) -> datetime | None:
    """An ISO 8601 time ('2024-10-19T08:15:30.123Z', '2025-10-01 09:31:12 UTC')."""
    if not isinstance(value, str) or not value.strip() or len(value) > 40:
        return None
    text = value.strip().replace(" UTC", "+00:00").replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
