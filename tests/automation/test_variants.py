"""Issue 20: replica pages changed the ways live pages change, each with its exact outcome.

A read value is a value the page shows; anything else is "could not read" with its own kind
of reason. The variants (the probe's truth is set both ways where a guess could score Safe):

| variant                                     | outcome                                        |
| ------------------------------------------- | ---------------------------------------------- |
| checkbox `indeterminate`                    | could not read: mixed or unknown state         |
| switch / checkbox `aria-checked="mixed"`    | could not read: mixed or unknown state         |
| switch whose state is only in aria-pressed  | the true value (On / Off)                      |
| toggle button with aria-pressed             | the true value                                 |
| state only in a CSS class                   | could not read: mixed or unknown state         |
| placeholder, real value fetched 0.8 s later | the true value, after it arrived               |
| no state until a script sets it at 0.8 s    | the true value, after it was set               |
| a state that keeps changing                 | could not read: the value kept changing        |
| drawn unchecked, set by a script 0.8 s after | the true value, never the first one            |
| the page is quiet (no request at all)       |                                                |
| a class contradicting the accessible state  | could not read: mixed or unknown state         |
| cookie dialog over the sign-in form         | nothing typed; "something is in the way"       |
| a covering layer over the sign-in button    | nothing typed; "something is in the way"       |
| unusual sign-in form in Polish              | nothing typed; language hand-over; by hand ok  |
| modal dialog hiding the first settings page | dialog in the way (platform stops at once)     |
| connection refused part-way                 | first read stands; rest: could not be reached  |
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import replace
from types import SimpleNamespace

import pytest

from app.audit.answers import AnswerStatus
from app.automation.engine import AutomationEngine
from app.automation.failures import Failure
from app.automation.results import ReadResult, platform_problem
from app.checklists.model import Catalogue
from tests.automation.conftest import (
    FAST,
    NOBODY_SIGNS_IN,
    STILL_PAGE,
    Recorder,
    by_item,
    in_own_engine,
    read,
)
from tests.sites.replica import PASSWORD, USERNAME, ReplicaServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("not_cancelled", "saved_credentials"),
]
MIXED = "the setting shows a mixed or unknown state"
OFF_LINKEDIN = "/mypreferences/d/profile-visibility-off-linkedin"
ON_OFF = {"true": "On", "false": "Off"}


def one(engine: AutomationEngine, shipped: Catalogue, platform_id: str, item_id: str) -> ReadResult:
    [result] = read(engine, shipped.platform(platform_id), item_ids=(item_id,))
    return result


def assert_read(result: ReadResult, truth: str, safe_when: str) -> None:
    """The value the page holds was read and judged on it."""
    assert result.ok, result.describe()
    assert result.observed == ON_OFF[truth]
    expected = AnswerStatus.SAFE if truth == safe_when else AnswerStatus.NEEDS_ACTION
    assert result.suggested is expected


def assert_not_read(result: ReadResult, kind: Failure, problem: str) -> None:
    assert not result.ok and result.suggested is None and result.observed is None
    assert (result.failure, result.problem) == (kind, problem)


# -- on/off states --------------------------------------------------------------------------
@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize("truth", ["true", "false"])
def test_an_indeterminate_checkbox_is_a_mixed_state_never_off(
    engine, shipped, replica, truth, expect_timeout
) -> None:
    expect_timeout(settle_busy=STILL_PAGE)  # the unclear value stays so: no wait for it
    site = replica.sites["x"]
    site.settings["private-account"] = truth
    site.add_script(
        "/settings/audience_and_tagging", "document.querySelector('input').indeterminate = true;"
    )
    result = one(engine, shipped, "x", "private-account")
    assert_not_read(result, Failure.UNCLEAR_VALUE, f'{MIXED} (checked="mixed")')
    assert result.describe() == (
        f'could not read: {MIXED} (checked="mixed") — look at the setting yourself and answer '
        "by hand"
    )


@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize(
    ("platform_id", "item_id", "path", "css", "html"),
    [
        (  # safe when "false": a mixed switch read as Off would be a false Safe
            "facebook", "search-engine-visibility",
            "/settings/?tab=how_people_find_and_contact_you", "input[role=switch]",
            '<input type="checkbox" role="switch" aria-checked="mixed">',
        ),
        (  # safe when "true"
            "instagram", "private-account", "/accounts/privacy_setting/", "main input",
            '<div role="checkbox" tabindex="0" aria-checked="mixed" '
            'aria-labelledby="private-label"></div>',
        ),
    ],
)  # fmt: skip
def test_aria_checked_mixed_is_could_not_read(
    engine, shipped, replica, platform_id, item_id, path, css, html, expect_timeout
) -> None:
    expect_timeout(settle_busy=STILL_PAGE)  # the unclear value stays so: no wait for it
    replica.sites[platform_id].swap(path, css, html)
    result = one(engine, shipped, platform_id, item_id)
    assert_not_read(result, Failure.UNCLEAR_VALUE, f'{MIXED} (aria-checked="mixed")')


@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize("truth", ["true", "false"])
def test_a_switch_whose_state_is_only_in_aria_pressed_is_read(
    engine, shipped, replica, truth
) -> None:
    replica.sites["linkedin"].swap(
        OFF_LINKEDIN,
        "input[role=switch]",
        f'<div role="switch" tabindex="0" aria-labelledby="off-label" aria-pressed="{truth}">'
        "</div>",
    )
    assert_read(one(engine, shipped, "linkedin", "off-linkedin-visibility"), truth, "false")


@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize("truth", ["true", "false"])
def test_a_toggle_button_with_aria_pressed_is_read(engine, shipped, replica, truth) -> None:
    linkedin = shipped.platform("linkedin")
    item = linkedin.item("off-linkedin-visibility")
    assert item.probe is not None
    locator = "role=button[name='Profile discovery and visibility off LinkedIn']"
    probe = replace(item.probe, locators=(locator,))
    replica.sites["linkedin"].swap(
        OFF_LINKEDIN,
        "input[role=switch]",
        f'<button aria-labelledby="off-label" aria-pressed="{truth}">Show</button>',
    )
    [result] = read(engine, replace(linkedin, items=(replace(item, probe=probe),)))
    assert_read(result, truth, "false")


@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize("shown_class", ["toggle toggle--on", "toggle toggle--off"])
def test_a_state_carried_only_by_a_css_class_is_could_not_read(
    engine, shipped, replica, shown_class, expect_timeout
) -> None:
    expect_timeout(settle_busy=STILL_PAGE)  # the unclear value stays so: no wait for it
    replica.sites["linkedin"].swap(
        "/public-profile/settings",
        "input[aria-labelledby=public-label]",
        f'<div role="switch" tabindex="0" aria-labelledby="public-label" class="{shown_class}">'
        "</div>",
    )
    result = one(engine, shipped, "linkedin", "search-engine-visibility")
    detail = "it has no checked, aria-checked or aria-pressed state"
    assert_not_read(result, Failure.UNCLEAR_VALUE, f"{MIXED} ({detail})")


# -- values that arrive late or never settle --------------------------------------------------
@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize("truth", ["true", "false"])
def test_a_value_fetched_after_the_page_shows_a_placeholder_is_read_once_it_arrives(
    engine, shipped, replica, truth
) -> None:
    site = replica.sites["instagram"]
    site.settings["private-account"] = truth
    site.api_delay = 0.8
    # The page first shows the opposite (the safe value when the truth is unsafe), then the
    # account's value arrives from the server 0.8 s later, as single-page apps do.
    site.add_script(
        "/accounts/privacy_setting/",
        f"""const box = document.querySelector("main input");
        box.checked = {"false" if truth == "true" else "true"};
        fetch("/instagram/api/setting/private-account").then((r) => r.json())
            .then((answer) => {{ box.checked = answer.value === "true"; }});""",
    )
    started = time.monotonic()
    result = one(engine, shipped, "instagram", "private-account")
    assert_read(result, truth, "true")
    assert time.monotonic() - started >= 0.8  # it waited for the value


@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize("truth", ["true", "false"])
def test_a_state_set_by_a_script_after_the_control_appears_is_waited_for(
    engine, shipped, replica, truth
) -> None:
    label = "Let people who have your email address find you on X"
    site = replica.sites["x"]
    site.swap(
        "/settings/contacts",
        "main label",
        f'<div id="late" role="checkbox" tabindex="0" aria-label="{label}"></div>',
    )
    site.add_script(
        "/settings/contacts",
        f"setTimeout(() => document.getElementById('late').setAttribute('aria-checked', "
        f"'{truth}'), 800);",
    )
    assert_read(one(engine, shipped, "x", "find-by-email"), truth, "false")


@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize("truth", ["true", "false"])
@pytest.mark.parametrize("control", ["switch", "checkbox"])
def test_a_value_a_script_sets_after_the_page_is_quiet_is_never_read_as_its_first(
    engine, shipped, replica, truth, control
) -> None:
    # Issue 27: the control is drawn with the opposite value; 0.8 s after the page has gone
    # quiet (loaded, unchanged, nothing in flight) a script sets the account's value, with no
    # request at all. Read before then, the first value would be the wrong answer.
    label = "Let people who have your email address find you on X"
    first = "false" if truth == "true" else "true"
    site = replica.sites["x"]
    if control == "switch":
        drawn = f'<div id="late" role="checkbox" tabindex="0" aria-checked="{first}" '
        drawn += f'aria-label="{label}"></div>'
        setter = f"el.setAttribute('aria-checked', '{truth}')"
    else:
        checked = " checked" if first == "true" else ""
        drawn = f'<label><input id="late" type="checkbox"{checked}> {label}</label>'
        setter = f"el.checked = {truth}"
    site.swap("/settings/contacts", "main label", drawn)
    site.add_script(
        "/settings/contacts",
        "window.addEventListener('load', () => setTimeout(() => setTimeout(() => {"
        f" const el = document.getElementById('late'); {setter}; }}, 800), 300));",
    )
    started = time.monotonic()
    assert_read(one(engine, shipped, "x", "find-by-email"), truth, "false")
    assert time.monotonic() - started >= 1.1  # it waited for the script


@pytest.mark.usefixtures("keeps_sign_in")
@pytest.mark.parametrize(
    "control",
    [
        '<div role="switch" tabindex="0" aria-labelledby="public-label" aria-checked="false" '
        'class="toggle toggle--on"></div>',
        '<label class="switch switch--on"><input type="checkbox" role="switch" '
        'aria-labelledby="public-label"></label>',
    ],
)
def test_a_class_that_contradicts_the_accessible_state_is_could_not_read(
    engine, shipped, replica, control, expect_timeout
) -> None:
    expect_timeout(settle_busy=STILL_PAGE)  # the unclear value stays so: no wait for it
    # The screen shows "on" through a class while the state a screen reader hears is off:
    # reading either would be a guess, and "off" is LinkedIn's safe value here.
    replica.sites["linkedin"].swap(
        "/public-profile/settings", "input[aria-labelledby=public-label]", control
    )
    result = one(engine, shipped, "linkedin", "search-engine-visibility")
    assert not result.ok and result.failure is Failure.UNCLEAR_VALUE, result.describe()
    assert "disagree" in (result.problem or "")


def flipping_setting(replica, every_ms: int) -> None:  # noqa: ANN001
    """X's find-by-phone setting as a checkbox whose state flips every `every_ms`, for ever."""
    label = "Let people who have your phone number find you on X"
    site = replica.sites["x"]
    site.swap(
        "/settings/contacts",
        "main label:nth-of-type(2)",
        f'<div id="flip" role="checkbox" tabindex="0" aria-checked="false" aria-label="{label}">'
        "</div>",
    )
    site.add_script(
        "/settings/contacts",
        """const flip = document.getElementById("flip");
        setInterval(() => flip.setAttribute("aria-checked",
            flip.getAttribute("aria-checked") === "true" ? "false" : "true"), EVERY);""".replace(
            "EVERY", str(every_ms)
        ),
    )


