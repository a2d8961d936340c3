"""The import as the app and the CLI run it: read (off the UI thread), then save.

`read_export_and_checks` is pure and slow (archive, parsing, hashing) and is what the dialog's
worker thread runs; `save_import` is the quick database part on the caller's thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.exports.archive import Monitor
from app.exports.errors import NothingUsableError
from app.exports.findings import ExportFindings
from app.exports.reader import read_export
from app.exports.recording import ImportOutcome, record_import, removal_checks, review_to_save
from app.exports.records import PendingReview, RemovalCheck

if TYPE_CHECKING:
    from datetime import datetime

    from app.footprint import Footprint


def pending_reviews(footprint: Footprint) -> list[PendingReview]:
    from app.storage import reads

    return reads.load_pending_reviews(footprint.home.database)


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
    footprint: Footprint, findings: ExportFindings, checks: tuple[RemovalCheck, ...]
) -> ImportOutcome:
    return record_import(
        footprint.repository(),
        findings,
        footprint.catalogue,
        footprint.history(),
        checks,
        footprint.clock.now(),
    )


def import_export(footprint: Footprint, path: Path, expected: str | None = None) -> ImportOutcome:
    """Read and save in one go (the CLI)."""
    now = footprint.clock.now()
    findings, checks = read_export_and_checks(
        path, now, pending_reviews(footprint), expected=expected
    )
    return save_import(footprint, findings, checks)


def save_review(footprint: Footprint, findings: ExportFindings, marked_keys: set[str]) -> int:
    review = review_to_save(findings, marked_keys, footprint.clock.now())
    return footprint.repository().save_connection_review(review)


def confirm_removed(footprint: Footprint, review_id: int) -> None:
    footprint.repository().confirm_review_by_worker(review_id, footprint.clock.now())
