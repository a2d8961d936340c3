"""Every benchmark runs once, at its smallest size, so an API change breaks a test instead of
a number nobody reads (issue 24). Nothing here judges a time: the figures and whether they met
their targets are only printed; a loaded machine may miss a target and still pass."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py"))
# Each benchmark's smallest size. A new benchmark needs its line here, or the test below fails.
SMALLEST = {
    "automation": ("--runs", "1", "--platforms", "1"),
    "exports": ("--runs", "1", "--followers", "50", "--large-mb", "0.25",
                "--case", "instagram-50k", "--case", "unique-4x63"),
    "history": ("--runs", "1", "--months", "2"),
    "outside": ("--runs", "1", "--platforms", "1"),
    # A frozen page spins a core for the whole look, so the look is short; Stop is pressed
    # 0.4 s in, before the look's limit less Stop's 2 s; two blocks still pass MAX_BLOCK.
    "outside_hostile": ("--blocks", "2", "--look", "2.5", "--stop-after", "0.4",
                        "--give-up", "60"),
    "report": ("--runs", "1"),
    "startup": ("--runs", "1"),
    "watch": ("--days", "1"),
}  # fmt: skip
NEEDS_A_BROWSER = {"automation", "outside", "outside_hostile", "watch"}
CHROMIUM = Path("/usr/bin/chromium")


def test_every_benchmark_has_its_smallest_size_here() -> None:
    assert sorted(SMALLEST) == BENCHMARKS


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.browser) if name in NEEDS_A_BROWSER else name
        for name in BENCHMARKS
    ],
)
def test_the_benchmark_runs_and_says_its_targets(name: str) -> None:
    if name in NEEDS_A_BROWSER:
        assert CHROMIUM.exists(), "the browser benchmarks need /usr/bin/chromium"
    # The benchmarks' own temporary folders go in one that is removed afterwards. A short
    # path, not tmp_path: Chromium's singleton socket in it must fit a Unix socket's name.
    with tempfile.TemporaryDirectory(prefix="fp-bench-") as temporary:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
               "TMPDIR": temporary}  # fmt: skip
        env.pop("FOOTPRINT_HOME", None)  # the benchmarks make their own data homes
        command = [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), *SMALLEST[name]]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
    targets = [line for line in result.stdout.splitlines() if line.startswith("target: ")]
    assert targets, f"{name} printed no target:\n{result.stdout}"
    said = (": met", ": NOT met", ": not measured here")
    assert all(any(verdict in line for verdict in said) for line in targets), targets
