"""The watch's signed-in re-reads against the replica sites on 127.0.0.1, with an injected
clock: a signed-out session is never signed in (nothing typed into any page, even with the
password in the keyring) and is recorded as "signed out — re-check by hand"; a live session
whose setting turned unsafe raises exactly one notification and one history entry; the first
re-read says it had nothing to compare."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import credentials
from app.audit.watch import FIRST_LOOK, SIGNED_OUT_BY_HAND, LookOutcome, WatchPolicy
from app.automation.config import AutomationConfig
from app.automation.engine import AutomationEngine
from app.clock import FixedClock
from app.footprint import Footprint, open_footprint
from tests.automation.conftest import Recorder, make_config
from tests.conftest import START
from tests.sites.replica import PASSWORD, USERNAME, ReplicaServer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("shared_driver")]

POLICY = WatchPolicy()
# On the login page: report any typing, and any value that appears in a field however it got
# there, to the replica server (a POST it logs in `changes`).
TYPING_DETECTOR = """
const told = (what) => navigator.sendBeacon('/instagram/typed', what);
document.addEventListener('input', () => told('input'), true);
document.addEventListener('keydown', () => told('key'), true);
setInterval(() => {
  if ([...document.querySelectorAll('input')].some((field) => field.value)) told('value');
}, 20);
"""


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def footprint(data_home, clock: FixedClock) -> Iterator[Footprint]:
    opened = open_footprint(data_home, clock)
    yield opened
    opened.close()


@pytest.fixture
def instagram(replica: ReplicaServer) -> ReplicaServer:
    """The replica with the typing detector on Instagram's login page."""
    site = replica.sites["instagram"]
    site.add_script(site.config["login"], TYPING_DETECTOR)
    return replica


@pytest.fixture
def config(instagram: ReplicaServer, tmp_path: Path, clock: FixedClock) -> AutomationConfig:
    return make_config(instagram, tmp_path / "profiles", clock=clock)


def history_lines(footprint: Footprint, platform_id: str) -> list[str]:
    """The History's lines for the platform, as the History window lists them."""
    from app.audit.history import change_lines

    platform = footprint.catalogue.platform(platform_id)
    lines = change_lines(platform, [], footprint.watched_drift_history(), footprint.watch_notes())
    return [line.text for line in lines]


def sign_in_as_the_worker(footprint: Footprint, config: AutomationConfig) -> None:
    """An ordinary automated read first, as in an audit: it signs in from the keyring and the
    profile keeps the session."""
    platform = footprint.catalogue.platform("instagram")
    engine = AutomationEngine(config, lambda: False)
    try:
        results = engine.read_platform(platform, Recorder())
    finally:
        engine.close()
    assert results and all(r.suggested is not None for r in results), results


def test_a_signed_out_session_is_not_signed_in_and_is_recorded_for_a_check_by_hand(
    footprint: Footprint, config: AutomationConfig, instagram: ReplicaServer, saved_credentials
) -> None:
    site = instagram.sites["instagram"]
    assert credentials.load("instagram") == credentials.Credential(USERNAME, PASSWORD)
    footprint.choose_signed_in_watch("instagram", True)
    run = footprint.run_signed_in_watch(config)
    [look] = run.looks
    assert look.outcome is LookOutcome.SIGNED_OUT
    assert SIGNED_OUT_BY_HAND in look.line()
    # Nothing was typed into the login page it was sent to, nothing was posted anywhere.
    assert site.changes == [] and site.visits == []
    status = "\n".join(footprint.watch_status().lines)
    assert "Instagram settings: last re-read on 02 Mar 2026" in status
    assert SIGNED_OUT_BY_HAND in status
    assert footprint.watched_drift() == []
    # The overview (its notices come with the dashboard's one read) and the History say it too.
    footprint.dashboard()
    [notice] = [n for n in footprint.notices() if SIGNED_OUT_BY_HAND in n]
    assert notice.startswith("Instagram: signed out — re-check by hand")
    history = history_lines(footprint, "instagram")
    assert len(history) == 1 and SIGNED_OUT_BY_HAND in history[0]
    # Not a fault to back off from: the next turn is the usual week away, and it types nothing.
    [schedule] = footprint.store.signed_in_watches()
    assert schedule.failures == 0 and schedule.next_look_at > START + POLICY.interval / 2


