"""The audit card's rich text: the item's details, the worker's code, the platform strip.

Plain functions from the audit's values to escaped HTML, so the page only places them. Every
piece of outside text (names, steps, quotes) is escaped here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from app.audit.answers import Answer
from app.audit.estimate import minutes_for, say_minutes
from app.audit.session import AuditSession, Position
from app.checklists.codes import CodeBook
from app.checklists.model import CheckItem, Evidence, Platform
from app.formatting import short_date
from app.ui.typography import TextSize, heading_html, small_html

FOLD_LINK = "footprint:code"  # the folded code line's "read it in full"


@dataclass(frozen=True)
class CodeContext:
    """Whose code the items cite: the regulator, the edition and the worker's role."""

    codes: CodeBook
    regulator: str
    edition: str | None = None
    works_with_children: bool = False

    def clauses_html(self, item: CheckItem, full: bool = True) -> str:
        """The worker's own code on this item (guidance marked as such), and an honest notice
        where Footprint has not verified what their code says; folded, one line."""
        children = self.works_with_children
        clauses = self.codes.clauses_for(
            item, self.regulator, self.edition, works_with_children=children
        )
        notice = self.codes.notice_for(
            item, self.regulator, self.edition, works_with_children=children
        )
        if not full and clauses:
            names = "; ".join(c.source for c in clauses)
            return (
                f"<p><i>Your code: {escape(names)}</i> — "
                f'<a href="{FOLD_LINK}">read it in full</a></p>'
            )
        parts = [
            f"<p><i>{escape(c.source)}</i> ({escape(c.kind.label)}): {escape(c.quote)}</p>"
            for c in clauses
        ]
        if notice:
            parts.append(f"<p><i>{escape(notice)}</i></p>")
        return "".join(parts) or "<p>No clause from your regulator is cited for this item.</p>"


def item_html(
    position: Position,
    earlier: Mapping[tuple[str, str], Answer],
    code: CodeContext,
    *,
    code_unfolded: bool = False,
) -> str:
    """Below the card: the previous answer, why it matters, the code, the steps."""
    item, platform = position.item, position.platform
    section = TextSize.SECTION_HEADING
    app = heading_html("In the app", section) + numbered(item.app_steps) if item.app_steps else ""
    # The code in full once a platform (its first setting), folded to a line elsewhere.
    full = position.item_index == 0 or code_unfolded
    return (
        earlier_html(earlier.get((platform.id, item.id)))
        + heading_html("Why it matters", section)
        + f"<p>{escape(item.why)}</p>{code.clauses_html(item, full)}"
        + heading_html("How to check", section)
        + f"{numbered(item.steps)}{app}{evidence_html(item, platform)}"
    )


def question_html(position: Position) -> str:
    """The card's heading: the setting, what safe means, and where it sits."""
    item = position.item
    return (
        heading_html(escape(item.name))
        + f"<p>{escape(item.goal)}</p><p>"
        + small_html(
            f"{escape(position.platform.name)} · {escape(item.category.label)} · "
            f"{escape(item.severity.label)}"
        )
        + "</p>"
    )


def strip_html(session: AuditSession, position: Position) -> str:
    """The audit's platforms in a row: done ✓, skipped, the current one with its time.

    Only the current platform carries its estimate in the row (the row stayed three lines
    tall at 960 px with one on each); the others' are in `strip_tooltip`.
    """
    run, parts = session.run, []
    for platform in session.platforms:
        check = run.check_for(platform.id)
        name = escape(platform.name)
        if platform.id == position.platform.id:
            parts.append(f"<b>▶ {name}</b> ({say_minutes(minutes_for(platform))})")
        elif check is not None and check.completed_at is not None:
            parts.append(f"{name} ✓")
        elif check is not None and check.skipped:
            parts.append(f"{name} (skipped)")
        else:
            parts.append(name)
    return " · ".join(parts)


def strip_tooltip(session: AuditSession) -> str:
    """Each platform of the audit with its honest time estimate, one a line."""
    return "\n".join(f"{p.name}: {say_minutes(minutes_for(p))}" for p in session.platforms)


def earlier_html(earlier: Answer | None) -> str:
    """What the previous check found for this setting, or that this is the first check."""
    if earlier is None:
        return "<p><i>This is the first check of this setting.</i></p>"
    value = f" (it showed “{escape(earlier.observed)}”)" if earlier.observed else ""
    return (
        f"<p>At your previous check ({short_date(earlier.answered_at)}): "
        f"<b>{escape(earlier.status.label)}</b>{value}</p>"
    )


def evidence_html(item: CheckItem, platform: Platform) -> str:
    """How the steps were checked, when the audit file says."""
    if item.evidence is Evidence.PLATFORM:
        text = f"These steps were checked against {platform.name}'s own help page."
    elif item.evidence is Evidence.THIRD_PARTY:
        text = (
            f"These steps were checked against guides other than {platform.name}'s own; "
            "your screen may word them a little differently."
        )
    else:
        return ""
    return f"<p>{small_html(escape(text))}</p>"


def numbered(steps: tuple[str, ...]) -> str:
    """Steps with their numbers in the text itself, so a screen reader reads them too."""
    return "".join(
        f"<p>Step {n} of {len(steps)}: {escape(step)}</p>" for n, step in enumerate(steps, 1)
    )
