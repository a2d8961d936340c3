"""The one merged `--disable-features=` switch: Playwright's defaults kept, the hidden omnibox
WebUI popup gone, checked against the installed Playwright and a real Chromium."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import playwright
import pytest
from playwright.sync_api import Browser, CDPSession, Playwright

from app.automation.browsers import BrowserChoice
from app.automation.config import DESKTOP_ARGS, AutomationConfig
from app.automation.runtime import PlaywrightRuntime
from app.automation.switches import (
    HIDDEN_OMNIBOX_POPUP,
    PLAYWRIGHT_DISABLED_FEATURES,
    UNSEEN_BROWSER,
    disable_features,
    disabled_features,
)
from app.services.watch_signed_in import watch_config
from app.stranger.look_config import STRANGER_ARGS
from tests.automation.conftest import CHROMIUM, TEST_ARGS

DRIVER_LIB = Path(playwright.__file__).parent / "driver" / "package" / "lib"
# Where Playwright keeps its list: src/server/chromium/chromiumSwitches.ts, shipped as its own
# lib/server/chromium/chromiumSwitches.js in older drivers and inside lib/coreBundle.js in 1.65.
LIST = re.compile(r"\bdisabledFeatures\s*=\s*\[(?P<body>.*?)\]", re.DOTALL)
COMMENT = re.compile(r"//[^\n]*")
NAME = re.compile(r"""["']([A-Za-z0-9_]+)["']""")
OMNIBOX_POPUP = "omnibox-popup.top-chrome"


def installed_playwright_list() -> list[str]:
    """The feature names in the installed Playwright's `disabledFeatures` list."""
    for candidate in (
        DRIVER_LIB / "server" / "chromium" / "chromiumSwitches.js",
        DRIVER_LIB / "coreBundle.js",
    ):
        if candidate.is_file() and (found := LIST.search(candidate.read_text("utf-8"))):
            # Every name in the list, also one behind a condition (`env.X ? "" : "Name"`).
            return NAME.findall(COMMENT.sub("", found["body"]))
    raise AssertionError(f"Playwright's disabledFeatures list was not found under {DRIVER_LIB}")


def test_our_copy_holds_every_feature_the_installed_playwright_disables() -> None:
    theirs = installed_playwright_list()
    assert len(theirs) >= 5, theirs  # the parse found the list, not a stray bracket
    assert "PaintHolding" in theirs
    assert [f for f in theirs if f not in PLAYWRIGHT_DISABLED_FEATURES] == []


def test_the_merged_switch_keeps_playwrights_features_first_and_adds_ours_once() -> None:
    switch = disable_features("WebUIOmniboxPopup", "PaintHolding", "WebUIOmniboxPopup")
    features = disabled_features([switch])
    assert features == [*PLAYWRIGHT_DISABLED_FEATURES, "WebUIOmniboxPopup"]


def test_only_the_last_disable_features_switch_counts() -> None:
    args = ["--no-sandbox", "--disable-features=A,B", "--mute-audio", "--disable-features=C"]
    assert disabled_features(args) == ["C"]
    assert disabled_features(["--no-sandbox"]) == []


@pytest.mark.parametrize(
    "args", [TEST_ARGS, STRANGER_ARGS, DESKTOP_ARGS], ids=["tests", "stranger", "automation"]
)
def test_launch_arguments_never_drop_playwrights_disabled_features(
    args: tuple[str, ...],
) -> None:
    """A second `--disable-features=` anywhere would replace Playwright's list."""
    switches = [a for a in args if a.startswith("--disable-features=")]
    assert len(switches) <= 1, switches
    if switches:
        assert set(PLAYWRIGHT_DISABLED_FEATURES) <= set(disabled_features(args))


def test_the_headless_views_ask_for_no_omnibox_popup_and_no_spare_renderer() -> None:
    assert set(HIDDEN_OMNIBOX_POPUP) < set(UNSEEN_BROWSER)
    assert "SpareRendererForSitePerProcess" in UNSEEN_BROWSER
    for args in (TEST_ARGS, STRANGER_ARGS):
        assert set(UNSEEN_BROWSER) <= set(disabled_features(args))


# --- against the real browser ------------------------------------------------------------


@pytest.fixture(scope="module")
def driver() -> Iterator[Playwright]:
    runtime = PlaywrightRuntime()  # the thread's driver, shared as the product shares it
    try:
        yield runtime.start()
    finally:
        runtime.stop()


def launch(driver: Playwright, args: tuple[str, ...]) -> Browser:
    return driver.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(args))


