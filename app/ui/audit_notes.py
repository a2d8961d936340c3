"""The note typed on an audit item before it is answered, kept as a draft until it is.

Drafts live in the window settings of the data home (QSettings), keyed by run, platform and
item, so quitting mid-item loses nothing; an answer takes the note and drops the draft.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.audit.answers import Answer
from app.audit.session import AuditSession, Position

DRAFT_KEY = "audit/draft_note/{run}/{platform}/{item}"


def draft_key(run_id: int, platform_id: str, item_id: str) -> str:
    """Where the draft of one item's note is kept."""
    return DRAFT_KEY.format(run=run_id, platform=platform_id, item=item_id)


def note_to_show(key: str, current: Answer | None) -> str:
    """The draft if one was typed, else the note saved with the answer, else nothing."""
    draft = QSettings().value(key)
    if isinstance(draft, str) and draft:
        return draft
    return current.note or "" if current else ""


def save_draft(key: str, text: str) -> None:
    """Keep what was typed so far."""
    QSettings().setValue(key, text)


def drop_draft(key: str) -> None:
    """Forget a draft: its item was answered (the note went with the answer)."""
    QSettings().remove(key)


def keep_changed_note(session: AuditSession, position: Position, text: str) -> None:
    """Leaving an answered item: a changed note is saved with its answer, the draft dropped."""
    current = session.answer_for(position.platform.id, position.item.id)
    if current is None:
        return
    note = text.strip() or None
    if note != current.note:
        session.record_for(
            position.platform.id, position.item.id, current.status,
            source=current.source, observed=current.observed, note=note,
        )  # fmt: skip
    drop_draft(draft_key(session.run.id, position.platform.id, position.item.id))
