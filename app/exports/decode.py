"""Turning member bytes into Python values: JSON, X's JavaScript wrapper, LinkedIn's CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from app.exports.errors import CorruptArchiveError, UnknownFormatError

_YTD_PREFIX = re.compile(r"^\s*window\.(YTD\.[\w$]+\.part\d+|__THAR_CONFIG)\s*=\s*")


def text_of(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")  # files re-saved on Windows often start with a BOM
    except UnicodeDecodeError:
        raise CorruptArchiveError(
            f"{name} in the export is not readable text (it may be damaged). Download the "
            "export again; nothing was imported."
        ) from None


def json_document(data: bytes, name: str) -> Any:
    return _parse_json(text_of(data, name), name)


def ytd_document(data: bytes, name: str) -> Any:
    """X wraps each JSON file as `window.YTD.<type>.partN = [...]`; the JSON follows the '='."""
    text = text_of(data, name)
    prefix = _YTD_PREFIX.match(text)
    if prefix is None:
        raise UnknownFormatError(
            f"{name} does not start the way X archive files do (window.YTD…). X may have "
            "changed its archive format; nothing was imported."
        )
    body = text[prefix.end() :].strip().removesuffix(";")
    return _parse_json(body, name)


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CorruptArchiveError(
            f"{name} in the export is damaged (not valid JSON at line {error.lineno}). Download "
            "the export again; nothing was imported."
        ) from None


def csv_table(data: bytes, name: str, first_header: str) -> list[dict[str, str]]:
    """Rows of a CSV whose header line starts with `first_header`.

    LinkedIn puts a few "Notes:" lines (one of them a quoted paragraph) before the header, so
    the header is searched for rather than assumed to be the first line.
    """
    rows = list(csv.reader(io.StringIO(text_of(data, name), newline="")))
    start = next((i for i, row in enumerate(rows) if row and row[0].strip() == first_header), None)
    if start is None:
        raise UnknownFormatError(
            f"{name} has no '{first_header}' column, so its layout is not one Footprint knows. "
            "The platform may have changed its export; nothing was imported."
        )
    header = [cell.strip() for cell in rows[start]]
    return [dict(zip(header, _padded(row, len(header)), strict=True)) for row in rows[start + 1 :]]


def _padded(row: Sequence[str], width: int) -> list[str]:
    cells = [cell.strip() for cell in row[:width]]
    return cells + [""] * (width - len(cells))


def meta_text(value: object) -> str:
    """Meta (Facebook, Instagram) writes each UTF-8 byte as its own \\u00XX escape; undo that."""
    text = str(value)
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text  # already proper text


def from_unix(value: object) -> datetime | None:
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if seconds <= 0:
        return None
    return datetime.fromtimestamp(seconds, UTC)


def from_iso(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace(" UTC", "+00:00").replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def unknown_layout(name: str) -> UnknownFormatError:
    return UnknownFormatError(
        f"{name} in the export has a layout Footprint does not know (the platform may have "
        "changed its export format). Nothing was imported."
    )


def expect(condition: bool, name: str) -> None:
    """A member whose JSON shape is not the documented one: say so rather than guess."""
    if not condition:
        raise unknown_layout(name)
