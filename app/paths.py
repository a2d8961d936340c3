"""Where Footprint keeps its data: one owner-only folder, the "data home".

`FOOTPRINT_HOME` overrides the platform's user data folder (tests and the demo use it). The
portable Windows build (its folder holds `footprint-portable.txt`) keeps its data in a
`Footprint data` folder beside itself, so data on a USB stick travels with the stick. A
folder named there is used as it is when it is missing, empty or already a data home; a
folder that holds other files (a Documents folder, a shared drive) is left as it is and
Footprint keeps its data in a `Footprint` folder inside it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Footprint"
HOME_ENV = "FOOTPRINT_HOME"
PORTABLE_MARKER = "footprint-portable.txt"  # beside Footprint.exe in the portable zip only
PORTABLE_FOLDER = "Footprint data"
# Names only Footprint puts in a data home: a folder holding one of them is a data home.
_HOME_FILES = ("footprint.db", "footprint.log", "footprint.lock", "footprint.startup-lock")
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


class HomeError(Exception):
    """A data home Footprint must not use; the message is a sentence for the worker."""


def default_data_home() -> Path:
    """The data home before any folder is created: FOOTPRINT_HOME or the platform's data dir.

    Raises HomeError when FOOTPRINT_HOME names a folder of other files whose `Footprint`
    folder also holds other files."""
    override = os.environ.get(HOME_ENV)
    if override:
        return _home_within(Path(override).expanduser().absolute())
    if portable := portable_data_home():
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def portable_data_home(executable: Path | None = None, frozen: bool | None = None) -> Path | None:
    """The portable build's data folder beside its programs; None for any other Footprint.

    The build workflow puts PORTABLE_MARKER only into the portable zip, never into an
    installed copy (issue 30: data started from a stick stayed on the PC)."""
    if not (bool(getattr(sys, "frozen", False)) if frozen is None else frozen):
        return None
    folder = Path(executable or sys.executable).absolute().parent
    return folder / PORTABLE_FOLDER if (folder / PORTABLE_MARKER).is_file() else None


def _home_within(chosen: Path) -> Path:
    if is_home_or_empty(chosen):
        return chosen
    inner = chosen / APP_NAME
    if is_home_or_empty(inner):
        return inner
    raise HomeError(
        f"{HOME_ENV} points at {chosen}, which holds other files, and {inner} holds other "
        f"files too. Point {HOME_ENV} at an empty folder (or at an existing Footprint folder)."
    )


def is_home_or_empty(folder: Path) -> bool:
    """True if `folder` is missing, empty, not a folder, or holds Footprint's own files."""
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except OSError:
        return True  # missing or not a folder: creating it says what is wrong, in a sentence
    return not names or any(
        name in _HOME_FILES or name.startswith("footprint.db") for name in names
    )


@dataclass(frozen=True)
class DataHome:
    """The files Footprint keeps, all below one root folder."""

    root: Path

    @property
    def database(self) -> Path:
        """The SQLite database."""
        return self.root / "footprint.db"

    @property
    def log_file(self) -> Path:
        """The app's log file."""
        return self.root / "footprint.log"

    @property
    def lock_file(self) -> Path:
        """Held by the open app, and briefly by commands that change the data."""
        return self.root / "footprint.lock"

    @property
    def policy_dir(self) -> Path:
        """Where installed employer policy packs are kept."""
        return self.root / "policy"

    @property
    def browser_profiles(self) -> Path:
        """The browser profiles of automatic reading, one per platform, which keep sign-ins."""
        return self.root / "browser-profiles"

    @property
    def window_settings(self) -> Path:
        """The window settings (INI): where Qt keeps them once app/ui/application.py points
        its user-scope INI files here, as <organisation>/<application>.ini, both "Footprint".
        They hold the window's place, choices such as reminders and the browser chosen, the
        typed town and draft notes of an unfinished audit."""
        return self.root / "Footprint" / "Footprint.ini"

    def ensure(self) -> DataHome:
        """Create the folder owner-only (0700); tighten it if it is already a data home.

        A folder that holds other files keeps its mode: it is not Footprint's to change."""
        ours = is_home_or_empty(self.root)
        with owner_only_files():  # so nothing is ever briefly readable by others
            self.root.mkdir(parents=True, exist_ok=True)
        if ours:
            os.chmod(self.root, 0o700)
        return self


def data_home() -> DataHome:
    """The data home to use (see `default_data_home`)."""
    return DataHome(default_data_home())


@contextmanager
def owner_only_files() -> Iterator[None]:
    """Files and folders created meanwhile — by Footprint or by a program it starts, such as
    the browser that reads settings — are readable by their owner only (umask 077).

    On Windows the mode bits mean little; privacy there comes from the per-user profile
    folder that holds the data home, and this changes nothing that could fail."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def write_owner_only(path: Path, data: bytes) -> None:
    """Write `data` to `path`, created readable by its owner only whatever the umask. (A file
    that already exists keeps its mode: it is the worker's own.)"""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
