"""A stranger's look at hostile pages (issue 32.2): memory, and how long a frozen page holds it.

Against the local replica public pages, headless Chromium, each case in a run of its own:
- huge structured data: a page with 200 JSON-LD blocks of 490,000 characters (98 MB);
  prints the peak resident memory of this process (the app's side) and the peak of the
  browser's processes together, sampled every 50 ms (Linux: read from /proc);
- a script that never yields, in the head: seconds from the start of the look (the browser
  up) until it ends by itself (its limit, `--look`), and seconds from Stop to the end of
  the run when Stop is pressed 3 s (`--stop-after`) into the look.
A run still going after `--give-up` seconds is reported as such and abandoned. Targets:
the frozen look ends within its limit plus 5 s; Stop ends a look within 2 s; the app grows
by less than 64 MB for the huge page (issue 32).
Usage: .venv/bin/python benchmarks/outside_hostile.py [--browser PATH] [--look S]
       [--stop-after S] [--blocks N] [--case huge|busy|stop ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.automation.browsers import BrowserChoice  # noqa: E402
from app.automation.switches import UNSEEN_BROWSER, disable_features  # noqa: E402
from app.automation.urls import UrlMap  # noqa: E402
from app.stranger.look import (  # noqa: E402
    LookStarted,
    OutsideConfig,
    OutsideTimeouts,
    StrangerRequest,
    look_as_stranger,
)
from app.stranger.view import WorkerTerms  # noqa: E402
from tests.sites import public_pages  # noqa: E402
from tests.sites.public_pages import ADDRESSES, PublicPages, Route  # noqa: E402

# Headless, like the product's stranger view: no hidden omnibox popup, no spare renderer.
ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
    disable_features(*UNSEEN_BROWSER),
)  # fmt: skip
TERMS = WorkerTerms(name="Jo Worker", organisation="Riverside Care Ltd", role="Support Worker")
BLOCK = '{"@type": "Person", "name": "Zephyrine", "description": "' + "x" * 490_000 + '"}'
GROWTH_MB = 64  # the most the app may grow by for the huge page
STOP_S = 2.0
LATE_S = 5.0  # how far past its limit a frozen look may end (the browser's end, the clean-up)


def huge_page(blocks: int) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Zephyrine</title>"
        + f'<script type="application/ld+json">{BLOCK}</script>' * blocks
        + "</head><body><h1>Zephyrine</h1></body></html>"
    )


def descendants_pss_mb() -> float:
    """Proportional memory (PSS: shared pages split between their users, so the browser's
    many processes are not counted many times over) of this process's descendants, the
    driver and the browser, in MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, stack = 0, list(children.get(os.getpid(), []))
    while stack:
        pid = stack.pop()
        total += _pss_kb(pid)
        stack.extend(children.get(pid, []))
    return total / 1e3


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    line = next((x for x in rollup.splitlines() if x.startswith("Pss:")), "Pss: 0 kB")
    return int(line.split()[1])


def run(
    config: OutsideConfig, case: str, *, stop_after: float | None, give_up: float
) -> tuple[str, float | None, float | None]:
    """What happened, in words; seconds into the look when it ended (None: still going);
    seconds from Stop to the end (None: not pressed, or still going)."""
    platform_id, address = ADDRESSES[case]
    request = StrangerRequest(platform_id, "X", address)
    pressed: list[float] = []
    outcome: list[object] = []
    looking: list[float] = []  # when the look at the page began (the browser is up)

    def cancelled() -> bool:
        return bool(pressed)

    def began(event: object) -> None:
        if isinstance(event, LookStarted):
            looking.append(time.monotonic())

    def look() -> None:
        try:
            outcome.append(look_as_stranger(config, [request], TERMS, send=began,
                                            cancelled=cancelled))  # fmt: skip
        except BaseException as error:  # reported, not raised
            outcome.append(error)

    browser_peak = 0.0
    started = time.monotonic()
    thread = threading.Thread(target=look, daemon=True)
    thread.start()
    while thread.is_alive() and time.monotonic() - started < give_up:
        browser_peak = max(browser_peak, descendants_pss_mb())
        if stop_after is not None and looking and not pressed:
            if time.monotonic() - looking[0] >= stop_after:
                pressed.append(time.monotonic())
        thread.join(0.05)
    ended = time.monotonic()
    began_at = looking[0] if looking else started
    if thread.is_alive():
        since = f", {ended - pressed[0]:.1f} s after Stop" if pressed else ""
        return f"still running {ended - began_at:.0f} s into the look{since}", None, None
    what = outcome[0]
    told = what[0].problem or "seen" if isinstance(what, list) else type(what).__name__
    after_stop = f"; Stop to end {ended - pressed[0]:.2f} s" if pressed else ""
    said = (
        f"ended {ended - began_at:.1f} s into the look (browser start {began_at - started:.1f} s)"
        f"{after_stop}; browser peak {browser_peak:.0f} MB;"
        f" told: {told}"
    )
    return said, ended - began_at, (ended - pressed[0]) if pressed else None


def _met(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", type=Path, default=Path("/usr/bin/chromium"))
    parser.add_argument("--look", type=float, default=40.0)
    parser.add_argument("--give-up", type=float, default=90.0)
    # Less than the look's limit minus Stop's 2 s, or the limit, not Stop, ends the look.
    parser.add_argument("--stop-after", type=float, default=3.0)
    parser.add_argument("--blocks", type=int, default=200)
    parser.add_argument("--case", choices=("huge", "busy", "stop"), action="append")
    args = parser.parse_args()
    public_pages.ROUTES["/x/jo_huger"] = Route(body=huge_page(args.blocks))
    ADDRESSES["huger"] = ("x", "https://x.com/jo_huger")
    server = PublicPages().start()
    fields = OutsideTimeouts.__dataclass_fields__
    timeouts = OutsideTimeouts(look=args.look) if "look" in fields else OutsideTimeouts()
    config = OutsideConfig(
        browser=BrowserChoice("Chromium", args.browser),
        urls=UrlMap(server.url_map()),
        timeouts=timeouts,
        args=ARGS,
    )
    cases = args.case or ["huge", "busy", "stop"]
    targets: list[str] = []
    try:
        for case in cases:
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
            if case == "huge":
                said, _, _ = run(config, "huger", stop_after=None, give_up=args.give_up)
            elif case == "busy":
                said, took, _ = run(config, "busy head", stop_after=None, give_up=args.give_up)
                met = took is not None and took <= timeouts.look + LATE_S
                targets.append(
                    f"a frozen page's look ends by its limit + {LATE_S:g} s: {_met(met)}"
                )
            else:
                said, _, stop = run(
                    config, "busy head", stop_after=args.stop_after, give_up=args.give_up
                )
                met = stop is not None and stop <= STOP_S
                targets.append(f"Stop ends a frozen page's look within {STOP_S:g} s: {_met(met)}")
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
            print(f"{case}: {said}; this process peak {peak:.0f} MB (before {before:.0f} MB)")
            if case == "huge":
                grew = peak - before < GROWTH_MB
                targets.append(f"the app grows by less than {GROWTH_MB} MB: {_met(grew)}")
    finally:
        server.stop()
    for target in targets:
        print(f"target: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
