"""Every sentence that says how things stand, worded once, so no window can comfort falsely.

A worker who reads "nothing needs attention" stops looking. So each verdict a window shows —
the overview's line, what changed in a check, the end of an audit, the end of a look as a
stranger, whether a page opened — is decided here from plain values, and says "not checked"
or "can't tell" unless it is true of every open item. A snooze silences a reminder, never a
fix: open fixes are counted whatever was snoozed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.audit import glossary
from app.audit.answers import AnswerStatus
from app.audit.comparison import Comparison
from app.audit.overview import PlatformOverview
from app.audit.run import PlatformCheck
from app.checklists.model import Platform
from app.formatting import plural, short_date

# Words no verdict may use while anything is open (the tests look for them on every window).
ALL_CLEAR_WORDS = ("nothing needs attention", "nothing left to do", "well done")


@dataclass(frozen=True)
class OpenWork:
    """What is still open over the worker's platforms, whatever reminders were snoozed."""

    fixes: int  # settings answered Needs action, not yet fixed
    fix_platforms: int  # platforms with at least one of them
    unsure: int  # settings answered Not sure
    unchecked: int  # settings of checked platforms with no answer
    never_checked: int  # platforms never checked
    due: int  # platforms due a re-check, snoozed or not
    snoozed: int  # of those, reminders snoozed
    slid_back: int  # platforms where a setting slid back since the previous check
    # Settings the watch saw slide back that the worker has neither confirmed nor checked in
    # an audit since, and the names of their platforms (issues 26 and 28): an answer on file
    # may read Safe while the watch saw otherwise, so they are open too.
    watched: int = 0
    watched_platforms: tuple[str, ...] = ()

    @property
    def is_clear(self) -> bool:
        """True only when every setting of every platform is safe (or does not apply), every
        platform was checked on time with nothing slid back, and the watch saw nothing slide
        back that is still unconfirmed."""
        return not (
            self.fixes
            or self.unsure
            or self.unchecked
            or self.never_checked
            or self.due
            or self.slid_back
            or self.watched
        )


def open_work(
    rows: Sequence[PlatformOverview], watched: Mapping[str, int] | None = None
) -> OpenWork:
    """Count what is open on the overview's platforms (snoozed reminders included).

    `watched`: by platform id, how many settings the watch saw slide back that are still to
    confirm or check (`app.services.dashboard.watched_counts`).
    """
    checked = [row for row in rows if row.last_checked is not None]
    watched = {pid: count for pid, count in (watched or {}).items() if count > 0}
    names = {row.platform.id: row.platform.name for row in rows}
    return OpenWork(
        fixes=sum(row.score.count(AnswerStatus.NEEDS_ACTION) for row in rows),
        fix_platforms=sum(1 for row in rows if row.score.count(AnswerStatus.NEEDS_ACTION)),
        unsure=sum(row.score.count(AnswerStatus.UNSURE) for row in rows),
        unchecked=sum(row.score.count(AnswerStatus.NOT_CHECKED) for row in checked),
        never_checked=len(rows) - len(checked),
        due=sum(1 for row in rows if row.due.is_due),
        snoozed=sum(1 for row in rows if row.due.is_due and row.due.is_snoozed),
        slid_back=sum(1 for row in rows if row.drift.has_drift),
        watched=sum(watched.values()),
        watched_platforms=tuple(names.get(pid, pid) for pid in watched),
    )


def fixes_outside(rows: Sequence[PlatformOverview], platform_ids: Sequence[str]) -> int:
    """Fixes open on the overview's platforms that are not among `platform_ids`."""
    return sum(
        row.score.count(AnswerStatus.NEEDS_ACTION)
        for row in rows
        if row.platform.id not in platform_ids
    )


def overview_verdict(
    rows: Sequence[PlatformOverview], watched: Mapping[str, int] | None = None
) -> str:
    """The overview's one line: "6 platforms; 15 fixes open on 5 platforms; …".

    `watched`: as for `open_work`. "Nothing needs attention" only when
    `open_work(rows, watched).is_clear`.
    """
    work = open_work(rows, watched)
    parts = [plural(len(rows), "platform")]
    if work.watched:
        parts.append(watched_words(work))
    if work.fixes:
        parts.append(f"{fixes(work.fixes)} open on {plural(work.fix_platforms, 'platform')}")
    if work.unsure:
        parts.append(f"{plural(work.unsure, 'setting')} you were not sure about")
    if work.unchecked:
        parts.append(f"{plural(work.unchecked, 'setting')} not checked")
    if work.never_checked:
        parts.append(f"{plural(work.never_checked, 'platform')} never checked")
    if work.slid_back:
        parts.append(f"{plural(work.slid_back, 'platform')} where a setting slid back")
    if work.due:
        due = f"{plural(work.due, 'platform')} due a re-check"
        if work.snoozed:
            due += f" ({plural(work.snoozed, 'reminder')} snoozed)"
        parts.append(due)
    if work.is_clear:
        parts.append("nothing needs attention")
    return "; ".join(parts) + "."


def watched_words(work: OpenWork) -> str:
    """The verdict's words for unconfirmed watched drift, e.g. "1 setting the watch saw slide
    back on Facebook — confirm it or check it in an audit"."""
    them = "it" if work.watched == 1 else "them"
    where = and_list(work.watched_platforms)
    return (
        f"{plural(work.watched, 'setting')} the watch saw slide back on {where} — "
        f"confirm {them} or check {them} in an audit"
    )


def watched_change(count: int) -> str:
    """A platform's "Since last check" cell while the watch saw settings slide back that are
    still to confirm: "Watch: 1 setting slid back" — never "No change"."""
    return f"Watch: {glossary.slid_back_count(count)}"


