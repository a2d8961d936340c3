"""One desktop app per data home: a second launch asks the first to come forward, then ends.

The data home's lock (`app.file_lock`, taken by the command that starts the app) decides who
owns the home; this module is the message between the two processes. The owner listens on
a local socket named after its data home; a later launch connects and says "show" (or
"quiet" when it was started at login, minimised).
"""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
CONNECT_MS = 500
SHOW, QUIET = b"show\n", b"quiet\n"


def server_name(root: Path) -> str:
    """A name per data home (two homes may each have their open app), short enough for any
    platform's socket names, and free of the characters a path may hold."""
    digest = hashlib.sha256(str(root.absolute()).encode("utf-8", "surrogatepass")).hexdigest()
    return f"footprint-{digest[:24]}"


def hand_off(root: Path, *, show: bool) -> bool:
    """Ask the app already open on `root` to come forward; False if none answers."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(root))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    if sys.platform == "win32" and show:
        _let_the_open_app_come_forward()
    socket.write(SHOW if show else QUIET)
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


def _let_the_open_app_come_forward() -> None:
    # Windows lets only the foreground process raise a window; the launch the worker just
    # clicked is in the foreground, so it hands that right on.
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY


class InstanceServer(QObject):
    """Listens for later launches on the same data home.

    Signals:
        show_requested: a later launch asked for the window.
    """

    show_requested = Signal()

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        name = server_name(root)
        # This process holds the data home's lock, so a socket left under this name can only
        # be a crashed app's; it is removed before listening.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("cannot listen for later launches: %s", self._server.errorString())

    @property
    def listening(self) -> bool:
        """Whether a later launch can reach this app."""
        return self._server.isListening()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            # The launch writes one short line and ends; waiting briefly for it keeps the
            # exchange in one place (no socket outlives this call).
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_MS):
                message = bytes(socket.readLine().data())
                if message == SHOW:
                    log.info("a later launch asked for the window")
                    self.show_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()
