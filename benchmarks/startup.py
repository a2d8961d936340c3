"""Start-up time: process start until the dashboard shows the demo data (offscreen).

Compared with a bare PySide6 QMainWindow started the same way, which is the floor.
Usage: .venv/bin/python benchmarks/startup.py [--runs N]
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

ROOT = Path(__file__).resolve().parents[1]

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

# The same path as `footprint gui`: open the data home, build the window, show it.
FOOTPRINT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.commands.common import open_app
from app.paths import data_home
footprint = open_app(data_home())
from app.ui.application import configure_qt_settings
from app.ui.main_window import MainWindow
app = QApplication([])
configure_qt_settings(footprint)
window = MainWindow(footprint=footprint)
window.show()
rows = window.dashboard.model.rowCount()
assert rows >= 5, rows
QTimer.singleShot(0, lambda: (print("shown", rows, flush=True), app.quit()))
app.exec()
"""


def time_once(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # Qt's offscreen plugin chatters on stderr
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait()
    if not line.startswith("shown"):
        raise SystemExit(f"the child did not show its window (exit {process.returncode})")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    home = tempfile.mkdtemp(prefix="footprint-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FOOTPRINT_HOME": home}
    subprocess.run(
        [sys.executable, "main.py", "demo", "--no-gui"], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip
    for code in (BARE, FOOTPRINT):  # warm the file cache once
        time_once(code, env)
    bare = statistics.median(time_once(BARE, env) for _ in range(runs))
    footprint = statistics.median(time_once(FOOTPRINT, env) for _ in range(runs))
    print(f"bare QMainWindow:          median {bare:.3f} s over {runs} runs")
    print(f"Footprint dashboard (demo): median {footprint:.3f} s over {runs} runs")
    print(f"ratio: {footprint / bare:.2f} (target <= 3)")


if __name__ == "__main__":
    main()
