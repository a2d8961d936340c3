"""The parts of automation that need no browser: discovery, addresses, results, profiles."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

from app.audit.answers import AnswerSource, AnswerStatus
from app.automation.browsers import NO_BROWSER, find_browser, missing_message
from app.automation.failures import Failure, PageProblem, network_failure, plain
from app.automation.profiles import BrowserProfiles
from app.automation.results import (
    ReadResult,
    failed,
    platform_problem,
    results_to_answers,
    succeeded,
)
from app.automation.urls import PROBE_BASE_ENV, UrlMap
from app.checklists.model import Probe, ProbeRead

READ_AT = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)
SWITCH = Probe("https://x.test/s", "role=switch[name='A']", ProbeRead.CHECKED, ("false",))
AUDIENCE = Probe("https://x.test/s", "role=combobox[name='B']", ProbeRead.TEXT, ("Only me",))


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    return path


def test_a_browser_set_in_settings_wins_when_it_exists(tmp_path: Path) -> None:
    chosen = executable(tmp_path / "my-chrome")
    found = find_browser(str(chosen), which=lambda name: "/usr/bin/chromium")
    assert found is not None and found.executable == chosen
    assert find_browser(str(tmp_path / "gone"), which=lambda name: None) is None
    assert "was not found" in missing_message(str(tmp_path / "gone"))


def test_linux_finds_chrome_before_chromium_on_the_path(tmp_path: Path) -> None:
    chrome, chromium = executable(tmp_path / "chrome"), executable(tmp_path / "chromium")
    paths = {"google-chrome": str(chrome), "chromium": str(chromium)}
    found = find_browser(system="Linux", which=paths.get)
    assert found is not None and (found.name, found.executable) == ("Google Chrome", chrome)


def test_windows_looks_in_program_files(tmp_path: Path) -> None:
    edge = executable(tmp_path / "Microsoft" / "Edge" / "Application" / "msedge.exe")
    found = find_browser(system="Windows", environ={"PROGRAMFILES(X86)": str(tmp_path)})
    assert found is not None and found.name == "Microsoft Edge" and found.executable == edge


def test_no_browser_is_one_sentence_saying_what_to_install() -> None:
    assert find_browser(system="Windows", environ={}) is None
    assert missing_message(None) == NO_BROWSER
    assert "install Google Chrome or Microsoft Edge" in NO_BROWSER
    assert "by hand works without one" in NO_BROWSER


def test_probe_addresses_can_point_at_a_local_replica() -> None:
    urls = UrlMap.from_env(
        {PROBE_BASE_ENV: "https://x.com=http://127.0.0.1:9/x; https://a.b=http://h/"}
    )
    assert urls("https://x.com/settings/contacts") == "http://127.0.0.1:9/x/settings/contacts"
    assert urls("https://x.com?tab=1") == "http://127.0.0.1:9/x?tab=1"
    assert urls("https://x.community/") == "https://x.community/"  # only whole origins
    assert urls("https://a.b") == "http://h"
    assert not UrlMap.from_env({})


def test_a_read_value_is_judged_and_kept_as_the_screen_says_it() -> None:
    off = succeeded("x", "find", SWITCH, "false", READ_AT)
    assert (off.observed, off.suggested, off.ok) == ("Off", AnswerStatus.SAFE, True)
    public = succeeded("x", "who", AUDIENCE, "  Public\n", READ_AT)
    assert (public.observed, public.suggested) == ("Public", AnswerStatus.NEEDS_ACTION)
    assert succeeded("x", "who", AUDIENCE, "only ME", READ_AT).suggested is AnswerStatus.SAFE
    assert len(succeeded("x", "who", AUDIENCE, "a" * 500, READ_AT).observed or "") == 120


def test_a_failed_read_says_could_not_read_with_the_kind_the_detail_and_the_next_step() -> None:
    problem = PageProblem(Failure.UNCLEAR_VALUE, 'aria-checked="mixed"')
    result = failed("x", "find", problem, READ_AT)
    assert not result.ok and result.suggested is None and result.failure is Failure.UNCLEAR_VALUE
    assert result.describe() == (
        'could not read: the setting shows a mixed or unknown state (aria-checked="mixed") '
        "— look at the setting yourself and answer by hand"
    )


def test_every_kind_of_failure_has_its_own_message_and_next_step() -> None:
    messages = [kind.message for kind in Failure]
    assert len(set(messages)) == len(messages)
    assert all(kind.next_step for kind in Failure)
    assert sum("changed" in m and "page" in m for m in messages) == 1  # only PAGE_CHANGED


def test_a_platform_where_nothing_was_read_gets_one_message_per_kind() -> None:
    def at(kind: Failure, detail: str, item: str = "a") -> ReadResult:
        return failed("x", item, PageProblem(kind, detail), READ_AT)

    same = [at(Failure.SITE_ERROR, "HTTP 500", i) for i in "abc"]
    assert platform_problem(same) == (
        "Could not read any of these settings: the site showed an error page (HTTP 500). "
        "Next: this is usually a problem on the site's side; try again later or check by hand."
    )
    # One kind with details that differ only by page: said once, by its kind.
    by_page = [at(Failure.PAGE_CHANGED, f"nothing matches {i}", i) for i in "ab"]
    assert platform_problem(by_page) == (
        "Could not read any of these settings: the page may have changed. Next: check this "
        "setting by hand; Footprint needs an update to read it again."
    )
    # Different kinds are each named, never merged into "the page may have changed".
    mixed = [
        at(Failure.NO_CONNECTION, "the connection was refused"),
        at(Failure.SITE_ERROR, "HTTP 503", "b"),
        at(Failure.SITE_ERROR, "HTTP 500", "c"),
    ]
    assert platform_problem(mixed) == (
        "Could not read any of these settings: 1 because the site could not be reached; "
        "2 because the site showed an error page. Check them by hand."
    )
    ok = succeeded("x", "c", SWITCH, "true", READ_AT)
    assert platform_problem([*mixed, ok]) is None
    assert platform_problem([]) is None


def test_network_errors_are_named_in_plain_words() -> None:
    refused = network_failure("net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/")
    assert (refused.kind, refused.detail) == (Failure.NO_CONNECTION, "the connection was refused")
    assert network_failure("net::ERR_NAME_NOT_RESOLVED").detail == "the address was not found"
    assert network_failure("net::ERR_INTERNET_DISCONNECTED").detail == "this computer is offline"
    assert network_failure("net::ERR_TIMED_OUT").kind is Failure.SLOW
    insecure = network_failure("net::ERR_CERT_AUTHORITY_INVALID")
    assert insecure.detail == "the connection was not secure" and insecure.stops_platform


def test_a_download_or_a_redirect_loop_is_not_a_lost_connection() -> None:
    """Issue 32.2: the site was reached; no page came of it."""
    download = network_failure("Download is starting")
    assert (download.kind, download.reason) == (
        Failure.NOT_A_PAGE,
        "the address gives a file to download, not a page (the browser was handed a file)",
    )
    loop = network_failure("net::ERR_TOO_MANY_REDIRECTS at https://x.com/jo")
    assert loop.kind is Failure.REDIRECT_LOOP and "connection" not in loop.reason


def test_outside_text_is_one_short_plain_line() -> None:
    assert plain("a\n\tb\x00c <b>x</b>") == "a b c <b>x</b>"  # plain: shown as text, not HTML
    assert len(plain("w" * 500)) == 160 and plain("w" * 500).endswith("…")


def test_only_read_values_become_answers_from_automation() -> None:
    results = [
        succeeded("x", "find", SWITCH, "true", READ_AT),
        failed("x", "who", PageProblem(Failure.SLOW, "within 20 seconds"), READ_AT),
    ]
    [answer] = results_to_answers(results)
    assert (answer.item_id, answer.status, answer.source) == (
        "find", AnswerStatus.NEEDS_ACTION, AnswerSource.AUTOMATION
    )  # fmt: skip
    local = READ_AT.astimezone().strftime("%H:%M")
    assert answer.observed == "On" and answer.note == f"read automatically at {local}"


def test_browser_profiles_are_owner_only_and_forgettable(tmp_path: Path) -> None:
    profiles = BrowserProfiles(tmp_path / "browser-profiles")
    folder = profiles.folder("facebook")
    for path in (folder, profiles.root):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
    (folder / "Cookies").write_text("session")
    assert profiles.has_sign_in("facebook")
    assert profiles.forget("facebook") and not folder.exists()
    assert not profiles.forget("facebook")
