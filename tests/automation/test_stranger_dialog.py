"""See what a stranger sees, end to end: Settings' addresses, the look against replica public
pages on 127.0.0.1, the window's verdicts, confirming in the audit, the report, and nothing of
the pages left anywhere in the data home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.audit.answers import AnswerSource, AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.session import AuditSession
from app.automation.browsers import BrowserChoice
from app.automation.urls import UrlMap
from app.clock import FixedClock
from app.footprint import Footprint, open_footprint
from app.report.content import ReportScope
from app.report.html import render_html
from app.stranger.evidence import NO, SIGNED_IN_NOTE, SeenFinding
from app.stranger.look import OutsideConfig, OutsideTimeouts
from app.stranger.public_profiles import profile_of
from app.stranger.view import Obstacle, StrangerView, Topic, Verdict
from app.ui.application import configure_qt_settings
from app.ui.audit_page import AuditPage
from app.ui.stranger_dialog import NO_ADDRESSES, StrangerDialog
from tests.automation.conftest import CHROMIUM, TEST_ARGS
from tests.conftest import START, WAIT_MS
from tests.sites.public_pages import ADDRESSES, DISTINCTIVE, PublicPages

PROFILE = WorkerProfile(
    display_name="Jo Worker",
    role="Support Worker",
    organisation="Riverside Care Ltd",
    regulator="sssc",
    platform_ids=("facebook", "instagram", "x", "linkedin", "tiktok"),
)
FAST = OutsideTimeouts(page=8.0, settle=0.2, busy=2.0, poll=0.05)


@pytest.fixture(scope="module")
def public_pages() -> Iterator[PublicPages]:
    pages = PublicPages().start()
    yield pages
    pages.stop()


@pytest.fixture
def footprint(data_home) -> Iterator[Footprint]:
    opened = open_footprint(data_home, FixedClock(START))
    configure_qt_settings(opened)
    opened.save_profile(PROFILE)
    yield opened
    opened.close()


@pytest.fixture
def look(qtbot, footprint, jobs, public_pages):
    """Save the addresses of these replica cases, look, and return the finished window."""

    def run(*cases: str) -> StrangerDialog:
        typed = dict(ADDRESSES[case] for case in cases)
        assert footprint.save_public_addresses(typed) == {}
        config = OutsideConfig(
            browser=BrowserChoice("Chromium", CHROMIUM),
            urls=UrlMap(public_pages.url_map()),
            timeouts=FAST,
            args=TEST_ARGS,
            clock=FixedClock(START),
        )
        dialog = StrangerDialog(footprint=footprint, jobs=jobs, config=config)
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.waitSignal(dialog.run_finished, timeout=WAIT_MS) as finished:
            qtbot.mouseClick(dialog.look_button, Qt.MouseButton.LeftButton)
        assert finished.args == [False]
        return dialog

    return run


def verdict(view: StrangerView, topic: Topic) -> Verdict | None:
    found = view.finding(topic)
    return found.verdict if found else None


def by_platform(dialog: StrangerDialog) -> dict[str, StrangerView]:
    return {view.platform_id: view for view in dialog.views()}


@pytest.mark.browser
def test_a_look_shows_what_a_stranger_sees_and_keeps_only_findings(
    qtbot, look, footprint, data_home
) -> None:
    dialog = look("public", "employer", "phone", "private")
    views = by_platform(dialog)
    assert sorted(views) == ["instagram", "linkedin", "tiktok", "x"]
    assert dialog.progress.value() == dialog.progress.maximum() == 4
    assert verdict(views["x"], Topic.PAGE) is Verdict.YES
    assert verdict(views["linkedin"], Topic.EMPLOYER) is Verdict.YES
    assert verdict(views["tiktok"], Topic.CONTACT) is Verdict.YES
    assert verdict(views["instagram"], Topic.POSTS) is Verdict.NO
    shown = {pid: "\n".join(dialog.texts(pid)) for pid in views}
    assert "Your employer or job title: Yes — " in shown["linkedin"]
    assert "A phone number or email address: Yes — " in shown["tiktok"]
    assert "Your posts and activity: No" in shown["instagram"]
    assert dialog.country_note.isVisible()
    assert not any(word.casefold() in "\n".join(shown.values()).casefold() for word in DISTINCTIVE)

    evidence = footprint.outside_evidence()
    assert evidence[("linkedin", "profile-workplace")].suggested is AnswerStatus.NEEDS_ACTION
    assert evidence[("tiktok", "profile-workplace")].suggested is AnswerStatus.NEEDS_ACTION
    assert evidence[("instagram", "private-account")].suggested is AnswerStatus.SAFE

    # The worker confirms the evidence beside the item in the audit.
    platforms = ("linkedin", "facebook")  # Facebook: no address, so never looked at
    session = AuditSession.start(platforms, footprint.catalogue, footprint.store, footprint.clock)
    page = AuditPage(codes=footprint.codes, regulator="sssc")
    qtbot.addWidget(page)
    page.set_outside_evidence(evidence)
    page.start(session)
    session.go_to("linkedin", "profile-workplace")
    page.show_current()
    assert "A signed-out stranger could see your employer or job title on LinkedIn" in (
        page.outside_label.text()
    )
    assert page.outside_button.isEnabled()
    qtbot.mouseClick(page.outside_button, Qt.MouseButton.LeftButton)
    answer = footprint.history()[-1].answers[("linkedin", "profile-workplace")]
    assert (answer.status, answer.source, answer.answered_at) == (
        AnswerStatus.NEEDS_ACTION, AnswerSource.OUTSIDE, START
    )  # fmt: skip

    # The report says per platform what a stranger could see, or that nobody looked.
    session.finish_now()
    report = footprint.report(ReportScope(run_id=session.run.id))
    lines = {line.platform: line for line in report.outside}
    assert lines["LinkedIn"].seen_at == START
    assert any(f.startswith("Your employer or job title: yes") for f in lines["LinkedIn"].findings)
    assert lines["Facebook"].seen_at is None
    html = render_html(report)
    assert "What a stranger could see" in html and "Not looked at" in html
    assert "linkedin.com/in" not in html  # the worker's addresses stay out of the report

    dialog.close()
    footprint.close()
    assert data_home.database.exists()  # the scan reads the real database, not an empty home
    assert leaked_words(data_home.root) == []


def leaked_words(root: Path) -> list[str]:
    """Every distinctive word of the replica pages found in any file under `root`."""
    found = []
    for path in (p for p in root.rglob("*") if p.is_file()):
        content = path.read_bytes().lower()
        found += [f"{path.name}: {w}" for w in DISTINCTIVE if w.lower().encode() in content]
    return found


def test_the_leak_scan_finds_a_word_it_should(tmp_path) -> None:
    """The scan above can fail: a file holding a page's word is reported."""
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "x.db").write_bytes(b"\x00\x01...zephyrine...")
    assert leaked_words(tmp_path) == ["x.db: Zephyrine"]


