"""Relay settings: declared once, read from defaults < TOML file < environment < command line.

Every setting has a name, a type, a default and a description; ``init-config`` prints them as a
commented TOML file and ``PEERJOURNAL_RELAY_<NAME>`` environment variables override the file.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ENV_PREFIX = "PEERJOURNAL_RELAY_"
BUCKETS: tuple[int, ...] = (1024, 4096, 16384, 65536)
KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB
MAX_CONFIG_BYTES = MIB  # a config file is a few KiB; anything larger is a mistake


class ConfigError(Exception):
    """The configuration file or an environment variable holds an invalid value."""


def _setting(default: Any, doc: str) -> Any:
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class Settings:
    """Every relay setting with its default; see ``init-config`` for the descriptions."""

    host: str = _setting(
        "127.0.0.1", "Address to listen on. Keep 127.0.0.1 behind a reverse proxy."
    )
    port: int = _setting(8787, "TCP port to listen on (0 picks a free port).")
    data_dir: str = _setting(
        ".relay-data", "Folder for the SQLite database (used when database_url is empty)."
    )
    database_url: str = _setting(
        "", "postgresql://user@host/db to use PostgreSQL instead of SQLite (empty: SQLite)."
    )
    max_messages_per_mailbox: int = _setting(1000, "Per-mailbox quota: stored messages.")
    max_bytes_per_mailbox: int = _setting(16 * MIB, "Per-mailbox quota: stored envelope bytes.")
    ttl_days: float = _setting(30.0, "Messages older than this are deleted, read or not.")
    idle_mailbox_days: float = _setting(
        90.0, "Mailboxes with no send or fetch for this long are deleted with their messages."
    )
    sweep_interval_seconds: float = _setting(
        300.0, "How often the sweep deletes expired messages, mailboxes and nonces."
    )
    max_total_messages: int = _setting(
        2_000_000, "Relay-wide cap on stored messages; beyond it sends get 507 relay_full."
    )
    max_total_bytes: int = _setting(
        20 * GIB, "Relay-wide cap on stored envelope bytes; beyond it sends get 507 relay_full."
    )
    max_mailboxes: int = _setting(
        1_000_000, "Relay-wide cap on mailboxes; beyond it creation gets 507 relay_full."
    )
    min_free_disk_bytes: int = _setting(
        512 * MIB, "SQLite only: refuse sends (507) when the data folder's disk has less free."
    )
    max_body_bytes: int = _setting(
        65536, "Largest request body accepted (413 payload_too_large beyond). At least 65536."
    )
    rate_limit_per_second: float = _setting(
        50.0, "Per-client sustained request rate (token bucket refill per second)."
    )
    rate_limit_burst: int = _setting(200, "Per-client burst size (token bucket capacity).")
    mailbox_creations_per_hour: int = _setting(
        60, "Per-client limit on creating mailboxes (each pairing needs two, one per side)."
    )
    rate_limit_key: str = _setting(
        "",
        "Hex key for the keyed hash of client addresses. Empty: a random key per process "
        "(set the same key on every instance behind one load balancer).",
    )
    trust_forwarded_for: bool = _setting(
        False,
        "Take the client address from the last X-Forwarded-For entry. Enable ONLY behind a "
        "reverse proxy that sets it; otherwise clients could pick their own rate-limit key.",
    )
    max_connections: int = _setting(
        1000,
        "Open client connections at most. Beyond it the oldest idle connection is closed to "
        "make room, else the oldest long-poll is answered early or the oldest slow body cut; "
        "the newcomer gets 503 only when the relay is working on every connection. Lowered "
        "at start to fit the process's open-file limit (ulimit -n) with room to spare.",
    )
    max_connections_per_client: int = _setting(
        64,
        "Open connections from one client address at most (busy or idle): beyond it that "
        "address's own connections make room as at max_connections, or the newcomer gets "
        "503 when the relay is working on all of them. Not applied with "
        "trust_forwarded_for, where every connection comes from the proxy: limit "
        "connections per client there.",
    )
    header_timeout_seconds: float = _setting(
        10.0,
        "A request's line and headers must arrive complete within this many seconds of its "
        "first byte (and the first request within this long of connecting).",
    )
    keepalive_timeout_seconds: float = _setting(
        35.0, "An idle keep-alive connection is closed after this many seconds."
    )
    body_timeout_seconds: float = _setting(
        30.0,
        "A request body must arrive complete within this many seconds of its head; "
        "beyond, the connection is closed.",
    )
    send_timeout_seconds: float = _setting(
        30.0,
        "An answer the client stops reading (no byte taken for this many seconds) is dropped "
        "with its connection, so unread answers cannot hold the relay's memory.",
    )
    max_answer_bytes_per_client: int = _setting(
        24 * MIB,
        "Bytes of fetch answers one client address may have waiting to be sent at once "
        "(a full fetch answer is about 5.7 MB). Beyond it its fetches get smaller pages, "
        "then 503 with Retry-After, so one address cannot fill the relay's memory.",
    )
    max_answer_bytes: int = _setting(
        256 * MIB,
        "Bytes of fetch answers all clients together may have waiting to be sent at once; "
        "keep it well below the memory the relay may use (MemoryMax=1G in the systemd unit).",
    )
    max_header_bytes: int = _setting(
        16384, "Largest request line plus headers (431 beyond; nginx's default is 8 KiB)."
    )
    readiness_cache_seconds: float = _setting(
        1.0, "/readyz asks the database at most once per this many seconds."
    )
    time_window_seconds: int = _setting(300, "Accepted clock difference of signed requests.")
    nonce_ttl_seconds: int = _setting(600, "How long used nonces are remembered.")
    max_wait_seconds: int = _setting(30, "Longest long-poll a fetch may ask for.")
    poll_interval_seconds: float = _setting(
        0.5,
        "PostgreSQL: how often a waiting fetch re-checks the database while change "
        "notifications (LISTEN/NOTIFY) are down; with them up, every 5 s at most.",
    )
    pool_size: int = _setting(8, "PostgreSQL: connections per relay process.")
    sqlite_synchronous: str = _setting(
        "full",
        "SQLite: 'full' syncs every commit to disk before answering (a 201 survives a power "
        "cut); 'normal' survives a relay crash but may lose the last commits on power loss.",
    )
    log_level: str = _setting("info", "Log level: debug, info, warning or error.")
    access_log: bool = _setting(
        False,
        "Log one line per request: method, route template (never ids), status and duration.",
    )

    def with_overrides(self, values: Mapping[str, Any]) -> Settings:
        """A copy with ``values`` (already typed) replacing the matching settings."""
        return dataclasses.replace(self, **dict(values))

    def validate(self) -> Settings:
        """Raise ``ConfigError`` for values the relay cannot run with; return self."""
        if self.max_body_bytes < max(BUCKETS):
            raise ConfigError(f"max_body_bytes must be at least {max(BUCKETS)}")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float) and not math.isfinite(value):
                raise ConfigError(f"{f.name} must be a finite number")
        positive = (
            "max_total_messages",
            "max_total_bytes",
            "max_mailboxes",
            "max_messages_per_mailbox",
            "max_bytes_per_mailbox",
            "ttl_days",
            "idle_mailbox_days",
            "sweep_interval_seconds",
            "rate_limit_per_second",
            "rate_limit_burst",
            "mailbox_creations_per_hour",
            "time_window_seconds",
            "nonce_ttl_seconds",
            "poll_interval_seconds",
            "pool_size",
            "max_connections",
            "max_connections_per_client",
            "header_timeout_seconds",
            "keepalive_timeout_seconds",
            "body_timeout_seconds",
            "send_timeout_seconds",
            "readiness_cache_seconds",
        )
        for name in positive:
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive")
        if not self.host:
            raise ConfigError("host must not be empty (0.0.0.0 listens on every interface)")
        if not self.data_dir and not self.database_url:
            raise ConfigError("data_dir must not be empty")
        if self.min_free_disk_bytes < 0:
            raise ConfigError("min_free_disk_bytes must be 0 or more")
        if self.nonce_ttl_seconds < 2 * self.time_window_seconds:
            raise ConfigError("nonce_ttl_seconds must be at least twice time_window_seconds")
        for name in ("max_answer_bytes_per_client", "max_answer_bytes"):
            if getattr(self, name) < MIB:
                raise ConfigError(f"{name} must be at least {MIB} (1 MiB)")
        if self.max_header_bytes < 4096:
            raise ConfigError("max_header_bytes must be at least 4096")
        if not 0 <= self.max_wait_seconds <= 30:
            raise ConfigError("max_wait_seconds must be between 0 and 30")
        if not 0 <= self.port <= 65535:
            raise ConfigError("port must be between 0 and 65535")
        if self.rate_limit_key:
            try:
                bytes.fromhex(self.rate_limit_key)
            except ValueError as exc:
                raise ConfigError("rate_limit_key must be hex") from exc
        if self.sqlite_synchronous not in {"full", "normal"}:
            raise ConfigError("sqlite_synchronous must be full or normal")
        if self.log_level.lower() not in {"debug", "info", "warning", "error"}:
            raise ConfigError("log_level must be debug, info, warning or error")
        if self.database_url and not self.database_url.startswith(("postgresql://", "postgres://")):
            raise ConfigError("database_url must start with postgresql://")
        if self.database_url:
            try:
                _ = urlsplit(self.database_url).port
            except ValueError as exc:
                raise ConfigError(f"database_url is not a valid URL ({exc})") from exc
        return self


_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
_NUMBER_TEXT = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(nan|inf)")


def _convert(name: str, kind: Any, raw: Any) -> Any:
    """Convert a TOML or environment value to the setting's type.

    TOML gives typed values, the environment text. Text numbers are plain ASCII decimal
    (Python's ``int()`` would also take ``8_0`` or Arabic-Indic digits); a TOML float for a
    whole-number setting must be integral (``2e10`` is fine, ``80.5`` is not silently 80);
    a text setting takes only a TOML string, never an array, table or date.
    """
    bad = ConfigError(f"invalid value for {name}: {raw!r}")
    if kind in (bool, "bool"):
        if isinstance(raw, bool):
            return raw
        if not isinstance(raw, str):
            raise bad
        text = raw.strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise bad
    if kind in (int, "int"):
        if isinstance(raw, bool):
            raise bad
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float):
            if not raw.is_integer():
                raise ConfigError(f"{name} must be a whole number, not {raw!r}")
            return int(raw)
        if isinstance(raw, str) and _INTEGER_TEXT.fullmatch(raw.strip()):
            return int(raw.strip())
        raise bad
    if kind in (float, "float"):
        if isinstance(raw, bool):
            raise bad
        if isinstance(raw, int | float):
            return float(raw)
        if isinstance(raw, str) and _NUMBER_TEXT.fullmatch(raw.strip().lower()):
            return float(raw.strip())
        raise bad
    if not isinstance(raw, str):
        raise ConfigError(f"{name} must be a string, not {type(raw).__name__}")
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in raw):
        raise ConfigError(f"{name} must not contain control characters")
    return raw


def _kinds() -> dict[str, Any]:
    return {f.name: f.type for f in fields(Settings)}


def load_file(path: Path) -> dict[str, Any]:
    """Read a TOML config file into typed setting values; unknown keys are an error."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"config file {path} is larger than {MAX_CONFIG_BYTES // MIB} MiB")
    try:
        text = data.decode("utf-8-sig")  # a byte order mark, as some editors write, is fine
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config file {path} is not UTF-8 text (byte {exc.start + 1})") from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    kinds = _kinds()
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in kinds:
            raise ConfigError(f"unknown setting {key!r} in {path}")
        values[key] = _convert(key, kinds[key], value)
    return values


def load_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Typed values from ``PEERJOURNAL_RELAY_<NAME>`` variables."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for name, kind in _kinds().items():
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is not None:
            values[name] = _convert(name, kind, raw)
    return values


def load_settings(
    config_file: Path | None = None,
    cli_values: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults, then the config file, then the environment, then command-line flags."""
    settings = Settings()
    if config_file is not None:
        settings = settings.with_overrides(load_file(config_file))
    settings = settings.with_overrides(load_environment(environ))
    if cli_values:
        settings = settings.with_overrides({k: v for k, v in cli_values.items() if v is not None})
    return settings.validate()


def toml_value(value: Any) -> str:
    """A setting's value in TOML syntax."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def commented_config() -> str:
    """A complete TOML config file with every setting at its default, each explained."""
    lines = [
        "# PeerJournal relay configuration (TOML).",
        "# Use with: peerjournal-relay serve --config relay.toml",
        f"# Every setting can also be set by an environment variable {ENV_PREFIX}<NAME>",
        "# (for example PEERJOURNAL_RELAY_PORT=8787); command-line flags win over both.",
        "# Envelope bucket sizes are fixed by the protocol: " + ", ".join(map(str, BUCKETS)),
        "",
    ]
    defaults = Settings()
    for f in fields(Settings):
        lines.append(f"# {f.metadata['doc']}")
        lines.append(f"{f.name} = {toml_value(getattr(defaults, f.name))}")
        lines.append("")
    return "\n".join(lines)
