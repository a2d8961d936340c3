"""Command line: `footprint [command]`. With no command the desktop app starts."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.commands.common import (
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_OK,
    UserError,
    open_app,
    require_shipped_data,
)
from app.formatting import printable
from app.paths import (
    HOME_ENV,
    DataHome,
    HomeError,
    data_home,
    default_data_home,
    owner_only_files,
    write_owner_only,
)
from app.storage.errors import DatabaseError

if TYPE_CHECKING:
    from app.checklists.model import Catalogue

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command and its options."""
    parser = argparse.ArgumentParser(
        prog="footprint",
        description="Footprint: a privacy self-audit for social care and social service workers.",
        epilog=f"Data is kept in your user data folder, or in ${HOME_ENV} when set.",
    )
    parser.add_argument("--version", action="version", version=f"Footprint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="command")
    gui = commands.add_parser("gui", help="start the desktop app (the default)")
    gui.add_argument(
        "--minimised", action="store_true", help="start in the tray or minimised (used at login)"
    )
    validate = commands.add_parser("validate", help="check audit definition files")
    validate.add_argument("paths", nargs="*", type=Path, help="files (default: shipped audits)")
    due = commands.add_parser("due", help="list platforms due a re-check or drifted")
    due.add_argument("--json", action="store_true", help="print JSON for scripts")
    policy = commands.add_parser("policy", help="employer policy packs: add, list, remove")
    policy_commands = policy.add_subparsers(dest="policy_command", metavar="action", required=True)
    add = policy_commands.add_parser("add", help="check a policy pack and install it")
    add.add_argument("file", type=Path)
    policy_commands.add_parser("list", help="list the installed policy packs")
    remove = policy_commands.add_parser("remove", help="remove an installed policy pack")
    remove.add_argument("name", help="the pack's file name, as `policy list` shows it")
    reminders = commands.add_parser("reminders", help="export re-check reminders")
    reminders.add_argument(
        "--ics", type=Path, required=True, metavar="FILE",
        help="write an iCalendar file with a recurring re-check event per platform",
    )  # fmt: skip
    demo = commands.add_parser("demo", help="fill a data home with sample data and open it")
    demo.add_argument("--no-gui", action="store_true", help="only write the sample data")
    from app.commands.report import add_report_parser

    add_report_parser(commands)
    from app.commands.import_export import add_import_export_parser

    add_import_export_parser(commands)
    from app.commands.watch_command import add_watch_parser

    add_watch_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command `argv` names (the desktop app by default); the exit status."""
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    from app.commands.import_export import run_import_export
    from app.commands.report import run_report
    from app.commands.watch_command import run_watch

    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "gui": _run_gui,
        "validate": _run_validate,
        "due": _run_due,
        "demo": _run_demo,
        "report": run_report,
        "policy": _run_policy,
        "reminders": _run_reminders,
        "import-export": run_import_export,
        "watch": run_watch,
    }
    # Everything Footprint writes, and every program it starts (the browser that reads
    # settings), makes files readable by the worker only.
    with owner_only_files():
        try:
            return handlers[command](args)
        except (UserError, HomeError, DatabaseError) as error:  # a full disk mid-command too
            print(f"footprint: {error}", file=sys.stderr)
            if opens_a_window(command, args) and not getattr(error, "shown", False):
                from app.ui.startup_dialogs import show_startup_error

                show_startup_error(str(error))  # launched from an icon, there is no console
            return EXIT_ERROR
        except KeyboardInterrupt:
            return EXIT_ERROR


def opens_a_window(command: str, args: argparse.Namespace) -> bool:
    """True for the desktop app itself (`gui`, `demo` without --no-gui): its start-up
    problems are shown in a window as well as printed."""
    return command == "gui" or (command == "demo" and not args.no_gui)


def _run_gui(args: argparse.Namespace, home: DataHome | None = None) -> int:
    from app.commands.gui import run_gui

    return run_gui(home or data_home(), minimised=getattr(args, "minimised", False))


def _run_validate(args: argparse.Namespace) -> int:
    from app.checklists.codes import load_code_book
    from app.checklists.file_errors import ChecklistError
    from app.checklists.loader import load_catalogue, shipped_audit_files

    require_shipped_data()
    paths = args.paths or shipped_audit_files()
    if not paths:
        raise UserError("no audit files to check")
    known = set(load_code_book().known_ids())
    shipped = load_catalogue(shipped_audit_files(), known).catalogue
    failures = 0
    for path in paths:
        try:
            print(printable(f"{path}: ok ({_validate_one(path, known, shipped)})"))
        except ChecklistError as error:
            failures += 1
            print(error.describe(), file=sys.stderr)
    return EXIT_FOUND if failures else EXIT_OK


def _validate_one(path: Path, known: set[str], shipped: Catalogue) -> str:
    """Check a platform file or an employer policy pack; say what it holds."""
    from app.checklists.loader import load_platform_file, parse_toml, read_text
    from app.checklists.policy import load_policy_pack

    if "policy" in parse_toml(read_text(path), path):
        return "policy pack: " + load_policy_pack(path, shipped, known).summary()
    platform = load_platform_file(path, known)
    return f"{platform.name}, {len(platform.items)} items"


def _run_policy(args: argparse.Namespace) -> int:
    from app.checklists.file_errors import ChecklistError

    footprint = open_app(data_home(), writes=args.policy_command != "list")
    try:
        if args.policy_command == "list":
            for pack in footprint.policy_packs:
                print(printable(f"{pack.path.name}: {pack.summary()}"))
            if not footprint.policy_packs:
                print("No employer policy packs are installed.")
        elif args.policy_command == "add":
            try:
                pack = footprint.install_policy_pack(args.file)
            except ChecklistError as error:
                print(error.describe(), file=sys.stderr)
                raise UserError("the policy pack was not installed") from None
            print(printable(f"Installed {pack.path.name}: {pack.summary()}"))
        else:
            try:
                removed = footprint.remove_policy_pack(args.name)
            except FileNotFoundError as error:
                raise UserError(str(error)) from None
            print(f"Removed {removed.name}")
    finally:
        footprint.close()
    return EXIT_OK


def _run_due(args: argparse.Namespace) -> int:
    footprint = open_app(data_home())
    try:
        report = footprint.due_report()
        damaged = footprint.damage_notice() is not None  # printed by open_app, until read
    finally:
        footprint.close()
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    else:
        print(report.as_text())
    if damaged:
        return EXIT_ERROR
    return EXIT_FOUND if report.entries else EXIT_OK


def _run_reminders(args: argparse.Namespace) -> int:
    footprint = open_app(data_home())
    try:
        if footprint.profile() is None:
            raise UserError("Footprint is not set up yet: start the app and choose your platforms")
        calendar = footprint.reminders_calendar()
    finally:
        footprint.close()
    try:
        write_owner_only(args.ics, calendar.data)
    except OSError as error:
        raise UserError(f"cannot write {args.ics}: {error.strerror}") from None
    for note in calendar.notes():
        print(f"Note: {printable(note)}")
    print(f"Wrote re-check reminders to {args.ics}")
    return EXIT_OK


def _run_demo(args: argparse.Namespace) -> int:
    import os
    import tempfile

    require_shipped_data()
    if os.environ.get(HOME_ENV):
        home = DataHome(default_data_home())
    else:
        home = DataHome(Path(tempfile.mkdtemp(prefix="footprint-demo-")))
    footprint = open_app(home, writes=True)
    try:
        if footprint.history():
            raise UserError(f"{home.root} already holds audits; the demo needs an empty data home")
        footprint.write_demo_data()
    finally:
        footprint.close()
    print(f"Demo data written to {home.root}")
    if args.no_gui:
        return EXIT_OK
    return _run_gui(args, home)