@pytest.mark.usefixtures("keeps_sign_in")
def test_a_value_that_keeps_changing_is_could_not_read(
    engine, shipped, replica, expect_timeout
) -> None:
    expect_timeout(element=1.5)  # it changes for ever: the read's limit is waited out
    flipping_setting(replica, every_ms=60)
    result = one(engine, shipped, "x", "find-by-phone")
    assert result.failure is Failure.UNSETTLED and not result.ok
    assert (result.problem or "").startswith(
        "the setting's value kept changing while Footprint looked at it (it changed "
    )


@pytest.mark.usefixtures("keeps_sign_in")
def test_a_value_that_keeps_changing_is_not_read_by_a_reader_starved_between_looks(
    engine, shipped, replica, expect_timeout, monkeypatch
) -> None:
    expect_timeout(element=1.5)
    # A busy machine: by the reader's clock each look comes 0.6 s after the last, so two
    # looks that find the same value span `settle_busy` while the value flipped in between.
    looks = itertools.count()
    starved = SimpleNamespace(monotonic=lambda: time.monotonic() + 0.6 * next(looks))
    monkeypatch.setattr("app.automation.values.time", starved)
    flipping_setting(replica, every_ms=400)
    # A page that never goes quiet (as real ones often do not), so only the value's own
    # steadiness could settle it: the page's own quiet would vouch for a 400 ms pause.
    replica.sites["x"].add_script(
        "/settings/contacts",
        """const ticker = document.createElement("span");
        document.body.append(ticker);
        setInterval(() => { ticker.textContent = String(Date.now()); }, 20);""",
    )
    result = one(engine, shipped, "x", "find-by-phone")
    assert result.failure is Failure.UNSETTLED and not result.ok, result.describe()


