"""Settings section for employer policy packs: list, import, remove — applied on Save.

Nothing is installed or removed until the worker saves Settings; Cancel leaves the packs as
they were. Text from a pack (its title, organisation, problems) is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.checklists.file_errors import ChecklistError
from app.checklists.model import Catalogue
from app.checklists.policy import PolicyPack, apply_pack
from app.footprint import Footprint
from app.ui.startup_dialogs import plain_message_box


class PolicyPacksBox(QGroupBox):
    """Signals:
    changed: the packs chosen changed (not yet saved); `preview_catalogue()` shows their effect.
    """

    changed = Signal()

    def __init__(self, *, footprint: Footprint, parent: QWidget | None = None) -> None:
        super().__init__("Employer policy packs", parent)
        self._footprint = footprint
        self._kept: list[PolicyPack] = list(footprint.policy_packs)
        self._added: list[tuple[Path, PolicyPack]] = []
        self.packs = QListWidget()
        self.packs.setAccessibleName("Employer policy packs")
        self.packs.setMaximumHeight(self.packs.fontMetrics().lineSpacing() * 5)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.import_button = QPushButton("&Import a policy pack…")
        self.import_button.clicked.connect(self._choose_and_import)
        self.remove_button = QPushButton("Re&move selected pack")
        self.remove_button.clicked.connect(self._remove_selected)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            "Your employer may give you a file with extra checks or shorter re-check intervals. "
            "Changes here take effect when you save Settings."
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(self.packs)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._refresh()

    def _refresh(self) -> None:
        self.packs.clear()
        for pack in self._kept:
            self.packs.addItem(f"{pack.path.name} — {pack.summary()}")
        for path, pack in self._added:
            self.packs.addItem(f"{path.name} — {pack.summary()} (added when you save)")
        self.remove_button.setEnabled(self.packs.count() > 0)
        pack_errors = [
            e.describe() for e in self._footprint.catalogue_errors
            if e.path.parent == self._footprint.home.policy_dir
        ]  # fmt: skip
        self.error_label.setText("\n".join(pack_errors))

    def preview_catalogue(self) -> Catalogue:
        """The catalogue as it will be once Settings is saved."""
        catalogue = self._footprint.shipped
        for pack in (*self._kept, *(pack for _, pack in self._added)):
            catalogue = apply_pack(catalogue, pack)
        return catalogue

    def _choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a policy pack", str(Path.home()), "Policy packs (*.toml)"
        )
        if path:
            self.import_pack(Path(path))

    def import_pack(self, path: Path) -> bool:
        """Check a pack completely; it is installed when Settings is saved."""
        try:
            pack = self._footprint.check_policy_pack(path)
        except ChecklistError as error:
            self._tell(
                QMessageBox.Icon.Warning, "Policy pack not imported",
                f"The file has problems, so nothing was imported:\n\n{error.describe()}",
            )  # fmt: skip
            return False
        except OSError as error:
            self._tell(QMessageBox.Icon.Warning, "Policy pack not imported",
                       f"{path}: {error.strerror}")  # fmt: skip
            return False
        self._added.append((path, pack))
        self._refresh()
        self.changed.emit()
        return True

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A message quoting the pack's problems or its path as plain text, never HTML."""
        box = plain_message_box(icon, title, text, self)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    def _remove_selected(self) -> None:
        row = self.packs.currentRow()
        if 0 <= row < len(self._kept):
            del self._kept[row]
        elif 0 <= row - len(self._kept) < len(self._added):
            del self._added[row - len(self._kept)]
        else:
            return
        self._refresh()
        self.changed.emit()

    def apply(self) -> list[PolicyPack]:
        """Install the packs added and remove the ones removed (on Save); the packs added."""
        kept = {pack.path.name for pack in self._kept}
        for pack in self._footprint.policy_packs:
            if pack.path.name not in kept:
                self._footprint.remove_policy_pack(pack.path.name)
        installed = [self._footprint.install_policy_pack(path) for path, _ in self._added]
        self._added.clear()
        self._kept = list(self._footprint.policy_packs)
        return installed
