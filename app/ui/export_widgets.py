"""Parts of the data-export import window (app/ui/export_import_dialog.py).

The earlier reviews whose removals wait for the worker, how to request an export, and the
summary of what an import read: widgets and escaped rich text only.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.audit.records import ConnectionReviewRecord
from app.footprint import Footprint
from app.footprint.download_values import READERS, Section, request_for
from app.ui.theme import tone


class ReviewsAwaitingRemoval(QGroupBox):
    """Earlier reviews whose removals only the worker can confirm (no keyring, a review from
    before keyed hashes, or a key Footprint can no longer read).

    Signals:
        removal_confirmed(int): the worker confirmed a review's removals; its id.
    """

    removal_confirmed = Signal(int)

    def __init__(self, footprint: Footprint) -> None:
        super().__init__("Earlier reviews waiting for you to confirm removals")
        self._footprint = footprint
        self.setObjectName("by_hand")
        self._rows = QVBoxLayout(self)
        self.refresh()

    def refresh(self) -> None:
        """Show the reviews still waiting (hidden when there are none)."""
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        waiting = [r for r in self._footprint.connection_reviews() if _waiting(r)]
        for review in waiting:
            self._rows.addWidget(self._row(review))
        self.setVisible(bool(waiting))

    def _row(self, review: ConnectionReviewRecord) -> QWidget:
        name = _platform_name(review.platform_id)
        how = (
            "Footprint keeps no way to recognise them, so only you can confirm it."
            if review.by_hand
            else "A newer export can confirm it too."
        )
        label = QLabel(
            f"{name} review of {review.reviewed_at:%d %b %Y}: {review.awaiting_removal} of "
            f"{review.marked_count} marked not yet confirmed removed. {how}"
        )
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        button = QPushButton("I have removed them")
        button.setObjectName(f"confirm_{review.id}")
        button.clicked.connect(lambda: self.confirm(review.id))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row

    def confirm(self, review_id: int) -> None:
        """The worker confirms everyone marked in an earlier review is removed."""
        self._footprint.confirm_removed(review_id)
        self.refresh()
        self.removal_confirmed.emit(review_id)


def request_steps_html(platform_id: str | None) -> str:
    """How to request a platform's export (or how to start, with no platform chosen)."""
    request = request_for(platform_id) if platform_id else None
    if request is None:
        return (
            "<p><b>How to get your export:</b> choose a platform above to see the steps. "
            "Footprint reads exports from X, Instagram, Facebook, LinkedIn, TikTok and "
            "Snapchat, and works out which one you chose.</p>"
        )
    steps = "".join(f"<li>{html.escape(step)}</li>" for step in request.steps)
    link = html.escape(request.open_url, quote=True)
    return (
        f"<p><b>How to get your {html.escape(request.name)} export</b></p><ol>{steps}</ol>"
        f"<p><b>Format:</b> {html.escape(request.format_choice)}</p>"
        f"<p>{html.escape(request.wait)}</p>"
        f'<p><a href="{link}">Open {html.escape(request.name)}\'s download page</a></p>'
    )


def summary_html(sections: list[Section]) -> str:
    """The summary as rich text, every line escaped (it carries file names and values from
    the archive); drift in the warning colour."""
    e = html.escape
    parts = []
    for section in sections:
        colour = f' style="color:{tone("bad").name()}"' if section.title == "Drift" else ""
        items = "".join(f"<li{colour}>{e(line)}</li>" for line in section.lines)
        parts.append(f"<h4>{e(section.title)}</h4><ul>{items}</ul>")
    return "".join(parts)


def _waiting(review: ConnectionReviewRecord) -> bool:
    """Marked people not all confirmed removed (the worker may always confirm by hand)."""
    return review.marked_count > 0 and review.awaiting_removal > 0


def _platform_name(platform_id: str) -> str:
    return next((r.name for r in READERS if r.platform_id == platform_id), platform_id)
