"""Shared fixtures: every test points data and config folders at its own tmp_path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis on a shared, loaded machine: drawing examples or running one can be slow without
# anything being wrong, so neither the per-example deadline nor the "too slow" health check
# may fail a test. What a property asserts is untouched.
settings.register_profile(
    "peerjournal", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("peerjournal")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep every test away from the real home, config and data folders."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "run"))
    monkeypatch.delenv("PEERJOURNAL_VAULT", raising=False)
    monkeypatch.delenv("PEERJOURNAL_PASSPHRASE", raising=False)
    os.makedirs(home / "run", mode=0o700, exist_ok=True)
    yield


@pytest.fixture(autouse=True)
def _fast_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """INSECURE test-only cost: new vaults and the cost floor use Argon2id's minimum.

    Tests that check the real floor delete the variable themselves.
    """
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")


@pytest.fixture
def local_zone() -> Iterator[Callable[[str], None]]:
    """Set this process's local time zone for one test: ``local_zone("Europe/Berlin")``."""
    import time

    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(autouse=True)
def _no_real_pauses_between_pairings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync round pauses a random while between two pairings (unlinkability at the
    relay); tests do not wait for it. Tests of the pauses inject their own ``pause``."""
    from peerjournal.sync import engine

    monkeypatch.setattr(engine, "_pause", lambda _seconds, _stop: None)
