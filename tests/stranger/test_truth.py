"""The stranger's view's classes of false comfort (issue 27), one test each: a label with its
value on the next line, a sign-in box with cookie small print, a picture's ImageObject, a
sign-in home page or a "not found" page with a heading, and missing accounts told by title,
redirect, a short sentence or embedded data. Doubt is "can't tell", never "not shown"."""

from __future__ import annotations

from typing import Any

import pytest

from app.automation.failures import Failure, PageProblem
from app.stranger.judge import assess
from app.stranger.page_kinds import handle_of, is_cookie_notice, looks_like_profile
from app.stranger.page_text import LOCATION_LABELS, labelled
from app.stranger.public_profiles import PROFILES
from app.stranger.snapshot import PageSnapshot, count_posts
from app.stranger.view import Finding, Topic, Verdict, WorkerTerms

JO = WorkerTerms(name="Jo Worker", organisation="Riverside Care Ltd", role="Support Worker")


def profile_page(text: str = "", **fields: Any) -> PageSnapshot:
    """Jo's profile as drawn: a heading, the handle in the title."""
    base: dict[str, Any] = {
        "path": "/jo.worker",
        "asked_path": "/jo.worker",
        "title": "Jo Worker (@jo.worker)",
        "headings": ("Jo Worker",),
    }
    return PageSnapshot(**{**base, "text": f"Jo Worker\n{text}", **fields})


def findings(snapshot: PageSnapshot, platform_id: str = "x") -> dict[Topic, Finding]:
    return {f.topic: f for f in assess(snapshot, PROFILES[platform_id], JO)}


def problem(snapshot: PageSnapshot, platform_id: str = "x") -> PageProblem:
    with pytest.raises(PageProblem) as raised:
        assess(snapshot, PROFILES[platform_id], JO)
    return raised.value


# -- 1. a label, then its value on the next line or in the next element ----------------------
@pytest.mark.parametrize(
    "text",
    [
        "Location\nTobermory",
        "LOCATION\n\nTobermory, Argyll",
        "Lives in Tobermory",
        "Location: Tobermory",
        "Current city\nTobermory",
        "Jo · Lives in Tobermory · Runner",
    ],
)
def test_a_location_label_with_its_value_however_laid_out_is_shown(text: str) -> None:
    assert findings(profile_page(text))[Topic.LOCATION].verdict is Verdict.YES


def test_a_label_and_value_side_by_side_in_elements_is_shown() -> None:
    # "LocationTobermory" in the text: the browser read the pair from the elements.
    snapshot = profile_page("LocationTobermory", pairs=(("Location", "Tobermory"),))
    assert findings(snapshot)[Topic.LOCATION].verdict is Verdict.YES


def test_a_location_label_without_a_readable_value_is_cant_tell() -> None:
    snapshot = profile_page("Posts\nLocation", pairs=(("Location", ""),))
    assert findings(snapshot)[Topic.LOCATION].verdict is Verdict.UNSURE
    assert labelled(snapshot, LOCATION_LABELS) == (True, False)


def test_a_workplace_label_then_a_value_lists_a_workplace() -> None:
    found = findings(profile_page("Works at\nOakfield Stores"))[Topic.EMPLOYER]
    assert found.verdict is Verdict.YES


# -- 2. a sign-in box with cookie small print is not a cookie notice ---------------------------
def test_a_sign_in_box_whose_small_print_mentions_cookies_is_not_a_cookie_notice() -> None:
    small_print = "Log in\nBy continuing you agree to our Terms, Privacy and Cookie Policy."
    assert not is_cookie_notice(small_print, ["Log in", "Sign up", "Forgot password?"])
    assert not is_cookie_notice(small_print, ["Accept"], password_field=True)
    assert not is_cookie_notice("Sign up to see more", ["Accept all"])  # no cookie words


@pytest.mark.parametrize(
    "choices",
    [
        ["Allow all cookies", "Decline optional cookies"],
        ["Accept all", "Reject all", "More options"],
        ["Refuse non-essential cookies"],
        ["Manage preferences"],
    ],
)
def test_a_notice_offering_a_cookie_choice_is_one(choices: list[str]) -> None:
    assert is_cookie_notice("We use cookies to improve your experience.", choices)


# -- 3. posts only from what is a post ----------------------------------------------------
def test_the_profile_pictures_image_object_is_not_a_post() -> None:
    picture = {"@type": "ImageObject", "contentUrl": "https://cdn.example/jo.jpg"}
    person = {"@type": "Person", "name": "Jo Worker", "image": picture}
    structured = ({"@type": "ProfilePage", "mainEntity": person, "primaryImageOfPage": picture},)
    assert count_posts(structured) == 0
    snapshot = profile_page(structured=structured)
    assert findings(snapshot)[Topic.POSTS].verdict is Verdict.UNSURE  # never "can see"
    posting = {"@type": "SocialMediaPosting", "headline": "A walk", "image": picture}
    assert count_posts(({"@graph": [person, posting]},)) == 1
    assert count_posts(({"@type": "ImageObject", "author": "Jo"},)) == 1  # a photo post


