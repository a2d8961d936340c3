"""200 % on a 1366×768 laptop (issue 31, point 8): every button of every window lies on the
screen, or inside a scroll area that does, so the keyboard and the mouse can reach it.

At QT_SCALE_FACTOR=2 every size doubles, text included, so the screen is the same as a
683 × 349 logical one (the taskbar's 40 and the title bar's 30 pixels taken off) at 100 %:
the windows are laid out in that space here, in the test's own process.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget

from app.audit.answers import AnswerStatus
from app.ui.layouts import TARGET_SIZE
from app.ui.profile_dialog import ProfileDialog
from tests.ui.audit_steps import see_the_summary
from tests.ui.test_focus_names import windows  # noqa: F401  (the same dialogs)

MAGNIFIED = QRect(0, 0, 1366 // 2, (768 - 40 - 30) // 2)


def on_screen(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return MAGNIFIED.contains(QRect(top_left, widget.size()))


def scrolls_into_view(widget: QWidget, window: QWidget) -> bool:
    """Inside a scroll area whose visible part is on the screen."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return on_screen(parent.viewport(), window)
        parent = parent.parentWidget()
    return False


def out_of_reach(window: QWidget) -> list[str]:
    window.resize(MAGNIFIED.size())
    window.layout().activate() if window.layout() else None
    return [
        button.text() or button.objectName()
        for button in window.findChildren(QAbstractButton)
        if button.isVisible()
        and not on_screen(button, window)
        and not scrolls_into_view(button, window)
    ]


def test_every_dialog_s_buttons_are_reachable_at_200_percent(qtbot, windows) -> None:  # noqa: F811
    missed = []
    for name, window in windows:
        window.show()
        qtbot.waitExposed(window)
        missed += [f"{name}: {text}" for text in out_of_reach(window)]
        window.hide()
    assert missed == [], "\n".join(missed)


def test_the_main_window_s_buttons_are_reachable_at_200_percent(qtbot, set_up, make_window):
    window = make_window(set_up)
    missed = [f"overview: {text}" for text in out_of_reach(window)]
    window.start_or_resume_audit()
    missed += [f"audit: {text}" for text in out_of_reach(window)]
    page = window.audit_page
    while page.session and not page.session.is_finished and page.isVisible():
        page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(page)
    missed += [f"summary: {text}" for text in out_of_reach(window)]
    assert missed == [], "\n".join(missed)


def test_list_rows_and_tick_boxes_are_24_px_targets(qtbot, set_up, make_window, jobs) -> None:
    """WCAG 2.2, 2.5.8: the platform tick list, the audit's list of settings, the summary's
    actions and its table have rows of 24 px or more (tick boxes 24 px apart)."""
    form = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(form)
    form.show()
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    views = [form.form.platforms, page.item_list]
    while page.session and not page.session.is_finished and page.isVisible():
        page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    see_the_summary(page)
    views += [window.summary_page.actions_list, window.summary_page.table]
    for view in views:
        rows = view.model().rowCount()
        assert rows > 0
        heights = [view.visualRect(view.model().index(r, 0)).height() for r in range(rows)]
        assert min(heights) >= TARGET_SIZE, (view.accessibleName(), heights)
        tops = [view.visualRect(view.model().index(r, 0)).top() for r in range(rows)]
        assert all(b - a >= TARGET_SIZE for a, b in zip(tops, tops[1:], strict=False))
