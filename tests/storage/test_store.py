from __future__ import annotations

from datetime import timedelta

import pytest

from app.audit.answers import AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.session import AuditSession
from app.storage.database import prepare_database
from app.storage.errors import DatabaseUnavailableError
from app.storage.store import Store
from tests.conftest import START
from tests.storage.faults import disk_fills


def open_store(tmp_path) -> Store:
    path = tmp_path / "footprint.db"
    prepare_database(path, START)
    return Store(path)


def test_profile_round_trip(tmp_path) -> None:
    store = open_store(tmp_path)
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
    store.save_profile(profile, START)
    loaded = store.profile()
    assert loaded is not None
    assert loaded.display_name == "Jo Worker" and loaded.platform_ids == ("beta", "alpha")
    assert loaded.recheck_days == {"alpha": 30}
    assert loaded.snoozed_until == {"beta": START + timedelta(days=1)}


def test_a_re_answer_adds_a_row_and_the_newest_is_current(tmp_path, catalogue, clock) -> None:
    store = open_store(tmp_path)
    session = AuditSession.start(("alpha",), catalogue, store, clock)
    session.record(AnswerStatus.NEEDS_ACTION)
    session.back()
    clock.advance(timedelta(minutes=3))
    session.record(AnswerStatus.SAFE)
    assert store.count_answers() == 2
    [run] = store.history()
    assert run.answers[("alpha", "a1")].status is AnswerStatus.SAFE


def test_one_transaction_keeps_every_write_or_none(tmp_path, catalogue, clock) -> None:
    store = open_store(tmp_path)
    with store.one_transaction():
        session = AuditSession.start(("beta",), catalogue, store, clock)
        session.record(AnswerStatus.SAFE)
        assert store.count_answers() == 0  # not committed yet: reads use their own connection
        session.record(AnswerStatus.NEEDS_ACTION)
    assert store.count_answers() == 2 and store.history()[0].completed_at is not None
    with pytest.raises(RuntimeError), store.one_transaction():
        AuditSession.start(("alpha",), catalogue, store, clock).record(AnswerStatus.SAFE)
        raise RuntimeError("stopped halfway")
    assert store.count_answers() == 2 and len(store.history()) == 1


def test_the_open_run_is_the_newest_unfinished_one(tmp_path, catalogue, clock) -> None:
    store = open_store(tmp_path)
    assert store.dashboard_data().open_run is None
    finished = AuditSession.start(("beta",), catalogue, store, clock)
    finished.record(AnswerStatus.SAFE)
    finished.record(AnswerStatus.SAFE)
    unfinished = AuditSession.start(("alpha", "beta"), catalogue, store, clock)
    unfinished.record(AnswerStatus.UNSURE)
    run = store.dashboard_data().open_run
    assert run is not None and run.id == unfinished.run.id
    resumed = AuditSession(run, catalogue, store, clock)
    assert resumed.position().item.id == "a2"  # type: ignore[union-attr]


def test_dashboard_data_gives_the_same_overviews_as_the_full_history(data_home) -> None:
    """The dashboard reads only recent answers; it must agree with the full history."""
    from app.audit.overview import overviews
    from app.clock import FixedClock
    from app.footprint import open_footprint

    footprint = open_footprint(data_home, FixedClock(START + timedelta(days=400)))
    footprint.write_demo_data()
    now, profile = footprint.clock.now(), footprint.profile()
    full = overviews(footprint.catalogue, footprint.history(), profile, now)
    data = footprint.store.dashboard_data()
    assert overviews(footprint.catalogue, data.runs, profile, now, data.newest) == full
    assert any(o.drift.has_drift for o in full) and any(o.due.is_due for o in full)
    footprint.close()


def test_a_path_with_hash_question_mark_and_percent_is_read_where_it_is(tmp_path) -> None:
    folder = tmp_path / "a#b?c%20d"
    folder.mkdir()
    store = open_store(folder)
    store.save_profile(WorkerProfile("Jo", "", "", "sssc", platform_ids=("alpha",)), START)
    assert store.profile() is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a#b?c%20d"]  # no stray files


def test_a_new_look_replaces_only_the_platforms_it_saw(tmp_path) -> None:
    from datetime import timedelta

    from app.stranger.evidence import NO, YES, SeenFinding

    store = open_store(tmp_path)
    first = [SeenFinding("x", "posts", YES, "posts shown", START),
             SeenFinding("linkedin", "page", NO, "a sign-in wall", START)]  # fmt: skip
    store.save_outside_findings({"x", "linkedin"}, first)
    later = START + timedelta(days=1)
    store.save_outside_findings({"x"}, [SeenFinding("x", "posts", NO, "private", later)])
    assert sorted((f.platform_id, f.verdict, f.seen_at) for f in store.outside_findings()) == [
        ("linkedin", NO, START), ("x", NO, later)
    ]  # fmt: skip


