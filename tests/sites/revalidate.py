"""Re-validate the probes against the live sites, with a maintainer's own test accounts.

    .venv/bin/python -m tests.sites.revalidate --platform facebook [--platform x …]
        [--browser PATH] [--profiles DIR] [--report FILE] [--use-saved-details] [--headless]

Opens a visible browser with a profile of its own per platform (default
~/.cache/footprint-revalidate, owner-only), waits while you sign in by hand, then reads every
probe as the app does and, for each probe, tries every address and every locator on its own,
so a locator that stopped matching is seen even while a later one still reads the value.
Writes a Markdown report (stdout by default): per probe the value read (or the failure), the
address and locator that gave it, and per address and locator how many elements matched.
Exit status 0 when every probe was read, 1 otherwise. See the checklist in README.md.

The report holds your test account's setting values and the addresses of its pages; it holds
no passwords (nothing is typed unless --use-saved-details, and then only from the keyring).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.automation.browsers import BrowserChoice, find_browser
from app.automation.config import DESKTOP_ARGS, AutomationConfig, Timeouts
from app.automation.engine import AutomationEngine
from app.automation.locators import locate
from app.automation.origins import SiteGuard
from app.automation.page import ReadOnlyPage
from app.automation.probes import candidates
from app.automation.results import ReadResult
from app.automation.urls import UrlMap
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.checklists.model import Platform, Probe

AUTOMATED = ("facebook", "instagram", "x", "linkedin")
PROFILES = Path.home() / ".cache" / "footprint-revalidate"


@dataclass(frozen=True)
class Candidate:
    url: str
    locator: str
    matches: int | None  # None: the address did not load


class Printer:
    """The engine's Reporter: tells the maintainer what to do in the browser window."""

    def waiting(self, platform_id: str, message: str) -> None:
        print(f"[{platform_id}] {message}", file=sys.stderr)

    def item_started(self, platform_id: str, item_id: str, index: int, total: int) -> None:
        print(f"[{platform_id}] reading {index + 1} of {total}: {item_id}", file=sys.stderr)

    def item_read(self, result: ReadResult) -> None:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    browser = (
        BrowserChoice("The browser you chose", Path(args.browser))
        if args.browser
        else find_browser()
    )
    if browser is None:
        print("No Chrome, Edge or Chromium found; pass --browser PATH.", file=sys.stderr)
        return 2
    catalogue = load_catalogue(shipped_audit_files()).catalogue
    profiles = Path(args.profiles)
    profiles.mkdir(parents=True, exist_ok=True, mode=0o700)
    config = AutomationConfig(
        browser,
        profiles,
        urls=UrlMap.from_env(),
        timeouts=Timeouts(sign_in=args.sign_in_minutes * 60),
        headless=args.headless,
        args=(*DESKTOP_ARGS, *args.browser_arg),
        **({} if args.use_saved_details else {"load_credential": lambda platform_id: None}),
    )
    engine = AutomationEngine(config, lambda: False)
    lines = ["# Probe re-validation", ""]
    all_read = True
    try:
        for platform_id in args.platform or AUTOMATED:
            platform = catalogue.platform(platform_id)
            results = engine.read_platform(platform, Printer())
            tried = _try_every_candidate(engine, platform, config)
            lines += _report(platform, results, tried, show_values=not args.no_values)
            all_read = all_read and all(r.ok for r in results)
    finally:
        engine.close()
    text = "\n".join(lines) + "\n"
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0 if all_read else 1


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--platform", action="append", choices=AUTOMATED)
    parser.add_argument("--browser", help="Chrome, Edge or Chromium to use")
    parser.add_argument("--profiles", default=str(PROFILES), help="browser profiles folder")
    parser.add_argument("--report", help="write the Markdown report here")
    parser.add_argument(
        "--use-saved-details",
        action="store_true",
        help="fill the login form from the keyring (default: sign in by hand)",
    )
    parser.add_argument("--sign-in-minutes", type=float, default=10.0)
    parser.add_argument("--headless", action="store_true", help="for a dry run on replicas")
    parser.add_argument("--no-values", action="store_true", help="leave values out of the report")
    parser.add_argument(
        "--browser-arg",
        action="append",
        default=[],
        help="an extra browser switch (e.g. --browser-arg=--no-sandbox)",
    )
    return parser.parse_args(argv)


def _try_every_candidate(
    engine: AutomationEngine, platform: Platform, config: AutomationConfig
) -> dict[str, list[Candidate]]:
    """Per probe: every address × every locator (in the page's language), with its count."""
    assert platform.automation is not None
    view = ReadOnlyPage(
        engine.page(platform.id),
        platform.automation,
        urls=config.urls,
        timeouts=config.timeouts,
        cancelled=lambda: False,
        guard=SiteGuard(platform.id, config.urls),
        platform_name=platform.name,
    )
    tried: dict[str, list[Candidate]] = {}
    try:
        for item in platform.items:
            if item.probe is not None:
                tried[item.id] = _candidates_of(view, item.probe)
    finally:
        view.close()
    return tried


def _candidates_of(view: ReadOnlyPage, probe: Probe) -> list[Candidate]:
    found: list[Candidate] = []
    for url in probe.urls:
        try:
            view.open(url)
        except Exception as problem:  # a maintainer's report: say it and go on
            found.append(Candidate(url, f"(did not open: {problem})", None))
            continue
        language = view.facts().language
        for locator in candidates(probe, language).locators:
            count = view.quietly(lambda s=locator: locate(view.page, s).count(), 0)  # type: ignore[misc]
            found.append(Candidate(url, locator, count))
    return found


def _report(
    platform: Platform,
    results: list[ReadResult],
    tried: dict[str, list[Candidate]],
    *,
    show_values: bool,
) -> list[str]:
    lines = [
        f"## {platform.name}",
        "",
        "| item | result | read at | locator |",
        "|---|---|---|---|",
    ]
    for result in results:
        where = result.where
        outcome = (result.observed or "") if show_values else "read"
        outcome = outcome if result.ok else f"**could not read**: {result.problem}"
        at = where.url if where else ""
        locator = where.locators[0] if where and result.ok and where.locators else ""
        lines.append(f"| {result.item_id} | {outcome} | {at} | `{locator}` |")
    lines += ["", "Every address and locator on its own (matches; 1 is what a probe needs):", ""]
    for item_id, found in tried.items():
        for candidate in found:
            count = "did not open" if candidate.matches is None else str(candidate.matches)
            lines.append(f"- {item_id}: {count} — {candidate.url} `{candidate.locator}`")
    probes = {i.id: i.probe for i in platform.items if i.probe}
    lines += ["", "Evidence on file:", ""]
    lines += [f"- {item_id}: {probe.evidence or '(none)'}" for item_id, probe in probes.items()]
    return [*lines, ""]


if __name__ == "__main__":
    os.umask(0o077)  # the report and profiles are the maintainer's only
    sys.exit(main())
