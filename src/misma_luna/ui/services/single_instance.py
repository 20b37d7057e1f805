"""One writer per notes folder: a QLockFile, and a local socket to wake the running window.

The first instance holds the lock and listens; a second launch asks it to come forward,
hands it the files it was given (one absolute path a line) and exits, or, when the first
cannot be reached, opens the notes read-only.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    # QtNetwork is loaded when a socket is needed, after the first paint
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "misma-luna.lock"
RAISE_MESSAGE = b"raise\n"
END_MESSAGE = b"end\n"
TIMEOUT_MS = 1500
MAX_MESSAGE_BYTES = 256 * 1024  # a few hundred paths; more is not a launch of this app


def server_name(data_dir: Path) -> str:
    """A socket name private to this data directory."""
    return f"misma-luna-{zlib.crc32(str(data_dir.resolve()).encode()):08x}"


class SingleInstance(QObject):
    """Holds the data directory's lock while the app runs; answers later launches."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        with contextlib.suppress(OSError):  # a read-only disk: no lock, so notes open read-only
            data_dir.mkdir(parents=True, exist_ok=True)
        self._data_dir = data_dir
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another live instance holds it."""
        return self._lock.tryLock(0)

    def held_elsewhere(self) -> bool:
        """After a failed `acquire()`: True if a live instance holds the lock, False if the
        folder cannot be written to (a stale lock on a read-only disk fails the same way)."""
        held = self._lock.error() == QLockFile.LockError.LockFailedError
        return held and os.access(self._data_dir, os.W_OK)

    def release(self) -> None:
        """Let the next launch write."""
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    def wake_running(self, paths: Sequence[Path] = ()) -> bool:
        """Ask the instance holding the lock to bring its window forward and open `paths`."""
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415

        socket = QLocalSocket(self)
        socket.connectToServer(self._name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(wake_message(paths))
        sent = socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return sent

    def listen(self, on_wake: Callable[[list[Path]], None]) -> bool:
        """Answer later launches by calling `on_wake` with the files each one handed over."""
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415

        QLocalServer.removeServer(self._name)  # a socket left by a killed instance
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(lambda: self._accept(on_wake))
        return self._server.listen(self._name)

    def _accept(self, on_wake: Callable[[list[Path]], None]) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            received = bytearray()
            socket.readyRead.connect(lambda s=socket, r=received: self._read(s, r, on_wake))
            socket.disconnected.connect(socket.deleteLater)

    def _read(
        self, socket: QLocalSocket, received: bytearray, on_wake: Callable[[list[Path]], None]
    ) -> None:
        received += bytes(socket.readAll().data())
        if len(received) > MAX_MESSAGE_BYTES:
            received.clear()  # not a launch of this app: ignored
            socket.abort()
        elif received.endswith(END_MESSAGE):
            paths = read_wake_message(bytes(received))
            received.clear()
            if paths is not None:
                on_wake(paths)


def wake_message(paths: Sequence[Path]) -> bytes:
    """What a second launch sends: "raise", the absolute paths it was given, "end"."""
    lines = b"".join(
        str(path.absolute()).encode("utf-8", "surrogateescape") + b"\n" for path in paths
    )
    return RAISE_MESSAGE + lines + END_MESSAGE


def read_wake_message(data: bytes) -> list[Path] | None:
    """The paths a wake message hands over, or None when it is not one."""
    lines = data.split(b"\n")
    if not data.startswith(RAISE_MESSAGE):
        return None
    names = [line for line in lines[1:] if line and line != END_MESSAGE.strip()]
    return [Path(name.decode("utf-8", "surrogateescape")) for name in names]
