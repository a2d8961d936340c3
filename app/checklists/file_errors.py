"""Errors in audit files, always said as `file:line: what is wrong`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.formatting import printable


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an audit file, at a line."""

    line: int
    message: str


class ChecklistError(Exception):
    """An audit file that cannot be used, with every problem found in it."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        """One `file:line: message` line per problem. What the file said is echoed with its
        control characters escaped, so it can never start a line (or a forged message) of
        its own."""
        where = printable(str(self.path))
        return "\n".join(f"{where}:{p.line}: {printable(p.message)}" for p in self.problems)

    @classmethod
    def single(cls, path: Path, line: int, message: str) -> ChecklistError:
        """The error for a file with one problem."""
        return cls(path, [Problem(line, message)])
