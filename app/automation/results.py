"""What automation read, as plain values, and how confirmed reads become audit answers.

No Qt and no Playwright here: the dialog, the worker and the tests share these values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.session import AuditSession
from app.checklists.model import Probe, ProbeRead

COULD_NOT_READ = "could not read — the page may have changed; check by hand"
MAX_OBSERVED = 120  # a setting's value is short; never keep a page's worth of text


@dataclass(frozen=True)
class ReadResult:
    """One item read (or not) from the platform's own page.

    Either `observed` and `suggested` are set (the read worked), or `problem` says why not.
    """

    platform_id: str
    item_id: str
    read_at: datetime
    observed: str | None = None
    suggested: AnswerStatus | None = None
    problem: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform_id, self.item_id)

    @property
    def ok(self) -> bool:
        return self.problem is None and self.suggested is not None

    @property
    def read_time(self) -> str:
        return self.read_at.astimezone().strftime("%H:%M")

    def describe(self) -> str:
        """The status line the worker sees beside the item."""
        if self.ok:
            return f"read automatically at {self.read_time}"
        return f"{COULD_NOT_READ} ({self.problem})"


def succeeded(
    platform_id: str, item_id: str, probe: Probe, observed: str, read_at: datetime
) -> ReadResult:
    """A read value: judged on the raw value, kept in the words the screen would use."""
    value = " ".join(observed.split())[:MAX_OBSERVED]
    shown = _SHOWN.get((probe.read, value), value)
    return ReadResult(platform_id, item_id, read_at, shown, suggest(probe, value))


_SHOWN = {
    (ProbeRead.CHECKED, "true"): "On",
    (ProbeRead.CHECKED, "false"): "Off",
    (ProbeRead.PRESENT, "true"): "Shown",
    (ProbeRead.PRESENT, "false"): "Not shown",
}


def failed(platform_id: str, item_id: str, problem: str, read_at: datetime) -> ReadResult:
    return ReadResult(platform_id, item_id, read_at, problem=problem)


def suggest(probe: Probe, observed: str) -> AnswerStatus:
    """Safe when the value is one of the probe's safe values (ignoring case and spacing)."""
    wanted = {_normal(value) for value in probe.safe_when}
    return AnswerStatus.SAFE if _normal(observed) in wanted else AnswerStatus.NEEDS_ACTION


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def platform_problem(results: Sequence[ReadResult]) -> str | None:
    """One message for a platform none of whose items could be read, instead of one per item."""
    if not results or any(r.ok for r in results):
        return None
    reasons = {r.problem for r in results}
    reason = reasons.pop() if len(reasons) == 1 else "the pages may have changed"
    return f"Could not read any of these settings ({reason}). Check them by hand."


def note_for(result: ReadResult) -> str:
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
