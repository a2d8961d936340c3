"""The action list: what the worker still has to change, most severe first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.audit.answers import Answer, AnswerStatus
from app.checklists.model import CheckItem, Platform

OPEN_STATUSES = (AnswerStatus.NEEDS_ACTION, AnswerStatus.UNSURE)


@dataclass(frozen=True)
class ActionItem:
    """One open item of the action list, with the answer that left it open."""

    platform: Platform
    item: CheckItem
    answer: Answer

    @property
    def key(self) -> tuple[str, str]:
        """(platform id, item id), as answers are keyed."""
        return (self.platform.id, self.item.id)


def action_list(
    platforms: Sequence[Platform], answers: Mapping[tuple[str, str], Answer]
) -> list[ActionItem]:
    """Needs-action and not-sure items: severity first, then needs-action before not-sure,
    then the order of the checklist."""
    found: list[tuple[tuple[int, int, int, int], ActionItem]] = []
    for p_index, platform in enumerate(platforms):
        for i_index, item in enumerate(platform.items):
            answer = answers.get((platform.id, item.id))
            if answer is None or answer.status not in OPEN_STATUSES:
                continue
            order = (-item.severity.rank, OPEN_STATUSES.index(answer.status), p_index, i_index)
            found.append((order, ActionItem(platform, item, answer)))
    return [action for _, action in sorted(found, key=lambda pair: pair[0])]
