"""Ten years of monthly audits of nine platforms (~9,000 answers): how fast is the dashboard?

Times the dashboard's queries (state, last checked, next due and drift for every platform,
read from the database), opening the history view, offscreen, and writing the demo year
(`footprint demo`'s sample data, into a fresh data home, in one transaction).
Usage: .venv/bin/python benchmarks/history.py [--runs N] [--months N]
Targets (issue 24; ten years): dashboard queries <= 10 ms median, history view shown
<= 300 ms median, the demo year written in <= 1 s. The targets are judged on wall time;
processor time is printed beside it, and the load average, because other work on the
machine stretches wall time and not processor time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.audit.answers import AnswerStatus  # noqa: E402
from app.audit.profile import WorkerProfile  # noqa: E402
from app.audit.session import AuditSession  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.footprint import open_footprint  # noqa: E402
from app.paths import DataHome  # noqa: E402
from app.storage.store import Store  # noqa: E402

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
MONTHS = 120
DASHBOARD_TARGET_MS = 10
HISTORY_TARGET_MS = 300
DEMO_TARGET_MS = 1000


def fill(home: DataHome, months: int) -> int:
    """Write the years through the real session and repository (in one transaction)."""
    footprint = open_footprint(home, FixedClock(NOW))
    platforms = footprint.catalogue.platforms[:9]
    ids = tuple(p.id for p in platforms)
    profile = WorkerProfile("Bench Worker", "Role", "Org", "sssc", platform_ids=ids)
    store = footprint.store
    with store.one_transaction():
        store.save_profile(profile, NOW - timedelta(days=31 * months))
        for month in range(months):
            clock = FixedClock(NOW - timedelta(days=30 * (months - month)))
            session = AuditSession.start(ids, footprint.catalogue, store, clock)
            step = 0
            while session.position() is not None:
                step += 1
                clock.advance(timedelta(seconds=30))
                unsafe = (step + month) % 7 == 0
                session.record(AnswerStatus.NEEDS_ACTION if unsafe else AnswerStatus.SAFE)
    footprint.close()
    return Store(home.database).count_answers()


def median_ms(action, runs: int) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """The median wall and processor times of `action`, in milliseconds, and the spread of
    the wall times (fastest, slowest)."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), min(walls), max(walls)


def demo_year_ms(runs: int) -> tuple[float, float]:
    """Wall and processor time of writing the demo year into fresh data homes (median);
    opening each home (its migration) is not counted."""
    walls, cpus = [], []
    for _ in range(runs):
        home = DataHome(Path(tempfile.mkdtemp(prefix="footprint-demo-year-")))
        footprint = open_footprint(home, FixedClock(NOW))
        wall, cpu, _, _ = median_ms(footprint.write_demo_data, 1)
        footprint.close()
        shutil.rmtree(home.root, ignore_errors=True)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def load_average() -> str:
    """The one-minute load average, where the system tells it."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--months", type=int, default=MONTHS, help="one audit a month")
    args = parser.parse_args()
    runs = args.runs
    home = DataHome(Path(tempfile.mkdtemp(prefix="footprint-history-")))
    started = time.perf_counter()
    answers = fill(home, args.months)
    took = time.perf_counter() - started
    print(f"wrote {answers} answers in {args.months} audits ({took:.1f} s)")

    from PySide6.QtWidgets import QApplication

    from app.ui.history_dialog import HistoryDialog

    app = QApplication([])
    footprint = open_footprint(home, FixedClock(NOW))
    dashboard = median_ms(footprint.dashboard, runs)

    def show_history() -> None:
        dialog = HistoryDialog(footprint=footprint)
        dialog.show()
        app.processEvents()
        dialog.close()

    history = median_ms(show_history, runs)
    footprint.close()
    demo = demo_year_ms(max(1, min(runs, 5)))
    print(
        f"dashboard queries (9 platforms): median {dashboard[0]:.1f} ms ({dashboard[1]:.1f} ms CPU;"
        f" {runs} runs, {dashboard[2]:.1f}-{dashboard[3]:.1f} ms)"
    )
    print(f"history view shown:              median {history[0]:.1f} ms ({history[1]:.1f} ms CPU)")
    print(f"demo year written:               median {demo[0]:.0f} ms ({demo[1]:.0f} ms CPU)")
    print(f"load average (1 min): {load_average()}")
    years = f"{args.months / 12:g} years"
    print(verdict(f"dashboard queries on {years}", dashboard[0], DASHBOARD_TARGET_MS))
    print(verdict(f"history view shown on {years}", history[0], HISTORY_TARGET_MS))
    print(verdict("demo year written (one transaction)", demo[0], DEMO_TARGET_MS))


def verdict(what: str, milliseconds: float, target: float) -> str:
    met = "met" if milliseconds <= target else "NOT met"
    return f"target: {what} median <= {target:g} ms: {met} ({milliseconds:.1f} ms)"


if __name__ == "__main__":
    main()
