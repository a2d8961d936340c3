"""The watch's costs over a simulated month: looks per platform, against the replica pages.

An injected clock moves on an hour at a time and `run_watch` is called at every step, as an
OS scheduler running `footprint watch --once` hourly would. Four watched platforms: three
public pages that always load, and Instagram answering every visit with HTTP 429 (rate
limited), so its back-off shows. Real looks, headless Chromium, the replica pages on
127.0.0.1. Prints the looks per platform, the most looks in any 24 hours, the pages fetched
and the browser time, and whether the promises hold (issue 28): at most 5 looks a month per
platform that loads (weekly, jittered), at most 4 looks in any 24 hours over all platforms,
fewer looks for the rate-limited platform than for one that loads.
Usage: .venv/bin/python benchmarks/watch.py [--days N] [--browser PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.audit.profile import WorkerProfile  # noqa: E402
from app.audit.watch import WatchPolicy, back_off  # noqa: E402
from app.automation.browsers import BrowserChoice  # noqa: E402
from app.automation.urls import UrlMap  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.footprint import open_footprint  # noqa: E402
from app.paths import DataHome  # noqa: E402
from app.stranger.look import OutsideConfig, OutsideTimeouts  # noqa: E402
from tests.sites.public_pages import ADDRESSES, PublicPages  # noqa: E402

CASES = ("public", "employer", "phone", "rate limited")
ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
)  # fmt: skip
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PROFILE = WorkerProfile(
    display_name="Jo Worker", role="Support Worker", organisation="Riverside Care Ltd",
    regulator="sssc", platform_ids=("x", "linkedin", "tiktok", "instagram"),
)  # fmt: skip
MONTH_DAYS = 30
POLICY = WatchPolicy()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=MONTH_DAYS)
    parser.add_argument("--browser", type=Path, default=Path("/usr/bin/chromium"))
    args = parser.parse_args()
    server = PublicPages().start()
    try:
        with tempfile.TemporaryDirectory(prefix="fp-watch-") as home:
            return report(simulate(server, Path(home), args.days, args.browser), args.days)
    finally:
        server.stop()


def simulate(server: PublicPages, home: Path, days: int, browser: Path) -> dict[str, object]:
    clock = FixedClock(START)
    footprint = open_footprint(DataHome(home), clock)
    config = OutsideConfig(BrowserChoice("Chromium", browser), urls=UrlMap(server.url_map()),
                           timeouts=OutsideTimeouts(), headless=True, args=ARGS,
                           clock=clock)  # fmt: skip
    browser_time = 0.0
    try:
        footprint.save_profile(PROFILE)
        footprint.save_public_addresses(dict(ADDRESSES[case] for case in CASES))
        footprint.choose_watch(True)
        for _ in range(days * 24):
            started = time.perf_counter()
            run = footprint.run_watch(config, policy=POLICY)
            if run.looks:
                browser_time += time.perf_counter() - started
            clock.advance(timedelta(hours=1))
        looks = footprint.store.watch_looks_since(START)
    finally:
        footprint.close()
    return {"looks": looks, "pages": len(server.visits), "browser": browser_time}


def back_off_looks(period: timedelta) -> int:
    """How many looks a platform that is always rate limited gets in `period`: one at once,
    then after 6 h, 12 h, 24 h, … up to the cap."""
    looks, elapsed, failures = 1, timedelta(0), 1
    while (elapsed := elapsed + back_off(failures, POLICY)) <= period:
        looks, failures = looks + 1, failures + 1
    return looks


def busiest_day(moments: list[datetime]) -> int:
    """The most looks in any 24 hours."""
    return max((sum(1 for m in moments if first <= m < first + timedelta(days=1))
                for first in moments), default=0)  # fmt: skip


def report(found: dict, days: int) -> int:  # type: ignore[type-arg]
    looks: list[tuple[str, datetime, str]] = found["looks"]
    per_platform = Counter(pid for pid, _, _ in looks)
    print(f"Simulated {days} days, the watch run every hour ({days * 24} runs):")
    for pid in sorted(per_platform):
        outcomes = Counter(how for p, _, how in looks if p == pid)
        said = ", ".join(f"{n} {how}" for how, n in sorted(outcomes.items()))
        print(f"  {pid:10} {per_platform[pid]:3} looks ({said})")
    busiest = busiest_day([when for _, when, _ in looks])
    print(f"Most looks in any 24 hours: {busiest}")
    print(f"Pages fetched from the replicas (redirects and fetches included): {found['pages']}")
    print(f"Browser time over the period: {found['browser']:.1f} s")
    healthy = [per_platform[ADDRESSES[c][0]] for c in CASES if c != "rate limited"]
    limited = per_platform[ADDRESSES["rate limited"][0]]
    period = timedelta(days=days)
    # The first look at once, then never sooner than the interval less the jitter.
    promised = 1 + int(period / (POLICY.interval - POLICY.jitter))
    met = "met" if max(healthy) <= promised else "NOT met"
    print(f"target: at most {promised} looks per loading platform in {days} days: {met} "
          f"({max(healthy)})")  # fmt: skip
    met = "met" if busiest <= POLICY.max_looks_per_day else "NOT met"
    print(f"target: at most {POLICY.max_looks_per_day} looks in any 24 hours: {met} ({busiest})")
    print("target: data used and battery per month: not measured here (pages fetched above)")
    allowed = back_off_looks(period)
    met = "met" if limited <= allowed else "NOT met"
    print(f"target: the rate-limited platform no more often than its back-off allows "
          f"(≤ {allowed} looks): {met} ({limited})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
