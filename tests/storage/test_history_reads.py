"""The history's read keeps each run's newest answer per item, whichever way it is read
(issue 24 reads every answer oldest first instead of asking SQLite for the newest), and the
dashboard's newest answer to each item is the one saved last."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

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


@pytest.mark.parametrize("seed", range(6))
def test_the_newest_answer_to_each_item_is_the_one_given_last(tmp_path, seed: int) -> None:
    """The dashboard's newest answers (a walk over the item index, issue 24) are the plain
    rule's: of every answer to an item, in any run, the one saved last."""
    rng = random.Random(seed)
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    store = Store(path)
    # Platform and item ids that sort around each other ("a" < "a_b" < "ab"; "x1" < "x10").
    platforms, items = ("a", "a_b", "ab", "b"), ("x1", "x10", "x2", "y")
    last: dict[tuple[str, str], Answer] = {}
    with store.one_transaction():
        runs = [store.create_run(platforms, START + timedelta(days=n)).id for n in range(5)]
        for _ in range(rng.randint(0, 60)):
            given = Answer(
                rng.choice(platforms),
                rng.choice(items),
                rng.choice(tuple(AnswerStatus)),
                AnswerSource.MANUAL,
                START + timedelta(minutes=rng.randint(0, 9000)),  # not in saving order
            )
            store.save_answer(rng.choice(runs), given)
            last[given.key] = given
    assert store.dashboard_data(START).newest == last
