"""Accessibility the worker can rely on: keyboard, screen reader, contrast, small screens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from app.audit.answers import AnswerStatus
from app.ui import theme
from app.ui.history_dialog import HistoryDialog
from app.ui.profile_dialog import ProfileDialog
from app.ui.report_dialog import ReportDialog
from app.ui.safe_share_chart import DARK_LINES, LIGHT_LINES
from tests.ui.audit_steps import see_the_summary

SMALL_SCREEN = (960, 540)  # 1920 × 1080 at 200 %
CSS = Path(__file__).resolve().parents[2] / "resources" / "report" / "report.css"


def palette_of(window: str, base: str, highlight: str) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {role.Window: window, role.Base: base, role.Highlight: highlight,
               role.HighlightedText: "#ffffff"}  # fmt: skip
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    return palette


def light_palette() -> QPalette:
    return palette_of("#efefef", "#ffffff", "#308cc6")  # Fusion's own light colours


def dark_palette() -> QPalette:
    return palette_of("#2b2b2b", "#1e1e1e", "#2a82da")


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_every_colour_pair_of_the_app_is_readable(palette: QPalette) -> None:
    dark = theme.is_dark(palette)
    for background in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        behind = palette.color(background)
        for name in ("bad", "warn", "good"):
            assert theme.contrast(QColor(theme.tones(dark)[name]), behind) >= 4.5, name
        assert theme.contrast(QColor(theme.tones(dark)["focus"]), behind) >= 3.0
        for line in DARK_LINES if dark else LIGHT_LINES:
            assert theme.contrast(QColor(line), behind) >= 3.0, line
    fixed = theme.accessible_palette(palette)
    selected = fixed.color(QPalette.ColorRole.Highlight)
    assert theme.contrast(selected, fixed.color(QPalette.ColorRole.HighlightedText)) >= 4.5
    assert theme.contrast(QColor("#308cc6"), QColor("#ffffff")) < 4.5  # what it replaced


def test_the_report_colours_are_readable_on_white_paper() -> None:
    css = CSS.read_text(encoding="utf-8")
    colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", css))  # text, not fills
    assert colours
    for colour in colours:
        assert theme.contrast(QColor(colour), QColor("#ffffff")) >= 4.5, colour


def views_of(widget: QWidget) -> list[QAbstractItemView]:
    return widget.findChildren(QAbstractItemView)


def test_tab_leaves_every_table_and_list(qtbot, set_up, make_window, jobs) -> None:
    set_up.write_demo_data()
    window = make_window(set_up)
    windows: list[QWidget] = [
        window,
        HistoryDialog(footprint=set_up),
        ReportDialog(footprint=set_up, jobs=jobs),
        ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False),
    ]
    for widget in windows[1:]:
        qtbot.addWidget(widget)
    views = [view for widget in windows for view in views_of(widget)]
    assert len(views) > 8
    trapped = [v.accessibleName() or v.objectName() for v in views if v.tabKeyNavigation()]
    assert trapped == []


def test_tab_moves_out_of_the_summary_table(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)
    table = window.summary_page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


@pytest.mark.parametrize("page", ["dashboard", "audit", "summary"])
def test_the_main_window_fits_a_960_by_540_screen(qtbot, set_up, make_window, page) -> None:
    window = make_window(set_up)
    if page != "dashboard":
        window.start_or_resume_audit()
    if page == "summary":
        while window.audit_page.session and not window.audit_page.session.is_finished:
            window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
        see_the_summary(window.audit_page)
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALL_SCREEN[0] and hint.height() <= SMALL_SCREEN[1], hint


def test_the_dialogs_fit_a_960_by_540_screen(qtbot, set_up, jobs) -> None:
    set_up.write_demo_data()
    for dialog in (
        HistoryDialog(footprint=set_up),
        ReportDialog(footprint=set_up, jobs=jobs),
        ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False),
        ProfileDialog(footprint=set_up, jobs=jobs, first_launch=True),
    ):
        qtbot.addWidget(dialog)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= SMALL_SCREEN[0] and hint.height() <= SMALL_SCREEN[1], (
            type(dialog).__name__,
            hint,
        )


def test_every_focused_control_gets_a_visible_ring() -> None:
    sheet = theme.focus_style_sheet(light_palette())
    assert "QPushButton:focus" in sheet and "QAbstractItemView:focus" in sheet
    assert theme.tones(False)["focus"] in sheet


def test_tab_follows_the_buttons_of_settings_in_the_order_they_are_shown(
    qtbot, set_up, jobs
) -> None:
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = sorted(dialog._buttons.buttons(), key=lambda button: button.x())
    for first, second in zip(buttons, buttons[1:], strict=False):
        assert first.nextInFocusChain() is second or _next_focusable(first) is second


def _next_focusable(widget: QWidget) -> QWidget:
    candidate = widget.nextInFocusChain()
    while not candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
        candidate = candidate.nextInFocusChain()
    return candidate


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_placeholder_text_is_readable(palette: QPalette) -> None:
    role = QPalette.ColorRole
    palette.setColor(role.PlaceholderText, QColor("#8a8a8a" if not theme.is_dark(palette)
                                                   else "#6a6a6a"))  # fmt: skip
    assert theme.contrast(palette.color(role.PlaceholderText), palette.color(role.Base)) < 4.5
    fixed = theme.accessible_palette(palette)
    assert theme.contrast(fixed.color(role.PlaceholderText), fixed.color(role.Base)) >= 4.5
