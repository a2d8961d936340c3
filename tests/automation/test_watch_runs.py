"""The watch against replica public pages on 127.0.0.1, with an injected clock: drift raised
once, nothing raised when nothing changed, a rate limit backed off, offline paused, off means
no look, and nothing of a page kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from app.audit.profile import WorkerProfile
from app.audit.watch import FIRST_LOOK, LookOutcome, WatchPolicy
from app.automation.browsers import BrowserChoice
from app.automation.urls import UrlMap
from app.clock import FixedClock
from app.footprint import Footprint, open_footprint
from app.stranger.look import OutsideConfig, OutsideTimeouts
from tests.automation.conftest import CHROMIUM, TEST_ARGS
from tests.conftest import START
from tests.sites.public_pages import ADDRESSES, DISTINCTIVE, ROUTES, PublicPages, Route

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("shared_driver")]

PROFILE = WorkerProfile(
    display_name="Jo Worker", role="Support Worker", organisation="Riverside Care Ltd",
    regulator="sssc", platform_ids=("instagram", "x", "reddit"),
)  # fmt: skip
QUICK = OutsideTimeouts(page=10.0, settle=0.2, busy=3.0, poll=0.05)
POLICY = WatchPolicy()
LOCKED = "/instagram/jo.locked/"  # the replica of a private Instagram account


@pytest.fixture(scope="module")
def pages() -> Iterator[PublicPages]:
    server = PublicPages().start()
    yield server
    server.stop()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def footprint(data_home, clock) -> Iterator[Footprint]:
    opened = open_footprint(data_home, clock)
    opened.save_profile(PROFILE)
    yield opened
    opened.close()


@pytest.fixture
def config(pages: PublicPages, clock: FixedClock) -> OutsideConfig:
    pages.reset()
    return OutsideConfig(
        browser=BrowserChoice("Chromium", CHROMIUM), urls=UrlMap(pages.url_map()),
        timeouts=QUICK, args=TEST_ARGS, clock=clock,
    )  # fmt: skip


def watch(footprint: Footprint, *cases: str) -> None:
    assert footprint.save_public_addresses(dict(ADDRESSES[c] for c in cases)) == {}
    footprint.choose_watch(True)


def test_a_profile_that_turns_public_raises_exactly_one_drift_in_the_next_run(
    footprint: Footprint, config: OutsideConfig, clock: FixedClock, monkeypatch
) -> None:
    watch(footprint, "private")
    first = footprint.run_watch(config)
    assert [look.outcome for look in first.looks] == [LookOutcome.SEEN] and first.drift == []
    # The first look has nothing to compare: it says so, never "nothing changed".
    assert first.lines() == [f"Instagram: looked as a stranger; {FIRST_LOOK}"]
    assert FIRST_LOOK in "\n".join(footprint.watch_status().lines)
    # The worker's Instagram account turns public (the replica of a public Instagram page).
    monkeypatch.setitem(ROUTES, LOCKED, Route("instagram_cookies.html"))
    clock.advance(POLICY.interval + POLICY.jitter)
    second = footprint.run_watch(config)
    [drift] = second.drift
    assert (drift.platform_id, drift.topic, drift.before, drift.after) == (
        "instagram", "posts", "no", "yes",
    )  # fmt: skip
    assert drift.seen_at == clock.now() and drift.source == "seen by the watch, signed out"
    assert footprint.watched_drift() == [
        d for d in footprint.store.watch_drift() if d.confirmed_at is None
    ]
    assert len(footprint.watched_drift()) == 1
    assert any("can now see your posts" in line for line in second.lines())
    # A third run, a week on, with the account still public: nothing new.
    clock.advance(POLICY.interval + POLICY.jitter)
    third = footprint.run_watch(config)
    assert third.looks and third.drift == [] and len(footprint.store.watch_drift()) == 1
    assert "Nothing changed since the last looks: no drift recorded." in third.lines()
    assert FIRST_LOOK not in "\n".join(footprint.watch_status().lines)
    status = "\n".join(footprint.watch_status().lines)
    assert "Instagram: a signed-out stranger can now see your posts" in status
    [kept] = footprint.watched_drift()
    assert kept.id is not None
    footprint.confirm_watched_drift(kept.id)
    assert footprint.watched_drift() == []
    assert "can now see your posts" not in "\n".join(footprint.watch_status().lines)


def test_a_run_with_nothing_changed_raises_nothing(
    footprint: Footprint, config: OutsideConfig, clock: FixedClock
) -> None:
    watch(footprint, "public")
    footprint.run_watch(config)
    clock.advance(POLICY.interval + POLICY.jitter)
    again = footprint.run_watch(config)
    assert [look.outcome for look in again.looks] == [LookOutcome.SEEN]
    assert again.drift == [] and footprint.store.watch_drift() == []


def test_a_rate_limited_platform_waits_for_its_back_off(
    footprint: Footprint, config: OutsideConfig, clock: FixedClock, pages: PublicPages
) -> None:
    watch(footprint, "rate limited")
    first = footprint.run_watch(config)
    assert [look.outcome for look in first.looks] == [LookOutcome.RATE_LIMITED]
    visits = len(pages.visits)
    clock.advance(POLICY.first_back_off - timedelta(minutes=1))
    early = footprint.run_watch(config)
    assert early.looks == () and len(pages.visits) == visits
    assert "limiting visits" in "\n".join(footprint.watch_status().lines)
    clock.advance(timedelta(minutes=1))
    due = footprint.run_watch(config)
    assert [look.outcome for look in due.looks] == [LookOutcome.RATE_LIMITED]
    [schedule] = footprint.store.watched_platforms()
    assert schedule.failures == 2
    assert schedule.next_look_at == clock.now() + 2 * POLICY.first_back_off


def test_no_connection_pauses_the_run_without_looking_at_the_rest(
    footprint: Footprint, config: OutsideConfig, clock: FixedClock, pages: PublicPages
) -> None:
    watch(footprint, "refused", "public")  # reddit's port refuses; x comes after it
    run = footprint.run_watch(config)
    assert [look.outcome for look in run.looks] == [LookOutcome.OFFLINE]
    assert run.paused == ("X (Twitter)",) and "/x/jo_public" not in pages.visits
    schedules = {w.platform_id: w for w in footprint.store.watched_platforms()}
    assert schedules["x"].next_look_at == START + POLICY.offline_retry
    assert schedules["reddit"].failures == 0  # offline is not the platform's doing


def test_off_until_chosen_and_nothing_looked_at(
    footprint: Footprint, config: OutsideConfig, pages: PublicPages
) -> None:
    assert footprint.save_public_addresses(dict([ADDRESSES["public"]])) == {}
    run = footprint.run_watch(config)
    assert not run.enabled and run.looks == () and pages.visits == []
    assert "The watch is off" in run.lines()[0]
    assert footprint.watch_status().lines[0].startswith("The watch is off")


def test_nothing_of_a_page_is_kept(footprint: Footprint, config: OutsideConfig, data_home) -> None:
    watch(footprint, "public", "phone")
    run = footprint.run_watch(config)
    assert {look.outcome for look in run.looks} == {LookOutcome.SEEN}
    footprint.close()
    for path in data_home.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [word for word in DISTINCTIVE if word.encode() in data], path


# -- while the app is open: the browser on a job's thread, the database on the UI thread --------
def test_the_app_runs_the_due_looks_and_keeps_each_one(
    qtbot, jobs, footprint: Footprint, config: OutsideConfig, clock: FixedClock, monkeypatch
) -> None:
    from app.ui.watch_runner import WatchRunner
    from tests.conftest import WAIT_MS

    runner = WatchRunner(footprint, jobs, lambda: config)
    assert not runner.run_now()  # off: nothing due, no browser
    watch(footprint, "private")
    with qtbot.waitSignal(runner.ran, timeout=WAIT_MS) as first:
        assert runner.run_now()
        assert not runner.run_now()  # one run at a time
    assert [look.outcome for look in first.args[0].looks] == [LookOutcome.SEEN]
    assert not runner.run_now()  # the next look is a week away
    monkeypatch.setitem(ROUTES, LOCKED, Route("instagram_cookies.html"))
    clock.advance(POLICY.interval + POLICY.jitter)
    with qtbot.waitSignal(runner.ran, timeout=WAIT_MS) as second:
        assert runner.run_now()
    assert [(d.platform_id, d.topic) for d in second.args[0].drift] == [("instagram", "posts")]
    assert len(footprint.watched_drift()) == 1
