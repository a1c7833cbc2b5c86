"""A real TCP proxy on 127.0.0.1 in front of the relay that records, per client connection,
which mailbox ids the HTTP traffic on it named (in request paths and in answers).

It forwards bytes unchanged in both directions (keep-alive works through it exactly as it
would to the relay itself), so what it records is what a relay operator could log per
connection.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from dataclasses import dataclass, field

_MAILBOX_PATH = re.compile(rb"(?:GET|POST|PUT|DELETE) /v1/mailboxes/([A-Za-z0-9_-]{22})")
_CREATED = re.compile(rb'"(?:recipient_id|sender_id)"\s*:\s*"([A-Za-z0-9_-]{22})"')


@dataclass
class Connection:
    """One client connection: its number (accept order) and what went through it."""

    number: int
    sent: bytearray = field(default_factory=bytearray)  # client -> relay
    received: bytearray = field(default_factory=bytearray)  # relay -> client

    def mailboxes(self) -> list[str]:
        """Mailbox ids this connection named, in order of first appearance."""
        seen: dict[str, None] = {}
        for match in _MAILBOX_PATH.finditer(bytes(self.sent)):
            seen.setdefault(match.group(1).decode(), None)
        for match in _CREATED.finditer(bytes(self.received)):
            seen.setdefault(match.group(1).decode(), None)
        return list(seen)


class RecordingProxy:
    """``with RecordingProxy(relay_url) as proxy: ... proxy.url ... proxy.connections``."""

    def __init__(self, upstream_url: str) -> None:
        host, port = upstream_url.removeprefix("http://").rstrip("/").split(":")
        self._upstream = (host, int(port))
        self._server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        self.connections: list[Connection] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> RecordingProxy:
        self._accepting.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.close()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._accepting.join(timeout=5)

    def snapshot(self) -> list[Connection]:
        """The connections so far (copies are not needed: bytes only grow)."""
        with self._lock:
            return list(self.connections)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self._upstream)
            with self._lock:
                conn = Connection(len(self.connections))
                self.connections.append(conn)
                self._sockets += [client, upstream]
            for source, sink, record in (
                (client, upstream, conn.sent),
                (upstream, client, conn.received),
            ):
                thread = threading.Thread(
                    target=self._pump, args=(source, sink, record), daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def _pump(self, source: socket.socket, sink: socket.socket, record: bytearray) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                with contextlib.suppress(OSError):
                    sink.shutdown(socket.SHUT_WR)
                return
            with self._lock:
                record += data
            try:
                sink.sendall(data)
            except OSError:
                return
