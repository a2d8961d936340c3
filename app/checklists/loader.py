"""Turns audits/*.toml into Platform values, or says exactly what is wrong with a file.

A file is read (size-capped), parsed and checked here; its tables are read by `audit_tables.py`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# tomli, the package tomllib was taken from, compiled (mypyc wheels for Windows, macOS and
# Linux): the shipped audits parse in a third of the time at every start (issue 24).
import tomli

from app.checklists.audit_tables import file_format, read_item, read_platform_fields
from app.checklists.fields import TableReader
from app.checklists.file_errors import ChecklistError, Problem
from app.checklists.file_reading import check_nesting, read_checked_text
from app.checklists.model import Catalogue, CheckItem, Platform
from app.checklists.source_lines import SourceLines
from app.resources import shipped

SHIPPED_AUDITS = shipped().audits
GENERAL_ID = "general"
# The phone itself (issue 29): listed after the social platforms, so the onboarding picker
# reads "the platforms I use", then "the phone I use", then the general checks.
PHONE_IDS = frozenset({"iphone", "android"})

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class LoadReport:
    """What loading a set of files gave: the usable platforms and the files that were not."""

    catalogue: Catalogue
    errors: tuple[ChecklistError, ...]


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML, turning a syntax error into a ChecklistError with its line."""
    check_nesting(text, path)  # before tomli, whose parser recurses once per level
    try:
        return tomli.loads(text)
    except RecursionError:
        raise ChecklistError.single(path, 1, "values are nested too deeply") from None
    except tomli.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else 1
        reason = _TOML_POSITION.sub("", message).strip()
        raise ChecklistError.single(path, line, f"not valid TOML: {reason}") from None


def read_text(path: Path) -> str:
    """A regular file's UTF-8 text, size-capped (see `reading.py`); ChecklistError if not."""
    return read_checked_text(path)


def load_platform_file(
    path: Path, known_codes: set[str] | None = None, *, origin: str = "shipped"
) -> Platform:
    """Load one platform file; the platform id must match the file name."""
    text = read_text(path)  # once: what is checked is what was read
    known = None if known_codes is None else frozenset(known_codes)
    platform = _checked_platform(text, path, known, origin)
    if platform.id != path.stem:
        line = SourceLines(text).line("platform", "id")
        raise ChecklistError.single(
            path, line, f"platform id '{platform.id}' must match the file name '{path.stem}'"
        )
    return platform


# Parsing and checking a file is the slow part of opening Footprint (~10 ms a file). The result
# depends only on the text read, the path, the known codes and the origin, and a Platform is
# frozen, so an unchanged file read again (a reload after a pack is added, all data deleted, a
# second Footprint in one process) is not parsed again. Files that fail are never cached. The
# text is keyed by its SHA-256, not kept: the shipped texts alone are ~340 KB held for nothing.
_CACHE_SIZE = 256
_checked: dict[tuple[bytes, Path, frozenset[str] | None, str], Platform] = {}
_known_sets: dict[frozenset[str], frozenset[str]] = {}


def _checked_platform(
    text: str, path: Path, known_codes: frozenset[str] | None, origin: str
) -> Platform:
    if known_codes is not None:  # one copy kept, not one per file (each call makes its own)
        if len(_known_sets) >= _CACHE_SIZE:
            _known_sets.clear()
        known_codes = _known_sets.setdefault(known_codes, known_codes)
    key = (hashlib.sha256(text.encode()).digest(), path, known_codes, origin)
    platform = _checked.get(key)
    if platform is None:
        known = None if known_codes is None else set(known_codes)
        platform = load_platform_text(text, path, known, origin=origin)
        if len(_checked) >= _CACHE_SIZE:
            _checked.pop(next(iter(_checked)), None)  # the oldest
        _checked[key] = platform
    return platform


def load_platform_text(
    text: str, path: Path, known_codes: set[str] | None = None, *, origin: str = "shipped"
) -> Platform:
    """Check and load a platform's audit file from its text; ChecklistError lists every problem."""
    data = parse_toml(text, path)
    lines = SourceLines(text)
    problems: list[Problem] = []
    top = TableReader(data, "", lines, problems)
    top.reject_unknown({"format", "platform", "item"})
    version = file_format(top)
    platform_table = top.subtable("platform")
    if platform_table is None:
        raise ChecklistError.single(path, 1, "the file has no [platform] table")
    platform_reader = TableReader(platform_table, "platform", lines, problems)
    platform = read_platform_fields(platform_reader, from_pack=False)
    items = _read_items(data.get("item"), lines, problems, known_codes, version, platform["id"])
    if problems:
        raise ChecklistError(path, sorted(problems, key=lambda p: p.line))
    return Platform(items=items, origin=origin, source_file=path, **platform)


def _read_items(
    raw: object,
    lines: SourceLines,
    problems: list[Problem],
    known_codes: set[str] | None,
    version: int,
    platform_id: str,
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
        item = read_item(reader, known_codes, version, platform_id=platform_id)
        if item.id in seen:
            reader.problem(f"item id '{item.id}' is used twice", "id")
        seen.add(item.id)
        items.append(item)
    return tuple(items)


def shipped_audit_files(folder: Path = SHIPPED_AUDITS) -> list[Path]:
    """The shipped audit files: platforms alphabetically, then the phones, then general."""
    files = sorted(folder.glob("*.toml"))
    return sorted(files, key=lambda p: (p.stem == GENERAL_ID, p.stem in PHONE_IDS, p.stem))


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
