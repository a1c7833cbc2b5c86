#!/usr/bin/env python3
"""Relay benchmark: authenticated 1 KiB sends per second and latency, beside bare endpoints.

Method: the relay runs as its own process (``python -m peerjournal_relay serve``, SQLite in a
temporary folder, and PostgreSQL when ``PEERJOURNAL_TEST_POSTGRES_URL`` is set or ``--postgres``
starts a throwaway cluster). Beside it, in the same run: the relay as it was with its
hand-written raw-ASGI HTTP layer (commit ``--baseline``, taken with ``git archive``), and two
bare endpoints under the same uvicorn settings (raw ASGI and Starlette) that show the server's
and framework's own floor. The load generator (this process) pre-signs every request before
the clock starts and sends them over keep-alive raw sockets from several threads, so signing
costs nothing during the run. Each request is one PUT of a fresh 1 KiB envelope with a unique
message id; latency is measured per request from just before sending to the end of the
answer; server CPU is the server process's user+system time over the run. Servers are
measured in rounds, each round every server once in a rotating order, and the relay against
its raw-layer self is reported as the median of the per-round ratios.

    python bench/bench_relay.py [--requests 4000] [--connections 16] [--rounds 5] [--postgres]

Writes bench/out/relay.json and prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from nacl.signing import SigningKey

sys.path.insert(0, str(Path(__file__).resolve().parent))
from relay_common import (
    RAW_LAYER_COMMIT,
    ThrowawayPostgres,
    b64u,
    cpu_seconds,
    extract_commit,
    fresh_database,
    load_average,
    make_mailbox,
    read_response,
    signed_headers,
    start_process,
    start_relay,
)

OUT = Path(__file__).resolve().parent / "out" / "relay.json"


# -- servers ------------------------------------------------------------------------------
def bare_server_main() -> None:
    """Run the bare endpoint (same framework family, same uvicorn settings) and print its port."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    async def put(request: Request) -> Response:
        await request.body()
        return Response(b'{"stored":true}', 201, media_type="application/json")

    app = Starlette(routes=[Route("/bare/{a}/messages/{b}", put, methods=["PUT"])])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # TCP_NODELAY
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)
    print(f"listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        proxy_headers=False,
        server_header=False,
        lifespan="off",
        timeout_keep_alive=35,
    )
    uvicorn.Server(config).run(sockets=[sock])


