"""Turns audits/*.toml into Platform values, or says exactly what is wrong with a file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.checklists.errors import ChecklistError, Problem
from app.checklists.fields import TableReader
from app.checklists.model import (
    Catalogue,
    Category,
    CheckItem,
    Concern,
    Evidence,
    Platform,
    PlatformAutomation,
    Probe,
    ProbeRead,
    Severity,
)
from app.checklists.source_lines import SourceLines
from app.resources import shipped

FORMATS = (1, 2)  # 2 names each item three ways and gives its concerns; 1 still loads
FORMAT_VERSION = 2
SHIPPED_AUDITS = shipped().audits
GENERAL_ID = "general"

_PLATFORM_KEYS = {"id", "name", "settings_url", "recheck_days", "notes", "automation"}
_ITEM_KEYS_V1 = {
    "id", "category", "title", "why", "codes", "steps", "safe",
    "open_url", "source", "severity", "probe",
}  # fmt: skip
_ITEM_KEYS_V2 = {
    "id", "category", "name", "goal", "action", "why", "concerns", "codes", "steps",
    "app_steps", "safe", "open_url", "source", "evidence", "steps_source", "severity", "probe",
}  # fmt: skip
_PROBE_KEYS = {"url", "locator", "read", "safe_when"}
_AUTOMATION_KEYS = {
    "login_url", "signed_in", "username", "password", "submit", "error_texts", "rate_limit_texts",
}  # fmt: skip
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class LoadReport:
    """What loading a set of files gave: the usable platforms and the files that were not."""

    catalogue: Catalogue
    errors: tuple[ChecklistError, ...]


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML, turning a syntax error into a ChecklistError with its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else 1
        reason = _TOML_POSITION.sub("", message).strip()
        raise ChecklistError.single(path, line, f"not valid TOML: {reason}") from None


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ChecklistError.single(path, 1, f"not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise ChecklistError.single(path, 1, f"cannot read the file: {error.strerror}") from None


def load_platform_file(
    path: Path, known_codes: set[str] | None = None, *, origin: str = "shipped"
) -> Platform:
    """Load one platform file; the platform id must match the file name."""
    platform = load_platform_text(read_text(path), path, known_codes, origin=origin)
    if platform.id != path.stem:
        line = SourceLines(read_text(path)).line("platform", "id")
        raise ChecklistError.single(
            path, line, f"platform id '{platform.id}' must match the file name '{path.stem}'"
        )
    return platform


def load_platform_text(
    text: str, path: Path, known_codes: set[str] | None = None, *, origin: str = "shipped"
) -> Platform:
    data = parse_toml(text, path)
    lines = SourceLines(text)
    problems: list[Problem] = []
    top = TableReader(data, "", lines, problems)
    top.reject_unknown({"format", "platform", "item"})
    version = file_format(top)
    platform_table = top.subtable("platform")
    if platform_table is None:
        raise ChecklistError.single(path, 1, "the file has no [platform] table")
    platform = read_platform_fields(TableReader(platform_table, "platform", lines, problems))
    items = _read_items(data.get("item"), lines, problems, known_codes, version)
    if problems:
        raise ChecklistError(path, sorted(problems, key=lambda p: p.line))
    return Platform(items=items, origin=origin, source_file=path, **platform)


def file_format(top: TableReader) -> int:
    """The file's `format` (1 when absent, as files from before format 2 have none)."""
    version = top.table.get("format", 1)
    if version not in FORMATS:
        top.problem(f"format = {version!r} is not supported (expected one of {FORMATS})")
        return FORMAT_VERSION
    return int(version)


def read_platform_fields(reader: TableReader) -> dict[str, Any]:
    reader.reject_unknown(_PLATFORM_KEYS)
    automation_table = reader.subtable("automation")
    return {
        "id": reader.identifier("id"),
        "name": reader.text("name"),
        "settings_url": reader.https_url("settings_url"),
        "recheck_days": reader.integer("recheck_days", 7, 366),
        "notes": reader.text("notes", required=False),
        "automation": _read_automation(reader.child(automation_table, "automation"))
        if automation_table is not None
        else None,
    }


