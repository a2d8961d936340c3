"""Imports become export answers and counts; reviews become counts and, briefly, hashes."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.run import PlatformCheck
from app.checklists.model import Catalogue
from app.clock import FixedClock
from app.footprint import open_footprint
from tests.conftest import START
from tests.downloads import builders


@pytest.fixture
def footprint(data_home):
    opened = open_footprint(data_home, FixedClock(START))
    yield opened
    opened.close()


def rows(footprint, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(footprint.home.database)) as db:
        return db.execute(sql).fetchall()


def test_x_and_instagram_imports_answer_their_items_with_source_export(footprint, tmp_path):
    x = footprint.import_export(builders.write_zip(tmp_path / "x.zip", builders.x_archive()))
    ig_zip = builders.write_zip(tmp_path / "ig.zip", builders.instagram_export())
    ig = footprint.import_export(ig_zip)
    history = footprint.history()
    x_answer = history[0].answers[("x", "private-account")]
    assert x_answer.source is AnswerSource.EXPORT and x_answer.status is AnswerStatus.SAFE
    assert x_answer.observed == (
        "Protect your posts: on (from your X (Twitter) export of 20 Feb 2026)"
    )
    assert x_answer.note == "From your X (Twitter) export of 20 Feb 2026."
    ig_answers = history[1].answers_for("instagram")
    assert ig_answers["private-account"].observed == (
        "Private account: on (from your Instagram export of 20 Feb 2026)"
    )
    assert ig_answers["private-account"].source is AnswerSource.EXPORT
    # No Instagram item for contact syncing: it is unsourced (see audits/instagram.toml).
    assert [o.item_id for o in ig.preview.not_in_checklist] == ["contact-sync"]
    assert all(run.is_complete for run in history) and footprint.dashboard().open_run is None
    assert not any(check.completed_at for run in history for check in run.platforms)
    assert (x.run_id, ig.run_id) == (history[0].id, history[1].id)
    imports = footprint.store.export_imports()
    assert [
        (i.platform_id, i.items_answered, i.connection_count, i.request_count) for i in imports
    ] == [("x", 1, 3, 0), ("instagram", 1, 5, 1)]


def test_the_platform_check_completes_only_when_the_export_answers_every_item(footprint, tmp_path):
    x_platform = footprint.catalogue.platform("x")
    only_protected = replace(x_platform, items=(x_platform.item("private-account"),))
    footprint.catalogue = Catalogue((only_protected,))
    outcome = footprint.import_export(builders.write_zip(tmp_path / "x.zip", builders.x_archive()))
    assert outcome.platform_complete
    [run] = footprint.history()
    assert run.check_for("x").completed_at == START


def test_a_switch_to_public_since_the_last_check_is_drift(footprint, tmp_path):
    repository = footprint.store
    checked = datetime(2026, 1, 20, tzinfo=UTC)
    run = repository.create_run(("x",), checked)
    repository.save_answer(
        run.id,
        Answer("x", "private-account", AnswerStatus.SAFE, AnswerSource.MANUAL, checked, "On"),
    )
    repository.save_platform_check(run.id, PlatformCheck("x", 0, checked))
    repository.complete_run(run.id, checked)
    history = (
        ("2026-01-12T10:00:00.000Z", "Protect"),  # before the check: not drift
        ("2026-02-01T18:30:00.000Z", "Unprotect"),
        ("2026-02-08T08:00:00.000Z", "Protect"),
    )
    path = builders.write_zip(tmp_path / "x.zip", builders.x_archive(history=history))
    outcome = footprint.import_export(path)
    assert outcome.preview.drift.describe() == [
        "Protect your posts was changed to off on 2026-02-01, after your last X (Twitter) "
        "check on 2026-01-20."
    ]
    assert outcome.saved[0].status is AnswerStatus.SAFE  # protected again now
    [record] = footprint.store.export_imports()
    assert record.public_switches == 1


def test_without_an_earlier_check_there_is_nothing_to_drift_from(footprint, tmp_path):
    history = (("2026-02-01T18:30:00.000Z", "Unprotect"),)
    path = builders.write_zip(tmp_path / "x.zip", builders.x_archive(history=history))
    outcome = footprint.import_export(path)
    assert not outcome.preview.drift.has_drift
    assert outcome.saved[0].status is AnswerStatus.NEEDS_ACTION


def facebook(tmp_path, name: str, friends=builders.FACEBOOK_FRIENDS, day: str = "2026-02-20"):
    files = builders.facebook_export(friends=friends, prefix=f"facebook-jo-{day}-A/")
    return builders.write_zip(tmp_path / name, files)


def review_marking(footprint, tmp_path, names: set[str]) -> int:
    outcome = footprint.import_export(facebook(tmp_path, "fb1.zip"))
    people = outcome.findings.people()
    marked = {p.key for p in people if p.name in names}
    return footprint.save_review(outcome.findings, marked).review_id


def test_a_review_keeps_counts_and_keyed_hashes_of_the_marked_only(footprint, tmp_path):
    review_id = review_marking(footprint, tmp_path, {"Zoë Blackwood", "Tom Ellery"})
    [review] = footprint.connection_reviews()
    assert (review.id, review.reviewed_count, review.marked_count) == (review_id, 5, 2)
    assert review.removal_status() == "removal not yet confirmed" and not review.by_hand
    assert len(rows(footprint, "SELECT digest FROM marked_connection_hash")) == 2
    [pending] = footprint.store.pending_reviews()
    assert pending.lists == ("friend", "request_received") and len(pending.digests) == 2
    assert pending.key_id == footprint.reading_inputs().key.key_id


def test_a_newer_export_confirms_removals_person_by_person(footprint, tmp_path):
    review_marking(footprint, tmp_path, {"Zoë Blackwood", "Tom Ellery"})
    footprint.clock.advance(timedelta(days=10))
    still = ("Anna Crowther", "Zoë Blackwood", "Priya Ramanathan")
    first = footprint.import_export(facebook(tmp_path, "fb2.zip", still, day="2026-03-05"))
    [check] = first.removal_checks
    assert (len(check.gone), check.still_there) == (1, 1)
    [review] = footprint.connection_reviews()
    assert review.removal_status() == (
        "1 of 2 confirmed removed (by a newer export); 1 still connected"
    )
    footprint.clock.advance(timedelta(days=10))
    gone = ("Anna Crowther", "Priya Ramanathan")
    footprint.import_export(facebook(tmp_path, "fb3.zip", gone, day="2026-03-15"))
    [review] = footprint.connection_reviews()
    assert review.removal_status() == "all 2 confirmed removed (by a newer export)"
    assert rows(footprint, "SELECT salt, key_id FROM connection_review") == [(None, None)]
    assert rows(footprint, "SELECT * FROM marked_connection_hash") == []


def test_an_export_older_than_the_review_or_missing_a_list_confirms_nothing(footprint, tmp_path):
    review_marking(footprint, tmp_path, {"Tom Ellery"})
    older = footprint.import_export(facebook(tmp_path, "old.zip", (), day="2026-02-10"))
    assert older.removal_checks == ()
    footprint.clock.advance(timedelta(days=10))
    no_friends = builders.facebook_export(friends=(), prefix="facebook-jo-2026-03-05-A/")
    newer = footprint.import_export(builders.write_zip(tmp_path / "n.zip", no_friends))
    assert newer.removal_checks == ()  # the friends list is missing, not emptied by removals
    [review] = footprint.connection_reviews()
    assert review.confirmed_removed_count is None


def test_the_worker_can_confirm_removal_and_the_hashes_go(footprint, tmp_path):
    review_id = review_marking(footprint, tmp_path, {"Tom Ellery", "Anna Crowther"})
    footprint.confirm_removed(review_id)
    [review] = footprint.connection_reviews()
    assert review.removal_status() == "all 2 confirmed removed (by you)"
    assert rows(footprint, "SELECT * FROM marked_connection_hash") == []
    assert footprint.store.pending_reviews() == []
