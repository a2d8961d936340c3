"""The transactions every write runs in: its own, or one around many (`one_transaction`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection

from app.storage.engines import write_engine


class WriteTransactions:
    """The engine over one SQLite file (already prepared) and its writes' transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine = write_engine(path)
        self._shared: Connection | None = None  # the open transaction of one_transaction()

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Every write inside goes into one transaction, committed at the end, or none of
        them if anything fails. Writing a year of sample data this way takes one commit
        instead of hundreds (each commit syncs the file to disk)."""
        if self._shared is not None:
            yield  # already inside one: it commits at its own end
            return
        with self._engine.begin() as connection:
            self._shared = connection
            try:
                yield
            finally:
                self._shared = None

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """A connection for one write: in its own transaction, or in one_transaction's."""
        if self._shared is None:
            with self._engine.begin() as connection:
                yield connection
        else:
            yield self._shared

    def close(self) -> None:
        """Dispose of the engine and its connections."""
        self._engine.dispose()
