"""Reading the replica sites with a real (headless) Chromium: one browser per platform, shared
with the other modules (`engine`); each test starts with safe settings, and signed out unless
its subject is not signing in (`keeps_sign_in`)."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace

import pytest

from app.audit.answers import AnswerStatus
from app.automation.failures import Failure
from app.automation.page import Cancelled
from app.automation.results import ReadResult, platform_problem
from app.checklists.model import Catalogue, Platform, Probe, ProbeRead
from tests.automation.conftest import (
    AUTOMATED,
    FAST,
    NOBODY_SIGNS_IN,
    STILL_PAGE,
    Recorder,
    by_item,
    read,
)
from tests.sites.replica import PASSWORD, USERNAME, ReplicaServer, Site

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("not_cancelled")]


def shown(site: Site, platform: Platform, item_id: str) -> str:
    """What the screen shows for the item's setting: a switch or radio button reads On/Off;
    a probe reading one option of a radio group reads On when that option is the value."""
    value, probe = site.value(item_id), platform.item(item_id).probe
    read_as = site.config.get("read_as", {}).get(item_id)
    if read_as is not None:
        return str(read_as[value])
    if probe is not None and probe.read is ProbeRead.CHECKED and value not in ("true", "false"):
        return "On" if value == probe.phrases[0].title else "Off"
    return {"true": "On", "false": "Off"}.get(value, value)


@pytest.mark.parametrize("platform_id", AUTOMATED)
def test_signed_out_it_signs_in_with_saved_details_and_reads_every_probe_as_safe(
    engine, shipped: Catalogue, replica: ReplicaServer, saved_credentials, platform_id
) -> None:
    platform, site = shipped.platform(platform_id), replica.sites[platform_id]
    recorder = Recorder()
    results = read(engine, platform, recorder)
    probed = [item.id for item in platform.items if item.probe]
    assert sorted(r.item_id for r in results) == sorted(probed) and len(probed) >= 2
    for result in results:
        assert result.ok, result.describe()
        assert result.suggested is AnswerStatus.SAFE
        assert result.observed == shown(site, platform, result.item_id)
    assert recorder.waits[0].startswith(f"Signing in to {platform.name} with your saved details")
    # Read-only: the login form is the only thing ever submitted.
    assert site.changes == [f"POST {site.config['login']}"]


@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize("platform_id", AUTOMATED)
def test_every_probe_reads_an_unsafe_setting_as_needs_action(
    engine, shipped, replica, saved_credentials, platform_id
) -> None:
    platform, site = shipped.platform(platform_id), replica.sites[platform_id]
    site.make_unsafe()
    results = read(engine, platform)
    assert len(results) == len([item for item in platform.items if item.probe])
    for result in results:
        assert result.suggested is AnswerStatus.NEEDS_ACTION, result.item_id
        assert result.observed == shown(site, platform, result.item_id)


def test_two_step_verification_waits_for_the_worker(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["facebook"]
    site.two_step = True

    def worker_approves_on_their_phone(platform_id: str, message: str) -> None:
        if "one more step" in message:
            site.two_step_approved = True

    recorder = Recorder(on_waiting=worker_approves_on_their_phone)
    results = read(engine, shipped.platform("facebook"), recorder)
    assert all(r.ok for r in results)
    assert any("two-step verification code" in message for message in recorder.waits)


def test_without_saved_details_the_worker_signs_in_by_hand(engine, shipped, replica) -> None:
    def worker_signs_in(platform_id: str, message: str) -> None:
        assert message.startswith("Sign in to LinkedIn in the browser window")
        page = engine.page(platform_id)  # the window the worker sees
        page.get_by_label("Email or phone").fill(USERNAME)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

    results = read(engine, shipped.platform("linkedin"), Recorder(on_waiting=worker_signs_in))
    assert all(r.ok for r in results)


def test_nobody_signing_in_gives_one_message_for_the_platform(
    engine, shipped, replica, expect_timeout
) -> None:
    timeouts = expect_timeout(sign_in=NOBODY_SIGNS_IN)
    results = read(engine, shipped.platform("instagram"))
    assert results and not any(r.ok for r in results)
    assert {r.failure for r in results} == {Failure.SIGNED_OUT}
    assert platform_problem(results) == (
        "Could not read any of these settings: you are not signed in (Footprint waited "
        f"{timeouts.sign_in:g} seconds for you to sign in). Next: sign in in the browser window, "
        "then press Check again."
    )


def test_a_changed_login_form_falls_back_to_signing_in_by_hand_and_leaks_no_password(
    engine, shipped, replica, saved_credentials, caplog, expect_timeout
) -> None:
    expect_timeout(sign_in=NOBODY_SIGNS_IN)
    # LinkedIn sometimes serves a login page built of custom components instead of inputs
    # (sigvardt/linkedin-buddy, auth/session.ts): none of the password locators match it.
    site = replica.sites["linkedin"]
    site.rename(
        site.config["login"],
        '<input id="password" name="session_password" type="password" '
        'autocomplete="current-password">',
        '<div id="pw" contenteditable="true" role="textbox"></div>',
    )
    recorder = Recorder()
    with caplog.at_level(logging.DEBUG):
        results = read(engine, shipped.platform("linkedin"), recorder)
    assert any("could not find the usual fields of LinkedIn's sign-in" in m for m in recorder.waits)
    assert not any("one more step" in m or "did not sign you in" in m for m in recorder.waits)
    assert not any(r.ok for r in results)
    assert {r.failure for r in results} == {Failure.SIGNED_OUT}
    assert site.changes == []  # nothing was typed or sent
    everything = caplog.text + repr(results) + " ".join(recorder.waits)
    assert PASSWORD not in everything


@pytest.mark.usefixtures("keeps_sign_in")
def test_a_renamed_element_is_could_not_read_and_the_rest_is_read(
    engine, shipped, replica, saved_credentials, expect_timeout
) -> None:
    expect_timeout(settle_busy=STILL_PAGE)  # what is missing stays missing: no wait for it
    site = replica.sites["facebook"]
    site.rename(
        "/settings/?tab=how_people_find_and_contact_you",
        "Who can see your friends list?",
        "Who sees your friends?",
    )
    results = by_item(read(engine, shipped.platform("facebook")))
    broken = results.pop("friend-list-visibility")
    assert not broken.ok and broken.failure is Failure.PAGE_CHANGED
    assert broken.describe() == (
        "could not read: the page may have changed (nothing on the page matches any of 2 "
        "locators) — check this setting by hand; Footprint needs an update to read it again"
    )
    assert broken.where is not None and broken.where.locators == (
        "row=\"Who can see your friends list?\" >> css=[role='button'][aria-label^='Edit privacy']",
        "row=\"Who can see your friends list?\" >> css=[role='button']",
    )
    assert broken.where.screenshot and broken.where.screenshot[:2] == b"\xff\xd8"  # a JPEG
    assert all(r.ok for r in results.values())


@pytest.mark.usefixtures("keeps_sign_in")
def test_two_elements_matching_one_probe_is_could_not_read(
    engine, shipped, replica, saved_credentials, expect_timeout
) -> None:
    expect_timeout(settle_busy=STILL_PAGE)  # what is missing stays missing: no wait for it
    site = replica.sites["x"]
    site.rename("/settings/contacts", "your phone number", "your email address")
    site.rename("/settings/contacts", '"CHECKBOX_2_LABEL"', '"CHECKBOX_1_LABEL"')
    results = by_item(read(engine, shipped.platform("x")))
    assert results["find-by-email"].problem == (
        "the page may have changed (2 parts of the page match any of 2 locators, not one)"
    )
    assert "nothing on the page matches" in (results["find-by-phone"].problem or "")
    assert (
        results["find-by-email"].failure is results["find-by-phone"].failure is Failure.PAGE_CHANGED
    )
    assert results["private-account"].ok and results["messages-from"].ok


@pytest.mark.usefixtures("keeps_sign_in")
def test_an_error_page_fails_only_the_items_on_that_page(
    engine, shipped, replica, saved_credentials
) -> None:
    replica.sites["x"].statuses["/settings/direct_messages"] = 500
    results = by_item(read(engine, shipped.platform("x")))
    for item_id in ("messages-from", "activity-status"):
        result = results.pop(item_id)
        assert result.failure is Failure.SITE_ERROR
        assert result.problem == "the site showed an error page (HTTP 500)"
    assert all(r.ok for r in results.values())


@pytest.mark.usefixtures("keeps_sign_in")
def test_an_error_screen_without_an_error_status_is_recognised_by_its_text(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["instagram"]
    site.rename("/accounts/tags_and_mentions/", "<h1>Tags and mentions</h1>",
                "<h1>Something went wrong</h1>")  # fmt: skip
    results = by_item(read(engine, shipped.platform("instagram")))
    assert results["tag-review"].problem == "the site showed an error page (“Something went wrong”)"
    assert results["tag-review"].failure is Failure.SITE_ERROR
    assert results["private-account"].ok


@pytest.mark.usefixtures("keeps_sign_in")
def test_a_rate_limit_screen_stops_the_platform_with_one_message(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["linkedin"]
    site.rate_limited.add("/public-profile/settings")
    results = read(engine, shipped.platform("linkedin"))
    assert len(results) == 7 and not any(r.ok for r in results)
    assert {r.failure for r in results} == {Failure.RATE_LIMITED}
    assert platform_problem(results) == (
        "Could not read any of these settings: the site is limiting requests or has blocked "
        "access for now (“Too many requests”). Next: wait an hour before trying again; check "
        "by hand meanwhile."
    )
    assert site.requests_after_login() == ["/public-profile/settings"]  # stopped at once


@pytest.mark.usefixtures("keeps_sign_in")
def test_a_slow_page_hits_the_timeout_and_the_audit_goes_on(
    engine, shipped, replica, saved_credentials, expect_timeout
) -> None:
    timeouts = expect_timeout(page=3.0)  # the other pages still load within it
    replica.sites["x"].delays["/settings/audience_and_tagging"] = timeouts.page + 2
    results = by_item(read(engine, shipped.platform("x")))
    expected = f"the page took too long to load (it did not load within {timeouts.page:g} seconds)"
    assert results["private-account"].problem == expected
    assert results["private-account"].failure is Failure.SLOW
    assert results["find-by-email"].ok and results["activity-status"].ok


@pytest.mark.usefixtures("keeps_sign_in")
def test_being_signed_out_part_way_stops_the_platform(
    engine, shipped, replica, saved_credentials
) -> None:
    replica.sites["x"].signs_out.add("/settings/contacts")
    results = by_item(read(engine, shipped.platform("x")))
    assert results.pop("private-account").ok
    assert {r.failure for r in results.values()} == {Failure.SIGN_IN_AGAIN}
    assert {r.problem for r in results.values()} == {
        "the site asked you to sign in again part-way through"
    }


@pytest.mark.usefixtures("keeps_sign_in")
def test_cancel_stops_at_once_and_keeps_what_was_read(
    engine, shipped, replica, saved_credentials, cancel
) -> None:
    def cancel_after_first(result: ReadResult) -> None:
        cancel.raised = True

    recorder = Recorder(on_read=cancel_after_first)
    with pytest.raises(Cancelled):
        read(engine, shipped.platform("facebook"), recorder)
    assert [r.item_id for r in recorder.results] == ["search-engine-visibility"]
    assert recorder.results[0].ok


@pytest.mark.usefixtures("keeps_sign_in")
def test_cancel_while_a_slow_page_loads_does_not_wait_for_the_timeout(
    engine, shipped, replica, saved_credentials, cancel
) -> None:
    read(engine, shipped.platform("x"), item_ids=("find-by-email",))  # signed in
    replica.sites["x"].delays["/settings/audience_and_tagging"] = 30
    timer = threading.Timer(0.3, lambda: setattr(cancel, "raised", True))
    started = time.monotonic()
    timer.start()
    with pytest.raises(Cancelled):
        read(engine, shipped.platform("x"))
    timer.join()
    assert time.monotonic() - started < FAST.page  # behaviour, not a benchmark


@pytest.mark.usefixtures("keeps_sign_in")
def test_check_again_rereads_one_item_after_the_worker_changed_it(
    engine, shipped, replica, saved_credentials
) -> None:
    platform = shipped.platform("instagram")
    assert all(r.ok for r in read(engine, platform))
    replica.sites["instagram"].settings["tag-review"] = "false"  # changed on the platform
    again = read(engine, platform, item_ids=("tag-review",))
    assert [(r.item_id, r.observed, r.suggested) for r in again] == [
        ("tag-review", "Off", AnswerStatus.NEEDS_ACTION)
    ]


@pytest.mark.usefixtures("keeps_sign_in")
def test_value_and_present_reads(engine, shipped, replica, saved_credentials) -> None:
    linkedin = shipped.platform("linkedin")
    url = "https://www.linkedin.com/public-profile/settings"
    probes = {
        "two-step-verification": Probe((url,), ("label=Your public profile URL",),
                                       ProbeRead.VALUE, ("www.linkedin.com/in/jo-worker",)),
        "search-engine-visibility": Probe((url,), ("role=heading[name='Edit visibility']",),
                                          ProbeRead.PRESENT, ("false",)),
        "profile-workplace": Probe((url,), ("role=heading[name='Photo visibility']",),
                                   ProbeRead.PRESENT, ("false",)),
    }  # fmt: skip
    items = tuple(replace(item, probe=probes[item.id]) for item in linkedin.items
                  if item.id in probes)  # fmt: skip
    results = by_item(read(engine, replace(linkedin, items=items)))
    assert results["two-step-verification"].suggested is AnswerStatus.SAFE
    assert results["search-engine-visibility"].observed == "Shown"
    assert results["search-engine-visibility"].suggested is AnswerStatus.NEEDS_ACTION
    assert results["profile-workplace"].observed == "Not shown"


def test_forget_sign_in_closes_the_browser_and_deletes_the_profile(engine, tmp_path) -> None:
    engine.page("x")
    folder = engine._profiles.root / "x"
    assert folder.is_dir() and oct(folder.stat().st_mode & 0o777) == "0o700"
    assert engine.forget("x") and not folder.exists()
    assert not engine.forget("x")
