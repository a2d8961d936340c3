"""The facade's use cases of the platforms' data downloads: read, preview, save, review.

Reading an export is `Background` work: the archive is read off the UI thread, and so is the
review key (from the keyring); everything the database holds is read and written on the UI
thread, before and after.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.footprint.background import Background, Cancelled, Progress
from app.footprint.parts import Parts

if TYPE_CHECKING:
    from collections.abc import Collection
    from pathlib import Path

    from app.audit.records import ConnectionReviewRecord, ReviewToSave
    from app.downloads.findings import ExportFindings
    from app.downloads.recording import ImportOutcome, ImportPreview
    from app.services.downloads import ExportRead, ReadInputs, SavedReview


class DataDownloads(Parts):
    """Data downloads: reading one, the answers it gives, and friend-list reviews."""

    def reading_inputs(self) -> ReadInputs:
        """Earlier reviews and the review key in one call, on the calling thread (the CLI;
        the window's read gets the key on its own thread)."""
        from app.services.downloads import reading_inputs

        return reading_inputs(self.store)

    def read_export(self, path: Path, expected: str | None = None) -> Background[ExportRead]:
        """Read an export and compare it with earlier reviews, off the UI thread (progress
        reported, Cancel noticed); the earlier reviews are read here, the key in the work."""
        from app.services.downloads import pending_reviews

        inputs, now = pending_reviews(self.store), self.clock.now()

        def work(progress: Progress) -> ExportRead:
            from app.downloads.archive import Monitor
            from app.downloads.download_errors import ImportCancelled
            from app.services.downloads import read_export_and_checks, with_review_key

            monitor = Monitor(progress.progress, progress.cancelled)
            try:
                return read_export_and_checks(
                    path, now, with_review_key(inputs), expected=expected, monitor=monitor
                )
            except ImportCancelled:
                raise Cancelled from None

        return Background("read export", work, export_problem)

    def preview_import(self, read: ExportRead) -> ImportPreview:
        """The answers an export read gives, before the worker confirms them."""
        from app.services.downloads import preview

        return preview(read, self.catalogue, self.store.history())

    def save_import(self, read: ExportRead, chosen: Collection[str] | None = None) -> ImportOutcome:
        """Record an export read beforehand: the chosen answers (all when None) and counts."""
        from app.services.downloads import save_import

        return save_import(self.store, self.catalogue, read, self.clock.now(), chosen)

    def import_export(self, path: Path, expected: str | None = None) -> ImportOutcome:
        """Read an export and record it with every answer (the CLI); raises ExportError."""
        from app.services.downloads import import_export

        return import_export(self.store, self.catalogue, path, self.clock.now(), expected)

    def prepare_review(
        self, findings: ExportFindings, marked_keys: set[str]
    ) -> Background[ReviewToSave]:
        """A friend-list review made ready off the UI thread (the review key comes from the
        keyring, which may ask for its password); then `keep_review` saves it."""
        from app.services.downloads import review_for

        now = self.clock.now()
        return Background("review key", lambda _progress: review_for(findings, marked_keys, now))

    def keep_review(self, review: ReviewToSave) -> SavedReview:
        """Save a review `prepare_review` made (counts; keyed hashes where a keyring is
        usable), and remember the keyring entry it may have created."""
        from app.credentials import REVIEW_KEY_SERVICE
        from app.services.downloads import keep_review

        saved = keep_review(self.store, review)
        if review.marked_count and not saved.by_hand:
            # The review key now lives in the keyring: "Delete all my data" must remove it.
            self.store.remember_keyring_entry(REVIEW_KEY_SERVICE, self.clock.now())
        return saved

    def save_review(self, findings: ExportFindings, marked_keys: set[str]) -> SavedReview:
        """Make and save a review in one call, on the calling thread (the commands, tests)."""
        from app.services.downloads import review_for

        return self.keep_review(review_for(findings, marked_keys, self.clock.now()))

    def confirm_removed(self, review_id: int) -> None:
        """The worker confirms everyone marked in a review was removed."""
        self.store.confirm_review_by_worker(review_id, self.clock.now())

    def connection_reviews(self) -> list[ConnectionReviewRecord]:
        """Every friend-list review, oldest first."""
        return self.store.connection_reviews()


def export_problem(error: BaseException) -> str | None:
    """Archive problems are the worker's to know about, in the reader's own words."""
    from app.downloads.download_errors import ExportError

    return str(error) if isinstance(error, ExportError) else None
