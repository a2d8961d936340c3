"""Speed of "See what a stranger sees" against the local replica public pages, headless Chromium.

Times Playwright's and the browser's start, then looking at five platforms' public pages
with that one browser (a fresh context per address, the app's own timeouts); prints each
platform's median and the median of the whole round. The target is the outside view of
five platforms in under 10 s once the browser is up (issue 18); `--platforms N` looks at the
first N only (the suite runs it so, to keep it working).
Usage: .venv/bin/python benchmarks/outside.py [--runs N] [--platforms N] [--browser PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.automation.browsers import BrowserChoice  # noqa: E402
from app.automation.switches import UNSEEN_BROWSER, disable_features  # noqa: E402
from app.automation.urls import UrlMap  # noqa: E402
from app.stranger.browser import StrangerBrowser  # noqa: E402
from app.stranger.look import OutsideConfig, OutsideTimeouts, StrangerRequest  # noqa: E402
from app.stranger.public_profiles import profile_of  # noqa: E402
from app.stranger.view import WorkerTerms  # noqa: E402
from tests.sites.public_pages import ADDRESSES, PublicPages  # noqa: E402

# One public page per platform: five platforms, each showing what a stranger could see.
CASES = ("public", "employer", "phone", "activities", "facebook")
NAMES = {"x": "X", "linkedin": "LinkedIn", "tiktok": "TikTok", "strava": "Strava",
         "facebook": "Facebook"}  # fmt: skip
# Headless, like the product's stranger view: no hidden omnibox popup, no spare renderer.
ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
    disable_features(*UNSEEN_BROWSER),
)  # fmt: skip
TERMS = WorkerTerms(name="Jo Worker", organisation="Riverside Care Ltd", role="Support Worker")
TARGET = 10.0


def requests(platforms: int) -> list[StrangerRequest]:
    found = []
    for case in CASES[:platforms]:
        platform_id, address = ADDRESSES[case]
        profile = profile_of(platform_id)
        assert profile is not None
        found.append(
            StrangerRequest(platform_id, NAMES[platform_id], address, consent=profile.consent)
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platforms", type=int, default=len(CASES), help="the first N")
    parser.add_argument("--browser", type=Path, default=Path("/usr/bin/chromium"))
    args = parser.parse_args()
    server = PublicPages().start()
    try:
        config = OutsideConfig(
            BrowserChoice("Chromium", args.browser),
            urls=UrlMap(server.url_map()),
            timeouts=OutsideTimeouts(),  # the app's own
            headless=True,
            args=ARGS,
        )
        browser = StrangerBrowser(config, lambda: False)
        return report(measure(browser, args.runs, args.platforms), args.platforms)
    finally:
        server.stop()


def measure(browser: StrangerBrowser, runs: int, platforms: int) -> dict[str, object]:
    started = time.perf_counter()
    browser.start()
    launch = time.perf_counter() - started
    rounds: list[float] = []
    looks: dict[str, list[float]] = defaultdict(list)
    try:
        for _ in range(runs):
            round_started = time.perf_counter()
            for request in requests(platforms):
                started = time.perf_counter()
                view = browser.look(request, TERMS)
                looks[request.platform_id].append(time.perf_counter() - started)
                assert view.obstacle is None, f"{request.platform_id}: {view.problem}"
            rounds.append(time.perf_counter() - round_started)
    finally:
        browser.close()
    return {"launch": launch, "rounds": rounds, "looks": looks}


def report(found: dict, platforms: int) -> int:  # type: ignore[type-arg]
    print(f"Playwright and browser start: {found['launch']:.2f} s")
    print("\nPer platform (median of runs, browser up; a fresh context each):")
    for platform_id, times in found["looks"].items():
        print(f"  {platform_id:10} {statistics.median(times):6.2f} s")
    rounds = found["rounds"]
    median = statistics.median(rounds)
    looked = "Five platforms" if platforms == len(CASES) else f"{platforms} of the five platforms"
    print(f"\n{looked}: median {median:.2f} s, slowest {max(rounds):.2f} s "
          f"over {len(rounds)} runs")  # fmt: skip
    met = "met" if median < TARGET else "NOT met"
    size = "" if platforms == len(CASES) else f", at {platforms} of the target's five platforms"
    print(f"target: five platforms' look median < {TARGET:g} s: {met} ({median:.2f} s{size})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
