"""Shapes shared by Meta's exports (Facebook and Instagram) in JSON format.

Meta lists people either as {"name", "timestamp"} records under a versioned key
("friends_v2"), or as {"title", "string_list_data": [{"href", "value", "timestamp"}]} records,
sometimes with the list at the top level; settings are {"string_map_data": {label: {"value"}}}.
Text is written as UTF-8 bytes escaped one by one, which `meta_text` repairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.exports.decode import expect, meta_text


def records(document: Any, keys: tuple[str, ...], name: str) -> list[dict[str, Any]]:
    """The list of person records in a document, wherever this export version put it."""
    if isinstance(document, dict):
        found = next((document[k] for k in keys if isinstance(document.get(k), list)), None)
        expect(found is not None, name)
        document = found
    expect(isinstance(document, list), name)
    return [row for row in document if isinstance(row, dict)]


def person_name(row: dict[str, Any]) -> str | None:
    """The name or username of one record; None for deactivated accounts without one."""
    for value in _candidates(row):
        if isinstance(value, str) and value.strip():
            return meta_text(value)
    return None


def person_href(row: dict[str, Any]) -> str | None:
    for entry in row.get("string_list_data") or ():
        if isinstance(entry, dict) and isinstance(entry.get("href"), str):
            return meta_text(entry["href"])
    return None


def _candidates(row: dict[str, Any]) -> Iterator[object]:
    yield row.get("name")
    for entry in row.get("string_list_data") or ():
        if isinstance(entry, dict):
            yield entry.get("value")
    yield row.get("title")
    for label in row.get("label_values") or ():
        if isinstance(label, dict) and label.get("label") == "Name":
            yield label.get("value")


def string_map(document: Any, list_key: str, name: str) -> dict[str, str]:
    """Label → value of the first record under `list_key` (Meta's settings files)."""
    expect(isinstance(document, dict) and isinstance(document.get(list_key), list), name)
    rows = [r for r in document[list_key] if isinstance(r, dict)]
    if not rows or not isinstance(rows[0].get("string_map_data"), dict):
        return {}
    values = rows[0]["string_map_data"]
    return {
        meta_text(label): meta_text(entry.get("value", ""))
        for label, entry in values.items()
        if isinstance(entry, dict)
    }
