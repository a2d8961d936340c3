"""Code-of-Practice clauses and regulators, read from resources/codes.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.resources import shipped

RESOURCES = shipped().resources
CODES_FILE = shipped().codes_file


@dataclass(frozen=True)
class Regulator:
    id: str
    name: str


@dataclass(frozen=True)
class Clause:
    id: str
    source: str
    text: str
    applies_to: tuple[str, ...]

    def applies(self, regulator_id: str) -> bool:
        return "all" in self.applies_to or regulator_id in self.applies_to


@dataclass(frozen=True)
class CodeBook:
    regulators: tuple[Regulator, ...]
    clauses: dict[str, Clause]

    def regulator(self, regulator_id: str) -> Regulator | None:
        return next((r for r in self.regulators if r.id == regulator_id), None)

    def clauses_for(self, codes: tuple[str, ...], regulator_id: str) -> list[Clause]:
        """The cited clauses that apply to a worker registered with `regulator_id`."""
        return [
            self.clauses[code]
            for code in codes
            if code in self.clauses and self.clauses[code].applies(regulator_id)
        ]


@cache
def load_code_book(path: Path = CODES_FILE) -> CodeBook:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    regulators = tuple(Regulator(r["id"], r["name"]) for r in data["regulator"])
    clauses = {
        c["id"]: Clause(c["id"], c["source"], c["text"], tuple(c["applies_to"]))
        for c in data["clause"]
    }
    return CodeBook(regulators, clauses)