@pytest.mark.usefixtures("keeps_sign_in")
def test_a_quiet_page_is_still_read_by_a_reader_slow_between_looks(
    engine, shipped, replica, monkeypatch
) -> None:
    """A slow laptop: each look 0.6 s after the last by the reader's clock. A quiet page
    vouches for itself, so its value is read as on a fast one (not "too busy")."""
    looks = itertools.count()
    slow = SimpleNamespace(monotonic=lambda: time.monotonic() + 0.6 * next(looks))
    monkeypatch.setattr("app.automation.values.time", slow)
    result = one(engine, shipped, "x", "find-by-phone")
    assert result.ok, result.describe()


# -- signing in ------------------------------------------------------------------------------
COOKIE_DIALOG = """const notice = document.createElement("div");
notice.setAttribute("role", "dialog");
notice.setAttribute("aria-modal", "true");
notice.setAttribute("aria-label", "Allow the use of cookies from Instagram on this browser?");
notice.style.cssText = "position:fixed;inset:0;background:#fff;z-index:10";
notice.innerHTML = "<button>Decline optional cookies</button><button>Allow all cookies</button>";
document.body.append(notice);"""
COVERING_LAYER = """const layer = document.createElement("div");
layer.style.cssText = "position:fixed;inset:0;background:rgba(0,0,0,.4);z-index:10";
document.body.append(layer);"""


