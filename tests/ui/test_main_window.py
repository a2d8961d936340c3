from __future__ import annotations

from app.clock import FixedClock
from app.footprint import open_footprint
from app.ui.main_window import MainWindow
from tests.conftest import START


def test_the_main_window_lists_the_demo_platforms(qtbot, data_home) -> None:
    footprint = open_footprint(data_home, FixedClock(START))
    footprint.write_demo_data()
    window = MainWindow(footprint=footprint)
    qtbot.addWidget(window)
    window.show()
    model = window.dashboard.table.model()
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert names == [p.name for p in footprint.catalogue.platforms]
    drift_column = [model.index(row, 5).data() for row in range(model.rowCount())]
    assert sum("slid back" in text for text in drift_column) == 1
    due_column = [model.index(row, 4).data() for row in range(model.rowCount())]
    assert any(text.startswith("overdue by") for text in due_column)
    assert "Alex Sample" in window.dashboard.heading.text()
    footprint.close()
