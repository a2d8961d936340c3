from __future__ import annotations

from datetime import timedelta

from app.audit.answers import AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.session import AuditSession
from app.storage import reads
from app.storage.database import prepare_database
from app.storage.repository import Repository
from tests.conftest import START


def open_repository(tmp_path) -> Repository:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    return Repository(path)


def test_profile_round_trip(tmp_path) -> None:
    repository = open_repository(tmp_path)
    profile = WorkerProfile(
        display_name=" Jo Worker ",
        role="Care assistant",
        organisation="Org",
        regulator="swe",
        supervisor="",
        platform_ids=("beta", "alpha"),
        recheck_days={"alpha": 30},
        snoozed_until={"beta": START + timedelta(days=1)},
    )
    repository.save_profile(profile, START)
    loaded = reads.load_profile(repository.path)
    assert loaded is not None
    assert loaded.display_name == "Jo Worker" and loaded.platform_ids == ("beta", "alpha")
    assert loaded.recheck_days == {"alpha": 30}
    assert loaded.snoozed_until == {"beta": START + timedelta(days=1)}


def test_a_re_answer_adds_a_row_and_the_newest_is_current(tmp_path, catalogue, clock) -> None:
    repository = open_repository(tmp_path)
    session = AuditSession.start(("alpha",), catalogue, repository, clock)
    session.record(AnswerStatus.NEEDS_ACTION)
    session.back()
    clock.advance(timedelta(minutes=3))
    session.record(AnswerStatus.SAFE)
    assert reads.count_answers(repository.path) == 2
    [run] = reads.load_history(repository.path)
    assert run.answers[("alpha", "a1")].status is AnswerStatus.SAFE


def test_the_open_run_is_the_newest_unfinished_one(tmp_path, catalogue, clock) -> None:
    repository = open_repository(tmp_path)
    assert repository.open_run() is None
    finished = AuditSession.start(("beta",), catalogue, repository, clock)
    finished.record(AnswerStatus.SAFE)
    finished.record(AnswerStatus.SAFE)
    unfinished = AuditSession.start(("alpha", "beta"), catalogue, repository, clock)
    unfinished.record(AnswerStatus.UNSURE)
    run = repository.open_run()
    assert run is not None and run.id == unfinished.run.id
    resumed = AuditSession(run, catalogue, repository, clock)
    assert resumed.position().item.id == "a2"  # type: ignore[union-attr]


def test_dashboard_data_gives_the_same_overviews_as_the_full_history(data_home) -> None:
    """The dashboard reads only recent answers; it must agree with the full history."""
    from app.audit.overview import overviews
    from app.clock import FixedClock
    from app.demo import write_demo_data
    from app.footprint import open_footprint

    footprint = open_footprint(data_home, FixedClock(START + timedelta(days=400)))
    write_demo_data(footprint)
    now, profile = footprint.clock.now(), footprint.profile()
    full = overviews(footprint.catalogue, footprint.history(), profile, now)
    data = reads.load_dashboard_data(footprint.home.database)
    assert overviews(footprint.catalogue, data.runs, profile, now, data.newest) == full
    assert any(o.drift.has_drift for o in full) and any(o.due.is_due for o in full)
    footprint.close()
