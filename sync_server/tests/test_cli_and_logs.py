"""The command line, configuration precedence, and logs free of content, ids and addresses."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from peerjournal_relay.config import ConfigError, Settings, commented_config, load_settings
from relay_helpers import Client, b64u, envelope, message_id, new_key, spawn_relay

CANARY = b"CANARY-b7e1c0de-never-log-me"
ADDRESS = "203.0.113.99"


def test_init_config_prints_every_default(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "peerjournal_relay", "init-config"],
        capture_output=True,
        text=True,
        check=True,
    )
    parsed = tomllib.loads(done.stdout)
    defaults = Settings()
    assert parsed == {name: getattr(defaults, name) for name in parsed}
    assert set(parsed) == set(Settings.__dataclass_fields__)
    assert done.stdout.count("\n# ") >= len(parsed)  # every setting is explained
    assert commented_config() == done.stdout


def test_settings_precedence(tmp_path: Path) -> None:
    config = tmp_path / "relay.toml"
    config.write_text('port = 9000\nttl_days = 7.0\nlog_level = "debug"\n', encoding="utf-8")
    env = {"PEERJOURNAL_RELAY_PORT": "9001", "PEERJOURNAL_RELAY_ACCESS_LOG": "yes"}
    settings = load_settings(config, {"port": None, "host": "127.0.0.2"}, env)
    assert settings.port == 9001  # environment beats the file
    assert settings.ttl_days == 7.0 and settings.log_level == "debug"
    assert settings.access_log is True
    assert settings.host == "127.0.0.2"  # command line beats everything
    assert load_settings(config, {"port": 9002}, env).port == 9002


@pytest.mark.parametrize(
    ("text", "env"),
    [
        ("nonsense = 1\n", {}),
        ("port = 'many'\n", {}),
        ("max_body_bytes = 100\n", {}),
        ("", {"PEERJOURNAL_RELAY_TRUST_FORWARDED_FOR": "maybe"}),
        ("database_url = 'mysql://x'\n", {}),
        ("port = [\n", {}),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, text: str, env: dict[str, str]) -> None:
    config = tmp_path / "relay.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(config, {}, env)
    done = subprocess.run(
        [sys.executable, "-m", "peerjournal_relay", "serve", "--config", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "peerjournal-relay:" in done.stderr and "Traceback" not in done.stderr


def test_logs_contain_no_content_ids_or_addresses(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PEERJOURNAL_RELAY_ACCESS_LOG": "true",
        "PEERJOURNAL_RELAY_TRUST_FORWARDED_FOR": "true",
        "PYTHONUNBUFFERED": "1",
    }
    process, url, first = spawn_relay(tmp_path / "data", "--log-level", "debug", env=env)
    try:
        assert "(SQLite at " in first
        match = re.search(r"(http://127\.0\.0\.1:\d+)", url)
        assert match
        client = Client(match.group(1), address=ADDRESS)
        box = client.mailbox()
        secrets_seen = [
            box.recipient_id,
            box.sender_id,
            ADDRESS,
            b64u(bytes(box.recipient_key.verify_key)),
            b64u(bytes(box.sender_key.verify_key)),
        ]
        body = envelope(4096, fill=CANARY)
        for _ in range(3):
            mid = message_id()
            secrets_seen.append(mid)
            assert client.send(box, mid, body).status_code == 201
        client.send(box, mid, envelope(4096, fill=CANARY[::-1]))  # conflict
        fetched = client.fetch(box).json()["messages"]
        client.ack(box, [m["id"] for m in fetched])
        client.http.get("/v1/mailboxes/" + CANARY.decode())  # bad id in the path
        client.http.get("/v1/" + CANARY.decode() + "?q=" + CANARY.decode())  # unknown route
        client.signed(
            "POST",
            f"/v1/mailboxes/{box.recipient_id}/ack",
            box.recipient_key,
            b'{"ids": ["' + CANARY + b'"]}',
        )
        client.signed("GET", f"/v1/mailboxes/{box.recipient_id}", new_key())  # wrong key
        client.http.put(f"/v1/mailboxes/{box.sender_id}/messages/{mid}", content=CANARY * 9000)
        client.delete(box)
        port = int(match.group(1).rsplit(":", 1)[1])
        for method in (b"ZEBRACAN", b"PROPFIND", b"MKCALENDAR"):  # client-chosen method text
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.sendall(method + b" /v1/info HTTP/1.1\r\nHost: x\r\n\r\n")
                assert sock.recv(4096).startswith(b"HTTP/1.1 4")
        client.close()
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    logs = first + out + err
    assert "PUT /v1/mailboxes/{sender_id}/messages/{message_id} 201" in logs  # access log was on
    assert "unmatched 404" in logs
    assert "OTHER /v1/info 405" in logs  # methods are logged as known names or OTHER
    for method in ("ZEBRACAN", "PROPFIND", "MKCALENDAR"):
        assert method not in logs
    assert CANARY.decode() not in logs and CANARY[::-1].decode() not in logs
    for secret in secrets_seen:
        assert secret not in logs, "a mailbox id, key, message id or address was logged"
    # uvicorn shuts down gracefully, then re-raises the signal it caught (exit by SIGTERM)
    assert process.returncode in (0, -signal.SIGTERM)
    assert "Finished server process" in logs
    assert "Traceback" not in logs


def test_listening_socket_is_tcp_so_answers_are_not_delayed() -> None:
    from peerjournal_relay.server import bind_socket

    sock = bind_socket("127.0.0.1", 0)
    try:
        # asyncio sets TCP_NODELAY on accepted connections only when proto is IPPROTO_TCP
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_serving_freezes_the_start_up_heap_and_collects_young_objects_rarely() -> None:
    import gc

    from peerjournal_relay.server import GC_YOUNG_THRESHOLD, tune_garbage_collector

    before = gc.get_threshold()
    try:
        tune_garbage_collector()
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, before[1], before[2])
        assert before[0] < GC_YOUNG_THRESHOLD
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_a_uvicorn_without_a_hook_the_relay_needs_stops_serve_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from peerjournal_relay.cli import main
    from peerjournal_relay.server import UVICORN_HOOKS, uvicorn_mismatch
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    assert uvicorn_mismatch() == ""  # the installed uvicorn has every hook
    monkeypatch.delattr(HttpToolsProtocol, UVICORN_HOOKS[-1])  # as a release renaming it would
    assert main(["serve", "--port", "0", "--data-dir", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("peerjournal-relay: uvicorn ") and err.count("\n") == 1
    assert UVICORN_HOOKS[-1] in err
    assert not list(tmp_path.iterdir())  # nothing was opened
