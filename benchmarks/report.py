"""Supervision report: time to write the PDF on the demo year (nine platforms, offscreen).

Three numbers, each the median of several runs (the in-process ones also in CPU seconds, which
a machine busy with other work inflates less than wall time):
  current state  what the Save as PDF button waits for on the report the worker makes most:
                 stored audits → report of every platform's current state → HTML → PDF file
  one audit      the same for a report of the latest nine-platform audit (--run ID)
  command        `python main.py report --out FILE.pdf` from process start to exit
Targets: current state median ≤ 0.1 s (issue 24); one audit median ≤ 1 s.
Usage: .venv/bin/python benchmarks/report.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.footprint import Footprint
    from app.report.content import ReportScope

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CURRENT_STATE_TARGET_S = 0.1
ONE_AUDIT_TARGET_S = 1.0


def write_demo(home: Path) -> None:
    env = {**os.environ, "FOOTPRINT_HOME": str(home)}
    subprocess.run(
        [sys.executable, "main.py", "demo", "--no-gui"], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip


Times = tuple[list[float], list[float]]  # wall seconds, CPU seconds: one of each per run


def time_in_process(home: Path, out: Path, runs: int) -> tuple[Times, Times, int]:
    """Median-ready times of the current-state report and of one audit's report."""
    from PySide6.QtGui import QGuiApplication

    from app.clock import SystemClock
    from app.footprint import open_footprint
    from app.paths import DataHome
    from app.report.content import ReportScope

    application = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    footprint = open_footprint(DataHome(home), SystemClock())
    run_id = nine_platform_run(footprint)
    try:
        current = time_report(footprint, ReportScope(include_notes=True), out, runs)
        one_audit = time_report(
            footprint, ReportScope(run_id=run_id, include_notes=True), out, runs
        )
    finally:
        footprint.close()
    return current, one_audit, run_id


def time_report(footprint: Footprint, scope: ReportScope, out: Path, runs: int) -> Times:
    from app.report.html import render_report
    from app.report.pdf import write_pdf

    walls, cpus = [], []
    for _ in range(runs + 1):  # the first run warms fonts and caches; not counted
        start, cpu_start = time.perf_counter(), time.process_time()
        report = footprint.report(scope)
        pages = write_pdf(render_report(report), out)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu_start)
    what = f"audit {scope.run_id}" if scope.run_id else "current state"
    print(f"{what}: {len(report.platforms)} platforms, {pages} pages")
    return walls[1:], cpus[1:]


def nine_platform_run(footprint: Footprint) -> int:
    """The latest demo audit covering every platform (the last one leaves one out)."""
    finished = [run for run in footprint.history() if run.completed_at]
    return max(finished, key=lambda run: (len(run.platform_ids), run.completed_at)).id


def time_command(home: Path, out: Path, run_id: int, runs: int) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FOOTPRINT_HOME": str(home)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        command = [sys.executable, "main.py", "report", "--out", str(out), "--run", str(run_id)]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def verdict(what: str, seconds: float, target: float) -> str:
    met = "met" if seconds <= target else "NOT met"
    return f"target: {what} median <= {target:g} s: {met} ({seconds:.3f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="footprint-bench-"))
    out = home / "report.pdf"
    write_demo(home)
    current, one_audit, run_id = time_in_process(home, out, runs)
    command = time_command(home, out, run_id, runs)
    for what, (walls, cpus) in (("current state", current), ("one audit", one_audit)):
        print(f"{what + ':':14} median {statistics.median(walls):.3f} s over {runs} runs "
              f"(min {min(walls):.3f} s); CPU median {statistics.median(cpus):.3f} s")  # fmt: skip
    print(f"{'command:':14} median {statistics.median(command):.3f} s over {runs} runs")
    print(verdict("current-state PDF", statistics.median(current[0]), CURRENT_STATE_TARGET_S))
    print(verdict("one-audit PDF", statistics.median(one_audit[0]), ONE_AUDIT_TARGET_S))


if __name__ == "__main__":
    main()
