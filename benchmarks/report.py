"""Supervision report: time to write the PDF of a nine-platform audit (demo data, offscreen).

Two numbers, each the median of several runs:
  in-process   what the Save as PDF button waits for: stored audits → report → HTML → PDF file
  command      `python main.py report --out FILE.pdf` from process start to exit
Target: in-process median ≤ 1 s.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 1.0


def write_demo(home: Path) -> None:
    env = {**os.environ, "FOOTPRINT_HOME": str(home)}
    subprocess.run(
        [sys.executable, "main.py", "demo", "--no-gui"], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip


def time_in_process(home: Path, out: Path, runs: int) -> tuple[list[float], int]:
    from PySide6.QtGui import QGuiApplication

    from app.clock import SystemClock
    from app.footprint import open_footprint
    from app.paths import DataHome
    from app.report.html import render_report
    from app.report.pdf import write_pdf

    application = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    footprint = open_footprint(DataHome(home), SystemClock())
    run_id = nine_platform_run(footprint)
    times = []
    try:
        for _ in range(runs + 1):  # the first run warms fonts and caches; not counted
            start = time.perf_counter()
            report = footprint.report(run_id=run_id, include_notes=True)
            pages = write_pdf(render_report(report), out)
            times.append(time.perf_counter() - start)
    finally:
        footprint.close()
    print(f"audit {run_id}: {len(report.platforms)} platforms, {pages} pages")
    return times[1:], run_id


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="footprint-bench-"))
    out = home / "report.pdf"
    write_demo(home)
    in_process, run_id = time_in_process(home, out, runs)
    command = time_command(home, out, run_id, runs)
    median = statistics.median(in_process)
    print(f"in-process: median {median:.3f} s over {runs} runs (min {min(in_process):.3f} s)")
    print(f"command:    median {statistics.median(command):.3f} s over {runs} runs")
    verdict = "within" if median <= TARGET_SECONDS else "OVER"
    print(f"{verdict} the {TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    main()
