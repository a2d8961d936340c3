"""The report's content, from plain runs: no Qt, no database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.drift import DriftReason
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun, PlatformCheck
from app.audit.scoring import PlatformState
from app.checklists.codes import load_code_book
from app.checklists.model import Catalogue
from app.report.content import ReportError, SupervisionReport
from app.report.model import build_report
from tests.conftest import START

PROFILE = WorkerProfile(
    display_name="Jo Worker",
    role="Care assistant",
    organisation="Hillside Care",
    regulator="sssc",
    supervisor="Pat Lead",
    platform_ids=("alpha", "beta"),
)
FIRST, SECOND = START - timedelta(days=100), START - timedelta(days=10)


def answer(
    item: str,
    status: AnswerStatus,
    when: datetime,
    observed: str | None = None,
    note: str | None = None,
    source: AnswerSource = AnswerSource.MANUAL,
) -> Answer:
    platform = "alpha" if item.startswith("a") else "beta"
    return Answer(platform, item, status, source, when, observed, note)


def run(run_id: int, when: datetime, answers: list[Answer], complete: bool = True) -> AuditRun:
    platforms = sorted({a.platform_id for a in answers})
    done = when if complete else None
    checks = tuple(PlatformCheck(p, i, done) for i, p in enumerate(platforms))
    return AuditRun(run_id, when - timedelta(hours=1), checks, done, {a.key: a for a in answers})


SAFE, ACTION, UNSURE = AnswerStatus.SAFE, AnswerStatus.NEEDS_ACTION, AnswerStatus.UNSURE


def history() -> list[AuditRun]:
    first = run(
        1,
        FIRST,
        [
            answer("a1", SAFE, FIRST, observed="Only me"),
            answer("a2", ACTION, FIRST),
            answer("a3", UNSURE, FIRST),
            answer("b1", SAFE, FIRST),
            answer("b2", SAFE, FIRST),
        ],
    )
    second = run(
        2,
        SECOND,
        [
            answer("a1", ACTION, SECOND, observed="Friends", note="Changed <b>by</b> me"),
            answer("a2", SAFE, SECOND, source=AnswerSource.AUTOMATION),
            answer("a3", UNSURE, SECOND, source=AnswerSource.EXPORT),
        ],
    )
    return [first, second]


def report(
    catalogue: Catalogue,
    runs: list[AuditRun] | None = None,
    run_id: int | None = None,
    *,
    notes: bool = False,
    profile: WorkerProfile | None = PROFILE,
) -> SupervisionReport:
    runs = history() if runs is None else runs
    return build_report(catalogue, runs, profile, load_code_book(), START, run_id, notes)


def test_the_latest_completed_audit_is_reported_and_an_unfinished_one_is_not(catalogue) -> None:
    unfinished = run(3, START, [answer("a1", SAFE, START)], complete=False)
    chosen = report(catalogue, [*history(), unfinished])
    assert chosen.run_id == 2 and chosen.run_completed == SECOND
    assert chosen.worker.name == "Jo Worker"
    assert chosen.worker.regulator == "Scottish Social Services Council (SSSC)"
    assert (chosen.worker.role, chosen.worker.organisation, chosen.worker.supervisor) == (
        "Care assistant",
        "Hillside Care",
        "Pat Lead",
    )


def test_each_platform_has_its_state_date_and_how_each_item_was_checked(catalogue) -> None:
    (alpha,) = report(catalogue).platforms  # beta was not part of the second audit
    assert (alpha.name, alpha.state, alpha.checked_at) == (
        "Alpha",
        PlatformState.NEEDS_ACTION,
        SECOND,
    )
    methods = [(line.title, line.method) for line in alpha.items]
    assert methods == [
        ("Title of a1", "By hand"),
        ("Title of a2", "Read automatically"),
        ("Title of a3", "Data export"),
    ]


def test_items_needing_action_come_first_with_their_steps(catalogue) -> None:
    actions = report(catalogue).actions
    assert [(a.title, a.status) for a in actions] == [("Fix a1", ACTION), ("Fix a3", UNSURE)]
    assert actions[0].steps == ("Open settings", "Turn it off") and actions[0].safe == "Off"


def test_drift_against_the_previous_check_with_both_dates(catalogue) -> None:
    (line,) = report(catalogue).drift
    assert (line.title, line.reason) == ("Title of a1", DriftReason.WORSE)
    assert (line.before, line.before_observed, line.before_date) == (SAFE, "Only me", FIRST)
    assert (line.after, line.after_observed, line.after_date) == (ACTION, "Friends", SECOND)


def test_an_older_audit_is_compared_with_the_one_before_it_not_with_later_ones(catalogue) -> None:
    first = report(catalogue, run_id=1)
    assert first.run_id == 1 and first.drift == ()
    assert {p.name for p in first.platforms} == {"Alpha", "Beta"}


def test_overdue_platforms_are_judged_at_the_report_date(catalogue) -> None:
    # beta (30-day interval) was last checked 100 days ago; alpha 10 days ago (90 days).
    (line,) = report(catalogue).overdue
    assert line.platform == "Beta" and line.last_checked == FIRST
    assert line.overdue_days == 70


def test_a_platform_never_checked_is_listed_as_due(catalogue) -> None:
    only_alpha = [run(1, SECOND, [answer("a1", SAFE, SECOND)])]
    (line,) = report(catalogue, only_alpha).overdue
    assert line.platform == "Beta" and line.last_checked is None


def test_clauses_are_those_of_the_findings_for_the_workers_regulator(catalogue) -> None:
    (clause,) = report(catalogue).clauses
    assert clause.source.startswith("SSSC Code of Practice") and clause.platforms == ("Alpha",)
    england = WorkerProfile("Jo", "", "", "swe", platform_ids=("alpha", "beta"))
    assert report(catalogue, profile=england).clauses == ()  # SSSC-5.7 is not theirs


def test_notes_are_included_only_when_the_worker_asks(catalogue) -> None:
    assert report(catalogue).notes == () and not report(catalogue).notes_included
    (note,) = report(catalogue, notes=True).notes
    assert note.note == "Changed <b>by</b> me"  # kept as typed; the HTML escapes it


def test_the_summary_says_what_was_found_in_plain_words(catalogue) -> None:
    summary = report(catalogue).summary
    assert "Jo Worker's privacy self-audit number 2" in summary
    assert "checked 3 settings" in summary and "1 needs action" in summary
    assert "1 setting became less safe" in summary and "1 platform is due" in summary


@pytest.mark.parametrize(
    ("runs", "run_id", "profile", "sentence"),
    [
        ([], None, PROFILE, "There is no finished audit"),
        (
            [run(1, SECOND, [answer("a1", SAFE, SECOND)], complete=False)],
            None,
            PROFILE,
            "no finished",
        ),
        (None, 42, PROFILE, "There is no audit number 42"),
        (None, None, None, "Set up your profile"),
    ],
)
def test_reports_that_cannot_be_made_say_why(catalogue, runs, run_id, profile, sentence) -> None:
    with pytest.raises(ReportError, match=sentence):
        report(catalogue, runs, run_id, profile=profile)
