"""Faults injected at the Store's writer, for the tests of what the worker is told."""

from __future__ import annotations

from typing import Any

import pytest


def disk_fills(monkeypatch: pytest.MonkeyPatch) -> None:
    """From the next writer on, the database cannot grow by a page: SQLite itself then says
    "database or disk is full" (SQLITE_FULL), as it does when the disk fills."""
    from sqlalchemy import event

    from app.storage import write_transactions

    real = write_transactions.write_engine

    def pinned(path: Any) -> Any:
        engine = real(path)

        @event.listens_for(engine, "connect")
        def _pin(dbapi_connection: Any, _record: Any) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        return engine

    monkeypatch.setattr(write_transactions, "write_engine", pinned)


def every_write_fails_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """From the next writer on, every INSERT, UPDATE or DELETE fails as SQLite fails on a full
    disk (for writes small enough to fit in a page that `disk_fills` leaves room in)."""
    import sqlite3

    from sqlalchemy import event

    from app.storage import write_transactions

    real = write_transactions.write_engine

    def failing(path: Any) -> Any:
        engine = real(path)

        @event.listens_for(engine, "before_cursor_execute")
        def _full(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
                error = sqlite3.OperationalError("database or disk is full")
                error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
                raise error

        return engine

    monkeypatch.setattr(write_transactions, "write_engine", failing)
