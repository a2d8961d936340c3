"""The dashboard's reads use the indexes meant for them (issue 24: ten years of answers).

SQLite's query plan is asked, not a time measured: a plan that sorts every answer ever given
would still pass on a small database and only show on a lived-in one.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

from app.storage import read_sql
from app.storage.database import prepare_database
from tests.conftest import START


def query_plan(tmp_path, statement: str, parameters: dict[str, object] | None = None) -> str:  # noqa: ANN001
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute(f"EXPLAIN QUERY PLAN {statement}", parameters or {}).fetchall()
    return "\n".join(row[-1] for row in rows)


def test_the_newest_answer_to_each_item_is_read_from_the_item_index_without_sorting(
    tmp_path,
) -> None:
    plan = query_plan(tmp_path, read_sql.NEWEST_ANSWERS)
    assert "ix_answer_item" in plan
    assert "TEMP B-TREE" not in plan, plan
    # Found by seeks from one item to the next, never by reading every answer ever given.
    assert "SCAN answer" not in plan and "SCAN other" not in plan, plan


def test_the_recent_runs_answers_are_found_by_run_not_by_reading_every_answer(tmp_path) -> None:
    plan = query_plan(tmp_path, read_sql.NEWEST_ANSWERS_OF_RUNS, {"run_ids": "[1, 2]"})
    assert "ix_answer_run_item (run_id=?)" in plan, plan


def test_the_dashboards_runs_are_found_by_seeks_not_by_reading_every_check(tmp_path) -> None:
    plan = query_plan(tmp_path, read_sql.RUNS_THE_DASHBOARD_READS, {"trusted_until": "2026"})
    assert "ix_run_platform_finished" in plan
    assert "SCAN run_platform" not in plan and "SCAN other_check" not in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
