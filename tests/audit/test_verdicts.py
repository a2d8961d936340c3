"""The verdicts every window shows: never all-clear while anything is open."""

from __future__ import annotations

from app.audit.verdicts import (
    ALL_CLEAR_WORDS,
    audit_closing,
    link_outcome,
    look_outcome,
    platform_end_advice,
    platform_end_line,
    platform_tally,
)


def comforting(text: str) -> bool:
    return any(word in text.casefold() for word in (*ALL_CLEAR_WORDS, "done"))


def test_a_look_where_every_page_failed_says_nothing_was_looked_at() -> None:
    text = look_outcome(5, 0)
    assert text.startswith("Nothing was looked at") and not comforting(text)
    assert look_outcome(5, 0, cancelled=True).startswith("Stopped. Nothing was looked at")


def test_a_partial_look_says_how_many_were_looked_at() -> None:
    assert look_outcome(5, 3).startswith("Looked at 3 of 5 profiles")
    assert look_outcome(2, 2).startswith("Looked at all 2 profiles")


def test_a_page_is_said_to_have_opened_only_when_it_did() -> None:
    url = "https://www.facebook.com/settings"
    assert link_outcome("the settings page", url, True).startswith("Opened the settings page")
    for unknown in (False, None, object()):
        text = link_outcome("the settings page", url, unknown)
        assert not text.startswith(("Opened", "Opening")) and url in text


def test_an_audit_with_a_skipped_platform_ends_not_checked() -> None:
    text = audit_closing(["Instagram"], 0)
    assert text.startswith("Not checked: Instagram") and not comforting(text)


def test_fixes_open_elsewhere_are_named_even_when_this_audit_is_clear() -> None:
    text = audit_closing([], 0, open_elsewhere=4)
    assert "4 fixes still open on other platforms" in text and not comforting(text)


def test_a_platform_s_end_says_its_counts_and_the_next_one() -> None:
    line = platform_end_line("Facebook", 10, 2, 1, "Instagram")
    assert line == "Facebook: 10 safe, 2 to fix, 1 not sure — next: Instagram"
    assert platform_tally(3, 0, 0, 2) == "3 safe, 0 to fix, 2 not checked"


def test_a_platform_s_end_never_comforts_while_anything_is_open() -> None:
    for to_fix, unsure, unanswered in ((1, 0, 0), (0, 1, 0), (0, 0, 1), (2, 1, 3)):
        said = platform_end_advice("Facebook", to_fix, unsure, unanswered).lower()
        assert not any(words in said for words in ALL_CLEAR_WORDS)
        assert "safe or does not apply" not in said
    assert "fixing" in platform_end_advice("Facebook", 2, 0).lower()
    clear = platform_end_advice("Facebook", 0, 0, 0)
    assert clear == "Every setting of Facebook checked here is safe or does not apply."


def test_drift_the_watch_saw_is_open_work_named_in_the_overview_line() -> None:
    from app.audit.verdicts import open_work, overview_verdict, watched_change

    assert open_work(()).is_clear  # the control: nothing open, nothing watched
    work = open_work((), {"facebook": 1, "instagram": 0})
    assert not work.is_clear and work.watched == 1 and work.watched_platforms == ("facebook",)
    line = overview_verdict((), {"facebook": 1})
    assert "1 setting the watch saw slide back on facebook — confirm it" in line
    assert not comforting(line)
    two = overview_verdict((), {"facebook": 1, "instagram": 2})
    assert "3 settings the watch saw slide back on facebook and instagram" in two
    assert watched_change(1) == "Watch: 1 setting slid back"