@pytest.mark.parametrize(
    ("script", "title"),
    [
        (COOKIE_DIALOG, " (“Allow the use of cookies from Instagram on this browser?”)"),
        (COVERING_LAYER, ""),
    ],
)
def test_something_over_the_sign_in_form_hands_over_and_types_nothing(
    engine, shipped, replica, script, title, expect_timeout
) -> None:
    # Nobody signs in; a cookie notice's private choice is clicked, and this one stays.
    expect_timeout(sign_in=NOBODY_SIGNS_IN, element=1.0)
    site = replica.sites["instagram"]
    site.add_script(site.config["login"], script)
    recorder = Recorder()
    results = read(engine, shipped.platform("instagram"), recorder)
    assert recorder.waits == [
        f"Something on Instagram's sign-in page is in the way{title}, for example a cookie "
        "notice, so Footprint did not fill in your saved details. Deal with it in the browser "
        "window, then sign in by hand. Footprint carries on by itself once you are signed in."
    ]
    assert site.changes == []  # nothing typed, nothing sent
    assert {r.failure for r in results} == {Failure.SIGNED_OUT}  # nobody signed in by hand
    assert not any("saved details" in (r.problem or "") for r in results)


def test_an_unusual_sign_in_form_in_another_language_hands_over_and_by_hand_works(
    engine, shipped, replica
) -> None:
    site = replica.sites["instagram"]
    site.login_file = "login_pl.html"

    def worker_signs_in_in_polish(platform_id: str, message: str) -> None:
        page = engine.page(platform_id)
        page.locator("#u").fill(USERNAME)
        page.locator("#p").fill(PASSWORD)
        page.get_by_role("button", name="Zaloguj się").click()

    recorder = Recorder(on_waiting=worker_signs_in_in_polish)
    results = read(engine, shipped.platform("instagram"), recorder)
    assert recorder.waits == [
        "Instagram's sign-in page is in a language Footprint can't read yet (it says \"pl\") "
        "and its form is not the usual one, so Footprint did not fill in your saved details. "
        "Sign in by hand in the browser window. Footprint carries on by itself once you are "
        "signed in."
    ]
    assert all(r.ok for r in results) and len(results) == 2
    assert site.changes == ["POST /accounts/login/"]  # the worker's own sign-in, once


