"""Relays for tests: the REAL relay as a subprocess on 127.0.0.1 (port 0), and an in-memory
recording fake with the same semantics for the sync state-machine unit tests."""

from __future__ import annotations

import os
import random
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from peerjournal.crypto.b64 import b64u_encode
from peerjournal.crypto.envelope import BUCKETS
from peerjournal.crypto.signing import verify_key
from peerjournal.errors import RelayRejected, RelayUnreachable
from peerjournal.sync.relay_client import Fetched, Mailbox

_LISTENING = re.compile(r"listening on (http://[0-9.]+:\d+)")
# The relay as its users meet it, with two deliberate exceptions: the per-client request
# rate (tests and the sync benchmark send far faster than one person would) and the disk
# reserve (a test machine's disk may have less than 512 MiB free). Every other limit keeps
# its default, so the client is tested within them: notably max_connections_per_client (64;
# every test comes from 127.0.0.1) and mailbox_creations_per_hour (60). No test comes near:
# with the per-client connection cap lowered to 3 every test of the 23 files that start a
# relay here still passed without one connection evicted or refused (the client closes its
# connections after each pairing's round). Should a test ever reach a limit, ``stop`` says
# which instead of letting it fail for an obscure reason: see REFUSALS.
TEST_ENV = {
    "PEERJOURNAL_RELAY_RATE_LIMIT_PER_SECOND": "100000",
    "PEERJOURNAL_RELAY_RATE_LIMIT_BURST": "100000",
    "PEERJOURNAL_RELAY_MIN_FREE_DISK_BYTES": "0",
}
# The relay's counts of requests and connections it refused for a limit.
REFUSALS = {
    'peerjournal_relay_errors_total{code="rate_limited"}': "rate limit (mailbox creations?)",
    'peerjournal_relay_connection_events_total{event="refused_client_cap"}': (
        "connection cap per client address (max_connections_per_client)"
    ),
    'peerjournal_relay_connection_events_total{event="evicted_idle"}': (
        "connection cap (an idle connection was closed to make room)"
    ),
    'peerjournal_relay_connection_events_total{event="refused_at_cap"}': "connection cap",
    "peerjournal_relay_answers_refused_total": "fetch answers' memory budget",
}


class RelayLimitReached(AssertionError):
    """The test reached one of the relay's limits (the message says which)."""


def _ephemeral_ports() -> tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


def free_port() -> int:
    """A free port below the kernel's ephemeral range.

    A relay restarted on its port (the client's URL must stay) could not listen when port 0
    had handed it out: between the stop and the restart another test's port-0 listener or
    any outgoing connection on the machine could take it ("Address already in use").
    Ports below the ephemeral range are never handed out that way.
    """
    low, _high = _ephemeral_ports()
    for _ in range(100):
        port = random.randrange(10000, max(10001, low))
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    return 0


class RelayPortTaken(RuntimeError):
    """Another process bound the port chosen for a relay's first start."""


class RelayProcess:
    """``peerjournal-relay serve`` in a subprocess; stdout/stderr go to ``log_path``."""

    def __init__(self, data_dir: Path, *, env: dict[str, str] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}.log"
        self.env = {**TEST_ENV, **(env or {})}
        self.port = 0
        self.url = ""
        self._proc: subprocess.Popen[str] | None = None
        self._pump: threading.Thread | None = None

    def start(self) -> str:
        """Start (on the previous port after a stop) and return the base URL."""
        if self.port:
            return self._start(self.port)
        for _ in range(4):  # another process may bind the chosen port first: choose again
            try:
                return self._start(free_port())
            except RelayPortTaken:
                continue
        return self._start(free_port())

    def _start(self, port: int) -> str:
        env = {**os.environ, **self.env, "PYTHONUNBUFFERED": "1"}
        cmd = [
            sys.executable,
            "-m",
            "peerjournal_relay",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--data-dir",
            str(self.data_dir),
            "--log-level",
            "info",
        ]
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        self._proc = proc
        assert proc.stdout is not None
        seen: list[str] = []
        for line in proc.stdout:
            seen.append(line)
            match = _LISTENING.search(line)
            if match:
                self.url = match.group(1)
                self.port = int(self.url.rsplit(":", 1)[1])
                break
        else:
            proc.wait(timeout=10)
            proc.stdout.close()
            self._proc = None  # a relay that could not listen has exited
            text = "".join(seen)
            if not self.port and "Address already in use" in text:
                raise RelayPortTaken(text)
            raise RuntimeError("relay did not start:\n" + text)
        log = self.log_path.open("a", encoding="utf-8")
        log.writelines(seen)

        def pump() -> None:
            for line in proc.stdout or ():
                log.write(line)
                log.flush()
            log.close()

        self._pump = threading.Thread(target=pump, daemon=True)
        self._pump.start()
        self._wait_ready()
        return self.url

    def _wait_ready(self) -> None:
        import requests

        session = requests.Session()
        session.trust_env = False
        for _ in range(200):
            try:
                if session.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                threading.Event().wait(0.05)
        raise RuntimeError("relay never became healthy")

    def refusals(self) -> list[str]:
        """What the running relay refused for one of its limits so far (REFUSALS)."""
        import requests

        with requests.Session() as session:
            session.trust_env = False  # never a proxy from the environment
            try:
                text = session.get(self.url + "/metrics", timeout=5).text
            except requests.RequestException:
                return []  # not answering (stopped or killed by the test): nothing to read
        found = []
        for line in text.splitlines():
            name, _, value = line.rpartition(" ")
            if name in REFUSALS and float(value) > 0:
                found.append(f"{REFUSALS[name]}: {float(value):g}")
        return found

    def stop(self) -> None:
        """Stop the relay process (terminate, then kill if needed).

        Raises :class:`RelayLimitReached` when the relay refused anything for a limit: the
        settings above assume that no test reaches one.
        """
        proc, self._proc = self._proc, None
        if proc is None:
            return
        refused = self.refusals() if proc.poll() is None else []
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if self._pump is not None:
            self._pump.join(timeout=10)
            self._pump = None
        if proc.stdout is not None:
            proc.stdout.close()
        if refused:
            raise RelayLimitReached(
                "the test reached a relay limit that TEST_ENV keeps at its default: "
                + "; ".join(refused)
            )

    def logs(self) -> str:
        """Everything the relay printed so far."""
        return self.log_path.read_text("utf-8") if self.log_path.exists() else ""


