"""Footprint as a user installs it: build the sdist and wheel, install, run from elsewhere.

The wheel is built from the sdist (as `python -m build` does), without build isolation so
nothing is downloaded, from a copy of the checkout so the checkout is left as it was. It is
installed with `--no-deps` into a fresh virtual environment that sees the test environment's
packages (PySide6, SQLAlchemy…) through a .pth line, which a `--system-site-packages` venv
would not: the test environment is itself a venv. Everything then runs from a folder that is
not the checkout, so only the installed copy and its shipped data can be found.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import __version__

pytestmark = pytest.mark.install
# The distribution name on PyPI (pyproject.toml), normalised as wheels spell it.
DIST_INFO = f"footprint_care_audit-{__version__}.dist-info"
ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*_cache", ".hypothesis", "build", "dist", "*.egg-info",
    "tests", "benchmarks", "out",
)  # fmt: skip


@dataclass(frozen=True)
class Installed:
    wheel: Path
    sdist: Path
    python: Path
    scripts: Path
    site_packages: Path
    elsewhere: Path  # a working folder that is not the checkout

    def run(self, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
        env = _without_python_variables()
        env.update(FOOTPRINT_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        command = [str(self.scripts / f"footprint{EXE}"), *args]
        return subprocess.run(command, cwd=self.elsewhere, env=env, capture_output=True, text=True)


def _without_python_variables() -> dict[str, str]:
    # A developer's PYTHONPATH would put the checkout ahead of the installed copy.
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}


def _check(command: list[str | Path], cwd: Path | None = None) -> str:
    env = _without_python_variables()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("install")
    source, dist, env = base / "source", base / "dist", base / "venv"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    _check([sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, source])
    wheel, sdist = next(dist.glob("*.whl")), next(dist.glob("*.tar.gz"))
    assert wheel.name == f"footprint_care_audit-{__version__}-py3-none-any.whl"
    assert sdist.name == f"footprint_care_audit-{__version__}.tar.gz"  # packaging/release_assets.py
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / SCRIPTS / f"python{EXE}"
    site = Path(
        _check([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).strip()
    )
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "footprint-test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
    _check([*pip, "--no-deps", "--no-index", wheel])
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return Installed(wheel, sdist, python, env / SCRIPTS, site, elsewhere)


def test_the_wheel_carries_the_data_the_migrations_and_the_icon(installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    audits = {f"app/_shipped/audits/{p.name}" for p in (ROOT / "audits").glob("*.toml")}
    migrations = {
        f"app/storage/migrations/{p.relative_to(ROOT / 'app/storage/migrations').as_posix()}"
        for p in (ROOT / "app/storage/migrations").rglob("*")
        if p.is_file() and p.suffix in (".py", ".mako")
    }
    assert len(audits) >= 9 and audits <= names
    assert {"app/storage/migrations/env.py", "app/storage/migrations/script.py.mako"} <= names
    assert migrations <= names
    assert {
        "app/_shipped/resources/codes.toml",
        "app/_shipped/resources/report/report.css",
        "app/_shipped/resources/examples/riverside-care-policy.toml",
        "app/_shipped/resources/icons/footprint.svg",
        "app/_shipped/resources/icons/footprint.ico",
        "app/_shipped/resources/icons/footprint.icns",
        f"{DIST_INFO}/licenses/LICENSE",
    } <= names
    entry_points = zipfile.ZipFile(installed.wheel).read(f"{DIST_INFO}/entry_points.txt")
    assert b"[gui_scripts]\nfootprint-gui = app.desktop:main" in entry_points


def test_the_sdist_carries_the_top_level_folders(installed) -> None:
    names = {n.split("/", 1)[1] for n in tarfile.open(installed.sdist).getnames() if "/" in n}
    assert {"audits/facebook.toml", "resources/codes.toml", "resources/report/report.css"} <= names
    assert {"setup.py", "MANIFEST.in", "LICENSE", "CHANGELOG.md"} <= names


def test_the_installed_copy_is_the_one_that_runs(installed) -> None:
    where = _check([installed.python, "-c", "import app; print(app.__file__)"], installed.elsewhere)
    assert Path(where.strip()).is_relative_to(installed.site_packages)
    assert (installed.scripts / f"footprint-gui{EXE}").is_file()


def test_version_validate_demo_and_report_from_another_folder(installed, tmp_path) -> None:
    home = tmp_path / "home"
    version = installed.run("--version", home=home)
    assert (version.returncode, version.stdout.strip()) == (0, f"Footprint {__version__}")

    validate = installed.run("validate", home=home)
    assert validate.returncode == 0, validate.stderr
    checked = validate.stdout.splitlines()
    assert len(checked) >= 9 and all(": ok (" in line for line in checked)
    assert all(line.startswith(str(installed.site_packages)) for line in checked)

    demo = installed.run("demo", "--no-gui", home=home)
    assert demo.returncode == 0, demo.stderr
    assert f"Demo data written to {home}" in demo.stdout

    report = installed.run("report", "--out", "x.pdf", home=home)
    assert report.returncode == 0, report.stderr
    assert (installed.elsewhere / "x.pdf").read_bytes().startswith(b"%PDF")


def test_an_installation_missing_its_data_says_so_and_writes_nothing(installed, tmp_path) -> None:
    bundled = installed.site_packages / "app" / "_shipped"
    aside = bundled.with_name("_shipped-aside")
    bundled.rename(aside)
    try:
        demo = installed.run("demo", "--no-gui", home=tmp_path / "home")
    finally:
        aside.rename(bundled)
    assert demo.returncode == 2
    assert "Footprint's installation is incomplete" in demo.stderr
    assert "Traceback" not in demo.stderr
    assert not (tmp_path / "home").exists()
