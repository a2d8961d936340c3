"""Help menu windows: the keyboard shortcuts, and how Footprint keeps the worker's data."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.footprint import Footprint
from app.ui.screen import fit_to_screen

# (where, keys, what happens), in the order a worker meets them.
SHORTCUTS = (
    ("Everywhere", "Ctrl+N", "Start or resume an audit"),
    ("Everywhere", "Ctrl+P", "Make a report for supervision"),
    ("Everywhere", "Ctrl+H", "History"),
    ("Everywhere", "Ctrl+,", "Settings"),
    ("Everywhere", "Ctrl+Q", "Quit"),
    ("Everywhere", "F1", "This list of keys"),
    ("Audit", "Alt+S", "Answer: Safe"),
    ("Audit", "Alt+N", "Answer: Needs action"),
    ("Audit", "Alt+P", "Answer: Not applicable"),
    ("Audit", "Alt+U", "Answer: Not sure"),
    ("Audit", "Alt+B / Alt+X", "Back / Next, without answering"),
    ("Audit", "Alt+O", "Open the settings page in your browser"),
    ("Audit", "Alt+Y", "Search yourself (beside the two search items of General checks)"),
    ("Audit", "Alt+L", "Type a note for the setting"),
    ("Audit", "Alt+K", "Skip this platform for now"),
    ("Audit", "Alt+V", "Pause and go to the overview"),
    ("Audit", "Alt+I", "Finish and see the summary (what you did not answer reads Not checked)"),
    ("Audit", "Alt+D", "Discard this audit and its answers (after asking)"),
    ("Overview", "Alt+I", "I fixed it, for the selected line of the to-do list"),
    ("Overview", "Double-click", "A platform's history"),
    ("Summary", "Alt+I", "I fixed it: mark as safe"),
    ("Summary", "Ctrl+Z", "Undo “I fixed it”"),
    ("Summary", "Alt+D", "Done: back to the overview"),
    ("Tables and lists", "Arrow keys", "Move between rows; Tab moves on to the next control"),
)


def show_shortcuts(parent: QWidget | None) -> None:
    """The keys for every action, in a table a screen reader reads row by row."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts — Footprint")
    table = QTableWidget(len(SHORTCUTS), 3)
    table.setHorizontalHeaderLabels(("Where", "Keys", "What it does"))
    table.setAccessibleName("Keyboard shortcuts")
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    for row, cells in enumerate(SHORTCUTS):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    _show(dialog, table)


def show_data_help(parent: QWidget | None, footprint: Footprint) -> None:
    """Where the worker's data is kept and what is in it."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("How Footprint keeps your data")
    text = QLabel(
        "Everything stays on this computer, in one folder only you can read:\n"
        f"{footprint.home.root}\n\n"
        "• footprint.db holds your profile, your audits and answers. No passwords, no names "
        "of friends or followers, no copies of web pages.\n"
        "• Before the database is upgraded, a copy is saved beside it. A database that cannot "
        "be read is kept under another name, never overwritten.\n"
        "• footprint.log holds technical details of errors; policy/ holds employer packs; "
        "browser-profiles/ keeps your sign-in for automatic reading.\n"
        "• Saved sign-in details are only in your system's keyring.\n"
        "• The watch (off unless you tick it in Settings) keeps when it last and "
        "will next look at each public profile, signed out, and what became visible: topics "
        "and dates, never the pages. It runs while Footprint is open and when “footprint watch "
        "--once” runs (by hand or from your computer's task scheduler), and never signs in.\n"
        "• Signed-in re-reads (off unless you tick a platform in Settings) re-read that "
        "platform's settings only when Footprint's browser is already signed in to it, and "
        "keep each setting's status (safe, needs action, not sure), never its text. They never "
        "type a password or open a sign-in form; a platform that has signed you out is "
        "recorded as “signed out — re-check by hand”.\n"
        "• Reports you save as PDF hold your name, role and answers, and your notes only if "
        "you tick “Include my notes”.\n"
        "• Footprint makes no network connections of its own.\n\n"
        "Settings → Delete all my data removes all of it."
    )
    text.setTextFormat(Qt.TextFormat.PlainText)
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    _show(dialog, text)


def _show(dialog: QDialog, content: QWidget) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content, 1)
    layout.addWidget(buttons)
    fit_to_screen(dialog, QSize(620, 480))  # Close stays on a small or magnified screen
    dialog.exec()
    dialog.deleteLater()
