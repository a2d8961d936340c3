"""The buttons under the audit card: moving on, finishing, skipping, pausing, discarding.

They fold into more rows on a narrow window (app/ui/reflow.py), so Finish is always on the
page and nothing scrolls sideways at 960×540.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.audit import glossary
from app.audit.session import AuditSession, Position
from app.ui.audit_text import strip_html, strip_tooltip
from app.ui.layouts import roomy_rows, widget_row
from app.ui.platform_marks import platform_mark
from app.ui.reflow import ReflowRow


class AuditNavigation(QWidget):
    """Back, Next and Finish; then Skip, Read automatically, Discard and Pause."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton("&Back")
        self.next_button = QPushButton("Ne&xt")
        self.next_button.setToolTip("Go to the next setting without answering this one")
        self.finish_button = QPushButton("F&inish and see the summary")
        self.finish_button.setAccessibleDescription(
            "Ends the audit here; settings not answered are shown as not checked"
        )
        self.skip_button = QPushButton("S&kip this platform for now")
        self.automation_button = QPushButton("Read my settings au&tomatically…")
        self.automation_button.setAccessibleDescription(
            "Opens a browser where you sign in to your own accounts; Footprint reads the "
            "settings and you confirm the answers. It never changes a setting."
        )
        self.discard_button = QPushButton("&Discard this audit…")
        self.discard_button.setAccessibleDescription(
            "Throws this audit and the answers given in it away, after asking"
        )
        self.leave_button = QPushButton("Pause and go to o&verview")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            ReflowRow(
                [[self.back_button, self.next_button], [self.finish_button]], stretch_before=1
            )
        )
        column.addWidget(
            ReflowRow(
                [
                    [self.skip_button, self.automation_button],
                    [self.discard_button, self.leave_button],
                ],
                stretch_before=1,
            )  # fmt: skip
        )

    def tab_chain(self) -> list[QWidget]:
        """The buttons in Tab order."""
        return [
            self.back_button, self.next_button, self.finish_button, self.skip_button,
            self.automation_button, self.discard_button, self.leave_button,
        ]  # fmt: skip


class ItemList(QListWidget):
    """The current platform's settings with their answers; a row jumps to its setting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        roomy_rows(self)
        self.setObjectName("items")
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fill(self, session: AuditSession, position: Position) -> None:
        """The platform's items with their answers. Rows are rebuilt only when the platform
        changes: the list may be in the middle of its own click when this runs."""
        platform = position.platform
        self.blockSignals(True)
        if self.property("platform") != platform.id:
            self.clear()
            self.setProperty("platform", platform.id)
            self.setAccessibleName(f"Settings on {platform.name}")
            for item in platform.items:
                entry = QListWidgetItem()
                entry.setData(Qt.ItemDataRole.UserRole, item.id)
                self.addItem(entry)
        for index, item in enumerate(platform.items):
            answer = session.answer_for(platform.id, item.id)
            state = glossary.badge(answer.status.label) if answer else "not answered yet"
            self.item(index).setText(f"{index + 1}. {item.name} — {state}")
        self.setCurrentRow(position.item_index)
        self.blockSignals(False)


class AuditProgress(QWidget):
    """Above the card: where the audit is, a bar of settings answered, and the strip of the
    audit's platforms beside the current one's mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("progress")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Audit progress")
        self.bar.setFormat("%v of %m settings answered")
        self.mark = QLabel()  # the current platform's mark (Footprint's own, not its logo)
        self.mark.setObjectName("platform-mark")
        self.strip = QLabel()
        self.strip.setObjectName("platform-strip")
        self.strip.setWordWrap(True)
        self.strip.setTextFormat(Qt.TextFormat.RichText)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(widget_row(self.label, self.bar))
        mark_row = widget_row(self.mark, self.strip)
        mark_row.setStretch(1, 1)  # the mark keeps its size, the strip wraps
        column.addLayout(mark_row)

    def show_at(self, session: AuditSession, position: Position) -> None:
        """The line, the bar and the strip for the audit at `position`."""
        self.label.setText(position.describe())
        self.bar.setMaximum(sum(len(p.items) for p in session.platforms))
        self.bar.setValue(len(session.run.answers))
        self.strip.setText(strip_html(session, position))
        self.strip.setToolTip(strip_tooltip(session))
        side = self.strip.fontMetrics().height() * 2
        platform = position.platform
        self.mark.setPixmap(platform_mark(platform.id, platform.name).pixmap(side, side))
        self.mark.setToolTip(platform.name)
