"""The history's read keeps each run's newest answer per item, whichever way it is read
(issue 24 reads every answer oldest first instead of asking SQLite for the newest)."""

from __future__ import annotations

from datetime import timedelta

from app.audit.answers import Answer, AnswerKind, AnswerSource, AnswerStatus
from app.storage.database import prepare_database
from app.storage.store import Store
from tests.conftest import START


def answer(item_id: str, status: AnswerStatus, minutes: int, **kind: AnswerKind) -> Answer:
    moment = START + timedelta(minutes=minutes)
    return Answer("alpha", item_id, status, AnswerSource.MANUAL, moment, **kind)


def test_each_runs_newest_answer_per_item_counts_in_the_order_of_the_newest(tmp_path) -> None:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    store = Store(path)
    first = store.create_run(("alpha",), START)
    second = store.create_run(("alpha",), START + timedelta(days=1))
    store.save_answer(first.id, answer("a1", AnswerStatus.SAFE, 1))
    store.save_answer(first.id, answer("a2", AnswerStatus.NEEDS_ACTION, 2))
    store.save_answer(second.id, answer("a1", AnswerStatus.NEEDS_ACTION, 3))
    fix = answer("a2", AnswerStatus.SAFE, 4, kind=AnswerKind.FIX)
    store.save_answer(first.id, fix)
    store.save_answer(first.id, answer("a1", AnswerStatus.UNSURE, 5))  # a re-answer
    old, new = store.history()
    assert list(old.answers) == [("alpha", "a2"), ("alpha", "a1")]  # a2's newest came first
    assert old.answers[("alpha", "a1")].status is AnswerStatus.UNSURE
    assert old.answers[("alpha", "a2")] == fix
    assert new.answers == {("alpha", "a1"): answer("a1", AnswerStatus.NEEDS_ACTION, 3)}
    dashboard = store.dashboard_data(START + timedelta(days=2))
    assert [run.answers for run in dashboard.runs] == [old.answers, new.answers]
    assert dashboard.newest[("alpha", "a1")].status is AnswerStatus.UNSURE
