"""The guided audit: one item at a time, answered with a button, saved at once.

The worker can move freely — Back, Next, or any item of the platform from the list — and an
answered item shows its answer as the pressed button. A note typed before answering is kept
as a draft (in the window settings of the data home) until the item is answered, so quitting
loses nothing. After an answer the keyboard focus goes to the next item's text, so a screen
reader reads the next question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.audit import glossary
from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.estimate import minutes_for, say_minutes
from app.audit.scoring import score_platform
from app.audit.session import AuditSession, Position
from app.audit.verdicts import link_outcome, platform_end_line
from app.checklists.codes import CodeBook
from app.checklists.hosts import is_allowed
from app.checklists.model import CheckItem, Evidence, Platform
from app.checklists.self_search import is_search_item
from app.formatting import plural, short_date
from app.stranger.evidence import OutsideEvidence
from app.ui.announce import announce
from app.ui.layouts import STRETCH, roomy_rows, widget_row
from app.ui.links import UrlOpener, open_in_browser
from app.ui.platform_marks import platform_mark
from app.ui.theme import answer_style, chip_style
from app.ui.typography import TextSize, heading_html, small_html, use_body_text

ANSWER_BUTTONS = (
    (AnswerStatus.SAFE, "✓ &Safe", "It is set as the safe value"),
    (AnswerStatus.NEEDS_ACTION, "✗ &Needs action", "It is not safe yet; add it to my actions"),
    (AnswerStatus.NOT_APPLICABLE, "– Not a&pplicable", "I do not use this feature"),
    (AnswerStatus.UNSURE, "? Not s&ure", "I could not tell; add it to my actions"),
)
CHOSEN = " — chosen"  # added to the chosen button's word: never colour alone
FOLD_LINK = "footprint:code"  # the folded code line's "read it in full"
DRAFT_KEY = "audit/draft_note/{run}/{platform}/{item}"


class AuditPage(QWidget):
    """Shows the session's current item; signals when the audit ends or the worker leaves.

    Signals:
        finished: every platform of the audit has been answered or skipped.
        leave_requested: the worker wants the overview; the audit stays open to resume.
        discard_requested: the worker wants to throw this audit and its answers away.
        automation_requested: the worker wants Footprint to read the settings in a browser.
        self_search_requested: the worker wants the prepared searches of their name for the
            general item with this id ("Search yourself").
    """

    finished = Signal()
    leave_requested = Signal()
    discard_requested = Signal()
    automation_requested = Signal()
    self_search_requested = Signal(str)

    def __init__(
        self,
        *,
        codes: CodeBook,
        regulator: str,
        open_url: UrlOpener = open_in_browser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._codes = codes
        self._regulator = regulator
        self._works_with_children = False
        self._edition: str | None = None
        self._open_url = open_url
        self._session: AuditSession | None = None
        self._earlier: Mapping[tuple[str, str], Answer] = {}
        self._outside: Mapping[tuple[str, str], OutsideEvidence] = {}
        self._shown: Position | None = None
        use_body_text(self)
        self._build()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Audit progress")
        self.progress_bar.setFormat("%v of %m settings answered")
        self.done_banner = QLabel()
        self.done_banner.setObjectName("platform-done")
        self.done_banner.setWordWrap(True)
        self.done_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.done_banner.setStyleSheet(chip_style())  # the end of a platform stands out
        self.done_banner.hide()
        self.mark = QLabel()  # the current platform's mark (Footprint's own, not its logo)
        self.mark.setObjectName("platform-mark")
        self.strip = QLabel()
        self.strip.setObjectName("platform-strip")
        self.strip.setWordWrap(True)
        self.strip.setTextFormat(Qt.TextFormat.RichText)
        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.RichText)
        self.safe_chip = QLabel()
        self.safe_chip.setObjectName("safe-chip")
        self.safe_chip.setWordWrap(True)
        self.safe_chip.setTextFormat(Qt.TextFormat.PlainText)
        self.safe_chip.setStyleSheet(chip_style())
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.item_list = QListWidget()
        roomy_rows(self.item_list)
        self.item_list.setObjectName("items")
        self.item_list.setWordWrap(True)
        self.item_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.item_list.itemActivated.connect(self._jump)
        self.item_list.itemClicked.connect(self._jump)
        self.content = ReadableTextBrowser()
        self.content.setObjectName("item")
        self.content.setOpenLinks(False)
        self.content.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A keyboard caret, so the details can be read by arrowing line by line.
        self.content.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.content.setMinimumHeight(60)
        self.content.anchorClicked.connect(self._anchor)
        self._code_unfolded = False
        self.open_button = QPushButton("&Open the settings page ↗")
        self.open_button.setAccessibleDescription("Opens the platform's settings in your browser")
        self.open_button.clicked.connect(self._open_settings)
        self.help_button = QPushButton("Help pa&ge")
        self.help_button.setAccessibleDescription("Opens the platform's help page for this item")
        self.help_button.clicked.connect(self._open_help)
        self.search_button = QPushButton("Search &yourself…")
        self.search_button.setAccessibleDescription(
            "Opens prepared searches of your name in your browser, and records what you found"
        )
        self.search_button.clicked.connect(self._search_yourself)
        self.search_button.hide()
        self.link_status = QLabel()
        self.link_status.setObjectName("link-status")
        self.link_status.setWordWrap(True)
        self.link_status.setTextFormat(Qt.TextFormat.PlainText)
        self.link_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What a stranger's view found about this item: Footprint's words, never the page's.
        self.outside_label = QLabel()
        self.outside_label.setObjectName("outside-evidence")
        self.outside_label.setWordWrap(True)
        self.outside_label.setTextFormat(Qt.TextFormat.PlainText)
        self.outside_label.hide()
        self.outside_button = QPushButton("Use what a stranger sa&w")
        self.outside_button.setAccessibleDescription(
            "Saves the answer the stranger's view suggests, dated the day it was seen"
        )
        self.outside_button.clicked.connect(self._use_outside)
        self.outside_button.hide()
        self.note = QLineEdit()
        self.note.setPlaceholderText("Optional note, for example what you changed")
        self.note.setAccessibleName("Note (optional)")  # the visible words (WCAG 2.5.3)
        self.note.setAccessibleDescription("Saved with this item's answer")
        self.note.setMaxLength(2000)
        self.note.textEdited.connect(self._save_draft)
        # Not exclusive: Qt clicks the neighbour of a checked button in an exclusive group when
        # an arrow key is pressed, which silently replaced a saved answer. The page sets the
        # checked state itself (_show_answer), and AnswerButton moves focus only.
        self.answer_group = QButtonGroup(self)
        self.answer_group.setExclusive(False)
        self.answer_buttons = {spec[0]: self._answer_button(*spec) for spec in ANSWER_BUTTONS}
        self.back_button = QPushButton("&Back")
        self.back_button.clicked.connect(self._back)
        self.next_button = QPushButton("Ne&xt")
        self.next_button.setToolTip("Go to the next setting without answering this one")
        self.next_button.clicked.connect(self._next)
        self.skip_button = QPushButton("S&kip this platform for now")
        self.skip_button.clicked.connect(self._skip)
        self.leave_button = QPushButton("Pause and go to o&verview")
        self.leave_button.clicked.connect(self._leave)
        self.discard_button = QPushButton("&Discard this audit…")
        self.discard_button.setAccessibleDescription(
            "Throws this audit and the answers given in it away, after asking"
        )
        self.discard_button.clicked.connect(self.discard_requested)
        self.automation_button = QPushButton("Read my settings au&tomatically…")
        self.automation_button.setAccessibleDescription(
            "Opens a browser where you sign in to your own accounts; Footprint reads the "
            "settings and you confirm the answers. It never changes a setting."
        )
        self.automation_button.clicked.connect(self.automation_requested)
        self.finish_button = QPushButton("F&inish and see the summary")
        self.finish_button.setAccessibleDescription(
            "Ends the audit here; settings not answered are shown as not checked"
        )
        self.finish_button.clicked.connect(self._finish)
        self._lay_out()

    def _answer_button(self, status: AnswerStatus, text: str, description: str) -> QPushButton:
        button = AnswerButton(text, self._answer_buttons_in_order)
        # The answer given fills with its colour and says so in words; focus only rings it.
        button.setStyleSheet(answer_style(status))
        button.setMinimumHeight(40)
        button.setProperty("word", text)
        button.setObjectName(f"answer-{status.value}")
        button.setCheckable(True)
        button.setAccessibleName(f"Answer: {status.label}")
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(lambda: self._answer(status))
        self.answer_group.addButton(button)
        return button

    def _lay_out(self) -> None:
        card = QWidget()
        card.setObjectName("card")
        column = QVBoxLayout(card)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.question)
        column.addWidget(self.safe_chip)
        column.addLayout(
            widget_row(self.open_button, self.search_button, self.help_button, STRETCH)
        )
        column.addWidget(self.link_status)
        column.addLayout(widget_row(self.outside_label, self.outside_button))
        column.addLayout(widget_row(*self.answer_buttons.values()))
        note_label = QLabel("Note (optiona&l):")
        note_label.setBuddy(self.note)
        column.addLayout(widget_row(note_label, self.note, self.saved_label))
        column.addWidget(self.content, 1)  # why it matters, your code, the steps: below
        splitter = QSplitter()
        splitter.addWidget(self.item_list)
        splitter.addWidget(card)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(widget_row(self.progress_label, self.progress_bar))
        mark_row = widget_row(self.mark, self.strip)
        mark_row.setStretch(1, 1)  # the mark keeps its size, the strip wraps
        layout.addLayout(mark_row)
        layout.addWidget(self.done_banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(
            widget_row(self.back_button, self.next_button, STRETCH, self.finish_button)
        )
        layout.addLayout(
            widget_row(self.skip_button, self.automation_button, STRETCH, self.discard_button,
                       self.leave_button)
        )  # fmt: skip
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab follows the card from the text read after an answer: open the settings, the
        answers, the note, then moving on; the list of settings last."""
        chain = [
            self.content, self.open_button, self.search_button, self.help_button,
            self.outside_button, *self.answer_buttons.values(), self.note, self.back_button,
            self.next_button, self.finish_button, self.skip_button, self.automation_button,
            self.discard_button, self.leave_button, self.item_list,
        ]  # fmt: skip
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
        self.done_banner.hide()
        self.show_current()

    def set_outside_evidence(self, evidence: Mapping[tuple[str, str], OutsideEvidence]) -> None:
        """The latest stranger's-view evidence, by (platform, item), shown beside items."""
        self._outside = evidence

    def set_regulator(
        self, regulator: str, works_with_children: bool = False, edition: str | None = None
    ) -> None:
        """Whose Code clauses the items cite, in which edition, and for which role."""
        self._regulator = regulator
        self._works_with_children = works_with_children
        self._edition = edition

    def forget_session(self) -> None:
        """Drop the audit shown (after it was discarded)."""
        self._session, self._shown = None, None
        self.item_list.clear()
        self.item_list.setProperty("platform", None)
        self.content.clear()
        self.done_banner.hide()

    @property
    def session(self) -> AuditSession | None:
        """The audit shown, or None before one is started."""
        return self._session

    def show_current(self, said: str = "") -> None:
        """Show the session's current item (or signal `finished`); `said` is what just
        happened ("Saved: …"), told to screen readers before the new item."""
        assert self._session is not None
        position = self._session.position()
        if position is None:
            self._shown = None
            self.finished.emit()
            return
        self._show_position(position)
        self.content.setFocus(Qt.FocusReason.OtherFocusReason)
        self._tell_screen_readers(position, said)

    def _tell_screen_readers(self, position: Position, said: str) -> None:
        """After focus has moved to the item text: its name and description say the item, its
        place and its answer (older readers speak a changed description of the focused
        object), and one announcement says the same for current readers."""
        assert self._session is not None
        item, platform = position.item, position.platform
        current = self._session.answer_for(platform.id, item.id)
        answered = f"Your answer: {current.status.label}." if current else "Not answered yet."
        where = f"{position.describe()}."
        self.content.setAccessibleName(f"{item.name}: {item.goal}")
        self.content.setAccessibleDescription(
            " ".join(
                part
                for part in (
                    said,
                    where,
                    answered,
                    f"{item.severity.label}.",
                    f"Safe setting: {item.safe}",
                )  # fmt: skip
                if part
            )
        )
        title = item.name if item.name.endswith(("?", ".", "!")) else f"{item.name}."
        announce(self.content, " ".join(p for p in (said, where, title, answered) if p))

    def _show_position(self, position: Position) -> None:
        session = self._session
        assert session is not None
        item = position.item
        self._shown = position
        if (
            self._shown is None
            or self._shown.item.id != item.id
            or (self._shown.platform.id != position.platform.id)
        ):
            self._code_unfolded = False
        self._shown = position
        self.progress_label.setText(position.describe())
        self.progress_bar.setMaximum(sum(len(p.items) for p in session.platforms))
        self.progress_bar.setValue(len(session.run.answers))
        self.strip.setText(self._strip_html(position))
        side = self.strip.fontMetrics().height() * 2
        self.mark.setPixmap(
            platform_mark(position.platform.id, position.platform.name).pixmap(side, side)
        )
        self.mark.setToolTip(position.platform.name)
        self.question.setText(
            heading_html(escape(item.name))
            + f"<p>{escape(item.goal)}</p><p>"
            + small_html(
                f"{escape(position.platform.name)} · {escape(item.category.label)} · "
                f"{escape(item.severity.label)}"
            )
            + "</p>"
        )
        self.safe_chip.setText(f"Safe setting: {item.safe}")
        self.open_button.setText(f"&Open {position.platform.name} settings ↗")
        self.content.setHtml(self._item_html(position))
        self.link_status.clear()
        self.link_status.hide()
        # Only the general items that the prepared searches answer (app/checklists/self_search).
        self.search_button.setVisible(is_search_item(position.platform.id, item.id))
        current = session.answer_for(position.platform.id, item.id)
        self._show_answer(current)
        self._show_saved(current)
        self._show_outside(position, current)
        self.note.setText(self._note_for(position, current))
        self._fill_item_list(position)
        self.back_button.setEnabled(session.has_previous())
        self.next_button.setEnabled(session.has_next())

    def _show_outside(self, position: Position, current: Answer | None) -> None:
        evidence = self._outside.get((position.platform.id, position.item.id))
        self.outside_label.setVisible(evidence is not None)
        self.outside_button.setVisible(evidence is not None)
        if evidence is None:
            return
        lines = evidence.sentences(position.platform.name) + evidence.caveats
        if evidence.stale:
            lines.append(
                "This look is older than this platform's re-check interval, and settings may "
                "have changed since: look again (See what a stranger sees) before relying on it."
            )
        elif evidence.suggested is None:
            lines.append("This cannot answer the item: check the setting yourself.")
        else:
            lines.append(f"This suggests: {evidence.suggested.label}.")
        self.outside_label.setText("\n".join(lines))
        used = (
            current is not None
            and current.source is AnswerSource.OUTSIDE
            and current.answered_at == evidence.seen_at
        )
        self.outside_button.setEnabled(evidence.suggested is not None and not used)

    def _use_outside(self) -> None:
        """The worker confirms the stranger's-view evidence as the item's answer."""
        session, position = self._session, self._shown
        if session is None or position is None:
            return
        evidence = self._outside.get((position.platform.id, position.item.id))
        if evidence is None or evidence.suggested is None:
            return
        session.record_for(
            position.platform.id,
            position.item.id,
            evidence.suggested,
            source=AnswerSource.OUTSIDE,
            observed=evidence.observed(position.platform.name),
            note=self.note.text().strip() or None,
            answered_at=evidence.seen_at,
        )
        self._clear_draft(position)
        self.show_current(
            f"Saved: {evidence.suggested.label} for {position.item.name}, from what a stranger saw."
        )

    def _answer_buttons_in_order(self) -> list[QPushButton]:
        return list(self.answer_buttons.values())

    def _show_answer(self, current: Answer | None) -> None:
        """The chosen answer pressed, the others not; the group is one Tab stop, entered on
        the chosen answer (or the first), as a radio group is."""
        chosen_button = None
        for status, button in self.answer_buttons.items():
            chosen = current is not None and current.status is status
            button.setChecked(chosen)
            button.setText(str(button.property("word")) + (CHOSEN if chosen else ""))
            if chosen:
                chosen_button = button
        tab_stop = chosen_button or self._answer_buttons_in_order()[0]
        for button in self.answer_buttons.values():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is tab_stop else Qt.FocusPolicy.ClickFocus
            )

    def _show_saved(self, current: Answer | None) -> None:
        """ "Saved 15:30 ✓" for an answered item: the worker sees it is kept."""
        if current is None:
            self.saved_label.clear()
            return
        when = current.answered_at.astimezone()
        session = self._session
        today = session is not None and when.date() == session.now().astimezone().date()
        self.saved_label.setText(
            f"Saved {when:%H:%M} ✓" if today else f"Saved {short_date(when)} ✓"
        )

    def _fill_item_list(self, position: Position) -> None:
        """The platform's items with their answers. Rows are rebuilt only when the platform
        changes: the list may be in the middle of its own click when this runs."""
        assert self._session is not None
        platform = position.platform
        self.item_list.blockSignals(True)
        if self.item_list.property("platform") != platform.id:
            self.item_list.clear()
            self.item_list.setProperty("platform", platform.id)
            self.item_list.setAccessibleName(f"Settings on {platform.name}")
            for item in platform.items:
                entry = QListWidgetItem()
                entry.setData(Qt.ItemDataRole.UserRole, item.id)
                self.item_list.addItem(entry)
        for index, item in enumerate(platform.items):
            answer = self._session.answer_for(platform.id, item.id)
            state = glossary.badge(answer.status.label) if answer else "not answered yet"
            self.item_list.item(index).setText(f"{index + 1}. {item.name} — {state}")
        self.item_list.setCurrentRow(position.item_index)
        self.item_list.blockSignals(False)

    def _item_html(self, position: Position) -> str:
        """Below the card: the previous answer, why it matters, the code, the steps."""
        item, platform = position.item, position.platform
        steps = _numbered(item.steps)
        section = TextSize.SECTION_HEADING
        app = (
            heading_html("In the app", section) + _numbered(item.app_steps)
            if item.app_steps
            else ""
        )
        # The code in full once a platform (its first setting), folded to a line elsewhere.
        full = position.item_index == 0 or self._code_unfolded
        return (
            self._earlier_html(position)
            + heading_html("Why it matters", section)
            + f"<p>{escape(item.why)}</p>{self._clauses_html(item, full)}"
            + heading_html("How to check", section)
            + f"{steps}{app}{_evidence_html(item, platform)}"
        )

    def _clauses_html(self, item: CheckItem, full: bool = True) -> str:
        """The worker's own code on this item (guidance marked as such), and an honest notice
        where Footprint has not verified what their code says; folded, one line."""
        codes, regulator, edition = self._codes, self._regulator, self._edition
        children = self._works_with_children
        clauses = codes.clauses_for(item, regulator, edition, works_with_children=children)
        notice = codes.notice_for(item, regulator, edition, works_with_children=children)
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

    def _anchor(self, url: QUrl) -> None:
        if url.toString() == FOLD_LINK and self._shown is not None:
            self._code_unfolded = True
            self.content.setHtml(self._item_html(self._shown))

    def _strip_html(self, position: Position) -> str:
        """The audit's platforms in a row: done ✓, skipped, the current one, the time left."""
        assert self._session is not None
        run, parts = self._session.run, []
        for platform in self._session.platforms:
            check = run.check_for(platform.id)
            name = escape(platform.name)
            if platform.id == position.platform.id:
                parts.append(f"<b>▶ {name}</b> ({say_minutes(minutes_for(platform))})")
            elif check is not None and check.completed_at is not None:
                parts.append(f"{name} ✓")
            elif check is not None and check.skipped:
                parts.append(f"{name} (skipped)")
            else:
                parts.append(f"{name} ({say_minutes(minutes_for(platform))})")
        return " · ".join(parts)

    def _earlier_html(self, position: Position) -> str:
        earlier = self._earlier.get((position.platform.id, position.item.id))
        if earlier is None:
            return "<p><i>This is the first check of this setting.</i></p>"
        value = f" (it showed “{escape(earlier.observed)}”)" if earlier.observed else ""
        return (
            f"<p>At your previous check ({short_date(earlier.answered_at)}): "
            f"<b>{escape(earlier.status.label)}</b>{value}</p>"
        )

    # -- notes ------------------------------------------------------------------------------
    def _draft_key(self, position: Position) -> str:
        assert self._session is not None
        return DRAFT_KEY.format(
            run=self._session.run.id, platform=position.platform.id, item=position.item.id
        )

    def _note_for(self, position: Position, current: Answer | None) -> str:
        draft = QSettings().value(self._draft_key(position))
        if isinstance(draft, str) and draft:
            return draft
        return current.note or "" if current else ""

    def _save_draft(self, text: str) -> None:
        if self._shown is not None:
            QSettings().setValue(self._draft_key(self._shown), text)

    def _clear_draft(self, position: Position) -> None:
        QSettings().remove(self._draft_key(position))

    def _keep_changed_note(self) -> None:
        """Leaving an answered item whose note was changed: save the note with its answer."""
        session, position = self._session, self._shown
        if session is None or position is None:
            return
        current = session.answer_for(position.platform.id, position.item.id)
        text = self.note.text().strip() or None
        if current is not None and text != current.note:
            session.record_for(
                position.platform.id,
                position.item.id,
                current.status,
                source=current.source,
                observed=current.observed,
                note=text,
            )
        if current is not None:
            self._clear_draft(position)

    # -- actions ----------------------------------------------------------------------------
    def _answer(self, status: AnswerStatus) -> None:
        session = self._session
        position = session.position() if session else None
        if session is None or position is None:
            return
        session.record(status, self.note.text())
        self._clear_draft(position)
        self._announce_platform_done(position)
        said = f"Saved: {status.label} for {position.item.name}."
        if self.done_banner.isVisibleTo(self):
            said = f"{said} {self.done_banner.text()}"
        self.show_current(said)

    def _announce_platform_done(self, answered: Position) -> None:
        """Between platforms, say the one just finished is done and which comes next."""
        assert self._session is not None
        now = self._session.position()
        if now is None or now.platform.id == answered.platform.id:
            self.done_banner.hide()
            return
        platform = answered.platform
        check = self._session.run.check_for(platform.id)
        if check is None or check.completed_at is None:
            self.done_banner.hide()
            return
        score = score_platform(platform, self._session.run.answers_for(platform.id))
        self.done_banner.setText(
            platform_end_line(
                platform.name,
                score.count(AnswerStatus.SAFE),
                score.count(AnswerStatus.NEEDS_ACTION),
                score.count(AnswerStatus.UNSURE),
                f"{now.platform.name} ({plural(now.item_count, 'setting')}, "
                f"{say_minutes(minutes_for(now.platform))})",
            )
        )
        self.done_banner.show()

    def _move(self, step: str) -> None:
        session = self._session
        if session is None:
            return
        self._keep_changed_note()
        moved = session.back() if step == "back" else session.forward()
        if moved:
            self.done_banner.hide()
            self.show_current("Back." if step == "back" else "Next.")

    def _back(self) -> None:
        self._move("back")

    def _next(self) -> None:
        self._move("next")

    def _jump(self, entry: QListWidgetItem) -> None:
        session, position = self._session, self._shown
        if session is None or position is None:
            return
        item_id = entry.data(Qt.ItemDataRole.UserRole)
        if item_id == position.item.id:
            return
        self._keep_changed_note()
        session.go_to(position.platform.id, item_id)
        self.done_banner.hide()
        self.show_current()

    def _skip(self) -> None:
        if self._session is not None:
            self._keep_changed_note()
            skipped = self._shown.platform.name if self._shown else "This platform"
            self._session.skip_platform()
            self.done_banner.hide()
            self.show_current(f"{skipped} skipped for now.")

    def _finish(self) -> None:
        """End here: the summary shows what was answered; the rest reads "not checked"."""
        if self._session is not None:
            self._keep_changed_note()
            self.finished.emit()

    def _leave(self) -> None:
        self._keep_changed_note()
        self.leave_requested.emit()

    def _open_settings(self) -> None:
        item, position = self._current_item(), self._shown
        if item is None or position is None:
            return
        # Only the platform's own site (app/checklists/hosts.py), whatever a file said.
        if not is_allowed(position.platform.id, item.open_url):
            self.link_status.setText(
                f"This address is not on {position.platform.name}'s own site, so Footprint did "
                f"not open it: {item.open_url}"
            )
            self.link_status.show()
            return
        self._open(item.open_url, "the settings page")

    def _search_yourself(self) -> None:
        item = self._current_item()
        if item is not None:
            self.self_search_requested.emit(item.id)

    def forget_draft(self, platform_id: str, item_id: str) -> None:
        """Drop the note typed here for an item answered elsewhere (Search yourself), so it
        does not later overwrite the note saved with that answer."""
        if self._session is not None:
            QSettings().remove(
                DRAFT_KEY.format(run=self._session.run.id, platform=platform_id, item=item_id)
            )

    def _open_help(self) -> None:
        item = self._current_item()
        if item is not None:
            self._open(item.source, "the help page")

    def _open(self, url: str, what: str) -> None:
        """Open `url` in the worker's browser; say it opened only if it did, otherwise
        leave the address to copy."""
        self.link_status.setText(link_outcome(what, url, self._open_url(url)))
        self.link_status.show()

    def _current_item(self) -> CheckItem | None:
        return self._shown.item if self._shown is not None else None

    def checked_answer(self) -> AnswerStatus | None:
        """The answer shown as pressed, if any (what a screen reader hears as checked)."""
        for status, button in self.answer_buttons.items():
            if button.isChecked():
                return status
        return None


