"""No unnamed focus stop (issue 31, point 5): Tab through every window, and every control it
reaches has a name a screen reader can say — as the accessibility tree reports it, so a field
named by its buddy label counts and a scroll area with no name does not."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.audit.answers import AnswerStatus
from app.checklists.loader import GENERAL_ID
from app.checklists.self_search import SEARCH_ITEMS, SearchTerms
from app.ui.about_dialog import AboutDialog, AboutInfo
from app.ui.audit_page import CHOSEN
from app.ui.export_import_dialog import ExportImportDialog
from app.ui.history_dialog import HistoryDialog
from app.ui.profile_dialog import ProfileDialog
from app.ui.report_dialog import ReportDialog
from app.ui.self_search_dialog import SelfSearchDialog
from app.ui.stranger_dialog import StrangerDialog
from tests.ui.audit_steps import see_the_summary


def tab_stops(window: QWidget) -> Iterator[QWidget]:
    """The widgets Tab visits in `window`, in order, once round the chain."""
    widget = window.nextInFocusChain()
    while widget is not window:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            yield widget
        widget = widget.nextInFocusChain()


def spoken_name(widget: QWidget) -> str:
    """The name the accessibility tree gives `widget` (what a screen reader says first)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.text(QAccessible.Text.Name).replace("&", "").strip()


def unnamed(window: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}" for w in tab_stops(window) if not spoken_name(w)
    ]


@pytest.fixture
def windows(qtbot, set_up, make_window, jobs) -> Iterator[list[tuple[str, QWidget]]]:
    set_up.write_demo_data()
    general = set_up.catalogue.platform(GENERAL_ID).items
    dialogs: list[tuple[str, QWidget]] = [
        ("history", HistoryDialog(footprint=set_up)),
        ("report", ReportDialog(footprint=set_up, jobs=jobs)),
        ("settings", ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)),
        ("onboarding", ProfileDialog(footprint=set_up, jobs=jobs, first_launch=True)),
        ("stranger", StrangerDialog(footprint=set_up, jobs=jobs)),
        ("export", ExportImportDialog(footprint=set_up, jobs=jobs, open_url=lambda _u: True)),
        ("about", AboutDialog(info=AboutInfo.of(set_up))),
        (
            "search yourself",
            SelfSearchDialog(
                terms=SearchTerms(name="Jo Worker", town="Leeds", organisation="", role=""),
                items=[i for i in general if i.id in SEARCH_ITEMS],
                record=None,
                open_url=lambda _u: True,
            ),
        ),
    ]
    for _name, dialog in dialogs:
        qtbot.addWidget(dialog)
    yield dialogs


def test_every_tab_stop_of_every_dialog_has_a_name(qtbot, windows) -> None:
    walked = 0
    for name, window in windows:
        window.show()
        qtbot.waitExposed(window)
        assert unnamed(window) == [], name
        walked += len(list(tab_stops(window)))
        window.hide()
    assert walked > 40


def test_every_tab_stop_of_the_main_window_has_a_name(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    assert unnamed(window) == [], "overview"
    window.start_or_resume_audit()
    assert unnamed(window) == [], "audit"
    page = window.audit_page
    while page.session and not page.session.is_finished and page.isVisible():
        page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(page)
    assert unnamed(window) == [], "summary"


def words(text: str) -> str:
    """Text as a speech user would say it: no mnemonic, icons, ellipsis or punctuation."""
    # "— chosen" is the checked state, which a screen reader says as "checked"
    text = re.sub(r"<[^>]+>", " ", text).replace("&", "").replace(CHOSEN, "")
    return " ".join(re.sub(r"[^\w\s()']", " ", text.lower()).split())


def name_misses_label(window: QWidget) -> list[str]:
    """Buttons and labelled fields whose accessible name lacks their visible words."""
    misses = []
    for button in window.findChildren(QAbstractButton):
        seen = words(button.text())
        if button.isVisible() and seen and seen not in words(spoken_name(button)):
            misses.append(f"{button.text()!r} is named {spoken_name(button)!r}")
    for label in window.findChildren(QLabel):
        field, seen = label.buddy(), words(label.text())
        if field is None or not label.isVisible() or not seen:
            continue
        named = field.accessibleName() or spoken_name(field)  # a combo box says its value
        if seen not in words(named):
            misses.append(f"{label.text()!r} labels a field named {named!r}")
    return misses


def test_every_name_holds_the_visible_words_in_every_dialog(qtbot, windows) -> None:
    misses = []
    for name, window in windows:
        window.show()
        qtbot.waitExposed(window)
        misses += [f"{name}: {miss}" for miss in name_misses_label(window)]
        window.hide()
    assert misses == []


def test_every_name_holds_the_visible_words_in_the_main_window(qtbot, set_up, make_window):
    window = make_window(set_up)
    assert name_misses_label(window) == [], "overview"
    window.start_or_resume_audit()
    page = window.audit_page
    page.answer_buttons[AnswerStatus.SAFE].click()
    page.back_button.click()  # one answer chosen: its button says so
    assert name_misses_label(window) == [], "audit"
    while page.session and not page.session.is_finished and page.isVisible():
        page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(page)
    assert name_misses_label(window) == [], "summary"
