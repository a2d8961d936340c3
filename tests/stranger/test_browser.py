"""A stranger's browser against the replica public pages on 127.0.0.1: every case of
`tests/sites/public_pages.ADDRESSES`, a fresh context per address, another site, Cancel and
progress. One browser for most of the module; `look_as_stranger` starts its own."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.automation.browsers import BrowserChoice
from app.automation.engine import BrowserUnavailable
from app.automation.page import Cancelled
from app.automation.urls import UrlMap
from app.clock import FixedClock
from app.stranger import browser as stranger_browser
from app.stranger.browser import StrangerBrowser
from app.stranger.look import (
    LookCancelled,
    LookFinished,
    LookStarted,
    OutsideConfig,
    OutsideTimeouts,
    StrangerRequest,
    look_as_stranger,
)
from app.stranger.public_profiles import profile_of
from app.stranger.snapshot import PageSnapshot
from app.stranger.view import Obstacle, StrangerView, Topic, Verdict, WorkerTerms
from tests.automation.conftest import CHROMIUM, TEST_ARGS, Flag
from tests.conftest import START
from tests.sites.public_pages import ADDRESSES, DISTINCTIVE, PublicPages

pytestmark = pytest.mark.browser

# Short enough to keep the module quick, long enough for a loaded two-core machine.
QUICK = OutsideTimeouts(page=10.0, settle=0.2, busy=3.0, poll=0.05)
JO = WorkerTerms(name="Jo Worker", organisation="Riverside Care Ltd", role="Support Worker")
NAMES = {"x": "X", "instagram": "Instagram", "linkedin": "LinkedIn", "tiktok": "TikTok",
         "strava": "Strava", "bluesky": "Bluesky", "facebook": "Facebook",
         "threads": "Threads", "pinterest": "Pinterest", "reddit": "Reddit"}  # fmt: skip
# The platform's "slow down" words, as the audit files give them to automated reading.
SLOW_DOWN = ("Please wait a few minutes before you try again",)


@pytest.fixture(scope="module")
def pages() -> Iterator[PublicPages]:
    server = PublicPages().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def config(pages: PublicPages) -> OutsideConfig:
    return OutsideConfig(
        browser=BrowserChoice("Chromium", CHROMIUM),
        urls=UrlMap(pages.url_map()),  # once: the refused port stays the same
        timeouts=QUICK,
        headless=True,
        args=TEST_ARGS,
        clock=FixedClock(START),
    )


@pytest.fixture(scope="module")
def cancel() -> Flag:
    return Flag()


@pytest.fixture(scope="module")
def browser(config: OutsideConfig, cancel: Flag) -> Iterator[StrangerBrowser]:
    stranger = StrangerBrowser(config, cancel)
    stranger.start()
    yield stranger
    stranger.close()


@pytest.fixture
def fresh(pages: PublicPages, cancel: Flag) -> PublicPages:
    pages.reset()
    cancel.raised = False
    return pages


@dataclass(frozen=True)
class Seen:
    """One look at a case, with what the server and the log saw during it."""

    view: StrangerView
    visits: tuple[str, ...]
    consent_choices: tuple[str, ...]
    log: str  # every record logged during the look, at every level
    snapshot: PageSnapshot | None  # the page as judged (kept here only), None if not judged


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.name} {record.getMessage()}")


class Looks:
    """Each case looked at once (as Jo) for the module: the tests that only read what a look
    saw share it, and the log test reads those same looks' records."""

    def __init__(self, browser: StrangerBrowser, pages: PublicPages, cancel: Flag) -> None:
        self._browser, self._pages, self._cancel = browser, pages, cancel
        self._seen: dict[str, Seen] = {}

    def __call__(self, case: str) -> Seen:
        if case not in self._seen:
            self._pages.reset()
            self._cancel.raised = False
            recorder, root = _Recorder(), logging.getLogger()
            level = root.level
            root.addHandler(recorder)
            root.setLevel(logging.DEBUG)
            judged: list[PageSnapshot] = []
            assess = stranger_browser.assess

            def keep(snapshot: PageSnapshot, *args: object, **kwargs: object) -> object:
                judged.append(snapshot)
                return assess(snapshot, *args, **kwargs)  # type: ignore[arg-type]

            stranger_browser.assess = keep  # type: ignore[assignment]
            try:
                view = look(self._browser, case)
            finally:
                stranger_browser.assess = assess
                root.removeHandler(recorder)
                root.setLevel(level)
            pages = self._pages
            self._seen[case] = Seen(
                view,
                tuple(pages.visits),
                tuple(pages.consent_choices),
                "\n".join(recorder.lines),
                judged[0] if judged else None,
            )
        return self._seen[case]


