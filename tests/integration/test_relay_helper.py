"""The test helper that starts the real relay: a stable port, and limits it says it reached.

Desktop and CLI tests start ``peerjournal-relay serve`` through ``tests/helpers/relay.py``
with the production defaults except the request rate. These tests hold the helper to its two
promises: a relay restarted on its port cannot find it taken by a port-0 listener or an
outgoing connection, and a test that reaches one of the relay's limits is told which.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.helpers.relay import RelayLimitReached, RelayProcess, _ephemeral_ports, running_relay


def test_the_relays_port_is_never_one_the_kernel_hands_out(tmp_path: Path) -> None:
    low, high = _ephemeral_ports()
    relay = RelayProcess(tmp_path / "relay")
    relay.start()
    try:
        assert 0 < relay.port < low  # port 0 would have given one in [low, high]
        first = relay.port
        relay.stop()
        # what port 0 hands out meanwhile never lands on it
        grabbed = []
        for _ in range(200):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            grabbed.append(sock)
            assert low <= sock.getsockname()[1] <= high
        relay.start()
        assert relay.port == first
        for sock in grabbed:
            sock.close()
    finally:
        relay.stop()


def _two_connections(relay: RelayProcess) -> None:
    with socket.create_connection(("127.0.0.1", relay.port), timeout=5) as first:
        first.sendall(b"GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n")
        assert first.recv(4096).startswith(b"HTTP/1.1 200 ")
        with socket.create_connection(("127.0.0.1", relay.port), timeout=5) as second:
            second.sendall(b"GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n")
            assert second.recv(4096).startswith(b"HTTP/1.1 200 ")


def test_a_test_that_reaches_the_per_client_connection_cap_is_told_so(tmp_path: Path) -> None:
    env = {"PEERJOURNAL_RELAY_MAX_CONNECTIONS_PER_CLIENT": "1"}
    with (
        pytest.raises(RelayLimitReached, match="connection cap"),
        running_relay(tmp_path / "relay", env=env) as relay,
    ):
        _two_connections(relay)  # the second closes the first, idle, to make room


def test_a_test_within_the_limits_stops_quietly(tmp_path: Path) -> None:
    with running_relay(tmp_path / "relay") as relay:
        _two_connections(relay)
        assert relay.refusals() == []