@pytest.mark.browser
def test_a_wall_is_good_news_and_a_rate_limit_is_told_apart(look, footprint) -> None:
    dialog = look("wall", "rate limited")
    views = by_platform(dialog)
    wall = views["linkedin"]
    assert wall.walled and verdict(wall, Topic.PAGE) is Verdict.NO
    shown = "\n".join(dialog.texts("linkedin"))
    assert "no proof" in shown and "check “Your profile's public visibility” by hand" in shown
    busy = views["instagram"]
    assert busy.obstacle is Obstacle.RATE_LIMITED
    [line] = dialog.texts("instagram")
    assert line.startswith("Could not look (rate limited):") and "wait an hour" in line
    evidence = footprint.outside_evidence()
    walled = evidence[("linkedin", "search-engine-visibility")]
    assert walled.suggested is None  # LinkedIn walls automated browsers: no proof
    assert walled.caveats == [profile_of("linkedin").wall_caveat]  # type: ignore[union-attr]
    assert not any(pid == "instagram" for pid, _item in evidence)  # an obstacle finds nothing


def test_without_addresses_the_window_points_to_settings(qtbot, footprint, jobs) -> None:
    dialog = StrangerDialog(footprint=footprint, jobs=jobs, config=None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.notice.text() == NO_ADDRESSES
    assert dialog.signed_in_note.text() == SIGNED_IN_NOTE  # said before any look
    assert not dialog.look_button.isEnabled() and dialog.settings_button.isVisible()
    with qtbot.waitSignal(dialog.settings_requested, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)


def test_the_audit_page_says_a_findings_caveat_and_suggests_nothing_from_a_hedged_wall(
    qtbot, footprint
) -> None:
    caveat = profile_of("linkedin").wall_caveat  # type: ignore[union-attr]
    wall = SeenFinding("linkedin", "page", NO, "asked to sign in, but that is no proof", START,
                       caveat)  # fmt: skip
    footprint.store.save_outside_findings({"linkedin"}, [wall])
    session = AuditSession.start(("linkedin",), footprint.catalogue, footprint.store,
                                 footprint.clock)  # fmt: skip
    page = AuditPage(codes=footprint.codes, regulator="sssc")
    qtbot.addWidget(page)
    page.set_outside_evidence(footprint.outside_evidence())
    page.start(session)
    session.go_to("linkedin", "search-engine-visibility")
    page.show_current()
    shown = page.outside_label.text()
    assert "A signed-out stranger could not see your profile page on LinkedIn" in shown
    assert caveat in shown and "check the setting yourself" in shown
    assert not page.outside_button.isEnabled()


@pytest.mark.browser
def test_closing_the_window_mid_look_keeps_what_was_shown(
    qtbot, footprint, jobs, public_pages
) -> None:
    public_pages.reset()
    typed = dict(ADDRESSES[case] for case in ("private", "hanging"))  # Instagram, then X
    assert footprint.save_public_addresses(typed) == {}
    config = OutsideConfig(
        browser=BrowserChoice("Chromium", CHROMIUM),
        urls=UrlMap(public_pages.url_map()),
        timeouts=FAST,
        args=TEST_ARGS,
        clock=FixedClock(START),
    )
    dialog = StrangerDialog(footprint=footprint, jobs=jobs, config=config)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        dialog.start()
        qtbot.waitUntil(lambda: "instagram" in by_platform(dialog), timeout=WAIT_MS)
        qtbot.waitUntil(public_pages.held.is_set, timeout=WAIT_MS)  # X is still loading
        assert dialog.is_looking
        dialog.close()  # Close or Esc, not Stop
        kept = {(f.platform_id, f.topic, f.verdict) for f in footprint.store.outside_findings()}
        assert ("instagram", "posts", "no") in kept
    finally:
        public_pages.release()
