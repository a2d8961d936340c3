"""The Code clauses a report cites, and the notices of what could not be verified.

Both come from the report's findings only: settings to act on, settings the worker is unsure
of, and settings that slid back in the period. Which clauses apply is the CodeBook's decision
(the worker's code edition; the UNCRC only for workers whose role involves children).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

from app.audit.answers import Answer, AnswerStatus
from app.audit.profile import WorkerProfile
from app.checklists.codes import CodeBook
from app.checklists.model import CheckItem, Platform
from app.report.content import ClauseLine, DriftLine

FINDING_STATUSES = (AnswerStatus.NEEDS_ACTION, AnswerStatus.UNSURE)


class ShownPlatform(Protocol):
    """One platform as the report shows it: its definition and the answers shown."""

    @property
    def platform(self) -> Platform:
        """The platform's definition."""
        ...

    @property
    def answers(self) -> Mapping[str, Answer]:
        """The answers shown, by item id."""
        ...


def cited_clauses(
    shown: Sequence[ShownPlatform],
    drift: Sequence[DriftLine],
    codes: CodeBook,
    profile: WorkerProfile,
) -> tuple[ClauseLine, ...]:
    """The clauses cited by the findings, in the CodeBook's order, each with its platforms."""
    cited: dict[str, list[str]] = {}
    for platform, item in _findings(shown, drift):
        for clause in codes.clauses_for(
            item, profile.regulator, profile.code_edition,
            works_with_children=profile.works_with_children,
        ):  # fmt: skip
            names = cited.setdefault(clause.id, [])
            if platform.name not in names:
                names.append(platform.name)
    return tuple(
        ClauseLine(clause.source, clause.quote, tuple(cited[clause.id]), clause.kind.label)
        for clause_id, clause in codes.clauses.items()
        if clause_id in cited
    )


def clause_notices(
    shown: Sequence[ShownPlatform],
    drift: Sequence[DriftLine],
    codes: CodeBook,
    profile: WorkerProfile,
) -> tuple[str, ...]:
    """What Footprint could not verify of the worker's code for the findings, said once each."""
    found: list[str] = []
    for _platform, item in _findings(shown, drift):
        notice = codes.notice_for(
            item, profile.regulator, profile.code_edition,
            works_with_children=profile.works_with_children,
        )  # fmt: skip
        if notice and notice not in found:
            found.append(notice)
    return tuple(found)


def _findings(
    shown: Sequence[ShownPlatform], drift: Sequence[DriftLine]
) -> Iterator[tuple[Platform, CheckItem]]:
    """Each shown item that is to act on, unsure, or slid back in the period."""
    drifted = {(line.platform, line.name) for line in drift}
    for entry in shown:
        for item in entry.platform.items:
            answer = entry.answers.get(item.id)
            finding = answer is not None and answer.status in FINDING_STATUSES
            if finding or (entry.platform.name, item.name) in drifted:
                yield entry.platform, item
