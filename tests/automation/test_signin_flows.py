"""Issue 16: signing in as the live sites ask for it, and probes that survive their changes.

X's two-screen form, its extra question after unusual activity, cookie notices dismissed
only by their most private choice, Instagram's "Save your login info?" left alone, signing
in by hand once with the profile remembering it, an HTTP 429, a probe's second address, and
the record kept of a failed read.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.audit.answers import AnswerStatus
from app.automation.failures import Failure
from app.automation.results import results_to_answers
from tests.automation.conftest import (
    NOBODY_SIGNS_IN,
    STILL_PAGE,
    Recorder,
    by_item,
    read,
)
from tests.sites.replica import PASSWORD, USERNAME

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("not_cancelled")]
BY_HAND = "Footprint carries on by itself once you are signed in."


# -- X --------------------------------------------------------------------------------------
def test_x_signs_in_from_the_keyring_over_two_screens(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["x"]
    login = (site.folder / "login.html").read_text(encoding="utf-8")
    assert 'type="password"' not in login.split("<script>")[0]  # screen one has no password
    recorder = Recorder()
    results = read(engine, shipped.platform("x"), recorder)
    assert recorder.waits == ["Signing in to X (Twitter) with your saved details…"]
    assert all(r.ok for r in results) and len(results) == 5
    assert site.changes == ["POST /i/flow/login"]


def test_x_asking_an_extra_question_hands_over_before_the_password(
    engine, shipped, replica, saved_credentials, expect_timeout
) -> None:
    expect_timeout(sign_in=NOBODY_SIGNS_IN)
    site = replica.sites["x"]
    site.unusual_activity = True
    recorder = Recorder()
    results = read(engine, shipped.platform("x"), recorder)
    assert recorder.waits == [
        "Signing in to X (Twitter) with your saved details…",
        "X (Twitter) asks for something Footprint has no saved answer for (for example your "
        "phone number or user name, after unusual activity). Finish signing in by hand in the "
        f"browser window. {BY_HAND}",
    ]
    assert site.changes == []  # the password was never typed, nothing was sent
    assert {r.failure for r in results} == {Failure.SIGNED_OUT}


def test_x_cookie_bar_over_the_form_is_refused_then_the_form_is_filled(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["x"]
    site.consent_needed = True
    results = read(engine, shipped.platform("x"))
    # "Refuse non-essential cookies", never "all"; the results say why when it was neither
    assert site.consent_choices == ["declined"], [r.describe() for r in results]
    assert all(r.ok for r in results)


def test_x_cookie_bar_still_moving_in_is_refused_once_it_stands_still(
    engine, shipped, replica, saved_credentials, expect_timeout
) -> None:
    # A page whose notice's buttons are still moving (a bar sliding in, a busy page on a
    # loaded laptop) when Footprint reaches them: the click waits until they stand still
    # (Playwright's actionability checks), within the element limit, instead of giving up
    # after half a second and leaving the notice to the worker. (A full test run on a loaded
    # machine failed this way: `consent_choices == []`.)
    expect_timeout(element=5.0)  # a generous ceiling for a wait that will end
    site = replica.sites["x"]
    site.consent_needed = True
    moving_in = "@keyframes slide { from { transform: translateX(40vw); } to { transform: none; } }"
    site.add_script(
        site.config["login"],
        f"const style = document.createElement('style'); style.textContent = '{moving_in} "
        "[data-testid=BottomBar] button { animation: slide 2s linear; }';"
        "document.head.append(style);",
    )
    results = read(engine, shipped.platform("x"))
    assert site.consent_choices == ["declined"]
    assert all(r.ok for r in results), [r.describe() for r in results]


# -- Instagram ------------------------------------------------------------------------------
def test_instagram_cookie_notice_is_declined_and_its_prompts_are_left_alone(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["instagram"]
    site.consent_needed = True
    results = read(engine, shipped.platform("instagram"))
    assert all(r.ok for r in results) and len(results) == 2, [r.describe() for r in results]
    assert site.consent_choices == ["declined"]
    # "Save your login info?" and "Turn on Notifications" were never answered: Footprint
    # went straight on to the settings pages.
    assert site.changes == ["POST /consent", "POST /accounts/login/"]


def test_a_cookie_notice_without_a_private_choice_is_left_to_the_worker(
    engine, shipped, replica, saved_credentials, expect_timeout
) -> None:
    expect_timeout(sign_in=NOBODY_SIGNS_IN)
    site = replica.sites["facebook"]
    site.consent_needed = True
    site.rename(site.config["login"], "Decline optional cookies", "Manage cookie settings")
    recorder = Recorder()
    results = read(engine, shipped.platform("facebook"), recorder)
    assert site.consent_choices == []  # "Allow all cookies" is never clicked
    assert recorder.waits == [
        "Something on Facebook's sign-in page is in the way (“Allow the use of cookies from "
        "Facebook on this browser?”), for example a cookie notice, so Footprint did not fill "
        f"in your saved details. Deal with it in the browser window, then sign in by hand. "
        f"{BY_HAND}"
    ]
    assert {r.failure for r in results} == {Failure.SIGNED_OUT}


# -- by hand, once ----------------------------------------------------------------------------
def test_signing_in_by_hand_once_is_remembered_by_the_platform_s_profile(
    engine, shipped, replica
) -> None:
    linkedin = shipped.platform("linkedin")

    def worker_signs_in(platform_id: str, message: str) -> None:
        assert message == (
            "Sign in to LinkedIn in the browser window that opened (you only need to do "
            "this once: Footprint keeps this window's sign-in for next time). " + BY_HAND
        )
        page = engine.page(platform_id)  # the window the worker sees
        page.get_by_label("Email or phone").fill(USERNAME)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

    first = Recorder(on_waiting=worker_signs_in)
    results = read(engine, linkedin, first)
    assert all(r.ok for r in results) and len(first.waits) == 1
    engine.close_platform("linkedin")  # the browser closes; its profile stays
    again = Recorder()
    results = read(engine, linkedin, again)  # a new browser, same profile
    assert all(r.ok for r in results) and again.waits == []


# -- failures and fallbacks -------------------------------------------------------------------
def test_http_429_stops_the_platform_as_rate_limited(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["x"]
    site.statuses["/settings/audience_and_tagging"] = 429
    results = read(engine, shipped.platform("x"))
    assert {(r.failure, r.problem) for r in results} == {
        (Failure.RATE_LIMITED, "the site is limiting requests or has blocked access for now "
                               "(HTTP 429)")
    }  # fmt: skip
    assert site.requests_after_login() == ["/settings/audience_and_tagging"]


def test_a_facebook_block_screen_is_recognised_in_its_own_typography(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["facebook"]
    site.rate_limited.add("/settings/?tab=how_people_find_and_contact_you")
    results = read(engine, shipped.platform("facebook"))
    assert {r.failure for r in results} == {Failure.RATE_LIMITED}
    assert "(“You’re Temporarily Blocked”)" in (results[0].problem or "")


def test_a_probe_s_second_address_is_tried_when_the_first_is_gone(
    engine, shipped, replica, saved_credentials
) -> None:
    site = replica.sites["linkedin"]
    site.statuses["/mypreferences/d/connections-visibility"] = 404
    results = by_item(read(engine, shipped.platform("linkedin")))
    connections = results["connections-visibility"]
    assert (connections.observed, connections.suggested) == ("On", AnswerStatus.SAFE)
    assert connections.where is not None
    assert connections.where.url.endswith("/mypreferences/d/visibility/connections-visibility")
    assert connections.where.locators == ("css=main input[type='radio'][value='HIDDEN']",)


def test_a_narrow_locator_is_used_when_a_broad_one_finds_several(
    engine, shipped, replica, saved_credentials
) -> None:
    """The posts tab has two "Edit privacy" buttons; the row's title picks the right one."""
    site = replica.sites["facebook"]
    site.settings["future-posts-audience"] = "Public"
    platform = shipped.platform("facebook")
    item = platform.item("future-posts-audience")
    assert item.probe is not None
    broad = replace(item.probe, locators=("css=[role='main'] [aria-label^='Edit privacy']",
                                          *item.probe.locators))  # fmt: skip
    [result] = read(engine, replace(platform, items=(replace(item, probe=broad),)))
    assert (result.observed, result.suggested) == ("Public", AnswerStatus.NEEDS_ACTION)


def test_a_failed_read_keeps_a_record_in_memory_only(
    engine, shipped, replica, saved_credentials, expect_timeout
) -> None:
    expect_timeout(settle_busy=STILL_PAGE)  # what is missing stays missing: no wait for it
    site = replica.sites["instagram"]
    site.rename("/accounts/tags_and_mentions/", "Manually approve tags", "Approve tags by hand")
    results = by_item(read(engine, shipped.platform("instagram")))
    failed = results["tag-review"]
    record = failed.where
    assert record is not None and record.screenshot is not None
    assert record.screenshot[:3] == b"\xff\xd8\xff"  # a JPEG, in memory
    assert record.describe().endswith(
        "/instagram/accounts/tags_and_mentions/\nLooked for:\n"
        '  role=switch[name="Manually approve tags"]\n'
        '  role=checkbox[name="Manually approve tags"]'
    )
    assert "screenshot" not in repr(failed)  # never echoed into a log by accident
    assert results_to_answers([failed]) == []  # nothing of it becomes an answer
