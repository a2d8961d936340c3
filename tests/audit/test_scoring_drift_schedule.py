from __future__ import annotations

from datetime import timedelta

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.drift import DriftReason, drift_between
from app.audit.schedule import due_status, effective_interval
from app.audit.scoring import PlatformState, overall_score, score_platform
from tests.conftest import START, make_platform

PLATFORM = make_platform("alpha", ("a1", "a2", "a3", "a4"))
S, N, U, NA = (
    AnswerStatus.SAFE,
    AnswerStatus.NEEDS_ACTION,
    AnswerStatus.UNSURE,
    AnswerStatus.NOT_APPLICABLE,
)


def answers(*statuses: AnswerStatus | None, observed: tuple[str | None, ...] = ()) -> dict:
    result = {}
    for n, status in enumerate(statuses):
        if status is not None:
            value = observed[n] if n < len(observed) else None
            result[f"a{n + 1}"] = Answer(
                "alpha", f"a{n + 1}", status, AnswerSource.MANUAL, START, value
            )
    return result


def test_score_counts_and_share_of_safe_leave_out_not_applicable() -> None:
    score = score_platform(PLATFORM, answers(S, S, NA, N))
    assert (score.count(S), score.count(N), score.answered, score.total) == (2, 1, 4, 4)
    assert score.safe_share == 2 / 3
    assert score.state is PlatformState.NEEDS_ACTION


def test_state_order() -> None:
    assert score_platform(PLATFORM, {}).state is PlatformState.NOT_AUDITED
    assert score_platform(PLATFORM, answers(S, S)).state is PlatformState.INCOMPLETE
    assert score_platform(PLATFORM, answers(S, U, S, S)).state is PlatformState.UNSURE
    assert score_platform(PLATFORM, answers(S, S, NA, S)).state is PlatformState.SAFE


def test_overall_score_adds_platforms() -> None:
    total = overall_score(
        [score_platform(PLATFORM, answers(S, S, S, N)), score_platform(PLATFORM, answers(S))]
    )
    assert (total.count(S), total.count(N), total.total) == (4, 1, 8)


def test_a_worse_answer_is_drift() -> None:
    report = drift_between(PLATFORM, answers(S, S, U, N), answers(N, U, S, N))
    assert [(e.item_id, e.reason) for e in report.entries] == [
        ("a1", DriftReason.WORSE),
        ("a2", DriftReason.WORSE),
    ]


def test_a_changed_observed_value_is_drift_even_when_both_answers_are_safe() -> None:
    before = answers(S, S, observed=("Only me", "Off"))
    after = answers(S, S, observed=("Friends", "Off"))
    [entry] = drift_between(PLATFORM, before, after).entries
    assert entry.item_id == "a1" and entry.reason is DriftReason.VALUE_CHANGED
    assert (entry.before.observed, entry.after.observed) == ("Only me", "Friends")


def test_a_changed_value_that_made_things_safer_is_not_drift() -> None:
    before = answers(N, observed=("Public",))
    after = answers(S, observed=("Only me",))
    assert not drift_between(PLATFORM, before, after).has_drift


def test_a_check_added_since_the_last_audit_is_new_not_drift() -> None:
    report = drift_between(PLATFORM, answers(S, S), answers(S, S, N, N))
    assert report.entries == () and report.new_item_ids == ("a3", "a4")


def test_due_after_the_interval_and_now_when_never_checked() -> None:
    last = START
    assert not due_status(last, 90, START + timedelta(days=89)).is_due
    later = due_status(last, 90, START + timedelta(days=95))
    assert later.is_due and later.overdue_days(START + timedelta(days=95)) == 5
    never = due_status(None, 90, START)
    assert never.is_due and never.next_due is None


def test_a_snooze_in_the_future_is_active_and_one_in_the_past_is_not() -> None:
    now = START + timedelta(days=100)
    assert due_status(START, 90, now, now + timedelta(days=1)).is_snoozed
    assert not due_status(START, 90, now, now - timedelta(seconds=1)).is_snoozed


def test_interval_file_then_employer_then_worker_if_shorter() -> None:
    assert effective_interval(90) == 90
    assert effective_interval(90, policy_days=120) == 120
    assert effective_interval(90, policy_days=60, worker_days=30) == 30
    assert effective_interval(90, policy_days=60, worker_days=75) == 60
