"""`Footprint`: the data home, clock, catalogue and store, wired once at start-up.

`Footprint` is what the windows and the commands receive (through their constructors): every
use case is a method that hands the right dependencies to a service in `app.services` or to
the domain. The use cases of one area live in a module of their own (a base class here);
this module holds the parts, the overview, audits, reports, settings and deletion.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.audit.profile import WorkerProfile
from app.audit.reminders import DueReport
from app.audit.run import AuditRun
from app.audit.session import AuditSession
from app.audit.stored import AllData
from app.audit.watch import signed_out_notices
from app.checklists.codes import CodeBook, load_code_book
from app.checklists.file_errors import ChecklistError
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.checklists.model import Catalogue
from app.checklists.policy import PolicyPack
from app.clock import Clock
from app.file_lock import FileLock
from app.footprint.data_downloads import DataDownloads
from app.footprint.settings_reads import SettingsReads
from app.footprint.sign_ins import SignIns
from app.footprint.stranger_looks import StrangerLooks
from app.footprint.watching import WatchRuns
from app.paths import DataHome, write_owner_only
from app.services import audits, dashboard
from app.services.audits import AuditStart
from app.services.dashboard import DashboardView
from app.services.policy_packs import apply_installed_packs
from app.storage.database import DatabaseStatus, acknowledge_damage, prepare_database
from app.storage.errors import DatabaseError
from app.storage.store import Store

if TYPE_CHECKING:
    from app.report.content import ReportScope, SupervisionReport
    from app.services.data_deletion import DeletionReport
    from app.services.reminder_calendar import ReminderCalendar
    from app.services.reports import ReportChoices

log = logging.getLogger(__name__)


@dataclass
class Footprint(StrangerLooks, WatchRuns, SettingsReads, DataDownloads, SignIns):
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
    _signed_out: tuple[str, ...] = field(default=(), repr=False)

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
        data = self.store.dashboard_data(now)
        view = dashboard.dashboard_view(data, self.catalogue, now)
        self._clock_warnings = view.clock_warnings  # shown among the notices
        names = {p.id: p.name for p in self.catalogue.platforms}
        self._signed_out = tuple(signed_out_notices(data.signed_in_watches, names))
        return view

    def notices(self) -> list[str]:
        """Problems to show on the overview: a damaged database, audit files that failed,
        checks dated in the future (as found by the latest `dashboard()`), platforms the
        watch's signed-in re-read found signed out (also as found by the latest `dashboard()`)."""
        found = [error.describe() for error in self.catalogue_errors]
        if notice := self.database.notice():
            found.insert(0, notice)
        return [*found, *self._clock_warnings, *self._signed_out]

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

    def report(
        self, scope: ReportScope | None = None, data: AllData | None = None
    ) -> SupervisionReport:
        """The supervision report now (from `data` when the caller read it just before, as
        `report_choices` does); raises app.report.content.ReportError."""
        from app.report.content import ReportScope
        from app.services.reports import supervision_report

        scope, now = scope or ReportScope(), self.clock.now()
        return supervision_report(self.store, self.catalogue, self.codes, now, scope, data)

    def report_choices(self) -> ReportChoices:
        """What the report window offers (audits to cover, the previous report's date) and
        the one read they came from, for its first report."""
        from app.services.reports import report_choices

        return report_choices(self.store)

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

    # -- audits ------------------------------------------------------------------------------
    def start_audit(self, platform_ids: tuple[str, ...], view: DashboardView) -> AuditStart:
        """A new audit of these platforms; `view` is the overview it was started from."""
        now = self.clock.now()  # the new run starts now, or a moment later
        runs = self._runs_compared_with(view, {platform_id: now for platform_id in platform_ids})
        return audits.start_audit(platform_ids, self.catalogue, self.store, self.clock, runs)

    def resume_audit(self, view: DashboardView) -> AuditStart | None:
        """The unfinished audit shown in `view`, if there is one."""
        if view.open_run is None:
            return None
        runs = self._runs_compared_with(view, audits.check_times(view.open_run))
        return audits.resume_audit(view.open_run, self.catalogue, self.store, self.clock, runs)

    def runs_compared_with(self, view: DashboardView, run: AuditRun) -> Sequence[AuditRun]:
        """The runs in which `run`'s checks find "last time" (what slid back on the summary
        of an audit shown from `view`): `view`'s recent runs, or the whole history when
        `run` is older than them."""
        return self._runs_compared_with(view, audits.check_times(run))

    def _runs_compared_with(
        self, view: DashboardView, checked_at: Mapping[str, datetime]
    ) -> Sequence[AuditRun]:
        """The runs holding what checks made at `checked_at` (by platform) are compared with:
        `view`'s, which hold the recent checks only, or the whole history when an older check
        is compared with (an older audit resumed; see `audits.runs_to_compare`)."""
        return audits.runs_to_compare(view.runs, view.now, checked_at, self.store.history)

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
        records = audits.AuditRecords(self.store)
        AuditSession(run, self.catalogue, records, self.clock).mark_fixed(platform_id, item_id)
        return True

    def discard_audit(self, run_id: int) -> bool:
        """Throw away an unfinished audit and every answer given in it (a finished audit is
        history and stays); True if it was discarded."""
        return self.store.discard_run(run_id)

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
