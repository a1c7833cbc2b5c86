"""An answer's head and body leave in one write (server.OneWriteTransport), HEAD included."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from peerjournal_relay.config import Settings
from peerjournal_relay.server import OneWriteTransport
from relay_helpers import RelayThread


class Recording:
    """The transport calls a connection makes, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, bytes]] = []
        self.closing = False

    def write(self, data: bytes) -> None:
        self.calls.append(("write", bytes(data)))

    def close(self) -> None:
        self.calls.append(("close", b""))
        self.closing = True

    def is_closing(self) -> bool:
        return self.closing

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return ("peer", name)


HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n"


def test_head_and_body_go_out_in_one_write() -> None:
    inner = Recording()
    transport = OneWriteTransport(inner)  # type: ignore[arg-type]
    transport.write(HEAD)
    assert inner.calls == []
    transport.write(b"{}")
    assert inner.calls == [("write", HEAD + b"{}")]


def test_interim_100_continue_is_not_held() -> None:
    inner = Recording()
    transport = OneWriteTransport(inner)  # type: ignore[arg-type]
    transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    assert inner.calls == [("write", b"HTTP/1.1 100 Continue\r\n\r\n")]


def test_close_and_flush_write_a_held_head_first() -> None:
    inner = Recording()
    transport = OneWriteTransport(inner)  # type: ignore[arg-type]
    transport.write(HEAD)
    transport.close()
    assert inner.calls == [("write", HEAD), ("close", b"")]
    assert transport.is_closing()
    other = Recording()
    flushed = OneWriteTransport(other)  # type: ignore[arg-type]
    flushed.write(HEAD)
    flushed.flush()
    flushed.flush()
    flushed.write(b"more")
    assert other.calls == [("write", HEAD), ("write", b"more")]
    assert flushed.get_extra_info("peername") == ("peer", "peername")


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayThread]:
    values = {"port": 0, "data_dir": str(tmp_path / "relay"), "min_free_disk_bytes": 0}
    server = RelayThread(Settings().with_overrides(values).validate()).start()
    yield server
    server.stop()


def _head(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, data
        data += chunk
    return data


def test_a_head_request_is_answered_and_the_connection_keeps_working(relay: RelayThread) -> None:
    # a HEAD answer writes no body: its head must not wait for one
    with socket.create_connection(("127.0.0.1", relay.port), timeout=10) as sock:
        sock.sendall(b"HEAD /v1/info HTTP/1.1\r\nHost: relay\r\n\r\n")
        answer = _head(sock)
        assert answer.startswith(b"HTTP/1.1 200 ")
        assert answer.endswith(b"\r\n\r\n")  # the head only, no body bytes
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n")
        second = _head(sock)
        assert second.startswith(b"HTTP/1.1 200 ")
        length = int(second.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
        body = second.split(b"\r\n\r\n", 1)[1]
        while len(body) < length:
            body += sock.recv(65536)
        assert body == b'{"status":"ok"}'
