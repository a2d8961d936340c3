"""The Search yourself window: its searches open in the browser, and what was found is saved.

No test opens a real browser or reaches the internet: the opener is a list that collects the
addresses it was asked to open.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.audit.answers import AnswerStatus
from app.checklists.loader import GENERAL_ID
from app.checklists.self_search import SEARCH_ITEMS, SearchTerms, prepare_searches
from app.footprint import Footprint
from app.ui import preferences
from app.ui.self_search_dialog import NO_AUDIT, SelfSearchDialog
from tests.conftest import START, WAIT_MS
from tests.ui.conftest import PROFILE

TERMS = SearchTerms(name="Siân Jones", town="Cardiff", organisation="Cwm Care", role="Carer")
SMALL_SCREEN = (960, 540)


def general_items(footprint: Footprint):  # noqa: ANN201
    return [i for i in footprint.catalogue.platform(GENERAL_ID).items if i.id in SEARCH_ITEMS]


@pytest.fixture
def make_dialog(qtbot, footprint, opened_urls):
    """A dialog whose opener only collects addresses; QSettings go to the test's data home."""

    def make(terms: SearchTerms = TERMS, record=None, opener=None) -> SelfSearchDialog:  # noqa: ANN001
        dialog = SelfSearchDialog(
            terms=terms,
            items=general_items(footprint),
            record=record,
            open_url=opener or opened_urls.append,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def listed(dialog: SelfSearchDialog) -> list[str]:
    return [dialog.search_list.item(r).text() for r in range(dialog.search_list.count())]


def test_the_window_lists_every_prepared_search(make_dialog) -> None:
    dialog = make_dialog()

    assert listed(dialog) == [s.label for s in prepare_searches(TERMS).searches]
    assert 'Google web search: "Siân Jones" Cardiff' in listed(dialog)
    assert "LinkedIn search: Siân Jones" in listed(dialog)
    assert not dialog.missing_label.isVisible()


def test_enter_on_a_search_opens_exactly_its_address(qtbot, make_dialog, opened_urls) -> None:
    dialog = make_dialog()
    row = listed(dialog).index('Bing web search: "Siân Jones" Cardiff')
    dialog.search_list.setCurrentRow(row)
    dialog.search_list.setFocus()

    qtbot.keyClick(dialog.search_list, Qt.Key.Key_Return)

    assert opened_urls == ["https://www.bing.com/search?q=%22Si%C3%A2n%20Jones%22%20Cardiff"]
    assert "Bing web search" in dialog.link_status.text()


def test_the_open_button_opens_the_selected_search(qtbot, make_dialog, opened_urls) -> None:
    dialog = make_dialog()
    dialog.search_list.setCurrentRow(listed(dialog).index("X search: Siân Jones"))

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    assert opened_urls == ["https://x.com/search?q=Si%C3%A2n%20Jones&f=user"]


def test_no_browser_leaves_the_address_to_copy(make_dialog) -> None:
    dialog = make_dialog(opener=lambda _url: False)
    dialog.search_list.setCurrentRow(0)
    dialog.open_selected()

    first = prepare_searches(TERMS).searches[0]
    assert "No browser opened" in dialog.link_status.text()
    assert first.url in dialog.link_status.text()


def test_a_missing_town_is_named_and_typing_one_adds_its_searches(qtbot, make_dialog) -> None:
    dialog = make_dialog(terms=replace(TERMS, town=""))
    assert dialog.missing_label.isVisible()
    assert "your town" in dialog.missing_label.text()
    assert not any("Llandaff" in text for text in listed(dialog))

    dialog.town_field.setFocus()
    qtbot.keyClicks(dialog.town_field, "Llandaff")

    qtbot.waitUntil(lambda: 'Google web search: "Siân Jones" Llandaff' in listed(dialog),
                    timeout=WAIT_MS)  # fmt: skip
    assert not dialog.missing_label.isVisible()


def test_the_town_is_remembered_until_the_field_is_cleared(qtbot, make_dialog) -> None:
    first = make_dialog(terms=replace(TERMS, town=""))
    qtbot.keyClicks(first.town_field, "Bangor")
    assert preferences.SEARCH_TOWN.get() == "Bangor"

    second = make_dialog(terms=replace(TERMS, town=""))
    assert second.town_field.text() == "Bangor"

    second.town_field.selectAll()
    qtbot.keyClick(second.town_field, Qt.Key.Key_Delete)
    assert preferences.SEARCH_TOWN.get() == ""


def test_without_a_name_nothing_can_be_opened(make_dialog, opened_urls) -> None:
    dialog = make_dialog(terms=SearchTerms(name=""))

    assert dialog.search_list.count() == 0
    assert not dialog.open_button.isEnabled()
    assert dialog.missing_label.text() == "Enter your name to prepare the searches."
    dialog.open_selected()
    assert opened_urls == []


def test_the_guidance_comes_from_the_general_checklist(footprint, make_dialog) -> None:
    dialog = make_dialog()
    text = dialog.guidance.toPlainText()

    for item in general_items(footprint):
        assert item.why in text
        assert item.safe in text


def test_tab_goes_through_the_details_then_the_searches(qtbot, make_dialog) -> None:
    dialog = make_dialog()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    dialog.name_field.setFocus()
    expected = [dialog.town_field, dialog.organisation_field, dialog.role_field,
                dialog.search_list, dialog.open_button, dialog.guidance]  # fmt: skip

    reached: list[QWidget | None] = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())

    assert reached == expected


def test_every_control_has_a_name_a_screen_reader_can_read(make_dialog) -> None:
    dialog = make_dialog(record=lambda *_args: None)
    fields = (dialog.name_field, dialog.town_field, dialog.organisation_field, dialog.role_field)
    for control in (*fields, dialog.search_list, dialog.guidance, *dialog.notes.values(),
                    *dialog.record_buttons.values()):  # fmt: skip
        assert control.accessibleName(), control.objectName()


