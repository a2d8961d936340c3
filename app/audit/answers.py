"""Answers: what the worker (or automation, or an export) found for one item in one run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.audit import glossary


class AnswerStatus(StrEnum):
    """What the worker (or a reading) found for one item."""

    SAFE = "safe"
    NEEDS_ACTION = "needs_action"
    NOT_APPLICABLE = "not_applicable"
    UNSURE = "unsure"
    NOT_CHECKED = "not_checked"

    @property
    def label(self) -> str:
        """The words every screen and the report use for this status."""
        return _STATUS_LABELS[self]

    @property
    def risk(self) -> int | None:
        """How worrying the answer is; None where it says nothing (not checked)."""
        return _RISK[self]

    @property
    def is_answered(self) -> bool:
        """False only for Not checked."""
        return self is not AnswerStatus.NOT_CHECKED


_STATUS_LABELS = {
    AnswerStatus.SAFE: glossary.SAFE,
    AnswerStatus.NEEDS_ACTION: glossary.NEEDS_ACTION,
    AnswerStatus.NOT_APPLICABLE: glossary.NOT_APPLICABLE,
    AnswerStatus.UNSURE: glossary.NOT_SURE,
    AnswerStatus.NOT_CHECKED: glossary.NOT_CHECKED,
}
_RISK: dict[AnswerStatus, int | None] = {
    AnswerStatus.SAFE: 0,
    AnswerStatus.NOT_APPLICABLE: 0,
    AnswerStatus.UNSURE: 1,
    AnswerStatus.NEEDS_ACTION: 2,
    AnswerStatus.NOT_CHECKED: None,
}


class AnswerSource(StrEnum):
    """Where an answer came from."""

    MANUAL = "manual"
    AUTOMATION = "automation"
    EXPORT = "export"
    OUTSIDE = "outside"  # what a signed-out stranger's browser could see

    @property
    def label(self) -> str:
        """How it was checked, in the words every screen and the report use."""
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    AnswerSource.MANUAL: "by hand",
    AnswerSource.AUTOMATION: "read automatically",
    AnswerSource.EXPORT: "data export",
    AnswerSource.OUTSIDE: "seen as a stranger",
}


class AnswerKind(StrEnum):
    """An answer given in the audit, or a fix the worker recorded after it."""

    ANSWER = "answer"
    FIX = "fix"


@dataclass(frozen=True)
class Answer:
    """One answer to one item. A fix ("I fixed it", after the audit) is an answer of its own,
    dated when it was recorded, that keeps the note the worker wrote."""

    platform_id: str
    item_id: str
    status: AnswerStatus
    source: AnswerSource
    answered_at: datetime
    observed: str | None = None
    note: str | None = None
    kind: AnswerKind = AnswerKind.ANSWER

    @property
    def is_fix(self) -> bool:
        """Whether this records a fix made after the audit."""
        return self.kind is AnswerKind.FIX

    @property
    def key(self) -> tuple[str, str]:
        """(platform id, item id): the item this answers."""
        return (self.platform_id, self.item_id)


def worse(after: AnswerStatus, before: AnswerStatus) -> bool:
    """True when `after` is more worrying than `before`; unchecked answers compare as nothing."""
    if after.risk is None or before.risk is None:
        return False
    return after.risk > before.risk
