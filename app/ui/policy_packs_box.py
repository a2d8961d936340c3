"""Settings section for employer policy packs: list, import, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
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

from app.checklists.errors import ChecklistError
from app.footprint import Footprint


class PolicyPacksBox(QGroupBox):
    """Signals:
    changed: a pack was added or removed (the catalogue has been reloaded).
    """

    changed = Signal()

    def __init__(self, *, footprint: Footprint, parent: QWidget | None = None) -> None:
        super().__init__("Employer policy packs", parent)
        self._footprint = footprint
        self.packs = QListWidget()
        self.packs.setAccessibleName("Installed employer policy packs")
        self.packs.setMaximumHeight(self.packs.fontMetrics().lineSpacing() * 5)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.import_button = QPushButton("&Import a policy pack…")
        self.import_button.clicked.connect(self._choose_and_import)
        self.remove_button = QPushButton("Re&move selected pack")
        self.remove_button.clicked.connect(self._remove_selected)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            "Your employer may give you a file with extra checks or shorter re-check intervals."
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
        for pack in self._footprint.policy_packs:
            self.packs.addItem(f"{pack.path.name} — {pack.summary()}")
        self.remove_button.setEnabled(bool(self._footprint.policy_packs))
        pack_errors = [
            e.describe() for e in self._footprint.catalogue_errors
            if e.path.parent == self._footprint.home.policy_dir
        ]  # fmt: skip
        self.error_label.setText("\n".join(pack_errors))

    def _choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a policy pack", str(Path.home()), "Policy packs (*.toml)"
        )
        if path:
            self.import_pack(Path(path))

    def import_pack(self, path: Path) -> bool:
        try:
            pack = self._footprint.install_policy_pack(path)
        except ChecklistError as error:
            QMessageBox.warning(
                self, "Policy pack not imported",
                f"The file has problems, so nothing was imported:\n\n{error.describe()}",
            )  # fmt: skip
            return False
        except OSError as error:
            QMessageBox.warning(self, "Policy pack not imported", f"{path}: {error.strerror}")
            return False
        self._after_change()
        QMessageBox.information(self, "Policy pack imported", pack.summary())
        return True

    def _remove_selected(self) -> None:
        row = self.packs.currentRow()
        packs = self._footprint.policy_packs
        if not 0 <= row < len(packs):
            return
        self._footprint.remove_policy_pack(packs[row].path.name)
        self._after_change()

    def _after_change(self) -> None:
        self._refresh()
        self.changed.emit()
