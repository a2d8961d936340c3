"""The friend-list review: tick anyone connected with your work, then how to remove them.

Names exist only in this dialog's model while it is open. What is saved is the date, how many
people were reviewed and marked, and keyed hashes of the marked (HMAC with a secret kept in the
system keyring), so a later export can confirm they were removed; with no keyring, nothing per
person is saved and the worker confirms removal by hand. The keyring is asked for that secret
off the UI thread (a locked keyring may ask for its password); the review is then saved.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.audit.records import ReviewToSave
from app.footprint import Footprint
from app.footprint.download_values import (
    GENERAL,
    NO_KEYRING,
    ExportFindings,
    Person,
    removal_step,
)
from app.formatting import plural
from app.ui.jobs import Job, JobRunner
from app.ui.links import UrlOpener, open_in_browser

MARK_LABEL = "uses my service / carer or family / child who attended"
INTRO = (
    "<p>Go through everyone below. <b>Tick anyone who uses your service, is a carer or family "
    "member of someone who does, or is a child who attended the service.</b> They should not "
    "be your online connections.</p><p>These names come from your export and are shown only "
    "while this window is open. Footprint saves how many you reviewed and marked, never who."
    "</p>"
)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class ConnectionReviewDialog(QDialog):
    """Reviews one export's connections and saves the review as counts.

    Signals:
        saved(int): The review was saved; its id.
        removal_confirmed(int): The worker said everyone marked is removed; the review's id.
    """

    saved = Signal(int)
    removal_confirmed = Signal(int)

    def __init__(
        self,
        *,
        footprint: Footprint,
        jobs: JobRunner,
        findings: ExportFindings,
        open_url: UrlOpener = open_in_browser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._jobs = jobs
        self._job: Job | None = None
        self._findings: ExportFindings | None = findings
        self._people = {p.key: p for p in findings.people()}
        self._open_url = open_url
        self.review_id: int | None = None
        self._by_hand = False  # no keyring: removal is confirmed by the worker, not an export
        self.setWindowTitle(f"Review your {findings.platform_name} connections — Footprint")
        self._pages = QStackedWidget()
        self._pages.addWidget(self._build_review_page())
        self._pages.addWidget(self._build_steps_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        self.resize(640, 640)
        self.filter.setFocus()

    # -- page 1: the list --------------------------------------------------------------------
    def _build_review_page(self) -> QWidget:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.model = QStandardItemModel(self)
        for person in self._people.values():
            self.model.appendRow(self._row(person))
        self.model.itemChanged.connect(lambda _item: self._update_count())
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.people_list = QListView()
        self.people_list.setObjectName("people")
        self.people_list.setAccessibleName(f"People in your export; tick: {MARK_LABEL}")
        self.people_list.setModel(self._proxy)
        self.people_list.setUniformItemSizes(True)
        self.people_list.doubleClicked.connect(self._open_profile)
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText("Find a name")
        self.filter.setAccessibleName("Find a name in the list")
        self.filter.textChanged.connect(self._proxy.setFilterFixedString)
        self.count_label = QLabel()
        self.count_label.setObjectName("marked_count")
        self.open_button = QPushButton("&Open profile")
        self.open_button.setObjectName("open_profile")
        self.open_button.setToolTip("Open the selected person's profile in your browser")
        self.open_button.clicked.connect(
            lambda: self._open_profile(self.people_list.currentIndex())
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.finish_button = buttons.addButton(
            "&Finish review", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.finish_button.setObjectName("finish")
        self.finish_button.clicked.connect(self.finish_review)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.open_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        for widget in (intro, self.filter, self.people_list):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._update_count()
        return page

    def _row(self, person: Person) -> QStandardItem:
        lists = ", ".join(kind.label for kind in person.kinds)
        item = QStandardItem(f"{person.name}  —  {lists}")
        item.setCheckable(True)
        item.setEditable(False)
        item.setData(person.key, KEY_ROLE)
        item.setToolTip(f"Tick if this person {MARK_LABEL.replace(' / ', ', or ')}")
        item.setAccessibleDescription(MARK_LABEL)
        return item

    def marked_keys(self) -> set[str]:
        """The keys (never the names) of the people ticked."""
        return {
            self.model.item(row).data(KEY_ROLE)
            for row in range(self.model.rowCount())
            if self.model.item(row).checkState() == Qt.CheckState.Checked
        }

    def _update_count(self) -> None:
        marked, total = len(self.marked_keys()), self.model.rowCount()
        self.count_label.setText(f"Marked: {marked} of {total}")

    def _open_selected(self) -> None:
        self._open_profile(self.people_list.currentIndex())

    def _open_profile(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        key = self._proxy.mapToSource(index).data(KEY_ROLE)
        person = self._people.get(key)
        if person is not None and person.link:
            self._open_url(person.link)

    # -- finishing ---------------------------------------------------------------------------
    def finish_review(self) -> None:
        """Save the counts (and hashes of the marked), then show how to remove them."""
        assert self._findings is not None
        if self._job is not None:
            return
        marked = self.marked_keys()
        if not marked:  # counts only: no keyring involved, nothing to wait for
            self._saved(self._footprint.save_review(self._findings, marked).review_id)
            return
        self.finish_button.setEnabled(False)
        job = Job.of(self._footprint.prepare_review(self._findings, marked))
        job.finished.connect(self._review_ready)
        job.failed.connect(self._review_failed)
        self._job = self._jobs.start(job)

    def _review_ready(self, review: ReviewToSave) -> None:
        self._job = None
        saved = self._footprint.keep_review(review)
        self._by_hand = saved.by_hand
        self._saved(saved.review_id)

    def _review_failed(self, message: str) -> None:
        self._job = None
        self.finish_button.setEnabled(True)
        self.count_label.setText(message)

    def _saved(self, review_id: int) -> None:
        self.review_id = review_id
        if self._findings is None:  # the window closed while the keyring answered
            self.saved.emit(review_id)
            return
        marked = self.marked_keys()
        self._show_steps([self._people[k] for k in self._people if k in marked])
        self._pages.setCurrentIndex(1)
        self.saved.emit(review_id)

    # -- page 2: how to remove them ----------------------------------------------------------
    def _build_steps_page(self) -> QWidget:
        self.steps = QTextBrowser()
        self.steps.setObjectName("removal_steps")
        self.steps.setAccessibleName("How to remove the people you marked")
        self.steps.setOpenLinks(False)
        self.steps.anchorClicked.connect(lambda url: self._open_url(url.toString()))
        self.saved_label = QLabel()
        self.saved_label.setObjectName("review_saved")
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(
            "I have &removed them all", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.confirm_button.setObjectName("confirm_removed")
        self.confirm_button.clicked.connect(self.confirm_all_removed)
        self.later_button = buttons.addButton(
            "&Close (I will do it later)", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button.setObjectName("close")
        self.later_button.clicked.connect(self.accept)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.saved_label)
        layout.addWidget(buttons)
        return page

    def _show_steps(self, marked: list[Person]) -> None:
        assert self._findings is not None
        findings, reviewed = self._findings, len(self._people)
        if not marked:
            self.steps.setHtml(
                f"<p>You marked no one on {html.escape(findings.platform_name)}.</p>"
            )
            self.confirm_button.hide()
            self.later_button.setText("&Close")
        else:
            self.steps.setHtml(_steps_html(findings, marked))
        later = NO_KEYRING if self._by_hand else "Your next export will show whether they are gone."
        self.saved_label.setText(
            f"Saved: {plural(reviewed, 'connection')} reviewed, {len(marked)} marked. "
            + (later if marked else "")
        )

    def confirm_all_removed(self) -> None:
        """Save that the worker removed everyone they marked."""
        if self.review_id is None:
            return
        self._footprint.confirm_removed(self.review_id)
        self.saved_label.setText("Saved: you confirmed everyone you marked is removed.")
        self.confirm_button.setEnabled(False)
        self.later_button.setText("&Close")
        self.removal_confirmed.emit(self.review_id)

    def done(self, result: int) -> None:
        """Drop every name before the window closes, however it closes."""
        self.forget_names()
        super().done(result)

    def forget_names(self) -> None:
        """Drop every name as soon as the review window closes."""
        self._findings = None
        self._people = {}
        self.model.clear()
        self.steps.clear()


def _steps_html(findings: ExportFindings, marked: list[Person]) -> str:
    platform = html.escape(findings.platform_name)
    who = "this person" if len(marked) == 1 else f"these {len(marked)} people"
    parts = [f"<p>Remove {who} on {platform}:</p><ol>"]
    for person in marked:
        name = html.escape(person.name)
        if person.link:
            name = f'<a href="{html.escape(person.link, quote=True)}">{name}</a>'
        steps = "".join(
            f"<li>{html.escape(kind.label.capitalize())}: "
            f"{html.escape(removal_step(findings.platform_id, kind))}</li>"
            for kind in person.kinds
        )
        parts.append(f"<li>{name}<ul>{steps}</ul></li>")
    parts.append(f"</ol><p>{html.escape(GENERAL)}</p>")
    return "".join(parts)
