"""The worker's own public profile addresses: pasted addresses and bare handles, per platform,
become the platform's public form; anything else is refused with a sentence naming why."""

from __future__ import annotations

import pytest

from app.checklists.hosts import is_allowed
from app.stranger.profile_addresses import AddressError, address_problems, normalise, normalise_all
from app.stranger.public_profiles import PROFILES, profile_of

# (platform, what the worker typed or pasted, the public address Footprint keeps)
ACCEPTED = [
    ("facebook", "https://www.facebook.com/jo.worker", "https://www.facebook.com/jo.worker"),
    ("facebook", "https://m.facebook.com/jo.worker/?ref=bookmarks",
     "https://www.facebook.com/jo.worker"),
    ("facebook", "facebook.com/jo.worker", "https://www.facebook.com/jo.worker"),
    ("facebook", "jo.worker", "https://www.facebook.com/jo.worker"),
    ("facebook", "https://www.facebook.com/profile.php?id=100012345678901",
     "https://www.facebook.com/profile.php?id=100012345678901"),
    ("facebook", "https://web.facebook.com/profile.php?ref=x&id=42&sk=about",
     "https://www.facebook.com/profile.php?id=42"),
    ("facebook", "facebook.com/profile.php?id=42", "https://www.facebook.com/profile.php?id=42"),
    ("instagram", "https://www.instagram.com/jo.worker/", "https://www.instagram.com/jo.worker/"),
    ("instagram", "https://instagram.com/jo.worker?igsh=abc",
     "https://www.instagram.com/jo.worker/"),
    ("instagram", "@jo_worker", "https://www.instagram.com/jo_worker/"),
    ("instagram", "  jo.worker  ", "https://www.instagram.com/jo.worker/"),
    ("x", "https://x.com/jo_worker", "https://x.com/jo_worker"),
    ("x", "https://twitter.com/jo_worker", "https://x.com/jo_worker"),
    ("x", "HTTPS://WWW.TWITTER.COM/jo_worker/", "https://x.com/jo_worker"),
    ("x", "@jo_worker", "https://x.com/jo_worker"),
    ("linkedin", "https://www.linkedin.com/in/jo-worker/", "https://www.linkedin.com/in/jo-worker"),
    ("linkedin", "https://uk.linkedin.com/in/jo-worker-1a2b3c",
     "https://www.linkedin.com/in/jo-worker-1a2b3c"),
    ("linkedin", "linkedin.com/in/jo-worker", "https://www.linkedin.com/in/jo-worker"),
    ("linkedin", "jo-worker", "https://www.linkedin.com/in/jo-worker"),
    ("tiktok", "https://www.tiktok.com/@jo.worker", "https://www.tiktok.com/@jo.worker"),
    ("tiktok", "https://www.tiktok.com/@jo.worker/video/7301?lang=en",
     "https://www.tiktok.com/@jo.worker"),
    ("tiktok", "@jo.worker", "https://www.tiktok.com/@jo.worker"),
    ("tiktok", "jo.worker", "https://www.tiktok.com/@jo.worker"),
    ("youtube", "https://www.youtube.com/@joworker", "https://www.youtube.com/@joworker"),
    ("youtube", "https://m.youtube.com/@joworker/videos", "https://www.youtube.com/@joworker"),
    ("youtube", "@joworker", "https://www.youtube.com/@joworker"),
    ("youtube", "https://www.youtube.com/channel/UC1a2B3c4D5e6F7g8H9i0J1k",
     "https://www.youtube.com/channel/UC1a2B3c4D5e6F7g8H9i0J1k"),
    ("youtube", "https://www.youtube.com/c/JoWorker", "https://www.youtube.com/c/JoWorker"),
    ("strava", "https://www.strava.com/athletes/12345678",
     "https://www.strava.com/athletes/12345678"),
    ("strava", "strava.com/athletes/12345678/", "https://www.strava.com/athletes/12345678"),
    ("strava", "12345678", "https://www.strava.com/athletes/12345678"),
    ("threads", "https://www.threads.net/@jo.worker", "https://www.threads.com/@jo.worker"),
    ("threads", "@jo.worker", "https://www.threads.com/@jo.worker"),
    ("bluesky", "https://bsky.app/profile/jo.bsky.social",
     "https://bsky.app/profile/jo.bsky.social"),
    ("bluesky", "https://bsky.app/profile/jo.bsky.social/post/3kabc",
     "https://bsky.app/profile/jo.bsky.social"),
    ("bluesky", "@jo", "https://bsky.app/profile/jo.bsky.social"),
    ("bluesky", "jo.example.org", "https://bsky.app/profile/jo.example.org"),
    ("bluesky", "did:plc:abcdefghijklmnopqrstuvwx",
     "https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx"),
    ("pinterest", "https://uk.pinterest.com/joworker/", "https://www.pinterest.com/joworker/"),
    ("pinterest", "https://www.pinterest.co.uk/joworker", "https://www.pinterest.com/joworker/"),
    ("pinterest", "joworker", "https://www.pinterest.com/joworker/"),
    ("reddit", "https://www.reddit.com/user/jo_worker/", "https://www.reddit.com/user/jo_worker"),
    ("reddit", "https://old.reddit.com/u/jo_worker", "https://www.reddit.com/user/jo_worker"),
    ("reddit", "u/jo_worker", "https://www.reddit.com/user/jo_worker"),
    ("reddit", "jo-worker", "https://www.reddit.com/user/jo-worker"),
    ("snapchat", "https://www.snapchat.com/@joworker", "https://www.snapchat.com/add/joworker"),
]  # fmt: skip


