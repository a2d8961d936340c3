"""The watch's offer at the end of the first audit (issue 28): off until ticked.

The signed-out looks, and per audited platform the signed-in re-reads, each an unticked box;
the main window gives what was ticked to the facade when the worker presses Done.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget


class WatchOffer(QGroupBox):
    """The offer's boxes, hidden until `offer` shows them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "The watch (off until you tick it; you can change this in Settings)", parent
        )
        self.watch_check = QCheckBox(
            "Look at my public profiles once a week, as a stranger would (signed out)"
        )
        self.reread_checks: dict[str, QCheckBox] = {}
        self._column = QVBoxLayout(self)
        self._column.addWidget(self.watch_check)
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
            check = QCheckBox(
                f"{name}: also re-read my settings when I am already signed in on this computer "
                "(never signs in; a signed-out session is left for you to re-check by hand)"
            )
            self.reread_checks[platform_id] = check
            self._column.addWidget(check)
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
