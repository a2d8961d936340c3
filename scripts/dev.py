"""Set up (once) and run Footprint or its tests, on Windows, macOS or Linux.

    py scripts/dev.py app  [footprint arguments]     (Windows; python3 elsewhere)
    py scripts/dev.py test [pytest arguments]

The same steps as `bash scripts/dev`: a `.venv` beside this checkout, Footprint installed in
it in editable mode (with the test tools for `test`), reinstalled only when pyproject.toml
changes; then the app, or ruff, ruff format --check, mypy and pytest with Qt offscreen.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
USAGE = "usage: dev.py app [footprint arguments] | dev.py test [pytest arguments]"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(result.returncode)


HALF_MADE = (
    "The .venv here is half-made (it has no pip, probably because python3-venv was missing "
    "when it was made); making it again…"
)
NO_VENV_MODULE = (
    "Could not make .venv: this Python has no venv module with pip. On Debian or Ubuntu "
    "install it with: sudo apt-get install python3-venv (or python3.11-venv), then run this "
    "again."
)


def venv_is_whole() -> bool:
    """A venv made while ensurepip was missing has a python but no pip: not whole."""
    python = venv_python()
    if not python.exists():
        return False
    check = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True)
    return check.returncode == 0


def make_venv() -> None:
    made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], cwd=ROOT)
    if made.returncode != 0:
        shutil.rmtree(VENV, ignore_errors=True)  # the next run must not trust a half-made one
        print(NO_VENV_MODULE, file=sys.stderr)
        raise SystemExit(1)
    run(venv_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip")


def ensure_venv(extras: str) -> Path:
    python = venv_python()
    if VENV.exists() and not venv_is_whole():
        print(HALF_MADE, file=sys.stderr)
        shutil.rmtree(VENV)
    if not VENV.exists():
        print("Setting up Footprint's environment (first run, about a minute)…", file=sys.stderr)
        make_venv()
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:12]
    stamp = VENV / f".installed-py{extras or '[app]'}-{digest}"
    if not stamp.exists():
        print("Installing Footprint and its dependencies into .venv…", file=sys.stderr)
        run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "-e", f".{extras}")  # fmt: skip
        stamp.touch()
    return python


def warn_about_test_tools() -> None:
    """The browser and PDF-text tests use Debian's chromium and poppler (CI has both)."""
    missing = []
    if not Path("/usr/bin/chromium").exists():
        missing.append("Chromium at /usr/bin/chromium (browser tests)")
    if shutil.which("pdftotext") is None:
        missing.append("pdftotext from poppler (report tests)")
    if missing:
        print("Not found: " + "; ".join(missing) + ". Those tests will fail here; on Debian "
              "or Ubuntu `bash scripts/dev test` installs them.", file=sys.stderr)  # fmt: skip


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (said to whoever runs an older Python)
        print("Footprint needs Python 3.11 or newer; run this with it.", file=sys.stderr)
        return 1
    command, arguments = (argv[0], argv[1:]) if argv else ("", [])
    if command == "app":
        python = ensure_venv("")
        return subprocess.run([str(python), "main.py", *arguments], cwd=ROOT).returncode
    if command == "test":
        python = ensure_venv("[test]")
        warn_about_test_tools()
        for tool in (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]):
            run(python, "-m", *tool)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        # Every test, on every core (pytest-xdist); `-n 0` runs them in this one process.
        return subprocess.run(
            [str(python), "-m", "pytest", "-n", "auto", *arguments], cwd=ROOT, env=env
        ).returncode
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
