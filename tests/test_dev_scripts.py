"""`scripts/dev` and `scripts/dev.py` make a half-made `.venv` again instead of failing forever.

A `.venv` made while python3-venv (ensurepip) was missing has a python but no pip. Each test
copies the two scripts and pyproject.toml into a temporary folder with such a `.venv` (made
with `--without-pip`), runs the script there offline (PIP_NO_INDEX: the install step after
the rebuild fails quickly, which is not what is tested) and checks the sentence and that the
new `.venv` has pip. The project's own `.venv` is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from importlib.util import find_spec
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""


@pytest.fixture
def checkout_with_half_made_venv(tmp_path: Path) -> Path:
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    for name in ("scripts/dev", "scripts/dev.py", "pyproject.toml"):
        shutil.copy2(ROOT / name, checkout / name)
    venv.EnvBuilder(with_pip=False).create(checkout / ".venv")
    assert not _has_pip(checkout)
    return checkout


def _has_pip(checkout: Path) -> bool:
    python = checkout / ".venv" / BIN / f"python{EXE}"
    check = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True)
    return check.returncode == 0


def _offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_"))}
    # The scripts look for python3.11/python3 on PATH: this test's own Python comes first.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PIP_NO_INDEX"] = "1"
    return env


@pytest.mark.skipif(shutil.which("bash") is None or os.name == "nt", reason="needs bash")
def test_the_bash_script_makes_a_half_made_venv_again(checkout_with_half_made_venv) -> None:
    checkout = checkout_with_half_made_venv
    result = subprocess.run(
        ["bash", "scripts/dev", "app", "--version"],
        cwd=checkout, env=_offline_env(), capture_output=True, text=True,
    )  # fmt: skip
    assert "The .venv here is half-made" in result.stderr, result.stderr
    assert "No module named pip" not in result.stderr
    assert _has_pip(checkout)


def test_the_python_script_makes_a_half_made_venv_again(checkout_with_half_made_venv) -> None:
    checkout = checkout_with_half_made_venv
    result = subprocess.run(
        [sys.executable, "scripts/dev.py", "app", "--version"],
        cwd=checkout, env=_offline_env(), capture_output=True, text=True,
    )  # fmt: skip
    assert "The .venv here is half-made" in result.stderr, result.stderr
    assert "No module named pip" not in result.stderr
    assert _has_pip(checkout)


def _give_pip(checkout: Path) -> None:
    """Make the `.venv` whole: a copy of the pip this test runs with in its site-packages
    (ensurepip, which installs and compiles pip, costs ~5 s of CPU), or ensurepip's if
    this Python has none."""
    spec = find_spec("pip")
    if spec is None or spec.origin is None:
        shutil.rmtree(checkout / ".venv")
        venv.EnvBuilder(with_pip=True).create(checkout / ".venv")
        return
    python = checkout / ".venv" / BIN / f"python{EXE}"
    where = [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    found = subprocess.run(where, capture_output=True, text=True, check=True)
    site_packages = Path(found.stdout.strip())
    shutil.copytree(
        Path(spec.origin).parent, site_packages / "pip",
        ignore=shutil.ignore_patterns("__pycache__"),
    )  # fmt: skip


def test_a_whole_venv_is_kept(checkout_with_half_made_venv) -> None:
    checkout = checkout_with_half_made_venv
    _give_pip(checkout)
    assert _has_pip(checkout)
    marker = checkout / ".venv" / "kept"
    marker.write_text("")
    result = subprocess.run(
        [sys.executable, "scripts/dev.py", "app", "--version"],
        cwd=checkout, env=_offline_env(), capture_output=True, text=True,
    )  # fmt: skip
    assert "half-made" not in result.stderr and "Setting up" not in result.stderr
    assert marker.exists()