def bare_asgi_main() -> None:
    """Run a bare raw-ASGI endpoint (the relay's own style) under the same uvicorn settings."""
    import uvicorn

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        body = b'{"stored":true}'
        await send(
            {
                "type": "http.response.start",
                "status": 201,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)
    print(f"listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        proxy_headers=False,
        server_header=False,
        lifespan="off",
        timeout_keep_alive=35,
    )
    uvicorn.Server(config).run(sockets=[sock])


# -- load generation -----------------------------------------------------------------------
def build_requests(
    port: int, count: int, boxes: list[tuple[str, SigningKey]], bare: bool
) -> list[list[bytes]]:
    """Pre-built raw requests, one list per connection."""
    ts = int(time.time())
    per_conn: list[list[bytes]] = [[] for _ in boxes]
    for n in range(count):
        index = n % len(boxes)
        sender_id, key = boxes[index]
        body = b"\x01" + secrets.token_bytes(1023)
        mid = b64u(secrets.token_bytes(16))
        path = (
            f"/bare/{sender_id}/messages/{mid}"
            if bare
            else f"/v1/mailboxes/{sender_id}/messages/{mid}"
        )
        auth = "" if bare else signed_headers(key, "PUT", path, body, ts)
        head = (
            f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/octet-stream\r\nContent-Length: {len(body)}\r\n{auth}\r\n"
        )
        per_conn[index].append(head.encode() + body)
    return per_conn


def run_load(port: int, per_conn: list[list[bytes]]) -> dict[str, Any]:
    """Send everything over one socket per connection list; return throughput and latency."""
    latencies: list[list[float]] = [[] for _ in per_conn]
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    start_gate = threading.Barrier(len(per_conn) + 1)

    def worker(index: int) -> None:
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = bytearray()
        local: dict[int, int] = {}
        start_gate.wait()
        for raw in per_conn[index]:
            t0 = time.perf_counter()
            sock.sendall(raw)
            status, _ = read_response(sock, buffer)
            latencies[index].append(time.perf_counter() - t0)
            local[status] = local.get(status, 0) + 1
        sock.close()
        with lock:
            for status, n in local.items():
                statuses[status] = statuses.get(status, 0) + n

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(per_conn))]
    for thread in threads:
        thread.start()
    start_gate.wait()
    t0 = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - t0
    flat = sorted(x for lat in latencies for x in lat)
    count = len(flat)
    return {
        "requests": count,
        "seconds": round(elapsed, 3),
        "per_second": round(count / elapsed, 1),
        "p50_ms": round(statistics.median(flat) * 1000, 2),
        "p99_ms": round(flat[min(count - 1, int(count * 0.99))] * 1000, 2),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


REPEAT = 5


class Target:
    """One server process under test, with its mailboxes and the CPU it spent per run."""

    def __init__(self, name: str, process: subprocess.Popen[str], url: str, bare: bool) -> None:
        self.name = name
        self.process = process
        self.url = url
        self.port = int(url.rsplit(":", 1)[1])
        self.bare = bare
        self.boxes: list[tuple[str, SigningKey]] = []
        self.runs: list[dict[str, Any]] = []

    def prepare(self, connections: int, warmup: int) -> None:
        """Mailboxes (real ones for the relay), then a warm-up run."""
        if self.bare:
            self.boxes = [
                (b64u(secrets.token_bytes(16)), SigningKey.generate()) for _ in range(connections)
            ]
        else:
            self.boxes = [
                (sender, skey)
                for _, sender, _, skey in (make_mailbox(self.url) for _ in range(connections))
            ]
        run_load(self.port, build_requests(self.port, warmup, self.boxes, self.bare))

    def measure(self, count: int) -> None:
        """One run; the server's own CPU time is read from /proc around it."""
        requests = build_requests(self.port, count, self.boxes, self.bare)
        before = cpu_seconds(self.process.pid)
        figures = run_load(self.port, requests)
        figures["server_cpu_us_per_request"] = round(
            (cpu_seconds(self.process.pid) - before) / figures["requests"] * 1e6, 1
        )
        figures["load_average"] = load_average()
        self.runs.append(figures)

    def summary(self) -> dict[str, Any]:
        """The run with the median rate, and every run's rate and CPU."""
        ordered = sorted(self.runs, key=lambda run: run["per_second"])
        chosen = dict(ordered[len(ordered) // 2])
        chosen["all_runs_per_second"] = [run["per_second"] for run in self.runs]
        chosen["all_runs_cpu_us"] = [run["server_cpu_us_per_request"] for run in self.runs]
        chosen["cpu_us_median"] = statistics.median(chosen["all_runs_cpu_us"])
        return chosen

    def stop(self) -> None:
        """Stop the server."""
        self.process.terminate()
        self.process.wait(timeout=30)


def paired_ratio(new: Target, old: Target, key: str) -> float:
    """Median over rounds of new/old for ``key`` (each round measured both back to back)."""
    ratios = [a[key] / b[key] for a, b in zip(new.runs, old.runs, strict=True) if b[key]]
    return round(statistics.median(ratios), 3)


def machine() -> dict[str, Any]:
    """Where the figures come from."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load_average_at_start": load_average(),
    }


def start_targets(args: argparse.Namespace, work: Path) -> tuple[list[Target], Any]:
    """Every server of the comparison, each in its own process."""
    targets: list[Target] = []
    here = str(Path(__file__).resolve())
    for flag, name in (
        ("--bare-asgi", "bare raw-ASGI endpoint"),
        ("--bare-server", "bare Starlette endpoint"),
    ):
        process, url = start_process([sys.executable, here, flag], dict(os.environ))
        targets.append(Target(name, process, url, True))
    raw = extract_commit(args.baseline, work / "baseline")
    process, url = start_relay(work / "raw-sqlite", package_root=raw)
    targets.append(Target(f"relay, SQLite, raw ASGI layer ({args.baseline})", process, url, False))
    process, url = start_relay(work / "sqlite")
    targets.append(Target("relay, SQLite", process, url, False))
    pg = None
    admin = os.environ.get("PEERJOURNAL_TEST_POSTGRES_URL", "")
    if args.postgres and not admin:
        pg = ThrowawayPostgres()
        admin = pg.start()
    if admin:
        process, url = start_relay(work / "unused", fresh_database(admin), package_root=raw)
        targets.append(
            Target(f"relay, PostgreSQL, raw ASGI layer ({args.baseline})", process, url, False)
        )
        process, url = start_relay(work / "unused", fresh_database(admin))
        targets.append(Target("relay, PostgreSQL", process, url, False))
    return targets, pg


def main() -> int:
    """Run the benchmark and report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=REPEAT)
    parser.add_argument(
        "--baseline",
        default=RAW_LAYER_COMMIT,
        help="git commit of the relay to compare with (default: the raw ASGI layer)",
    )
    parser.add_argument(
        "--postgres",
        action=argparse.BooleanOptionalAction,
        default=shutil.which("pg_config") is not None,
        help="also measure PostgreSQL on a throwaway cluster (default: when installed)",
    )
    parser.add_argument("--bare-server", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bare-asgi", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        bare_server_main()
        return 0
    if args.bare_asgi:
        bare_asgi_main()
        return 0
    results: dict[str, Any] = {"machine": machine(), "method": __doc__.split("\n\n")[1]}
    work = Path(tempfile.mkdtemp(prefix="pj-bench-relay."))
    targets: list[Target] = []
    pg = None
    try:
        targets, pg = start_targets(args, work)
        for target in targets:
            target.prepare(args.connections, max(500, args.requests // 4))
        for round_number in range(args.rounds):
            # rotate the order so no target always runs first (or last) in a round
            shift = round_number % len(targets)
            for target in targets[shift:] + targets[:shift]:
                target.measure(args.requests)
    finally:
        for target in targets:
            target.stop()
        if pg is not None:
            pg.stop()
        shutil.rmtree(work, ignore_errors=True)
    results["runs"] = {t.name: t.summary() for t in targets}
    by_name = {t.name: t for t in targets}
    comparisons = {}
    for backend in ("SQLite", "PostgreSQL"):
        new = by_name.get(f"relay, {backend}")
        old = by_name.get(f"relay, {backend}, raw ASGI layer ({args.baseline})")
        if new and old:
            comparisons[backend] = {
                "send_rate_ratio": paired_ratio(new, old, "per_second"),
                "cpu_per_send_ratio": paired_ratio(new, old, "server_cpu_us_per_request"),
            }
    results["starlette_vs_raw_layer"] = comparisons
    results["settings"] = {
        "requests": args.requests,
        "connections": args.connections,
        "rounds": args.rounds,
        "envelope_bytes": 1024,
        "baseline": args.baseline,
    }
    results["load_average_at_end"] = load_average()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report(results, args)
    return 0


def report(results: dict[str, Any], args: argparse.Namespace) -> None:
    """The Markdown section for docs/benchmarks.md."""
    m = results["machine"]
    runs = results["runs"]
    sqlite = runs.get("relay, SQLite", {})
    met = sqlite.get("per_second", 0) >= 1000 and sqlite.get("p99_ms", 1e9) <= 50
    print("## Relay: authenticated sends\n")
    print(
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['system']}; "
        f"load average {m['load_average_at_start']} at the start, "
        f"{results['load_average_at_end']} at the end.\n"
    )
    print(
        f"Method: {args.requests} PUTs of fresh 1 KiB envelopes over {args.connections} "
        "keep-alive connections (one mailbox each), every request pre-signed before the clock "
        "starts. Each server runs in its own process: two bare endpoints (raw ASGI, and "
        "Starlette), the relay as it was with its hand-written raw-ASGI HTTP layer "
        f"(commit `{args.baseline}`, run from `git archive`), and the current relay (Starlette "
        "routing, requests, responses and exception handlers), all under the same uvicorn. "
        f"{args.rounds} rounds; in each round every server is measured once, back to back, in "
        "a rotating order, so slow phases of the shared machine hit all alike. The load "
        "generator (raw sockets, one thread per connection) shares the same two cores. "
        "Server CPU is the server process's user+system time over the run, per request.\n"
    )
    print(
        "| target | sends/s (median run) | p50 ms | p99 ms | server CPU µs/send | "
        "all runs, sends/s |"
    )
    print("|---|---:|---:|---:|---:|---|")
    for name, f in runs.items():
        every = ", ".join(f"{rate:.0f}" for rate in f["all_runs_per_second"])
        bad = {k: v for k, v in f["statuses"].items() if not k.startswith("2")}
        note = f" (non-2xx: {bad})" if bad else ""
        print(
            f"| {name}{note} | {f['per_second']:.0f} | {f['p50_ms']} | {f['p99_ms']} | "
            f"{f['cpu_us_median']:.0f} | {every} |"
        )
    for backend, c in results["starlette_vs_raw_layer"].items():
        print(
            f"\nStarlette layer against the raw layer, {backend}: send rate "
            f"× {c['send_rate_ratio']:.3f}, server CPU per send × {c['cpu_per_send_ratio']:.3f} "
            "(median of the per-round ratios)."
        )
    print(
        "\nTarget (design brief section 8): at least 1,000 authenticated sends/s with SQLite "
        f"and p99 at most 50 ms: **{'met' if met else 'NOT met'}** in this run."
    )
    print(f"\nRaw figures: `bench/out/{OUT.name}`.")


if __name__ == "__main__":
    sys.exit(main())