def test_the_typing_detector_sees_an_ordinary_sign_in_from_the_keyring(
    footprint: Footprint, config: AutomationConfig, instagram: ReplicaServer, saved_credentials
) -> None:
    """The check above can fail: the same page, read by the audit's reader (which may sign
    in), reports the typing and the post."""
    sign_in_as_the_worker(footprint, config)
    changes = instagram.sites["instagram"].changes
    assert "POST /typed" in changes and "POST /accounts/login/" in changes


def test_a_setting_turned_unsafe_on_a_live_session_raises_one_notification_and_one_entry(
    qtbot,
    footprint: Footprint,
    config: AutomationConfig,
    instagram: ReplicaServer,
    clock: FixedClock,
    saved_credentials,
) -> None:
    from app.ui.main_window import MainWindow
    from tests.ui.test_watch_notice import FakeNotifier

    sign_in_as_the_worker(footprint, config)
    site = instagram.sites["instagram"]
    footprint.choose_signed_in_watch("instagram", True)
    site.changes.clear()
    notifier = FakeNotifier()
    window = MainWindow(footprint=footprint, open_url=lambda _url: None, notifiers=[notifier])
    qtbot.addWidget(window)

    first = footprint.run_signed_in_watch(config)
    [look] = first.looks
    assert look.outcome is LookOutcome.SEEN and not look.compared and first.drift == []
    assert FIRST_LOOK in look.line() and not any("Nothing changed" in x for x in first.lines())
    assert FIRST_LOOK in "\n".join(footprint.watch_status().lines)
    assert [FIRST_LOOK in line for line in history_lines(footprint, "instagram")] == [True]
    window.watch.ran.emit(first)
    assert notifier.said == []

    site.settings["tag-review"] = "false"  # the platform turned tag review off
    clock.advance(POLICY.interval + POLICY.jitter)
    second = footprint.run_signed_in_watch(config)
    [drift] = second.drift
    assert (drift.platform_id, drift.topic, drift.before, drift.after) == (
        "instagram", "tag-review", "safe", "needs_action",
    )  # fmt: skip
    assert drift.source == "seen by the watch, signed in" and drift.seen_at == clock.now()
    assert site.changes == []  # the re-reads posted nothing, typed nothing
    window.watch.ran.emit(second)
    [(_title, message)] = notifier.said
    assert "Instagram" in message and "Tag review" in message and "signed in" in message
    entries = [d for d in footprint.watched_drift_history() if d.platform_id == "instagram"]
    assert len(entries) == 1 and len(footprint.watched_drift()) == 1
    lines = history_lines(footprint, "instagram")
    assert len(lines) == 1 and "seen by the watch, signed in" in lines[0]  # the first look's
    assert "Tag review" in lines[0]  # note gave way to the comparison that found the drift

    # A week on, still unsafe: nothing new.
    clock.advance(POLICY.interval + POLICY.jitter)
    third = footprint.run_signed_in_watch(config)
    assert [x.outcome for x in third.looks] == [LookOutcome.SEEN] and third.drift == []
    window.watch.ran.emit(third)
    assert len(notifier.said) == 1 and len(footprint.watched_drift_history()) == 1


def test_the_app_rereads_on_a_job_and_keeps_each_platform_on_the_ui_thread(
    qtbot, jobs, footprint: Footprint, config: AutomationConfig, instagram: ReplicaServer,
    saved_credentials,
) -> None:  # fmt: skip
    from app.ui.watch_runner import WatchRunner
    from tests.conftest import WAIT_MS

    runner = WatchRunner(footprint, jobs, lambda: None, reread_config_for=lambda: config)
    assert not runner.run_now()  # nothing ticked: no browser
    footprint.choose_signed_in_watch("instagram", True)
    with qtbot.waitSignal(runner.ran, timeout=WAIT_MS) as ran:
        assert runner.run_now()
        assert not runner.run_now()  # one run at a time
    [look] = ran.args[0].looks
    assert look.outcome is LookOutcome.SIGNED_OUT and instagram.sites["instagram"].changes == []
    [schedule] = footprint.store.signed_in_watches()
    assert schedule.last_outcome is LookOutcome.SIGNED_OUT
    assert not runner.run_now()  # its next turn is a week away
