"""Relay test fixtures: a real relay on 127.0.0.1 (port 0) over SQLite and PostgreSQL.

The PostgreSQL server comes from ``PEERJOURNAL_TEST_POSTGRES_URL`` (``.ci/run`` starts one).
Without it the PostgreSQL half is skipped locally, but fails when ``CI`` is set: CI must never
skip it silently. Each relay started here gets its own fresh database, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

from peerjournal_relay.config import Settings
from relay_helpers import Client, RelayThread

BACKENDS = ["sqlite", "postgres"]
PG_ENV = "PEERJOURNAL_TEST_POSTGRES_URL"

# Hypothesis on a shared, loaded machine: drawing examples or running one can be slow without
# anything being wrong, so neither the per-example deadline nor the "too slow" health check
# may fail a test. What a property asserts is untouched.
settings.register_profile(
    "peerjournal", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("peerjournal")


def _postgres_url() -> str:
    url = os.environ.get(PG_ENV, "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set in CI: the PostgreSQL relay tests must run")
        pytest.skip(f"{PG_ENV} not set (start PostgreSQL as .ci/run does)")
    return url


class PostgresDatabases:
    """Creates fresh databases on the test server and drops them at the end."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.created: list[str] = []

    def _admin(self) -> Any:
        import psycopg

        return psycopg.connect(self.admin_url, autocommit=True)

    def create(self) -> str:
        """A fresh empty database; returns its URL."""
        name = f"pj_relay_test_{secrets.token_hex(6)}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        parts = urlsplit(self.admin_url)
        return urlunsplit(parts._replace(path="/" + name))

    def terminate_connections(self, url: str) -> int:
        """Kill every server connection to the database of ``url`` (a server-restart stand-in)."""
        name = urlsplit(url).path.lstrip("/")
        with self._admin() as conn:
            cur = conn.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            row = cur.fetchone()
        return int(row[0]) if row else 0

    def drop_all(self) -> None:
        """Drop every database made here."""
        with self._admin() as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PostgresDatabases]:
    """Fresh-database factory on the test PostgreSQL server (skip or fail when absent)."""
    databases = PostgresDatabases(_postgres_url())
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The storage backend under test."""
    return str(request.param)


RelayFactory = Callable[..., RelayThread]


def _settings_for(
    backend: str, folder: Path, request: pytest.FixtureRequest, overrides: dict[str, Any]
) -> Settings:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": 0,
        "data_dir": str(folder),
        "trust_forwarded_for": True,
        "rate_limit_per_second": 1000.0,
        "rate_limit_burst": 5000,
        "mailbox_creations_per_hour": 100000,
        "min_free_disk_bytes": 0,
        "poll_interval_seconds": 0.1,
    }
    if backend == "postgres":
        databases: PostgresDatabases = request.getfixturevalue("pg_databases")
        values["database_url"] = databases.create()
    values.update(overrides)
    return Settings().with_overrides(values).validate()


@pytest.fixture(scope="session")
def relay(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[RelayThread]:
    """One shared relay per backend for the whole session."""
    folder = tmp_path_factory.mktemp(f"relay-{backend}")
    server = RelayThread(_settings_for(backend, folder, request, {})).start()
    yield server
    server.stop()


@pytest.fixture
def start_relay(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[RelayFactory]:
    """Start extra relays with special settings; all are stopped after the test."""
    started: list[RelayThread] = []

    def start(*, same_storage_as: RelayThread | None = None, **overrides: Any) -> RelayThread:
        if same_storage_as is not None:
            keep = same_storage_as.settings
            overrides = {"data_dir": keep.data_dir, "database_url": keep.database_url, **overrides}
        settings = _settings_for(backend, tmp_path / f"relay{len(started)}", request, overrides)
        server = RelayThread(settings).start()
        started.append(server)
        return server

    yield start
    for server in started:
        if server.thread.is_alive():
            server.stop()


@pytest.fixture
def client(relay: RelayThread) -> Iterator[Client]:
    """A signing client with its own (forwarded) client address."""
    c = Client(relay.url)
    yield c
    c.close()
