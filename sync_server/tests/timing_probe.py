"""Paired timing of the two auth_failed answers: unknown mailbox vs known mailbox, wrong key.

Used by ``test_timing.py`` and runnable on its own against any relay (to show that an
older relay fails the same check)::

    python sync_server/tests/timing_probe.py http://127.0.0.1:8787 [pairs]

Method: one mailbox is created and its key is used once (so a cache, if any, holds it).
Then ``pairs`` pairs of requests go over one keep-alive connection, each pair one
``GET /v1/mailboxes/{id}`` for the known id signed by a wrong key and one for a random
unknown id, in random order within the pair; every request is pre-signed with a fresh
nonce before timing starts. The answer is the median round-trip of each kind, the median of
the paired differences relative to the wrong key's median (paired, so a slow phase of a
shared machine that hits both requests of a pair cancels out), and how often the unknown id
was the slower one of its pair (a sign test: 0.5 when nothing tells them apart).
"""

from __future__ import annotations

import base64
import hashlib
import random
import secrets
import socket
import statistics
import sys
import time
from dataclasses import dataclass

import httpx
from nacl.signing import SigningKey


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _signed(method: str, path: str, key: SigningKey, extra: str = "") -> str:
    ts = int(time.time())
    nonce = _b64u(secrets.token_bytes(16))
    body_hash = hashlib.sha256(b"").hexdigest()
    message = "\n".join(["PJ-REQ-1", method, path, "", str(ts), nonce, body_hash]).encode()
    signature = _b64u(key.sign(message).signature)
    return f"PJ-Timestamp: {ts}\r\nPJ-Nonce: {nonce}\r\nPJ-Signature: {signature}\r\n{extra}"


@dataclass(frozen=True)
class Timing:
    """Median round trips in microseconds and how often the unknown id was slower."""

    wrong_key_us: float
    unknown_us: float
    paired_difference: float
    unknown_slower_share: float
    statuses: frozenset[int]

    @property
    def ratio(self) -> float:
        """Median unknown / median wrong key (1.0: the same time)."""
        return self.unknown_us / self.wrong_key_us


def _read(sock: socket.socket, buffer: bytearray) -> tuple[int, bytes]:
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buffer += chunk
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end]).lower()
    length = int(head.split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
    while len(buffer) < end + length:
        buffer += sock.recv(65536)
    body = bytes(buffer[end : end + length])
    del buffer[: end + length]
    return int(head.split(b" ", 2)[1]), body


def measure(url: str, pairs: int = 600, address: str | None = None) -> Timing:
    """Time ``pairs`` interleaved pairs of wrong-key and unknown-id requests."""
    address = address or f"198.18.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    forwarded = f"X-Forwarded-For: {address}\r\n"
    recipient = SigningKey.generate()
    with httpx.Client(
        base_url=url, timeout=30, headers={"X-Forwarded-For": address}, trust_env=False
    ) as http:
        head = _signed(
            "POST", "/v1/mailboxes", recipient, f"PJ-Key: {_b64u(bytes(recipient.verify_key))}\r\n"
        )
        created = http.post(
            "/v1/mailboxes",
            headers=dict(line.split(": ", 1) for line in head.strip().split("\r\n")),
        )
        created.raise_for_status()
        known = created.json()["recipient_id"]
        warm = _signed("GET", f"/v1/mailboxes/{known}", recipient)
        answer = http.get(
            f"/v1/mailboxes/{known}",
            headers=dict(line.split(": ", 1) for line in warm.strip().split("\r\n")),
        )
        answer.raise_for_status()
    host = url.split("//", 1)[1]
    requests: list[tuple[bytes, bytes]] = []
    for _ in range(pairs + 20):
        wrong_path = f"/v1/mailboxes/{known}"
        unknown_path = f"/v1/mailboxes/{_b64u(secrets.token_bytes(16))}"
        wrong = (
            f"GET {wrong_path} HTTP/1.1\r\nHost: {host}\r\n{forwarded}"
            + _signed("GET", wrong_path, SigningKey.generate())
            + "\r\n"
        ).encode()
        unknown = (
            f"GET {unknown_path} HTTP/1.1\r\nHost: {host}\r\n{forwarded}"
            + _signed("GET", unknown_path, SigningKey.generate())
            + "\r\n"
        ).encode()
        requests.append((wrong, unknown))
    port = int(host.rsplit(":", 1)[1])
    wrong_times: list[float] = []
    unknown_times: list[float] = []
    slower = 0
    statuses: set[int] = set()
    bodies: set[bytes] = set()
    order = random.Random(7)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = bytearray()
        for index, (wrong, unknown) in enumerate(requests):
            pair = [("wrong", wrong), ("unknown", unknown)]
            order.shuffle(pair)
            took: dict[str, float] = {}
            for kind, raw in pair:
                started = time.perf_counter()
                sock.sendall(raw)
                status, body = _read(sock, buffer)
                took[kind] = time.perf_counter() - started
                statuses.add(status)
                bodies.add(body)
            if index < 20:
                continue  # warm-up pairs
            wrong_times.append(took["wrong"])
            unknown_times.append(took["unknown"])
            slower += took["unknown"] > took["wrong"]
    if len(bodies) != 1:
        raise AssertionError(f"the two answers differ in body: {bodies}")
    differences = [u - w for u, w in zip(unknown_times, wrong_times, strict=True)]
    return Timing(
        statistics.median(wrong_times) * 1e6,
        statistics.median(unknown_times) * 1e6,
        statistics.median(differences) / statistics.median(wrong_times),
        slower / pairs,
        frozenset(statuses),
    )


if __name__ == "__main__":
    result = measure(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 600)
    print(
        f"wrong key {result.wrong_key_us:.0f} µs, unknown id {result.unknown_us:.0f} µs, "
        f"ratio {result.ratio:.3f}, paired difference {result.paired_difference:+.1%}, "
        f"unknown slower in {result.unknown_slower_share:.0%} "
        f"of pairs, statuses {sorted(result.statuses)}"
    )
