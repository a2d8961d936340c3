"""Which Code-of-Practice clauses a worker is shown for an item, and where they can report.

The catalogue (resources/codes.toml) holds every regulator's code in the editions Footprint
knows. A worker sees only their own regulator's clauses, in one edition (the one they chose, or
the regulator's default), only verified text, and only the clauses for their role (the UN
Convention on the Rights of the Child to workers whose role involves children). Where the text
is not verified, `notice_for` says so in plain words and gives the address to read it instead:
a worker is never shown a guess, and never left with nothing.

The audit page and the supervision report call `clauses_for` and `notice_for`; the profile form
lists `regulators`; the report's routes come from `routes_for`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from app.checklists.clauses import (
    ALL_REGULATORS,
    ANY_EDITION,
    NO_REGULATOR,
    WORKS_WITH_CHILDREN,
    Clause,
    ClauseKind,
    Edition,
    Regulator,
    ReportingRoute,
)
from app.checklists.codes_file import read_code_file
from app.checklists.model import CheckItem, Concern
from app.resources import shipped

CODES_FILE = shipped().codes_file

__all__ = ["Clause", "CodeBook", "Edition", "Regulator", "ReportingRoute", "load_code_book"]


@dataclass(frozen=True)
class CodeBook:
    """The regulators, their clauses, which clauses serve which concern, and reporting routes."""

    regulators: tuple[Regulator, ...]
    clauses: dict[str, Clause]  # by id, in file order (the report lists clauses in this order)
    concerns: Mapping[Concern, tuple[str, ...]] = field(default_factory=dict)
    pending: Mapping[Concern, tuple[str, ...]] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    routes: tuple[ReportingRoute, ...] = ()

    def regulator(self, regulator_id: str) -> Regulator | None:
        """The regulator with this id, or None if the file has none."""
        return next((r for r in self.regulators if r.id == regulator_id), None)

    def known_ids(self) -> frozenset[str]:
        """Every id an item or an employer pack may cite in `codes` (clauses and old ids)."""
        return frozenset(self.clauses) | frozenset(self.aliases)

    def resolve(self, code: str) -> tuple[Clause, ...]:
        """The clauses an id stands for: itself, or each edition's clause for an old id."""
        if code in self.clauses:
            return (self.clauses[code],)
        return tuple(self.clauses[c] for c in self.aliases.get(code, ()) if c in self.clauses)

    def edition_for(self, regulator_id: str, edition: str | None = None) -> str:
        """The edition whose clauses are shown: the one chosen if the regulator has it, else the
        regulator's default ("" for a worker with no regulator)."""
        found = self.regulator(regulator_id)
        chosen = found.edition(edition) if found else None
        return chosen.id if chosen else ""

    def clauses_for(
        self,
        item: CheckItem | Sequence[str],
        regulator_id: str,
        edition: str | None = None,
        *,
        works_with_children: bool = False,
    ) -> list[Clause]:
        """The verified clauses a worker is shown for an item: those serving its concerns plus
        those it cites in `codes`, for this regulator, edition and role. `item` may also be a
        bare list of cited ids (as callers before format 2 passed `item.codes`)."""
        concerns, codes = _concerns_and_codes(item)
        edition_id = self.edition_for(regulator_id, edition)
        roles = frozenset({WORKS_WITH_CHILDREN} if works_with_children else ())
        candidates = [self.clauses[c] for k in concerns for c in self.concerns.get(k, ())]
        candidates += [clause for code in codes for clause in self.resolve(code)]
        shown: dict[str, Clause] = {}
        for clause in candidates:
            if clause.id not in shown and _shows(clause, regulator_id, edition_id, roles):
                shown[clause.id] = clause
        return sorted(shown.values(), key=_display_rank)

    def notice_for(
        self,
        item: CheckItem | Sequence[str],
        regulator_id: str,
        edition: str | None = None,
        *,
        works_with_children: bool = False,
    ) -> str:
        """What to tell the worker when Footprint has nothing verified of their regulator's to show
        for an item ("" when there is nothing to say): the code's text is not verified at all,
        or nothing verified speaks to what this item is about. Always says where to read it."""
        found = self.regulator(regulator_id)
        if found is None or not found.editions:
            return ""
        whole = self.unverified_notice(regulator_id, edition)
        if whole:
            return whole
        concerns, _ = _concerns_and_codes(item)
        edition_id = self.edition_for(regulator_id, edition)
        missing = [c for c in concerns if not self._covers(c, regulator_id, edition_id)]
        if not missing:
            return ""
        code = self._code_name(found, edition_id)
        return (
            f"Footprint has not yet verified what your code ({code}) says about "
            f"{_join([c.label for c in missing])}; read it at {found.url}."
        )

    def unverified_notice(self, regulator_id: str, edition: str | None = None) -> str:
        """The notice for a regulator whose code's clauses Footprint could not verify in the
        edition shown ("" when some clause text is verified, or the worker has no regulator)."""
        found = self.regulator(regulator_id)
        if found is None or not found.editions:
            return ""
        edition_id = self.edition_for(regulator_id, edition)
        own = [c for c in self.clauses.values() if c.regulator == found.id and c.verified]
        own = [c for c in own if c.edition == edition_id]
        if any(c.kind in (ClauseKind.CLAUSE, ClauseKind.STANDARD) for c in own):
            return ""
        headings = any(c.kind is ClauseKind.HEADING for c in own)
        shown = " The section headings shown were checked." if headings else ""
        return (
            f"Footprint has not yet verified the text of your code's clauses "
            f"({self._code_name(found, edition_id)}); read them at {found.url}.{shown}"
        )

    def routes_for(self, regulator_id: str, country: str | None = None) -> list[ReportingRoute]:
        """Where a worker can raise a concern: their employer first, then their regulator, then
        the inspectorate of the country they work in (or, when the country is not known, the
        one that goes with their regulator)."""
        employer = [r for r in self.routes if r.kind == "employer"]
        regulator = [r for r in self.routes if r.kind == "regulator" and r.applies(regulator_id)]
        inspectorates = [r for r in self.routes if r.kind == "inspectorate"]
        if country:
            inspectorates = [r for r in inspectorates if r.country == country]
        else:
            inspectorates = [r for r in inspectorates if regulator_id in r.applies_to]
        regulator = [r for r in regulator if ALL_REGULATORS not in r.applies_to]
        return employer + regulator + inspectorates

    def _covers(self, concern: Concern, regulator_id: str, edition_id: str) -> bool:
        """Whether the worker is shown something of their own regulator's for the concern: a
        verified clause of the edition shown, or the regulator's guidance. (No code has a clause
        on every concern; where only guidance speaks, the guidance is shown, labelled as such.)"""
        clauses = (self.clauses[c] for c in self.concerns.get(concern, ()))
        return any(
            c.regulator == regulator_id and c.verified and c.edition in (edition_id, ANY_EDITION)
            for c in clauses
        )

    @staticmethod
    def _code_name(regulator: Regulator, edition_id: str) -> str:
        edition = regulator.edition(edition_id)
        if edition is None:
            return regulator.code_title
        # "2026 (in effect from 1 July 2026)" reads as "2026" inside a sentence's brackets.
        return f"{regulator.code_title}, {edition.label.split(' (')[0]}"


