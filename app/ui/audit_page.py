"""The guided audit: one item at a time, answered with a button, saved at once."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.audit.answers import Answer, AnswerStatus
from app.audit.session import AuditSession, Position
from app.checklists.codes import CodeBook
from app.checklists.hosts import is_allowed
from app.formatting import short_date
from app.ui.links import UrlOpener, open_in_browser

ANSWER_BUTTONS = (
    (AnswerStatus.SAFE, "&Safe", "It is set as the safe value"),
    (AnswerStatus.NEEDS_ACTION, "&Needs action", "It is not safe yet; add it to my actions"),
    (AnswerStatus.NOT_APPLICABLE, "Not a&pplicable", "I do not use this feature"),
    (AnswerStatus.UNSURE, "Not s&ure", "I could not tell; add it to my actions"),
)


class AuditPage(QWidget):
    """Shows the session's current item; signals when the audit ends or the worker leaves.

    Signals:
        finished: every platform of the audit has been answered or skipped.
        leave_requested: the worker wants the overview; the audit stays open to resume.
        automation_requested: the worker wants Footprint to read the settings in a browser.
    """

    finished = Signal()
    leave_requested = Signal()
    automation_requested = Signal()

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
        self._open_url = open_url
        self._session: AuditSession | None = None
        self._earlier: Mapping[tuple[str, str], Answer] = {}
        self._build()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Audit progress")
        self.title = self._rich_label("title")
        self.details = self._rich_label("details")
        self.earlier_label = self._rich_label("earlier")
        self.open_button = QPushButton("&Open the settings page")
        self.open_button.setAccessibleDescription("Opens the platform's settings in your browser")
        self.open_button.clicked.connect(self._open_settings)
        self.help_button = QPushButton("&Help page")
        self.help_button.setAccessibleDescription("Opens the platform's help page for this item")
        self.help_button.clicked.connect(self._open_help)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Optional note, for example what you changed")
        self.note.setAccessibleName("Note for this item (optional)")
        self.answer_buttons = {spec[0]: self._answer_button(*spec) for spec in ANSWER_BUTTONS}
        self.back_button = QPushButton("&Back")
        self.back_button.clicked.connect(self._back)
        self.skip_button = QPushButton("S&kip this platform for now")
        self.skip_button.clicked.connect(self._skip)
        self.leave_button = QPushButton("Pause and go to o&verview")
        self.leave_button.clicked.connect(self.leave_requested)
        self.automation_button = QPushButton("Read my settings au&tomatically…")
        self.automation_button.setAccessibleDescription(
            "Opens a browser where you sign in to your own accounts; Footprint reads the "
            "settings and you confirm the answers. It never changes a setting."
        )
        self.automation_button.clicked.connect(self.automation_requested)
        self._lay_out()

    def _rich_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _answer_button(self, status: AnswerStatus, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"answer-{status.value}")
        button.setAccessibleName(f"Answer: {status.label}")
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(lambda: self._answer(status))
        return button

    def _lay_out(self) -> None:
        content = QWidget()
        body = QVBoxLayout(content)
        for widget in (self.title, self.details, self.earlier_label):
            body.addWidget(widget)
        body.addLayout(_row(self.open_button, self.help_button, stretch_end=True))
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addLayout(_row(self.progress_label, self.progress_bar))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addLayout(_row(*self.answer_buttons.values()))
        layout.addLayout(
            _row(self.back_button, self.skip_button, self.automation_button, self.leave_button,
                 stretch_before_last=True)
        )  # fmt: skip

    # -- showing ----------------------------------------------------------------------------
    def start(
        self, session: AuditSession, earlier: Mapping[tuple[str, str], Answer] | None = None
    ) -> None:
        """Show `session` at its current item; `earlier` holds answers from past audits."""
        self._session = session
        self._earlier = earlier or {}
        self.show_current()

    def set_regulator(self, regulator: str) -> None:
        self._regulator = regulator

    @property
    def session(self) -> AuditSession | None:
        return self._session

    def show_current(self) -> None:
        """Show the session's current item (or signal `finished`)."""
        assert self._session is not None
        position = self._session.position()
        if position is None:
            self.finished.emit()
            return
        self._show_position(position)
        self.answer_buttons[AnswerStatus.SAFE].setFocus()

    def _show_position(self, position: Position) -> None:
        session = self._session
        assert session is not None
        item = position.item
        self.progress_label.setText(position.describe())
        self.progress_bar.setMaximum(sum(len(p.items) for p in session.platforms))
        self.progress_bar.setValue(len(session.run.answers))
        self.title.setText(
            f"<h2>{escape(item.name)}</h2><p><b>Aim:</b> {escape(item.goal)}</p>"
            f"<p>{escape(position.platform.name)} · {escape(item.category.label)} · "
            f"importance: {escape(item.severity.value)}</p>"
        )
        self.details.setText(self._details_html(position))
        self.earlier_label.setText(self._earlier_html(position))
        current = session.answer_for(position.platform.id, item.id)
        self.note.setText(current.note or "" if current else "")
        self.back_button.setEnabled(position.platform_index + position.item_index > 0)

    def _details_html(self, position: Position) -> str:
        item = position.item
        steps = "".join(f"<li>{escape(step)}</li>" for step in item.steps)
        clauses = self._codes.clauses_for(item.codes, self._regulator)
        code_html = (
            "".join(f"<li><i>{escape(c.source)}</i>: {escape(c.text)}</li>" for c in clauses)
            or "<li>No clause from your regulator is cited for this item.</li>"
        )
        return (
            f"<h3>Why it matters</h3><p>{escape(item.why)}</p>"
            f"<ul>{code_html}</ul>"
            f"<h3>How to check</h3><ol>{steps}</ol>"
            f"<h3>Safe setting</h3><p><b>{escape(item.safe)}</b></p>"
        )

    def _earlier_html(self, position: Position) -> str:
        earlier = self._earlier.get((position.platform.id, position.item.id))
        if earlier is None:
            return "<p><i>You have not answered this before.</i></p>"
        value = f" (it showed “{escape(earlier.observed)}”)" if earlier.observed else ""
        return (
            f"<p>Last time ({short_date(earlier.answered_at)}): "
            f"<b>{escape(earlier.status.label)}</b>{value}</p>"
        )

    # -- actions ----------------------------------------------------------------------------
    def _answer(self, status: AnswerStatus) -> None:
        if self._session is None or self._session.position() is None:
            return
        self._session.record(status, self.note.text())
        self.show_current()

    def _back(self) -> None:
        if self._session is not None and self._session.back():
            self.show_current()

    def _skip(self) -> None:
        if self._session is not None:
            self._session.skip_platform()
            self.show_current()

    def _open_settings(self) -> None:
        position = self._session.position() if self._session else None
        # Only the platform's own site (app/checklists/hosts.py), whatever a file said.
        if position is not None and is_allowed(position.platform.id, position.item.open_url):
            self._open_url(position.item.open_url)

    def _open_help(self) -> None:
        position = self._session.position() if self._session else None
        if position is not None:
            self._open_url(position.item.source)


def _row(
    *widgets: QWidget, stretch_end: bool = False, stretch_before_last: bool = False
) -> QHBoxLayout:
    row = QHBoxLayout()
    for index, widget in enumerate(widgets):
        if stretch_before_last and index == len(widgets) - 1:
            row.addStretch(1)
        row.addWidget(widget)
    if stretch_end:
        row.addStretch(1)
    return row
