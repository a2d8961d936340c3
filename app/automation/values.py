"""Reading one probe's value from an open page: the right element, a plain state, settled.

- The probe's locators are tried in order (`probes.candidates`, in the page's language);
  the first that finds exactly one element gives the value. Broad structural locators come
  first; one that finds several elements is passed over for a narrower one.
- On/off states come from `aria-checked`, `aria-pressed` or a checkbox's own checked state,
  and only "true"/"false" count; "mixed", a missing state, a state carried only by a CSS
  class, or a class ("toggle--on") that contradicts the accessible state is "could not read",
  never a guessed "false".
- The page must be quiet (no document, script, fetch or XHR request in flight, no one-shot
  timer the page set to run within the next 2 s, no change to the page for
  `Timeouts.settle`) or, on a page that never goes quiet, the value must stay the same for
  `Timeouts.settle_busy` (watched: looks more than half of it apart, Footprint starved
  of CPU, start the count again); and a second look must find the same value. A value that
  changed in between is looked at again; one that keeps changing is "could not read". On a
  page that never goes quiet the value must stay the same for `settle_busy` with no timer
  pending, or for 2 s (the longest a pending timer can take). The cost: on a page with no
  pending timer, one more round trip per probe (milliseconds: the replicas of all four
  platforms); on a page whose scripts set values late, the wait for those timers; on a page
  that never goes quiet, 1 s per probe, or 2 s where its timers never stop. A value a script
  sets more than 2 s after the page was first seen settled is not waited for.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from app.automation.failures import Failure, PageProblem
from app.automation.locators import locate
from app.automation.page import ReadOnlyPage
from app.automation.page_facts import TIMER_HORIZON_MS, PageFacts, facts_from
from app.automation.probes import Candidates, candidates
from app.checklists.model import Probe, ProbeRead

# The value of each element a locator matches. On/off states are read explicitly; anything
# but a plain "true" or "false" is reported as unknown, with what was seen.
_VALUES = """(elements, mode) => ({ page: (() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const changed = document[Symbol.for("footprint.changed")];
    const loaded = nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null;
    const modal = document.querySelector(
        '[role="dialog"][aria-modal="true"], [role="alertdialog"], dialog:modal');
    const timer = (document[Symbol.for("footprint.timer")] || (() => null))();
    return {
        quiet: loaded === null || changed === undefined
            ? null : performance.now() - Math.max(loaded, changed),
        timer: timer,
        lang: document.documentElement.lang || "",
        dialog: modal ? (modal.getAttribute("aria-label") || modal.innerText || "").slice(0, 200)
            : null,
    };
})(), values: elements.map((el) => {
    const busy = el.closest('[aria-busy="true"]') !== null;
    if (mode === "present") { return { busy }; }
    if (mode === "checked") {
        const seen = [];
        for (const name of ["aria-checked", "aria-pressed"]) {
            const value = el.getAttribute(name);
            if (value !== null) { seen.push([name, value.trim().toLowerCase()]); }
        }
        if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
            seen.push(["checked", el.indeterminate ? "mixed" : String(el.checked)]);
        }
        if (seen.length === 0) {
            return { busy, unknown: "it has no checked, aria-checked or aria-pressed state" };
        }
        const odd = seen.find(([, value]) => value !== "true" && value !== "false");
        if (odd) { return { busy, unknown: `${odd[0]}="${odd[1]}"` }; }
        if (new Set(seen.map(([, value]) => value)).size > 1) {
            return { busy, unknown: seen.map(([n, v]) => `${n}=${v}`).join(" but ") };
        }
        // A look kept in a class ("toggle--on") that contradicts the accessible state: the
        // screen and the state disagree, so neither is read.
        for (const node of [el, el.parentElement, el.closest("label")]) {
            for (const name of node ? node.classList : []) {
                const words = name.toLowerCase().split(/[-_]+/);
                const look = words.includes("on") || words.includes("checked") ? "true"
                    : words.includes("off") || words.includes("unchecked") ? "false" : null;
                if (look !== null && look !== seen[0][1]) {
                    return { busy, unknown: `its look (class "${name}") and its state ` +
                        `(${seen[0][0]}=${seen[0][1]}) disagree` };
                }
            }
        }
        return { busy, value: seen[0][1] };
    }
    const value = mode === "value" ? String(el.value ?? "") : (el.innerText || "").trim();
    return value ? { busy, value } : { busy, unknown: "it shows no value" };
}) })"""


@dataclass(frozen=True)
class Reading:
    """A value the page showed, where, and in which language."""

    value: str
    locator: str
    language: str  # the page's language ("" when it does not say)


def read(view: ReadOnlyPage, probe: Probe) -> Reading:
    """The settled value of the probe's setting on the open page; raises PageProblem (with
    the locators tried) when there is none."""
    timeouts = view.timeouts
    deadline = time.monotonic() + timeouts.element
    watch = _Settling(longest_gap=timeouts.settle_busy / 2)
    facts = view.last_facts or view.facts()
    while True:
        options = candidates(probe, facts.language)
        if not options.locators:  # every locator needs words this page's language lacks
            raise _tried(view.language_problem(facts, whole_page=False), options)
        chosen, seen, glance = _first_single(view, options.locators, probe.read)
        if glance is not None and glance.language != facts.language:
            facts = glance  # another document now: its language decides the locators
            continue
        facts = glance or view.facts()
        now = time.monotonic()
        value = watch.see(chosen, seen, probe.read, now)
        steady_for = now - watch.since
        # Quiet; or unchanged for `settle_busy` with no timer pending; or, on a page whose
        # timers never stop, unchanged for as long as a pending timer can take to run.
        settled = (
            view.is_quiet(facts)
            or (steady_for >= timeouts.settle_busy and facts.timer_ms is None)
            or steady_for >= max(timeouts.settle_busy, TIMER_HORIZON_MS / 1000)
        )
        # A second look that finds the same value, the page still settled: a value that
        # changed in between is looked at again (and one that keeps changing is "could not
        # read" at the deadline).
        if value is not None and settled and watch.steady >= 2:
            if not options.judgeable:  # a value in words Footprint cannot judge
                raise _tried(view.language_problem(facts, whole_page=False), options)
            return Reading(value, chosen or "", facts.language)
        if now > deadline or (value is None and view.quiet_for_long(facts)):
            raise _tried(watch.problem(view, facts, options), options)
        view.pause(view.quiet_wait(facts) if value is not None else None)


def _first_single(
    view: ReadOnlyPage, locators: tuple[str, ...], mode: ProbeRead
) -> tuple[str | None, list[dict[str, Any]], PageFacts | None]:
    """The first locator finding exactly one element, and what it found; else (None, what the
    first locator that found anything found). With them, a glance at the page (how long it
    has been quiet, its language, a dialog over it) taken in the same round trip."""
    fallback: list[dict[str, Any]] = []
    glance: PageFacts | None = None
    for selector in locators:
        found, page = _values(view, selector, mode)
        glance = glance or page
        if len(found) == 1:
            return selector, found, glance
        fallback = fallback or found
    return None, fallback, glance


def _values(
    view: ReadOnlyPage, selector: str, mode: ProbeRead
) -> tuple[list[dict[str, Any]], PageFacts | None]:
    def query() -> dict[str, Any]:
        found: dict[str, Any] = locate(view.page, selector).evaluate_all(_VALUES, mode.value)
        return found

    answer: dict[str, Any] = view.quietly(query, {})
    if not answer:
        return [], None
    return list(answer["values"]), facts_from(answer["page"])


def _tried(problem: PageProblem, options: Candidates) -> PageProblem:
    problem.locators = options.locators
    return problem


class _Settling:
    """The values one probe showed over successive looks, and since when the last one.

    Looks further apart than `longest_gap` (half of `settle_busy`: the reader starved of
    CPU on a busy machine) start the time it has stayed the same afresh: two looks a second
    apart that find the same value say nothing about a value that flips in between, so
    "unchanged for `settle_busy`" must be watched, not inferred from its two ends."""

    def __init__(self, longest_gap: float) -> None:
        self.longest_gap = longest_gap
        self.looked_at: float | None = None
        self.restarts = 0  # looks that came too late to count as watching
        self.last: str | None = None
        self.locator: str | None = None
        self.since = 0.0
        self.changes = 0
        self.steady = 0  # looks in a row that found the current value
        self.seen: list[dict[str, Any]] = []

    def see(
        self, locator: str | None, seen: list[dict[str, Any]], mode: ProbeRead, now: float
    ) -> str | None:
        """The value shown now if it is a plain one, else None."""
        self.seen = seen
        if self.looked_at is not None and now - self.looked_at > self.longest_gap:
            # Not watched in between: the time it has stayed the same starts again. (The
            # count of looks does not: a quiet page vouches for itself, however slow the
            # looks, so a slow laptop still reads a quiet page.)
            self.since = now
            self.restarts += 1
        self.looked_at = now
        if mode is ProbeRead.PRESENT:
            value: str | None = "true" if locator is not None or seen else "false"
        elif locator is None or seen[0].get("busy") or "value" not in seen[0]:
            value = None
        else:
            value = str(seen[0]["value"])
        if locator != self.locator:  # another element now: its value starts afresh
            self.locator, self.last = locator, None
        if value is not None and value != self.last:
            self.changes += self.last is not None
            self.last, self.since, self.steady = value, now, 0
        if value is None and self.last is not None:
            self.changes += 1
            self.last = None
        self.steady = self.steady + 1 if value is not None else 0
        return value

    def problem(self, view: ReadOnlyPage, facts: PageFacts, options: Candidates) -> PageProblem:
        seen = self.seen
        if len(seen) == 1 and seen[0].get("busy"):
            return PageProblem(Failure.UNSETTLED, "the page still marks it as loading")
        if len(seen) == 1 and "unknown" in seen[0]:
            return PageProblem(Failure.UNCLEAR_VALUE, str(seen[0]["unknown"]))
        if len(seen) == 1 and self.changes == 0 and self.restarts:  # only not watched
            return PageProblem(
                Failure.UNSETTLED, "the computer was too busy to watch it long enough"
            )
        if len(seen) == 1:
            return PageProblem(Failure.UNSETTLED, f"it changed {self.changes} times")
        if facts.dialog is not None and not seen:
            return PageProblem(Failure.DIALOG, f"“{facts.dialog[:80]}”")
        if options.words_missing and not seen:
            # Only locators needing words in the page's language could have found it.
            return view.language_problem(facts, whole_page=False)
        tried = options.locators[0] if len(options.locators) == 1 else (
            f"any of {len(options.locators)} locators")  # fmt: skip
        if seen:
            return PageProblem(
                Failure.PAGE_CHANGED, f"{len(seen)} parts of the page match {tried}, not one"
            )
        return PageProblem(Failure.PAGE_CHANGED, f"nothing on the page matches {tried}")
