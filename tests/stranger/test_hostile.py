"""Issue 32.2: a stranger's look is bounded, whatever the page does.

A script that never yields (in the head, or once loaded) ends the look within its time limit,
and Stop ends it while the page is still busy; huge structured data is cut inside the page
before it crosses into Footprint; a download and an endless redirect are told as what they
are, not as a lost connection.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.automation import watchdog
from app.automation.browsers import BrowserChoice
from app.automation.urls import UrlMap
from app.clock import FixedClock
from app.stranger import browser, page_capture
from app.stranger.browser import StrangerBrowser
from app.stranger.look import (
    LookCancelled,
    LookStarted,
    OutsideConfig,
    OutsideTimeouts,
    StrangerRequest,
    look_as_stranger,
)
from app.stranger.snapshot import PageSnapshot
from app.stranger.view import Obstacle, StrangerView
from tests.automation.conftest import CHROMIUM, TEST_ARGS, Flag
from tests.conftest import START
from tests.sites.public_pages import PublicPages
from tests.stranger.test_browser import JO, MARKER, our_browsers, request

pytestmark = pytest.mark.browser
# Ceilings for pages that end by themselves (a 16 MB page, a download, a redirect loop):
# generous, as they are never waited out.
HOSTILE = OutsideTimeouts(page=6.0, settle=0.2, busy=3.0, poll=0.05, look=8.0)
# The look's own limit for the two tests that wait it out, each spending all of it with a
# page's script holding a core: short, yet the ordinary page looked at next (a new browser
# context, after the busy page's browser was ended) keeps 4 s to load on a loaded machine. A
# page's load and settle limits stay under the look's, as in the app.
WAITED_OUT = replace(HOSTILE, page=4.0, busy=2.0, look=5.0)


@pytest.fixture(scope="module")
def pages() -> Iterator[PublicPages]:
    server = PublicPages().start()
    yield server
    server.stop()


def outside(pages: PublicPages, timeouts: OutsideTimeouts, *args: str) -> OutsideConfig:
    return OutsideConfig(
        browser=BrowserChoice("Chromium", CHROMIUM),
        urls=UrlMap(pages.url_map()),
        timeouts=timeouts,
        headless=True,
        args=(*TEST_ARGS, *args),
        clock=FixedClock(START),
    )


@pytest.fixture
def config(pages: PublicPages) -> OutsideConfig:
    pages.reset()
    return outside(pages, HOSTILE, MARKER)


@pytest.fixture(scope="module")
def stranger(pages: PublicPages) -> Iterator[StrangerBrowser]:
    """One browser for the pages that end by themselves (a look each, in a fresh context),
    without MARKER: the tests that end a browser count only theirs."""
    browser = StrangerBrowser(outside(pages, HOSTILE), lambda: False)
    browser.start()
    yield browser
    browser.close()


class Run:
    """`look_as_stranger` on a thread of its own, as the app's background job runs it."""

    def __init__(self, config: OutsideConfig, cases: tuple[str, ...], cancel: Flag) -> None:
        self.events: list[object] = []
        self.outcome: list[list[StrangerView] | BaseException] = []
        requests = [request(case) for case in cases]
        self._thread = threading.Thread(target=self._run, args=(config, requests, cancel))
        self.started = threading.Event()
        self._thread.start()

    def _run(self, config: OutsideConfig, requests: list[StrangerRequest], cancel: Flag) -> None:
        try:
            views = look_as_stranger(config, requests, JO, send=self._send, cancelled=cancel)
            self.outcome.append(views)
        except BaseException as error:  # handed back to the test
            self.outcome.append(error)

    def _send(self, event: object) -> None:
        self.events.append(event)
        if isinstance(event, LookStarted):
            self.started.set()

    def result(self, within: float = 120) -> list[StrangerView] | BaseException:
        self._thread.join(timeout=within)
        assert self.outcome, "the look did not end"
        return self.outcome[0]