def _concerns_and_codes(
    item: CheckItem | Sequence[str],
) -> tuple[tuple[Concern, ...], tuple[str, ...]]:
    if isinstance(item, CheckItem):
        return item.concerns, item.codes
    if isinstance(item, str):  # a bare id, not a list of them
        return (), (item,)
    return (), tuple(item)


def _shows(clause: Clause, regulator_id: str, edition_id: str, roles: frozenset[str]) -> bool:
    """Verified, for this worker's regulator, in the edition shown (never a mix), and for a
    role the worker has when the clause is limited to some roles."""
    if not clause.verified or not clause.applies(regulator_id):
        return False
    if clause.regulator == regulator_id and clause.edition not in (edition_id, ANY_EDITION):
        return False
    return not clause.only_for_roles or bool(roles & set(clause.only_for_roles))


def _display_rank(clause: Clause) -> int:
    """The code's own text first, then regulator guidance, then other standards and treaties."""
    if clause.is_code_text and clause.regulator != NO_REGULATOR:
        return 0
    return 1 if clause.kind is ClauseKind.GUIDANCE else 2


def _join(words: Sequence[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


@cache
def load_code_book(path: Path = CODES_FILE) -> CodeBook:
    """The catalogue in `path` (the shipped resources/codes.toml by default), checked."""
    parts = read_code_file(path)
    return CodeBook(
        regulators=parts.regulators,
        clauses=parts.clauses,
        concerns=parts.concerns,
        pending=parts.pending,
        aliases=parts.aliases,
        routes=parts.routes,
    )
