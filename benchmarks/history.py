"""Ten years of monthly audits of nine platforms (~10,000 answers): how fast is the dashboard?

Times the dashboard's queries (state, last checked, next due and drift for every platform,
read from the database) and opening the history view, offscreen.
Usage: .venv/bin/python benchmarks/history.py [--runs N] [--months N]
Targets (ten years): dashboard queries <= 10 ms median (issue 24), history view shown
<= 300 ms median.
"""

from __future__ import annotations

import argparse
import os
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


def median_ms(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


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
    print(f"dashboard queries (9 platforms): median {dashboard:.1f} ms")
    print(f"history view shown:              median {history:.1f} ms")
    years = f"{args.months / 12:g} years"
    print(verdict(f"dashboard queries on {years}", dashboard, DASHBOARD_TARGET_MS))
    print(verdict(f"history view shown on {years}", history, HISTORY_TARGET_MS))
    footprint.close()


def verdict(what: str, milliseconds: float, target: float) -> str:
    met = "met" if milliseconds <= target else "NOT met"
    return f"target: {what} median <= {target:g} ms: {met} ({milliseconds:.1f} ms)"


if __name__ == "__main__":
    main()