@pytest.fixture(scope="module")
def never_yielding(pages: PublicPages) -> dict[str, tuple[StrangerView, StrangerView]]:
    """One run over both pages that never yield, each followed by an ordinary page: each case
    → its view and the next address's. The limit is waited out once per case, as the app
    would; the driver and the first browser are started once for both."""
    cases = ("busy head", "public", "busy later", "public")
    views = Run(outside(pages, WAITED_OUT, MARKER), cases, Flag()).result()
    assert isinstance(views, list), views
    return {"busy head": (views[0], views[1]), "busy later": (views[2], views[3])}


@pytest.mark.parametrize("case", ("busy head", "busy later"))
def test_a_page_that_never_yields_ends_within_the_look_s_limit(
    never_yielding: dict[str, tuple[StrangerView, StrangerView]], case: str
) -> None:
    held, after = never_yielding[case]
    assert held.obstacle is Obstacle.BUSY
    assert held.problem == Obstacle.BUSY.sentence("X", "Footprint stopped looking after 5 seconds")
    # The browser was started again for the next address, which was seen as usual.
    assert after.obstacle is None and after.findings
    assert our_browsers() == []


@pytest.mark.parametrize("case", ("busy head", "busy later"))
def test_stop_ends_a_look_at_a_page_that_never_yields(
    config: OutsideConfig, pages: PublicPages, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only Stop can end it here: the look's own limit is far away."""
    # The page never lets the look notice Stop by itself, so the grace it is given is waited
    # out whole: shorter here, the same path (the browser is ended).
    monkeypatch.setattr(watchdog, "STOP_GRACE", 0.3)
    patient = replace(config, timeouts=replace(HOSTILE, page=300.0, busy=300.0, look=600.0))
    cancel = Flag()
    run = Run(patient, (case, "public"), cancel)
    assert run.started.wait(timeout=60)
    path = "/x/jo_busy_head" if case == "busy head" else "/x/jo_busy_later"
    while path not in pages.visits:  # the page is being loaded: its script will not yield
        threading.Event().wait(0.05)
    cancel.raised = True
    outcome = run.result(within=60)
    assert isinstance(outcome, LookCancelled)
    assert "/x/jo_public" not in pages.visits
    assert our_browsers() == []


def test_huge_structured_data_is_cut_inside_the_page(
    stranger: StrangerBrowser, pages: PublicPages, monkeypatch
) -> None:
    seen: list[PageSnapshot] = []
    assess = browser.assess

    def keep(snapshot: PageSnapshot, *args: object, **kwargs: object):
        seen.append(snapshot)
        return assess(snapshot, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(browser, "assess", keep)
    view = stranger.look(request("huge structured data"), JO)
    assert view.obstacle is None, view.problem
    (snapshot,) = seen
    # Blocks over the per-block cap are left in the page; the small one after them is read.
    assert snapshot.structured == ({"@type": "Person", "name": "Zephyrine Quokka"},)
    crossed = len(snapshot.text) + sum(len(str(block)) for block in snapshot.structured)
    assert crossed <= page_capture.MAX_TEXT + page_capture.MAX_STRUCTURED


def test_structured_data_that_is_not_json_or_nests_too_deep_is_left_out() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    blocks = ['{"@type": "Person"}', "not json", deep, 7, "x" * (page_capture.MAX_BLOCK + 1)]
    assert page_capture.parsed_structured(blocks) == ({"@type": "Person"},)
    assert page_capture.parsed_structured({"not": "a list"}) == ()


def test_a_download_is_told_as_a_file_not_a_lost_connection(stranger: StrangerBrowser) -> None:
    view = stranger.look(request("download"), JO)
    assert view.obstacle is Obstacle.NOT_A_PAGE
    assert "internet connection" not in view.problem


def test_an_endless_redirect_is_told_as_one(stranger: StrangerBrowser) -> None:
    view = stranger.look(request("endless redirect"), JO)
    assert view.obstacle is Obstacle.REDIRECT_LOOP
    assert "internet connection" not in view.problem
