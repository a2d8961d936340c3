"""Employer policy packs: one TOML file an organisation gives its staff.

A pack may add items to shipped platforms, add whole platforms, raise the severity of
shipped items and set its own re-check intervals ("local policy" in the guidance). It is
validated completely before anything is used, so a bad pack is never half-applied.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.checklists.audit_tables import file_format, read_item, read_platform_fields
from app.checklists.fields import TableReader
from app.checklists.file_errors import ChecklistError, Problem
from app.checklists.loader import parse_toml, read_text
from app.checklists.model import Catalogue, CheckItem, Platform, Severity
from app.checklists.source_lines import SourceLines

_TOP_KEYS = {"format", "policy", "platform", "change", "item"}
_POLICY_KEYS = {"organisation", "title"}
_CHANGE_KEYS = {"platform", "recheck_days", "raise_severity"}


@dataclass(frozen=True)
class PlatformChange:
    """A pack's change to a shipped platform: its interval, and items it raises."""

    platform_id: str
    recheck_days: int | None
    raised: dict[str, Severity]


@dataclass(frozen=True)
class PolicyPack:
    """A checked employer policy pack: what it adds and changes, and its file."""

    organisation: str
    title: str
    platforms: tuple[Platform, ...]  # new platforms, items included
    changes: tuple[PlatformChange, ...]
    extra_items: tuple[tuple[str, CheckItem], ...]  # (shipped platform id, item)
    path: Path

    @property
    def origin(self) -> str:
        """What items from this pack are marked with: 'employer: <organisation>'."""
        return f"employer: {self.organisation}"

    def summary(self) -> str:
        """'Staff policy (Riverside Care): 3 settings, 1 new platform, 1 changed platform'."""
        added = len(self.extra_items) + sum(len(p.items) for p in self.platforms)
        return (
            f"{self.title} ({self.organisation}): {_count(added, 'setting')}, "
            f"{_count(len(self.platforms), 'new platform')}, "
            f"{_count(len(self.changes), 'changed platform')}"
        )

    def effect(self, platform_names: Mapping[str, str] | None = None) -> str:
        """What the pack changes for audits already made, said plainly; `platform_names`
        (id → name) so a worker reads "Facebook", not the id "facebook"."""
        if not self.extra_items:
            return ""
        known = platform_names or {}
        names = sorted({known.get(pid, pid) for pid, _ in self.extra_items})
        return (
            f"It adds {_count(len(self.extra_items), 'setting')} to {', '.join(names)}: they are "
            "checked at your next check of that platform. Audits you already made show them as "
            "not checked; their answers are unchanged."
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def load_policy_pack(path: Path, base: Catalogue, known_codes: set[str]) -> PolicyPack:
    """Read and check a pack against the shipped catalogue; raise ChecklistError if unusable."""
    return load_policy_text(read_text(path), path, base, known_codes)


def load_policy_text(text: str, path: Path, base: Catalogue, known_codes: set[str]) -> PolicyPack:
    """Check a pack's text (read from `path`) against the shipped catalogue."""
    data = parse_toml(text, path)
    lines = SourceLines(text)
    problems: list[Problem] = []
    top = TableReader(data, "", lines, problems)
    top.reject_unknown(_TOP_KEYS)
    version = file_format(top)
    policy = top.subtable("policy")
    if policy is None:
        raise ChecklistError.single(path, 1, "the file has no [policy] table")
    head = TableReader(policy, "policy", lines, problems)
    head.reject_unknown(_POLICY_KEYS)
    organisation, title = head.text("organisation"), head.text("title")
    origin = f"employer: {organisation}"
    new_platforms = _read_new_platforms(data.get("platform"), base, lines, problems, origin)
    known_ids = set(base.ids) | {p["id"] for p in new_platforms}
    changes = _read_changes(data.get("change"), base, lines, problems)
    items = _read_items(
        data.get("item"), base, known_ids, lines, problems, known_codes, origin, version
    )
    platforms = tuple(
        Platform(
            items=tuple(i for pid, i in items if pid == fields["id"]),
            origin=origin,
            source_file=path,
            **fields,
        )  # fmt: skip
        for fields in new_platforms
    )
    for platform in platforms:
        if not platform.items:
            problems.append(Problem(1, f"the new platform '{platform.id}' has no items"))
    extra = tuple((pid, i) for pid, i in items if pid in base.ids)
    if problems:
        raise ChecklistError(path, sorted(problems, key=lambda p: p.line))
    return PolicyPack(organisation, title, platforms, changes, extra, path)


def _tables(raw: object, name: str, lines: SourceLines, problems: list[Problem]) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        problems.append(Problem(lines.line(f"{name}.0"), f"'{name}' must be [[{name}]] tables"))
        return []
    return raw


def _read_new_platforms(
    raw: object, base: Catalogue, lines: SourceLines, problems: list[Problem], origin: str
) -> list[dict[str, Any]]:
    found = []
    for index, table in enumerate(_tables(raw, "platform", lines, problems)):
        reader = TableReader(table, f"platform.{index}", lines, problems)
        fields = read_platform_fields(reader, from_pack=True)
        if fields["id"] in base.ids:
            reader.problem(
                f"platform '{fields['id']}' is already shipped; use [[change]] to adjust it", "id"
            )
            continue
        found.append(fields)
    return found


def _read_changes(
    raw: object, base: Catalogue, lines: SourceLines, problems: list[Problem]
) -> tuple[PlatformChange, ...]:
    changes = []
    for index, table in enumerate(_tables(raw, "change", lines, problems)):
        reader = TableReader(table, f"change.{index}", lines, problems)
        reader.reject_unknown(_CHANGE_KEYS)
        platform = base.get(reader.text("platform"))
        if platform is None:
            reader.problem(f"no shipped platform '{table.get('platform')}'", "platform")
            continue
        days = reader.integer("recheck_days", 7, 366) if "recheck_days" in table else None
        changes.append(PlatformChange(platform.id, days, _raised(reader, platform)))
    return tuple(changes)


def _raised(reader: TableReader, platform: Platform) -> dict[str, Severity]:
    raised: dict[str, Severity] = {}
    table = reader.subtable("raise_severity") or {}
    for item_id, value in table.items():
        if item_id not in platform.item_ids:
            reader.problem(f"{platform.id} has no item '{item_id}'", "raise_severity")
        elif not isinstance(value, str) or value not in {s.value for s in Severity}:
            reader.problem(f"severity '{value}' is not one of: high, medium, low", "raise_severity")
        elif Severity(value).rank < platform.item(item_id).severity.rank:
            reader.problem(f"'{item_id}' can only be raised, not lowered", "raise_severity")
        else:
            raised[item_id] = Severity(value)
    return raised


def _read_items(
    raw: object,
    base: Catalogue,
    known_ids: set[str],
    lines: SourceLines,
    problems: list[Problem],
    known_codes: set[str],
    origin: str,
    version: int,
) -> list[tuple[str, CheckItem]]:
    items: list[tuple[str, CheckItem]] = []
    seen: set[tuple[str, str]] = set()
    for index, table in enumerate(_tables(raw, "item", lines, problems)):
        reader = TableReader(table, f"item.{index}", lines, problems)
        platform_id = reader.text("platform")
        if platform_id and platform_id not in known_ids:
            reader.problem(f"no platform '{platform_id}' (shipped or in this pack)", "platform")
        item = read_item(
            reader,
            known_codes,
            version,
            frozenset({"platform"}),
            platform_id=platform_id,
            probes_allowed=platform_id in base.ids,
        )
        shipped = base.get(platform_id)
        taken = shipped.item_ids if shipped else ()
        if item.id in taken or (platform_id, item.id) in seen:
            reader.problem(f"{platform_id} already has an item '{item.id}'", "id")
        seen.add((platform_id, item.id))
        items.append((platform_id, replace(item, origin=origin)))
    return items


def apply_pack(catalogue: Catalogue, pack: PolicyPack) -> Catalogue:
    """The catalogue with the pack's items, severities, intervals and platforms applied."""
    changed = []
    for platform in catalogue.platforms:
        items = list(platform.items)
        for change in (c for c in pack.changes if c.platform_id == platform.id):
            items = [replace(i, severity=change.raised.get(i.id, i.severity)) for i in items]
            if change.recheck_days is not None:
                platform = replace(platform, policy_recheck_days=change.recheck_days)
        items += [item for pid, item in pack.extra_items if pid == platform.id]
        changed.append(replace(platform, items=tuple(items)))
    general = [p for p in changed if p.id == "general"]
    others = [p for p in changed if p.id != "general"]
    return Catalogue((*others, *pack.platforms, *general))
