"""The dashboard reads only the runs it needs (issue 24: found by index seeks, not by reading
ten years of checks); what it shows must be what the whole history gives, by the plain rule.

Runs are written to a real database with checks finished out of order, at equal moments, in
the future, skipped or never, some runs finished and some not, answers in every order; the
dashboard's read is compared with the full history's at moments around those checks.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.comparison import compare_with_previous
from app.audit.overview import overviews
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun, PlatformCheck
from app.audit.schedule import FUTURE_TOLERANCE
from app.checklists.model import Catalogue
from app.services.audits import check_times, runs_to_compare
from app.storage.database import prepare_database
from app.storage.store import Store
from tests.conftest import make_platform

ITEMS = ("x1", "x10", "x2", "y")
PLATFORMS = ("a", "a_b", "ab", "b")  # ids that sort around each other
CATALOGUE = Catalogue(tuple(make_platform(pid, ITEMS) for pid in PLATFORMS))
JAN_1 = datetime(2026, 1, 1, 10, tzinfo=UTC)


def tangled_store(tmp_path, seed: int) -> tuple[Store, list[datetime]]:  # noqa: ANN001
    """A database of tangled runs, and the moments its checks were finished at."""
    rng = random.Random(seed)
    path = tmp_path / "footprint.db"
    prepare_database(path, JAN_1)
    store = Store(path)
    days = (0, 3, 3, 9, 20, 40, 400)
    moments = [
        JAN_1 + timedelta(days=rng.choice(days), hours=rng.choice((0, 0, 5))) for _ in range(30)
    ]
    clock = JAN_1
    with store.one_transaction():
        for n in range(rng.randint(0, 30)):
            platforms = tuple(rng.sample(PLATFORMS, rng.randint(1, len(PLATFORMS))))
            started = moments[n] - timedelta(hours=1)
            run = store.create_run(platforms, started)
            for position, pid in enumerate(platforms):
                finished = rng.choice((None, moments[n], moments[n], rng.choice(moments)))
                skipped = rng.random() < 0.1
                store.save_platform_check(run.id, PlatformCheck(pid, position, finished, skipped))
                for item in ITEMS:
                    for _ in range(rng.choice((0, 1, 1, 1, 2))):  # unanswered, or answered again
                        status = rng.choice(tuple(AnswerStatus))
                        clock += timedelta(minutes=rng.randint(1, 3))  # saved in time order
                        given = Answer(pid, item, status, AnswerSource.MANUAL, clock)
                        store.save_answer(run.id, given)
            if rng.random() < 0.7:
                store.complete_run(run.id, rng.choice(moments))
    return store, moments


def open_run(runs: list[AuditRun]) -> AuditRun | None:
    return next((run for run in reversed(runs) if not run.is_complete), None)


@pytest.mark.parametrize("seed", range(10))
def test_the_dashboards_runs_give_what_the_whole_history_gives(tmp_path, seed: int) -> None:
    store, moments = tangled_store(tmp_path, seed)
    history = store.history()
    rng = random.Random(seed)
    profile = WorkerProfile("Jo", "", "", "sssc", platform_ids=PLATFORMS)
    tolerance = FUTURE_TOLERANCE
    nows = [rng.choice(moments) + shift for shift in (-tolerance, timedelta(0), tolerance)]
    for now in [*nows, JAN_1 - timedelta(days=9), JAN_1 + timedelta(days=999)]:
        data = store.dashboard_data(now)
        by_id = {run.id: run for run in history}
        for run in data.runs:  # each run it reads is whole: every check and answer
            assert run == by_id[run.id]
        assert overviews(CATALOGUE, data.runs, profile, now, data.newest) == overviews(
            CATALOGUE, history, profile, now
        )
        assert data.open_run == open_run(history)
        for run in history:  # the summary's "is this the first finished audit?"
            finished_elsewhere = any(r.is_complete and r.id != run.id for r in history)
            assert any(r.is_complete and r.id != run.id for r in data.runs) == finished_elsewhere
    everything = store.dashboard_data()  # no moment: no check is dated ahead
    later = JAN_1 + timedelta(days=9999)
    shown = overviews(CATALOGUE, everything.runs, profile, later, everything.newest)
    assert shown == overviews(CATALOGUE, history, profile, later)


def test_a_finished_audit_behind_the_newest_checks_still_counts_as_an_earlier_audit(
    tmp_path,
) -> None:
    """The summary asks whether any audit but this one was finished: the oldest audit here is
    neither a platform's newest check nor the one before it, but it was finished."""
    path = tmp_path / "footprint.db"
    prepare_database(path, JAN_1)
    store = Store(path)
    for day, finished in ((1, True), (2, False), (3, True)):
        moment = JAN_1 + timedelta(days=day)
        run = store.create_run(("a",), moment)
        store.save_platform_check(run.id, PlatformCheck("a", 0, moment))
        if finished:
            store.complete_run(run.id, moment)
    newest = store.history()[-1]
    runs = store.dashboard_data(JAN_1 + timedelta(days=4)).runs
    assert any(r.is_complete and r.id != newest.id for r in runs)


@pytest.mark.parametrize("seed", range(10))
def test_last_time_is_found_in_the_dashboards_runs_only_when_they_hold_it(
    tmp_path, seed: int
) -> None:
    """Starting, resuming or summing up an audit compares each check with the one before it
    (`previous_check`); the dashboard's runs serve only when they hold that check, else the
    whole history is read: the comparison is the whole history's either way."""
    store, moments = tangled_store(tmp_path, seed)
    history = store.history()
    rng = random.Random(seed)
    for now in (rng.choice(moments), rng.choice(moments) + FUTURE_TOLERANCE):
        data = store.dashboard_data(now)
        new_run = AuditRun(len(history) + 1, now, ())  # an audit started now
        for run in [*history, new_run]:
            runs = runs_to_compare(data.runs, now, check_times(run) or {
                pid: run.started_at for pid in PLATFORMS
            }, lambda: history)  # fmt: skip
            for platform in CATALOGUE.platforms:
                if run.check_for(platform.id) is None and run is not new_run:
                    continue
                found = compare_with_previous(platform, runs, run)
                assert found == compare_with_previous(platform, history, run)
