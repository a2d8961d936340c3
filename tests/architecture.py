"""The module graph of app/, read from the source with `ast`, and the map it must follow.

The layers are not written here: they are read from the table in ARCHITECTURE.md, so the map
and the check cannot drift apart. Used by tests/test_architecture.py; `python -m
tests.architecture` prints the figures (cycles, imports that break the layering, the UI
reaching around the facade, private names imported across modules, oversized code).
"""

from __future__ import annotations

import ast
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
MAP = APP.parent / "ARCHITECTURE.md"
LAYERS_HEADING = "## Layers: who may import whom"
EVERY_OTHER = "every other layer"
# What the UI never imports, whatever the table says: it talks to the facade only. Both names
# of the data downloads' readers are here (`app.downloads`, called `app.exports` before issue
# 25), and the stranger's browser and use cases (its values, evidence and view, are domain).
UI_FORBIDDEN = (
    "app.automation",
    "app.storage",
    "app.services",
    "app.credentials",
    "app.downloads",
    "app.exports",
    "app.stranger.look",
    "app.stranger.browser",
    "app.stranger.use_cases",
)
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 300


@dataclass(frozen=True)
class Layers:
    """The layer table: each layer's module prefixes and the layers it may import."""

    groups: dict[str, tuple[str, ...]]
    allowed: dict[str, tuple[str, ...]]


def layer_table(text: str) -> Layers:
    """The table under ARCHITECTURE.md's layers heading: `| layer | modules | may import |`,
    module prefixes in backticks, allowed layers by name ("—" for none)."""
    rows = _table_rows(text.split(LAYERS_HEADING, 1)[1] if LAYERS_HEADING in text else "")
    groups = {name: tuple(re.findall(r"`([^`]+)`", modules)) for name, modules, _ in rows}
    allowed: dict[str, tuple[str, ...]] = {}
    for name, _, may in rows:
        if may.strip() == EVERY_OTHER:
            allowed[name] = tuple(g for g in groups if g != name)
        else:
            allowed[name] = tuple(p.strip() for p in may.split(",") if p.strip() not in {"", "—"})
    return Layers(groups, allowed)


def _table_rows(section: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in section.splitlines():
        if not line.startswith("|"):
            if rows:
                break  # the first table under the heading ends here
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] != "layer" and not set(cells[0]) <= {"-", " "}:
            rows.append((cells[0], cells[1], cells[2]))
    return rows


LAYERS = layer_table(MAP.read_text(encoding="utf-8"))


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


@functools.cache
def _nodes(source: str) -> tuple[ast.AST, ...]:
    """Every node of a module's source, parsed once for the three checks that walk it
    (keyed by the text, so a file written again is parsed again)."""
    return tuple(ast.walk(ast.parse(source)))


def imports(known: dict[str, Path]) -> list[Import]:
    """Every import of an app/ module by an app/ module (TYPE_CHECKING ones included)."""
    found = []
    for module, path in known.items():
        for node in _nodes(path.read_text(encoding="utf-8")):
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


def group_of(module: str, layers: Layers = LAYERS) -> str:
    """The layer a module belongs to: the longest matching prefix wins ("" for none)."""
    best, length = "", -1
    for group, prefixes in layers.groups.items():
        for prefix in prefixes:
            inside = module.startswith(prefix + ".") and prefix != "app"  # `app`: only itself
            if (module == prefix or inside) and len(prefix) > length:
                best, length = group, len(prefix)
    return best


def layer_breaches(found: Iterable[Import], layers: Layers = LAYERS) -> list[Import]:
    """Imports a module's layer does not allow (a module in no layer allows nothing)."""
    breaches = []
    for item in found:
        source, target = group_of(item.importer, layers), group_of(item.imported, layers)
        if source != target and target not in layers.allowed.get(source, ()):
            breaches.append(item)
    return breaches


def unplaced(known: Iterable[str], layers: Layers = LAYERS) -> list[str]:
    """Modules of app/ that fall in no layer of the table."""
    return sorted(module for module in known if not group_of(module, layers))


def stale_prefixes(known: Iterable[str], layers: Layers = LAYERS) -> list[str]:
    """Prefixes in the table that name no module of app/ (a renamed or deleted package)."""
    names = set(known)
    return sorted(
        prefix
        for prefixes in layers.groups.values()
        for prefix in prefixes
        if not any(m == prefix or m.startswith(prefix + ".") for m in names)
    )


def unknown_layers(layers: Layers = LAYERS) -> list[str]:
    """Layer names in the "may import" column that are not rows of the table."""
    return sorted({a for allowed in layers.allowed.values() for a in allowed} - set(layers.groups))


def ui_reaching_around(found: Iterable[Import]) -> list[Import]:
    """Imports by `app.ui` of what only the facade may use."""
    return [
        item
        for item in found
        if item.importer.startswith("app.ui")
        and any(item.imported == p or item.imported.startswith(p + ".") for p in UI_FORBIDDEN)
    ]


def qt_importers(known: dict[str, Path] | None = None) -> list[str]:
    """Modules of app/ that import PySide6 (at any depth of the module)."""
    found = []
    for name, path in (known or modules()).items():
        for node in _nodes(path.read_text(encoding="utf-8")):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            if any(n == "PySide6" or n.startswith("PySide6.") for n in names):
                found.append(name)
                break
    return sorted(found)


def oversized(root: Path = APP) -> list[str]:
    """Modules over MAX_MODULE_LINES lines and classes over MAX_CLASS_LINES, as
    "app/x.py: 412 lines" / "app/x.py: Class 320 lines"."""
    found = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(root.parent).as_posix()
        if (lines := len(text.splitlines())) > MAX_MODULE_LINES:
            found.append(f"{name}: {lines} lines")
        for node in _nodes(text):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                if (length := node.end_lineno - node.lineno + 1) > MAX_CLASS_LINES:
                    found.append(f"{name}: {node.name} {length} lines")
    return found


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
    print(f"ui imports around the facade: {len(ui_reaching_around(found))}")
    for item in ui_reaching_around(found):
        print(f"  {item.importer}:{item.line} -> {item.imported}")
    print(
        f"modules in no layer: {unplaced(modules())}; stale prefixes: {stale_prefixes(modules())}"
    )
    print("over the size limits:", *oversized(), sep="\n  ")