def test_a_findings_caveat_is_kept_with_it(tmp_path) -> None:
    from app.stranger.evidence import NO, YES, SeenFinding

    store = open_store(tmp_path)
    wall = SeenFinding("linkedin", "page", NO, "asked to sign in", START, "not proof: look")
    store.save_outside_findings({"linkedin", "x"}, [wall, SeenFinding("x", "page", YES, "open",
                                                                      START)])  # fmt: skip
    assert [(f.platform_id, f.caveat) for f in store.outside_findings()] == [
        ("linkedin", "not proof: look"), ("x", "")
    ]  # fmt: skip


def test_findings_go_when_their_platforms_address_changes_or_is_removed(tmp_path) -> None:
    from app.stranger.evidence import NO, YES, SeenFinding

    store = open_store(tmp_path)
    store.save_public_addresses({"x": "https://x.com/jo", "linkedin": "https://www.linkedin.com/in/jo",
                                 "tiktok": "https://www.tiktok.com/@jo"})  # fmt: skip
    store.save_outside_findings({"x", "linkedin", "tiktok"}, [
        SeenFinding("x", "posts", YES, "posts shown", START),
        SeenFinding("linkedin", "page", NO, "asked to sign in", START),
        SeenFinding("tiktok", "posts", NO, "private", START),
    ])  # fmt: skip
    store.save_public_addresses(
        {"x": "https://x.com/jo_new", "tiktok": "https://www.tiktok.com/@jo"}
    )
    assert [f.platform_id for f in store.outside_findings()] == ["tiktok"]  # unchanged: kept


def test_a_full_disk_while_saving_is_the_sentence_start_up_gives_and_saves_nothing(
    tmp_path, catalogue, clock, monkeypatch
) -> None:
    store = open_store(tmp_path)
    session = AuditSession.start(("alpha",), catalogue, store, clock)
    where = session.position()
    disk_fills(monkeypatch)
    store.close()  # the next write makes a new writer, on the full disk
    with pytest.raises(DatabaseUnavailableError) as raised:
        session.record(AnswerStatus.NEEDS_ACTION, "a long note " * 2_000)
    path = tmp_path / "footprint.db"
    assert str(raised.value) == (
        f"Footprint cannot write its database {path}: the disk is full (database or disk is "
        "full). Nothing was changed and your data is still there; try again once that is "
        "sorted out."
    )
    assert store.count_answers() == 0 and session.position() == where


def test_discarding_deletes_an_open_audit_and_never_a_finished_one(tmp_path, catalogue) -> None:
    from app.clock import FixedClock

    store = open_store(tmp_path)
    clock = FixedClock(START)
    finished = AuditSession.start(("beta",), catalogue, store, clock)
    while not finished.is_finished:
        finished.record(AnswerStatus.SAFE)
    kept = store.count_answers()
    open_run = AuditSession.start(("alpha",), catalogue, store, clock)
    open_run.record(AnswerStatus.NEEDS_ACTION)

    assert not store.discard_run(finished.run.id)
    assert store.discard_run(open_run.run.id)
    assert store.count_answers() == kept
    assert [run.id for run in store.history()] == [finished.run.id]


def test_the_watch_is_off_until_chosen_and_keeps_its_schedule_looks_and_drift(tmp_path) -> None:
    from app.audit.watch import Drift, LookOutcome, PlatformWatch, WatchChoice
    from app.stranger.evidence import NO, YES, SeenFinding

    store = open_store(tmp_path)
    assert store.watch_choice() == WatchChoice(signed_out=False, chosen_at=None)
    store.choose_watch(True, START)
    assert store.watch_choice() == WatchChoice(True, START)
    store.save_watched_platforms([PlatformWatch("x", START), PlatformWatch("tiktok", START)],
                                 keep_only=True)  # fmt: skip
    later = START + timedelta(days=7)
    watch = PlatformWatch("x", later, START, LookOutcome.SEEN, 0)
    drift = Drift("x", "posts", NO, YES, START)
    seen = [SeenFinding("x", "posts", YES, "posts are shown", START)]
    store.record_watch_look(watch, LookOutcome.SEEN, START, [drift], seen)
    assert store.watched_platforms() == [PlatformWatch("tiktok", START), watch]
    assert store.watch_looks_since(START) == [("x", START, "seen")]
    assert store.watch_looks_since(later) == []
    [kept] = store.watch_drift()
    assert kept.id is not None and (kept.topic, kept.before, kept.after) == ("posts", NO, YES)
    assert kept.source == "seen by the watch, signed out" and kept.confirmed_at is None
    assert [f.verdict for f in store.outside_findings()] == [YES]
    store.confirm_drift(kept.id, later)
    assert store.watch_drift()[0].confirmed_at == later
    store.save_watched_platforms([watch], keep_only=True)
    assert [w.platform_id for w in store.watched_platforms()] == ["x"]
    store.choose_watch(False, later)
    assert store.watch_choice() == WatchChoice(False, later)