@pytest.mark.parametrize(("platform_id", "typed", "public"), ACCEPTED)
def test_addresses_and_handles_become_the_public_form(
    platform_id: str, typed: str, public: str
) -> None:
    assert normalise(platform_id, typed) == public


@pytest.mark.parametrize(("platform_id", "typed", "public"), ACCEPTED)
def test_the_public_form_is_on_the_platforms_own_site_and_stays_as_it_is(
    platform_id: str, typed: str, public: str
) -> None:
    assert is_allowed(platform_id, public)
    assert normalise(platform_id, public) == public


def test_every_platforms_example_makes_a_valid_address() -> None:
    for platform_id, profile in PROFILES.items():
        public = profile.public_address(profile.example)
        assert normalise(platform_id, profile.example) == public, platform_id
        assert is_allowed(platform_id, public), platform_id


@pytest.mark.parametrize("empty", ["", "   ", "\t\n"])
def test_an_empty_field_is_no_address(empty: str) -> None:
    assert normalise("instagram", empty) is None


def refusal(platform_id: str, typed: str) -> str:
    with pytest.raises(AddressError) as caught:
        normalise(platform_id, typed)
    return str(caught.value)


# (platform, typed, words the refusal must contain)
REFUSED = [
    # Another site, or one made to look like the platform's.
    ("facebook", "https://www.facebook.com.example.net/jo.worker", "not an address on Facebook"),
    ("facebook", "facebook.com.example.net/jo.worker", "not an address on Facebook"),
    ("instagram", "https://www.instagram.com:8443/jo.worker/", "not an address on Instagram"),
    ("instagram", "https://jo@www.instagram.com/jo.worker/", "not an address on Instagram"),
    ("x", "https://x.com.evil.example/jo_worker", "not an address on X"),
    ("x", "https://mobile.example.com/x.com/jo_worker", "not an address on X"),
    ("linkedin", "https://www.facebook.com/in/jo-worker", "not an address on LinkedIn"),
    ("tiktok", "https://tiktok.co/@jo.worker", "not an address on TikTok"),
    # Not https.
    ("facebook", "http://www.facebook.com/jo.worker", "https://"),
    ("x", "ftp://x.com/jo_worker", "https://"),
    ("x", "javascript://x.com/%0Aalert(1)", "https://"),
    # Not a profile page on the platform's site.
    ("x", "https://x.com/jo_worker/status/1234", "not a profile page on X"),
    ("linkedin", "https://www.linkedin.com/company/riverside-care", "not a profile page"),
    ("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "not a profile page on YouTube"),
    ("pinterest", "https://www.pinterest.com/pin/12345/", "not a profile page on Pinterest"),
    ("strava", "https://www.strava.com/activities/9876543", "not a profile page on Strava"),
    ("reddit", "https://www.reddit.com/r/socialwork", "not a profile page on Reddit"),
    ("instagram", "https://www.instagram.com/", "not a profile page on Instagram"),
    # The platform's own pages that are not anybody's profile.
    ("facebook", "https://www.facebook.com/login", "“login” is not a Facebook profile name"),
    ("facebook", "https://www.facebook.com/login.php", "not a Facebook profile name"),
    ("facebook", "https://www.facebook.com/profile.php", "not a Facebook profile name"),
    ("facebook", "https://www.facebook.com/profile.php?id=jo", "not a Facebook profile name"),
    # Digits, but not ASCII ones: str.isdigit says yes to Arabic-Indic digits and superscripts.
    ("facebook", "facebook.com/profile.php?id=\u0661\u0662\u0663\u0664\u0665", "not a Facebook"),
    ("facebook", "https://www.facebook.com/profile.php?id=\u00b9\u00b2\u00b3", "not a Facebook"),
    ("facebook", "https://www.facebook.com/profile.php?id=\u06f4\u06f2", "not a Facebook"),
    ("instagram", "https://www.instagram.com/explore/", "“explore” is not an Instagram"),
    ("x", "https://x.com/settings", "“settings” is not an X profile name"),
    ("x", "@home", "“home” is not an X profile name"),
    ("pinterest", "https://www.pinterest.com/search/", "not a Pinterest profile name"),
    # Wrong shapes, with the rule in words.
    ("x", "@jo_worker_far_too_long", "1 to 15 letters, digits or underscores"),
    ("x", "jo.worker", "not an X profile name"),
    ("facebook", "jo", "5 to 50 letters, digits or dots"),
    ("instagram", "jo worker", "1 to 30 letters, digits, dots or underscores"),
    ("instagram", "javascript:alert(1)", "not an Instagram profile name"),
    ("linkedin", "jo", "3 to 100 letters, digits or hyphens"),
    ("tiktok", "@j", "2 to 24 letters"),
    ("strava", "12345678/../settings", "not a Strava profile name"),
    ("bluesky", "jo_worker.bsky.social", "a handle such as jo.bsky.social"),
    ("reddit", "jo", "3 to 20 letters, digits, hyphens or underscores"),
    # Dot-only names would be "." and ".." path segments: the site's front page, not a profile.
    ("instagram", "..", "not an Instagram profile name"),
    ("instagram", "https://www.instagram.com/./", "not"),
    ("tiktok", "..", "not a TikTok profile name"),
    ("facebook", ".....", "not a Facebook profile name"),
]  # fmt: skip


@pytest.mark.parametrize(("platform_id", "typed", "words"), REFUSED)
def test_other_sites_and_shapes_are_refused_with_the_reason(
    platform_id: str, typed: str, words: str
) -> None:
    message = refusal(platform_id, typed)
    assert words in message
    assert message.endswith((".", ")")), message  # a sentence for the worker


def test_a_refused_address_shows_the_platforms_own_example() -> None:
    assert "https://www.linkedin.com/in/jo-worker" in refusal(
        "linkedin", "https://www.linkedin.com/company/riverside-care"
    )
    assert "https://x.com/jo_worker" in refusal("x", "http://x.com/jo_worker")


def test_a_long_or_unprintable_name_is_shortened_in_the_message() -> None:
    message = refusal("x", "a" * 200)
    assert "a" * 39 + "…" in message and "a" * 41 not in message
    assert "\x1b" not in refusal("x", "jo\x1b[31m")


def test_a_platform_without_public_profiles_is_refused() -> None:
    assert profile_of("whatsapp") is None
    assert "cannot look at a public profile" in refusal("whatsapp", "jo")
    assert normalise("whatsapp", "") is None  # an empty field is fine anywhere


def test_address_problems_names_every_bad_address_and_only_those() -> None:
    problems = address_problems(
        {
            "x": "@jo_worker",
            "facebook": "https://www.facebook.com.example.net/jo",
            "linkedin": "",
            "instagram": "http://www.instagram.com/jo/",
        }
    )
    assert set(problems) == {"facebook", "instagram"}
    assert "not an address on Facebook" in problems["facebook"]
    assert "https://" in problems["instagram"]


def test_normalise_all_keeps_every_non_empty_address_in_its_public_form() -> None:
    assert normalise_all({"x": "@jo_worker", "linkedin": " ", "strava": "12345678"}) == {
        "x": "https://x.com/jo_worker",
        "strava": "https://www.strava.com/athletes/12345678",
    }
    with pytest.raises(AddressError):
        normalise_all({"x": "@jo_worker", "facebook": "https://evil.example/jo.worker"})
