"""Replica sites on 127.0.0.1, a headless /usr/bin/chromium, short timeouts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app import credentials
from app.automation.browsers import BrowserChoice
from app.automation.config import AutomationConfig, Timeouts
from app.automation.engine import AutomationEngine
from app.automation.results import ReadResult
from app.automation.switches import UNSEEN_BROWSER, disable_features
from app.automation.urls import UrlMap
from app.checklists.codes import load_code_book
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.checklists.model import Catalogue, Platform
from app.clock import FixedClock
from tests.conftest import START
from tests.sites.replica import PASSWORD, USERNAME, ReplicaServer

CHROMIUM = Path("/usr/bin/chromium")
# No hidden omnibox popup, no spare renderer: ~0.5 s of CPU per window (switches.py).
TEST_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
    disable_features(*UNSEEN_BROWSER),
)  # fmt: skip
# Short enough to keep the suite quick, long enough for a busy two-core CI machine.
FAST = Timeouts(page=6.0, element=3.0, sign_in=4.0, poll=0.05, settle=0.1, settle_busy=1.0)
AUTOMATED = ("facebook", "instagram", "x", "linkedin")


@pytest.fixture(scope="session")
def shipped() -> Catalogue:
    return load_catalogue(shipped_audit_files(), set(load_code_book().known_ids())).catalogue


@pytest.fixture(scope="session")
def replica_server() -> Iterator[ReplicaServer]:
    server = ReplicaServer().start()
    yield server
    server.stop()


@pytest.fixture
def replica(replica_server: ReplicaServer, request: pytest.FixtureRequest) -> ReplicaServer:
    """The server with every account signed out, its settings safe and no failures set; with
    `keeps_sign_in`, a sign-in from an earlier test of the module still stands."""
    replica_server.reset(keep_sessions="keeps_sign_in" in request.fixturenames)
    return replica_server


@pytest.fixture
def keeps_sign_in() -> None:
    """For a test whose subject is not signing in (`usefixtures`): its read starts on the
    module browser's session from an earlier test, as a later audit does on the profile's, and
    signs in only when there is none. (Signing in at every test cost a second or two each.)"""


@pytest.fixture
def saved_credentials(memory_keyring) -> None:
    for platform_id in AUTOMATED:
        credentials.save(platform_id, credentials.Credential(USERNAME, PASSWORD))


def make_config(server: ReplicaServer, profiles: Path, **changes: object) -> AutomationConfig:
    config = AutomationConfig(
        browser=BrowserChoice("Chromium", CHROMIUM),
        profiles_root=profiles,
        urls=UrlMap(server.url_map()),
        timeouts=FAST,
        headless=True,
        args=TEST_ARGS,
        clock=FixedClock(START),
    )
    return replace(config, **changes)  # type: ignore[arg-type]


class Flag:
    """A cancel flag the engine polls."""

    def __init__(self) -> None:
        self.raised = False

    def __call__(self) -> bool:
        return self.raised


class Recorder:
    """The engine's Reporter, remembering what it was told; hooks act as the worker would."""

    def __init__(
        self,
        on_waiting: Callable[[str, str], None] | None = None,
        on_read: Callable[[ReadResult], None] | None = None,
    ) -> None:
        self.waits: list[str] = []
        self.started: list[str] = []
        self.results: list[ReadResult] = []
        self._on_waiting = on_waiting
        self._on_read = on_read

    def waiting(self, platform_id: str, message: str) -> None:
        self.waits.append(message)
        if self._on_waiting:
            self._on_waiting(platform_id, message)

    def item_started(self, platform_id: str, item_id: str, index: int, total: int) -> None:
        self.started.append(item_id)

    def item_read(self, result: ReadResult) -> None:
        self.results.append(result)
        if self._on_read:
            self._on_read(result)


