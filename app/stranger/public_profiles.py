"""The worker's own public profile addresses: which platforms have one, and their pattern.

A worker may give, per platform, the address of their own public profile (or just their
handle there); Footprint keeps it in the platform's public form (`instagram.com/NAME`,
`linkedin.com/in/NAME`, …) so that "See what a stranger sees" opens exactly that page in a
signed-out browser. Like `hosts.py`, this is code, not a file Footprint reads: an address is
accepted only when it is `https://` on the platform's own hosts (`hosts.py`) and has the
platform's profile shape (`profile_addresses.py` checks it against the patterns here), so
nothing can point the stranger's browser anywhere else.

Also here, per platform, what a signed-out visitor meets (sign-in walls, "not available"
screens, what is always public), from the public evidence gathered for issue 18 (project
notes `automation/outside-in.md`): the stranger's view uses these words to tell a wall from a
missing page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from urllib.parse import quote


@dataclass(frozen=True)
class PublicProfile:
    """One platform's public profile address, and what a signed-out visitor meets there.

    The public form is `origin + prefix + name + suffix`; `name` must match `name_pattern`
    (the whole of it). A pasted address is accepted on any of the platform's hosts, under
    any of `prefixes` (the first is the public form's).
    """

    platform_id: str
    origin: str  # "https://www.linkedin.com"
    prefixes: tuple[str, ...]  # "/in/"; "/" for x.com/NAME
    name_pattern: str
    name_rule: str  # the pattern in words, for an error message
    example: str  # a handle, for the form's placeholder
    suffix: str = ""  # "/" where the platform's own links end with one
    reserved: frozenset[str] = frozenset()  # first path parts that are not profiles
    handle_prefix: str = ""  # stripped from a bare handle ("@" is always stripped)
    default_domain: str = ""  # Bluesky: a bare name gets ".bsky.social"
    # Addresses a signed-out visitor is sent to instead of the profile (login pages, walls).
    wall_paths: tuple[str, ...] = ()
    # What the platform shows a stranger whatever the worker's settings, said plainly.
    always_public: str = ""
    # Why a sign-in wall may not be the whole story (the platform walls automated browsers).
    wall_caveat: str = ""
    # Words of a screen saying there is no such page (or it is hidden from strangers).
    missing_texts: tuple[str, ...] = ()
    # Words of a page asking a stranger to sign in before showing the profile.
    wall_texts: tuple[str, ...] = ()
    # Titles that are all a page says when there is no such account (on a page naming no
    # one), and strings in a page's embedded data that mean the same with HTTP 200: the
    # markers public username checkers keep (WhatsMyName `m_string`, Sherlock `errorMsg`,
    # Maigret `absenceStrs`; tests/pages/SOURCES.md).
    missing_titles: tuple[str, ...] = ()
    missing_data: tuple[str, ...] = ()
    # Words saying the account is private / protected (its posts hidden from strangers).
    private_texts: tuple[str, ...] = ()
    # A cookie notice's most private choice, as locators (besides the audit file's `consent`).
    consent: tuple[str, ...] = ()
    activities: bool = False  # Strava-like: activities with maps

    def public_address(self, name: str) -> str:
        """The public form of the profile of `name` (already checked)."""
        return f"{self.origin}{self.prefixes[0]}{quote(name, safe='@.-_~:')}{self.suffix}"


_COMMON_WALL = ("/login", "/signup", "/accounts/login")
_META_DECLINE = (
    "role=button[name='Decline optional cookies']",
    "role=button[name='Only allow essential cookies']",
)

PROFILES: Mapping[str, PublicProfile] = MappingProxyType(
    {
        profile.platform_id: profile
        for profile in (
            PublicProfile(
                "facebook",
                "https://www.facebook.com",
                ("/",),
                r"[A-Za-z0-9.]{5,50}",
                "5 to 50 letters, digits or dots, or profile.php?id= and your number",
                "jo.worker",
                reserved=frozenset(
                    {
                        "login",
                        "login.php",
                        "settings",
                        "groups",
                        "pages",
                        "events",
                        "watch",
                        "marketplace",
                        "help",
                        "privacy",
                        "policies",
                        "search",
                        "friends",
                        "messages",
                        "notifications",
                        "gaming",
                        "home.php",
                        "profile.php",  # only with ?id=<number>, read before the name
                    }
                ),
                wall_paths=("/login", "/login.php", "/checkpoint"),
                always_public=(
                    "Facebook always shows your name, profile picture and cover photo to "
                    "anyone, whatever your settings."
                ),
                missing_texts=(
                    "This content isn't available right now",
                    "This page isn't available",
                    "The link you followed may be broken",
                ),
                missing_titles=("Facebook",),  # WhatsMyName: <title>Facebook</title>
                wall_texts=("You must log in to continue", "Log in to Facebook"),
                consent=_META_DECLINE,
            ),
            PublicProfile(
                "instagram",
                "https://www.instagram.com",
                ("/",),
                r"[A-Za-z0-9._]{1,30}",
                "1 to 30 letters, digits, dots or underscores",
                "jo.worker",
                suffix="/",
                reserved=frozenset(
                    {"accounts", "explore", "p", "reel", "reels", "stories", "direct", "tv"}
                ),
                wall_paths=("/accounts/login", "/challenge"),
                always_public=(
                    "Instagram shows your name, user name, profile photo, bio and follower "
                    "counts to anyone, even when your account is private."
                ),
                wall_caveat=(
                    "Instagram also asks automated or frequent visitors to log in, so this is "
                    "not proof that your profile is hidden."
                ),
                missing_texts=("Sorry, this page isn't available",),
                missing_data=('"routePath":null',),  # WhatsMyName `m_string`
                wall_texts=("Log in to see photos and videos",),
                private_texts=("This account is private",),
                consent=_META_DECLINE,
            ),
            PublicProfile(
                "x",
                "https://x.com",
                ("/",),
                r"[A-Za-z0-9_]{1,15}",
                "1 to 15 letters, digits or underscores",
                "jo_worker",
                reserved=frozenset(
                    {
                        "home",
                        "settings",
                        "i",
                        "search",
                        "explore",
                        "login",
                        "messages",
                        "notifications",
                        "tos",
                        "privacy",
                        "signup",
                        "intent",
                        "share",
                    }
                ),
                wall_paths=("/i/flow/login", "/login", "/i/flow/signup"),
                always_public=(
                    "X shows your name, photo, bio, location and website to anyone, even when "
                    "your posts are protected."
                ),
                missing_texts=(
                    "This account doesn't exist",
                    "Account suspended",
                ),
                private_texts=("These posts are protected", "These Tweets are protected"),
                # By name, as in audits/x.toml: "the BottomBar's last button" would click
                # whatever X puts last (a "Sign up" bar below the notice, say).
                consent=("role=button[name='Refuse non-essential cookies']",),
            ),
            PublicProfile(
                "linkedin",
                "https://www.linkedin.com",
                ("/in/",),
                r"[A-Za-z0-9\-_%]{3,100}",
                "3 to 100 letters, digits or hyphens",
                "jo-worker",
                wall_paths=("/authwall", "/login", "/signup", "/uas/login", "/checkpoint"),
                always_public=(
                    "What LinkedIn shows a stranger is set by your public profile settings "
                    "(name and headline at least, while your profile is public)."
                ),
                wall_caveat=(
                    "LinkedIn also asks automated browsers to sign in, so people who arrive "
                    "from a search engine may still see your public profile: check “Your "
                    "profile's public visibility” by hand."
                ),
                missing_texts=(
                    "This page doesn't exist",
                    "Profile Not Found",
                ),
                wall_texts=("Sign in to view", "Join to view", "Sign in to see"),
            ),
            PublicProfile(
                "tiktok",
                "https://www.tiktok.com",
                ("/@",),
                r"[A-Za-z0-9._]{2,24}",
                "2 to 24 letters, digits, dots or underscores",
                "jo.worker",
                wall_paths=("/login",),
                always_public=(
                    "TikTok shows your name, photo, bio and follower counts to anyone, even "
                    "when your account is private."
                ),
                missing_texts=("Couldn't find this account",),
                # Sherlock `errorMsg`, Maigret `absenceStrs`.
                missing_data=('"statusCode":10221', 'serverCode":404'),
                private_texts=("This account is private",),
            ),
            PublicProfile(
                "youtube",
                "https://www.youtube.com",
                ("/@", "/channel/", "/c/", "/user/"),
                r"[A-Za-z0-9._\-]{3,100}",
                "3 to 100 letters, digits, dots, hyphens or underscores",
                "joworker",
                always_public=(
                    "YouTube shows your channel's name, picture and description to anyone."
                ),
                missing_texts=("This page isn't available",),
                consent=("role=button[name='Reject all']",),
            ),
            PublicProfile(
                "strava",
                "https://www.strava.com",
                ("/athletes/",),
                r"[A-Za-z0-9_\-]{1,40}",
                "the number (or name) at the end of your athlete page's address",
                "12345678",
                wall_paths=("/login", "/register"),
                missing_texts=("doesn't exist or sharing set to private",),
                missing_data=('"page":"/404"',),  # WhatsMyName
                activities=True,
            ),
            PublicProfile(
                "threads",
                "https://www.threads.com",
                ("/@",),
                r"[A-Za-z0-9._]{1,30}",
                "1 to 30 letters, digits, dots or underscores",
                "jo.worker",
                wall_paths=("/login", "/accounts/login"),
                always_public=(
                    "Threads shows your name, photo and bio to anyone, even when your profile "
                    "is private."
                ),
                wall_caveat=(
                    "Threads often asks visitors without an account to log in, so this is "
                    "not proof that your profile is hidden."
                ),
                missing_texts=("Sorry, this page isn't available",),
                private_texts=("This profile is private", "This account is private"),
                consent=_META_DECLINE,
            ),
            PublicProfile(
                "bluesky",
                "https://bsky.app",
                ("/profile/",),
                r"(?:[A-Za-z0-9\-]+\.)+[A-Za-z0-9\-]+|did:plc:[a-z0-9]{24}",
                "a handle such as jo.bsky.social (or your own domain)",
                "jo.bsky.social",
                default_domain=".bsky.social",
                always_public=(
                    "Bluesky posts are public by design; “Logged-out visibility” only asks "
                    "Bluesky's own app and website to hide them."
                ),
                # Hidden from signed-out visitors is not hidden: the wall is good news only in
                # part (the open network's public API still answers; project notes).
                wall_caveat=(
                    "Bluesky hides your profile only in its own app and website: your profile "
                    "and posts stay public to other apps and to anyone who asks Bluesky's open "
                    "network."
                ),
                missing_texts=("Profile not found", "Unable to resolve handle"),
                missing_titles=("Bluesky",),  # WhatsMyName: <title>Bluesky</title>
                wall_texts=(
                    "This user has requested that their content only be shown to signed-in users",
                    "Sign in to view",
                ),
            ),
            PublicProfile(
                "pinterest",
                "https://www.pinterest.com",
                ("/",),
                r"[A-Za-z0-9_]{3,30}",
                "3 to 30 letters, digits or underscores",
                "joworker",
                suffix="/",
                reserved=frozenset(
                    {
                        "pin",
                        "search",
                        "settings",
                        "ideas",
                        "today",
                        "business",
                        "login",
                        "_",
                        "categories",
                    }
                ),
                wall_paths=("/login",),
                missing_texts=("Sorry! We couldn't find that page", "User not found."),
            ),
            PublicProfile(
                "reddit",
                "https://www.reddit.com",
                ("/user/", "/u/"),
                r"[A-Za-z0-9_\-]{3,20}",
                "3 to 20 letters, digits, hyphens or underscores",
                "jo_worker",
                handle_prefix="u/",
                wall_paths=("/login", "/register"),
                missing_texts=("Sorry, nobody on Reddit goes by that name",),
                wall_texts=("Log in to continue",),
            ),
            PublicProfile(
                "snapchat",
                "https://www.snapchat.com",
                ("/add/", "/@"),
                r"[A-Za-z0-9._\-]{3,15}",
                "3 to 15 letters, digits, dots, hyphens or underscores",
                "joworker",
                always_public=(
                    "Snapchat shows your display name and Snapcode on this page to anyone."
                ),
                missing_texts=("Sorry, we couldn't find",),
                missing_data=("NOT_FOUND",),  # WhatsMyName `m_string`, with HTTP 200
            ),
        )
    }
)


def profile_of(platform_id: str) -> PublicProfile | None:
    """The platform's public profile pattern, or None where it has no public profile page."""
    return PROFILES.get(platform_id)