def _read_automation(reader: TableReader) -> PlatformAutomation:
    reader.reject_unknown(_AUTOMATION_KEYS)
    optional = {
        key: reader.text_list(key) if key in reader.table else ()
        for key in ("error_texts", "rate_limit_texts")
    }
    return PlatformAutomation(
        login_url=reader.text("login_url"),
        signed_in=reader.text("signed_in"),
        username=reader.text("username"),
        password=reader.text("password"),
        submit=reader.text("submit"),
        **optional,
    )


def _read_items(
    raw: object,
    lines: SourceLines,
    problems: list[Problem],
    known_codes: set[str] | None,
    version: int,
) -> tuple[CheckItem, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(1, "the file has no [[item]] entries"))
        return ()
    items: list[CheckItem] = []
    seen: set[str] = set()
    for index, table in enumerate(raw):
        if not isinstance(table, dict):
            problems.append(Problem(lines.line(f"item.{index}"), "each [[item]] must be a table"))
            continue
        reader = TableReader(table, f"item.{index}", lines, problems)
        item = read_item(reader, known_codes, version)
        if item.id in seen:
            reader.problem(f"item id '{item.id}' is used twice", "id")
        seen.add(item.id)
        items.append(item)
    return tuple(items)


def read_item(
    reader: TableReader,
    known_codes: set[str] | None,
    version: int = FORMAT_VERSION,
    extra_keys: frozenset[str] = frozenset(),
) -> CheckItem:
    """One [[item]] table of a file in `version`; `extra_keys` are allowed keys the caller
    reads itself."""
    reader.reject_unknown((_ITEM_KEYS_V2 if version >= 2 else _ITEM_KEYS_V1) | extra_keys)
    codes = _codes(reader, known_codes, required=version < 2)
    probe_table = reader.subtable("probe")
    probe = _read_probe(reader.child(probe_table, "probe")) if probe_table is not None else None
    common: dict[str, Any] = {
        "id": reader.identifier("id"),
        "category": reader.choice("category", Category),
        "why": reader.text("why"),
        "codes": codes,
        "steps": reader.text_list("steps"),
        "safe": reader.text("safe"),
        "open_url": reader.https_url("open_url"),
        "source": reader.https_url("source"),
        "severity": reader.choice("severity", Severity),
        "probe": probe,
    }
    if version < 2:
        # Format 1 had one title, written as the goal; it serves as all three names.
        title = reader.text("title")
        return CheckItem(name=title, goal=title, action=title, concerns=(), **common)
    return CheckItem(
        name=reader.text("name"),
        goal=reader.text("goal"),
        action=reader.text("action"),
        concerns=tuple(reader.choices("concerns", Concern)),
        app_steps=reader.text_list("app_steps") if "app_steps" in reader.table else (),
        evidence=reader.choice("evidence", Evidence),
        steps_source=reader.https_url("steps_source") if "steps_source" in reader.table else "",
        **common,
    )


def _codes(reader: TableReader, known: set[str] | None, *, required: bool) -> tuple[str, ...]:
    if not required and "codes" not in reader.table:
        return ()
    codes = reader.text_list("codes")
    for code in codes:
        if known is not None and code not in known:
            reader.problem(f"code '{code}' is not in resources/codes.toml", "codes")
    return codes


def _read_probe(reader: TableReader) -> Probe:
    reader.reject_unknown(_PROBE_KEYS)
    return Probe(
        url=reader.text("url"),
        locator=reader.text("locator"),
        read=reader.choice("read", ProbeRead),
        safe_when=reader.text_list("safe_when"),
    )


def shipped_audit_files(folder: Path = SHIPPED_AUDITS) -> list[Path]:
    """The shipped audit files, platforms alphabetically and the general checks last."""
    files = sorted(folder.glob("*.toml"))
    return sorted(files, key=lambda p: (p.stem == GENERAL_ID, p.stem))


def load_catalogue(paths: Iterable[Path], known_codes: set[str] | None = None) -> LoadReport:
    """Load every file that is valid; report the others without stopping."""
    platforms: list[Platform] = []
    errors: list[ChecklistError] = []
    for path in paths:
        try:
            platform = load_platform_file(path, known_codes)
        except ChecklistError as error:
            errors.append(error)
            continue
        if any(p.id == platform.id for p in platforms):
            errors.append(ChecklistError.single(path, 1, f"platform '{platform.id}' twice"))
            continue
        platforms.append(platform)
    return LoadReport(Catalogue(tuple(platforms)), tuple(errors))
