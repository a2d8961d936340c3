"""No stale states in the accessibility tree (issue 31): a hidden page of the main window claims
no focused cell (Orca once read the hidden overview table while the audit page showed), and the
item text's viewport does not report FOCUSED beside the item text itself."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QWidget


def focused_objects(root: QWidget) -> list[QAccessibleInterface]:
    """Every accessible object under `root` whose state says focused."""
    found = []

    def walk(interface: QAccessibleInterface | None, depth: int) -> None:
        if interface is None or not interface.isValid() or depth > 40:
            return
        if interface.state().focused:
            found.append(interface)
        for n in range(interface.childCount()):
            walk(interface.child(n), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    return found


def widget_of(interface: QAccessibleInterface) -> QWidget:
    """The widget an object is, or for a cell of a table or list, its view."""
    while not isinstance(interface.object(), QWidget):
        interface = interface.parent()
    return interface.object()


def test_the_hidden_overview_claims_no_focused_cell_and_gets_it_back(
    qtbot, set_up, make_window
) -> None:
    set_up.write_demo_data()
    window = make_window(set_up)
    window.show()
    qtbot.waitExposed(window)
    table = window.dashboard.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert table.currentIndex().isValid()
    window.start_or_resume_audit()
    qtbot.waitUntil(lambda: window.audit_page.isVisible())
    focused = focused_objects(window)
    assert focused
    assert all(widget_of(i).isVisible() for i in focused), [
        i.text(QAccessible.Text.Name) for i in focused
    ]
    window.show_dashboard()
    qtbot.waitUntil(lambda: table.isVisible())
    assert table.currentIndex().isValid()  # the overview keeps its place when shown again
    assert any(widget_of(i) is table for i in focused_objects(window))  # shown: its cell may


def test_the_item_text_is_the_one_focused_object_not_its_viewport(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    window.show()
    window.start_or_resume_audit()
    content = window.audit_page.content
    content.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is content)
    assert QAccessible.queryAccessibleInterface(content).state().focused
    assert not QAccessible.queryAccessibleInterface(content.viewport()).state().focused
    focused_widgets = [i.object() for i in focused_objects(window) if i.object() is not None]
    assert focused_widgets == [content]
