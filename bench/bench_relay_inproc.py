#!/usr/bin/env python3
"""Relay closed loop in one process: CPU per delivered message, in units of the client's own.

The loop of ``bench_relay_loop.py`` (200 clients, each sends one 1 KiB envelope, then acks
what its previous long-poll brought in ``POST …/ack?limit=100&wait=5``), run through the
relay's real connection protocol, application and SQLite storage, but over an in-memory
transport: no sockets, no second process, everything on one uvloop thread (and the storage's
database thread). The process's CPU time minus the CPU spent in client code (signing,
building requests, reading answers; measured with ``time.thread_time`` around it) is the
relay's. On a shared machine the CPU's speed drifts by a third within minutes, and that
drift moves both parts alike, so the figure compared is the relay's CPU divided by the
client's: a fixed amount of work measured in the same seconds. It leaves out what the
kernel's sockets cost, which no change to the relay's Python touches.

    python bench/bench_relay_inproc.py [--seconds 6] [--clients 200]
    python bench/bench_relay_inproc.py --baseline COMMIT [--rounds 4]

With ``--baseline``, the relay package at COMMIT (``git archive``) and the current one run
alternately, each in a fresh process and database; the per-pair ratios current/baseline and
their median are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CLIENT = [0.0]  # thread CPU seconds spent in client code
BENCH = Path(__file__).resolve().parent


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class MemoryTransport:
    """What the relay's protocol writes to; hands complete answers to the connection."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn
        self.closing = False
        self.buffer = bytearray()

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 40000), "sockname": ("127.0.0.1", 8787)}.get(
            name, default
        )

    def write(self, data: bytes) -> None:
        started = time.thread_time()
        self.buffer += data
        self.conn.answer_if_complete()
        CLIENT[0] += time.thread_time() - started

    def is_closing(self) -> bool:
        return self.closing

    def close(self) -> None:
        self.closing = True

    abort = close

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def get_write_buffer_size(self) -> int:
        return 0


class Conn:
    """One keep-alive connection: requests in through data_received, answers out."""

    def __init__(self, protocol: Any, address: str) -> None:
        self.protocol = protocol
        self.address = address
        self.transport = MemoryTransport(self)
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        protocol.connection_made(self.transport)

    def answer_if_complete(self) -> None:
        buffer = self.transport.buffer
        end = buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = bytes(buffer[:end])
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        if len(buffer) < end + 4 + length:
            return
        body = bytes(buffer[end + 4 : end + 4 + length])
        del buffer[: end + 4 + length]
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result((int(head.split(b" ", 2)[1]), body))

    async def request(
        self,
        method: str,
        path: str,
        key: Any,
        body: bytes = b"",
        query: str = "",
        content_type: str = "",
        extra: tuple[str, ...] = (),
    ) -> tuple[int, bytes]:
        started = time.thread_time()
        target = f"{path}?{query}" if query else path
        lines = [f"{method} {target} HTTP/1.1", "Host: relay", f"X-Forwarded-For: {self.address}"]
        ts, nonce = str(int(time.time())), b64u(secrets.token_bytes(16))
        digest = hashlib.sha256(body).hexdigest()
        signed = "\n".join(["PJ-REQ-1", method, path, query, ts, nonce, digest]).encode()
        lines += [f"PJ-Timestamp: {ts}", f"PJ-Nonce: {nonce}", *extra]
        lines.append(f"PJ-Signature: {b64u(key.sign(signed).signature)}")
        if body:
            lines += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        self.waiter = asyncio.get_running_loop().create_future()
        CLIENT[0] += time.thread_time() - started
        self.protocol.data_received(data)
        return await self.waiter


async def make_mailbox(conn: Conn) -> tuple[str, str, Any, Any]:
    from nacl.signing import SigningKey

    rkey, skey = SigningKey.generate(), SigningKey.generate()
    pj_key = (f"PJ-Key: {b64u(bytes(rkey.verify_key))}",)
    _, body = await conn.request("POST", "/v1/mailboxes", rkey, extra=pj_key)
    ids = json.loads(body)
    pj_key = (f"PJ-Key: {b64u(bytes(skey.verify_key))}",)
    status, _ = await conn.request(
        "POST", f"/v1/mailboxes/{ids['sender_id']}/secure", skey, extra=pj_key
    )
    assert status == 204, status
    return ids["recipient_id"], ids["sender_id"], rkey, skey


