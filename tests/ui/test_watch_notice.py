"""Drift seen by the watch is shown on the overview until the platform is checked again in an
audit (where it becomes an answer only when the worker records one)."""

from __future__ import annotations

from datetime import timedelta

from app.audit.answers import AnswerStatus
from app.audit.session import AuditSession
from app.audit.watch import Drift, LookOutcome, PlatformWatch
from app.clock import FixedClock
from app.footprint import open_footprint
from app.stranger.evidence import NO, YES
from tests.conftest import START


def test_watched_drift_shows_on_the_overview_until_the_platform_is_checked(
    data_home, make_window
) -> None:
    clock = FixedClock(START)
    footprint = open_footprint(data_home, clock)
    footprint.write_demo_data()
    platform = footprint.profile().platform_ids[0]  # type: ignore[union-attr]
    window = make_window(footprint)
    assert "can now see" not in window.dashboard.notices.text()
    assert not window.watch.run_now()  # the watch is off: no look, no browser
    clock.advance(timedelta(hours=1))
    drift = Drift(platform, "posts", NO, YES, clock.now())
    schedule = PlatformWatch(platform, clock.now() + timedelta(days=7), clock.now())
    footprint.store.record_watch_look(schedule, LookOutcome.SEEN, clock.now(), [drift], None)
    window.watch.ran.emit(None)  # as after a run of the watch while the app is open
    shown = window.dashboard.notices.text()
    assert "a signed-out stranger can now see your posts" in shown
    assert "seen by the watch, signed out" in shown and "not an answer until" in shown
    # The worker checks the platform again in an audit: the notice has done its work.
    clock.advance(timedelta(hours=1))
    session = AuditSession.start((platform,), footprint.catalogue, footprint.store, clock)
    while not session.is_finished:
        session.record(AnswerStatus.SAFE)
    window.refresh()
    assert "can now see your posts" not in window.dashboard.notices.text()


class FakeNotifier:
    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def notify(self, title: str, message: str) -> bool:
        self.said.append((title, message))
        return True


def test_drift_found_while_the_app_runs_is_announced_and_a_quiet_run_is_not(
    qtbot, data_home
) -> None:
    from app.services.watch_runs import WatchedLook, WatchRun
    from app.ui.main_window import MainWindow

    footprint = open_footprint(data_home, FixedClock(START))
    notifier = FakeNotifier()
    window = MainWindow(footprint=footprint, open_url=lambda _url: None, notifiers=[notifier])
    qtbot.addWidget(window)
    quiet = WatchRun(True, (WatchedLook("instagram", "Instagram", LookOutcome.SEEN),))
    window.watch.ran.emit(quiet)
    assert notifier.said == []
    drift = Drift("instagram", "posts", NO, YES, START)
    found = WatchRun(True, (WatchedLook("instagram", "Instagram", LookOutcome.SEEN, (drift,)),))
    window.watch.ran.emit(found)
    [(title, message)] = notifier.said
    assert "slide back" in title
    assert message == drift.sentence("Instagram")  # platform, change, source and time
