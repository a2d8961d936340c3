"""Where Footprint keeps its data: one owner-only folder, the "data home".

`FOOTPRINT_HOME` overrides the platform's user data folder (tests and the demo use it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Footprint"
HOME_ENV = "FOOTPRINT_HOME"


def default_data_home() -> Path:
    """The data home before any folder is created: FOOTPRINT_HOME or the platform's data dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataHome:
    """The files Footprint keeps, all below one root folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "footprint.db"

    @property
    def log_file(self) -> Path:
        return self.root / "footprint.log"

    @property
    def lock_file(self) -> Path:
        """Held by the open app, and briefly by commands that change the data."""
        return self.root / "footprint.lock"

    @property
    def policy_dir(self) -> Path:
        return self.root / "policy"

    @property
    def browser_profiles(self) -> Path:
        return self.root / "browser-profiles"

    def ensure(self) -> DataHome:
        """Create the folder owner-only (0700) and tighten it if it already exists."""
        # umask first, so nothing is ever briefly readable by others.
        old_umask = os.umask(0o077)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        finally:
            os.umask(old_umask)
        os.chmod(self.root, 0o700)
        return self


def data_home() -> DataHome:
    return DataHome(default_data_home())