@contextmanager
def running_relay(data_dir: Path, *, env: dict[str, str] | None = None) -> Iterator[RelayProcess]:
    """Start the real relay for the duration of a ``with`` block."""
    relay = RelayProcess(data_dir, env=env)
    relay.start()
    try:
        yield relay
    finally:
        relay.stop()


# -- the recording fake ------------------------------------------------------------------


@dataclass
class _Box:
    recipient_key: bytes
    sender_key: bytes | None = None
    messages: dict[str, bytes] = field(default_factory=dict)  # insertion order = arrival


class FakeRelay:
    """In-memory relay with the protocol's semantics; records every call.

    ``fail_next`` makes the next N calls raise :class:`RelayUnreachable` (a network drop),
    ``reject_next`` the next N calls raise RelayRejected with the given code.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []
        self.boxes: dict[str, _Box] = {}
        self.by_sender: dict[str, str] = {}
        self.fail_next = 0
        self.reject_next: list[str] = []
        self._n = 0

    def close(self) -> None:
        """Like RelayClient.close: there are no connections to close."""

    def _gate(self, name: str, *args: str) -> None:
        self.calls.append((name, *args))
        if self.fail_next:
            self.fail_next -= 1
            raise RelayUnreachable()
        if self.reject_next:
            code = self.reject_next.pop(0)
            raise RelayRejected.from_relay(code, 409)

    def _new_id(self) -> str:
        self._n += 1
        return b64u_encode(self._n.to_bytes(16, "big"))

    def create_mailbox(self, recipient_seed: bytes) -> Mailbox:
        self._gate("create_mailbox")
        rid, sid = self._new_id(), self._new_id()
        self.boxes[rid] = _Box(verify_key(recipient_seed))
        self.by_sender[sid] = rid
        return Mailbox(rid, sid)

    def _own(self, recipient_id: str, seed: bytes) -> _Box:
        box = self.boxes.get(recipient_id)
        if box is None or box.recipient_key != verify_key(seed):
            raise RelayRejected.from_relay("auth_failed", 401)
        return box

    def secure(self, sender_id: str, sender_seed: bytes) -> None:
        self._gate("secure", sender_id)
        box = self.boxes.get(self.by_sender.get(sender_id, ""))
        if box is None:
            raise RelayRejected.from_relay("auth_failed", 401)
        key = verify_key(sender_seed)
        if box.sender_key not in (None, key):
            raise RelayRejected.from_relay("already_secured", 409)
        box.sender_key = key

    def put_message(
        self, sender_id: str, sender_seed: bytes, message_id: str, envelope: bytes
    ) -> bool:
        self._gate("put_message", sender_id, message_id)
        box = self.boxes.get(self.by_sender.get(sender_id, ""))
        if box is None or box.sender_key != verify_key(sender_seed):
            raise RelayRejected.from_relay("auth_failed", 401)
        if len(envelope) not in BUCKETS:
            raise RelayRejected.from_relay("bad_envelope_size", 400)
        if message_id in box.messages:
            if box.messages[message_id] != envelope:
                raise RelayRejected.from_relay("message_conflict", 409)
            return False
        box.messages[message_id] = envelope
        return True

    def fetch(
        self, recipient_id: str, recipient_seed: bytes, *, limit: int = 100, wait: int = 0
    ) -> list[Fetched]:
        self._gate("fetch", recipient_id)
        box = self._own(recipient_id, recipient_seed)
        return [Fetched(k, v) for k, v in list(box.messages.items())[:limit]]

    def ack(self, recipient_id: str, recipient_seed: bytes, ids: list[str]) -> int:
        self._gate("ack", recipient_id, *ids)
        box = self._own(recipient_id, recipient_seed)
        return sum(1 for i in ids if box.messages.pop(i, None) is not None)

    def ack_and_fetch(
        self,
        recipient_id: str,
        recipient_seed: bytes,
        ids: list[str],
        *,
        limit: int = 100,
        wait: int = 0,
    ) -> tuple[int, list[Fetched] | None]:
        self._gate("ack_and_fetch", recipient_id, *ids)
        box = self._own(recipient_id, recipient_seed)
        count = sum(1 for i in ids if box.messages.pop(i, None) is not None)
        return count, [Fetched(k, v) for k, v in list(box.messages.items())[:limit]]

    def delete_mailbox(self, recipient_id: str, recipient_seed: bytes) -> None:
        self._gate("delete_mailbox", recipient_id)
        self._own(recipient_id, recipient_seed)
        del self.boxes[recipient_id]
        self.by_sender = {s: r for s, r in self.by_sender.items() if r != recipient_id}

    def names(self) -> list[str]:
        """The recorded call names, in order."""
        return [c[0] for c in self.calls]
