from __future__ import annotations

from PySide6.QtWidgets import QMenu

from app.audit.answers import AnswerStatus
from app.clock import FixedClock
from app.footprint import open_footprint
from app.services.demo import DEMO_PLATFORM_IDS
from app.ui.main_window import MainWindow
from tests.conftest import START
from tests.ui.audit_steps import see_the_summary


def test_the_main_window_lists_the_demo_platforms(qtbot, data_home) -> None:
    footprint = open_footprint(data_home, FixedClock(START))
    footprint.write_demo_data()
    window = MainWindow(footprint=footprint)
    qtbot.addWidget(window)
    window.show()
    model = window.dashboard.table.model()
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert names == [p.name for p in footprint.catalogue.platforms if p.id in DEMO_PLATFORM_IDS]
    drift_column = [model.index(row, 5).data() for row in range(model.rowCount())]
    assert sum("slid back" in text for text in drift_column) == 1
    due_column = [model.index(row, 4).data() for row in range(model.rowCount())]
    assert any(text.startswith("overdue by") for text in due_column)
    assert "Alex Sample" in window.dashboard.heading.text()
    footprint.close()


def test_the_menus_hold_every_action_with_the_usual_keys(qtbot, data_home) -> None:
    from PySide6.QtGui import QKeySequence

    footprint = open_footprint(data_home, FixedClock(START))
    footprint.write_demo_data()
    window = MainWindow(footprint=footprint)
    qtbot.addWidget(window)
    menus = {m.title().replace("&", ""): m for m in window.menuBar().findChildren(QMenu)}
    assert {"File", "Edit", "Audit", "Help"} <= set(menus)
    texts = {a.text().replace("&", ""): a for menu in menus.values() for a in menu.actions()}
    assert "About Footprint" in texts and "Keyboard shortcuts" in texts
    assert "How Footprint keeps your data" in texts
    undo = texts["Undo “I fixed it”"]
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert not undo.isEnabled()
    window.recheck_platform("youtube")
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    see_the_summary(window.audit_page)
    window.summary_page.mark_fixed()
    assert undo.isEnabled()
    before = window.summary_page.actions_list.count()
    undo.trigger()
    assert window.summary_page.actions_list.count() == before + 1 and not undo.isEnabled()
    footprint.close()
