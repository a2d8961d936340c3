"""One plain word for each state, used by every screen, the command line and the report.

A worker who reads "Skipped" on the summary must read "Skipped" in the history and in the
report too, never "Needs action", "(unfinished)" or "Never checked" for the same thing. Every
label a screen shows for an answer, a platform's state, an item's importance or a change since
the previous check comes from here.
"""

from __future__ import annotations

from typing import Final

# Answers to one item.
SAFE: Final = "Safe"
NEEDS_ACTION: Final = "Needs action"
NOT_APPLICABLE: Final = "Not applicable"
NOT_SURE: Final = "Not sure"
NOT_CHECKED: Final = "Not checked"

# A platform's state.
ALL_SAFE: Final = "All safe"
NEVER_CHECKED: Final = "Never checked"
NOT_FINISHED: Final = "Not finished"
SKIPPED: Final = "Skipped"

# What changed since the previous check (app.audit.comparison).
SLID_BACK: Final = "Slid back"  # an answer became less safe
VALUE_CHANGED: Final = "Value changed"  # the same answer, but the setting shows another value
NO_CHANGE: Final = "No change"
FIRST_CHECK: Final = "First check"
NEW_CHECK: Final = "New check"  # an item added to the checklist since the previous check

# A fix recorded after the audit ("I fixed it").
FIXED: Final = "Fixed after the audit"
FIXED_ON: Final = "Fixed on "  # and its date: the history's word for one fix


def slid_back_count(count: int) -> str:
    """'1 setting slid back', '3 settings slid back'."""
    return f"{count} setting{'' if count == 1 else 's'} slid back"


def need_attention(count: int) -> str:
    """'1 platform needs attention', '2 platforms need attention'."""
    return (
        f"{count} platform needs attention" if count == 1 else f"{count} platforms need attention"
    )


# Each state's mark, so no screen says a state by colour alone: a badge is mark and word,
# shown in the colour of app.ui.theme (red only for what needs fixing).
MARKS: Final = {
    SAFE: "✓",
    ALL_SAFE: "✓",
    FIXED: "✓",
    NEEDS_ACTION: "✗",
    NOT_SURE: "?",
    NOT_APPLICABLE: "–",
    NOT_CHECKED: "○",
    NEVER_CHECKED: "○",
    NOT_FINISHED: "◐",
    SKIPPED: "↷",
}


def badge(word: str) -> str:
    """'✓ Safe', '✗ Needs action': a state's mark and word ("Safe" alone if it has none)."""
    mark = MARKS.get(FIXED if word.startswith(FIXED_ON) else word)
    return f"{mark} {word}" if mark else word


def fixed_on(day: str) -> str:
    """'Fixed on 12 Dec 2026': how a fix recorded after the audit reads in the history."""
    return f"{FIXED_ON}{day}"
