"""The layering ARCHITECTURE.md describes, checked on every run (see tests/architecture.py).

The layer table is read from ARCHITECTURE.md itself. The last tests check the checker: each
rule fails on a deliberately bad import or table, so a rule that quietly stopped working
would be noticed.
"""

from __future__ import annotations

import functools

from tests.architecture import (
    LAYERS,
    MAP,
    Import,
    Layers,
    cycles,
    imports,
    layer_breaches,
    layer_table,
    modules,
    oversized,
    private_imports,
    qt_importers,
    stale_prefixes,
    ui_reaching_around,
    unknown_layers,
    unplaced,
)


@functools.cache
def found() -> tuple[Import, ...]:
    """Every import of app/, read when a test first asks, not at collection (every xdist
    worker collects every module; ~0.5 s of CPU each)."""
    return tuple(imports(modules()))


def test_no_module_of_app_imports_itself_back_through_others() -> None:
    assert cycles(found()) == []


def test_every_import_goes_down_the_layers_of_the_map() -> None:
    breaches = [f"{i.importer}:{i.line} -> {i.imported}" for i in layer_breaches(found())]
    assert breaches == []


def test_no_private_name_is_imported_from_another_module() -> None:
    leaks = [f"{i.importer}:{i.line} -> {i.imported}.{i.name}" for i in private_imports(found())]
    assert leaks == []


def test_the_ui_talks_to_the_facade_only() -> None:
    around = [f"{i.importer}:{i.line} -> {i.imported}" for i in ui_reaching_around(found())]
    assert around == []


def test_the_report_never_touches_storage() -> None:
    touching = [
        f"{i.importer} -> {i.imported}"
        for i in found()
        if i.importer.startswith("app.report") and i.imported.startswith("app.storage")
    ]
    assert touching == []


def test_the_map_and_the_code_name_the_same_modules() -> None:
    assert unplaced(modules()) == []  # a package the map does not place
    assert stale_prefixes(modules()) == []  # a package the map names that is gone
    assert unknown_layers() == []


def test_the_map_s_ui_row_allows_nothing_the_ui_must_not_import() -> None:
    reachable = {p for layer in LAYERS.allowed["ui"] for p in LAYERS.groups[layer]}
    forbidden = {"app.automation", "app.storage", "app.services", "app.downloads"}
    assert not reachable & (forbidden | {"app.stranger", "app.stranger.use_cases"})


def test_no_module_is_over_400_lines_and_no_class_over_300() -> None:
    assert oversized() == []


# -- the checker can fail --------------------------------------------------------------------
def test_a_ui_import_of_automation_storage_services_or_downloads_is_caught() -> None:
    bad = [
        Import("app.ui.some_dialog", target, None, 1)
        for target in (
            "app.automation.reading",
            "app.storage.store",
            "app.services.downloads",
            "app.downloads.findings",
            "app.exports.findings",
            "app.stranger.look",
        )
    ]
    assert ui_reaching_around(bad) == bad
    known = [item for item in bad if not item.imported.startswith("app.exports")]
    assert layer_breaches(known) == known  # the table forbids them too


def test_a_table_that_differs_from_the_code_is_caught() -> None:
    text = MAP.read_text(encoding="utf-8")
    without_storage = "\n".join(line for line in text.splitlines() if "| `app.storage`" not in line)
    assert "app.storage" in unplaced(modules(), layer_table(without_storage))
    renamed = text.replace("| `app.downloads` |", "| `app.gone` |")
    assert stale_prefixes(modules(), layer_table(renamed)) == ["app.gone"]
    loosened = Layers({**LAYERS.groups}, {**LAYERS.allowed, "ui": ("storage", "nowhere")})
    assert unknown_layers(loosened) == ["nowhere"]
    storage_import = [Import("app.ui.x", "app.storage.store", None, 1)]
    assert layer_breaches(storage_import) and not layer_breaches(storage_import, loosened)
    assert ui_reaching_around(storage_import)  # the by-name rule still holds


def test_the_table_is_read_from_the_map() -> None:
    assert LAYERS.groups["facade"] == ("app.footprint",)
    assert "facade" in LAYERS.allowed["ui"]
    assert set(LAYERS.allowed["commands"]) == set(LAYERS.groups) - {"commands"}


def test_only_the_ui_and_the_pdf_import_qt() -> None:
    # The PDF's pagination and tag tree read the QTextDocument that pdf.py lays out.
    pdf = ("app.report.pdf", "app.report.pagination", "app.report.structure")
    allowed = ("app.ui", *pdf, "app.commands", "app.desktop")
    assert [name for name in qt_importers() if not name.startswith(allowed)] == []
