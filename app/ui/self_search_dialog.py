"""Search yourself: prepared searches opened in the worker's own browser, and what they found.

Footprint only opens each search in the worker's browser (the link-opening path, checked
against the allowed hosts); it never runs a search or reads a result. What the worker found is
recorded as their answer to the general checklist item, through the audit session like any
other answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.audit.answers import Answer, AnswerStatus
from app.audit.verdicts import link_outcome
from app.checklists.hosts import is_allowed
from app.checklists.model import CheckItem
from app.checklists.self_search import (
    SEARCH_ITEMS,
    PreparedSearch,
    SearchTerms,
    prepare_searches,
)
from app.ui import preferences
from app.ui.layouts import STRETCH, plain_label, scroll_area, widget_row
from app.ui.links import UrlOpener, open_in_browser
from app.ui.screen import fit_to_screen

# Records the worker's answer to a general item: (item id, status, note or None).
Recorder = Callable[[str, AnswerStatus, str | None], object]

RESULTS = (
    (AnswerStatus.SAFE, "Nothing links me to my work",
     "No result shows your workplace, phone number, home address or photos of you at work"),
    (AnswerStatus.NEEDS_ACTION, "I found something to have removed",
     "A result shows your workplace, phone number, address or revealing photos"),
    (AnswerStatus.UNSURE, "I could not tell",
     "Add it to your actions and look again later"),
)  # fmt: skip
NO_AUDIT = (
    "To record what you found, start or resume an audit that includes General checks; "
    "you can still open the searches now."
)


class SelfSearchDialog(QDialog):
    """The prepared searches, what to look for, and a place to record the result per item.

    Signals:
        answer_recorded: an answer to the general item with this id was saved.
    """

    answer_recorded = Signal(str)

    def __init__(
        self,
        *,
        terms: SearchTerms,
        items: Sequence[CheckItem],
        record: Recorder | None,
        answers: Mapping[str, Answer] | None = None,
        open_url: UrlOpener = open_in_browser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search yourself")
        self._items = tuple(i for i in items if i.id in SEARCH_ITEMS)
        self._record = record
        self._open_url = open_url
        self._searches: tuple[PreparedSearch, ...] = ()
        self.result_groups: dict[str, QButtonGroup] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.record_buttons: dict[str, QPushButton] = {}
        self.recorded_labels: dict[str, QLabel] = {}
        self._build(terms)
        self._show_answers(answers or {})
        self._refresh_searches()

    # -- building ---------------------------------------------------------------------------
    def _build(self, terms: SearchTerms) -> None:
        intro = plain_label(
            "Search for yourself the way someone you support, or their family, might. Each "
            "search opens in your own browser: Footprint does not run the searches or read "
            "the results. Changes to your details here are used for these searches only."
        )
        self.name_field = self._field(terms.name, "Your name, as people would search for it")
        self.town_field = self._field(terms.town or preferences.SEARCH_TOWN.get(), "Your town")
        self.town_field.setPlaceholderText("For example Dundee")
        self.town_field.setToolTip(
            "Footprint remembers your town on this computer; clear the field to forget it."
        )
        self.town_field.textEdited.connect(preferences.SEARCH_TOWN.set)
        self.organisation_field = self._field(terms.organisation, "Your employer or service")
        self.role_field = self._field(terms.role, "Your role")
        self.missing_label = plain_label()
        self.missing_label.setObjectName("missing-terms")
        self.search_list = QListWidget()
        self.search_list.setObjectName("searches")
        self.search_list.setAccessibleName("Prepared searches")
        self.search_list.setAccessibleDescription("Press Enter to open a search in your browser")
        self.search_list.itemActivated.connect(lambda _entry: self.open_selected())
        self.open_button = QPushButton("&Open in my browser")
        self.open_button.setAccessibleDescription("Opens the selected search in your browser")
        self.open_button.clicked.connect(self.open_selected)
        self.link_status = plain_label()
        self.link_status.setObjectName("link-status")
        self.link_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance = QTextBrowser()
        self.guidance.setObjectName("what-to-look-for")
        self.guidance.setAccessibleName("What to look for")
        self.guidance.setPlainText(self._guidance_text())
        self.guidance.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.guidance.setMaximumHeight(150)
        answer_boxes = [self._answer_box(item) for item in self._items]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter belongs to the focused control (the list opens its search); a dialog's default
        # button would also take it, opening a search twice or closing the window mid-typing.
        for button in (self.open_button, *self.record_buttons.values(), *buttons.buttons()):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self._lay_out(intro, answer_boxes, buttons)

    def _field(self, text: str, name: str) -> QLineEdit:
        field = QLineEdit(text)
        field.setAccessibleName(name)
        field.setMaxLength(200)
        field.textChanged.connect(lambda _text: self._refresh_searches())
        return field

    def _answer_box(self, item: CheckItem) -> QGroupBox:
        box = QGroupBox(f"What you found: {item.name}")
        box.setObjectName(f"answer-{item.id}")
        column = QVBoxLayout(box)
        group = QButtonGroup(box)
        choices = QHBoxLayout()
        for status, text, description in RESULTS:
            choice = QRadioButton(text)
            choice.setObjectName(f"{item.id}-{status.value}")
            choice.setAccessibleDescription(f"Answer {status.label}: {description}")
            choice.setToolTip(description)
            group.addButton(choice)
            group.setId(choice, list(AnswerStatus).index(status))
            choices.addWidget(choice)
        choices.addStretch(1)
        note = QLineEdit()
        note.setMaxLength(2000)
        note.setPlaceholderText("Optional note, for example which site showed what")
        note.setAccessibleName(f"Note (optional) for {item.name}")
        record = QPushButton("Record this answer")
        record.setAccessibleName(f"Record this answer: {item.name}")
        record.clicked.connect(lambda _checked=False, item_id=item.id: self.record(item_id))
        recorded = plain_label()
        column.addLayout(choices)
        column.addWidget(note)
        column.addLayout(widget_row(record, recorded, STRETCH))
        self.result_groups[item.id], self.notes[item.id] = group, note
        self.record_buttons[item.id], self.recorded_labels[item.id] = record, recorded
        if self._record is None:
            box.setEnabled(False)
        return box

    def _lay_out(self, intro: QLabel, boxes: list[QGroupBox], buttons: QDialogButtonBox) -> None:
        form = QFormLayout()
        for text, field in (("&Name:", self.name_field), ("&Town:", self.town_field),
                            ("&Employer or service:", self.organisation_field),
                            ("&Role:", self.role_field)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        searches_label = QLabel("Prepared &searches:")
        searches_label.setBuddy(self.search_list)
        look_label = QLabel("What to &look for:")
        look_label.setBuddy(self.guidance)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.missing_label)
        layout.addWidget(searches_label)
        layout.addWidget(self.search_list, 1)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addWidget(self.link_status, 1)  # the status takes the width, not a stretch
        layout.addLayout(open_row)
        layout.addWidget(look_label)
        layout.addWidget(self.guidance)
        if self._record is None:
            layout.addWidget(plain_label(NO_AUDIT))
        for box in boxes:
            layout.addWidget(box)
        # Scrolls on a small screen (960 x 540 at 200 % is common on laptops); Close stays put.
        outer = QVBoxLayout(self)
        outer.addWidget(scroll_area(content, framed=False), 1)
        outer.addWidget(buttons)
        fit_to_screen(self, QSize(780, 760))

    def _guidance_text(self) -> str:
        """Each item's own words (audits/general.toml): why it matters and what is safe."""
        parts = [f"{item.name}\n{item.why}\nSafe: {item.safe}" for item in self._items]
        parts.append(
            "Platforms' own searches may ask you to sign in; signed in, you can see more than "
            "a stranger would."
        )
        return "\n\n".join(parts)

    # -- searches ---------------------------------------------------------------------------
    def terms(self) -> SearchTerms:
        """What the fields hold now."""
        return SearchTerms(
            name=self.name_field.text(),
            town=self.town_field.text(),
            organisation=self.organisation_field.text(),
            role=self.role_field.text(),
        )

    def _refresh_searches(self) -> None:
        prepared = prepare_searches(self.terms())
        row = max(self.search_list.currentRow(), 0)
        self._searches = prepared.searches
        self.search_list.clear()
        for index, search in enumerate(prepared.searches):
            entry = QListWidgetItem(search.label)
            entry.setData(Qt.ItemDataRole.UserRole, index)
            entry.setToolTip(search.url)
            self.search_list.addItem(entry)
        if prepared.searches:
            self.search_list.setCurrentRow(min(row, len(prepared.searches) - 1))
        self.missing_label.setText(prepared.missing_text())
        self.missing_label.setVisible(bool(prepared.missing))
        self.open_button.setEnabled(bool(prepared.searches))

    def searches(self) -> tuple[PreparedSearch, ...]:
        """The searches listed, in order."""
        return self._searches

    def open_selected(self) -> None:
        """Open the selected search in the worker's browser, and say so."""
        entry = self.search_list.currentItem()
        if entry is None:
            return
        search = self._searches[int(entry.data(Qt.ItemDataRole.UserRole))]
        # Only the engine's or platform's own site (hosts.py), whatever built the address.
        if not is_allowed(search.site.platform_id, search.url):
            self.link_status.setText(f"Footprint did not open this address: {search.url}")
            return
        opened = self._open_url(search.url)
        self.link_status.setText(link_outcome(search.site.title, search.url, opened))

    # -- answers ----------------------------------------------------------------------------
    def _show_answers(self, answers: Mapping[str, Answer]) -> None:
        for item_id, answer in answers.items():
            group = self.result_groups.get(item_id)
            if group is None:
                continue
            button = group.button(list(AnswerStatus).index(answer.status))
            if button is not None:
                button.setChecked(True)
            self.notes[item_id].setText(answer.note or "")
            self.recorded_labels[item_id].setText(f"Your answer now: {answer.status.label}.")

    def chosen(self, item_id: str) -> AnswerStatus | None:
        """The result chosen for this item, if any."""
        checked = self.result_groups[item_id].checkedId()
        return list(AnswerStatus)[checked] if checked >= 0 else None

    def record(self, item_id: str) -> None:
        """Save the chosen result as the answer to the item."""
        status, label = self.chosen(item_id), self.recorded_labels[item_id]
        if self._record is None:
            return
        if status is None:
            label.setText("Choose what you found first.")
            return
        note = self.notes[item_id].text().strip() or None
        self._record(item_id, status, note)
        label.setText(f"Recorded: {status.label}.")
        self.answer_recorded.emit(item_id)
