"""No two modules of app/ share a file name, so a name alone says which module is meant."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def same_named(root: Path) -> dict[str, list[str]]:
    """File names used by more than one module under `root` (`__init__.py` aside)."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in root.rglob("*.py"):
        if path.name != "__init__.py":
            found[path.name].append(path.relative_to(root.parent).as_posix())
    return {name: sorted(paths) for name, paths in found.items() if len(paths) > 1}


def test_no_two_modules_of_app_share_a_file_name() -> None:
    assert same_named(APP) == {}


def test_the_check_finds_a_shared_file_name(tmp_path: Path) -> None:
    for folder in ("app/one", "app/two"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "__init__.py").touch()
        (tmp_path / folder / "errors.py").touch()
    assert same_named(tmp_path / "app") == {"errors.py": ["app/one/errors.py", "app/two/errors.py"]}
