"""One card a setting: at 1366×768 the question, the safe value, the open-settings button and
the four answer buttons are on screen without scrolling, for every shipped item (issue 26,
point 2)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from app.audit.answers import AnswerStatus
from app.audit.profile import WorkerProfile

# A 1366×768 laptop: the taskbar (40) and the title bar (30) leave this for the window.
LAPTOP = (1366, 768 - 40 - 30)


def inside_window(widget: QWidget, window: QWidget) -> bool:
    """Visible, and all of it within the window's client area (nothing scrolled away)."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def test_every_shipped_item_shows_its_card_without_scrolling_at_1366_by_768(
    qtbot, footprint, make_window
) -> None:
    everything = footprint.catalogue.ids
    profile = WorkerProfile(
        display_name="Jo Worker",
        role="Social worker",
        organisation="Example Council",
        regulator="swe",
        platform_ids=everything,
    )
    footprint.store.save_profile(profile, footprint.clock.now())
    window = make_window(footprint)
    window.resize(*LAPTOP)
    window.start_or_resume_audit()
    page = window.audit_page
    session = page.session
    checked = 0
    for platform in session.platforms:
        for item in platform.items:
            session.go_to(platform.id, item.id)
            page.show_current()
            qtbot.waitUntil(lambda: page.question.text() != "")
            shown = {
                "question": page.question,
                "safe value": page.safe_chip,
                "open settings": page.open_button,
                **{status.label: page.answer_buttons[status] for status in AnswerStatus
                   if status in page.answer_buttons},
            }  # fmt: skip
            off = [name for name, widget in shown.items() if not inside_window(widget, window)]
            assert not off, (platform.id, item.id, off)
            assert escape(item.name) in page.question.text() and item.safe in page.safe_chip.text()
            checked += 1
    assert checked == sum(len(p.items) for p in session.platforms) > 60
