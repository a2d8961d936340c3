"""The About box: version, licence, where data is kept, links as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app import __version__
from app.clock import FixedClock
from app.footprint import open_footprint
from app.ui.about_dialog import AboutInfo, show_about
from tests.conftest import START


def test_about_says_version_licence_and_where_data_is_kept(qtbot, data_home) -> None:
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        dialog = show_about(None, footprint)
        qtbot.addWidget(dialog)
        labels = dialog.findChildren(QLabel)
        text = "\n".join(label.text() for label in labels)
        assert f"Footprint {__version__}" in text
        assert "MIT licence" in text
        assert str(data_home.root) in text and str(data_home.log_file) in text
        assert "https://www.sssc.uk.com" in text and "Social Work England" in text
        links = next(label for label in labels if "https://" in label.text())
        assert links.textFormat() == Qt.TextFormat.PlainText
        assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        assert any(not label.pixmap().isNull() for label in labels), "the app icon is shown"
    finally:
        footprint.close()


def test_about_info_is_built_without_widgets(data_home) -> None:
    footprint = open_footprint(data_home, FixedClock(START))
    try:
        info = AboutInfo.of(footprint)
    finally:
        footprint.close()
    assert info.version == __version__ and info.data_folder == data_home.root
    assert len(info.regulator_sites) == 5
