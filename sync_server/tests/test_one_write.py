"""An answer's head and body leave in one write (server.OneWriteTransport), HEAD included."""

from __future__ import annotations

import asyncio
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


class Socketless(Recording):
    """What uvicorn's protocol asks of a transport besides writing."""

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 40000), "sockname": ("127.0.0.1", 8787)}.get(name)

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def get_write_buffer_size(self) -> int:
        return 0


def _answer_bytes(whole: bool, keep_alive: bool) -> list[tuple[str, bytes]]:
    """What the relay's server writes for one JSON answer (with Retry-After), through the
    AnswerWriter (``whole``) or as the two ASGI messages uvicorn's ``send`` writes."""
    from peerjournal_relay.app import send_whole
    from peerjournal_relay.server import make_server
    from peerjournal_relay.web import JSONAnswer
    from uvicorn.server import ServerState

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        if not whole:
            scope.pop("pj.answer")
        answer = JSONAnswer(b'{"error":{}}', 429, {"Retry-After": "3"})
        assert await send_whole(send, answer, scope) == 429
        scope.pop("pj.answer", None)

    async def main() -> list[tuple[str, bytes]]:
        config = make_server(Settings(), app).config
        config.load()
        state = ServerState()
        state.default_headers = [(b"date", b"Fri, 04 Dec 2026 19:00:00 GMT")]
        protocol = config.http_protocol_class(config=config, server_state=state, app_state={})
        transport = Socketless()
        protocol.connection_made(transport)  # type: ignore[arg-type]
        connection = b"" if keep_alive else b"Connection: close\r\n"
        protocol.data_received(b"GET /v1/info HTTP/1.1\r\nHost: relay\r\n" + connection + b"\r\n")
        for _ in range(20):
            await asyncio.sleep(0)
        protocol.connection_lost(None)
        return transport.calls

    return asyncio.run(main())


@pytest.mark.parametrize("keep_alive", [True, False])
def test_an_answer_in_one_piece_is_the_bytes_of_the_asgi_messages(keep_alive: bool) -> None:
    whole = _answer_bytes(True, keep_alive)
    assert whole == _answer_bytes(False, keep_alive)
    head = whole[0][1]
    assert head.startswith(b"HTTP/1.1 429 Too Many Requests\r\ndate: ")
    assert (b"connection: close\r\n" in head) is not keep_alive
    assert head.endswith(
        b"cache-control: no-store\r\n"
        + (b"" if keep_alive else b"connection: close\r\n")
        + b'\r\n{"error":{}}'
    )
