"""`footprint watch`: turn the opt-in watch on or off, say how it stands, run what is due.

`--once` runs the signed-out looks that are due, and the signed-in re-reads of the platforms
ticked with `--reread` (on a session already signed in only: never signing in), and prints what
they found — for an OS scheduler (Task Scheduler, launchd, cron) or by hand; nothing runs in
the background otherwise. Exit codes: 0 nothing new, 1 drift found, 2 could not run (no
browser, the watch off, the app holding the data home).
"""

from __future__ import annotations

import argparse
from typing import Any

EXIT_QUIET, EXIT_DRIFT, EXIT_CANNOT = 0, 1, 2


def add_watch_parser(commands: Any) -> None:
    """Add `watch` to the CLI's subparsers (argparse only; the work is imported later)."""
    parser = commands.add_parser(
        "watch",
        help="opt-in: look at your public profiles as a stranger would, on a schedule",
        description="The watch looks at your public profile addresses (Settings, Your public "
        "profiles) signed out, as a stranger would, about once a week per platform, and "
        "records when something you had hidden becomes visible. It is off until you turn it "
        "on, never signs in, and runs only when `footprint watch --once` is run (by hand or "
        "by your computer's task scheduler) or while Footprint is open. Separately, per "
        "platform (--reread), it can re-read your own settings when the platform is already "
        "signed in in Footprint's browser profile; it never types a password or opens a "
        "sign-in form, and a signed-out session is recorded as 'signed out — re-check by "
        "hand'.",
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--once", action="store_true", help="run the looks that are due now")
    action.add_argument("--status", action="store_true", help="say what is watched and when")
    action.add_argument("--enable", action="store_true", help="turn the signed-out watch on")
    action.add_argument("--disable", action="store_true", help="turn the watch off")
    action.add_argument(
        "--confirm", action="store_true", help="say you have seen the drift --status lists"
    )
    action.add_argument(
        "--reread",
        metavar="PLATFORM",
        help="also re-read PLATFORM's settings when it is already signed in on this computer",
    )
    action.add_argument(
        "--no-reread", metavar="PLATFORM", help="stop the signed-in re-reads of PLATFORM"
    )
    parser.add_argument(
        "--browser", metavar="PATH", help="the Chrome, Edge or Chromium to use (default: found)"
    )


def run_watch(args: argparse.Namespace) -> int:
    """Do what `args` asks; the exit code."""
    from app.commands.common import UserError, open_app
    from app.formatting import printable
    from app.paths import data_home

    footprint = open_app(data_home(), writes=not args.status)
    try:
        if args.confirm:
            seen = [drift.id for drift in footprint.watched_drift() if drift.id is not None]
            for drift_id in seen:
                footprint.confirm_watched_drift(drift_id)
            lines = [f"Confirmed {len(seen)} change(s) seen by the watch; none is an answer "
                     "until you record one in an audit."]  # fmt: skip
            code = EXIT_QUIET
        elif args.enable or args.disable:
            footprint.choose_watch(bool(args.enable))
            lines = list(footprint.watch_status().lines)
            code = EXIT_QUIET
        elif args.reread or args.no_reread:
            _choose_reread(footprint, args.reread or args.no_reread, bool(args.reread))
            lines = list(footprint.watch_status().lines)
            code = EXIT_QUIET
        elif args.status:
            lines = list(footprint.watch_status().lines)
            code = EXIT_QUIET
        else:
            rereads = footprint.signed_in_watch_choices()
            if not footprint.watch_choice().signed_out and not rereads:
                raise UserError(footprint.watch_status().lines[0])
            run = _run_once(footprint, args.browser, rereads=bool(rereads))
            lines = run.lines()
            code = EXIT_DRIFT if run.drift else EXIT_QUIET
    finally:
        footprint.close()
    for line in lines:
        print(printable(line))
    return code


def _run_once(footprint: Any, browser_path: str | None, *, rereads: bool) -> Any:
    """The signed-out looks, then the signed-in re-reads, or UserError with the browser's
    sentence when it could not start (nothing is recorded then: no look was made)."""
    from app.automation.config import AutomationConfig
    from app.automation.engine import BrowserUnavailable
    from app.commands.common import UserError
    from app.services.watch_runs import WatchRun, together

    config = _config(browser_path, footprint.clock)
    try:
        signed_out = footprint.run_watch(config)
        signed_in = WatchRun(False)
        if rereads:
            profiles = footprint.home.browser_profiles
            reread = AutomationConfig(config.browser, profiles, clock=footprint.clock)
            signed_in = footprint.run_signed_in_watch(reread)
        return together(signed_out, signed_in)
    except BrowserUnavailable as error:
        raise UserError(str(error)) from None


def _choose_reread(footprint: Any, platform_id: str, chosen: bool) -> None:
    """Tick or untick a platform's signed-in re-reads; UserError for one the reader cannot
    read."""
    from app.commands.common import UserError
    from app.services.watch_signed_in import readable_platforms

    readable = {p.id for p in readable_platforms(footprint.catalogue)}
    if platform_id not in readable:
        raise UserError(
            f"Footprint cannot re-read {platform_id!r}'s settings; it can for: "
            + ", ".join(sorted(readable))
        )
    footprint.choose_signed_in_watch(platform_id, chosen)


def _config(browser_path: str | None, clock: Any) -> Any:
    """A stranger's browser: the one named, or an installed Chrome, Edge or Chromium."""
    from app.automation.browsers import find_browser, missing_message
    from app.commands.common import UserError
    from app.stranger.look import OutsideConfig

    browser = find_browser(browser_path)
    if browser is None:
        raise UserError(missing_message(browser_path))
    return OutsideConfig(browser, clock=clock)