def open_a_page(browser: Browser) -> CDPSession:
    """A context with one page showing something, and a CDP session to the browser."""
    page = browser.new_context().new_page()
    page.goto("data:text/html,<title>t</title><p>a page")
    return browser.new_browser_cdp_session()


def omnibox_targets(session: CDPSession) -> list[str]:
    """The omnibox popup's WebUI pages among the browser's targets (CDP Target.getTargets)."""
    targets = session.send("Target.getTargets", {"filter": [{}]})["targetInfos"]
    assert [t for t in targets if t["type"] == "page"], targets  # the window is up
    return [t["url"] for t in targets if OMNIBOX_POPUP in t["url"]]


def renderers(session: CDPSession) -> int:
    """How many renderer processes the browser runs (CDP SystemInfo.getProcessInfo)."""
    processes = session.send("SystemInfo.getProcessInfo")["processInfo"]
    return len([p for p in processes if p["type"] == "renderer"])


def seen_within(seconds: float, condition: Callable[[], bool]) -> bool:
    """Whether `condition` holds, looking again for up to `seconds` while it does not."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def command_line(browser: Browser) -> list[str]:
    """The browser's own command line, as chrome://version shows it."""
    page = browser.new_page()
    page.goto("chrome://version")
    text = page.locator("#command_line").inner_text()
    page.close()
    return text.split()


@pytest.mark.browser
def test_chromium_without_the_switch_preloads_the_popup_and_a_spare_renderer(
    driver: Playwright,
) -> None:
    """The control: what the next test looks for is there when the switch is not."""
    browser = launch(driver, tuple(a for a in TEST_ARGS if not a.startswith("--disable-f")))
    try:
        session = open_a_page(browser)
        # Ceilings for a loaded machine; both are there at once on an idle one.
        assert seen_within(20.0, lambda: bool(omnibox_targets(session)))
        # The page's renderer, the popup's, and the spare one.
        assert seen_within(20.0, lambda: renderers(session) >= 3)
    finally:
        browser.close()


@pytest.mark.browser
def test_the_stranger_browser_runs_one_renderer_and_keeps_playwrights_features(
    driver: Playwright,
) -> None:
    browser = launch(driver, STRANGER_ARGS)
    try:
        session = open_a_page(browser)
        # With the features on, the popup and the spare exist as soon as the page does (the
        # control above finds them on its first look), so a second without them is plenty.
        assert not seen_within(1.0, lambda: bool(omnibox_targets(session)))
        assert not seen_within(1.0, lambda: renderers(session) > 1)
        assert renderers(session) == 1  # the page's own
        effective = disabled_features(command_line(browser))
        assert set(PLAYWRIGHT_DISABLED_FEATURES) <= set(effective)
        assert set(UNSEEN_BROWSER) <= set(effective)
    finally:
        browser.close()


@pytest.mark.parametrize("args", [DESKTOP_ARGS, TEST_ARGS], ids=["automation", "tests"])
def test_the_watchs_headless_rereads_drop_the_popup_and_keep_every_other_switch(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    config = AutomationConfig(BrowserChoice("Chromium", CHROMIUM), tmp_path, args=args)
    watched = watch_config(config).args
    assert [a for a in watched if not a.startswith("--disable-features=")] == [
        a for a in args if not a.startswith("--disable-features=")
    ]
    assert len([a for a in watched if a.startswith("--disable-features=")]) == 1
    assert set(PLAYWRIGHT_DISABLED_FEATURES) <= set(disabled_features(watched))
    assert set(UNSEEN_BROWSER) <= set(disabled_features(watched))
    assert set(disabled_features(args)) <= set(disabled_features(watched))
    assert config.args == args  # the worker's own window is left as it was
