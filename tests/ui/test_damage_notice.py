"""The damaged-database notice found by any process (a cron `footprint due` at night) is
shown in the app until the worker has read it; then it is gone everywhere."""

from __future__ import annotations

import os

from app.clock import FixedClock
from app.footprint import open_footprint
from app.storage.database import prepare_database
from app.ui import application
from tests.conftest import START


def test_the_app_shows_damage_found_by_another_process_until_it_is_read(
    data_home, make_window, monkeypatch
) -> None:
    from app.cli import main

    data_home.ensure()
    data_home.database.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    assert main(["due"]) == 2  # cron found it; nobody has seen it yet
    footprint = open_footprint(data_home, FixedClock(START))
    window = make_window(footprint)
    assert any("could not be read" in n for n in window.dashboard.notices.text().split("\n"))
    shown: list[str] = []
    monkeypatch.setattr(application, "show_damage_notice", lambda text, parent: shown.append(text))
    application.acknowledge_damage(window, footprint)
    assert len(shown) == 1 and "damaged-" in shown[0]
    assert "could not be read" not in window.dashboard.notices.text()
    assert prepare_database(data_home.database, START).notice() is None
    assert main(["due"]) == 0
    footprint.close()


def test_nothing_is_shown_when_there_was_no_damage(data_home, make_window, monkeypatch) -> None:
    footprint = open_footprint(data_home, FixedClock(START))
    window = make_window(footprint)
    shown: list[str] = []
    monkeypatch.setattr(application, "show_damage_notice", lambda text, parent: shown.append(text))
    application.acknowledge_damage(window, footprint)
    assert shown == []
    footprint.close()
