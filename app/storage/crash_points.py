"""Chosen places where start-up can be made to die, for the kill tests.

`FOOTPRINT_CRASH_AT` names one step: `statement:N` (right after the N-th SQL statement of a
migration), `backup` (the copy taken before an upgrade is written but not yet named),
`before-swap` (a new database is ready but not yet moved into place), `before-scrub` (an
upgrade is committed; from before 0004, its backup still holds the old hashes),
`before-vacuum` (the live database's free pages are not dropped yet), `scrub-copied` (a
backup from before 0004 is copied for scrubbing, nothing removed yet) or `scrub-done` (the
scrubbed copy is complete but has not replaced the backup). The process
then ends at once with CRASH_STATUS, as a power cut or `kill -9` would end it. Unset, as it
always is outside tests/storage/test_killed_migration.py, these checks cost one dictionary
lookup.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

CRASH_ENV = "FOOTPRINT_CRASH_AT"
CRASH_STATUS = 86
_STATEMENT = "statement:"


def crash_point(name: str) -> None:
    """Die here if the kill test asked for this step."""
    if os.environ.get(CRASH_ENV) == name:
        os._exit(CRASH_STATUS)


def crash_after_statements(engine: Any) -> None:
    """Make `engine` die after the N-th statement when asked for `statement:N`."""
    wanted = os.environ.get(CRASH_ENV, "")
    if not wanted.startswith(_STATEMENT):
        return
    from sqlalchemy import event

    limit = int(wanted.removeprefix(_STATEMENT))
    counter = itertools.count(1)

    @event.listens_for(engine, "after_cursor_execute")
    def _count(*_args: Any) -> None:
        if next(counter) >= limit:
            os._exit(CRASH_STATUS)
