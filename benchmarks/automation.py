"""Automation speed against the local replica sites (tests/sites/), headless Chromium.

Times Playwright's start, each platform's browser start (its own profile), and reading each
platform's settings once the browser is up and signed in; prints per-item and per-platform
medians. The target is at most 1 s per platform after the browser is up (issue 16).
Usage: .venv/bin/python benchmarks/automation.py [--runs N] [--platforms N] [--browser PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from app import credentials  # noqa: E402
from app.automation.browsers import BrowserChoice  # noqa: E402
from app.automation.config import AutomationConfig, Timeouts  # noqa: E402
from app.automation.engine import AutomationEngine  # noqa: E402
from app.automation.results import ReadResult  # noqa: E402
from app.automation.urls import UrlMap  # noqa: E402
from app.checklists.loader import load_catalogue, shipped_audit_files  # noqa: E402
from tests.memory_keyring import MemoryKeyring  # noqa: E402
from tests.sites.replica import PASSWORD, USERNAME, ReplicaServer  # noqa: E402

PLATFORMS = ("facebook", "instagram", "x", "linkedin")
ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
)  # fmt: skip
TARGET = 1.0


class ItemTimer:
    """The engine's Reporter, timing each item from its start to its result."""

    def __init__(self) -> None:
        self.items: dict[str, list[float]] = defaultdict(list)
        self._started = 0.0

    def waiting(self, platform_id: str, message: str) -> None:
        pass

    def item_started(self, platform_id: str, item_id: str, index: int, total: int) -> None:
        self._started = time.perf_counter()

    def item_read(self, result: ReadResult) -> None:
        assert result.ok, result.describe()
        self.items[f"{result.platform_id}/{result.item_id}"].append(
            time.perf_counter() - self._started
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platforms", type=int, default=len(PLATFORMS), help="the first N")
    parser.add_argument("--browser", type=Path, default=Path("/usr/bin/chromium"))
    args = parser.parse_args()
    platforms = PLATFORMS[: args.platforms]
    keyring.set_keyring(MemoryKeyring())
    for platform_id in PLATFORMS:
        credentials.save(platform_id, credentials.Credential(USERNAME, PASSWORD))
    catalogue = load_catalogue(shipped_audit_files()).catalogue
    server = ReplicaServer().start()
    try:
        with tempfile.TemporaryDirectory() as profiles:
            config = AutomationConfig(
                BrowserChoice("Chromium", args.browser),
                Path(profiles),
                urls=UrlMap(server.url_map()),
                timeouts=Timeouts(),
                headless=True,
                args=ARGS,
            )
            engine = AutomationEngine(config, lambda: False)
            return report(measure(engine, catalogue, platforms, args.runs))
    finally:
        server.stop()


def measure(
    engine: AutomationEngine, catalogue, platforms: tuple[str, ...], runs: int
) -> dict[str, object]:  # type: ignore[no-untyped-def]
    timer = ItemTimer()
    started = time.perf_counter()
    engine.start()
    playwright_start = time.perf_counter() - started
    launches, first_reads, reads = {}, {}, defaultdict(list)
    try:
        for platform_id in platforms:
            platform = catalogue.platform(platform_id)
            started = time.perf_counter()
            engine.page(platform_id)
            launches[platform_id] = time.perf_counter() - started
            started = time.perf_counter()
            engine.read_platform(platform, ItemTimer())  # includes signing in
            first_reads[platform_id] = time.perf_counter() - started
            for _ in range(runs):
                started = time.perf_counter()
                engine.read_platform(platform, timer)
                reads[platform_id].append(time.perf_counter() - started)
    finally:
        engine.close()
    return {
        "playwright": playwright_start,
        "launches": launches,
        "first": first_reads,
        "reads": reads,
        "items": timer.items,
    }


def report(found: dict) -> int:  # type: ignore[type-arg]
    print(f"Playwright start: {found['playwright']:.2f} s")
    print("\nPer item (median of runs, browser up and signed in):")
    for name, times in found["items"].items():
        print(f"  {name:42} {statistics.median(times) * 1000:6.0f} ms")
    print(f"\n{'platform':10} {'browser start':>14} {'first read*':>12} {'read (median)':>14}")
    worst = 0.0
    for platform_id, times in found["reads"].items():
        median = statistics.median(times)
        worst = max(worst, median)
        print(
            f"{platform_id:10} {found['launches'][platform_id]:13.2f}s "
            f"{found['first'][platform_id]:11.2f}s {median:13.2f}s"
        )
    print("* first read includes signing in with saved details on the replica")
    met = "met" if worst <= TARGET else "NOT met"
    print(f"\ntarget: slowest platform's read median <= {TARGET:g} s: {met} ({worst:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
