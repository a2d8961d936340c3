"""The verdicts every window shows: never all-clear while anything is open."""

from __future__ import annotations

from app.audit.verdicts import ALL_CLEAR_WORDS, audit_closing, link_outcome, look_outcome


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
