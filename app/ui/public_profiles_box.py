"""Settings: "Your public profiles", the addresses "See what a stranger sees" looks at.

One field per platform that has a public profile page (the worker's platforms first). The
addresses are checked and put in their public form by `Footprint.save_public_addresses`; a
problem is shown beside its field, as the profile form does, and becomes the field's
accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.footprint.look_values import AddressField
from app.ui.theme import tone

INTRO = (
    "Optional. The address of your own profile on each platform, or just your name there. "
    "“See what a stranger sees” opens these in a signed-out browser and tells you what "
    "anyone can see; only these addresses and Footprint's findings are kept."
)
# Alt+letters the rest of Settings already uses (profile form, its buttons, Save, Cancel).
TAKEN_IN_SETTINGS = frozenset("nloscerpkigdm")


class PublicProfilesBox(QGroupBox):
    """The address fields; `typed()` for saving, `show_problems()` after a refused save."""

    def __init__(self, *, fields: list[AddressField], parent: QWidget | None = None) -> None:
        super().__init__("Your public profiles", parent)
        self.setObjectName("public-profiles")
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._names = {f.platform_id: f.platform_name for f in fields}
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        layout.addRow(intro)
        mnemonics = _mnemonics([f.platform_name for f in fields])
        for field in fields:
            edit = QLineEdit(field.address)
            # "e.g.": an example is never mistaken for an address already saved.
            edit.setPlaceholderText(f"e.g. {field.placeholder}")
            edit.setAccessibleName(f"Your public profile address on {field.platform_name}")
            edit.setMaxLength(400)
            label = QLabel(f"{mnemonics[field.platform_name]}:")
            label.setBuddy(edit)
            error = _error_label(field.platform_id)
            self.edits[field.platform_id] = edit
            self.errors[field.platform_id] = error
            layout.addRow(label, edit)
            layout.addRow("", error)

    def typed(self) -> dict[str, str]:
        """What the worker typed, by platform (empty fields included: they clear)."""
        return {pid: edit.text() for pid, edit in self.edits.items()}

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show each problem beside its field, clear the others, focus the first."""
        for platform_id, label in self.errors.items():
            message = problems.get(platform_id, "")
            label.setText(message)
            label.setVisible(bool(message))
            self.edits[platform_id].setAccessibleDescription(message)
        first = next((pid for pid in self.edits if pid in problems), None)
        if first is not None:
            self.edits[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def problems(self) -> dict[str, str]:
        """The problems shown now, by platform."""
        return {pid: label.text() for pid, label in self.errors.items() if label.text()}


def _mnemonics(names: list[str]) -> dict[str, str]:
    """Each name with an Alt+letter: the first letter of it not used elsewhere in Settings
    nor by an earlier name; where none is left, its first letter (Qt then moves between the
    fields that share it, one press at a time)."""
    used = set(TAKEN_IN_SETTINGS)
    marked = {}
    for name in names:
        at = next((i for i, c in enumerate(name) if c.isalpha() and c.lower() not in used), None)
        at = at if at is not None else next((i for i, c in enumerate(name) if c.isalpha()), 0)
        used.add(name[at : at + 1].lower())
        marked[name] = f"{name[:at]}&{name[at:]}"
    return marked


def _error_label(platform_id: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"error-address-{platform_id}")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what the worker typed
    label.setStyleSheet(f"color: {tone('bad').name()};")
    label.hide()
    return label
