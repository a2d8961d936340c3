"""An audit run: the platforms it covers and the latest answer to each item."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from app.audit.answers import Answer


@dataclass(frozen=True)
class PlatformCheck:
    """One platform's part in a run: finished when the worker reached its end."""

    platform_id: str
    position: int
    completed_at: datetime | None = None
    skipped: bool = False


@dataclass(frozen=True)
class AuditRun:
    """One audit: its platforms in order, when it started and ended, and its answers."""

    id: int
    started_at: datetime
    platforms: tuple[PlatformCheck, ...]
    completed_at: datetime | None = None
    answers: Mapping[tuple[str, str], Answer] = field(default_factory=dict)

    @property
    def is_complete(self) -> bool:
        """True once the run was finished."""
        return self.completed_at is not None

    @property
    def platform_ids(self) -> tuple[str, ...]:
        """The ids of the run's platforms, in order."""
        return tuple(check.platform_id for check in self.platforms)

    def check_for(self, platform_id: str) -> PlatformCheck | None:
        """The platform's part in this run; None if the run does not cover it."""
        return next((c for c in self.platforms if c.platform_id == platform_id), None)

    def answers_for(self, platform_id: str) -> dict[str, Answer]:
        """The latest answer per item of one platform, keyed by item id."""
        return dict(self._answers_by_platform.get(platform_id, {}))

    @cached_property
    def _answers_by_platform(self) -> dict[str, dict[str, Answer]]:
        # Built once per run: the dashboard asks every run about every platform.
        grouped: dict[str, dict[str, Answer]] = {}
        for (platform_id, item_id), answer in self.answers.items():
            grouped.setdefault(platform_id, {})[item_id] = answer
        return grouped


def latest_answers(answers: Iterable[Answer]) -> dict[tuple[str, str], Answer]:
    """Keep the newest answer per (platform, item); later re-answers replace earlier ones."""
    newest: dict[tuple[str, str], Answer] = {}
    for answer in answers:
        current = newest.get(answer.key)
        if current is None or answer.answered_at >= current.answered_at:
            newest[answer.key] = answer
    return newest