@pytest.mark.usefixtures("keeps_sign_in")
def test_a_dialog_hiding_the_first_settings_page_stops_the_platform_at_once(
    engine, shipped, replica
) -> None:
    site = replica.sites["facebook"]
    read(engine, shipped.platform("facebook"), item_ids=("tag-review",))  # signed in
    site.visits.clear()
    first = "/settings/?tab=how_people_find_and_contact_you"
    site.swap(
        first,
        "body",
        '<body><div role="dialog" aria-modal="true" aria-label="Confirm it\'s you">'
        "<p>We noticed unusual activity.</p><button>Continue</button></div></body>",
    )
    started = time.monotonic()
    results = read(engine, shipped.platform("facebook"))
    assert time.monotonic() - started < FAST.page
    assert {r.failure for r in results} == {Failure.DIALOG}
    assert {r.problem for r in results} == {
        "a dialog on the page is in the way (for example a cookie notice) (“Confirm it's you”)"
    }
    assert site.requests_after_login() == [first]


# -- connections -------------------------------------------------------------------------------
@pytest.fixture
def own_x_server() -> Iterator[ReplicaServer]:
    """A replica server of its own, to be switched off part-way through a read."""
    server = ReplicaServer().start()
    yield server
    server.stop()


def test_a_connection_refused_part_way_is_no_connection_not_a_changed_page(
    shipped, own_x_server, tmp_path
) -> None:
    recorder = Recorder(on_read=lambda result: own_x_server.stop())
    results = by_item(in_own_engine(own_x_server, tmp_path, shipped.platform("x"), recorder))
    assert results.pop("private-account").ok
    refused = "the site could not be reached (the connection was refused)"
    assert {(r.failure, r.problem) for r in results.values()} == {(Failure.NO_CONNECTION, refused)}
    assert results["find-by-email"].describe() == (
        f"could not read: {refused} — check your internet connection (or whether the site is "
        "down), then press Check again"
    )


def test_a_platform_that_cannot_be_reached_at_all_says_so_once(
    shipped, own_x_server, tmp_path
) -> None:
    own_x_server.stop()
    started = time.monotonic()
    results = in_own_engine(own_x_server, tmp_path, shipped.platform("x"), Recorder())
    assert time.monotonic() - started < FAST.page + 5  # no page waited out (browser start: 5)
    assert platform_problem(results) == (
        "Could not read any of these settings: the site could not be reached (the connection "
        "was refused). Next: check your internet connection (or whether the site is down), "
        "then press Check again."
    )
