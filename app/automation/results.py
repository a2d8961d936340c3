"""What automation read, as plain values, and how confirmed reads become audit answers.

No Qt and no Playwright here: the dialog, the worker and the tests share these values.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.session import AuditSession
from app.automation.failures import Failure, PageProblem, describe, plain
from app.checklists.model import Probe, ProbeRead

COULD_NOT_READ = "could not read"
MAX_OBSERVED = 120  # a setting's value is short; never keep a page's worth of text


@dataclass(frozen=True)
class FailedRead:
    """Where Footprint looked: the page's address and the locators it tried (for a read that
    worked, the one that found the value), and for a failed read optionally a screenshot.

    Screenshots show the worker's own account, so they live in memory only, with the result:
    they go when the dialog closes unless the worker saves one, and never into the database
    or a report.
    """

    url: str
    locators: tuple[str, ...]
    screenshot: bytes | None = field(default=None, repr=False, compare=False)

    def describe(self) -> str:
        """Plain text for the worker (and for whoever updates the probe)."""
        tried = "\n".join(f"  {plain(locator, 200)}" for locator in self.locators)
        return f"Page: {_page_words(self.url)}\nLooked for:\n{tried or '  (nothing)'}"


def _page_words(url: str) -> str:
    """The address, or plain words when no page had opened (the browser's "about:blank")."""
    if not url or url.startswith(("about:", "chrome-error:")):
        return "no page had opened yet"
    return plain(url, 300)


@dataclass(frozen=True)
class ReadResult:
    """One item read (or not) from the platform's own page.

    Either `observed` and `suggested` are set (the read worked), or `failure` says what kind
    of problem stopped it and `problem` says it in words, with the specifics.
    """

    platform_id: str
    item_id: str
    read_at: datetime
    observed: str | None = None
    suggested: AnswerStatus | None = None
    problem: str | None = None
    failure: Failure | None = None
    kind_message: str | None = None  # the failure's kind in words, without the details
    language: str = ""  # the page's language when the value was read
    where: FailedRead | None = field(default=None, compare=False)  # where it was looked for

    @property
    def key(self) -> tuple[str, str]:
        """(platform id, item id): the item read."""
        return (self.platform_id, self.item_id)

    def without_screenshot(self) -> ReadResult:
        """The same result with its picture of the page dropped (when the dialog closes)."""
        if self.where is None or self.where.screenshot is None:
            return self
        return replace(self, where=replace(self.where, screenshot=None))

    @property
    def ok(self) -> bool:
        """True if a value was read and an answer suggested."""
        return self.problem is None and self.suggested is not None

    @property
    def read_time(self) -> str:
        """When it was read, as 'HH:MM' in local time."""
        return self.read_at.astimezone().strftime("%H:%M")

    def describe(self) -> str:
        """The status line the worker sees beside the item."""
        if self.ok:
            return f"read automatically at {self.read_time}"
        step = f" — {self.failure.next_step}" if self.failure else ""
        return f"{COULD_NOT_READ}: {self.problem}{step}"


def succeeded(
    platform_id: str,
    item_id: str,
    probe: Probe,
    observed: str,
    read_at: datetime,
    *,
    language: str = "",
    where: FailedRead | None = None,
) -> ReadResult:
    """A read value: judged on the raw value, kept in the words the screen would use."""
    value = plain(observed, MAX_OBSERVED)
    shown = _SHOWN.get((probe.read, value), value)
    return ReadResult(
        platform_id,
        item_id,
        read_at,
        shown,
        suggest(probe, value, language),
        language=language,
        where=where,
    )


_SHOWN = {
    (ProbeRead.CHECKED, "true"): "On",
    (ProbeRead.CHECKED, "false"): "Off",
    (ProbeRead.PRESENT, "true"): "Shown",
    (ProbeRead.PRESENT, "false"): "Not shown",
}


def failed(
    platform_id: str,
    item_id: str,
    problem: PageProblem,
    read_at: datetime,
    record: FailedRead | None = None,
) -> ReadResult:
    """A value that was not read: it gives no suggestion, so it can never score Safe."""
    return ReadResult(
        platform_id,
        item_id,
        read_at,
        problem=problem.reason,
        failure=problem.kind,
        kind_message=describe(problem.kind, platform=problem.platform),
        where=record,
    )


def suggest(probe: Probe, observed: str, language: str = "") -> AnswerStatus:
    """Safe when the value is one of the probe's safe values in the page's language
    (ignoring case and spacing).

    Only a value the page showed gets here: the reader turns a mixed, missing or unsettled
    state into a PageProblem, never into "false", so a guess can never match `safe_when`;
    and a value in a language the probe has no words for is "could not read" before this.
    """
    wanted = {_normal(value) for value in probe.safe_values(language) or ()}
    return AnswerStatus.SAFE if _normal(observed) in wanted else AnswerStatus.NEEDS_ACTION


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def platform_problem(results: Sequence[ReadResult]) -> str | None:
    """One message for a platform none of whose items could be read, instead of one per item.

    Reasons of one kind that differ only in their details (a URL, a locator) are said once
    by their kind; different kinds are each named, never merged into one vaguer phrase.
    """
    if not results or any(r.ok for r in results):
        return None
    kinds: dict[Failure | None, list[ReadResult]] = {}
    for result in results:
        kinds.setdefault(result.failure, []).append(result)
    if len(kinds) == 1:
        ((kind, same),) = kinds.items()
        reasons = {r.problem for r in same}
        reason = reasons.pop() if len(reasons) == 1 else _kind_words(same[0])
        step = f" Next: {kind.next_step}." if kind else ""
        return f"Could not read any of these settings: {reason}.{step}"
    parts = [f"{len(same)} because {_kind_words(same[0])}" for same in kinds.values()]
    return f"Could not read any of these settings: {'; '.join(parts)}. Check them by hand."


def _kind_words(result: ReadResult) -> str:
    """The result's kind of failure without its details (which differ from item to item)."""
    return result.kind_message or result.problem or ""


def save_private(path: Path, data: bytes) -> None:
    """Write `data` (a picture of the worker's own page) readable by the worker only."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        if hasattr(os, "fchmod"):  # also when the file was there before (not on Windows)
            os.fchmod(file.fileno(), 0o600)
        file.write(data)


def note_for(result: ReadResult) -> str:
    """The note saved with an answer taken from an automatic read."""
    return f"read automatically at {result.read_time}"


def results_to_answers(results: Iterable[ReadResult]) -> list[Answer]:
    """The answers confirmed reads give: source automation, the value seen, when it was read.

    Items that could not be read give no answer, so the guided audit asks them by hand.
    """
    return [
        Answer(
            r.platform_id,
            r.item_id,
            r.suggested,
            AnswerSource.AUTOMATION,
            r.read_at,
            r.observed,
            note_for(r),
        )
        for r in results
        if r.ok and r.suggested is not None
    ]


def record_results(session: AuditSession, results: Iterable[ReadResult]) -> list[Answer]:
    """Save the confirmed reads into the audit, each the moment it is recorded."""
    return [
        session.record_for(
            answer.platform_id,
            answer.item_id,
            answer.status,
            source=AnswerSource.AUTOMATION,
            observed=answer.observed,
            note=answer.note,
        )
        for answer in results_to_answers(results)
    ]
