"""Shapes shared by Meta's exports (Facebook and Instagram) in JSON format.

Meta lists people in three shapes (evidence in app/downloads/FORMATS.md):
  * {"<list>_vN": [{"name", "timestamp"?}]} (Facebook; followers_v3 records have no timestamp),
  * {"title", "string_list_data": [{"href", "value"?, "timestamp"}]} records, under a
    "relationships_*" key or as a top-level list (Instagram; since 2026 following.json puts
    the username in "title" and has no "value"),
  * {"media", "label_values": [{"label", "value" | "vec" | "timestamp_value"}], "fbid"} (the
    generic shape of 2025–26 files).
Settings are {"string_map_data": {label: {"value"}}} or label_values. Every string, keys
included, is UTF-8 written one byte per \\u00XX escape, which `meta_text` repairs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from app.downloads.download_errors import NotUnderstood
from app.downloads.jsonstream import Value, empty_list

MAX_RECORD_BYTES = 256 * 1024  # parsed at once: one record, or a batch of small ones


def records(root: Value, keys: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """The person records of a list file, one at a time, wherever this version put them.

    A file holding one person may be written as that bare record instead of a list of one
    (issue 27): it is read as a list of one. An object with neither any of `keys` nor a
    record's fields is a layout Footprint does not know: it raises NotUnderstood rather than
    guessing which list the file holds.
    """
    if root.kind == "array":
        array = root
    else:
        found = _list_under(root, keys)
        if found is None:
            record = root.load(MAX_RECORD_BYTES)
            if isinstance(record, dict):
                yield record
            return
        array = found
    for row in array.loaded_elements(MAX_RECORD_BYTES):
        if isinstance(row, dict):
            yield row


# The fields of one person record, in any of the three shapes above.
_RECORD_FIELDS = frozenset({"string_list_data", "media_list_data", "label_values", "name"})


def _list_under(root: Value, keys: tuple[str, ...]) -> Value | None:
    """The list under one of `keys`; None when the object is itself one person record."""
    if root.kind != "object":
        raise NotUnderstood("it holds neither a list nor an object")
    seen = set()
    for key, value in root.entries():
        if key in keys:
            if value.kind == "array":
                return value
            if value.kind == "scalar" and value.load() is None:
                return empty_list()
        seen.add(key)
    if seen & _RECORD_FIELDS:
        return None
    listed = " or ".join(f"'{k}'" for k in keys[:2])
    raise NotUnderstood(f"it has no {listed} list, so its layout is not one Footprint knows")


def person_name(row: dict[str, Any]) -> str | None:
    """The name or username of one record; None for deactivated accounts without one."""
    entries = row.get("string_list_data")
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        value = entries[0].get("value")  # the common Instagram record, checked first: speed
        if isinstance(value, str) and value.strip():
            return meta_text(value)
    for value in _candidates(row):
        if isinstance(value, str) and value.strip():
            return meta_text(value)
    return None


def _candidates(row: dict[str, Any]) -> Iterator[object]:
    yield row.get("name")
    for entry in _list(row.get("string_list_data")):
        if isinstance(entry, dict):
            yield entry.get("value")
    yield row.get("title")  # Instagram 2026 following.json: the username, no "value"
    for pair in _list(row.get("label_values")):
        if isinstance(pair, dict) and pair.get("label") in ("Name", "Username"):
            yield pair.get("value")


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def label(text: object) -> str:
    """A label as compared with the language tables: repaired, NFC, case-folded, and without
    the left-to-right marks Arabic exports put around untranslated English words."""
    repaired = meta_text(text).replace("\u200e", "").replace("\u200f", "")
    return " ".join(unicodedata.normalize("NFC", repaired).split()).casefold()


def string_map(document: Any, list_key: str) -> dict[str, str]:
    """Label → value of the first record under `list_key` (Meta's settings files).

    Labels come back as `label()` keys; values repaired. None of the expected shape raises.
    """
    if not isinstance(document, dict) or not isinstance(document.get(list_key), list):
        raise NotUnderstood(
            f"it has no '{list_key}' list, so its layout is not one Footprint knows"
        )
    rows = [r for r in document[list_key] if isinstance(r, dict)]
    if not rows or not isinstance(rows[0].get("string_map_data"), dict):
        return {}
    return {
        label(name): meta_text(entry.get("value", ""))
        for name, entry in rows[0]["string_map_data"].items()
        if isinstance(entry, dict)
    }


def label_values(document: Any) -> list[dict[str, str]]:
    """Each record's label → value pairs, for the generic {"label_values": […]} shape, as a
    single object or a list of them (one per phone in contacts_sync_settings.json)."""
    found = []
    for record in document if isinstance(document, list) else [document]:
        pairs = record.get("label_values") if isinstance(record, dict) else None
        if not isinstance(pairs, list):
            continue
        found.append(
            {
                label(pair["label"]): meta_text(pair.get("value", ""))
                for pair in pairs
                if isinstance(pair, dict) and isinstance(pair.get("label"), str)
            }
        )
    return found


def meta_text(value: object) -> str:
    """Meta writes each UTF-8 byte as its own \\u00XX escape; undo that."""
    text = str(value)
    if text.isascii():  # most handles and labels: nothing to repair
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text  # already proper text
