"""The layering ARCHITECTURE.md describes, checked on every run (see tests/architecture.py)."""

from __future__ import annotations

from tests.architecture import cycles, imports, layer_breaches, modules, private_imports

FOUND = imports(modules())


def test_no_module_of_app_imports_itself_back_through_others() -> None:
    assert cycles(FOUND) == []


def test_every_import_goes_down_the_layers() -> None:
    breaches = [f"{i.importer}:{i.line} -> {i.imported}" for i in layer_breaches(FOUND)]
    assert breaches == []


def test_no_private_name_is_imported_from_another_module() -> None:
    leaks = [f"{i.importer}:{i.line} -> {i.imported}.{i.name}" for i in private_imports(FOUND)]
    assert leaks == []


def test_the_ui_and_the_report_never_touch_storage() -> None:
    touching = [
        f"{i.importer} -> {i.imported}"
        for i in FOUND
        if i.importer.startswith(("app.ui", "app.report")) and i.imported.startswith("app.storage")
    ]
    assert touching == []
