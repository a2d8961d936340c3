"""The report's content, from plain runs: no Qt, no database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.audit.answers import Answer, AnswerKind, AnswerSource, AnswerStatus
from app.audit.drift import DriftReason
from app.audit.profile import WorkerProfile
from app.audit.records import ReportRecord
from app.audit.run import AuditRun, PlatformCheck
from app.audit.scoring import PlatformState
from app.checklists.codes import load_code_book
from app.checklists.model import Catalogue
from app.formatting import short_date
from app.report.content import ReportError, ReportScope, SupervisionReport
from app.report.report_model import build_report
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
    steps: bool = False,
    since: datetime | None = None,
    profile: WorkerProfile | None = PROFILE,
    reports: tuple[ReportRecord, ...] = (),
) -> SupervisionReport:
    runs = history() if runs is None else runs
    scope = ReportScope(run_id=run_id, since=since, include_notes=notes, include_steps=steps)
    return build_report(catalogue, runs, profile, load_code_book(), START, scope, reports)


def test_by_default_every_platform_shows_its_latest_finished_check_with_its_date(catalogue) -> None:
    unfinished = run(3, START, [answer("a1", SAFE, START)], complete=False)
    shown = report(catalogue, [*history(), unfinished])
    assert shown.run_id is None and shown.covers.startswith("The current state")
    alpha, beta = shown.platforms
    # alpha was re-checked alone (second audit); beta's latest check is the first audit's.
    assert (alpha.name, alpha.state, alpha.checked_at) == (
        "Alpha",
        PlatformState.NEEDS_ACTION,
        SECOND,
    )
    assert (beta.name, beta.state, beta.checked_at) == ("Beta", PlatformState.SAFE, FIRST)
    assert shown.worker.name == "Jo Worker"
    assert shown.worker.regulator == "Scottish Social Services Council (SSSC)"
    assert (shown.worker.role, shown.worker.organisation, shown.worker.supervisor) == (
        "Care assistant",
        "Hillside Care",
        "Pat Lead",
    )


def test_a_platform_never_finished_is_said_plainly(catalogue) -> None:
    skipped = AuditRun(
        1, SECOND, (PlatformCheck("alpha", 0, SECOND), PlatformCheck("beta", 1, None, True)),
        SECOND, {("alpha", "a1"): answer("a1", SAFE, SECOND)},
    )  # fmt: skip
    alpha, beta = report(catalogue, [skipped]).platforms
    assert alpha.checked_at == SECOND
    assert beta.state is PlatformState.SKIPPED and beta.checked_at is None
    assert beta.seen_at is not None and beta.is_due


def test_each_platform_has_how_each_item_was_checked(catalogue) -> None:
    alpha = report(catalogue).platforms[0]
    methods = [(line.name, line.method) for line in alpha.items]
    assert methods == [
        ("Title of a1", "By hand"),
        ("Title of a2", "Read automatically"),
        ("Title of a3", "Data export"),
    ]


def test_actions_are_phrased_as_actions_most_important_first(catalogue) -> None:
    actions = report(catalogue).actions
    assert [(a.action, a.status) for a in actions] == [("Fix a1", ACTION), ("Fix a3", UNSURE)]
    assert actions[0].steps == ("Open settings", "Turn it off") and actions[0].safe == "Off"
    assert actions[0].checked_at == SECOND


def test_what_slid_back_since_the_previous_report_or_a_chosen_date(catalogue) -> None:
    (line,) = report(catalogue).drift  # no earlier report: the last three months
    assert (line.name, line.reason) == ("Title of a1", DriftReason.WORSE)
    assert (line.before, line.before_observed, line.before_date) == (SAFE, "Only me", FIRST)
    assert (line.after, line.after_observed, line.after_date) == (ACTION, "Friends", SECOND)
    after_it = ReportRecord(1, SECOND + timedelta(days=1), None, None)
    later = report(catalogue, reports=(after_it,))
    assert later.drift == () and "since the previous report" in later.period.description
    assert report(catalogue, since=SECOND + timedelta(hours=1)).drift == ()


def test_a_report_of_one_audit_compares_it_with_the_check_before_it(catalogue) -> None:
    first = report(catalogue, run_id=1)
    assert first.run_id == 1 and first.drift == () and first.covers.startswith("Audit number 1")
    assert {p.name for p in first.platforms} == {"Alpha", "Beta"}
    (line,) = report(catalogue, run_id=2).drift
    assert line.before_date == FIRST


def test_a_fix_after_the_audit_is_shown_with_its_date_and_the_note_kept(catalogue) -> None:
    first, second = history()
    fixed_at = SECOND + timedelta(days=1)
    fix = Answer("alpha", "a1", SAFE, AnswerSource.MANUAL, fixed_at, None, "Changed <b>by</b> me",
                 AnswerKind.FIX)  # fmt: skip
    second = AuditRun(second.id, second.started_at, second.platforms, second.completed_at,
                      {**second.answers, fix.key: fix})  # fmt: skip
    shown = report(catalogue, [first, second], notes=True)
    line = shown.platforms[0].items[0]
    assert line.status is SAFE and line.fixed_at == fixed_at
    assert [a.action for a in shown.actions] == ["Fix a3"]
    assert shown.notes[0].note == "Changed <b>by</b> me"


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
    cited = report(catalogue, profile=england).clauses
    assert cited and not any("SSSC" in line.source for line in cited)  # SSSC-5.7 is not theirs


def test_notes_are_included_only_when_the_worker_asks(catalogue) -> None:
    assert report(catalogue).notes == () and not report(catalogue).notes_included
    (note,) = report(catalogue, notes=True).notes
    assert note.note == "Changed <b>by</b> me"  # kept as typed; the HTML escapes it


def test_the_summary_says_what_was_found_in_plain_words(catalogue) -> None:
    summary = report(catalogue).summary
    assert summary.startswith("The current state of every platform you use, for Jo Worker")
    assert "2 platforms, 2 of them checked" in summary
    assert "1 needs action" in summary and "1 setting slid back" in summary
    assert "1 platform is due" in summary and "2 actions are outstanding" in summary


@pytest.mark.parametrize(
    ("runs", "run_id", "profile", "sentence"),
    [
        ([], None, PROFILE, "There is no finished check"),
        (
            [run(1, SECOND, [answer("a1", SAFE, SECOND)], complete=False)],
            None,
            PROFILE,
            "no finished check",
        ),
        (None, 42, PROFILE, "There is no audit number 42"),
        (None, None, None, "Set up your profile"),
    ],
)
def test_reports_that_cannot_be_made_say_why(catalogue, runs, run_id, profile, sentence) -> None:
    with pytest.raises(ReportError, match=sentence):
        report(catalogue, runs, run_id, profile=profile)


def with_fix(at: datetime) -> list[AuditRun]:
    """The history, with a1 of the second audit fixed at `at`."""
    first, second = history()
    fix = Answer("alpha", "a1", SAFE, AnswerSource.MANUAL, at, kind=AnswerKind.FIX)
    second = AuditRun(second.id, second.started_at, second.platforms, second.completed_at,
                      {**second.answers, fix.key: fix})  # fmt: skip
    return [first, second]


def test_fixes_are_listed_by_the_day_they_were_recorded_within_the_period(catalogue) -> None:
    fixed_at = SECOND + timedelta(days=2)
    (line,) = report(catalogue, with_fix(fixed_at)).fixed  # no earlier report: three months
    assert (line.platform, line.action, line.fixed_at, line.now) == ("Alpha", "Fix a1", fixed_at,
                                                                       SAFE)  # fmt: skip
    after_fix = ReportRecord(1, fixed_at + timedelta(hours=1), None, None)
    assert report(catalogue, with_fix(fixed_at), reports=(after_fix,)).fixed == ()
    before_fix = ReportRecord(1, fixed_at - timedelta(hours=1), None, None)
    (again,) = report(catalogue, with_fix(fixed_at), reports=(before_fix,)).fixed
    assert again.fixed_at == fixed_at
    assert "1 setting fixed since" in report(catalogue, with_fix(fixed_at)).summary
    (in_audit,) = report(catalogue, with_fix(fixed_at), run_id=2).fixed
    assert in_audit.fixed_at == fixed_at
    assert report(catalogue, with_fix(fixed_at), run_id=1).fixed == ()


def test_the_summary_names_a_skipped_platform_skipped_not_never_finished(catalogue) -> None:
    skipped = AuditRun(
        1, SECOND, (PlatformCheck("alpha", 0, SECOND), PlatformCheck("beta", 1, None, True)),
        SECOND, {("alpha", "a1"): answer("a1", SAFE, SECOND)},
    )  # fmt: skip
    summary = report(catalogue, [skipped]).summary
    assert "1 of them checked (Beta skipped)" in summary and "never finished" not in summary


def test_the_period_heading_has_no_brackets_inside_brackets(catalogue) -> None:
    period = report(catalogue).period
    assert period.since == f"since {short_date(period.start)}" and "(" not in period.since
