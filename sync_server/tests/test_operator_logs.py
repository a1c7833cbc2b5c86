"""Clients cannot write to the operator's log.

uvicorn logs a warning for every malformed request head ("Invalid HTTP request received.")
and two for every Upgrade request, before the relay's rate limiter sees the request: any
client could add log lines at the speed it opens connections (even while rate-limited), and
bury the warnings an operator needs in the journal. Those requests are counted in
``errors_total`` instead (test_operator_metrics.py).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from relay_helpers import RelayThread, read_answers

HOSTILE = [
    b"ZEBRA /v1/info HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /v1/info HTTP/1.1\r\nHost: x\r\nX: a\x00b\r\n\r\n",
    b"GET /v1/\xff HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /v1/info HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
    b"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    b"GET /v1/info HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
]


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayThread]:
    settings = Settings().with_overrides(
        {"port": 0, "data_dir": str(tmp_path), "min_free_disk_bytes": 0, "rate_limit_burst": 4}
    )
    server = RelayThread(settings.validate()).start()
    yield server
    server.stop()


def test_malformed_and_upgrade_requests_log_nothing(
    relay: RelayThread, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    statuses = []
    for _ in range(4):  # past the burst of 4: rate-limited ones too
        for request in HOSTILE:
            with socket.create_connection(("127.0.0.1", relay.port), timeout=10) as sock:
                sock.sendall(request)
                statuses += [answer.status for answer in read_answers(sock, 1)]
    assert 400 in statuses and 429 in statuses and 200 in statuses  # all three kinds seen
    noisy = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert noisy == [], [r.getMessage() for r in noisy]
