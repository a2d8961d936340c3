"""Finds the line of a table or key in TOML text, so errors can name it.

tomllib gives values but not positions; a light scan of the text is enough because the
audit files use plain `[table]`, `[[array]]` and `key = value` lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
_KEY = re.compile(r"""^\s*(["']?)([A-Za-z0-9_\-]+)\1\s*=""")


@dataclass
class _Section:
    name: str
    header_line: int
    key_lines: dict[str, int]


class SourceLines:
    """Maps section names ("", "platform", "item.3", "item.3.probe") to their lines."""

    def __init__(self, text: str) -> None:
        # Scanned at the first `line()`: only a problem asks, and the shipped audits, read at
        # every start, have none (the scan was ~5 ms of each start; issue 24).
        self._text = text
        self._scanned: dict[str, _Section] | None = None

    @property
    def _sections(self) -> dict[str, _Section]:
        if self._scanned is None:
            self._scanned = {"": _Section("", 1, {})}
            self._scan(self._text)
        return self._scanned

    def _scan(self, text: str) -> None:
        current = self._sections[""]
        counts: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if match := _ARRAY_HEADER.match(line):
                table = match.group(1).strip()
                index = counts.get(table, 0)
                counts[table] = index + 1
                current = self._open(f"{table}.{index}", number)
            elif match := _TABLE_HEADER.match(line):
                current = self._open(self._nested_name(match.group(1).strip(), counts), number)
            elif match := _KEY.match(line):
                current.key_lines.setdefault(match.group(2), number)

    def _open(self, name: str, line: int) -> _Section:
        section = self._sections.setdefault(name, _Section(name, line, {}))
        return section

    @staticmethod
    def _nested_name(table: str, counts: dict[str, int]) -> str:
        # `[item.probe]` belongs to the latest `[[item]]`.
        head, _, rest = table.partition(".")
        if rest and head in counts:
            return f"{head}.{counts[head] - 1}.{rest}"
        return table

    def line(self, section: str, key: str | None = None) -> int:
        """The line of `key` in `section`, else of the section's header, else 1."""
        found = self._sections.get(section)
        if found is None:
            return 1
        if key is not None and key in found.key_lines:
            return found.key_lines[key]
        return found.header_line
