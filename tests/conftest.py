"""Shared fixtures: offscreen Qt, a fresh data home, an in-memory keyring, a fixed clock."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _keep_bytecode_outside_the_checkout() -> None:
    """With PYTHONDONTWRITEBYTECODE set, every xdist worker and every `footprint` subprocess
    a test starts compiled the whole app (and pytest rewrote every test module) again: about a
    second of CPU each, hundreds of times a run. Their bytecode goes to one cache folder in
    .pytest_cache instead, which keeps the checkout as clean as the setting meant to."""
    if not sys.dont_write_bytecode:
        return  # Python keeps its usual __pycache__ folders
    cache = Path(__file__).resolve().parents[1] / ".pytest_cache" / "bytecode"
    sys.pycache_prefix = str(cache)
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = str(cache)  # for the subprocesses tests start
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


_keep_bytecode_outside_the_checkout()


import sqlite3  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import UTC, datetime  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402

from app.checklists.model import (  # noqa: E402
    Catalogue,
    Category,
    CheckItem,
    Concern,
    Platform,
    Severity,
)
from app.clock import FixedClock  # noqa: E402
from app.paths import HOME_ENV, DataHome  # noqa: E402
from app.storage import database  # noqa: E402
from tests.memory_keyring import MemoryKeyring  # noqa: E402

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
# The most any test waits for a condition or a signal: a ceiling for a busy machine. Waits end
# as soon as the condition holds, so a quiet machine never waits this long.
WAIT_MS = 60_000


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):  # noqa: ANN001, ANN202
    """Create pytest-qt's QApplication first, so commands run in-process (which would
    otherwise start a bare QGuiApplication for the report) share it, whatever the order."""
    return qapp


ROOT = Path(__file__).resolve().parents[1]
# How a test module, or a conftest.py above it, declares a fixture made once per module.
MODULE_SCOPED = 'scope="module"'


@functools.cache
def _shares_a_module_fixture(module_path: str) -> bool:
    """Whether the tests of this module (a path from the root) may share a module-scoped
    fixture: one declared in it or in a conftest.py of its folders. Read from the source, as
    xdist's controller never collects the tests; a false yes only keeps a module together."""
    path = ROOT / module_path
    sources = [path, *(folder / "conftest.py" for folder in path.parents if folder != ROOT)]
    # This file declares none (it only names the phrase), and is above every test module.
    here = Path(__file__).resolve()
    sources = [source for source in sources if source != here and source.is_file()]
    return any(MODULE_SCOPED in source.read_text(encoding="utf-8") for source in sources)


@pytest.hookimpl(optionalhook=True)  # an xdist hook: `-p no:xdist` still runs the tests
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """xdist's `loadscope` with each test its own scope, except in a module whose tests may
    share a module-scoped fixture (a browser per platform, a built wheel, a page server):
    that module runs whole on one worker, so the fixture is made once, not once on each
    worker that got some of its tests. (With pytest 9, `--dist loadgroup` no longer groups:
    xdist 3.8 renames a node id pytest no longer reads.) Larger scopes are handed out first,
    then single tests as workers free up."""
    from xdist.scheduler import LoadScopeScheduling

    class ByModuleWhereShared(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::")[0]
            return module if _shares_a_module_fixture(module) else nodeid

    return ByModuleWhereShared(config, log)


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataHome:
    """Every test gets its own data home, also through FOOTPRINT_HOME for subprocesses."""
    root = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(root))
    # Window settings too, until a test points them at its footprint's home: nothing a test
    # stores there reaches another test, whichever worker or order runs them.
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    return DataHome(root)


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a new database at the schema head, made once per session (and per xdist
    worker) by the real migrations."""
    path = tmp_path_factory.mktemp("template") / "footprint.db"
    path.touch(mode=0o600)
    database._migrate(path, None)
    with sqlite3.connect(path) as db:  # everything in the main file, nothing left in a -wal
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path.read_bytes()


@pytest.fixture(autouse=True)
def _new_databases_from_the_template(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new database is the session's migrated template copied into the file `_create` made,
    instead of running every migration again (~0.1 s a test on an idle machine). Everything
    else in preparing a database runs as it is; tests/storage, which tests creating and
    migrating itself, runs the migrations every time, as does a test marked
    `real_migrations`."""
    if Path(request.node.path).parent.name == "storage":
        return
    if request.node.get_closest_marker("real_migrations"):
        return
    template = request.getfixturevalue("migrated_database")
    real_migrate: Callable[..., None] = database._migrate

    def migrate(path: Path, revision: str | None, *, shown: Path | None = None) -> None:
        if revision is None and path.stat().st_size == 0:
            path.write_bytes(template)  # the file _create made, so its owner-only mode stays
        else:
            real_migrate(path, revision, shown=shown)

    monkeypatch.setattr(database, "_migrate", migrate)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


def make_item(item_id: str, severity: Severity = Severity.HIGH) -> CheckItem:
    return CheckItem(
        id=item_id,
        category=Category.ACCOUNT_PRIVACY,
        name=f"Title of {item_id}",
        goal=f"Goal of {item_id}",
        action=f"Fix {item_id}",
        why="Why it matters.",
        concerns=(Concern.FINDABILITY,),
        codes=("SSSC-5.7",),
        steps=("Open settings", "Turn it off"),
        safe="Off",
        open_url="https://example.invalid/settings",
        source="https://example.invalid/help",
        severity=severity,
    )


def make_platform(platform_id: str, item_ids: tuple[str, ...], recheck_days: int = 90) -> Platform:
    return Platform(
        id=platform_id,
        name=platform_id.title(),
        settings_url="https://example.invalid/settings",
        recheck_days=recheck_days,
        items=tuple(make_item(i) for i in item_ids),
    )


@pytest.fixture
def catalogue() -> Catalogue:
    return Catalogue(
        (
            make_platform("alpha", ("a1", "a2", "a3")),
            make_platform("beta", ("b1", "b2"), recheck_days=30),
        )
    )


@pytest.fixture
def jobs(qapp):  # noqa: ANN001, ANN201
    """The background-job runner the windows use; every job is ended before the test ends."""
    from app.ui.jobs import JobRunner

    runner = JobRunner()
    yield runner
    assert runner.shutdown(60_000), "a background job did not end"
