"""What Footprint learns from a page by running a script in it, and what that tells.

- `CHANGE_WATCH`, installed in every page of a Footprint browser (the reader's and the
  stranger's): records when the page last changed after loading and which one-shot timers
  it has set to run soon; it observes and never changes what the page does.
- `JS_QUIET`, `JS_SHOWS`: script lines the page-reading scripts share (here, in `values` and
  in `app/stranger/page_capture.py`).
- `read_facts`: one round trip for the page's facts (`PageFacts`: status, error and
  rate-limit texts, language, a modal dialog, a password field, how long it has been quiet);
  `raise_for_screen`: the problem an error or rate-limit screen shows.

No Playwright import at run time: the page is only passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.automation.failures import Failure, PageProblem, plain

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from app.checklists.model import SignInPhrases

# Installed in every page of a Footprint browser (engine.py, app/stranger/browser.py):
# records when the page last changed after it finished loading, and which one-shot timers the
# page has set to run within `TIMER_HORIZON_MS` (a script that sets a value 0.8 s after
# everything else is quiet, with no request in flight, is still pending work). It observes:
# the page's timers run exactly as they would; they are only counted.
TIMER_HORIZON_MS = 2000
CHANGE_WATCH = """(() => {
    const key = Symbol.for("footprint.changed");
    Object.defineProperty(document, key, { value: 0, writable: true, enumerable: false });
    new MutationObserver(() => {
        if (document.readyState === "complete") { document[key] = performance.now(); }
    }).observe(document, { subtree: true, childList: true, attributes: true,
                           characterData: true });
    const due = new Map();
    const setTimer = window.setTimeout, clearTimer = window.clearTimeout;
    window.setTimeout = function (callback, delay, ...rest) {
        const wait = Number(delay) || 0;
        if (typeof callback !== "function" || wait > HORIZON) {
            return setTimer.call(window, callback, delay, ...rest);
        }
        let id = 0;
        const run = function (...args) { due.delete(id); return callback.apply(this, args); };
        id = setTimer.call(window, run, delay, ...rest);
        due.set(id, performance.now() + wait);
        return id;
    };
    window.clearTimeout = function (id) { due.delete(id); return clearTimer.call(window, id); };
    Object.defineProperty(document, Symbol.for("footprint.timer"), { enumerable: false,
        value: () => {
            let next = null;
            for (const at of due.values()) { next = next === null ? at : Math.min(next, at); }
            return next === null ? null : Math.max(next - performance.now(), 0);
        } });
})();""".replace("HORIZON", str(TIMER_HORIZON_MS))

# Script lines the page-reading scripts share (here and in `app/stranger/page_capture.py`):
# `nav`, the document's navigation entry; `quiet`, how long the page has been unchanged since
# it loaded (as CHANGE_WATCH records; null while that is unknown); `timer`, when the next
# one-shot timer it records is due; and `shows(el)`, whether an element is drawn at all.
JS_QUIET = """\
    const timer = (document[Symbol.for("footprint.timer")] || (() => null))();
    const nav = performance.getEntriesByType("navigation")[0];
    const changed = document[Symbol.for("footprint.changed")];
    const loaded = nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null;
    const quiet = loaded === null || changed === undefined
        ? null : performance.now() - Math.max(loaded, changed);
"""
JS_SHOWS = """\
    const shows = (el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
"""

# One round trip: the document's HTTP status, the first rate-limit and error texts it shows
# (ignoring case and curly apostrophes), its language, a modal dialog over it, whether it
# shows a password field, and how long it has been unchanged since loading.
_FACTS = (
    "([rateTexts, errorTexts]) => {\n"
    + JS_QUIET
    + JS_SHOWS
    + """\
    const plain = (text) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
    const shown = plain(document.body ? document.body.innerText : "");
    const first = (texts) => texts.find((text) => shown.includes(plain(text))) ?? null;
    const modal = [...document.querySelectorAll(
        '[role="dialog"], [role="alertdialog"], dialog[open]')].find((el) => shows(el) && (
        el.getAttribute("aria-modal") === "true" || el.getAttribute("role") === "alertdialog"
        || el.matches("dialog:modal")));
    const label = modal ? (modal.getAttribute("aria-label") || modal.innerText || "") : null;
    return {
        status: nav ? nav.responseStatus || 0 : 0,
        rate: first(rateTexts), error: first(errorTexts),
        lang: document.documentElement.lang || "",
        quiet: quiet, timer: timer, dialog: label === null ? null : label.slice(0, 200),
        password: [...document.querySelectorAll('input[type="password"]')].some(shows),
    };
}"""
)


@dataclass(frozen=True)
class PageFacts:
    """What one look at the page found (see `read_facts`)."""

    status: int = 0
    rate_text: str | None = None
    error_text: str | None = None
    lang: str = ""
    quiet_ms: float | None = None  # None: unknown (not loaded yet, or no change watch)
    # Milliseconds until the next one-shot timer the page set (within TIMER_HORIZON_MS) runs;
    # None when none is pending.
    timer_ms: float | None = None
    dialog: str | None = None
    password_field: bool = False

    @property
    def language(self) -> str:
        """The primary language subtag ("es" for "es-ES"), or "" when the page names none."""
        return self.lang.split("-")[0].split("_")[0].strip().lower()


def read_facts(page: Page, words: SignInPhrases) -> PageFacts:
    """One look at `page` (one round trip), with `words`' rate-limit and error texts."""
    found: dict[str, Any] = page.evaluate(
        _FACTS, [list(words.rate_limit_texts), list(words.error_texts)]
    )
    return facts_from(found)


def facts_from(found: dict[str, Any]) -> PageFacts:
    """The facts in what a page script returned (`_FACTS`, or the glance in `values`);
    what it left out stays at its default."""
    quiet, timer = found.get("quiet"), found.get("timer")
    return PageFacts(
        status=int(found.get("status") or 0),
        rate_text=found.get("rate"),
        error_text=found.get("error"),
        lang=str(found.get("lang") or ""),
        quiet_ms=float(quiet) if quiet is not None else None,
        timer_ms=float(timer) if timer is not None else None,
        dialog=found.get("dialog"),
        password_field=bool(found.get("password")),
    )


def raise_for_screen(facts: PageFacts) -> None:
    """Raise the problem an error, rate-limit or "blocked" screen shows, if any."""
    status = facts.status
    if status in (429, 999) or facts.rate_text:
        detail = (
            f"HTTP {status}" if status in (429, 999) else quoted_from_page(facts.rate_text or "")
        )
        raise PageProblem(Failure.RATE_LIMITED, detail, whole_page=True)
    if status in (404, 410):
        raise PageProblem(Failure.PAGE_CHANGED, f"the address gave HTTP {status}: not found")
    if status >= 400:
        raise PageProblem(Failure.SITE_ERROR, f"HTTP {status}")
    if facts.error_text:
        raise PageProblem(Failure.SITE_ERROR, quoted_from_page(facts.error_text))


def quoted_from_page(text: str) -> str:
    """Text the page showed, quoted and made safe to show; a blank one is an untitled dialog."""
    return f"“{plain(text, 80)}”" if text.strip() else "a dialog with no title"
