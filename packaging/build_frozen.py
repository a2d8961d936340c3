"""Build the frozen Footprint with PyInstaller on this system, then smoke-test it.

    python packaging/build_frozen.py [--venv DIR] [--no-smoke-test]

PyInstaller and Footprint's dependencies go into a throwaway virtual environment
(build/frozen-venv by default), never into the project's .venv or test dependencies. The
spec analyses the checkout itself. The result is dist/Footprint/ (and dist/Footprint.app on
macOS); packaging/smoke_test.py then runs it from another folder. Sizes are printed at the
end. The same script runs on Windows, macOS and Linux (.github/workflows/build.yml).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYINSTALLER = "pyinstaller>=6.10,<7"
MACOS_MINIMUM = (13, 0)  # LSMinimumSystemVersion in packaging/footprint.spec; README.md


def env_python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*command: str | Path) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], cwd=ROOT, check=True)


def prepare_env(env: Path) -> Path:
    """A virtual environment with Footprint's dependencies and PyInstaller, not Footprint."""
    python = env_python(env)
    if not python.exists():
        print(f"Creating the build environment in {env}…", flush=True)
        venv.EnvBuilder(with_pip=True).create(env)
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        *project["dependencies"], PYINSTALLER)  # fmt: skip
    return python


def size_mib(path: Path) -> float:
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1_048_576


def check_macos_minimum(python: Path) -> None:
    """Fail when the installed PySide6 wheel needs a newer macOS than the app promises."""
    script = (
        "import importlib.metadata as m; d = m.distribution('PySide6-Essentials'); "
        "print('\\n'.join(l for l in d.read_text('WHEEL').splitlines() if l.startswith('Tag')))"
    )
    tags = subprocess.run([str(python), "-c", script], capture_output=True, text=True).stdout
    for major, minor in re.findall(r"macosx_(\d+)_(\d+)_", tags):
        if (int(major), int(minor)) > MACOS_MINIMUM:
            raise SystemExit(
                f"PySide6 needs macOS {major}.{minor} but the app promises "
                f"{'.'.join(map(str, MACOS_MINIMUM))}: raise LSMinimumSystemVersion and README"
            )
    print(f"PySide6 wheel: {tags.strip()} (the app promises macOS {MACOS_MINIMUM[0]})")


def strip_node(app: Path) -> None:
    """Linux: Playwright's Node ships with its symbol table (about 33 MB); it runs without."""
    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        return
    for node in app.rglob("playwright/driver/node"):
        if node.is_file():
            before = node.stat().st_size
            run("strip", "--strip-unneeded", node)
            print(f"stripped {node.name}: {before / 1_048_576:.0f} → "
                  f"{node.stat().st_size / 1_048_576:.0f} MiB")  # fmt: skip


def built_app() -> Path:
    app = ROOT / "dist" / "Footprint.app"
    return app if sys.platform == "darwin" and app.is_dir() else ROOT / "dist" / "Footprint"


def check_package_data(app: Path) -> None:
    """Every data file of the `app` package (as the wheel carries them) is in the bundle."""
    internal = app / ("Contents/Resources" if app.suffix == ".app" else "_internal")
    patterns = ("*.toml", "*.html", "*.css", "*.svg")  # footprint.spec PACKAGE_DATA
    source = ROOT / "app"
    missing = [
        path.relative_to(ROOT)
        for pattern in patterns
        for path in source.rglob(pattern)
        if "__pycache__" not in path.parts
        and not (internal / "app" / path.relative_to(source)).is_file()
    ]
    if missing:
        raise SystemExit(f"The bundle lacks package data: {', '.join(map(str, missing))}")
    print("package data: all of app/'s data files are bundled")


def report_sizes(app: Path) -> None:
    print(f"\nFrozen Footprint: {app} — {size_mib(app):.0f} MiB unpacked")
    for driver in app.rglob("playwright/driver"):
        if driver.is_dir() and not driver.is_symlink():
            print(f"  of which Playwright's driver (Node, no browser): {size_mib(driver):.0f} MiB")
            break
    for binary in sorted(app.rglob("*")):
        if binary.is_symlink() and binary.stem == "footprint-cli":
            print(f"  {binary.relative_to(app)}: a link to {binary.readlink()}")
        elif binary.stem in ("Footprint", "footprint-cli") and binary.is_file():
            print(f"  {binary.relative_to(app)}: {binary.stat().st_size / 1_000_000:.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "frozen-venv")
    parser.add_argument("--no-smoke-test", action="store_true")
    args = parser.parse_args()
    python = prepare_env(args.venv.resolve())
    if sys.platform == "darwin":
        check_macos_minimum(python)
    started = time.monotonic()
    run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", ROOT / "dist", "--workpath", ROOT / "build" / "pyinstaller",
        ROOT / "packaging" / "footprint.spec")  # fmt: skip
    print(f"PyInstaller took {time.monotonic() - started:.0f} s")
    app = built_app()
    check_package_data(app)
    strip_node(app)
    report_sizes(app)
    if not args.no_smoke_test:
        run(sys.executable, ROOT / "packaging" / "smoke_test.py", app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
