from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.audit.profile import WorkerProfile
from app.clock import FixedClock
from app.footprint import Footprint, open_footprint
from app.ui.application import configure_qt_settings
from app.ui.main_window import MainWindow
from app.ui.theme import focus_style_sheet
from tests.conftest import START, WAIT_MS

PROFILE = WorkerProfile(
    display_name="Jo Worker",
    role="Care assistant",
    organisation="Example Care",
    regulator="sssc",
    platform_ids=("facebook", "instagram"),
)


@pytest.fixture
def footprint(data_home) -> Iterator[Footprint]:
    opened = open_footprint(data_home, FixedClock(START))
    configure_qt_settings(opened)
    yield opened
    opened.close()


@pytest.fixture
def set_up(footprint) -> Footprint:
    footprint.store.save_profile(PROFILE, START)
    return footprint


@pytest.fixture
def opened_urls() -> list[str]:
    return []


@pytest.fixture
def make_window(qtbot, opened_urls):
    def make(footprint: Footprint) -> MainWindow:
        window = MainWindow(footprint=footprint, open_url=opened_urls.append)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
        return window

    return make


@pytest.fixture
def app_style_sheet(qapp: QApplication) -> Iterator[None]:
    """The application's own style sheet, as the app runs: it re-polishes every control."""
    qapp.setStyleSheet(focus_style_sheet(qapp.palette()))
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def every_platform(footprint) -> Footprint:
    """A Social Work England worker who uses every shipped platform (the longest pages)."""
    profile = WorkerProfile(
        display_name="Jo Worker", role="Social worker", organisation="Example Council",
        regulator="swe", platform_ids=footprint.catalogue.ids,
    )  # fmt: skip
    footprint.store.save_profile(profile, footprint.clock.now())
    return footprint
