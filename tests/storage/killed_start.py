"""Start Footprint's database in a child process that dies at a chosen step (the kill tests).

Where Python has a fork server (Linux, macOS), the child is forked from a server that has
already imported the database code, SQLAlchemy and Alembic, so each kill costs the
migration's own work, not a fresh interpreter's start and imports (~0.4 s of CPU, dozens of
kills a run). The child is still a process of its own that ends with `os._exit` at the step,
as a power cut or `kill -9` would end it; the test's process never forks itself (it runs Qt
threads). Elsewhere (Windows) the child is a fresh interpreter started with `-c`.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

# Imported here so that the fork server has them loaded before it forks a child.
from alembic import command  # noqa: F401
from alembic.script import ScriptDirectory  # noqa: F401
from sqlalchemy.exc import DBAPIError  # noqa: F401

from app.storage.crash_points import CRASH_ENV
from app.storage.database import prepare_database

ROOT = Path(__file__).resolve().parents[2]
STARTED_AT = datetime(2026, 3, 2, 9, tzinfo=UTC)
START_UP = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from app.storage.database import prepare_database
    prepare_database(Path(sys.argv[1]), datetime(2026, 3, 2, 9, tzinfo=UTC))
    """
)


def start_and_die_at(path: Path, step: str) -> int:
    """Start Footprint on `path` in a child that dies at `step`; its exit status."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        env = {**os.environ, CRASH_ENV: step}
        argv = [sys.executable, "-c", START_UP, str(path)]
        return subprocess.run(argv, cwd=ROOT, env=env, check=False).returncode
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    child = context.Process(target=_start_and_die_at, args=(str(path), step))
    child.start()
    child.join()
    assert child.exitcode is not None
    return child.exitcode


def _start_and_die_at(path: str, step: str) -> None:
    """In the child: the step to die at, then the database's start-up."""
    os.environ[CRASH_ENV] = step
    prepare_database(Path(path), STARTED_AT)
