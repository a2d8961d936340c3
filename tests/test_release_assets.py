"""The release carries exactly the files the README names, and SHA256SUMS checks them."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


release_assets = _load("release_assets")
glibc_floor = _load("glibc_floor")


def test_the_readme_names_every_file_of_the_release() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in release_assets.expected_assets("<version>"):
        assert f"`{name}`" in readme, name
    assert "releases/latest" in readme and "SHA256SUMS" in readme


def test_the_wheel_name_is_the_distribution_name_of_pyproject() -> None:
    import tomllib

    name = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    wheel = next(n for n in release_assets.expected_assets("1.0") if n.endswith(".whl"))
    assert wheel.startswith(name.replace("-", "_") + "-1.0-")


def test_a_complete_folder_gets_sha256sums_that_sha256sum_accepts(tmp_path) -> None:
    for number, name in enumerate(release_assets.expected_assets("1.2.3")):
        (tmp_path / name).write_bytes(b"build %d" % number)
    assert release_assets.main([str(tmp_path), "--version", "1.2.3", "--dry-run"]) == 0
    assert not (tmp_path / "SHA256SUMS").exists()
    assert release_assets.main([str(tmp_path), "--version", "1.2.3"]) == 0
    lines = (tmp_path / "SHA256SUMS").read_text().splitlines()
    assert len(lines) == 7
    digest, name = lines[0].split("  ")
    assert digest == hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
    if shutil.which("sha256sum"):
        check = subprocess.run(["sha256sum", "--check", "SHA256SUMS"], cwd=tmp_path)
        assert check.returncode == 0


def test_a_missing_or_stray_file_stops_the_release(tmp_path, capsys) -> None:
    names = list(release_assets.expected_assets("1.2.3"))
    for name in names[1:]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "Footprint-1.2.2-windows-setup.exe").write_bytes(b"old")
    assert release_assets.main([str(tmp_path), "--version", "1.2.3"]) == 1
    said = capsys.readouterr().out
    assert f"missing: {names[0]}" in said and "not expected: Footprint-1.2.2" in said
    assert not (tmp_path / "SHA256SUMS").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux ELF files")
def test_the_glibc_floor_is_read_from_the_elf_version_needs(tmp_path, capsys) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    python = Path(sys.executable).resolve()
    shutil.copy2(python, bundle / "python")
    (bundle / "notes.txt").write_text("not ELF")
    floor, per_file = glibc_floor.bundle_floor(bundle)
    assert list(per_file) == [bundle / "python"]
    assert (2, 2, 5) <= floor < (3,)
    if shutil.which("objdump"):  # binutils, where present, reads the same section
        dump = subprocess.run(["objdump", "-p", str(python)], capture_output=True, text=True)
        versions = {
            tuple(int(p) for p in word.removeprefix("GLIBC_").split("."))
            for word in dump.stdout.split()
            if word.startswith("GLIBC_2")
        }
        assert floor == max(versions)
    assert glibc_floor.main([str(bundle), "--max", "9.0"]) == 0
    assert glibc_floor.main([str(bundle), "--max", "2.0"]) == 1
    assert "FAILED: 1 files need a glibc newer than 2.0" in capsys.readouterr().out
