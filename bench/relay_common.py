"""Shared parts of the relay benchmarks: servers in their own processes, signing, CPU time.

Import from a bench script with ``sys.path.insert(0, str(Path(__file__).parent))`` then
``import relay_common`` (bench/ is not a package).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import httpx
from nacl.signing import SigningKey

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")
# The last commit of the hand-written HTTP layer (raw ASGI router, http.py, openapi.py):
# bench_relay.py runs it beside the current relay to measure what Starlette costs.
RAW_LAYER_COMMIT = "cfa7317"

FAST_ENV = {
    "PEERJOURNAL_RELAY_RATE_LIMIT_PER_SECOND": "1000000",
    "PEERJOURNAL_RELAY_RATE_LIMIT_BURST": "1000000",
    "PEERJOURNAL_RELAY_MAILBOX_CREATIONS_PER_HOUR": "1000000",
    "PEERJOURNAL_RELAY_MAX_MESSAGES_PER_MAILBOX": "1000000",
    "PEERJOURNAL_RELAY_MAX_BYTES_PER_MAILBOX": str(1 << 36),
    "PEERJOURNAL_RELAY_MIN_FREE_DISK_BYTES": "0",
    "PEERJOURNAL_RELAY_LOG_LEVEL": "warning",
}


def b64u(data: bytes) -> str:
    """Unpadded base64url."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def start_process(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    """Start a server process and read its URL from the first line it prints."""
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+)", line)
    if not match:
        process.kill()
        raise RuntimeError(f"server did not start: {line!r}")
    url = match.group(1)
    for _ in range(200):
        try:
            if httpx.get(url + "/healthz", timeout=2, trust_env=False).status_code in (200, 404):
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    return process, url


def extract_commit(commit: str, into: Path) -> Path:
    """The relay package as it was at ``commit`` (git archive), for a same-run comparison."""
    tar = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "sync_server/peerjournal_relay"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(tar)) as archive:
        archive.extractall(into, filter="data")
    return into / "sync_server"


def start_relay(
    data_dir: Path,
    database_url: str = "",
    *,
    package_root: Path | None = None,
    extra_env: dict[str, str] | None = None,
) -> tuple[subprocess.Popen[str], str]:
    """The real relay CLI with rate limits out of the way and quotas large enough.

    ``package_root`` runs another copy of the relay package (see :func:`extract_commit`).
    """
    env = {**os.environ, **FAST_ENV, "PEERJOURNAL_RELAY_DATABASE_URL": database_url}
    env.update(extra_env or {})
    if package_root is not None:
        env["PYTHONPATH"] = str(package_root)
    args = [sys.executable, "-m", "peerjournal_relay", "serve", "--port", "0"]
    args += ["--data-dir", str(data_dir)]
    return start_process(args, env)


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary folder, started as .ci/run does."""

    def __init__(self) -> None:
        self.bindir = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
        self.dir = Path(tempfile.mkdtemp(prefix="pj-bench-pg."))
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True)

    def start(self) -> str:
        """Initialise and start; return the URL."""
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run(f"{self.bindir}/initdb", "-D", f"{self.dir}/data", "-A", "trust", "-U", "bench")
        self._run(
            f"{self.bindir}/pg_ctl",
            "-D",
            f"{self.dir}/data",
            "-l",
            f"{self.dir}/log",
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1",
            "-w",
            "start",
        )
        return f"postgresql://bench@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        """Stop and remove."""
        try:
            self._run(f"{self.bindir}/pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def fresh_database(admin_url: str) -> str:
    """A new empty database on ``admin_url``'s server."""
    import psycopg

    name = f"pj_bench_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def signed_headers(
    key: SigningKey, method: str, path: str, body: bytes, ts: int, query: str = ""
) -> str:
    """The three signing headers as raw HTTP header lines."""
    nonce = b64u(secrets.token_bytes(16))
    message = "\n".join(
        ["PJ-REQ-1", method, path, query, str(ts), nonce, hashlib.sha256(body).hexdigest()]
    ).encode()
    signature = b64u(key.sign(message).signature)
    return f"PJ-Timestamp: {ts}\r\nPJ-Nonce: {nonce}\r\nPJ-Signature: {signature}\r\n"


def make_mailbox(url: str) -> tuple[str, str, SigningKey, SigningKey]:
    """Create and secure a mailbox; return (recipient id, sender id, recipient key, sender key)."""
    rkey, skey = SigningKey.generate(), SigningKey.generate()
    with httpx.Client(base_url=url, timeout=30, trust_env=False) as http:

        def call(path: str, key: SigningKey) -> httpx.Response:
            raw = signed_headers(key, "POST", path, b"", int(time.time()))
            headers = dict(line.split(": ", 1) for line in raw.strip().split("\r\n"))
            headers["PJ-Key"] = b64u(bytes(key.verify_key))
            return http.post(path, headers=headers)

        created = call("/v1/mailboxes", rkey)
        created.raise_for_status()
        ids = created.json()
        call(f"/v1/mailboxes/{ids['sender_id']}/secure", skey).raise_for_status()
    return ids["recipient_id"], ids["sender_id"], rkey, skey


def read_response(sock: socket.socket, buffer: bytearray) -> tuple[int, bytes]:
    """Read one HTTP response from a keep-alive socket; return its status and body."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection")
        buffer += chunk
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end])
    status = int(head.split(b" ", 2)[1])
    found = re.search(rb"(?i)content-length: *(\d+)", head)
    length = int(found.group(1)) if found else 0
    while len(buffer) < end + length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection")
        buffer += chunk
    body = bytes(buffer[end : end + length])
    del buffer[: end + length]
    return status, body


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages."""
    return [round(x, 2) for x in os.getloadavg()]
