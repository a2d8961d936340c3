"""Start-up time: process start until the dashboard shows the demo data (offscreen).

Compared with a bare PySide6 QMainWindow started the same way, which is the floor: wall time
and processor time until the main window has been painted once (medians of --runs alternated
pairs), and the peak memory until then (not on Windows). Both are the child's own, read when
its window is painted: what runs after that (the work first_paint defers, the exit) is not
start-up. The whole run's figures are printed beside them. Footprint runs as `footprint gui`
does, on the demo data.
Targets (issue 24): wall and CPU at most 2x the bare window; peak memory at most +30 MiB.
Usage: .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATIO_TARGET = 2.0
MEMORY_TARGET_MIB = 30.0
GIVE_UP_S = 120.0

# "Shown" is when the main window has been painted once: a timer set when its first paint
# begins fires once that paint (children included) is done. The same for both windows.
WHEN_PAINTED = """
import sys, time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def __init__(self, window, then):
        super().__init__()
        self.window, self.then = window, then
        window.installEventFilter(self)  # the window's own events only: cheap to watch

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self):
        cpu = time.process_time()  # before `then` (the check below), as the bare window does
        self.then(self.window, f"{cpu} {peak_mib()}")
        QApplication.quit()

def peak_mib():
    try:
        import resource
    except ImportError:  # Windows
        return "n/a"
    per_mib = 2**20 if sys.platform == "darwin" else 2**10  # bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / per_mib
"""

BARE = (
    WHEN_PAINTED
    + """
app = QApplication([])
window = QMainWindow()
window.show()
painted = FirstPaint(window, lambda window, said: print("shown", said, flush=True))
app.exec()
"""
)

# `footprint gui` itself (main.py's path: the command line, the data home's lock, the database,
# the theme, the window), told only to quit once its window is painted: QApplication.exec is
# wrapped to watch for that just before the loop starts.
WATCH_WINDOW = """
def shown(window, said):
    rows = window.dashboard.model.rowCount()
    assert rows >= 5, rows
    print("shown", said, rows, flush=True)

run_loop = QApplication.exec
def exec_until_shown(*_):
    global painted
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "dashboard"))
    painted = FirstPaint(window, shown)
    return run_loop()

QApplication.exec = exec_until_shown
"""

# main.py imports app.cli and calls main(); the app imports Qt only once it starts. So the
# watch is set up only then, once the data is open (the step before the window is built), not
# before main(): PySide6 reads the source of every module imported after it (to look for its
# opt-in features), which would charge the app's own imports more than `footprint gui` pays.
FOOTPRINT = (
    """
import app.commands.gui
from app.cli import main

open_app = app.commands.gui.open_app
def open_app_then_watch(home):
    footprint = open_app(home)
    exec(WATCH, globals())  # Qt is loaded by now
    return footprint

app.commands.gui.open_app = open_app_then_watch
"""
    + f"WATCH = {WHEN_PAINTED + WATCH_WINDOW!r}\n"
    + 'raise SystemExit(main(["gui"]))\n'
)


@dataclass(frozen=True)
class Start:
    wall: float  # seconds from process start to the window shown
    cpu: float  # user + system seconds of the process until its window was painted
    cpu_run: float | None  # user + system seconds of the whole process, which ran to its end
    peak_mib: float | None  # the process's peak resident memory until its window was painted
    peak_run_mib: float | None  # the peak resident memory of the whole process


def time_once(code: str, env: dict[str, str]) -> Start:
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
    # A start that goes wrong may wait in a dialog nobody can see (offscreen): give up.
    give_up = threading.Timer(GIVE_UP_S, process.kill)
    give_up.start()
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    give_up.cancel()
    cpu_run, peak_run = _wait(process)
    if not line.startswith("shown"):
        raise SystemExit(f"the child did not show its window (exit {process.returncode})")
    _, cpu, peak = line.split()[:3]
    return Start(elapsed, float(cpu), cpu_run, None if peak == "n/a" else float(peak), peak_run)


def _wait(process: subprocess.Popen[str]) -> tuple[float | None, float | None]:
    """Wait for the child; its CPU seconds and peak memory where the system says them."""
    if not hasattr(os, "wait4"):  # Windows
        process.wait()
        return None, None
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    per_mib = 2**20 if sys.platform == "darwin" else 2**10  # bytes on macOS, KiB on Linux
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / per_mib


def median_start(starts: list[Start]) -> Start:
    return Start(
        statistics.median(s.wall for s in starts),
        statistics.median(s.cpu for s in starts),
        _median_of_known([s.cpu_run for s in starts]),
        _median_of_known([s.peak_mib for s in starts]),
        _median_of_known([s.peak_run_mib for s in starts]),
    )


def _median_of_known(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    home = tempfile.mkdtemp(prefix="footprint-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FOOTPRINT_HOME": home}
    # As installed: pip compiles the bytecode, so the app's modules are not compiled at every
    # start (a developer's PYTHONDONTWRITEBYTECODE would charge that to Footprint alone).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "main.py", "demo", "--no-gui"], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip
    if runs > 1:  # warm the file cache once (not worth it for a single run)
        for code in (BARE, FOOTPRINT):
            time_once(code, env)
    # Alternated pairs, so that a change in the machine's load falls on both alike.
    pairs = [(time_once(BARE, env), time_once(FOOTPRINT, env)) for _ in range(runs)]
    bare = median_start([b for b, _ in pairs])
    footprint = median_start([f for _, f in pairs])
    for name, found in (("bare QMainWindow", bare), ("Footprint dashboard (demo)", footprint)):
        peak = f"{found.peak_mib:.1f} MiB" if found.peak_mib is not None else "n/a"
        cpu_run = f"{found.cpu_run:.3f} s" if found.cpu_run is not None else "n/a"
        peak_run = f"{found.peak_run_mib:.1f} MiB" if found.peak_run_mib is not None else "n/a"
        print(f"{name + ':':28} wall {found.wall:.3f} s, CPU {found.cpu:.3f} s, peak {peak} "
              f"(whole run: CPU {cpu_run}, peak {peak_run}; "
              f"medians of {runs} alternated pairs)")  # fmt: skip
    for what, ratio in (("wall", footprint.wall / bare.wall), ("CPU", footprint.cpu / bare.cpu)):
        met = "met" if ratio <= RATIO_TARGET else "NOT met"
        print(f"target: {what} at most {RATIO_TARGET:g}x the bare window: {met} ({ratio:.2f}x)")
    if footprint.peak_mib is not None and bare.peak_mib is not None:
        extra = footprint.peak_mib - bare.peak_mib
        met = "met" if extra <= MEMORY_TARGET_MIB else "NOT met"
        whole = ""
        if footprint.peak_run_mib is not None and bare.peak_run_mib is not None:
            whole = f"; whole run +{footprint.peak_run_mib - bare.peak_run_mib:.1f} MiB"
        print(f"target: peak memory at most +{MEMORY_TARGET_MIB:g} MiB: {met} "
              f"(+{extra:.1f} MiB{whole})")  # fmt: skip
    else:
        print(f"target: peak memory at most +{MEMORY_TARGET_MIB:g} MiB: not measured here")


if __name__ == "__main__":
    main()
