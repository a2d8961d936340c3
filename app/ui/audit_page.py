"""The guided audit: one setting a card, answered with a button, saved at once.

The worker can move freely — Back, Next, or any item of the platform from the list — and an
answered item shows its answer as the pressed button. A note typed before answering is kept
as a draft (app/ui/audit_notes.py) until the item is answered, so quitting loses nothing.
After an answer the keyboard focus goes to the next item's text, so a screen reader reads the
next question; between platforms an end card says how the last one stands and focuses the
button on to the next. The card is app/ui/audit_card.py, its text app/ui/audit_text.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.scoring import score_platform
from app.audit.session import AuditSession, Position
from app.checklists.codes import CodeBook
from app.checklists.self_search import is_search_item
from app.stranger.evidence import OutsideEvidence
from app.ui import audit_notes
from app.ui.announce import announce
from app.ui.audit_card import CHOSEN, ItemCard
from app.ui.audit_nav import AuditNavigation, AuditProgress, ItemList
from app.ui.audit_text import FOLD_LINK, CodeContext, item_html
from app.ui.links import UrlOpener, open_in_browser
from app.ui.platform_end_card import PlatformEndCard
from app.ui.typography import use_body_text

__all__ = ["CHOSEN", "AuditPage"]


class AuditPage(QWidget):
    """Shows the session's current item; signals when the audit ends or the worker leaves."""

    finished = Signal()  # every platform of the audit answered or skipped, or Finish
    leave_requested = Signal()  # to the overview; the audit stays open to resume
    discard_requested = Signal()  # throw this audit and its answers away (after asking)
    automation_requested = Signal()  # read the settings in a browser
    self_search_requested = Signal(str)  # "Search yourself" for the general item with this id

    def __init__(
        self,
        *,
        codes: CodeBook,
        regulator: str,
        open_url: UrlOpener = open_in_browser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._code = CodeContext(codes, regulator)
        self._open_url = open_url
        self._session: AuditSession | None = None
        self._earlier: Mapping[tuple[str, str], Answer] = {}
        self._outside: Mapping[tuple[str, str], OutsideEvidence] = {}
        self._shown: Position | None = None
        self._code_unfolded = False
        use_body_text(self)
        self._build()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.progress = AuditProgress()
        self.progress_label, self.strip = self.progress.label, self.progress.strip
        self.item_list = ItemList()
        self.item_list.itemActivated.connect(self._jump)
        self.item_list.itemClicked.connect(self._jump)
        self.card = ItemCard(open_url=self._open_url)
        self.card.answered.connect(self._answer)
        self.card.content.anchorClicked.connect(self._anchor)
        self.card.search_button.clicked.connect(self._search_yourself)
        self.card.outside_button.clicked.connect(self._use_outside)
        self.card.note.textEdited.connect(self._save_draft)
        # The page's callers and tests reach the card's controls by these names.
        card = self.card
        self.question, self.safe_chip, self.content = card.question, card.safe_chip, card.content
        self.open_button, self.help_button = card.open_button, card.help_button
        self.search_button, self.link_status = card.search_button, card.link_status
        self.outside_label, self.outside_button = card.outside_label, card.outside_button
        self.note, self.saved_label = card.note, card.saved_label
        self.answer_buttons, self.answer_group = card.answer_buttons, card.answer_group
        self.end_card = PlatformEndCard()
        self.end_card.continue_requested.connect(self.show_current)
        self.nav = AuditNavigation()
        nav = self.nav
        nav.back_button.clicked.connect(self._back)
        nav.next_button.clicked.connect(self._next)
        nav.skip_button.clicked.connect(self._skip)
        nav.leave_button.clicked.connect(self._leave)
        nav.finish_button.clicked.connect(self._finish)
        nav.discard_button.clicked.connect(self.discard_requested)
        nav.automation_button.clicked.connect(self.automation_requested)
        self.back_button, self.next_button, self.skip_button = (
            nav.back_button, nav.next_button, nav.skip_button,
        )  # fmt: skip
        self.leave_button, self.discard_button = nav.leave_button, nav.discard_button
        self.automation_button, self.finish_button = nav.automation_button, nav.finish_button
        self._lay_out()

    def _lay_out(self) -> None:
        self.cards = QStackedWidget()
        self.cards.addWidget(self.card)
        self.cards.addWidget(self.end_card)
        splitter = QSplitter()
        splitter.addWidget(self.item_list)
        splitter.addWidget(self.cards)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.nav)
        # Tab follows the card from the text read after an answer: open the settings, the
        # answers, the note, then moving on; the list of settings last.
        chain = [*self.card.tab_chain(), *self.nav.tab_chain(), self.item_list]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- showing ----------------------------------------------------------------------------
    def start(
        self, session: AuditSession, earlier: Mapping[tuple[str, str], Answer] | None = None
    ) -> None:
        """Show `session` at its current item; `earlier` holds answers from the check each
        platform is compared with."""
        self._session = session
        self._earlier = earlier or {}
        self._shown = None
        self.item_list.setProperty("platform", None)  # a new audit: rebuild the list
        self.show_current()

    def set_outside_evidence(self, evidence: Mapping[tuple[str, str], OutsideEvidence]) -> None:
        """The latest stranger's-view evidence, by (platform, item), shown beside items."""
        self._outside = evidence

    def set_regulator(
        self, regulator: str, works_with_children: bool = False, edition: str | None = None
    ) -> None:
        """Whose Code clauses the items cite, in which edition, and for which role."""
        self._code = CodeContext(self._code.codes, regulator, edition, works_with_children)

    def forget_session(self) -> None:
        """Drop the audit shown (after it was discarded)."""
        self._session, self._shown = None, None
        self.item_list.clear()
        self.item_list.setProperty("platform", None)
        self.content.clear()
        self.cards.setCurrentWidget(self.card)

    @property
    def session(self) -> AuditSession | None:
        """The audit shown, or None before one is started."""
        return self._session

    def end_card_shown(self) -> bool:
        """Whether the card between two platforms is showing (not an item)."""
        return self.cards.currentWidget() is self.end_card

    def show_current(self, said: str = "") -> None:
        """Show the session's current item (or signal `finished`); `said` is what just
        happened ("Saved: …"), told to screen readers before the new item."""
        assert self._session is not None
        position = self._session.position()
        self.cards.setCurrentWidget(self.card)
        self.item_list.show()
        if position is None:
            self._shown = None
            self.finished.emit()
            return
        self._show_position(position)
        self.content.setFocus(Qt.FocusReason.OtherFocusReason)
        _bring_into_view(self.question)  # focus scrolled to the details; the question first
        self.card.tell_screen_readers(
            position, self._session.answer_for(position.platform.id, position.item.id), said
        )

    def _show_position(self, position: Position) -> None:
        session = self._session
        assert session is not None
        if self._shown is None or self._shown.item is not position.item:
            self._code_unfolded = False  # the code folds again on another setting
        self._shown = position
        self.progress.show_at(session, position)
        self.card.show_item(
            position,
            item_html(position, self._earlier, self._code, code_unfolded=self._code_unfolded),
            searchable=is_search_item(position.platform.id, position.item.id),
        )
        current = session.answer_for(position.platform.id, position.item.id)
        evidence = self._outside.get((position.platform.id, position.item.id))
        self.card.show_answered(current, session.now(), evidence, position.platform.name)
        self.note.setText(audit_notes.note_to_show(self._draft_key(position), current))
        self.item_list.fill(session, position)
        self.back_button.setEnabled(session.has_previous())
        self.next_button.setEnabled(session.has_next())

    def _anchor(self, url: QUrl) -> None:
        if url.toString() == FOLD_LINK and self._shown is not None:
            self._code_unfolded = True
            self.content.setHtml(
                item_html(self._shown, self._earlier, self._code, code_unfolded=True)
            )

    # -- notes ------------------------------------------------------------------------------
    def _draft_key(self, position: Position) -> str:
        assert self._session is not None
        return audit_notes.draft_key(self._session.run.id, position.platform.id, position.item.id)

    def _save_draft(self, text: str) -> None:
        if self._shown is not None:
            audit_notes.save_draft(self._draft_key(self._shown), text)

    def _keep_changed_note(self) -> None:
        """Leaving an answered item whose note was changed: save the note with its answer."""
        session, position = self._session, self._shown
        if session is not None and position is not None and not self.end_card_shown():
            # (on the end card the note box belongs to no setting)
            audit_notes.keep_changed_note(session, position, self.note.text())

    def forget_draft(self, platform_id: str, item_id: str) -> None:
        """Drop the note typed here for an item answered elsewhere (Search yourself), so it
        does not later overwrite the note saved with that answer."""
        if self._session is not None:
            audit_notes.drop_draft(
                audit_notes.draft_key(self._session.run.id, platform_id, item_id)
            )

    # -- actions ----------------------------------------------------------------------------
    def _answer(self, status: AnswerStatus) -> None:
        session = self._session
        position = session.position() if session else None
        if session is None or position is None:
            return
        session.record(status, self.note.text())
        audit_notes.drop_draft(self._draft_key(position))
        said = f"Saved: {status.label} for {position.item.name}."
        if not self._show_end_card(position, said):
            self.show_current(said)

    def _show_end_card(self, answered: Position, said: str) -> bool:
        """A platform just finished: its end card, on to the next or the summary; else False."""
        assert self._session is not None
        now = self._session.position()
        platform = answered.platform
        check = self._session.run.check_for(platform.id)
        same_platform = now is not None and now.platform.id == platform.id
        if same_platform or check is None or check.completed_at is None:
            return False
        answers = self._session.run.answers_for(platform.id)
        to_fix = [i.name for i in platform.items if _needs_action(answers.get(i.id))]
        following = now.platform if now is not None else None
        self.end_card.show_end(platform, score_platform(platform, answers), following, to_fix)
        self.item_list.hide()  # a card of its own: the next platform's list comes with it
        self._shown = now
        if now is not None:
            self.progress.show_at(self._session, now)
            self.item_list.fill(self._session, now)
        self.cards.setCurrentWidget(self.end_card)
        self.end_card.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)
        _bring_into_view(self.end_card.headline)
        announce(self.end_card.continue_button, f"{said} {self.end_card.text()}")
        return True

    def _back(self) -> None:
        if self._session is not None:
            self._keep_changed_note()
            if self._session.back():
                self.show_current("Back.")

    def _next(self) -> None:
        if self._session is None:
            return
        if self.end_card_shown():
            self.show_current()  # Next past the end card: the next platform's first setting
            return
        self._keep_changed_note()
        if self._session.forward():
            self.show_current("Next.")

    def _jump(self, entry: QListWidgetItem) -> None:
        session, position = self._session, self._shown
        if session is None or position is None:
            return
        item_id = entry.data(Qt.ItemDataRole.UserRole)
        if item_id == position.item.id and not self.end_card_shown():
            return
        self._keep_changed_note()
        session.go_to(position.platform.id, item_id)
        self.show_current()

    def _skip(self) -> None:
        if self._session is not None:
            self._keep_changed_note()
            skipped = self._shown.platform.name if self._shown else "This platform"
            self._session.skip_platform()
            self.show_current(f"{skipped} skipped for now.")

    def _finish(self) -> None:
        """End here: the summary shows what was answered; the rest reads "not checked"."""
        if self._session is not None:
            self._keep_changed_note()
            self.finished.emit()

    def _leave(self) -> None:
        self._keep_changed_note()
        self.leave_requested.emit()

    def _search_yourself(self) -> None:
        if self._shown is not None:
            self.self_search_requested.emit(self._shown.item.id)

    def _use_outside(self) -> None:
        """The worker confirms the stranger's-view evidence as the item's answer."""
        session, position = self._session, self._shown
        if session is None or position is None:
            return
        evidence = self._outside.get((position.platform.id, position.item.id))
        if evidence is None or evidence.suggested is None:
            return
        session.record_for(
            position.platform.id, position.item.id, evidence.suggested,
            source=AnswerSource.OUTSIDE, observed=evidence.observed(position.platform.name),
            note=self.note.text().strip() or None, answered_at=evidence.seen_at,
        )  # fmt: skip
        audit_notes.drop_draft(self._draft_key(position))
        self.show_current(
            f"Saved: {evidence.suggested.label} for {position.item.name}, from what a stranger saw."
        )

    def checked_answer(self) -> AnswerStatus | None:
        """The answer shown as pressed, if any (what a screen reader hears as checked)."""
        return self.card.checked_answer()


def _bring_into_view(widget: QWidget) -> None:
    """Scroll the window (on a small or magnified screen the page is in a scroll area, which
    follows the keyboard focus) so that `widget` is in view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)


def _needs_action(answer: Answer | None) -> bool:
    return answer is not None and answer.status is AnswerStatus.NEEDS_ACTION
