"""Reads resources/codes.toml into values, or says what is wrong with it as `file:line: …`.

The rules that keep the catalogue honest are enforced here, when the file is read: a clause
that is not verified is loaded without its text (its `text_unverified` is never read), and a
concern may only point at verified clauses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.checklists.clauses import (
    ANY_EDITION,
    NO_REGULATOR,
    WORKS_WITH_CHILDREN,
    Clause,
    ClauseEvidence,
    ClauseKind,
    ClauseStatus,
    Edition,
    Regulator,
    ReportingRoute,
)
from app.checklists.fields import TableReader
from app.checklists.file_errors import ChecklistError, Problem
from app.checklists.loader import parse_toml, read_text
from app.checklists.model import Concern
from app.checklists.source_lines import SourceLines

_TOP_KEYS = {"regulator", "clause", "concerns", "concerns_pending", "aliases", "reporting_route"}
_REGULATOR_KEYS = {"id", "name", "code_title", "url", "current_edition", "default_edition",
                   "edition"}  # fmt: skip
_CLAUSE_KEYS = {
    "id", "kind", "regulator", "edition", "number", "stem", "text", "text_unverified", "source",
    "url", "third_party_url", "evidence", "status", "applies_to", "only_for_roles", "note",
}  # fmt: skip
_ROUTE_KEYS = {"id", "kind", "name", "applies_to", "url", "country", "phone", "note"}
_ROUTE_KINDS = ("employer", "regulator", "inspectorate")
_ROLES = (WORKS_WITH_CHILDREN,)


@dataclass(frozen=True)
class CodeFile:
    """Everything resources/codes.toml holds, checked."""

    regulators: tuple[Regulator, ...]
    clauses: dict[str, Clause]
    concerns: dict[Concern, tuple[str, ...]]
    pending: dict[Concern, tuple[str, ...]]
    aliases: dict[str, tuple[str, ...]]
    routes: tuple[ReportingRoute, ...]


def read_code_file(path: Path) -> CodeFile:
    """Read and check the catalogue; raise ChecklistError listing every problem found."""
    text = read_text(path)
    return _Reading(parse_toml(text, path), SourceLines(text)).result(path)


class _Reading:
    """One pass over the parsed file, collecting every problem with its line."""

    def __init__(self, data: dict[str, Any], lines: SourceLines) -> None:
        self.problems: list[Problem] = []
        self.lines = lines
        self.top = self.reader(data, "")
        self.top.reject_unknown(_TOP_KEYS)

    def reader(self, table: dict[str, Any], section: str) -> TableReader:
        return TableReader(table, section, self.lines, self.problems)

    def result(self, path: Path) -> CodeFile:
        regulators = tuple(self._regulators())
        clauses = self._clauses({r.id: r for r in regulators})
        parts = CodeFile(
            regulators=regulators,
            clauses=clauses,
            concerns=self._concern_map("concerns", clauses, verified_only=True),
            pending=self._concern_map("concerns_pending", clauses, verified_only=False),
            aliases=self._aliases(clauses),
            routes=tuple(self._routes()),
        )
        if self.problems:
            raise ChecklistError(path, sorted(self.problems, key=lambda p: p.line))
        return parts

    def _array(self, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
        raw = self.top.table.get(key, [])
        if not isinstance(raw, list):
            self.top.problem(f"'{key}' must be an array of tables ([[{key}]])", key)
            return
        for index, table in enumerate(raw):
            if isinstance(table, dict):
                yield index, table
            else:
                self.top.problem(f"each [[{key}]] must be a table", key)

    # -- regulators -------------------------------------------------------------------------
    def _regulators(self) -> Iterator[Regulator]:
        edition_index = 0  # SourceLines counts [[regulator.edition]] across the whole file
        for index, table in self._array("regulator"):
            reader = self.reader(table, f"regulator.{index}")
            reader.reject_unknown(_REGULATOR_KEYS)
            editions = []
            raw_editions = table.get("edition", [])
            if not isinstance(raw_editions, list) or not all(
                isinstance(e, dict) for e in raw_editions
            ):
                reader.problem("'edition' must be [[regulator.edition]] tables", "edition")
                raw_editions = []
            for raw in raw_editions:
                edition = self.reader(raw, f"regulator.edition.{edition_index}")
                edition_index += 1
                edition.reject_unknown({"id", "label"})
                editions.append(Edition(edition.identifier("id"), edition.text("label")))
            yield self._regulator(reader, tuple(editions))

    @staticmethod
    def _regulator(reader: TableReader, editions: tuple[Edition, ...]) -> Regulator:
        ids = sorted(e.id for e in editions)
        chosen = {}
        for key in ("current_edition", "default_edition"):
            chosen[key] = reader.text(key, required=False)
            if (chosen[key] or editions) and chosen[key] not in ids:
                reader.problem(f"'{key}' must be one of the regulator's editions {ids}", key)
        url = reader.text("url", required=False)
        if url and not url.startswith("https://"):
            reader.problem(f"'url' must be an https:// address, not '{url}'", "url")
        return Regulator(
            id=reader.identifier("id"),
            name=reader.text("name"),
            code_title=reader.text("code_title", required=False),
            url=url,
            editions=editions,
            **chosen,
        )

    # -- clauses ----------------------------------------------------------------------------
    def _clauses(self, regulators: dict[str, Regulator]) -> dict[str, Clause]:
        clauses: dict[str, Clause] = {}
        for index, table in self._array("clause"):
            reader = self.reader(table, f"clause.{index}")
            clause = self._clause(reader, regulators)
            if clause.id in clauses:
                reader.problem(f"clause id '{clause.id}' is used twice", "id")
            clauses[clause.id] = clause
        return clauses

    def _clause(self, reader: TableReader, regulators: dict[str, Regulator]) -> Clause:
        reader.reject_unknown(_CLAUSE_KEYS)
        status = reader.choice("status", ClauseStatus)
        text = reader.text("text", required=False)
        if status is ClauseStatus.VERIFIED and not text:
            reader.problem("a verified clause needs its verbatim 'text'", "text")
        clause = Clause(
            id=reader.text("id"),
            kind=reader.choice("kind", ClauseKind),
            regulator=reader.text("regulator"),
            edition=reader.text("edition"),
            number=reader.text("number", required=False),
            stem=reader.text("stem", required=False),
            # Text that is cut off or unread is never loaded, so no caller can show it.
            text=text if status is ClauseStatus.VERIFIED else "",
            source=reader.text("source"),
            url=self._web_address(reader, "url"),
            evidence=reader.choice("evidence", ClauseEvidence),
            status=status,
            applies_to=reader.text_list("applies_to"),
            only_for_roles=self._roles(reader),
        )
        self._check_owner(reader, clause, regulators)
        return clause

    @staticmethod
    def _web_address(reader: TableReader, key: str) -> str:
        value = reader.text(key)
        if value and not value.startswith(("https://", "http://")):
            reader.problem(f"'{key}' must be a web address, not '{value}'", key)
        return value

    @staticmethod
    def _roles(reader: TableReader) -> tuple[str, ...]:
        if "only_for_roles" not in reader.table:
            return ()
        roles = reader.text_list("only_for_roles")
        for role in roles:
            if role not in _ROLES:
                reader.problem(f"role '{role}' is not one of: {_ROLES}", "only_for_roles")
        return roles

    @staticmethod
    def _check_owner(reader: TableReader, clause: Clause, regulators: dict[str, Regulator]) -> None:
        """A regulator's clause belongs to one of its editions and is shown to its workers only."""
        if clause.regulator == NO_REGULATOR:
            return
        owner = regulators.get(clause.regulator)
        if owner is None:
            reader.problem(f"regulator '{clause.regulator}' is not a [[regulator]]", "regulator")
            return
        editions = {e.id for e in owner.editions} | {ANY_EDITION}
        if clause.edition not in editions:
            reader.problem(f"edition '{clause.edition}' is not in {sorted(editions)}", "edition")
        if clause.applies_to != (owner.id,):
            wanted = f'applies_to = ["{owner.id}"]'
            reader.problem(f"a clause of {owner.id} must have {wanted}", "applies_to")

    # -- concerns and aliases ---------------------------------------------------------------
    def _concern_map(
        self, key: str, clauses: dict[str, Clause], *, verified_only: bool
    ) -> dict[Concern, tuple[str, ...]]:
        table = self.top.subtable(key) or {}
        reader = self.reader(table, key)
        reader.reject_unknown({c.value for c in Concern})
        found: dict[Concern, tuple[str, ...]] = {}
        for concern in Concern:
            ids = reader.text_list(concern.value) if table.get(concern.value) else ()
            for clause_id in ids:
                clause = clauses.get(clause_id)
                if clause is None:
                    reader.problem(f"'{clause_id}' is not a [[clause]] id", concern.value)
                elif verified_only and not clause.verified:
                    reader.problem(f"'{clause_id}' is not verified; list it in "
                                   "[concerns_pending] until it is", concern.value)  # fmt: skip
            found[concern] = ids
        return found

    def _aliases(self, clauses: dict[str, Clause]) -> dict[str, tuple[str, ...]]:
        table = self.top.subtable("aliases") or {}
        reader = self.reader(table, "aliases")
        aliases: dict[str, tuple[str, ...]] = {}
        for alias in table:
            targets = reader.text_list(alias)
            if alias in clauses:
                reader.problem(f"alias '{alias}' is also a clause id", alias)
            for target in targets:
                if target not in clauses:
                    reader.problem(f"alias '{alias}' points at unknown clause '{target}'", alias)
            aliases[alias] = targets
        return aliases

    # -- reporting routes -------------------------------------------------------------------
    def _routes(self) -> Iterator[ReportingRoute]:
        for index, table in self._array("reporting_route"):
            reader = self.reader(table, f"reporting_route.{index}")
            reader.reject_unknown(_ROUTE_KEYS)
            kind = reader.text("kind")
            if kind and kind not in _ROUTE_KINDS:
                reader.problem(f"'kind' = '{kind}' is not one of: {_ROUTE_KINDS}", "kind")
            url = reader.text("url", required=kind != "employer")
            if url and not url.startswith("https://"):
                reader.problem(f"'url' must be an https:// address, not '{url}'", "url")
            applies_to = reader.text_list("applies_to")
            yield ReportingRoute(
                id=reader.identifier("id"),
                kind=kind,
                name=reader.text("name"),
                applies_to=applies_to,
                url=url,
                country=reader.text("country", required=False),
                phone=reader.text("phone", required=False),
            )
