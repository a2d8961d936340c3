"""The card between two platforms of an audit: how the one just finished stands, and a
clear button on to the next (after the last platform, on to the summary).

Its words come from `app.audit.verdicts` (platform_end_line, platform_end_advice), the same
functions the rest of Footprint uses, so it never says "well done" while a fix is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.audit.answers import AnswerStatus
from app.audit.estimate import minutes_for, say_minutes
from app.audit.scoring import Score
from app.audit.verdicts import platform_end_advice, platform_end_line
from app.checklists.model import Platform
from app.formatting import plural
from app.ui.layouts import STRETCH, plain_label, widget_row
from app.ui.platform_marks import platform_mark
from app.ui.theme import end_card_style, primary_button_style

MAX_NAMED = 5  # the settings to fix named on the card; the summary lists them all
LAST_PLATFORM = (
    "That was the last platform of this audit. The summary shows each platform and what is "
    "left to do."
)


class PlatformEndCard(QWidget):
    """ "Facebook: 10 safe, 2 to fix, 1 not sure — next: Instagram", what that means, and a
    button on (after the last platform, to the summary). Signals `continue_requested` when
    the worker goes on."""

    continue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("platform-end")
        self.mark = QLabel()
        self.headline = plain_label(name="platform-done")
        self.advice = plain_label(name="platform-done-advice")
        self.next_line = plain_label(name="platform-next")
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("continue")
        self.continue_button.setAutoDefault(True)  # Enter goes on, as Space does
        self.continue_button.setMinimumHeight(40)
        self.continue_button.setStyleSheet(primary_button_style())
        self.continue_button.clicked.connect(self.continue_requested)
        column = QVBoxLayout(self)
        top = widget_row(self.mark, self.headline)
        top.setStretch(1, 1)  # the mark keeps its size, the headline takes the width
        column.addLayout(top)
        column.addWidget(self.advice)
        column.addWidget(self.next_line)
        column.addLayout(widget_row(self.continue_button, STRETCH))
        column.addStretch(1)

    def show_end(
        self,
        platform: Platform,
        score: Score,
        following: Platform | None,
        to_fix_names: Sequence[str],
    ) -> None:
        """The end of `platform` (its answers in `score`, the settings still to fix named in
        `to_fix_names`); `following` comes next, None after the audit's last platform."""
        safe, to_fix = score.count(AnswerStatus.SAFE), score.count(AnswerStatus.NEEDS_ACTION)
        unsure, unanswered = score.count(AnswerStatus.UNSURE), score.count(AnswerStatus.NOT_CHECKED)
        next_name = following.name if following is not None else None
        self.headline.setText(
            platform_end_line(platform.name, safe, to_fix, unsure, next_name, unanswered)
        )
        # The end of a platform stands out; green only when nothing is open on it.
        self.headline.setStyleSheet(end_card_style(attention=bool(to_fix or unsure or unanswered)))
        advice = platform_end_advice(platform.name, to_fix, unsure, unanswered)
        named = "".join(f"\n  ✗ {name}" for name in to_fix_names[:MAX_NAMED])
        more = len(to_fix_names) - MAX_NAMED
        self.advice.setText(advice + named + (f"\n  … and {more} more" if more > 0 else ""))
        if following is None:
            self.next_line.setText(LAST_PLATFORM)
            self.continue_button.setText("&See the summary →")
        else:
            self.next_line.setText(
                f"Next: {following.name}, {plural(len(following.items), 'setting')}, "
                f"{say_minutes(minutes_for(following))}."
            )
            self.continue_button.setText(f"&Continue to {following.name} →")
        side = self.headline.fontMetrics().height() * 2
        self.mark.setPixmap(platform_mark(platform.id, platform.name).pixmap(side, side))
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop)

    def text(self) -> str:
        """Everything the card says, as a screen reader is told it."""
        return " ".join(label.text() for label in (self.headline, self.advice, self.next_line))
