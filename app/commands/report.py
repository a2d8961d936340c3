"""`footprint report --out FILE.pdf [--run ID] [--paper a4|letter] [--notes]`, headless.

Module level stays light (argparse only): `build_parser()` runs for every command, and Qt
is only imported once a report is actually written.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
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
        help="write the supervision report of an audit as a PDF",
        description="Write the supervision report of your latest finished audit (or of --run "
        "ID) as a PDF to bring to supervision.",
    )
    report.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF to write")
    report.add_argument("--run", type=int, metavar="ID", help="audit number (default: latest)")
    report.add_argument("--paper", choices=PAPERS, default="a4", help="paper size (default: a4)")
    report.add_argument("--notes", action="store_true", help="include your notes on items")


def run_report(args: argparse.Namespace) -> int:
    """Write the report PDF; user errors are raised as app.cli.UserError (exit 2).

    Returns:
        0 once the PDF is written; its path is printed.
    """
    from app.report.content import ReportError

    out: Path = args.out.expanduser()
    _check_destination(out)
    footprint = open_app(data_home())
    try:
        report = footprint.report(run_id=args.run, include_notes=args.notes)
    except ReportError as error:
        raise UserError(str(error)) from None
    finally:
        footprint.close()
    pages = _write(report, out, args.paper)
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
