"""How safe a platform is, from its answers: counts, share of safe items and one state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.audit import glossary
from app.audit.answers import Answer, AnswerStatus
from app.audit.run import PlatformCheck
from app.checklists.model import Platform


class PlatformState(StrEnum):
    """A platform's state, in one word each (app.audit.glossary)."""

    NOT_AUDITED = "not_audited"
    SKIPPED = "skipped"
    INCOMPLETE = "incomplete"
    NEEDS_ACTION = "needs_action"
    UNSURE = "unsure"
    SAFE = "safe"

    @property
    def label(self) -> str:
        """The word every screen and the report use."""
        return {
            "not_audited": glossary.NEVER_CHECKED,
            "skipped": glossary.SKIPPED,
            "incomplete": glossary.NOT_FINISHED,
            "needs_action": glossary.NEEDS_ACTION,
            "unsure": glossary.NOT_SURE,
            "safe": glossary.ALL_SAFE,
        }[self.value]


@dataclass(frozen=True)
class Score:
    """How many items of a platform (or of several) have each status."""

    counts: Mapping[AnswerStatus, int]
    total: int

    def count(self, status: AnswerStatus) -> int:
        """How many items have `status`."""
        return self.counts.get(status, 0)

    @property
    def answered(self) -> int:
        """Items with any answer but Not checked."""
        return self.total - self.count(AnswerStatus.NOT_CHECKED)

    @property
    def safe_share(self) -> float | None:
        """Safe items among those that apply (not-applicable left out); None if none apply."""
        applicable = self.total - self.count(AnswerStatus.NOT_APPLICABLE)
        return self.count(AnswerStatus.SAFE) / applicable if applicable else None

    @property
    def state(self) -> PlatformState:
        """The platform's state from its answers alone (skipping is `check_state`'s)."""
        if self.answered == 0:
            return PlatformState.NOT_AUDITED
        if self.count(AnswerStatus.NEEDS_ACTION):
            return PlatformState.NEEDS_ACTION
        if self.count(AnswerStatus.UNSURE):
            return PlatformState.UNSURE
        if self.answered < self.total:
            return PlatformState.INCOMPLETE
        return PlatformState.SAFE


def score_platform(platform: Platform, answers: Mapping[str, Answer]) -> Score:
    """Score the platform's current items; answers to items no longer defined are ignored."""
    statuses = [
        answers[item.id].status if item.id in answers else AnswerStatus.NOT_CHECKED
        for item in platform.items
    ]
    return Score(Counter(statuses), len(statuses))


def overall_score(scores: Iterable[Score]) -> Score:
    """All the scores added together, as one."""
    total: Counter[AnswerStatus] = Counter()
    size = 0
    for score in scores:
        total.update(score.counts)
        size += score.total
    return Score(total, size)


def check_state(score: Score, check: PlatformCheck | None) -> PlatformState:
    """A platform's state in one run: a skipped platform is Skipped, whatever was answered;
    one left part-way is Not finished unless an answer already needs action."""
    if check is not None and check.skipped and check.completed_at is None:
        return PlatformState.SKIPPED
    return score.state
