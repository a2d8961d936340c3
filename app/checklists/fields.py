"""Typed reading of one TOML table, collecting problems instead of stopping at the first."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, TypeVar

from app.checklists.file_errors import Problem
from app.checklists.source_lines import SourceLines
from app.formatting import display_text

E = TypeVar("E", bound=StrEnum)

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9\-]{0,62}$")


class TableReader:
    """Reads keys of one table; every bad or missing key adds a Problem with its line."""

    def __init__(
        self, table: dict[str, Any], section: str, lines: SourceLines, problems: list[Problem]
    ) -> None:
        self.table = table
        self.section = section
        self.label = section.replace(".", " ") or "top level"
        self._lines = lines
        self._problems = problems

    def child(self, table: dict[str, Any], key: str) -> TableReader:
        """A reader for the sub-table `key` of this table, adding to the same problems."""
        return TableReader(table, f"{self.section}.{key}", self._lines, self._problems)

    def problem(self, message: str, key: str | None = None) -> None:
        """Note a problem with this table, at the line of `key` (or of the table)."""
        self._problems.append(Problem(self._lines.line(self.section, key), message))

    def reject_unknown(self, allowed: set[str]) -> None:
        """Note a problem for every key not in `allowed`."""
        for key in self.table:
            if key not in allowed:
                expected = ", ".join(sorted(allowed))
                self.problem(f"unknown key '{key}' in [{self.label}] (expected: {expected})", key)

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        """The text as shown and printed (`display_text`: no bidi controls), stripped;
        `default` if missing (a problem if `required`), blank or not text."""
        return display_text(self.written(key, required, default)).strip()

    def written(self, key: str, required: bool = True, default: str = "") -> str:
        """The text exactly as written, stripped: ids and addresses are checked as written,
        so a hidden control in one is refused, not quietly removed."""
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(f"[{self.label}] is missing '{key}'")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(f"'{key}' in [{self.label}] must be non-empty text", key)
            return default
        return value.strip()

    def identifier(self, key: str) -> str:
        """An id: lowercase letters, digits and '-', at most 63 characters."""
        value = self.written(key)
        if value and not ID_PATTERN.match(value):
            self.problem(f"'{key}' = '{value}' must be lowercase letters, digits and '-'", key)
        return value

    def https_url(self, key: str) -> str:
        """An address that must start with https://."""
        value = self.written(key)
        if value and not value.startswith("https://"):
            self.problem(f"'{key}' must be an https:// address, not '{value}'", key)
        return value

    def integer(self, key: str, low: int, high: int) -> int:
        """A whole number from `low` to `high`; `low`, with a problem, if missing or not one."""
        value = self.table.get(key)
        if value is None:
            self.problem(f"[{self.label}] is missing '{key}'")
            return low
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(f"'{key}' must be a whole number from {low} to {high}", key)
            return low
        return value

    def choice(self, key: str, kind: type[E]) -> E:
        """One of `kind`'s values; its first value if the key is missing or wrong."""
        value = self.written(key)
        options = [member.value for member in kind]
        if value and value in options:
            return kind(value)
        if value:
            self.problem(f"'{key}' = '{value}' is not one of: {', '.join(options)}", key)
        return kind(options[0])

    def choices(self, key: str, kind: type[E]) -> list[E]:
        """A non-empty list, each value one of `kind`'s."""
        options = [member.value for member in kind]
        found = []
        for value in self.text_list(key):
            if value in options:
                found.append(kind(value))
            else:
                self.problem(f"'{key}' has '{value}', not one of: {', '.join(options)}", key)
        return found

    def text_list(self, key: str) -> tuple[str, ...]:
        """A non-empty list of non-blank texts, stripped; () if it is not one."""
        value = self.table.get(key)
        if value is None:
            self.problem(f"[{self.label}] is missing '{key}'")
            return ()
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            self.problem(f"'{key}' in [{self.label}] must be a non-empty list of texts", key)
            return ()
        return tuple(display_text(v).strip() for v in value)

    def subtable(self, key: str) -> dict[str, Any] | None:
        """The sub-table `key`; None if it is missing or not a table."""
        value = self.table.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(f"'{key}' in [{self.label}] must be a table", key)
            return None
        return value
