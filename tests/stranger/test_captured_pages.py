"""The stranger's view on real pages (issue 27): every page public projects captured from the
live sites (`tests/pages/MANIFEST.toml`), served as captured on 127.0.0.1, gives the verdict its
content shows — and never a "no" the content does not prove (false comfort)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from app.automation.browsers import BrowserChoice
from app.automation.urls import UrlMap
from app.clock import FixedClock
from app.stranger.browser import StrangerBrowser
from app.stranger.look import OutsideConfig, OutsideTimeouts, StrangerRequest
from app.stranger.profile_addresses import normalise
from app.stranger.public_profiles import profile_of
from app.stranger.view import Obstacle, StrangerView, Verdict, WorkerTerms
from tests.automation.conftest import CHROMIUM, TEST_ARGS
from tests.conftest import START
from tests.sites.captured_pages import HERE, CapturedPage, CapturedPages, load_pages

PAGES = load_pages()
# Captured pages link to the platforms' own servers (images, fonts): every name but 127.0.0.1
# resolves to nothing, so nothing leaves this machine.
OFFLINE = ("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",)
# The pages are static captures (their scripts' servers resolve to nothing): quiet for 0.15 s
# after loading is settled; a page that keeps changing is read after `busy` anyway.
QUICK = OutsideTimeouts(page=15.0, settle=0.15, busy=4.0, poll=0.05)


def test_the_corpus_is_what_issue_27_asks_for() -> None:
    captured = [p for p in PAGES if p.kind == "capture"]
    assert len(PAGES) >= 30 and len(captured) >= 30
    # Captured pages cover nine platforms; the checkers' markers add Reddit, Pinterest and
    # Strava, for which no public project keeps a captured profile page we could find.
    assert len({p.platform for p in PAGES}) >= 10 and len({p.platform for p in captured}) >= 9
    outcomes = {p.outcome for p in PAGES}
    assert {"profile", "wall", "missing", "can't tell"} <= outcomes
    assert len({p.id for p in PAGES}) == len(PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p.id for p in PAGES])
def test_every_page_names_its_source_and_is_a_valid_address(page: CapturedPage) -> None:
    assert re.fullmatch(r"[0-9a-f]{40}", page.commit), page.commit
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", page.source) and page.path
    assert (HERE / page.file).is_file()
    assert page.html().strip()
    assert normalise(page.platform, page.address) == page.address  # as Settings keeps it
    if page.kind == "marker":
        assert page.marker
    if page.outcome != "profile":
        assert page.expected == {}


@pytest.fixture(scope="module")
def served() -> Iterator[CapturedPages]:
    server = CapturedPages().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(served: CapturedPages) -> Iterator[StrangerBrowser]:
    config = OutsideConfig(
        browser=BrowserChoice("Chromium", CHROMIUM),
        urls=UrlMap(served.url_map()),
        timeouts=QUICK,
        headless=True,
        args=TEST_ARGS + OFFLINE,
        clock=FixedClock(START),
    )
    stranger = StrangerBrowser(config, lambda: False)
    stranger.start()
    yield stranger
    stranger.close()


def look(browser: StrangerBrowser, served: CapturedPages, page: CapturedPage) -> StrangerView:
    served.show(page)
    profile = profile_of(page.platform)
    assert profile is not None
    request = StrangerRequest(page.platform, page.platform, page.address, consent=profile.consent)
    return browser.look(request, WorkerTerms(name=page.name, organisation=page.organisation))


def outcome(view: StrangerView) -> str:
    if view.obstacle is Obstacle.NOT_FOUND:
        return "missing"
    if view.obstacle is not None:
        return "can't tell"
    return "wall" if view.walled else "profile"


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES, ids=[p.id for p in PAGES])
def test_each_captured_page_gives_the_verdict_its_content_shows(
    browser: StrangerBrowser, served: CapturedPages, page: CapturedPage
) -> None:
    view = look(browser, served, page)
    assert outcome(view) == page.outcome, view.problem or view.lines()
    verdicts = {f.topic.value: f.verdict.value for f in view.findings}
    if page.outcome == "profile":
        # False comfort first: a "no" the content does not show.
        comfort = [t for t, v in verdicts.items() if v == Verdict.NO and page.expected[t] != "no"]
        assert comfort == [], view.lines()
        assert verdicts == page.expected, view.lines()
    if page.outcome == "wall" and page.platform in ("threads", "instagram", "linkedin", "bluesky"):
        assert view.notes, "a wall automated browsers meet is no proof: said with the finding"
