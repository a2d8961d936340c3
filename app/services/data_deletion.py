"""'Delete all my data': every file Footprint created, then the keyring entries it recorded.

The files go first, on the UI thread (quick); the keyring entries after, off it, because a
locked keyring may ask for its password. Only entries Footprint recorded creating are touched,
so a worker who never saved a sign-in never sees a keyring prompt.
"""

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
    """What "Delete all my data" removed from the data home."""

    files: int
    folders: int


def delete_files(home: DataHome) -> DeletionReport:
    """Remove the database (with its backups and damaged copies), policy packs, browser
    profiles, the log and the window settings. The folder itself stays."""
    files = 0
    for path in home.root.glob(home.database.name + "*"):
        path.unlink()
        files += 1
    for path in (home.log_file, home.window_settings):
        if path.exists():
            path.unlink()
            files += 1
    folders = 0
    for folder in (home.policy_dir, home.browser_profiles):
        if folder.exists():
            shutil.rmtree(folder)
            folders += 1
    log.info("deleted all data: %s files, %s folders", files, folders)
    return DeletionReport(files, folders)


def forget_keyring_entries(services: Iterable[str]) -> tuple[int, str | None]:
    """Delete the recorded keyring entries: (how many, why not all, if the keyring refused)."""
    removed, problem = credentials.forget_services(services)
    log.info("deleted %s keyring entries%s", removed, " (keyring refused)" if problem else "")
    return removed, problem