async def measure(seconds: float, clients: int) -> dict[str, float]:
    """One run: the relay's CPU per delivered message and the client's, in microseconds."""
    from peerjournal_relay.config import Settings
    from peerjournal_relay.server import make_server, tune_garbage_collector
    from uvicorn.server import ServerState

    settings = Settings().with_overrides(
        {
            "rate_limit_per_second": 1e6,
            "rate_limit_burst": 1_000_000,
            "mailbox_creations_per_hour": 1_000_000,
            "max_messages_per_mailbox": 1_000_000,
            "max_bytes_per_mailbox": 1 << 36,
            "min_free_disk_bytes": 0,
            "trust_forwarded_for": True,
            "data_dir": tempfile.mkdtemp(prefix="pj-bench-inproc."),
        }
    )
    config = make_server(settings).config
    config.load()
    relay = config.loaded_app
    while hasattr(relay, "app"):  # uvicorn's wrappers around the relay
        relay = relay.app
    await relay.startup()
    state = ServerState()
    conns = [
        Conn(
            config.http_protocol_class(config=config, server_state=state, app_state={}),
            f"198.18.{i // 250}.{i % 250}",
        )
        for i in range(clients)
    ]
    boxes = [await make_mailbox(conn) for conn in conns]
    tune_garbage_collector()
    delivered = 0

    async def run(i: int, until: float, counted: bool) -> None:
        nonlocal delivered
        conn, (recipient_id, _, rkey, _) = conns[i], boxes[i]
        _, sender_id, _, skey = boxes[(i + 1) % clients]
        due: list[str] = []
        while time.monotonic() < until:
            mid = b64u(secrets.token_bytes(16))
            status, _ = await conn.request(
                "PUT",
                f"/v1/mailboxes/{sender_id}/messages/{mid}",
                skey,
                b"x".ljust(1024, b"\0"),
                content_type="application/octet-stream",
            )
            assert status == 201, status
            status, body = await conn.request(
                "POST",
                f"/v1/mailboxes/{recipient_id}/ack",
                rkey,
                json.dumps({"ids": due}).encode(),
                query="limit=100&wait=5",
                content_type="application/json",
            )
            started = time.thread_time()
            assert status == 200, (status, body)
            due = [m["id"] for m in json.loads(body)["messages"]]
            delivered += len(due) if counted else 0
            CLIENT[0] += time.thread_time() - started

    await asyncio.gather(*(run(i, time.monotonic() + 2, False) for i in range(clients)))
    cpu0, client0 = time.process_time(), CLIENT[0]
    await asyncio.gather(*(run(i, time.monotonic() + seconds, True) for i in range(clients)))
    cpu, client = time.process_time() - cpu0, CLIENT[0] - client0
    await relay.shutdown()
    return {
        "delivered": delivered,
        "relay_us": (cpu - client) / delivered * 1e6,
        "client_us": client / delivered * 1e6,
        "relay_in_client_units": (cpu - client) / client,
    }


def run_in_process(package: Path | None, seconds: float, clients: int) -> dict[str, float]:
    """One measurement in a fresh process (``package``: another copy of the relay)."""
    env = dict(os.environ)
    if package is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(package), env.get("PYTHONPATH", "")])
    args = [sys.executable, __file__, "--seconds", str(seconds), "--clients", str(clients)]
    done = subprocess.run([*args, "--json"], env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=6)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--baseline", help="commit to compare against (alternating rounds)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline is None:
        import uvloop

        result = uvloop.run(measure(args.seconds, args.clients))
        print(json.dumps(result) if args.json else result)
        return 0
    sys.path.insert(0, str(BENCH))
    from relay_common import extract_commit, load_average

    with tempfile.TemporaryDirectory(prefix="pj-bench-inproc.") as work:
        package = extract_commit(args.baseline, Path(work) / "baseline")
        ratios = []
        for round_number in range(args.rounds):
            base = run_in_process(package, args.seconds, args.clients)
            current = run_in_process(None, args.seconds, args.clients)
            ratio = current["relay_in_client_units"] / base["relay_in_client_units"]
            ratios.append(ratio)
            print(
                f"round {round_number + 1}: baseline {base['relay_in_client_units']:.3f} "
                f"({base['relay_us']:.0f} us), current {current['relay_in_client_units']:.3f} "
                f"({current['relay_us']:.0f} us), x {ratio:.3f}, load {load_average()}"
            )
    print(f"median x {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
