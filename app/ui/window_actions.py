"""The longer things the main window's actions say and ask.

Kept apart from app/ui/main_window.py so the window itself only routes: which page shows,
which dialog opens, when the overview refreshes. Everything here is widgets and wording; the
work behind each action is a call on the facade.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.audit.answers import AnswerSource, AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.session import AuditSession
from app.autostart import set_autostart
from app.checklists.loader import GENERAL_ID
from app.checklists.self_search import SEARCH_ITEMS, SearchTerms
from app.footprint import Footprint
from app.formatting import plural, short_date
from app.ui import preferences
from app.ui.links import UrlOpener

if TYPE_CHECKING:
    from app.ui.self_search_dialog import SelfSearchDialog


def confirm_deletion(parent: QWidget) -> bool:
    """Ask before "Delete all my data"; True if the worker said yes."""
    answer = QMessageBox.warning(
        parent,
        "Delete all your data?",
        "This deletes your profile, every audit and answer, backups of the database, "
        "employer policy packs, browser profiles and the sign-in details Footprint saved in "
        "your keyring. It cannot be undone. Reports you saved as PDF files are not touched.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def tell_data_deleted(parent: QWidget, keyring_problem: str | None) -> None:
    """Say that the data is gone, and what the keyring refused, if it did."""
    message = "All your Footprint data was deleted."
    if keyring_problem:
        message += (
            f"\n\nYour saved sign-in details could not be removed from the keyring: "
            f"{keyring_problem} You can delete the entries named “Footprint/…” with your "
            "system's password manager."
        )
    QMessageBox.information(parent, "Data deleted", message)


def save_calendar(parent: QWidget, footprint: Footprint, path: Path | None) -> str | None:
    """Save the re-checks calendar where the worker chooses (or at `path`): what to show in
    the status bar once saved; None if nothing was saved (cancelled, or refused, said)."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            "Add your re-checks to your calendar",
            str(Path.home() / "Footprint re-checks.ics"),
            "Calendar files (*.ics)",
        )
        if not chosen:
            return None
        path = Path(chosen)
    try:
        notes = footprint.save_reminders_calendar(path)
    except OSError as error:
        QMessageBox.warning(
            parent, "Calendar not saved", f"Could not save {path}: {error.strerror}"
        )
        return None
    return " ".join(
        [
            f"Saved {path.name}: open it, or import it in Outlook, Apple Calendar or Google "
            "Calendar, for a repeating re-check a platform, each with a reminder at 9:00 on "
            "the day.",
            *notes,
        ]
    )


def self_search_dialog(
    footprint: Footprint,
    profile: WorkerProfile | None,
    session: AuditSession | None,
    forget_draft: Callable[[str, str], None],
    open_url: UrlOpener,
    parent: QWidget,
) -> SelfSearchDialog:
    """Prepared searches of the worker's name; what they found is recorded in `session`
    when it includes the general checks (otherwise the window says how to)."""
    from app.ui.self_search_dialog import SelfSearchDialog

    general = footprint.catalogue.get(GENERAL_ID)
    items = tuple(i for i in general.items if i.id in SEARCH_ITEMS) if general else ()
    in_audit = session is not None and session.accepts_answers_for(GENERAL_ID)

    def record(item_id: str, status: AnswerStatus, note: str | None) -> None:
        assert session is not None
        session.record_for(GENERAL_ID, item_id, status, source=AnswerSource.MANUAL, note=note)
        forget_draft(GENERAL_ID, item_id)

    answers = {i.id: a for i in items if session and (a := session.answer_for(GENERAL_ID, i.id))}
    return SelfSearchDialog(
        terms=SearchTerms(
            name=profile.display_name if profile else "",
            organisation=profile.organisation if profile else "",
            role=profile.role if profile else "",
        ),
        items=items,
        record=record if in_audit else None,
        answers=answers,
        open_url=open_url,
        parent=parent,
    )


def confirm_discard(parent: QWidget, started_at: datetime, answers: int) -> bool:
    """Ask before an unfinished audit and its answers are thrown away; True if confirmed."""
    confirmed = QMessageBox.question(
        parent,
        "Discard this audit?",
        f"This throws away the audit started on {short_date(started_at)} and the "
        f"{plural(answers, 'answer')} given in it. Your earlier audits stay as they are.",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return confirmed == QMessageBox.StandardButton.Discard


def start_at_login(parent: QWidget) -> bool:
    """Add Footprint's login entry and remember the choice; False (said) if refused."""
    try:
        set_autostart(True)
    except OSError as error:
        QMessageBox.warning(
            parent, "Start at login", f"Could not add the login entry: {error.strerror}"
        )
        return False
    preferences.START_AT_LOGIN.set(True)
    return True
