"""The module graph of app/, read from the source with `ast`: which module imports which.

Used by tests/test_architecture.py; `python -m tests.architecture` prints the figures (cycles,
imports that break the layering, private names imported across modules).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

# Layers, lowest first. A module may import modules of its own group and of the groups listed
# for it; `app.ui` alone may use everything above storage, `app.cli` everything.
GROUPS: dict[str, tuple[str, ...]] = {
    "base": (
        "app",
        "app.clock",
        "app.formatting",
        "app.paths",
        "app.logs",
        "app.resources",
        "app.file_lock",
    ),  # fmt: skip
    "definitions": (
        "app.checklists",
        "app.stranger.public_profiles",
        "app.stranger.profile_addresses",
    ),
    "domain": ("app.audit", "app.stranger.evidence", "app.stranger.view"),
    "report content": ("app.report.content", "app.report.report_model", "app.report.wording"),
    "keyring": ("app.credentials",),
    "storage": ("app.storage",),
    "downloads": ("app.downloads",),
    "automation": ("app.automation", "app.stranger"),
    "desktop integration": ("app.autostart",),
    "services": ("app.services", "app.stranger.use_cases"),
    "composition root": ("app.footprint",),
    "report output": ("app.report.html", "app.report.pdf", "app.report"),
    "ui": ("app.ui",),
    "commands": ("app.commands", "app.cli", "app.__main__", "app.desktop"),
}
_LOWER = ("base",)
ALLOWED: dict[str, tuple[str, ...]] = {
    "base": (),
    "definitions": _LOWER,
    "domain": (*_LOWER, "definitions"),
    "report content": (*_LOWER, "definitions", "domain"),
    "keyring": _LOWER,
    "storage": (*_LOWER, "domain"),
    "downloads": (*_LOWER, "definitions", "domain"),
    "automation": (*_LOWER, "definitions", "domain", "keyring"),
    "desktop integration": _LOWER,
    "services": (
        *_LOWER,
        "definitions",
        "domain",
        "report content",
        "keyring",
        "storage",
        "downloads",
        "automation",
        "desktop integration",
    ),  # fmt: skip
    "composition root": (
        *_LOWER,
        "definitions",
        "domain",
        "report content",
        "keyring",
        "storage",
        "downloads",
        "automation",
        "desktop integration",
        "services",
    ),  # fmt: skip
    "report output": (*_LOWER, "definitions", "domain", "report content"),
    "ui": (
        *_LOWER,
        "definitions",
        "domain",
        "report content",
        "keyring",
        "downloads",
        "automation",
        "desktop integration",
        "services",
        "composition root",
        "report output",
    ),  # fmt: skip
    "commands": tuple(g for g in GROUPS if g != "commands"),
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # a module of app/
    name: str | None  # the name taken from it (`from m import name`), if any
    line: int


def modules(root: Path = APP) -> dict[str, Path]:
    """Every module of app/ by its dotted name."""
    found = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(known: dict[str, Path]) -> list[Import]:
    """Every import of an app/ module by an app/ module (TYPE_CHECKING ones included)."""
    found = []
    for module, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found.extend(_imports_of(module, node, known))
    return found


def _imports_of(module: str, node: ast.AST, known: dict[str, Path]) -> Iterable[Import]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in known:
                yield Import(module, alias.name, None, node.lineno)
    elif isinstance(node, ast.ImportFrom) and node.module in known and node.level == 0:
        for alias in node.names:
            submodule = f"{node.module}.{alias.name}"
            if submodule in known:
                yield Import(module, submodule, None, node.lineno)
            else:
                yield Import(module, node.module, alias.name, node.lineno)


def group_of(module: str) -> str:
    """The layer a module belongs to: the longest matching prefix wins."""
    best, length = "", -1
    for group, prefixes in GROUPS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = group, len(prefix)
    return best


def layer_breaches(found: Iterable[Import]) -> list[Import]:
    """Imports a module's layer does not allow."""
    breaches = []
    for item in found:
        source, target = group_of(item.importer), group_of(item.imported)
        if source != target and target not in ALLOWED[source]:
            breaches.append(item)
    return breaches


def private_imports(found: Iterable[Import]) -> list[Import]:
    """`from m import _name` where m is another module (a private name leaking out)."""
    return [
        item
        for item in found
        if item.name is not None
        and item.name.startswith("_")
        and not item.name.startswith("__")
        and item.imported != item.importer
    ]


def cycles(found: Iterable[Import]) -> list[list[str]]:
    """Groups of modules that import each other, directly or in a ring (Tarjan's SCCs)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for item in found:
        if item.imported != item.importer:
            graph[item.importer].add(item.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return result


if __name__ == "__main__":
    found = imports(modules())
    print(f"modules: {len(modules())}, imports: {len(found)}")
    print(f"cycles: {len(cycles(found))}", *cycles(found), sep="\n  ")
    breaches = layer_breaches(found)
    print(f"layer breaches: {len(breaches)}")
    for item in breaches:
        print(f"  {item.importer}:{item.line} -> {item.imported}")
    print(f"private names imported: {len(private_imports(found))}")