class SharedEngine:
    """One engine (one browser per platform, on profiles of their own) for the tests of this
    folder that read with `engine`, kept open from one module to the next: a Playwright and
    four browsers per module cost seconds of start-up each on a busy machine.

    It stays open through the folder's other tests too: they start their own engines, dialogs
    and watches beside it, and those on the main thread share its Playwright driver
    (`app.automation.runtime`) instead of starting one of their own. `pytest_runtest_teardown`
    closes it before any test outside this folder; the next test that asks for it starts it
    again."""

    def __init__(self, server: ReplicaServer, profiles: Path) -> None:
        self._server = server
        self._profiles = profiles
        self.cancel = Flag()
        self._engine: AutomationEngine | None = None

    def get(self) -> AutomationEngine:
        if self._engine is None:
            config = make_config(self._server, self._profiles)
            self._engine = AutomationEngine(config, self.cancel)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None


_shared: list[SharedEngine] = []  # the session's, for pytest_runtest_teardown


@pytest.fixture(scope="session")
def shared_engine(replica_server, tmp_path_factory) -> Iterator[SharedEngine]:
    shared = SharedEngine(replica_server, tmp_path_factory.mktemp("profiles"))
    _shared.append(shared)
    yield shared
    _shared.remove(shared)
    shared.close()


# Module-scoped (the same flag for the whole session): under xdist, a module with a
# module-scoped fixture runs whole on one worker (tests/conftest.py), so its tests share the
# engine's browsers instead of starting them on both workers.
@pytest.fixture(scope="module")
def cancel(shared_engine: SharedEngine) -> Flag:
    return shared_engine.cancel


@pytest.fixture
def engine(shared_engine: SharedEngine, cancel: Flag) -> AutomationEngine:
    """The shared engine (see SharedEngine); each test starts with Cancel not pressed."""
    cancel.raised = False
    return shared_engine.get()


@pytest.fixture
def shared_driver(shared_engine: SharedEngine) -> None:
    """For a test whose browsers start on the main thread outside `engine` (a watch run): the
    shared engine's Playwright driver, started here without a browser if it is not yet, so
    each run's runtime finds it instead of starting and stopping one of its own (about half
    a second of CPU apiece). The run's own code is unchanged: it starts its runtime, launches
    its browser, closes both."""
    shared_engine.get().start()


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Close the shared engine when the next test is not in this folder (see SharedEngine)."""
    if not _shared:
        return
    here = Path(__file__).parent
    if nextitem is None or here not in Path(str(nextitem.path)).parents:
        _shared[0].close()


@pytest.fixture
def expect_timeout(engine: AutomationEngine, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """For a test that waits a timeout out on purpose: the module's engine with that one
    timeout shortened, for this test only (FAST's other margins stay, for a busy machine)."""

    def shorten(**seconds: float) -> Timeouts:
        timeouts = replace(FAST, **seconds)  # type: ignore[arg-type]
        config = replace(engine._config, timeouts=timeouts)
        monkeypatch.setattr(engine, "_config", config)
        return timeouts

    return shorten


# Long enough for a login page to be shown and handed over; nobody signs in in a test.
NOBODY_SIGNS_IN = 1.5
# `settle_busy` for a test whose value stays missing or unclear on a page that has finished
# changing: "could not read" comes once the page has been quiet this long (FAST's 1.0 s is
# for the tests whose values arrive late).
STILL_PAGE = 0.4


@pytest.fixture
def not_cancelled(cancel: Flag) -> None:
    cancel.raised = False


def read(
    engine: AutomationEngine,
    platform: Platform,
    recorder: Recorder | None = None,
    item_ids: tuple[str, ...] | None = None,
) -> list[ReadResult]:
    return engine.read_platform(platform, recorder or Recorder(), item_ids)


def by_item(results: list[ReadResult]) -> dict[str, ReadResult]:
    return {r.item_id: r for r in results}


def in_own_engine(
    server: ReplicaServer,
    profiles: Path,
    platform: Platform,
    recorder: Recorder,
    pages: list[Any] | None = None,
) -> list[ReadResult]:
    """Read `platform` from `server` with an engine of its own (browsers of its own; the
    thread's Playwright driver is shared). `pages` receives the platform's browser page, for
    a recorder hook that acts as the worker in that window."""
    engine = AutomationEngine(make_config(server, profiles), lambda: False)
    try:
        if pages is not None:
            pages.append(engine.page(platform.id))
        return read(engine, platform, recorder)
    finally:
        engine.close()
