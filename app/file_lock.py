"""An exclusive lock on a file, held by the operating system for this process.

The system releases it when the process ends, however it ends — so a lock left by a crash
is simply free again, and nothing has to guess whether a lock file is stale. `fcntl.flock`
on macOS and Linux, `msvcrt.locking` on Windows (the two ways the `filelock` package uses).
The lock file itself is left in place: removing it while another process waits on it would
let two processes hold "the" lock at once.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

POLL_S = 0.05  # how often a waiting process looks again


class FileLock:
    """An exclusive, non-reentrant lock on `path` (created owner-only if missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock now."""
        return self._descriptor is not None

    def acquire(self, timeout_s: float = 0.0) -> bool:
        """Take the lock, waiting up to `timeout_s` seconds for its holder; False if not.

        Raises OSError if the lock file cannot be created or opened."""
        if self._descriptor is not None:
            return True
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout_s
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                os.close(descriptor)
                return False
            time.sleep(POLL_S)
        self._descriptor = descriptor
        return True

    def release(self) -> None:
        """Let the lock go (safe to call when it is not held)."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None:
            _unlock(descriptor)
            os.close(descriptor)

    def __enter__(self) -> FileLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        os.lseek(descriptor, 0, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # one byte: the lock's token
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