def and_list(names: Sequence[str]) -> str:
    """Names joined as people say them: "Facebook, Instagram and X"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def fixes(count: int) -> str:
    """'1 fix', '15 fixes'."""
    return f"{count} fix" if count == 1 else f"{count} fixes"


def check_is_finished(check: PlatformCheck | None) -> bool:
    """Whether a platform was checked to the end in a run (not skipped, not left part-way)."""
    return check is not None and check.completed_at is not None


def change_since_previous(
    platform: Platform, comparison: Comparison, check: PlatformCheck | None
) -> str:
    """What changed in one platform's check of a run since its previous check.

    A platform skipped or left part-way was not looked at: it reads "Not checked", never
    "No change".
    """
    if not check_is_finished(check):
        return glossary.NOT_CHECKED
    previous, drift = comparison.previous, comparison.drift
    if previous is None:
        return glossary.FIRST_CHECK
    since = short_date(previous.completed_at)
    if drift.has_drift:
        names = ", ".join(platform.item(e.item_id).name for e in drift.entries)
        return f"{glossary.SLID_BACK} since {since}: {names}"
    new = f"; {plural(len(drift.new_item_ids), 'new check')}" if drift.new_item_ids else ""
    return f"{glossary.NO_CHANGE} since {since}{new}"


def audit_closing(not_checked: Sequence[str], open_actions: int, open_elsewhere: int = 0) -> str:
    """The line under an audit's action list.

    `not_checked`: names of the run's platforms skipped or left part-way; `open_actions`:
    fixes and not-sure items of this run; `open_elsewhere`: fixes open on platforms outside
    this run. It never says all is well: at most, that what this audit looked at is safe.
    """
    lines = []
    if not_checked:
        lines.append(
            f"Not checked: {', '.join(not_checked)}. Nobody looked at "
            f"{'it' if len(not_checked) == 1 else 'them'} in this audit, so Footprint cannot "
            "say whether the settings are safe."
        )
    if open_actions:
        lines.append(f"{plural(open_actions, 'action')} to do, listed above.")
    elif not not_checked:
        lines.append("Every setting this audit looked at is safe or does not apply.")
    if open_elsewhere:
        lines.append(f"{fixes(open_elsewhere)} still open on other platforms: see the overview.")
    return " ".join(lines)


def look_outcome(tried: int, seen: int, *, cancelled: bool = False) -> str:
    """The end of a look as a stranger: `tried` addresses, `seen` of them actually looked at.

    When no page could be looked at, it says nothing was looked at, never "Done".
    """
    if tried == 0:
        return "Nothing was looked at: there were no addresses to look at."
    kept = "The findings are kept for your audit and report."
    if seen == 0:
        stopped = "Stopped. " if cancelled else ""
        return (
            f"{stopped}Nothing was looked at: Footprint could not look at any of your "
            f"{plural(tried, 'profile')} (why is said below). Earlier findings are kept; "
            "look again later."
        )
    if cancelled:
        return f"Stopped after looking at {seen} of {plural(tried, 'profile')}. {kept}"
    if seen < tried:
        return (
            f"Looked at {seen} of {plural(tried, 'profile')}; the others could not be looked "
            f"at (why is said below). {kept}"
        )
    return f"Looked at all {plural(tried, 'profile')}. {kept}"


def link_outcome(what: str, url: str, opened: object) -> str:
    """What to say after asking the system to open `url` (`what`: "the settings page").

    Only a True from the opener means a browser took it; anything else leaves the address
    to copy, so the worker is never told a page opened when none did.
    """
    if opened is True:
        return f"Opened {what} in your browser: {url}"
    if opened is False:
        return f"No browser opened {what}. Copy this address into your browser: {url}"
    return f"Asked your browser to open {what}. If nothing opened, copy this address: {url}"


def platform_tally(safe: int, to_fix: int, unsure: int, not_checked: int = 0) -> str:
    """ "10 safe, 2 to fix, 1 not sure": one platform's answers, as every window says them."""
    counts = [f"{safe} safe", f"{to_fix} to fix"]
    if unsure:
        counts.append(f"{unsure} not sure")
    if not_checked:
        counts.append(f"{not_checked} not checked")
    return ", ".join(counts)


def platform_end_line(
    name: str, safe: int, to_fix: int, unsure: int, next_name: str | None, not_checked: int = 0
) -> str:
    """The end of one platform in an audit: "Facebook: 10 safe, 2 to fix, 1 not sure —
    next: Instagram". Counts only; what they mean is `platform_end_advice`'s to say."""
    after = f" — next: {next_name}" if next_name else ""
    return f"{name}: {platform_tally(safe, to_fix, unsure, not_checked)}{after}"


def platform_end_advice(name: str, to_fix: int, unsure: int, not_checked: int = 0) -> str:
    """What the end of a platform means, honestly: open fixes first, never "well done".

    Only when nothing is to fix, unsure or unanswered does it say the platform's settings
    are safe (or do not apply), and even then only of the settings this check looked at.
    """
    parts = []
    if to_fix:
        parts.append(
            f"{plural(to_fix, 'setting')} on {name} still {'needs' if to_fix == 1 else 'need'} "
            "fixing: each is on your list of actions with how to fix it."
        )
    if unsure:
        parts.append(
            f"{plural(unsure, 'setting')} you were not sure about {'is' if unsure == 1 else 'are'}"
            " on the list too, to look at again."
        )
    if not_checked:
        parts.append(
            f"{plural(not_checked, 'setting')} {'was' if not_checked == 1 else 'were'} not "
            "answered, so Footprint cannot say whether "
            f"{'it is' if not_checked == 1 else 'they are'} safe."
        )
    if not parts:
        parts.append(f"Every setting of {name} checked here is safe or does not apply.")
    return " ".join(parts)
