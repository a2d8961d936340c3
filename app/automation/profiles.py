"""One browser profile per platform in the data home, so a sign-in persists between audits.

The folders are owner-only (0700), like the data home: they hold the platform's cookies.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger(__name__)
# A new profile starts with the browser's password saving off: Footprint fills the login form
# from the keyring, and the password should not end up in a second store as well.
NEW_PROFILE_PREFERENCES = {
    "credentials_enable_service": False,
    "profile": {"password_manager_enabled": False},
}


class BrowserProfiles:
    """The browser profile folders below `root`, one per platform."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, platform_id: str) -> Path:
        """The platform's profile folder, created owner-only if it is new."""
        path = self.root / platform_id
        old_umask = os.umask(0o077)  # first, so the folder is never briefly readable by others
        try:
            if not path.exists():
                _write_new_profile(path)
        finally:
            os.umask(old_umask)
        for folder in (self.root, path):
            os.chmod(folder, 0o700)
        return path

    def has_sign_in(self, platform_id: str) -> bool:
        """True if the platform has a profile, so a sign-in may be kept in it."""
        return (self.root / platform_id).is_dir()

    def forget(self, platform_id: str) -> bool:
        """Delete the platform's profile (its cookies and sign-in); True if there was one."""
        path = self.root / platform_id
        if not path.exists():
            return False
        shutil.rmtree(path)
        log.info("browser profile for %s deleted", platform_id)
        return True


def _write_new_profile(path: Path) -> None:
    (path / "Default").mkdir(parents=True)
    preferences = json.dumps(NEW_PROFILE_PREFERENCES)
    (path / "Default" / "Preferences").write_text(preferences, encoding="utf-8")
