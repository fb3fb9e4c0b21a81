"""A second `annotator FILE` hands FILE to the window already open, and returns at once.

The running window listens on a QLocalServer named after its data folder (one window
per folder, `instance_lock.py`); a second start that finds the lock held connects with
a QLocalSocket, writes the file's absolute path (or nothing: just show yourself) as one
UTF-8 line and leaves. No dialog blocks the terminal (issue 7, item 8).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from annotator import paths

CONNECT_MS = 2000
MAX_MESSAGE = 64 * 1024  # a path; anything longer is not ours


def server_name() -> str:
    """Per data folder, so two ANNOTATOR_HOMEs (the tests) never talk to each other."""
    digest = hashlib.sha256(str(paths.state_dir().resolve()).encode()).hexdigest()[:16]
    return f"annotator-{digest}"


def send(path: Path | None) -> bool:
    """Give `path` (None: only raise the window) to the running window; False if none."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = (str(path.resolve()) if path is not None else "") + "\n"
    socket.write(message.encode("utf-8"))
    sent = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_MS)
    return sent


class Receiver(QObject):
    """The running window's end: emits each path a later start sends (None: raise)."""

    received = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        # We hold the instance lock, so a socket file left by a crashed window is stale.
        QLocalServer.removeServer(server_name())
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.listening = self.server.listen(server_name())
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(s: QLocalSocket = socket, b: bytearray = buffer) -> None:
                b.extend(bytes(s.readAll().data()))
                if len(b) > MAX_MESSAGE:
                    s.abort()
                elif b.endswith(b"\n"):
                    self._deliver(bytes(b))
                    s.disconnectFromServer()

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)

    def _deliver(self, message: bytes) -> None:
        text = message.decode("utf-8", errors="replace").strip()
        self.received.emit(Path(text) if text else None)
