"""The report's "What slid back" lists the watch's drift with its source, as observations."""

from __future__ import annotations

from datetime import timedelta

from app.audit.watch import Drift, LookOutcome, PlatformWatch
from app.clock import FixedClock
from app.footprint import open_footprint
from app.report.html import render_html
from app.stranger.evidence import NO, YES
from tests.conftest import START


def test_watched_drift_is_in_what_slid_back_with_its_source(data_home) -> None:
    clock = FixedClock(START)
    footprint = open_footprint(data_home, clock)
    try:
        footprint.write_demo_data()
        platform = footprint.profile().platform_ids[0]  # type: ignore[union-attr]
        name = footprint.catalogue.get(platform).name  # type: ignore[union-attr]
        clock.advance(timedelta(hours=1))
        drift = Drift(platform, "posts", NO, YES, clock.now())
        schedule = PlatformWatch(platform, clock.now() + timedelta(days=7), clock.now())
        footprint.store.record_watch_look(schedule, LookOutcome.SEEN, clock.now(), [drift], [])
        report = footprint.report()
        [line] = report.watched
        assert line.startswith(f"{name}: a signed-out stranger can now see your posts")
        assert "seen by the watch, signed out" in line
        html = render_html(report)
        assert "not an answer until confirmed in an audit" in html
        assert "can now see your posts" in html
    finally:
        footprint.close()


def test_no_watched_drift_no_watch_lines(data_home) -> None:
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        footprint.write_demo_data()
        report = footprint.report()
        assert report.watched == ()
        assert "Seen by Footprint's watch" not in render_html(report)
    finally:
        footprint.close()
