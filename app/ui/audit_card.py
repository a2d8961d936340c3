"""One card a setting: the question, its safe value, where to look, and the answers.

The card shows what the page gives it and forwards the worker's answer (`answered`); the
page decides what happens next. At every size the question, the safe value, "Open …
settings ↗" and the four answers come first; why it matters and the steps follow below.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.session import Position
from app.audit.verdicts import link_outcome
from app.checklists.hosts import is_allowed
from app.formatting import short_date
from app.stranger.evidence import OutsideEvidence
from app.ui.announce import announce
from app.ui.audit_text import question_html
from app.ui.layouts import plain_label, widget_row
from app.ui.links import UrlOpener
from app.ui.reflow import ReflowRow
from app.ui.theme import answer_style, chip_style

ANSWER_BUTTONS = (
    (AnswerStatus.SAFE, "✓ &Safe", "It is set as the safe value"),
    (AnswerStatus.NEEDS_ACTION, "✗ &Needs action", "It is not safe yet; add it to my actions"),
    (AnswerStatus.NOT_APPLICABLE, "– Not a&pplicable", "I do not use this feature"),
    (AnswerStatus.UNSURE, "? Not s&ure", "I could not tell; add it to my actions"),
)
CHOSEN = " — chosen"  # added to the chosen button's word: never colour alone


class ItemCard(QWidget):
    """The card of one setting. Signals `answered(AnswerStatus)` when an answer is pressed."""

    answered = Signal(object)

    def __init__(self, *, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._open_url = open_url
        self._position: Position | None = None
        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.RichText)
        self.safe_chip = plain_label(name="safe-chip")
        self.safe_chip.setStyleSheet(chip_style())
        self.saved_label = plain_label(name="saved")
        self.saved_label.setWordWrap(False)
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
        self._build_buttons()
        self._build_answers()
        self._lay_out()

    def _build_buttons(self) -> None:
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
        self.search_button.hide()
        self.link_status = plain_label(name="link-status", selectable=True)
        # What a stranger's view found about this item: Footprint's words, never the page's.
        self.outside_label = plain_label(name="outside-evidence")
        self.outside_label.hide()
        self.outside_button = QPushButton("Use what a stranger sa&w")
        self.outside_button.setAccessibleDescription(
            "Saves the answer the stranger's view suggests, dated the day it was seen"
        )
        self.outside_button.hide()
        self.note = QLineEdit()
        self.note.setPlaceholderText("Optional note, for example what you changed")
        self.note.setAccessibleName("Note (optional)")  # the visible words (WCAG 2.5.3)
        self.note.setAccessibleDescription("Saved with this item's answer")
        self.note.setMaxLength(2000)

    def _build_answers(self) -> None:
        # Not exclusive: Qt clicks the neighbour of a checked button in an exclusive group when
        # an arrow key is pressed, which silently replaced a saved answer. The card sets the
        # checked state itself (show_answer), and AnswerButton moves focus only.
        self.answer_group = QButtonGroup(self)
        self.answer_group.setExclusive(False)
        self.answer_buttons = {spec[0]: self._answer_button(*spec) for spec in ANSWER_BUTTONS}
        buttons = list(self.answer_buttons.values())
        # Four across when they fit, else two by two (at 960 px the fourth was cut off).
        self.answer_row = ReflowRow([buttons[:2], buttons[2:]])

    def _answer_button(self, status: AnswerStatus, text: str, description: str) -> QPushButton:
        button = AnswerButton(text, self.answer_buttons_in_order)
        # The answer given fills with its colour and says so in words; focus only rings it.
        button.setStyleSheet(answer_style(status))
        button.setMinimumHeight(40)
        button.setProperty("word", text)
        button.setObjectName(f"answer-{status.value}")
        button.setCheckable(True)
        button.setAccessibleName(f"Answer: {status.label}")
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(lambda: self.answered.emit(status))
        self.answer_group.addButton(button)
        return button

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.question)
        column.addWidget(self.safe_chip)
        column.addWidget(
            ReflowRow(
                [[self.open_button], [self.search_button, self.help_button]], stretch_before=2
            )
        )
        column.addWidget(self.link_status)
        column.addLayout(widget_row(self.outside_label, self.outside_button))
        column.addWidget(self.answer_row)
        note_label = QLabel("Note (optiona&l):")
        note_label.setBuddy(self.note)
        column.addLayout(widget_row(note_label, self.note, self.saved_label))
        column.addWidget(self.content, 1)  # why it matters, your code, the steps: below

    def tab_chain(self) -> list[QWidget]:
        """The card's controls in Tab order, from the text read after an answer."""
        return [
            self.content, self.open_button, self.search_button, self.help_button,
            self.outside_button, *self.answer_buttons.values(), self.note,
        ]  # fmt: skip

    def show_item(self, position: Position, details_html: str, *, searchable: bool) -> None:
        """Show one setting: its question, safe value, where to open it and its details."""
        self._position = position
        self.question.setText(question_html(position))
        self.safe_chip.setText(f"Safe setting: {position.item.safe}")
        self.open_button.setText(f"&Open {position.platform.name} settings ↗")
        self.content.setHtml(details_html)
        self.link_status.clear()
        self.link_status.hide()
        self.search_button.setVisible(searchable)

    def tell_screen_readers(self, position: Position, current: Answer | None, said: str) -> None:
        """After focus has moved to the item text: its name and description say the item, its
        place and its answer, and one announcement says the same for current readers.

        The description holds the title too: Orca 43 speaks a changed description of the
        focused object but ignores a changed name on text it reads as a label, which the item
        text is, so after Next or an Alt+ answer (focus already there) the description is all
        it says (seen with scripts/atspi_capture.py)."""
        item = position.item
        answered = f"Your answer: {current.status.label}." if current else "Not answered yet."
        where = f"{position.describe()}."
        title = item.name if item.name.endswith(("?", ".", "!")) else f"{item.name}."
        self.content.setAccessibleName(f"{item.name}: {item.goal}")
        parts = (said, where, title, answered, f"{item.severity.label}.")
        self.content.setAccessibleDescription(
            " ".join(p for p in (*parts, f"Safe setting: {item.safe}") if p)
        )
        announce(self.content, " ".join(p for p in (said, where, title, answered) if p))

    def _open_settings(self) -> None:
        position = self._position
        if position is None:
            return
        item = position.item
        # Only the platform's own site (app/checklists/hosts.py), whatever a file said.
        if not is_allowed(position.platform.id, item.open_url):
            self.link_status.setText(
                f"This address is not on {position.platform.name}'s own site, so Footprint did "
                f"not open it: {item.open_url}"
            )
            self.link_status.show()
            return
        self._open(item.open_url, "the settings page")

    def _open_help(self) -> None:
        if self._position is not None:
            self._open(self._position.item.source, "the help page")

    def _open(self, url: str, what: str) -> None:
        """Open `url` in the worker's browser; say it opened only if it did, otherwise
        leave the address to copy."""
        self.link_status.setText(link_outcome(what, url, self._open_url(url)))
        self.link_status.show()

    def answer_buttons_in_order(self) -> list[QPushButton]:
        """The answers, left to right (the arrow keys move among them in this order)."""
        return list(self.answer_buttons.values())

    def show_answer(self, current: Answer | None) -> None:
        """The chosen answer pressed, the others not; the group is one Tab stop, entered on
        the chosen answer (or the first), as a radio group is."""
        chosen_button = None
        for status, button in self.answer_buttons.items():
            chosen = current is not None and current.status is status
            button.setChecked(chosen)
            button.setText(str(button.property("word")) + (CHOSEN if chosen else ""))
            if chosen:
                chosen_button = button
        tab_stop = chosen_button or self.answer_buttons_in_order()[0]
        for button in self.answer_buttons.values():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is tab_stop else Qt.FocusPolicy.ClickFocus
            )

    def show_answered(
        self,
        current: Answer | None,
        now: datetime,
        evidence: OutsideEvidence | None,
        platform_name: str,
    ) -> None:
        """The setting's answer (pressed, and when it was saved) and any stranger's-view
        evidence for it."""
        self.show_answer(current)
        today = current is not None and (
            current.answered_at.astimezone().date() == now.astimezone().date()
        )
        self.show_saved(current, today)
        self.show_outside(evidence, current, platform_name)

    def show_saved(self, current: Answer | None, today: bool) -> None:
        """ "Saved 15:30 ✓" for an answered item (a date when not today): it is kept."""
        if current is None:
            self.saved_label.clear()
            return
        when = current.answered_at.astimezone()
        self.saved_label.setText(
            f"Saved {when:%H:%M} ✓" if today else f"Saved {short_date(when)} ✓"
        )

    def show_outside(
        self, evidence: OutsideEvidence | None, current: Answer | None, platform_name: str
    ) -> None:
        """What a stranger's view saw about this setting, and whether it can be used."""
        self.outside_label.setVisible(evidence is not None)
        self.outside_button.setVisible(evidence is not None)
        if evidence is None:
            return
        lines = evidence.sentences(platform_name) + evidence.caveats
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

    def event(self, event: QEvent) -> bool:
        """The answer's key (Alt+S…) answers, leaving the focus where it is.

        Qt's animated click first moves the focus to a checkable button, so a screen reader
        said "Answer: Safe check box, not checked" just as the answer was being given. The
        click stays animated: it lands after Alt is released, so the page's focus move wins
        over the menu bar's Alt (an immediate click left the focus on "File")."""
        if event.type() != QEvent.Type.Shortcut:
            return super().event(event)
        policy = self.focusPolicy()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        try:
            return super().event(event)
        finally:
            self.setFocusPolicy(policy)

    def sizeHint(self) -> QSize:
        """Wide enough for the word with " — chosen" in bold, as the chosen answer shows it
        (its hint without was narrower, and the chosen word was cut off)."""
        hint = super().sizeHint()
        chosen = QFont(self.font())
        chosen.setBold(True)
        word = str(self.property("word") or self.text()).replace("&", "") + CHOSEN
        needed = QFontMetrics(chosen).horizontalAdvance(word) + 2 * self.fontMetrics().height()
        return QSize(max(hint.width(), needed), hint.height())

    def minimumSizeHint(self) -> QSize:
        """Never narrower than the chosen word: an answer is never cut off."""
        return self.sizeHint()

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

    def __init__(self) -> None:
        super().__init__()
        # The viewport passes focus on to the view (its focus proxy), so Qt's accessible
        # viewport said FOCUSED as well: a second, unnamed focus for screen readers (issue 31).
        self.viewport().setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrap at MAX_LINE pixels once the view is wider than that."""
        super().resizeEvent(event)
        if self.viewport().width() > self.MAX_LINE:
            self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(self.MAX_LINE)
        else:
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