# -- 4. a page is a profile only when it names the person ---------------------------------
def test_a_sign_in_home_page_with_a_heading_is_not_the_profile() -> None:
    home = PageSnapshot(
        path="/jo.worker",
        asked_path="/jo.worker",
        title="Facebook – log in or sign up",
        headings=("Connect with friends and the world around you",),
        text="Connect with friends and the world around you on Facebook. " * 3,
    )
    assert not looks_like_profile(home)
    assert problem(home, "facebook").kind is Failure.UNSETTLED  # can't tell, no findings


def test_a_not_found_page_with_a_heading_and_the_words_only_in_its_title() -> None:
    gone = PageSnapshot(
        path="/in/jo-worker",
        asked_path="/in/jo-worker",
        title="Profile Not Found | LinkedIn",
        headings=("Explore more",),
        text="Explore more\nJobs\nLearning\nPeople you may know " * 5,
    )
    assert problem(gone, "linkedin").kind is Failure.PAGE_CHANGED


def test_the_handle_or_the_workers_name_makes_a_page_a_profile() -> None:
    assert handle_of("/@jo.worker") == "jo.worker"
    assert handle_of("/in/jo-worker/") == "jo-worker"
    assert handle_of("/profile.php?id=123") == "123"
    by_handle = PageSnapshot(path="/@jo", asked_path="/@jo", title="Jo (@jo) | TikTok")
    assert looks_like_profile(by_handle)
    by_name = PageSnapshot(path="/athletes/1", asked_path="/athletes/1", headings=("Jo Worker",))
    assert looks_like_profile(by_name, JO) and not looks_like_profile(by_name)
    not_jo = PageSnapshot(path="/@jo", asked_path="/@jo", title="Jojo (@jojo) | TikTok")
    assert not looks_like_profile(not_jo)


# -- 5. missing accounts: status, redirect, title, short sentence, embedded data ------------
def test_a_redirect_from_the_profile_to_the_home_page_is_a_missing_account() -> None:
    home = PageSnapshot(path="/?next=x", asked_path="/nobody/", title="Pinterest", text="x" * 99)
    assert problem(home, "pinterest").kind is Failure.PAGE_CHANGED


def test_a_bare_platform_title_on_a_page_naming_nobody_is_missing_where_evidence_says() -> None:
    bare = PageSnapshot(path="/nobody", asked_path="/nobody", title="Facebook", text="y" * 500)
    assert problem(bare, "facebook").kind is Failure.PAGE_CHANGED


@pytest.mark.parametrize(
    "sentence",
    ["User not found.", "Sorry, this page isn't available.", "Profile not found",
     "This account doesn't exist"],
)  # fmt: skip
def test_a_short_not_found_sentence_is_a_missing_account(sentence: str) -> None:
    short = PageSnapshot(
        path="/nobody", asked_path="/nobody", headings=("Oops",), text=f"Oops\n{sentence}\nGo home"
    )
    assert problem(short, "reddit").kind is Failure.PAGE_CHANGED


@pytest.mark.parametrize(
    ("platform_id", "data"),
    [
        ("tiktok", '{"webapp.user-detail":{"statusCode":10221,"userInfo":{}}}'),
        ("strava", '{"page":"/404","query":{}}'),
        ("x", '{"user":{"result":{"status":"NOT_FOUND"}}}'),
    ],
)
def test_a_not_found_state_in_embedded_data_with_http_200(platform_id: str, data: str) -> None:
    # Even a page whose title echoes the handle: the data says there is no such account.
    snapshot = PageSnapshot(path="/@nobody", asked_path="/@nobody", title="nobody (@nobody)",
                            embedded=data, text="z" * 200)  # fmt: skip
    assert problem(snapshot, platform_id).kind is Failure.PAGE_CHANGED


def test_status_404_is_missing() -> None:
    assert problem(profile_page(status=404)).kind is Failure.PAGE_CHANGED


# -- doubt is "can't tell" ------------------------------------------------------------------
def test_a_profile_known_only_from_its_metadata_says_cant_tell_not_no() -> None:
    # The server HTML of a page the platform draws with its scripts: a title and meta tags.
    shell = PageSnapshot(
        path="/jo.worker/",
        asked_path="/jo.worker/",
        title="Jo Worker (@jo.worker) • Instagram photos and videos",
        meta={"og:title": "Jo Worker (@jo.worker)", "og:description": "57 Followers, 31 Following"},
    )
    found = findings(shell, "instagram")
    assert found[Topic.CONNECTIONS].verdict is Verdict.YES  # from the description
    for topic in (Topic.CONTACT, Topic.LOCATION, Topic.EMPLOYER, Topic.POSTS):
        assert found[topic].verdict is Verdict.UNSURE, topic
    assert Verdict.NO not in {f.verdict for f in found.values()}
