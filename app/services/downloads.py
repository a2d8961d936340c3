"""The import as the app and the CLI run it: read (off the UI thread), preview, then save.

`read_export_and_checks` is pure and slow (archive, parsing, hashing): the dialog's worker
thread runs it with the earlier reviews read beforehand on the UI thread (`pending_reviews`)
and the review key read on the worker thread itself (`with_review_key`): the keyring is never
called on the UI thread, where a locked keyring asking for its password would freeze the
window. Saving a review is split the same way: `review_for` (keyring, off the UI thread), then
`keep_review` (database, on it). The dialog shows `preview` and saves only the answers the
worker confirms; the CLI, which has no window to freeze, calls the one-step functions.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import credentials
from app.audit.records import PendingReview, RemovalCheck, ReviewToSave
from app.downloads.archive import Monitor
from app.downloads.download_errors import NothingUsableError, UnknownFormatError
from app.downloads.findings import ExportFindings
from app.downloads.hashing import ReviewKey
from app.downloads.reader import read_export
from app.downloads.recording import (
    ImportOutcome,
    ImportPreview,
    preview_import,
    record_import,
    removal_checks,
    review_to_save,
)

if TYPE_CHECKING:
    from app.audit.run import AuditRun
    from app.checklists.model import Catalogue
    from app.storage.store import Store

NO_KEYRING = (
    "There is no usable system keyring on this computer, so Footprint keeps no way to "
    "recognise the people you marked: only how many. A later export cannot confirm they are "
    "gone; when you have removed them, press “I have removed them all” (here, or later in "
    "the import window)."
)


@dataclass(frozen=True)
class ReadInputs:
    """What reading needs from outside: earlier reviews and the review key (or None)."""

    pending: tuple[PendingReview, ...] = ()
    key: ReviewKey | None = field(default=None, repr=False)


@dataclass(frozen=True)
class ExportRead:
    """An export read and compared with earlier reviews; nothing saved yet."""

    findings: ExportFindings = field(repr=False)
    checks: tuple[RemovalCheck, ...]
    check_notes: tuple[str, ...]


@dataclass(frozen=True)
class SavedReview:
    """A saved friend-list review: its id, and whether removal must be confirmed by hand."""

    review_id: int
    by_hand: bool


def review_key(*, create: bool) -> ReviewKey | None:
    """The per-install review key from the system keyring (created on first use when
    `create`), or None where no keyring is usable."""
    secret = credentials.review_secret(create=create)
    return ReviewKey(secret) if secret is not None else None


def pending_reviews(store: Store) -> ReadInputs:
    """Earlier reviews awaiting removal, without the key (the database's part, on the UI
    thread); `with_review_key` adds the key off it."""
    return ReadInputs(tuple(store.pending_reviews()))


def with_review_key(inputs: ReadInputs) -> ReadInputs:
    """The inputs with the review key from the keyring, when there are reviews to check
    (off the UI thread: the keyring may ask for its password)."""
    return replace(inputs, key=review_key(create=False)) if inputs.pending else inputs


def reading_inputs(store: Store) -> ReadInputs:
    """Earlier reviews awaiting removal and the key to check them, in one call (the CLI)."""
    return with_review_key(pending_reviews(store))


def read_export_and_checks(
    path: Path,
    now: datetime,
    inputs: ReadInputs,
    *,
    expected: str | None = None,
    monitor: Monitor | None = None,
) -> ExportRead:
    """Read the export and compare it with earlier reviews; raises ExportError.

    An export with nothing usable is refused: with exit status 2 (UnknownFormatError) when
    some file was not understood (a layout Footprint does not know), else 1.
    """
    findings = read_export(path, now, expected=expected, monitor=monitor)
    if not findings.has_anything:
        raise _nothing_usable(findings)
    if monitor is not None:
        monitor.check()
    checks, notes = removal_checks(findings, inputs.pending, inputs.key)
    return ExportRead(findings, checks, notes)


def _nothing_usable(findings: ExportFindings) -> Exception:
    notes = " ".join(findings.notes)
    if findings.not_understood:
        files = "; ".join(note.describe() for note in findings.not_understood[:5])
        return UnknownFormatError(
            f"Footprint could not understand this {findings.platform_name} export: {files}. "
            f"{findings.platform_name} may have changed its export format. {notes} Nothing was "
            "imported.".replace("  ", " ")
        )
    return NothingUsableError(
        f"This {findings.platform_name} export holds no settings or connections Footprint "
        f"can read. {notes} Nothing was imported.".replace("  ", " ")
    )


def preview(read: ExportRead, catalogue: Catalogue, history: list[AuditRun]) -> ImportPreview:
    """What saving would record, for the worker to confirm."""
    return preview_import(read.findings, catalogue, history)


def save_import(
    store: Store,
    catalogue: Catalogue,
    read: ExportRead,
    now: datetime,
    chosen: Collection[str] | None = None,
) -> ImportOutcome:
    """Record the chosen answers (all when None), counts and removal checks, at once."""
    shown = preview_import(read.findings, catalogue, store.history())
    return record_import(store, shown, catalogue, read.checks, now, chosen, read.check_notes)


def import_export(
    store: Store, catalogue: Catalogue, path: Path, now: datetime, expected: str | None = None
) -> ImportOutcome:
    """Read and save in one go (the CLI: non-interactive, so every answer is saved)."""
    read = read_export_and_checks(path, now, reading_inputs(store), expected=expected)
    return save_import(store, catalogue, read, now)


def review_for(findings: ExportFindings, marked_keys: set[str], now: datetime) -> ReviewToSave:
    """A friend-list review ready to save: counts, and keyed hashes of the marked (the key
    comes from the keyring, created on first use: off the UI thread)."""
    key = review_key(create=True) if marked_keys else None
    return review_to_save(findings, marked_keys, now, key)


def keep_review(store: Store, review: ReviewToSave) -> SavedReview:
    """Save a review made by `review_for` (on the UI thread, with all database access)."""
    return SavedReview(store.save_connection_review(review), review.by_hand)


def save_review(
    store: Store, findings: ExportFindings, marked_keys: set[str], now: datetime
) -> SavedReview:
    """Save a friend-list review in one call: counts, and keyed hashes of the marked."""
    return keep_review(store, review_for(findings, marked_keys, now))
