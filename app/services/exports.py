"""The import as the app and the CLI run it: read (off the UI thread), then save.

`read_export_and_checks` is pure and slow (archive, parsing, hashing) and is what the dialog's
worker thread runs; `save_import` is the quick database part on the caller's thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.audit.records import PendingReview, RemovalCheck
from app.exports.archive import Monitor
from app.exports.errors import NothingUsableError
from app.exports.findings import ExportFindings
from app.exports.reader import read_export
from app.exports.recording import ImportOutcome, record_import, removal_checks, review_to_save

if TYPE_CHECKING:
    from app.checklists.model import Catalogue
    from app.storage.store import Store


def read_export_and_checks(
    path: Path,
    now: datetime,
    pending: Sequence[PendingReview],
    *,
    expected: str | None = None,
    monitor: Monitor | None = None,
) -> tuple[ExportFindings, tuple[RemovalCheck, ...]]:
    """Read the export and compare it with earlier reviews; raises ExportError."""
    findings = read_export(path, now, expected=expected, monitor=monitor)
    if not findings.has_anything:
        notes = " ".join(findings.notes)
        raise NothingUsableError(
            f"This {findings.platform_name} export holds no settings or connections Footprint "
            f"can read. {notes} Nothing was imported.".replace("  ", " ")
        )
    if monitor is not None:
        monitor.check()
    return findings, removal_checks(findings, pending)


def save_import(
    store: Store,
    catalogue: Catalogue,
    findings: ExportFindings,
    checks: tuple[RemovalCheck, ...],
    now: datetime,
) -> ImportOutcome:
    """Record what was read: answers, counts and removal checks, in one transaction."""
    return record_import(store, findings, catalogue, store.history(), checks, now)


def import_export(
    store: Store, catalogue: Catalogue, path: Path, now: datetime, expected: str | None = None
) -> ImportOutcome:
    """Read and save in one go (the CLI)."""
    findings, checks = read_export_and_checks(path, now, store.pending_reviews(), expected=expected)
    return save_import(store, catalogue, findings, checks, now)


def save_review(
    store: Store, findings: ExportFindings, marked_keys: set[str], now: datetime
) -> int:
    """Save a friend-list review: counts, and hashes of the marked people until removed."""
    return store.save_connection_review(review_to_save(findings, marked_keys, now))
