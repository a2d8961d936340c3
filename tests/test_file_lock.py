"""The data home's lock: one holder at a time, and a planted symbolic link is refused."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.file_lock import FileLock


def test_a_second_claim_waits_and_fails_while_the_first_holds(tmp_path: Path) -> None:
    first, second = FileLock(tmp_path / "x.lock"), FileLock(tmp_path / "x.lock")
    assert first.acquire()
    assert not second.acquire(0.1)
    assert first.acquire()  # taking a lock one already holds is a no-op ...
    first.release()  # ... so one release lets it go
    assert not first.held
    assert second.acquire()
    second.release()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_lock_file_is_created_owner_only(tmp_path: Path) -> None:
    with FileLock(tmp_path / "x.lock") as lock:
        assert lock.acquire()
        assert (tmp_path / "x.lock").stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX links")
@pytest.mark.parametrize("target_exists", [True, False])
def test_a_symbolic_link_at_the_locks_name_is_refused_not_followed(
    tmp_path: Path, target_exists: bool
) -> None:
    # CVE-2025-68146 / CVE-2026-22701: a link planted where the lock file goes must not make
    # Footprint open, create or lock the file it points at.
    victim = tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir()
    if target_exists:
        victim.write_text("precious", encoding="utf-8")
    (tmp_path / "footprint.lock").symlink_to(victim)
    lock = FileLock(tmp_path / "footprint.lock")
    with pytest.raises(OSError):
        lock.acquire()
    assert not lock.held
    if target_exists:
        assert victim.read_text(encoding="utf-8") == "precious"
    else:
        assert not victim.exists()
