"""AuditSession.record_for: answers to any item, as automation gives them."""

from __future__ import annotations

import pytest

from app.audit.answers import AnswerSource, AnswerStatus
from app.audit.session import AuditSession
from tests.audit.memory_store import MemoryStore


@pytest.fixture
def session(catalogue, clock) -> AuditSession:
    return AuditSession.start(("alpha", "beta"), catalogue, MemoryStore(), clock)


def test_it_saves_the_answer_with_its_source_value_and_note(session, clock) -> None:
    answer = session.record_for(
        "alpha", "a2", AnswerStatus.SAFE, source=AnswerSource.AUTOMATION,
        observed="Off", note="read automatically at 09:00",
    )  # fmt: skip
    assert session.answer_for("alpha", "a2") == answer
    assert (answer.source, answer.observed, answer.note) == (
        AnswerSource.AUTOMATION, "Off", "read automatically at 09:00"
    )  # fmt: skip
    assert answer.answered_at == clock.now()
    assert session.position().item.id == "a1"  # type: ignore[union-attr]  # still where it was


def test_answering_the_current_item_moves_to_the_first_open_one(session) -> None:
    for item_id in ("a1", "a3"):
        session.record_for("alpha", item_id, AnswerStatus.SAFE, source=AnswerSource.AUTOMATION)
    assert session.position().item.id == "a2"  # type: ignore[union-attr]


def test_a_platform_answered_in_full_is_checked_and_the_run_can_complete(session, clock) -> None:
    for platform_id, item_id in (("alpha", "a1"), ("alpha", "a2"), ("alpha", "a3")):
        session.record_for(platform_id, item_id, AnswerStatus.SAFE, source=AnswerSource.AUTOMATION)
    check = session.run.check_for("alpha")
    assert check is not None and check.completed_at == clock.now()
    assert session.position().platform.id == "beta"  # type: ignore[union-attr]
    for item_id in ("b1", "b2"):
        session.record_for("beta", item_id, AnswerStatus.NEEDS_ACTION, source=AnswerSource.EXPORT)
    assert session.is_finished and session.run.completed_at == clock.now()


def test_an_item_outside_the_audit_is_refused(session) -> None:
    with pytest.raises(KeyError):
        session.record_for("alpha", "nope", AnswerStatus.SAFE, source=AnswerSource.AUTOMATION)


def test_answers_are_accepted_only_for_the_audits_platforms_while_it_is_open(session) -> None:
    assert session.accepts_answers_for("alpha") and session.accepts_answers_for("beta")
    assert not session.accepts_answers_for("gamma")
    session.finish_now()
    assert not session.accepts_answers_for("alpha")
