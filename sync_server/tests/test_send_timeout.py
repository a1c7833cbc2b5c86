"""A client that stops taking its answer cannot pin the relay's memory.

A fetch answer carries up to 4 MiB of envelopes (about 5.6 MB of JSON). A client that asks
for it and never reads kept it in the relay's memory for ever: 20 such connections held
231 MB for as long as they stayed open, and with 64 per address a few addresses exceed the
systemd unit's ``MemoryMax=1G``. Now an answer that makes no progress for
``send_timeout_seconds`` aborts the connection (its buffer is dropped); a slow reader that
keeps taking bytes is not affected.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from prometheus_client import generate_latest
from relay_helpers import Client, Mailbox, RelayThread, envelope, message_id, signed_bytes

STALL = 2.0


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayThread]:
    settings = Settings().with_overrides(
        {
            "port": 0,
            "data_dir": str(tmp_path),
            "min_free_disk_bytes": 0,
            "rate_limit_burst": 1000,
            "send_timeout_seconds": STALL,
        }
    )
    server = RelayThread(settings.validate()).start()
    yield server
    server.stop()


def _full_mailbox(relay: RelayThread) -> Mailbox:
    client = Client(relay.url)
    box = client.mailbox()
    for _ in range(64):  # 4 MiB: the largest fetch answer
        assert client.send(box, message_id(), envelope(65536)).status_code == 201
    client.close()
    return box


def _fetch_request(box: Mailbox) -> bytes:
    path = f"/v1/mailboxes/{box.recipient_id}/messages"
    return signed_bytes("GET", path, box.recipient_key, query="limit=500")


def _small_window_socket(relay: RelayThread) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connect: a small window
    sock.settimeout(10)
    sock.connect(("127.0.0.1", relay.port))
    return sock


def _events(relay: RelayThread, name: str) -> float:
    async def text() -> str:
        return generate_latest(relay.app.metrics.registry).decode()

    for line in relay.call(text()).splitlines():
        if line.startswith(f'peerjournal_relay_connection_events_total{{event="{name}"}}'):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(name)


def _open_connections(relay: RelayThread) -> int:
    async def count() -> int:
        return len(relay.server.relay_guard.open)

    return relay.call(count())


def test_an_answer_nobody_reads_is_dropped(relay: RelayThread) -> None:
    box = _full_mailbox(relay)
    with _small_window_socket(relay) as stalled:
        stalled.sendall(_fetch_request(box))
        deadline = time.monotonic() + STALL + 20
        while _events(relay, "send_timeout") < 1:
            assert time.monotonic() < deadline, "the stalled answer was never dropped"
            time.sleep(0.05)
        assert _open_connections(relay) == 0
        got = 0
        try:
            while chunk := stalled.recv(1 << 20):
                got += len(chunk)
        except ConnectionResetError:
            pass
        assert got < 4 << 20  # the answer was cut off, not delivered


def test_a_slow_reader_that_keeps_reading_gets_everything(relay: RelayThread) -> None:
    box = _full_mailbox(relay)
    with _small_window_socket(relay) as slow:
        slow.sendall(_fetch_request(box))
        answer = b""
        while b"\r\n\r\n" not in answer or len(answer) < _expected_length(answer):
            chunk = slow.recv(65536)
            assert chunk, "closed before the answer was complete"
            answer += chunk
            time.sleep(0.002)  # a reader slower than the relay writes
    assert answer.startswith(b"HTTP/1.1 200 ")
    messages = json.loads(answer.partition(b"\r\n\r\n")[2])["messages"]
    assert len(messages) >= 60  # about 4 MiB of envelopes: several MB taken slowly
    assert _events(relay, "send_timeout") == 0


def _expected_length(answer: bytes) -> int:
    head, _, _ = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(head) + 4 + int(line.split(b":", 1)[1])
    return 1 << 62
