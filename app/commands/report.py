"""`footprint report --out FILE.pdf [--run ID] [--paper a4|letter] [--notes]`, headless.

Module level stays light (argparse only): `build_parser()` runs for every command, and Qt
is only imported once a report is actually written.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.common import EXIT_OK, UserError, open_app
from app.paths import data_home

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

    from app.report.content import SupervisionReport

log = logging.getLogger(__name__)
PAPERS = ("a4", "letter")  # app.report.pdf.Paper values, without importing Qt here


def add_report_parser(subparsers: Any) -> None:
    """Add the `report` command to the CLI's subparsers."""
    report = subparsers.add_parser(
        "report",
        help="write the supervision report as a PDF",
        description="Write the supervision report as a PDF to bring to supervision: the current "
        "state of every platform you use (each platform's latest finished check), what slid back "
        "since your previous report (or --since DATE), and what is outstanding. --run ID reports "
        "one audit instead.",
    )
    report.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF to write")
    report.add_argument(
        "--run", type=int, metavar="ID", help="report this one audit instead of the current state"
    )
    report.add_argument(
        "--since",
        type=_date,
        metavar="YYYY-MM-DD",
        help="show what slid back since this date (default: since your previous report)",
    )
    report.add_argument("--paper", choices=PAPERS, default="a4", help="paper size (default: a4)")
    report.add_argument("--notes", action="store_true", help="include your notes on items")
    report.add_argument(
        "--steps", action="store_true", help="add an appendix with the step-by-step fixes"
    )


def _date(text: str) -> datetime:
    """A YYYY-MM-DD date as the start of that day, local time."""
    try:
        day = datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-10-31") from None
    return day.astimezone()


def run_report(args: argparse.Namespace) -> int:
    """Write the report PDF; user errors are raised as app.cli.UserError (exit 2).

    Returns:
        0 once the PDF is written; its path is printed.
    """
    from app.report.content import ReportError, ReportScope

    out: Path = args.out.expanduser()
    _check_destination(out)
    footprint = open_app(data_home())
    scope = ReportScope(
        run_id=args.run, since=args.since, include_notes=args.notes, include_steps=args.steps
    )
    try:
        report = footprint.report(scope)
        pages = _write(report, out, args.paper)
        footprint.record_report(report)
    except ReportError as error:
        raise UserError(str(error)) from None
    finally:
        footprint.close()
    log.info("supervision report written, %d pages", pages)
    print(out.resolve())
    return EXIT_OK


def _check_destination(out: Path) -> None:
    """Refuse early what cannot work, before opening the database or starting Qt."""
    if out.suffix.lower() != ".pdf":
        raise UserError(f"the report is a PDF: give a file name ending in .pdf, not {out.name!r}")
    if out.is_dir():
        raise UserError(f"{out} is a folder; give a file name ending in .pdf")
    if not out.parent.is_dir():
        raise UserError(f"the folder {out.parent} does not exist")


def _write(report: SupervisionReport, out: Path, paper: str) -> int:
    from app.report.html import render_report
    from app.report.pdf import Paper, write_pdf

    application = ensure_gui_application()  # noqa: F841 - must live while the PDF is painted
    try:
        return write_pdf(render_report(report), out, Paper(paper))
    except OSError as failure:
        raise UserError(f"cannot write {out}: {failure.strerror or failure}") from None


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one for a command that shows no window.

    On Linux and other X11/Wayland systems the new one always uses the "offscreen" platform
    (unless QT_QPA_PLATFORM says otherwise): the report needs fonts, not a display, and the
    offscreen platform reads the same fontconfig fonts, while the default one aborts the
    process when DISPLAY is unset or stale (cron, ssh, a locked session). Windows and macOS
    keep their native platform, which always starts without a display and brings the
    system's own font database.
    """
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["footprint"])
