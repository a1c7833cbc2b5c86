"""Test helpers: a real relay in a background thread and a signing HTTP client."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from nacl.signing import SigningKey
from peerjournal_relay.app import Relay
from peerjournal_relay.config import Settings
from peerjournal_relay.server import bind_socket, make_server

T = TypeVar("T")


def b64u(data: bytes) -> str:
    """Unpadded base64url."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def canonical_query(params: list[tuple[str, str]]) -> str:
    """The canonical query as docs/protocol.md defines it (independent of the relay's code)."""
    pairs = sorted((quote(n, safe="~"), quote(v, safe="~")) for n, v in params)
    return "&".join(f"{n}={v}" for n, v in pairs)


def spawn_relay(
    data_dir: Path,
    *extra: str,
    env: dict[str, str] | None = None,
    command: list[str] | None = None,
    inherit_env: bool = True,
    **popen: Any,
) -> tuple[subprocess.Popen[str], str, str]:
    """``peerjournal-relay serve --port 0`` as a process of its own (stdout and stderr piped);
    returns the process, its URL and the first line it printed (which names the URL).
    ``env`` adds to this process's environment, or replaces it with ``inherit_env=False``."""
    process = subprocess.Popen(
        [
            *(command or [sys.executable, "-m", "peerjournal_relay"]),
            "serve",
            "--port",
            "0",
            "--data-dir",
            str(data_dir),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**(os.environ if inherit_env else {}), **(env or {})},
        **popen,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", first)
    if match is None:
        process.kill()
        _, err = process.communicate(timeout=30)
        raise RuntimeError(f"relay did not start: {first!r} {err[-2000:]}")
    return process, match.group(1), first


class RelayThread:
    """A real uvicorn relay on 127.0.0.1, port 0, in a background thread."""

    def __init__(self, settings: Settings, clock: Callable[[], float] | None = None) -> None:
        self.settings = settings
        self.app = Relay(settings) if clock is None else Relay(settings, clock=clock)
        self.server = make_server(settings, self.app)
        self.sock = bind_socket("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def start(self) -> RelayThread:
        """Start and wait until the relay answers."""
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("relay did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        """Stop gracefully and wait for the thread."""
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the relay's event loop (e.g. ``relay.app.sweep_once(now)``)."""
        if self.app.loop is None:
            raise RuntimeError("relay not started")
        return asyncio.run_coroutine_threadsafe(coro, self.app.loop).result(timeout=60)


def wait_for_long_polls(relay: RelayThread, count: int = 1) -> None:
    """Until ``count`` long-polls wait in the relay (a sleep is no proof that a request sent
    from another thread has even arrived: on a busy machine it may not have)."""

    async def waiting() -> int:
        return sum(c.hangup.waiting for c in relay.server.relay_guard.open)

    deadline = time.monotonic() + 30
    while relay.call(waiting()) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"{count} long-poll(s) never waited")
        time.sleep(0.01)


@dataclass
class Mailbox:
    """A created and secured mailbox with its keys."""

    recipient_id: str
    sender_id: str
    recipient_key: SigningKey
    sender_key: SigningKey


def new_key() -> SigningKey:
    """A fresh Ed25519 key."""
    return SigningKey.generate()


def envelope(size: int = 1024, fill: bytes | None = None) -> bytes:
    """A fake envelope of ``size`` bytes (the relay never looks inside)."""
    if fill is None:
        return b"\x01" + secrets.token_bytes(size - 1)
    return (fill * (size // len(fill) + 1))[:size]


def message_id() -> str:
    """A fresh random message id."""
    return b64u(secrets.token_bytes(16))


class Client:
    """Signs requests as docs/protocol.md section 2 describes, over one httpx client."""

    def __init__(self, base_url: str, address: str | None = None) -> None:
        self.address = address or f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.7"
        self.http = httpx.Client(  # trust_env=False: never a proxy from the environment
            base_url=base_url,
            timeout=60,
            headers={"X-Forwarded-For": self.address},
            trust_env=False,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self.http.close()

    def signed(
        self,
        method: str,
        path: str,
        key: SigningKey,
        body: bytes = b"",
        params: list[tuple[str, str]] | None = None,
        *,
        timestamp: int | None = None,
        nonce: str | None = None,
        new_key: bool = False,
        sign_path: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send a signed request; keyword arguments let tests forge parts of it."""
        query = canonical_query(params or [])
        ts = int(time.time()) if timestamp is None else timestamp
        nonce = nonce or b64u(secrets.token_bytes(16))
        message = "\n".join(
            [
                "PJ-REQ-1",
                method.upper(),
                sign_path or path,
                query,
                str(ts),
                nonce,
                hashlib.sha256(body).hexdigest(),
            ]
        ).encode()
        all_headers = {
            "PJ-Timestamp": str(ts),
            "PJ-Nonce": nonce,
            "PJ-Signature": b64u(key.sign(message).signature),
        }
        if new_key:
            all_headers["PJ-Key"] = b64u(bytes(key.verify_key))
        if body:
            all_headers["Content-Type"] = "application/octet-stream"
        all_headers.update(headers or {})
        url = path + ("?" + query if query else "")
        return self.http.request(method, url, content=body, headers=all_headers)

    # -- protocol calls -----------------------------------------------------------------
    def create(self, key: SigningKey) -> httpx.Response:
        """POST /v1/mailboxes."""
        return self.signed("POST", "/v1/mailboxes", key, new_key=True)

    def secure(self, sender_id: str, key: SigningKey) -> httpx.Response:
        """POST /v1/mailboxes/{sender_id}/secure."""
        return self.signed("POST", f"/v1/mailboxes/{sender_id}/secure", key, new_key=True)

    def mailbox(self) -> Mailbox:
        """Create and secure a fresh mailbox."""
        rkey, skey = new_key(), new_key()
        created = self.create(rkey)
        if created.status_code != 201:
            raise RuntimeError(f"create failed: {created.status_code} {created.text}")
        data = created.json()
        secured = self.secure(data["sender_id"], skey)
        if secured.status_code != 204:
            raise RuntimeError(f"secure failed: {secured.status_code} {secured.text}")
        return Mailbox(data["recipient_id"], data["sender_id"], rkey, skey)

    def send(self, box: Mailbox, mid: str, body: bytes) -> httpx.Response:
        """PUT one envelope."""
        return self.signed(
            "PUT",
            f"/v1/mailboxes/{box.sender_id}/messages/{mid}",
            box.sender_key,
            body,
            headers={"Content-Type": "application/octet-stream"},
        )

    def fetch(
        self, box: Mailbox, limit: int | None = None, wait: int | None = None
    ) -> httpx.Response:
        """GET messages."""
        params = []
        if limit is not None:
            params.append(("limit", str(limit)))
        if wait is not None:
            params.append(("wait", str(wait)))
        return self.signed(
            "GET", f"/v1/mailboxes/{box.recipient_id}/messages", box.recipient_key, params=params
        )

    def ack(
        self,
        box: Mailbox,
        ids: list[str],
        limit: int | str | None = None,
        wait: int | str | None = None,
        params: list[tuple[str, str]] | None = None,
    ) -> httpx.Response:
        """POST ack; with ``limit`` or ``wait`` (or raw ``params``) it carries the next
        fetch."""
        import json

        query = list(params or [])
        if limit is not None:
            query.append(("limit", str(limit)))
        if wait is not None:
            query.append(("wait", str(wait)))
        body = json.dumps({"ids": ids}).encode()
        return self.signed(
            "POST",
            f"/v1/mailboxes/{box.recipient_id}/ack",
            box.recipient_key,
            body,
            params=query,
            headers={"Content-Type": "application/json"},
        )

    def status(self, box: Mailbox) -> httpx.Response:
        """GET mailbox status."""
        return self.signed("GET", f"/v1/mailboxes/{box.recipient_id}", box.recipient_key)

    def delete(self, box: Mailbox) -> httpx.Response:
        """DELETE the mailbox."""
        return self.signed("DELETE", f"/v1/mailboxes/{box.recipient_id}", box.recipient_key)


def error_code(response: httpx.Response) -> str:
    """The protocol error code of an error answer."""
    body = response.json()
    return str(body["error"]["code"])


def signed_bytes(
    method: str,
    path: str,
    key: SigningKey,
    body: bytes = b"",
    query: str = "",
    content_type: str = "",
    extra: str = "",
) -> bytes:
    """One complete signed HTTP/1.1 request as raw bytes (``query`` already canonical)."""
    ts = str(int(time.time()))
    nonce = b64u(secrets.token_bytes(16))
    message = "\n".join(
        ["PJ-REQ-1", method, path, query, ts, nonce, hashlib.sha256(body).hexdigest()]
    ).encode()
    head = [
        f"{method} {path}{'?' + query if query else ''} HTTP/1.1",
        "Host: relay",
        f"PJ-Timestamp: {ts}",
        f"PJ-Nonce: {nonce}",
        f"PJ-Signature: {b64u(key.sign(message).signature)}",
    ]
    if body:
        head += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n" + extra + "\r\n").encode() + body


@dataclass
class RawAnswer:
    """One HTTP answer read off a raw socket."""

    status: int
    headers: dict[str, str]
    body: bytes


def read_answers(sock: Any, count: int, timeout: float = 10.0) -> list[RawAnswer]:
    """Read up to ``count`` answers (Content-Length framed) within ``timeout`` each; fewer
    when the server closes the connection or stays silent."""
    sock.settimeout(timeout)
    buffer = b""
    answers: list[RawAnswer] = []

    def more() -> bool:
        nonlocal buffer
        try:
            chunk = sock.recv(65536)
        except (TimeoutError, ConnectionResetError):
            return False
        buffer += chunk
        return bool(chunk)

    while len(answers) < count:
        while b"\r\n\r\n" not in buffer:
            if not more():
                return answers
        end = buffer.index(b"\r\n\r\n")
        lines = buffer[:end].decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(buffer) < end + 4 + length:
            if not more():
                return answers
        body = buffer[end + 4 : end + 4 + length]
        answers.append(RawAnswer(int(lines[0].split(" ", 2)[1]), headers, body))
        buffer = buffer[end + 4 + length :]
    return answers


def closed_by_server(sock: Any, seconds: float) -> bool:
    """True when the server closes ``sock`` within ``seconds`` (sending nothing more)."""
    sock.settimeout(seconds)
    try:
        return sock.recv(65536) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