class AnswerButton(QPushButton):
    """One of the answers: the arrow keys move focus among the answers and never press one
    (a saved answer changes only by pressing Space, Enter or the button's key)."""

    def __init__(self, text: str, group: Callable[[], list[QPushButton]]) -> None:
        super().__init__(text)
        self._group = group

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left/Up: the previous answer, Right/Down: the next, wrapping round; focus only."""
        step = _ARROW_STEPS.get(Qt.Key(event.key()))
        buttons = [b for b in self._group() if b.isVisible() and b.isEnabled()]
        if step is None or self not in buttons:
            super().keyPressEvent(event)
            return
        index = (buttons.index(self) + step) % len(buttons)
        reason = Qt.FocusReason.BacktabFocusReason if step < 0 else Qt.FocusReason.TabFocusReason
        buttons[index].setFocus(reason)
        event.accept()


_ARROW_STEPS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}


class ReadableTextBrowser(QTextBrowser):
    """Lines no longer than a comfortable reading width, however wide the window is."""

    MAX_LINE = 760  # pixels, about 90 characters

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrap at MAX_LINE pixels once the view is wider than that."""
        super().resizeEvent(event)
        if self.viewport().width() > self.MAX_LINE:
            self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(self.MAX_LINE)
        else:
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)


def _evidence_html(item: CheckItem, platform: Platform) -> str:
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


def _numbered(steps: tuple[str, ...]) -> str:
    """Steps with their numbers in the text itself, so a screen reader reads them too."""
    return "".join(
        f"<p>Step {n} of {len(steps)}: {escape(step)}</p>" for n, step in enumerate(steps, 1)
    )
