"""Load with faults, exactly once: a small closed loop on both backends, a relay SIGKILL and a
real PostgreSQL restart mid-load (the relay runs as its own process here)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from load import LoadResult, run_load

FAST = {
    "PEERJOURNAL_RELAY_RATE_LIMIT_PER_SECOND": "100000",
    "PEERJOURNAL_RELAY_RATE_LIMIT_BURST": "100000",
    "PEERJOURNAL_RELAY_MAILBOX_CREATIONS_PER_HOUR": "100000",
    "PEERJOURNAL_RELAY_MIN_FREE_DISK_BYTES": "0",
    "PEERJOURNAL_RELAY_TRUST_FORWARDED_FOR": "true",
    "PEERJOURNAL_RELAY_POLL_INTERVAL_SECONDS": "0.2",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RelayProcess:
    """``peerjournal-relay serve`` on a fixed port, so it can be killed and started again."""

    def __init__(self, data_dir: Path, database_url: str = "") -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **FAST, "PEERJOURNAL_RELAY_DATABASE_URL": database_url}
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> RelayProcess:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "peerjournal_relay",
                "serve",
                "--port",
                str(self.port),
                "--data-dir",
                str(self.data_dir),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=self.env,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert re.search(r"listening on http://127\.0\.0\.1:\d+", line), line
        return self

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self._reap()

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self._reap()
        except subprocess.TimeoutExpired:
            self.kill()

    def _reap(self) -> None:
        assert self.process is not None
        self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture
def relay_process(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[RelayProcess]:
    url = request.getfixturevalue("pg_databases").create() if backend == "postgres" else ""
    relay = RelayProcess(tmp_path / "data", url).start()
    yield relay
    relay.stop()


@pytest.mark.slow
@pytest.mark.parametrize("ack_with_fetch", [True, False], ids=["ack-with-fetch", "fetch-then-ack"])
def test_small_load_is_delivered_exactly_once(
    relay_process: RelayProcess, ack_with_fetch: bool
) -> None:
    result = run_load(relay_process.url, clients=20, seconds=10, ack_with_fetch=ack_with_fetch)
    assert len(result.sent) > 100, result.statuses
    result.check_exactly_once()
    assert set(result.statuses) <= {"200", "201"}, result.statuses


@pytest.mark.slow
def test_relay_sigkill_mid_load(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path / "data").start()
    events: list[str] = []

    def hook(elapsed: float) -> None:
        if elapsed > 3 and not events:
            relay.kill()
            events.append("killed")
        elif elapsed > 4 and events == ["killed"]:
            relay.start()
            events.append("restarted")

    try:
        result = run_load(relay.url, clients=12, seconds=8, hook=hook)
    finally:
        relay.stop()
    assert events == ["killed", "restarted"]
    assert result.statuses["ConnectError"] > 0  # the clients did see the relay gone
    result.check_exactly_once(allow_redelivery=True)


class OwnPostgres:
    """A PostgreSQL cluster of this test alone (the shared one is never restarted)."""

    def __init__(self) -> None:
        bindir = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
        self.initdb, self.pg_ctl = f"{bindir}/initdb", f"{bindir}/pg_ctl"
        self.dir = Path(tempfile.mkdtemp(prefix="pj-relay-pg."))
        self.port = free_port()

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run(self.initdb, "-D", f"{self.dir}/data", "-A", "trust", "-U", "relay")
        self._ctl("start")
        return f"postgresql://relay@127.0.0.1:{self.port}/postgres"

    def _ctl(self, action: str) -> None:
        self._run(
            self.pg_ctl,
            "-D",
            f"{self.dir}/data",
            "-l",
            f"{self.dir}/log",
            "-m",
            "fast",
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
            "-w",
            action,
        )

    def restart(self) -> None:
        self._ctl("restart")

    def stop(self) -> None:
        try:
            self._ctl("stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.postgres
def test_postgres_restart_mid_load(tmp_path: Path) -> None:
    if shutil.which("pg_config") is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed in CI")
        pytest.skip("PostgreSQL not installed")
    if os.geteuid() != 0 and os.environ.get("CI"):
        pytest.fail("CI runs as root: the own cluster is started as the postgres user")
    server = OwnPostgres()
    url = server.start()
    relay = RelayProcess(tmp_path / "data", url).start()
    events: list[str] = []
    sent_before: list[int] = []
    result_box: list[LoadResult] = []

    def hook(elapsed: float) -> None:
        if elapsed > 3 and not events:
            sent_before.append(len(result_box[0].sent))
            server.restart()  # real: every connection of every relay process is cut
            events.append("restarted")

    try:
        result = run_load(relay.url, clients=12, seconds=8, hook=hook, on_start=result_box.append)
    finally:
        relay.stop()
        server.stop()
    assert events == ["restarted"]
    # While PostgreSQL was away the relay answered 503 or held the request until it was back
    # (which of the two depends on how fast the restart was); never a 500, and it recovered:
    # sends went on succeeding after the restart.
    assert result.statuses["500"] == 0, result.statuses
    assert sent_before and sent_before[0] > 0, "no load before the restart"
    assert len(result.sent) > sent_before[0], f"nothing sent after the restart: {result.statuses}"
    result.check_exactly_once(allow_redelivery=True)
