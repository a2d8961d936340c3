"""The composition root: the data home, clock, catalogue and store, wired once at start-up.

`Footprint` is what the windows and the commands receive (through their constructors): every
use case is a method here that hands the right dependencies to a service in `app.services`.
Nothing outside `app.storage` and this module touches the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.audit.profile import WorkerProfile
from app.audit.reminders import DueReport
from app.audit.run import AuditRun
from app.audit.session import AuditSession
from app.audit.stored import AllData
from app.checklists.codes import CodeBook, load_code_book
from app.checklists.file_errors import ChecklistError
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.checklists.model import Catalogue
from app.checklists.policy import PolicyPack
from app.clock import Clock
from app.file_lock import FileLock
from app.paths import DataHome, write_owner_only
from app.services import audits, dashboard
from app.services.audits import AuditStart
from app.services.dashboard import DashboardView
from app.services.policy_packs import apply_installed_packs
from app.storage.database import DatabaseStatus, acknowledge_damage, prepare_database
from app.storage.errors import DatabaseError
from app.storage.store import Store

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from app.audit.records import ConnectionReviewRecord
    from app.audit.watch import Drift, WatchChoice, WatchPolicy
    from app.downloads.findings import ExportFindings
    from app.downloads.recording import ImportOutcome, ImportPreview
    from app.report.content import ReportScope, SupervisionReport
    from app.services.data_deletion import DeletionReport
    from app.services.downloads import ExportRead, ReadInputs, SavedReview
    from app.services.reminder_calendar import ReminderCalendar
    from app.services.watch_runs import WatchedLook, WatchPlan, WatchRun, WatchStatus
    from app.stranger.evidence import OutsideEvidence, SeenFinding
    from app.stranger.look import OutsideConfig, StrangerRequest
    from app.stranger.use_cases import AddressField
    from app.stranger.view import StrangerView, WorkerTerms

log = logging.getLogger(__name__)


@dataclass
class Footprint:
    """The application as the windows and the commands see it."""

    home: DataHome
    clock: Clock
    catalogue: Catalogue
    catalogue_errors: tuple[ChecklistError, ...]
    codes: CodeBook
    database: DatabaseStatus
    shipped: Catalogue
    policy_packs: tuple[PolicyPack, ...] = ()
    _store: Store | None = field(default=None, repr=False)
    _lock: FileLock | None = field(default=None, repr=False)
    _clock_warnings: tuple[str, ...] = field(default=(), repr=False)

    @property
    def store(self) -> Store:
        """The database; services receive it, windows never do."""
        if self._store is None:
            self._store = Store(self.home.database)
        return self._store

    def close(self) -> None:
        """Release the database engine and the data home's lock (safe to call twice)."""
        self._close_store()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def hold_until_closed(self, lock: FileLock) -> None:
        """Keep the data home's lock (taken to change the data) until `close()`."""
        self._lock = lock

    # -- audit definitions -------------------------------------------------------------------
    def reload_catalogue(self) -> None:
        """Load the audits again, after a policy pack was added or removed."""
        full, shipped, packs, errors = load_full_catalogue(self.home, self.codes)
        self.catalogue, self.shipped, self.policy_packs, self.catalogue_errors = (
            full, shipped, packs, errors
        )  # fmt: skip

    def check_policy_pack(self, source: Path) -> PolicyPack:
        """Check a pack completely without installing it; raises ChecklistError."""
        from app.checklists.policy import load_policy_pack

        return load_policy_pack(source, self.shipped, set(self.codes.known_ids()))

    def install_policy_pack(self, source: Path) -> PolicyPack:
        """Check a pack completely, copy it into the data home and load it; ChecklistError."""
        from app.services.policy_packs import install_pack

        pack = install_pack(self.home, source, self.shipped, set(self.codes.known_ids()))
        self.reload_catalogue()
        return pack

    def remove_policy_pack(self, name: str) -> Path:
        """Remove an installed pack by its file name; FileNotFoundError if there is none."""
        from app.services.policy_packs import remove_pack

        removed = remove_pack(self.home, name)
        self.reload_catalogue()
        return removed

    # -- what the windows show ---------------------------------------------------------------
    def dashboard(self) -> DashboardView:
        """The overview, from one read of the database."""
        now = self.clock.now()
        view = dashboard.dashboard_view(self.store.dashboard_data(now), self.catalogue, now)
        self._clock_warnings = view.clock_warnings  # shown among the notices
        return view

    def notices(self) -> list[str]:
        """Problems to show on the overview: a damaged database, audit files that failed,
        checks dated in the future (as found by the latest `dashboard()`)."""
        found = [error.describe() for error in self.catalogue_errors]
        if notice := self.database.notice():
            found.insert(0, notice)
        return [*found, *self._clock_warnings]

    def damage_notice(self) -> str | None:
        """The damaged-database notice the worker has not acknowledged yet, if any."""
        return self.database.notice()

    def acknowledge_damage(self) -> None:
        """The worker has read the damaged-database notice: stop showing it, everywhere."""
        acknowledge_damage(self.home.database)
        self.database = replace(self.database, damage_records=())

    @staticmethod
    def sentence_for(error: BaseException) -> str | None:
        """The worker's own sentence for a problem with the database (a full disk, a lock
        held too long, a disk error), as the commands print it; None for anything else."""
        return str(error) if isinstance(error, DatabaseError) else None

    def profile(self) -> WorkerProfile | None:
        """The worker's profile, or None before onboarding."""
        return self.store.profile()

    def history(self) -> list[AuditRun]:
        """Every audit with its answers, oldest first."""
        return self.store.history()

    def all_data(self) -> AllData:
        """Everything stored, in one read: for the history window."""
        return self.store.all_data()

    def due_report(self) -> DueReport:
        """Platforms due a re-check or drifted (what `footprint due` prints)."""
        return dashboard.due_report(self.dashboard())

    def report(self, scope: ReportScope | None = None) -> SupervisionReport:
        """The supervision report now; raises app.report.content.ReportError."""
        from app.report.content import ReportScope
        from app.services.reports import supervision_report

        scope = scope or ReportScope()
        return supervision_report(self.store, self.catalogue, self.codes, self.clock.now(), scope)

    def record_report(self, report: SupervisionReport) -> None:
        """Remember that the worker saved or printed `report` (for "since the previous
        report"); nothing of its content is stored."""
        self.store.record_report(report.created_at, report.period.start, report.run_id)

    def previous_report_date(self) -> datetime | None:
        """When the worker last saved or printed a report of the current state."""
        made = [r for r in self.store.reports_made() if r.run_id is None]
        return made[-1].made_at if made else None

    def completed_audits(self) -> list[AuditRun]:
        """Finished audits, newest first: the choices for a report of one audit."""
        runs = [run for run in self.store.history() if run.completed_at is not None]
        return sorted(runs, key=lambda run: run.completed_at or run.started_at, reverse=True)

    def reminders_calendar(self) -> ReminderCalendar:
        """An iCalendar file with a recurring re-check event per platform."""
        from app.services.reminder_calendar import reminders_calendar

        return reminders_calendar(self.dashboard().overviews, self.clock.now())

    def save_reminders_calendar(self, path: Path) -> list[str]:
        """Write the re-checks calendar (one event a platform, each with an alarm) to `path`,
        readable by the worker only; what to tell the worker about it. OSError if it cannot
        be written."""
        calendar = self.reminders_calendar()
        write_owner_only(path, calendar.data)
        return calendar.notes()

    # -- the worker's details ----------------------------------------------------------------
    def save_profile(self, profile: WorkerProfile) -> None:
        """Save the worker's details and platforms."""
        self.store.save_profile(profile, self.clock.now())

    def snooze(self, platform_id: str, days: int) -> None:
        """Silence a platform's reminder for `days` days (0: remind again now)."""
        until = self.clock.now() + timedelta(days=days) if days else None
        self.store.snooze(platform_id, until)

    # -- what a stranger sees ----------------------------------------------------------------
    def public_address_fields(self) -> list[AddressField]:
        """Settings' "Your public profiles": one field per platform with a public page."""
        from app.stranger.use_cases import address_fields

        return address_fields(self.catalogue, self.profile(), self.store.public_addresses())

    def save_public_addresses(self, typed: dict[str, str]) -> dict[str, str]:
        """Save the worker's public addresses in their public form; the problems by platform
        instead (nothing saved) if any cannot be used."""
        from app.stranger.use_cases import save_addresses

        return save_addresses(self.store, typed)

    def stranger_look(self) -> tuple[list[StrangerRequest], WorkerTerms]:
        """What a stranger's look needs, read here on the UI thread before the job starts."""
        from app.stranger.use_cases import stranger_requests, worker_terms

        requests = stranger_requests(self.catalogue, self.store.public_addresses())
        return requests, worker_terms(self.profile())

    def record_stranger_views(self, views: list[StrangerView]) -> list[SeenFinding]:
        """Keep a look's findings (never the pages): each platform seen replaces its own."""
        from app.stranger.use_cases import record_views

        return record_views(self.store, views)

    def outside_evidence(self) -> dict[tuple[str, str], OutsideEvidence]:
        """The latest stranger's-view evidence beside the audit's items."""
        from app.stranger.use_cases import outside_evidence

        return outside_evidence(self.store, self.catalogue, self.clock.now())

    # -- the watch (opt-in, signed-out looks on a schedule) ----------------------------------
    def watch_choice(self) -> WatchChoice:
        """Whether the worker has turned the signed-out watch on (off until chosen)."""
        return self.store.watch_choice()

    def choose_watch(self, signed_out: bool) -> None:
        """Turn the signed-out watch on or off (Settings, `footprint watch --enable`)."""
        from app.services.watch_runs import choose

        choose(self.store, signed_out, self.clock.now())

    def watch_status(self) -> WatchStatus:
        """What is watched, when each platform was last and will next be looked at, why any
        is paused, and drift not yet confirmed."""
        from app.services.watch_runs import status

        return status(self.store, self.catalogue, self.clock.now())

    def run_watch(
        self,
        config: OutsideConfig,
        *,
        policy: WatchPolicy | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> WatchRun:
        """Run the looks that are due (signed out), keeping each as it finishes."""
        from app.services.watch_runs import run_due
        from app.stranger.use_cases import worker_terms

        terms = worker_terms(self.profile())
        return run_due(self.store, self.catalogue, config, terms, policy=policy,
                       cancelled=cancelled)  # fmt: skip

    def watch_plan(self, policy: WatchPolicy | None = None) -> tuple[WatchPlan, WorkerTerms]:
        """The looks due now and the worker's terms, read on the UI thread before a job
        looks (nothing due while the watch is off)."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_runs import plan
        from app.stranger.use_cases import worker_terms

        chosen = policy or WatchPolicy()
        return plan(self.store, self.catalogue, self.clock.now(), chosen), worker_terms(
            self.profile()
        )

    def keep_watched_look(
        self, watch_plan: WatchPlan, view: StrangerView, policy: WatchPolicy | None = None
    ) -> WatchedLook:
        """Keep one finished look of the watch at once (on the UI thread, as it arrives)."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_runs import keep_look

        return keep_look(self.store, watch_plan, view, policy or WatchPolicy())

    def finish_watch(
        self,
        watch_plan: WatchPlan,
        looks: list[WatchedLook],
        *,
        stopped: bool = False,
        policy: WatchPolicy | None = None,
    ) -> WatchRun:
        """After a run's browser closed: pause what was not looked at if offline; the run."""
        from app.audit.watch import WatchPolicy
        from app.services.watch_runs import finish

        chosen = policy or WatchPolicy()
        return finish(self.store, self.catalogue, watch_plan, looks, self.clock.now(), chosen,
                      stopped=stopped)  # fmt: skip

    def watched_drift(self) -> list[Drift]:
        """Drift the watch saw that the worker has not confirmed yet (the overview's banner)."""
        from app.services.watch_runs import unconfirmed_drift

        return unconfirmed_drift(self.store)

    def watched_drift_history(self) -> list[Drift]:
        """Everything the watch ever saw slide back, confirmed or not (for the history)."""
        return self.store.watch_drift()

    def confirm_watched_drift(self, drift_id: int) -> None:
        """The worker has seen this drift; answering the item is still theirs to do."""
        from app.services.watch_runs import confirm

        confirm(self.store, drift_id, self.clock.now())

    # -- audits ------------------------------------------------------------------------------
    def start_audit(self, platform_ids: tuple[str, ...], view: DashboardView) -> AuditStart:
        """A new audit of these platforms; `view` is the overview it was started from."""
        return audits.start_audit(platform_ids, self.catalogue, self.store, self.clock, view.runs)

    def resume_audit(self, view: DashboardView) -> AuditStart | None:
        """The unfinished audit shown in `view`, if there is one."""
        if view.open_run is None:
            return None
        return audits.resume_audit(view.open_run, self.catalogue, self.store, self.clock, view.runs)

    def mark_fixed(self, platform_id: str, item_id: str, view: DashboardView) -> bool:
        """ "I fixed it" from the overview's to-do list: a dated fix in the run that holds the
        item's current answer; False if the item is not on `view`'s to-do list."""
        run = dashboard.run_holding(view, view.runs, platform_id, item_id)
        if run is None and dashboard.on_to_do(view, platform_id, item_id):
            # The answer sits in a run older than the ones the overview reads (a platform
            # re-checked since without answering this item): look through the whole history.
            run = dashboard.run_holding(view, self.store.history(), platform_id, item_id)
        if run is None:
            return False
        AuditSession(run, self.catalogue, self.store, self.clock).mark_fixed(platform_id, item_id)
        return True

    def discard_audit(self, run_id: int) -> bool:
        """Throw away an unfinished audit and every answer given in it (a finished audit is
        history and stays); True if it was discarded."""
        return self.store.discard_run(run_id)

    # -- data exports and friend-list reviews ------------------------------------------------
    def reading_inputs(self) -> ReadInputs:
        """Earlier reviews and the review key, read here (the GUI thread) before a worker
        thread reads an export."""
        from app.services.downloads import reading_inputs

        return reading_inputs(self.store)

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

    def save_review(self, findings: ExportFindings, marked_keys: set[str]) -> SavedReview:
        """Save a friend-list review (counts; keyed hashes of the marked where a keyring is
        usable)."""
        from app.credentials import REVIEW_KEY_SERVICE
        from app.services.downloads import save_review

        saved = save_review(self.store, findings, marked_keys, self.clock.now())
        if marked_keys and not saved.by_hand:
            # The review key now lives in the keyring: "Delete all my data" must remove it.
            self.store.remember_keyring_entry(REVIEW_KEY_SERVICE, self.clock.now())
        return saved

    def confirm_removed(self, review_id: int) -> None:
        """The worker confirms everyone marked in a review was removed."""
        self.store.confirm_review_by_worker(review_id, self.clock.now())

    def connection_reviews(self) -> list[ConnectionReviewRecord]:
        """Every friend-list review, oldest first."""
        return self.store.connection_reviews()

    # -- sample data and deletion ------------------------------------------------------------
    def write_demo_data(self) -> None:
        """A sample profile and a year of audits (the data home must be empty)."""
        from app.services.demo import write_demo_data

        write_demo_data(self.store, self.catalogue, self.clock.now())

    def delete_all_files(self) -> DeletionReport:
        """Remove every file Footprint stored and start again with an empty database and the
        shipped audits only; then `forget_keyring_entries` with `keyring_services()` read
        before, off the UI thread."""
        from app.services.data_deletion import delete_files

        self._close_store()  # not close(): a command's lock on the data home is kept
        report = delete_files(self.home)
        self.database = prepare_database(self.home.database, self.clock.now())
        self.reload_catalogue()  # the employer packs went with the files
        return report

    # -- sign-in details in the keyring -------------------------------------------------------
    def keyring_services(self) -> list[str]:
        """The keyring entries Footprint recorded creating (names, never secrets)."""
        return self.store.keyring_services()

    def saved_sign_ins(self) -> set[str]:
        """Platforms whose sign-in details Footprint saved in the keyring."""
        from app.credentials import service_name

        recorded = set(self.keyring_services())
        return {p.id for p in self.catalogue.platforms if service_name(p.id) in recorded}

    def sign_in_saved(self, platform_id: str) -> None:
        """Record that the platform's details were saved in the keyring (after the save)."""
        from app.credentials import service_name

        self.store.remember_keyring_entry(service_name(platform_id), self.clock.now())

    def sign_in_forgotten(self, platform_id: str) -> None:
        """Record that the platform's keyring entry was deleted."""
        from app.credentials import service_name

        self.store.forget_keyring_entry(service_name(platform_id))


def load_shipped_catalogue(codes: CodeBook) -> tuple[Catalogue, tuple[ChecklistError, ...]]:
    """The audits shipped with Footprint, and the files that could not be loaded."""
    report = load_catalogue(shipped_audit_files(), set(codes.known_ids()))
    for error in report.errors:
        log.warning("audit file skipped: %s", error.describe())
    return report.catalogue, report.errors


def load_full_catalogue(
    home: DataHome, codes: CodeBook
) -> tuple[Catalogue, Catalogue, tuple[PolicyPack, ...], tuple[ChecklistError, ...]]:
    """Shipped audits plus installed employer packs: (full, shipped, packs, errors)."""
    shipped, errors = load_shipped_catalogue(codes)
    full, packs, pack_errors = apply_installed_packs(home, shipped, set(codes.known_ids()))
    for error in pack_errors:
        log.warning("policy pack skipped: %s", error.describe())
    return full, shipped, tuple(packs), (*errors, *pack_errors)


def open_footprint(home: DataHome, clock: Clock) -> Footprint:
    """Prepare the data home and database and load the audit definitions."""
    home.ensure()
    status = prepare_database(home.database, clock.now())
    codes = load_code_book()
    catalogue, shipped, packs, errors = load_full_catalogue(home, codes)
    return Footprint(home, clock, catalogue, errors, codes, status, shipped, packs)
