#!/usr/bin/env python3
"""Relay closed loop: CPU per delivered message, delivery latency, ratio to /healthz.

Method: the relay runs as its own process (SQLite, and PostgreSQL when
``PEERJOURNAL_TEST_POSTGRES_URL`` is set or ``pg_config`` finds a server to start). This
process runs 200 clients on one asyncio loop, each with its own keep-alive connection and
its own mailbox; client i sends to client i+1's mailbox. Closed loop: a client sends one
1 KiB envelope, then long-polls its own mailbox (``wait=5``) with an ack of what the
previous long-poll brought (``POST …/ack?limit=100&wait=5``, the ack carrying the next
fetch: two signed requests per delivered message, as the desktop client does while pages
keep coming) and sends again. A relay without ack-and-fetch answers the ack alone, and the
client then fetches (three requests), so a paired run against an older relay compares the
two loops. A second closed loop (``three_requests``) acknowledges in a request of its own,
for comparison. Every request is signed when it is sent (fresh nonce and timestamp). The relay
process's CPU time (user + system, /proc) over the run divided by the messages delivered
(acknowledged) is the CPU per delivered message: the send plus its share of fetch and ack.

Latency: an open loop at half the closed loop's rate (senders on a fixed schedule, each
envelope carrying its send time), delivery time = ack-ready receipt minus send time.
/healthz: the same 200 connections ask /healthz as fast as they can; the delivered rate
divided by that rate is the "ratio to /healthz" (how many health checks one delivered
message costs, measured on the same machine in the same run).

Paired comparison (``--baseline COMMIT --rounds N``): the relay package as it was at COMMIT
(``git archive``) and the current one, each round both back to back in a rotating order, a
fresh relay and database for every run, closed loop only (``--paired-seconds``); the median of
the per-round ratios current/baseline is what decides on a shared, noisy machine.

    python bench/bench_relay_loop.py [--seconds 60] [--clients 200] [--no-postgres | --no-sqlite]
        [--baseline COMMIT [--candidate COMMIT] --rounds 3 --paired-seconds 20] [--out FILE]

Without ``PEERJOURNAL_TEST_POSTGRES_URL`` the PostgreSQL half starts its own throwaway
cluster (as root through ``runuser -u postgres``), so the team's shared server is not loaded.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import os
import secrets
import shutil
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from nacl.signing import SigningKey

sys.path.insert(0, str(Path(__file__).resolve().parent))
from relay_common import (
    ThrowawayPostgres,
    b64u,
    cpu_seconds,
    extract_commit,
    fresh_database,
    load_average,
    make_mailbox,
    start_relay,
)

OUT = Path(__file__).resolve().parent / "out" / "relay_loop.json"
TARGET_CPU_MS = {"SQLite": 0.6, "PostgreSQL": 1.5}
TARGET_P99_MS = 250


class Conn:
    """One keep-alive HTTP/1.1 connection with signing."""

    def __init__(self, host: str, port: int, address: str) -> None:
        self.host, self.port, self.address = host, port, address
        self.reader: asyncio.StreamReader
        self.writer: asyncio.StreamWriter

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def request(
        self,
        method: str,
        path: str,
        key: SigningKey | None = None,
        body: bytes = b"",
        query: str = "",
        content_type: str = "",
    ) -> tuple[int, bytes]:
        lines = [f"{method} {path}{'?' + query if query else ''} HTTP/1.1", f"Host: {self.host}"]
        lines.append(f"X-Forwarded-For: {self.address}")
        if key is not None:
            ts = str(int(time.time()))
            nonce = b64u(secrets.token_bytes(16))
            message = "\n".join(
                ["PJ-REQ-1", method, path, query, ts, nonce, hashlib.sha256(body).hexdigest()]
            ).encode()
            lines += [
                f"PJ-Timestamp: {ts}",
                f"PJ-Nonce: {nonce}",
                f"PJ-Signature: {b64u(key.sign(message).signature)}",
            ]
        if body:
            lines += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        return status, await self.reader.readexactly(length) if length else b""


class Peer:
    """A client: its connection, its own mailbox, and the mailbox it sends to."""

    def __init__(self, conn: Conn, own: tuple[str, SigningKey], target: tuple[str, SigningKey]):
        self.conn = conn
        self.recipient_id, self.recipient_key = own
        self.target_sender, self.target_key = target

    async def send(self, payload: bytes) -> int:
        mid = b64u(secrets.token_bytes(16))
        body = payload.ljust(1024, b"\0")
        status, _ = await self.conn.request(
            "PUT",
            f"/v1/mailboxes/{self.target_sender}/messages/{mid}",
            self.target_key,
            body,
            content_type="application/octet-stream",
        )
        return status

    async def receive(self, wait: int) -> list[bytes]:
        """Long-poll, then acknowledge what came in a request of its own (three requests
        per delivered message with the send)."""
        messages = await self._fetch(wait)
        if messages:
            await self.ack([m["id"] for m in messages])
        return [base64.urlsafe_b64decode(m["envelope"] + "==") for m in messages]

    async def receive_acking(self, wait: int, due: list[str]) -> tuple[list[bytes], list[str]]:
        """Acknowledge ``due`` and long-poll in one request (two requests per delivered
        message with the send); the envelopes and their ids, which the next call
        acknowledges. A relay without ack-and-fetch answers without messages: then a plain
        fetch, as the desktop client does."""
        status, data = await self.conn.request(
            "POST",
            f"/v1/mailboxes/{self.recipient_id}/ack",
            self.recipient_key,
            json.dumps({"ids": due}).encode(),
            query=f"limit=100&wait={wait}",
            content_type="application/json",
        )
        doc = json.loads(data) if status == 200 else {}
        messages = doc["messages"] if "messages" in doc else await self._fetch(wait)
        ids = [m["id"] for m in messages]
        return [base64.urlsafe_b64decode(m["envelope"] + "==") for m in messages], ids

    async def ack(self, ids: list[str]) -> None:
        await self.conn.request(
            "POST",
            f"/v1/mailboxes/{self.recipient_id}/ack",
            self.recipient_key,
            json.dumps({"ids": ids}).encode(),
            content_type="application/json",
        )

    async def _fetch(self, wait: int) -> list[dict[str, Any]]:
        status, data = await self.conn.request(
            "GET",
            f"/v1/mailboxes/{self.recipient_id}/messages",
            self.recipient_key,
            query=f"limit=100&wait={wait}",
        )
        return list(json.loads(data)["messages"]) if status == 200 else []


async def make_peers(url: str, clients: int) -> list[Peer]:
    host, port = url.split("//", 1)[1].split(":")
    boxes = await asyncio.gather(*(asyncio.to_thread(make_mailbox, url) for _ in range(clients)))
    peers = []
    for i in range(clients):
        conn = Conn(host, int(port), f"198.18.{i // 250}.{i % 250}")
        await conn.open()
        recipient_id, _, rkey, _ = boxes[i]
        _, sender_id, _, skey = boxes[(i + 1) % clients]
        peers.append(Peer(conn, (recipient_id, rkey), (sender_id, skey)))
    return peers


async def closed_loop(
    peers: list[Peer], seconds: float, sends: int = 1, ack_with_fetch: bool = True
) -> dict[str, float]:
    """Each client sends ``sends`` envelopes, then long-polls and acks what it got: with
    ``ack_with_fetch`` the ack rides on the next long-poll (two requests per delivered
    message), else it is a request of its own (three)."""
    delivered = 0
    deadline = time.monotonic() + seconds
    last_delivery = time.monotonic()

    async def run(peer: Peer) -> list[str]:
        nonlocal delivered, last_delivery
        due: list[str] = []
        while time.monotonic() < deadline:
            for _ in range(sends):
                await peer.send(b"x")
            if ack_with_fetch:
                got, due = await peer.receive_acking(5, due)
            else:
                got = await peer.receive(wait=5)  # not "+= await": the sum would lose updates
            delivered += len(got)
            if got:
                last_delivery = time.monotonic()
        return due

    started = time.monotonic()
    dues = await asyncio.gather(*(run(p) for p in peers))
    for peer, due in zip(peers, dues, strict=True):  # what is still in flight
        if ack_with_fetch:
            got, due = await peer.receive_acking(0, due)
            if due:
                await peer.ack(due)
        else:
            got = await peer.receive(wait=0)
        delivered += len(got)
    # the rate over the time messages kept arriving: at the end a client whose sender has
    # stopped waits out its long-poll (up to 5 s) with nothing to do
    return {"delivered": delivered, "seconds": last_delivery - started}


async def open_loop(peers: list[Peer], rate: float, seconds: float) -> list[float]:
    """Senders on a fixed schedule at ``rate`` messages/s in all; delivery latencies."""
    latencies: list[float] = []
    stop = time.monotonic() + seconds
    per_peer = rate / len(peers)

    async def sender(index: int, peer: Peer) -> None:
        next_at = time.monotonic() + index / rate
        while next_at < stop:
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            await peer.send(struct.pack("!d", time.time()))
            next_at += 1.0 / per_peer

    async def receiver(peer: Peer) -> None:
        due: list[str] = []
        while time.monotonic() < stop + 3:
            envelopes, due = await peer.receive_acking(2, due)  # acking the previous ones
            got = time.time()
            for envelope in envelopes:
                latencies.append(got - struct.unpack("!d", envelope[:8])[0])
        if due:
            await peer.ack(due)

    receivers = []
    for peer in peers:  # a second connection per client for its long-polls
        conn = Conn(peer.conn.host, peer.conn.port, peer.conn.address)
        await conn.open()
        own = (peer.recipient_id, peer.recipient_key)
        receivers.append(receiver(Peer(conn, own, (peer.target_sender, peer.target_key))))
    await asyncio.gather(*(sender(i, p) for i, p in enumerate(peers)), *receivers)
    return latencies


async def healthz_rate(peers: list[Peer], seconds: float) -> float:
    count = 0
    deadline = time.monotonic() + seconds

    async def run(conn: Conn) -> None:
        nonlocal count
        while time.monotonic() < deadline:
            await conn.request("GET", "/healthz")
            count += 1

    started = time.monotonic()
    await asyncio.gather(*(run(p.conn) for p in peers))
    return count / (time.monotonic() - started)


async def measure(url: str, pid: int, args: argparse.Namespace) -> dict[str, Any]:
    peers = await make_peers(url, args.clients)
    await closed_loop(peers, 3)  # warm-up
    cpu0 = cpu_seconds(pid)
    loop = await closed_loop(peers, args.seconds)
    cpu = cpu_seconds(pid) - cpu0
    rate = loop["delivered"] / loop["seconds"]
    cpu0 = cpu_seconds(pid)
    health = await healthz_rate(peers, min(10.0, args.seconds))
    health_cpu_us = (cpu_seconds(pid) - cpu0) / (health * min(10.0, args.seconds)) * 1e6
    latencies = sorted(await open_loop(peers, rate / 2, min(20.0, args.seconds)))
    for peer in peers:
        peer.conn.writer.close()
    batched: dict[str, float] | None = None
    if args.sends_per_poll > 1:  # what a client gains that sends its queue before polling
        batched = await closed_loop_cpu(
            url, pid, args.clients, min(20.0, args.seconds), args.sends_per_poll
        )
    # for comparison: the loop of clients that fetch and acknowledge in separate requests
    three = await closed_loop_cpu(
        url, pid, args.clients, min(20.0, args.seconds), ack_with_fetch=False
    )
    return {
        "batched": batched,
        "three_requests": three,
        "delivered": loop["delivered"],
        "delivered_per_second": round(rate, 1),
        "relay_cpu_ms_per_delivered": round(cpu / loop["delivered"] * 1000, 3),
        "healthz_per_second": round(health, 1),
        "healthz_cpu_us": round(health_cpu_us, 1),
        "ratio_delivered_to_healthz": round(rate / health, 4),
        "half_rate_messages": len(latencies),
        "latency_p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "latency_p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 1)
        if latencies
        else None,
        "load_average": load_average(),
    }


async def closed_loop_cpu(
    url: str, pid: int, clients: int, seconds: float, sends: int = 1, ack_with_fetch: bool = True
) -> dict[str, float]:
    """Relay CPU per delivered message in one closed loop (after a short warm-up)."""
    peers = await make_peers(url, clients)
    await closed_loop(peers, 2, sends, ack_with_fetch)
    cpu0 = cpu_seconds(pid)
    loop = await closed_loop(peers, seconds, sends, ack_with_fetch)
    cpu = cpu_seconds(pid) - cpu0
    # the cheapest request's cost in the same run: the machine's load inflates both alike
    cpu0 = cpu_seconds(pid)
    health_seconds = min(5.0, seconds)
    health = await healthz_rate(peers, health_seconds)
    health_cpu_us = (cpu_seconds(pid) - cpu0) / (health * health_seconds) * 1e6
    for peer in peers:
        peer.conn.writer.close()
    per_delivered_ms = cpu / loop["delivered"] * 1000
    return {
        "delivered_per_second": round(loop["delivered"] / loop["seconds"], 1),
        "relay_cpu_ms_per_delivered": round(per_delivered_ms, 4),
        "healthz_cpu_us": round(health_cpu_us, 1),
        "cpu_per_delivered_in_healthz": round(per_delivered_ms * 1000 / health_cpu_us, 2),
    }


def paired(
    args: argparse.Namespace, backends: list[tuple[str, str]], admin: str, work: Path
) -> dict[str, Any]:
    """Baseline commit against the current relay, rotating rounds (see the module docstring)."""
    package = extract_commit(args.baseline, work / "baseline")
    candidate = extract_commit(args.candidate, work / "candidate") if args.candidate else None
    out: dict[str, Any] = {
        "baseline": args.baseline,
        "candidate": args.candidate or "worktree",
        "rounds": args.rounds,
        "backends": {},
    }
    for name, _ in backends:
        runs: dict[str, list[dict[str, float]]] = {"baseline": [], "current": []}
        for round_number in range(args.rounds):
            order = ["baseline", "current"] if round_number % 2 == 0 else ["current", "baseline"]
            for variant in order:
                database_url = fresh_database(admin) if name == "PostgreSQL" else ""
                process, url = start_relay(
                    work / f"paired-{name}-{round_number}-{variant}",
                    database_url,
                    package_root=package if variant == "baseline" else candidate,
                    extra_env={"PEERJOURNAL_RELAY_TRUST_FORWARDED_FOR": "true"},
                )
                try:
                    result = asyncio.run(
                        closed_loop_cpu(url, process.pid, args.clients, args.paired_seconds)
                    )
                finally:
                    process.terminate()
                    process.wait(timeout=30)
                result["load_average"] = load_average()  # type: ignore[assignment]
                runs[variant].append(result)
        ratios = [
            c["relay_cpu_ms_per_delivered"] / b["relay_cpu_ms_per_delivered"]
            for b, c in zip(runs["baseline"], runs["current"], strict=True)
        ]
        rates = [
            c["delivered_per_second"] / b["delivered_per_second"]
            for b, c in zip(runs["baseline"], runs["current"], strict=True)
        ]
        out["backends"][name] = {
            "runs": runs,
            "cpu_ratio_per_round": [round(r, 3) for r in ratios],
            "cpu_ratio_median": round(statistics.median(ratios), 3),
            "rate_ratio_median": round(statistics.median(rates), 3),
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument(
        "--postgres",
        action=argparse.BooleanOptionalAction,
        default=shutil.which("pg_config") is not None,
    )
    parser.add_argument(
        "--sqlite", action=argparse.BooleanOptionalAction, default=True, help="measure SQLite"
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"raw figures (default {OUT})")
    parser.add_argument(
        "--sends-per-poll",
        type=int,
        default=4,
        help="also measure clients that send this many envelopes per long-poll (1: skip)",
    )
    parser.add_argument("--baseline", help="commit to compare against (paired rounds)")
    parser.add_argument(
        "--candidate", help="commit to measure against the baseline (default: this worktree)"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--paired-seconds", type=float, default=20)
    parser.add_argument(
        "--paired-only", action="store_true", help="only the paired comparison (with --baseline)"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pj-bench-loop."))
    results: dict[str, Any] = {"load_average_at_start": load_average(), "runs": {}}
    pg = None
    try:
        backends = [("SQLite", "")] if args.sqlite else []
        admin = ""
        if args.postgres:
            admin = os.environ.get("PEERJOURNAL_TEST_POSTGRES_URL", "")
            if not admin:
                pg = ThrowawayPostgres()
                admin = pg.start()
            backends.append(("PostgreSQL", fresh_database(admin)))
        if args.baseline:
            results["paired"] = paired(args, backends, admin, work)
        for name, database_url in [] if args.paired_only else backends:
            process, url = start_relay(
                work / name,
                database_url,
                extra_env={"PEERJOURNAL_RELAY_TRUST_FORWARDED_FOR": "true"},
            )
            try:
                results["runs"][name] = asyncio.run(measure(url, process.pid, args))
            finally:
                process.terminate()
                process.wait(timeout=30)
    finally:
        if pg is not None:
            pg.stop()
        shutil.rmtree(work, ignore_errors=True)
    results["settings"] = {"clients": args.clients, "seconds": args.seconds}
    results["load_average_at_end"] = load_average()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report(results, args)
    return 0


def report(results: dict[str, Any], args: argparse.Namespace) -> None:
    """The Markdown section for docs/benchmarks.md."""
    print("## Relay: closed loop, CPU per delivered message\n")
    print(
        f"Method: {args.clients} clients in a closed loop for {args.seconds:.0f} s (send one "
        "1 KiB envelope, long-poll the own mailbox with the ack of the previous answer, "
        "repeat), every request signed when "
        "sent, one asyncio load generator on the same two cores; relay CPU from /proc over "
        "the run. Then /healthz as fast as the same connections can, and an open loop at half "
        "the closed loop's rate for the delivery latency (send to receipt). Load average "
        f"{results['load_average_at_start']} at the start, {results['load_average_at_end']} at "
        "the end.\n"
    )
    print(
        "| backend | delivered/s | relay CPU per delivered message | target | "
        "/healthz/s | delivered ÷ /healthz | /healthz CPU per request | "
        "CPU per delivered ÷ /healthz CPU | p50 / p99 delivery at half rate |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, r in results["runs"].items():
        target = TARGET_CPU_MS[name]
        verdict = "met" if r["relay_cpu_ms_per_delivered"] <= target else "NOT met"
        lat = verdict_latency = "n/a"
        if r["latency_p99_ms"] is not None:
            verdict_latency = "met" if r["latency_p99_ms"] <= TARGET_P99_MS else "NOT met"
            lat = f"{r['latency_p50_ms']} / {r['latency_p99_ms']} ms ({verdict_latency})"
        print(
            f"| {name} | {r['delivered_per_second']:.0f} | "
            f"{r['relay_cpu_ms_per_delivered']:.3f} ms | ≤ {target} ms ({verdict}) | "
            f"{r['healthz_per_second']:.0f} | {r['ratio_delivered_to_healthz']:.3f} | "
            f"{r['healthz_cpu_us']:.0f} µs | "
            f"{r['relay_cpu_ms_per_delivered'] * 1000 / r['healthz_cpu_us']:.2f} | {lat} |"
        )
    three = {n: r["three_requests"] for n, r in results["runs"].items() if r.get("three_requests")}
    if three:
        print(
            "\nThe same closed loop with the ack in a request of its own (fetch, then ack: "
            "three signed requests per delivered message instead of two; how clients without "
            "ack-and-fetch load the relay):\n"
        )
        print("| backend | delivered/s | relay CPU per delivered message |")
        print("|---|---:|---:|")
        for name, r in three.items():
            print(
                f"| {name} | {r['delivered_per_second']:.0f} | "
                f"{r['relay_cpu_ms_per_delivered']:.3f} ms |"
            )
    batched = {n: r["batched"] for n, r in results["runs"].items() if r.get("batched")}
    if batched:
        print(
            f"\nClients that send {args.sends_per_poll} envelopes before each long-poll (the "
            "same protocol; one fetch and one ack shared by several messages):\n"
        )
        print("| backend | delivered/s | relay CPU per delivered message |")
        print("|---|---:|---:|")
        for name, r in batched.items():
            print(
                f"| {name} | {r['delivered_per_second']:.0f} | "
                f"{r['relay_cpu_ms_per_delivered']:.3f} ms |"
            )
    compared = results.get("paired")
    if compared:
        print(
            f"\nPaired: `{compared.get('candidate', 'worktree')}` against "
            f"`{compared['baseline']}` ({compared['rounds']} rounds, "
            f"{args.paired_seconds:.0f} s closed loop each, rotating order):\n"
        )
        print(
            "| backend | CPU per delivered, current ÷ baseline (per round) | median | rate ratio |"
        )
        print("|---|---|---:|---:|")
        for name, r in compared["backends"].items():
            rounds = ", ".join(f"{x:.3f}" for x in r["cpu_ratio_per_round"])
            print(
                f"| {name} | {rounds} | × {r['cpu_ratio_median']:.3f} | "
                f"× {r['rate_ratio_median']:.3f} |"
            )
        print(
            "\nEach paired run: CPU per delivered message, /healthz CPU per request, their ratio:\n"
        )
        for name, r in compared["backends"].items():
            for variant, runs in r["runs"].items():
                shown = "; ".join(
                    f"{x['relay_cpu_ms_per_delivered']:.3f} ms, "
                    f"{x.get('healthz_cpu_us', 0):.0f} µs, "
                    f"{x.get('cpu_per_delivered_in_healthz', 0):.1f}"
                    for x in runs
                )
                print(f"- {name}, {variant}: {shown}")
    print(f"\nRaw figures: `bench/out/{args.out.name}`.")


if __name__ == "__main__":
    sys.exit(main())
