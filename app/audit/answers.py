"""Answers: what the worker (or automation, or an export) found for one item in one run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class AnswerStatus(StrEnum):
    SAFE = "safe"
    NEEDS_ACTION = "needs_action"
    NOT_APPLICABLE = "not_applicable"
    UNSURE = "unsure"
    NOT_CHECKED = "not_checked"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def risk(self) -> int | None:
        """How worrying the answer is; None where it says nothing (not checked)."""
        return _RISK[self]

    @property
    def is_answered(self) -> bool:
        return self is not AnswerStatus.NOT_CHECKED


_STATUS_LABELS = {
    AnswerStatus.SAFE: "Safe",
    AnswerStatus.NEEDS_ACTION: "Needs action",
    AnswerStatus.NOT_APPLICABLE: "Not applicable",
    AnswerStatus.UNSURE: "Not sure",
    AnswerStatus.NOT_CHECKED: "Not checked",
}
_RISK: dict[AnswerStatus, int | None] = {
    AnswerStatus.SAFE: 0,
    AnswerStatus.NOT_APPLICABLE: 0,
    AnswerStatus.UNSURE: 1,
    AnswerStatus.NEEDS_ACTION: 2,
    AnswerStatus.NOT_CHECKED: None,
}


class AnswerSource(StrEnum):
    MANUAL = "manual"
    AUTOMATION = "automation"
    EXPORT = "export"

    @property
    def label(self) -> str:
        return {"manual": "by hand", "automation": "read automatically", "export": "data export"}[
            self.value
        ]


@dataclass(frozen=True)
class Answer:
    platform_id: str
    item_id: str
    status: AnswerStatus
    source: AnswerSource
    answered_at: datetime
    observed: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform_id, self.item_id)


def worse(after: AnswerStatus, before: AnswerStatus) -> bool:
    """True when `after` is more worrying than `before`; unchecked answers compare as nothing."""
    if after.risk is None or before.risk is None:
        return False
    return after.risk > before.risk
