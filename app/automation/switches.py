"""Chromium switches Footprint adds to Playwright's, built so they add to Playwright's own.

Chromium keeps only the LAST `--disable-features=` switch on its command line (a switch given
twice keeps its later value), and Playwright puts its own list first, before the caller's
arguments. So a second `--disable-features=` would silently drop Playwright's defaults
(PaintHolding, HttpsUpgrades, ThirdPartyStoragePartitioning, ...). `disable_features` makes ONE
switch that carries Playwright's list and ours. `PLAYWRIGHT_DISABLED_FEATURES` is a copy of
Playwright's list; tests/automation/test_switches.py reads the installed Playwright and fails
when the copy misses one of its entries, so a Playwright upgrade breaks a test, not behaviour.
"""

from __future__ import annotations

# Playwright 1.65's `disabledFeatures` (playwright-core src/server/chromium/chromiumSwitches.ts,
# bundled in the driver's lib/coreBundle.js), in its order.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)

# The omnibox suggestions drawn as a hidden WebUI page. Chromium 156 (Debian's) preloads a
# `chrome://omnibox-popup.top-chrome/` renderer, with `/omnibox_popup_aim.html` beside it,
# for every browser window even when headless (two "browser_ui" targets in CDP's
# Target.getTargets): ~0.3 s of CPU per new context, ~0.35 s per persistent launch, measured
# here. Disabled, the address bar keeps its native (Views) popup. Feature names: Chromium's
# components/omnibox/common/omnibox_features.cc (`kWebUIOmniboxPopup`, "shows the omnibox
# suggestions popup in WebUI") and chrome/browser/ui/omnibox/omnibox_next_features.h
# (`kWebUIOmniboxAimPopup`); Puppeteer's launcher disables both by default
# (packages/puppeteer-core/src/node/ChromeLauncher.ts). A browser that does not know a feature
# name ignores it (Chromium only looks features up by name; Playwright itself passes the
# Edge-only msForceBrowserSignIn to every Chromium), so Chrome and Edge start as before.
HIDDEN_OMNIBOX_POPUP = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")

# A warm renderer process Chromium keeps ready for the next cross-site navigation of the
# browser context used last (content/public/common/content_features.cc:
# `kSpareRendererForSitePerProcess`, "tries to always have a warm spare renderer process
# around for the most recently requested BrowserContext"). A headless look opens one page in
# a context of its own and closes it, so every context started a spare that nothing used: a
# second renderer per context in /proc, ~0.1 s of CPU each, measured here. Without it the
# page's process starts when it is needed, as Chromium's own benchmarks run it
# (crossbench disables the feature the same way).
SPARE_RENDERER = ("SpareRendererForSitePerProcess",)

# What a browser no one looks at has no use for: the stranger's view and the watch's
# re-reads (headless), and the tests. The worker's own window keeps Chromium's defaults.
UNSEEN_BROWSER = (*HIDDEN_OMNIBOX_POPUP, *SPARE_RENDERER)

_DISABLE_FEATURES = "--disable-features="


def disable_features(*features: str) -> str:
    """One `--disable-features=` switch: Playwright's defaults, then `features`, no repeats."""
    merged = dict.fromkeys((*PLAYWRIGHT_DISABLED_FEATURES, *features))
    return _DISABLE_FEATURES + ",".join(merged)


def headless_args(args: tuple[str, ...]) -> tuple[str, ...]:
    """`args` for a browser no one looks at: `UNSEEN_BROWSER` disabled as well, in one merged
    switch with any features `args` already disabled."""
    kept = tuple(a for a in args if not a.startswith(_DISABLE_FEATURES))
    return (*kept, disable_features(*disabled_features(args), *UNSEEN_BROWSER))


def disabled_features(args: tuple[str, ...] | list[str]) -> list[str]:
    """The features Chromium disables given `args`: those of the last `--disable-features=`."""
    switches = [a for a in args if a.startswith(_DISABLE_FEATURES)]
    if not switches:
        return []
    return [f for f in switches[-1].removeprefix(_DISABLE_FEATURES).split(",") if f]