@pytest.fixture(scope="module")
def looks(browser: StrangerBrowser, pages: PublicPages, cancel: Flag) -> Looks:
    return Looks(browser, pages, cancel)


def request(case: str) -> StrangerRequest:
    platform_id, address = ADDRESSES[case]
    profile = profile_of(platform_id)
    assert profile is not None
    return StrangerRequest(
        platform_id, NAMES[platform_id], address, consent=profile.consent,
        rate_limit_texts=SLOW_DOWN,
    )  # fmt: skip


def look(browser: StrangerBrowser, case: str, terms: WorkerTerms = JO) -> StrangerView:
    return browser.look(request(case), terms)


def judged_for(seen: Seen, case: str, terms: WorkerTerms) -> StrangerView:
    """The view the look in `seen` would have given a worker with these `terms`: its page
    judged again (`browser.look` judges the page it captured with `assess`, as here)."""
    assert seen.snapshot is not None, seen.view.problem
    asked, profile = request(case), profile_of(seen.view.platform_id)
    assert profile is not None
    findings = stranger_browser.assess(
        seen.snapshot, profile, terms,
        rate_limit_texts=asked.rate_limit_texts, error_texts=asked.error_texts,
    )  # fmt: skip
    view = seen.view
    return StrangerView(
        view.platform_id, view.platform_name, view.address, view.seen_at, tuple(findings)
    )


def verdicts(view: StrangerView) -> dict[Topic, Verdict]:
    assert view.obstacle is None, view.problem
    return {f.topic: f.verdict for f in view.findings}


def reason(view: StrangerView, topic: Topic) -> str:
    found = view.finding(topic)
    assert found is not None, topic
    return found.reason


# -- profiles a stranger can see ---------------------------------------------------------------
def test_a_public_profile(looks: Looks) -> None:
    view = looks("public").view
    assert (view.platform_id, view.address, view.seen_at) == ("x", ADDRESSES["public"][1], START)
    assert verdicts(view) == {
        Topic.PAGE: Verdict.YES,
        Topic.NAME_PHOTO: Verdict.YES,
        Topic.EMPLOYER: Verdict.NO,  # tea and marmalade, no Riverside Care
        Topic.CONTACT: Verdict.NO,
        Topic.LOCATION: Verdict.YES,
        Topic.CONNECTIONS: Verdict.YES,
        Topic.POSTS: Verdict.YES,
    }
    assert reason(view, Topic.NAME_PHOTO) == "your name and a profile photo are shown"
    assert not view.walled
    assert view.notes == (profile_of("x").always_public,)  # type: ignore[union-attr]