def test_the_window_fits_a_960_by_540_screen(make_dialog) -> None:
    dialog = make_dialog(record=lambda *_args: None)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= SMALL_SCREEN[0] and hint.height() <= SMALL_SCREEN[1], hint


def test_recording_calls_the_recorder_with_the_choice_and_note(qtbot, make_dialog) -> None:
    calls: list[tuple[str, AnswerStatus, str | None]] = []
    dialog = make_dialog(record=lambda *args: calls.append(args))

    dialog.record("search-yourself-images")
    assert calls == []
    assert "Choose" in dialog.recorded_labels["search-yourself-images"].text()

    dialog.findChild(QWidget, "search-yourself-images-needs_action").click()
    qtbot.keyClicks(dialog.notes["search-yourself-images"], "  photo in uniform on Bing  ")
    with qtbot.waitSignal(dialog.answer_recorded, timeout=WAIT_MS) as signal:
        qtbot.mouseClick(dialog.record_buttons["search-yourself-images"],
                         Qt.MouseButton.LeftButton)  # fmt: skip

    assert signal.args == ["search-yourself-images"]
    note = "photo in uniform on Bing"  # trimmed of the spaces typed around it
    assert calls == [("search-yourself-images", AnswerStatus.NEEDS_ACTION, note)]
    assert dialog.recorded_labels["search-yourself-images"].text() == "Recorded: Needs action."


def test_without_an_audit_the_answers_cannot_be_recorded_and_it_says_why(make_dialog) -> None:
    dialog = make_dialog(record=None)

    assert all(not button.isEnabled() for button in dialog.record_buttons.values())
    labels = [w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text")]
    assert NO_AUDIT in labels


# -- through the main window: the audit page's button, and the answer saved in SQLite ----------


@pytest.fixture
def general_audit(footprint) -> Footprint:
    footprint.store.save_profile(replace(PROFILE, platform_ids=("general",)), START)
    return footprint


def test_the_button_shows_only_beside_the_search_items(general_audit, make_window) -> None:
    window = make_window(general_audit)
    window.start_or_resume_audit()
    page = window.audit_page
    session = page.session
    assert session is not None

    shown = {}
    for item in general_audit.catalogue.platform(GENERAL_ID).items:
        session.go_to(GENERAL_ID, item.id)
        page.show_current()
        shown[item.id] = page.search_button.isVisible()

    assert {item_id for item_id, visible in shown.items() if visible} == set(SEARCH_ITEMS)


def test_an_answer_recorded_in_the_window_is_saved_as_the_items_answer(
    qtbot, general_audit, make_window, monkeypatch, opened_urls
) -> None:
    window = make_window(general_audit)
    window.start_or_resume_audit()
    page = window.audit_page
    assert page.session is not None
    page.session.go_to(GENERAL_ID, "search-yourself-web")
    page.show_current()

    def use_the_window(dialog: QDialog) -> int:
        assert isinstance(dialog, SelfSearchDialog)
        assert dialog.name_field.text() == PROFILE.display_name
        dialog.search_list.setCurrentRow(0)
        dialog.open_selected()
        dialog.findChild(QWidget, "search-yourself-web-needs_action").click()
        dialog.notes["search-yourself-web"].setText("phone number on a directory site")
        dialog.record_buttons["search-yourself-web"].click()
        return 0

    monkeypatch.setattr(window, "_exec", use_the_window)
    with qtbot.waitSignal(page.self_search_requested, timeout=WAIT_MS) as signal:
        qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)

    assert signal.args == ["search-yourself-web"]
    # The profile's name and employer; no town was typed, so the first search is this one.
    assert opened_urls == ["https://www.google.com/search?q=%22Jo%20Worker%22%20Example%20Care"]
    run = general_audit.dashboard().open_run  # read back from the database
    assert run is not None
    saved = run.answers[(GENERAL_ID, "search-yourself-web")]
    assert saved.status is AnswerStatus.NEEDS_ACTION
    assert saved.note == "phone number on a directory site"
    assert page.session.answer_for(GENERAL_ID, "search-yourself-web") == saved


def test_the_audit_menu_opens_the_searches_without_recording_when_no_audit_is_open(
    general_audit, make_window, monkeypatch, opened_urls
) -> None:
    window = make_window(general_audit)
    assert window.audit_page.session is None
    seen: list[SelfSearchDialog] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, SelfSearchDialog)
        seen.append(dialog)
        dialog.search_list.setCurrentRow(dialog.search_list.count() - 1)
        dialog.open_selected()
        return 0

    monkeypatch.setattr(window, "_exec", look)
    (action,) = [a for a in window.menuBar().actions() if a.text() == "&Audit"]
    (entry,) = [a for a in action.menu().actions() if a.text() == "Search &yourself…"]
    entry.trigger()

    (dialog,) = seen
    assert all(not button.isEnabled() for button in dialog.record_buttons.values())
    assert opened_urls == ["https://www.instagram.com/explore/search/keyword/?q=Jo%20Worker"]
    assert general_audit.dashboard().open_run is None  # nothing was started or recorded


def test_a_finished_audit_is_not_rewritten_from_the_window(
    general_audit, make_window, monkeypatch
) -> None:
    window = make_window(general_audit)
    window.start_or_resume_audit()
    session = window.audit_page.session
    assert session is not None
    session.finish_now()
    seen: list[SelfSearchDialog] = []
    monkeypatch.setattr(window, "_exec", lambda dialog: seen.append(dialog) or 0)

    window.open_self_search("search-yourself-web")

    (dialog,) = seen
    assert all(not button.isEnabled() for button in dialog.record_buttons.values())
