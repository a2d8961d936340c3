"""Starting, resuming and re-checking guided audits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.audit.answers import Answer
from app.audit.comparison import previous_check
from app.audit.run import AuditRun
from app.audit.session import AuditSession, AuditStore
from app.checklists.model import Catalogue
from app.clock import Clock


@dataclass(frozen=True)
class AuditStart:
    """A session ready to show, with each item's answer at the check it is compared with."""

    session: AuditSession
    earlier: dict[tuple[str, str], Answer]


def start_audit(
    platform_ids: Sequence[str],
    catalogue: Catalogue,
    store: AuditStore,
    clock: Clock,
    runs: Sequence[AuditRun],
) -> AuditStart:
    """A new audit of these platforms (those still in the catalogue)."""
    known = tuple(pid for pid in platform_ids if catalogue.get(pid) is not None)
    session = AuditSession.start(known, catalogue, store, clock)
    return AuditStart(session, earlier_answers(session, runs))


def resume_audit(
    run: AuditRun, catalogue: Catalogue, store: AuditStore, clock: Clock, runs: Sequence[AuditRun]
) -> AuditStart:
    """The unfinished audit `run`, at its first unanswered item."""
    session = AuditSession(run, catalogue, store, clock)
    return AuditStart(session, earlier_answers(session, runs))


def earlier_answers(
    session: AuditSession, runs: Sequence[AuditRun]
) -> dict[tuple[str, str], Answer]:
    """For "Last time…": each item's answer at the check this audit is compared with
    (app.audit.comparison's rule, the same one the summary and the report use)."""
    found: dict[tuple[str, str], Answer] = {}
    for platform in session.platforms:
        previous = previous_check(runs, platform.id, session.run)
        if previous is not None:
            found.update(
                {(platform.id, item): answer for item, answer in previous.answers().items()}
            )
    return found
