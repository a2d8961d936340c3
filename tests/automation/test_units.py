"""The parts of automation that need no browser: discovery, addresses, results, profiles."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

from app.audit.answers import AnswerSource, AnswerStatus
from app.automation.browsers import NO_BROWSER, find_browser, missing_message
from app.automation.profiles import BrowserProfiles
from app.automation.results import (
    COULD_NOT_READ,
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


def test_a_failed_read_says_could_not_read_with_the_reason() -> None:
    result = failed("x", "find", "nothing on the page matches role=switch[name='A']", READ_AT)
    assert not result.ok and result.suggested is None
    assert (
        result.describe() == f"{COULD_NOT_READ} (nothing on the page matches role=switch[name='A'])"
    )


def test_a_platform_where_nothing_was_read_gets_one_message() -> None:
    same = [failed("x", i, "the page showed an error (HTTP 500)", READ_AT) for i in "abc"]
    assert platform_problem(same) == (
        "Could not read any of these settings (the page showed an error (HTTP 500)). "
        "Check them by hand."
    )
    mixed = [failed("x", "a", "one", READ_AT), failed("x", "b", "two", READ_AT)]
    assert "(the pages may have changed)" in (platform_problem(mixed) or "")
    assert platform_problem([*mixed, succeeded("x", "c", SWITCH, "true", READ_AT)]) is None
    assert platform_problem([]) is None


def test_only_read_values_become_answers_from_automation() -> None:
    results = [
        succeeded("x", "find", SWITCH, "true", READ_AT),
        failed("x", "who", "the page did not load within 20 seconds", READ_AT),
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
