"""An exclusive lock on a file, held by the operating system for this process.

The locking is the `filelock` package's: `flock` on macOS and Linux, `msvcrt.locking` on
Windows, so the system releases the lock when the process ends however it ends, and a lock
left by a crash is simply free again. Its maintainers also keep it safe against the tricks a
lock file invites (it opens the file with O_NOFOLLOW, so a symbolic link planted at the lock's
name is refused rather than followed: CVE-2025-68146, CVE-2026-22701). What stays here is the
shape the callers want: `acquire` answers True or False instead of raising on time-out, and
taking a lock this object already holds is a no-op rather than a second level of nesting.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import filelock


class FileLock:
    """An exclusive, non-reentrant lock on `path` (created owner-only if missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Not thread-local and not a per-path singleton: each FileLock is its own claim, as
        # two processes' would be (the tests hold a data home against the app that way).
        self._lock = filelock.FileLock(path, mode=0o600, thread_local=False, is_singleton=False)

    @property
    def held(self) -> bool:
        """Whether this object holds the lock now."""
        return self._lock.is_locked

    def acquire(self, timeout_s: float = 0.0) -> bool:
        """Take the lock, waiting up to `timeout_s` seconds for its holder; False if not.

        Raises OSError if the lock file cannot be created or opened (a symbolic link at its
        name included)."""
        if self._lock.is_locked:
            return True
        try:
            self._lock.acquire(timeout=timeout_s)
        except filelock.Timeout:
            return False
        return True

    def release(self) -> None:
        """Let the lock go (safe to call when it is not held)."""
        if self._lock.is_locked:
            self._lock.release(force=True)

    def __enter__(self) -> FileLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
