"""'Delete all my data': every file and keyring entry Footprint created, after confirmation."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass

from app import credentials
from app.paths import DataHome

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeletionReport:
    """What "Delete all my data" removed."""

    files: int
    folders: int
    keyring_entries: int


def delete_all_data(home: DataHome, platform_ids: Iterable[str]) -> DeletionReport:
    """Remove the database (with its backups and damaged copies), policy packs, browser
    profiles, the log, window settings and the keyring entries. The folder itself stays."""
    files = 0
    for path in home.root.glob(home.database.name + "*"):
        path.unlink()
        files += 1
    for path in (home.log_file, home.root / "Footprint" / "Footprint.ini"):
        if path.exists():
            path.unlink()
            files += 1
    folders = 0
    for folder in (home.policy_dir, home.browser_profiles):
        if folder.exists():
            shutil.rmtree(folder)
            folders += 1
    entries = len(credentials.forget_all(platform_ids))
    log.info("deleted all data: %s files, %s folders, %s keyring entries", files, folders, entries)
    return DeletionReport(files, folders, entries)
