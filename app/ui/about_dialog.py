"""About Footprint: version, licence, where the worker's data is kept, where to read more.

Links are plain, selectable text: nothing here opens a browser or reaches the network.
Call `show_about(parent, footprint)` from a Help menu.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__
from app.footprint import Footprint
from app.ui.app_icon import app_icon
from app.ui.layouts import plain_label, scroll_area
from app.ui.typography import TextSize, font

LICENCE = "MIT licence. Copyright (c) Footprint contributors. Footprint comes with no warranty."
# The regulators' own sites, by the regulator ids of resources/codes.toml.
REGULATOR_SITES = {
    "sssc": "https://www.sssc.uk.com",
    "swe": "https://www.socialworkengland.org.uk",
    "hcpc": "https://www.hcpc-uk.org",
    "niscc": "https://niscc.info",
    "scw": "https://socialcare.wales",
}


@dataclass(frozen=True)
class AboutInfo:
    """What the About box says, gathered without Qt widgets."""

    version: str
    data_folder: Path
    log_file: Path
    regulator_sites: tuple[tuple[str, str], ...]  # (name, address)
    runtime: str

    @classmethod
    def of(cls, footprint: Footprint) -> AboutInfo:
        """What the About box says for this Footprint: its version, folders and regulators."""
        sites = tuple(
            (regulator.name, REGULATOR_SITES[regulator.id])
            for regulator in footprint.codes.regulators
            if regulator.id in REGULATOR_SITES
        )
        runtime = f"Python {platform.python_version()}, Qt for Python {pyside_version}"
        home = footprint.home
        return cls(__version__, home.root, home.log_file, sites, runtime)

    def data_text(self) -> str:
        """Where the worker's data and the error log are kept, as a paragraph."""
        return (
            "Your answers, profile and history are kept only on this computer, in:\n"
            f"{self.data_folder}\n\nTechnical details of errors go to:\n{self.log_file}"
        )

    def links_text(self) -> str:
        """The regulators' sites, one 'name: address' a line."""
        lines = [f"{name}: {address}" for name, address in self.regulator_sites]
        return "Your regulator's Code of Practice and guidance:\n" + "\n".join(lines)


class AboutDialog(QDialog):
    """A read-only box; every text can be selected and copied."""

    def __init__(self, *, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Footprint")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(460)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        layout.addWidget(icon, alignment=Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(f"Footprint {info.version}")
        title.setFont(font(TextSize.PAGE_TITLE, bold=True))
        layout.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        tagline = "A privacy self-audit for social care and social service workers."
        for text in (tagline, info.data_text(), LICENCE, info.runtime):
            layout.addWidget(plain_label(text, selectable=True))
        links = plain_label(info.links_text(), selectable=True)
        links.setWordWrap(False)  # an address broken over two lines cannot be copied whole
        layout.insertWidget(layout.count() - 2, links)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # The text scrolls and Close stays below it, on the screen at any magnification.
        outer = QVBoxLayout(self)
        outer.addWidget(scroll_area(content, framed=False), 1)
        outer.addWidget(buttons)


def show_about(parent: QWidget | None, footprint: Footprint) -> AboutDialog:
    """Open the About box (non-modal) and return it; it deletes itself when closed."""
    dialog = AboutDialog(info=AboutInfo.of(footprint), parent=parent)
    dialog.show()
    return dialog