def test_a_sign_in_box_with_cookie_small_print_is_not_a_cookie_notice(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    # Issue 27: it once stopped the look with "a cookie notice was in the way".
    view = look(browser, "sign-in box")
    found = verdicts(view)
    assert found[Topic.PAGE] is Verdict.YES and found[Topic.POSTS] is Verdict.NO
    assert "a sign-in box covers it" in reason(view, Topic.PAGE)
    assert fresh.consent_choices == []  # nothing was clicked


def test_a_private_account(browser: StrangerBrowser, fresh: PublicPages) -> None:
    found = verdicts(look(browser, "private"))
    assert found[Topic.PAGE] is Verdict.YES  # name, photo and counts stay public
    assert found[Topic.POSTS] is Verdict.NO
    assert found[Topic.CONNECTIONS] is Verdict.YES


def test_the_employer_and_job_title_in_a_linkedin_profile(looks: Looks) -> None:
    seen = looks("employer")
    view = seen.view
    assert reason(view, Topic.EMPLOYER) == (
        "your employer and your job title (as in your Footprint profile) are on the page"
    )
    assert verdicts(view)[Topic.LOCATION] is Verdict.YES
    assert verdicts(view)[Topic.CONNECTIONS] is Verdict.YES
    # Someone else's workplace on the page ("people also viewed") is not the worker's: the
    # same page, as the browser captured it, judged for a worker at another organisation.
    elsewhere = judged_for(seen, "employer", WorkerTerms(organisation="Harbour Nursing Ltd"))
    assert verdicts(elsewhere)[Topic.EMPLOYER] is Verdict.YES
    assert "not the one in your Footprint profile" in reason(elsewhere, Topic.EMPLOYER)


def test_a_phone_number_and_email_in_a_bio(looks: Looks) -> None:
    view = looks("phone").view
    assert reason(view, Topic.CONTACT) == "a phone number and an email address are on the page"
    assert verdicts(view)[Topic.POSTS] is Verdict.YES


def test_strava_activities_with_maps(browser: StrangerBrowser, fresh: PublicPages) -> None:
    found = verdicts(look(browser, "activities"))
    assert (found[Topic.ACTIVITIES], found[Topic.MAPS]) == (Verdict.YES, Verdict.YES)
    assert found[Topic.LOCATION] is Verdict.YES and found[Topic.CONNECTIONS] is Verdict.YES


def test_a_facebook_profile_under_a_sign_in_box(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    view = look(browser, "facebook")
    assert "a stranger can close it" in reason(view, Topic.PAGE)
    found = verdicts(view)
    assert found[Topic.EMPLOYER] is Verdict.YES  # "Works at Riverside Care"
    assert found[Topic.LOCATION] is Verdict.YES and found[Topic.POSTS] is Verdict.YES


# -- walls --------------------------------------------------------------------------------------
def test_a_redirect_to_the_sign_in_wall(browser: StrangerBrowser, fresh: PublicPages) -> None:
    view = look(browser, "wall")
    assert fresh.visits[:2] == ["/linkedin/in/jo-wall", "/linkedin/authwall"]
    assert view.walled and len(view.findings) == 1
    assert "no proof" in reason(view, Topic.PAGE)  # LinkedIn walls automated browsers
    assert view.notes == (profile_of("linkedin").wall_caveat,)  # type: ignore[union-attr]


def test_bluesky_hidden_from_signed_out_visitors(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    view = look(browser, "hidden")
    assert view.walled
    assert any("open network" in note for note in view.notes)  # hidden is not private


# -- cookie notices -----------------------------------------------------------------------------
def test_a_cookie_notice_is_declined_then_the_page_read(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    view = look(browser, "cookies")
    assert fresh.consent_choices == ["instagram decline"]
    assert verdicts(view)[Topic.PAGE] is Verdict.YES
    assert verdicts(view)[Topic.POSTS] is Verdict.YES


def test_only_the_choice_named_as_declining_is_clicked(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    view = look(browser, "x cookies")
    assert fresh.consent_choices == ["x refuse"]
    assert verdicts(view)[Topic.PAGE] is Verdict.YES


def test_a_cookie_notice_without_a_private_choice_is_never_accepted(looks: Looks) -> None:
    seen = looks("cookies stuck")
    view = seen.view
    assert view.obstacle is Obstacle.COOKIE_NOTICE and not view.findings
    assert seen.consent_choices == ()
    assert "only ever declines" in view.problem


# -- obstacles, each told apart -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("case", "obstacle", "detail"),
    [
        ("rate limited", Obstacle.RATE_LIMITED, "HTTP 429"),
        ("slow down", Obstacle.RATE_LIMITED, "it asks to try again later"),
        ("not found", Obstacle.NOT_FOUND, "HTTP 404"),
        ("unavailable", Obstacle.NOT_FOUND, "it says the page isn't available"),
        ("refused", Obstacle.NO_CONNECTION, "the connection was refused"),
    ],
)
def test_obstacles(
    browser: StrangerBrowser, fresh: PublicPages, case: str, obstacle: Obstacle, detail: str
) -> None:
    view = look(browser, case)
    assert view.obstacle is obstacle and not view.findings
    name = NAMES[ADDRESSES[case][0]]
    assert view.problem == obstacle.sentence(name, detail)
    assert view.lines() == [f"Could not look: {view.problem}"]


def test_a_blank_page_is_nothing_shown(browser: StrangerBrowser, fresh: PublicPages) -> None:
    view = look(browser, "blank")
    assert view.obstacle is Obstacle.NOTHING_SHOWN and not view.findings


def test_a_page_built_by_javascript_is_read_once_it_has_settled(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    view = look(browser, "script")
    assert "/tiktok/api/user" in fresh.visits
    found = verdicts(view)
    assert found[Topic.EMPLOYER] is Verdict.YES and found[Topic.CONNECTIONS] is Verdict.YES


def test_a_redirect_to_another_origin_is_not_read(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    view = look(browser, "elsewhere")
    assert view.obstacle is Obstacle.WRONG_SITE and not view.findings
    assert "localhost:" in view.problem
    # It would have been read as a public profile, had the redirect been followed into it.
    assert "/x/jo_public" in fresh.visits


def test_an_address_off_the_platforms_site_is_never_opened(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    # normalise() never makes one; look() still refuses, before the browser opens anything.
    stray = StrangerRequest("x", "X", f"{fresh.base}/facebook/jo.worker")
    view = browser.look(stray, JO)
    assert view.obstacle is Obstacle.WRONG_SITE and not view.findings
    assert "127.0.0.1:" in view.problem
    # Opening anything for this look would ask for the stray address first. (Not "no visits
    # at all": the page of the test before may still be fetching its photo.)
    assert [visit for visit in fresh.visits if visit.startswith("/facebook")] == []


def test_a_platform_without_public_profiles_is_not_looked_at(
    browser: StrangerBrowser, fresh: PublicPages
) -> None:
    view = browser.look(StrangerRequest("whatsapp", "WhatsApp", "https://x.com/jo"), JO)
    assert view.obstacle is Obstacle.WRONG_SITE
    assert "/x/jo" not in fresh.visits  # (the page of the test before may still fetch a photo)


def test_each_address_gets_a_fresh_context(browser: StrangerBrowser, fresh: PublicPages) -> None:
    assert verdicts(look(browser, "sets a cookie"))[Topic.PAGE] is Verdict.YES
    # Within the visit the cookie was kept and sent again…
    assert ("/x/ping", "footprint_seen=jo") in fresh.cookies
    assert verdicts(look(browser, "public"))[Topic.PAGE] is Verdict.YES
    # …but the next address, on the same site, starts without it.
    assert ("/x/jo_public", "") in fresh.cookies
    assert all(not cookie for path, cookie in fresh.cookies if path == "/x/jo_public")


def test_nothing_of_the_pages_reaches_the_log_or_the_views(looks: Looks) -> None:
    # The looks the tests above read (or, run alone, its own), each logged at every level.
    seen = [looks(case) for case in ("public", "phone", "employer", "cookies stuck")]
    logged = "\n".join(s.log for s in seen)
    said = logged + " ".join(" ".join(s.view.lines()) + repr(s.view) for s in seen)
    assert "stranger's view of threads: cookie notice" in logged  # the log did record
    assert [word for word in DISTINCTIVE if word.casefold() in said.casefold()] == []


def test_cancel_while_a_page_hangs(
    browser: StrangerBrowser, fresh: PublicPages, cancel: Flag
) -> None:
    pressed: list[float] = []

    def press_cancel() -> None:
        if fresh.held.wait(timeout=30):  # the browser is waiting for the page
            pressed.append(time.monotonic())
            cancel.raised = True

    presser = threading.Thread(target=press_cancel)
    presser.start()
    try:
        with pytest.raises(Cancelled):
            look(browser, "hanging")
    finally:
        fresh.release()
        presser.join(timeout=30)
    # Cancel is seen before the page's time limit: a look the limit ends gives a "too slow"
    # view instead of raising Cancelled (the deadline is checked before Cancel).
    assert pressed, "the page was never asked for"
    cancel.raised = False
    assert verdicts(look(browser, "public"))[Topic.PAGE] is Verdict.YES  # the browser lives on


# -- look_as_stranger: a browser of its own, progress, Cancel --------------------------------
def in_thread(
    config: OutsideConfig,
    requests: Sequence[StrangerRequest],
    send: Callable[[object], None],
    cancelled: Callable[[], bool],
) -> list[StrangerView] | BaseException:
    """Run `look_as_stranger` on a thread of its own (one thread holds one Playwright, and
    the module's browser has this one), as the app's background job does."""
    outcome: list[list[StrangerView] | BaseException] = []

    def run() -> None:
        try:
            outcome.append(look_as_stranger(config, requests, JO, send=send, cancelled=cancelled))
        except BaseException as error:  # handed back to the test
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    assert outcome, "the look did not finish"
    return outcome[0]


def test_progress_arrives_in_order(config: OutsideConfig, fresh: PublicPages) -> None:
    cases = ("public", "wall", "rate limited")
    events: list[object] = []
    views = in_thread(config, [request(c) for c in cases], events.append, lambda: False)
    assert isinstance(views, list)
    ids = [ADDRESSES[c][0] for c in cases]
    assert events == [
        LookStarted(ids[0], 0, 3), LookFinished(views[0]),
        LookStarted(ids[1], 1, 3), LookFinished(views[1]),
        LookStarted(ids[2], 2, 3), LookFinished(views[2]),
    ]  # fmt: skip
    assert [v.platform_id for v in views] == ids
    assert (views[1].walled, views[2].obstacle) == (True, Obstacle.RATE_LIMITED)


def test_cancel_stops_the_run(config: OutsideConfig, fresh: PublicPages) -> None:
    flag = Flag()
    events: list[object] = []

    def send(event: object) -> None:
        events.append(event)
        if isinstance(event, LookFinished):
            flag.raised = True  # the worker presses Cancel after the first platform

    cases = ("public", "employer", "phone")
    outcome = in_thread(config, [request(c) for c in cases], send, flag)
    assert isinstance(outcome, LookCancelled)
    assert [type(e) for e in events] == [LookStarted, LookFinished]
    assert "/linkedin/in/jo-worker" not in fresh.visits and "/tiktok/@jo.phone" not in fresh.visits


def test_cancel_during_a_page(config: OutsideConfig, fresh: PublicPages) -> None:
    flag = Flag()

    def send(event: object) -> None:
        if isinstance(event, LookStarted) and event.index == 1:
            flag.raised = True  # pressed while the second page is about to load

    outcome = in_thread(config, [request("public"), request("employer")], send, flag)
    assert isinstance(outcome, LookCancelled)


def test_a_page_that_never_loads_is_too_slow(config: OutsideConfig, fresh: PublicPages) -> None:
    # Waited out: short, yet past the browser's first wait for the page (a second).
    short = replace(config, timeouts=replace(QUICK, page=1.5))
    try:
        views = in_thread(short, [request("hanging")], lambda e: None, lambda: False)
    finally:
        fresh.release()
    assert isinstance(views, list)
    assert views[0].obstacle is Obstacle.SLOW
    assert views[0].problem == Obstacle.SLOW.sentence("X", "it did not load within 1.5 seconds")


# An unknown switch Chromium ignores: finds this test process's browsers (and never those of
# another test run on the same machine, which a kill would otherwise reach).
MARKER = f"--footprint-stranger-test-{os.getpid()}"


def our_browsers() -> list[int]:
    """The process ids of browsers this test started (their command line has MARKER)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if entry.name.isdigit() and MARKER.encode() in command:
            found.append(int(entry.name))
    return found


def test_a_browser_that_crashes_mid_run_is_a_browser_error(
    config: OutsideConfig, fresh: PublicPages
) -> None:
    marked = replace(config, args=(*config.args, MARKER))

    def send(event: object) -> None:
        if isinstance(event, LookFinished) and event.view.platform_id == "x":
            for pid in our_browsers():
                os.kill(pid, signal.SIGKILL)

    cases = ("public", "phone", "activities")
    views = in_thread(marked, [request(c) for c in cases], send, lambda: False)
    assert isinstance(views, list), views
    assert views[0].obstacle is None
    assert [v.obstacle for v in views[1:]] == [Obstacle.BROWSER_ERROR] * 2
    assert our_browsers() == []


def test_a_browser_that_cannot_start_is_reported(config: OutsideConfig, tmp_path: Path) -> None:
    missing = replace(config, browser=BrowserChoice("Chromium", tmp_path / "no-such-browser"))
    outcome = in_thread(missing, [request("public")], lambda e: None, lambda: False)
    assert isinstance(outcome, BrowserUnavailable)
    assert "could not be started" in str(outcome)


class _PageThatMovedOn:
    """A page whose capture is answered by a document on another site: a script redirect
    committed after the last origin check (a race a replica page cannot hit on demand)."""

    def __init__(self, url: str, answered_from: str) -> None:
        self.url = url
        self._answered_from = answered_from

    def on(self, event: str, handler: Callable[..., object]) -> None:
        """Network events are not needed here."""

    def evaluate(self, script: str) -> dict[str, object]:
        return {"href": self._answered_from, "title": "Zephyrine", "text": "Zephyrine"}


def test_a_capture_answered_by_another_site_is_refused(config: OutsideConfig) -> None:
    from app.automation.failures import Failure, PageProblem
    from app.stranger.visit import Visit

    platform, address = ADDRESSES["public"]
    request = StrangerRequest(platform, NAMES[platform], address)
    on_site = config.urls(address)
    page = _PageThatMovedOn(on_site, "http://127.0.0.2:9/elsewhere")
    with pytest.raises(PageProblem) as caught:
        Visit(page, request, config, lambda: False).capture(200)  # type: ignore[arg-type]
    assert caught.value.kind is Failure.WRONG_SITE and "127.0.0.2" in caught.value.detail
    # The same answer from the platform's own document is read.
    same = _PageThatMovedOn(on_site, on_site)
    snapshot = Visit(same, request, config, lambda: False).capture(200)  # type: ignore[arg-type]
    assert snapshot.path.startswith("/")
