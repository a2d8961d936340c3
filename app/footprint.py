"""The composition root: the data home, clock, catalogue and database, wired once at start-up.

Windows and commands receive this object instead of reaching for globals.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.audit.overview import PlatformOverview, overviews
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun
from app.checklists.codes import CodeBook, load_code_book
from app.checklists.errors import ChecklistError
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.checklists.model import Catalogue
from app.checklists.policy import PolicyPack
from app.clock import Clock
from app.paths import DataHome
from app.policy_packs import apply_installed_packs
from app.storage import reads
from app.storage.database import DatabaseStatus, prepare_database

if TYPE_CHECKING:
    from app.data_removal import RemovalReport
    from app.storage.repository import Repository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DashboardState:
    profile: WorkerProfile | None
    overviews: list[PlatformOverview]
    open_run: AuditRun | None


@dataclass
class Footprint:
    home: DataHome
    clock: Clock
    catalogue: Catalogue
    catalogue_errors: tuple[ChecklistError, ...]
    codes: CodeBook
    database: DatabaseStatus
    shipped: Catalogue
    policy_packs: tuple[PolicyPack, ...] = ()
    _repository: Repository | None = field(default=None, repr=False)

    def reload_catalogue(self) -> None:
        """Load the audits again, after a policy pack was added or removed."""
        full, shipped, packs, errors = load_full_catalogue(self.home, self.codes)
        self.catalogue, self.shipped, self.policy_packs, self.catalogue_errors = (
            full, shipped, packs, errors
        )  # fmt: skip

    def repository(self) -> Repository:
        """The write side, created on first use (it imports SQLAlchemy's ORM)."""
        if self._repository is None:
            from app.storage.repository import Repository

            self._repository = Repository(self.home.database)
        return self._repository

    def history(self) -> list[AuditRun]:
        return reads.load_history(self.home.database)

    def profile(self) -> WorkerProfile | None:
        return reads.load_profile(self.home.database)

    def overviews(self) -> list[PlatformOverview]:
        return self.dashboard().overviews

    def dashboard(self) -> DashboardState:
        """Profile, platform overviews and the unfinished audit, from one read of each."""
        data = reads.load_dashboard_data(self.home.database)
        profile = self.profile()
        rows = overviews(self.catalogue, data.runs, profile, self.clock.now(), data.newest)
        return DashboardState(profile, rows, data.open_run)

    def open_run(self) -> AuditRun | None:
        """The newest audit that was started and never completed."""
        return reads.load_dashboard_data(self.home.database).open_run

    def delete_all_data(self) -> RemovalReport:
        """Remove everything Footprint stored and start again with an empty database."""
        from app.data_removal import delete_all_data

        self.close()
        report = delete_all_data(self.home, self.catalogue.ids)
        self.database = prepare_database(self.home.database, self.clock.now())
        return report

    def close(self) -> None:
        if self._repository is not None:
            self._repository.close()
            self._repository = None


def load_shipped_catalogue(codes: CodeBook) -> tuple[Catalogue, tuple[ChecklistError, ...]]:
    report = load_catalogue(shipped_audit_files(), set(codes.clauses))
    for error in report.errors:
        log.warning("audit file skipped: %s", error.describe())
    return report.catalogue, report.errors


def load_full_catalogue(
    home: DataHome, codes: CodeBook
) -> tuple[Catalogue, Catalogue, tuple[PolicyPack, ...], tuple[ChecklistError, ...]]:
    """Shipped audits plus installed employer packs: (full, shipped, packs, errors)."""
    shipped, errors = load_shipped_catalogue(codes)
    full, packs, pack_errors = apply_installed_packs(home, shipped, set(codes.clauses))
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
