"""`footprint import-export PATH [--platform ID]`: the GUI import without the friend review.

Exit codes: 0 imported, 1 nothing usable found (an HTML export, no known files), 2 a bad
archive (damaged, unsafe names, too large, another platform, an unknown format version).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_IMPORTED, EXIT_NOTHING_USABLE, EXIT_BAD_ARCHIVE = 0, 1, 2
PLATFORM_IDS = ("x", "instagram", "facebook", "linkedin", "tiktok", "snapchat")


def add_import_export_parser(commands: Any) -> None:
    """Add `import-export` to the CLI's subparsers (argparse only; the work is imported later)."""
    parser = commands.add_parser(
        "import-export",
        help="read a platform's data export (ZIP or folder) into your audit history",
        description="Read the data export a platform sent you (its ZIP file or unpacked folder), "
        "save the answers to the checklist items it shows (without asking: the app asks first), "
        "and print what was read, what was not understood and what to check by hand. Names of "
        "friends and followers are never saved; review them in the app.",
    )
    parser.add_argument("path", type=Path, help="the export's ZIP file or unpacked folder")
    parser.add_argument(
        "--platform", choices=PLATFORM_IDS, help="the platform it is from (default: detect)"
    )


def run_import_export(args: argparse.Namespace) -> int:
    """Import the export at `args.path` and print what was read; the exit code."""
    from app.commands.common import open_app
    from app.downloads.download_errors import BadArchiveError, NothingUsableError
    from app.downloads.summary import import_summary, summary_text
    from app.paths import data_home

    footprint = open_app(data_home(), writes=True)
    try:
        outcome = footprint.import_export(args.path.expanduser(), args.platform)
    except NothingUsableError as error:
        print(f"footprint: {error}", file=sys.stderr)
        return EXIT_NOTHING_USABLE
    except BadArchiveError as error:
        print(f"footprint: {error}", file=sys.stderr)
        return EXIT_BAD_ARCHIVE
    finally:
        footprint.close()
    sections = import_summary(
        outcome.preview, outcome.removal_checks, outcome.check_notes, outcome=outcome
    )
    print(summary_text(sections))
    return EXIT_IMPORTED
