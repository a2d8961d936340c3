"""What every command shares: exit codes, the user-error type and opening the data home."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from app.clock import SystemClock
from app.file_lock import FileLock
from app.paths import DataHome

if TYPE_CHECKING:
    from app.footprint import Footprint

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
WRITER_WAIT_S = 5.0  # how long a command that changes the data waits for the open app
BUSY_HOME = (
    "Footprint is open for this data folder ({root}), or another Footprint command is "
    "changing it, so nothing was changed. Close Footprint (or wait for that command to "
    "finish) and try again."
)


class UserError(Exception):
    """Something the worker can fix; printed as a sentence, never as a traceback.

    `retry_may_help`: trying again later could work (a busy or unreadable database), so the
    desktop app offers Retry. `shown`: the app already showed it in a window."""

    def __init__(self, message: str, *, retry_may_help: bool = False) -> None:
        super().__init__(message)
        self.retry_may_help = retry_may_help
        self.shown = False


def require_shipped_data() -> None:
    """Stop with a sentence, before anything is written, if Footprint's own files are missing."""
    from app.resources import MissingDataError, shipped

    try:
        shipped().require()
    except MissingDataError as error:
        raise UserError(str(error)) from None


def open_app(home: DataHome, *, writes: bool = False) -> Footprint:
    """Prepare the data home, logging and database; UserError says what stopped it.

    `writes`: the command changes the data (a policy pack, an import, the demo), so it
    waits briefly for the open app's lock and refuses if it stays taken. Commands that only
    read (due, report, validate) run alongside the app."""
    from app.footprint import open_footprint
    from app.logs import configure_logging
    from app.storage.errors import DatabaseError

    require_shipped_data()
    try:
        home.ensure()
    except OSError as error:
        raise UserError(
            f"cannot use the data folder {home.root}: {error.strerror or error}",
            retry_may_help=True,
        ) from None
    configure_logging(home.log_file)
    lock = claim_for_writing(home) if writes else None
    try:
        footprint = open_footprint(home, SystemClock())
    except DatabaseError as error:
        if lock is not None:
            lock.release()
        raise UserError(str(error), retry_may_help=error.retry_may_help) from None
    if lock is not None:
        footprint.hold_until_closed(lock)
    if notice := footprint.database.notice():
        print(f"footprint: {notice}", file=sys.stderr)
    return footprint


def claim_for_writing(home: DataHome) -> FileLock:
    """The data home's lock, waited for briefly; UserError if the app keeps it."""
    lock = FileLock(home.lock_file)
    try:
        taken = lock.acquire(WRITER_WAIT_S)
    except OSError as error:
        raise UserError(
            f"cannot use the data folder {home.root}: {error.strerror or error}",
            retry_may_help=True,
        ) from None
    if not taken:
        raise UserError(BUSY_HOME.format(root=home.root), retry_may_help=True)
    return lock
