from __future__ import annotations

from app.audit.actions import action_list
from app.audit.answers import AnswerStatus
from app.audit.session import AuditSession
from app.checklists.model import Catalogue, Severity
from tests.audit.memory_store import MemoryStore
from tests.conftest import make_item, make_platform


def test_most_severe_first_then_needs_action_before_unsure_then_checklist_order(clock) -> None:
    alpha = make_platform("alpha", ())
    alpha = alpha.__class__(**{**alpha.__dict__, "items": (
        make_item("low-1", Severity.LOW),
        make_item("high-1", Severity.HIGH),
        make_item("medium-1", Severity.MEDIUM),
        make_item("high-2", Severity.HIGH),
    )})  # fmt: skip
    beta = make_platform("beta", ("b-high",))
    session = AuditSession.start(("alpha", "beta"), Catalogue((alpha, beta)), MemoryStore(), clock)
    N, U = AnswerStatus.NEEDS_ACTION, AnswerStatus.UNSURE
    for status in (N, U, N, N, U):  # low-1, high-1, medium-1, high-2, b-high
        session.record(status)
    session.mark_fixed("alpha", "medium-1")  # fixed: leaves the list
    order = [a.item.id for a in action_list(session.platforms, session.run.answers)]
    assert order == ["high-2", "high-1", "b-high", "low-1"]
