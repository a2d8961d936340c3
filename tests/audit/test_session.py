from __future__ import annotations

from datetime import timedelta

import pytest

from app.audit.answers import AnswerSource, AnswerStatus
from app.audit.session import AuditSession
from app.checklists.model import Catalogue
from app.clock import FixedClock
from tests.audit.memory_store import MemoryStore


def start(catalogue: Catalogue, clock: FixedClock, store: MemoryStore) -> AuditSession:
    return AuditSession.start(("alpha", "beta"), catalogue, store, clock)


def test_walks_platform_by_platform_and_item_by_item(catalogue, clock) -> None:
    session = start(catalogue, clock, MemoryStore())
    seen = []
    while (position := session.position()) is not None:
        seen.append(position.describe())
        session.record(AnswerStatus.SAFE)
    assert seen == [
        "Alpha: platform 1 of 2, item 1 of 3",
        "Alpha: platform 1 of 2, item 2 of 3",
        "Alpha: platform 1 of 2, item 3 of 3",
        "Beta: platform 2 of 2, item 1 of 2",
        "Beta: platform 2 of 2, item 2 of 2",
    ]
    assert session.is_finished and session.run.completed_at == clock.now()


def test_each_answer_is_saved_the_moment_it_is_given(catalogue, clock) -> None:
    store = MemoryStore()
    session = start(catalogue, clock, store)
    clock.advance(timedelta(minutes=1))
    answer = session.record(AnswerStatus.NEEDS_ACTION, "  changed it later  ")
    assert store.saved_answers == [answer]
    assert answer.note == "changed it later" and answer.source is AnswerSource.MANUAL
    assert answer.answered_at == clock.now()


def test_a_new_session_on_the_stored_run_resumes_at_the_first_open_item(catalogue, clock) -> None:
    store = MemoryStore()
    session = start(catalogue, clock, store)
    for _ in range(4):
        session.record(AnswerStatus.SAFE)
    resumed = AuditSession(store.runs[session.run.id], catalogue, store, clock)
    position = resumed.position()
    assert position is not None and (position.platform.id, position.item.id) == ("beta", "b2")


def test_a_skipped_platform_is_left_for_later_and_offered_again(catalogue, clock) -> None:
    store = MemoryStore()
    session = start(catalogue, clock, store)
    session.skip_platform()
    assert session.position().platform.id == "beta"  # type: ignore[union-attr]
    session.record(AnswerStatus.SAFE)
    session.record(AnswerStatus.SAFE)
    assert session.is_finished and session.run.completed_at is None
    resumed = AuditSession(store.runs[1], catalogue, store, clock)
    assert resumed.is_finished  # still skipped after reopening
    resumed.resume_skipped()
    assert resumed.position().platform.id == "alpha"  # type: ignore[union-attr]


def test_back_goes_to_the_previous_item_and_a_new_answer_replaces_the_old(catalogue, clock) -> None:
    session = start(catalogue, clock, MemoryStore())
    session.record(AnswerStatus.SAFE)
    assert session.back()
    clock.advance(timedelta(seconds=5))
    session.record(AnswerStatus.NEEDS_ACTION)
    assert session.answer_for("alpha", "a1").status is AnswerStatus.NEEDS_ACTION  # type: ignore[union-attr]
    assert session.position().item.id == "a2"  # type: ignore[union-attr]
    assert session.back() and not session.back()  # a2 -> a1, then the very start


def test_finishing_a_platform_records_when(catalogue, clock) -> None:
    store = MemoryStore()
    session = start(catalogue, clock, store)
    for _ in range(3):
        clock.advance(timedelta(minutes=1))
        session.record(AnswerStatus.SAFE)
    check = store.runs[1].check_for("alpha")
    assert check is not None and check.completed_at == clock.now()
    assert store.runs[1].check_for("beta").completed_at is None  # type: ignore[union-attr]


def test_an_audit_needs_a_platform(catalogue, clock) -> None:
    with pytest.raises(ValueError):
        AuditSession.start((), catalogue, MemoryStore(), clock)


def test_i_fixed_it_is_a_dated_answer_of_its_own_that_keeps_the_note(catalogue, clock) -> None:
    store = MemoryStore()
    session = start(catalogue, clock, store)
    note = "Was set to Everyone – changed to Only me on 26 Nov"
    session.record(AnswerStatus.NEEDS_ACTION, note)
    clock.advance(timedelta(days=1))
    fix = session.mark_fixed("alpha", "a1")
    assert fix.is_fix and fix.status is AnswerStatus.SAFE and fix.note == note
    assert fix.answered_at == clock.now()
    before, after = [a for a in store.saved_answers if a.key == ("alpha", "a1")]
    assert before.status is AnswerStatus.NEEDS_ACTION and before.note == note and after == fix


def test_undo_takes_the_fix_back_and_the_earlier_answer_is_current_again(catalogue, clock) -> None:
    store = MemoryStore()
    session = start(catalogue, clock, store)
    answer = session.record(AnswerStatus.NEEDS_ACTION, "my note")
    session.mark_fixed("alpha", "a1")
    assert session.can_undo_fix("alpha", "a1")
    assert session.undo_fix("alpha", "a1") == answer
    assert session.answer_for("alpha", "a1") == answer
    assert store.runs[1].answers[("alpha", "a1")] == answer
    assert not session.can_undo_fix("alpha", "a1")


def test_next_and_go_to_move_without_answering(catalogue, clock) -> None:
    session = start(catalogue, clock, MemoryStore())
    assert session.forward() and session.position().item.id == "a2"  # type: ignore[union-attr]
    session.go_to("beta", "b2")
    assert session.position().item.id == "b2"  # type: ignore[union-attr]
    assert not session.has_next() and not session.forward()
    assert session.run.answers == {}
