"""The watch's offer at the end of the first audit (issue 28): off until ticked.

The signed-out looks, and per audited platform the signed-in re-reads, each an unticked box;
the main window gives what was ticked to the facade when the worker presses Done.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from app.ui.layouts import plain_label

# Short words on the boxes and the why below, wrapped: a tick box does not wrap, and long
# ones made the summary scroll sideways at 960×540 (as the reminder offer beside it).
LOOKS_WHY = "Signed out, as anyone could; Footprint tells you when more of you became visible."
REREAD_WHY = (
    "Only when you are already signed in on this computer. Footprint never signs in: a "
    "signed-out session is left for you to re-check by hand."
)


class WatchOffer(QGroupBox):
    """The offer's boxes, hidden until `offer` shows them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # A title does not wrap: the rest of it is a wrapped line inside, so the offer fits
        # beside the results on the summary at 1366×768.
        super().__init__("The watch", parent)
        self.watch_check = QCheckBox("Look at my public profiles once a &week")
        self.watch_check.setAccessibleDescription(LOOKS_WHY)
        self.reread_checks: dict[str, QCheckBox] = {}
        self._column = QVBoxLayout(self)
        self._column.addWidget(
            plain_label("Off until you tick it; you can change this in Settings.")
        )
        self._column.addWidget(self.watch_check)
        self._column.addWidget(plain_label(LOOKS_WHY))
        self._reread_why = plain_label(REREAD_WHY)
        self._column.addWidget(self._reread_why)
        self.hide()

    def offer(self, platforms: list[tuple[str, str]] | None) -> None:
        """Show the offer, unticked, with a signed-in re-read box per platform in `platforms`
        (id, name); None hides it."""
        for check in self.reread_checks.values():
            self._column.removeWidget(check)
            check.deleteLater()
        self.reread_checks = {}
        self.watch_check.setChecked(False)
        for platform_id, name in platforms or []:
            check = QCheckBox(f"{name}: also re-read my settings")
            check.setAccessibleDescription(REREAD_WHY)
            self.reread_checks[platform_id] = check
            self._column.insertWidget(self._column.indexOf(self._reread_why), check)
        self._reread_why.setVisible(bool(platforms))
        self.setVisible(platforms is not None)

    def take_choices(self) -> tuple[bool, set[str]]:
        """(the signed-out looks, the platforms to re-read signed in) as ticked; the offer is
        hidden after."""
        if self.isHidden():
            return (False, set())
        rereads = {pid for pid, check in self.reread_checks.items() if check.isChecked()}
        chosen = (self.watch_check.isChecked(), rereads)
        self.offer(None)
        return chosen
