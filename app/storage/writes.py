"""Writes, as SQLAlchemy Core statements over the declared tables (`tables.py`): each call is
one committed transaction, so nothing is lost, unless the caller asks for one transaction
around many (`Writer.one_transaction`). Used only through `Store`, which imports this module
on the first write (start-up never imports SQLAlchemy).

The writes are grouped by what they keep: `audit_writes` (audits, the profile, small
records), `watch_writes` (the watch and the stranger's view) and `review_writes` (data-export
imports and friend-list reviews), each over `write_transactions`.
"""

from __future__ import annotations

from app.storage.audit_writes import AuditWrites
from app.storage.review_writes import ReviewWrites
from app.storage.watch_writes import WatchWrites


class Writer(AuditWrites, WatchWrites, ReviewWrites):
    """Every write to one SQLite file (already prepared), each in its own transaction."""
