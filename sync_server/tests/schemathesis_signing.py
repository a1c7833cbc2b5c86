"""Schemathesis hook (``SCHEMATHESIS_HOOKS=schemathesis_signing``): sign generated requests.

Without it every signed operation stops at the signature check, so the fuzzer never reaches
the handlers behind it. With it, each *positive* case (one that matches the OpenAPI
document) is pointed at mailboxes this run created on the relay (``PJ_RELAY_URL``) and
signed as docs/protocol.md section 2 says, with a real Ed25519 key, a fresh timestamp and a
fresh nonce, so a valid request must be accepted (2xx). Negative cases are sent as
generated: they test the relay's validation.

- create: a fresh key per request, in ``PJ-Key`` and as the signer;
- secure: a mailbox of the pool, with the sender key it was secured with (secure again with
  the same key is 204);
- send: the pool's sender ids and keys (quotas are raised by the test), and a fresh message
  id (the generated ones repeat across cases, which is a conflict, not a new message);
- fetch, ack, status: one mailbox that holds a few messages (fetch answers at once) and one
  that stays empty (fetch long-polls);
- delete: a throwaway mailbox made just before, so the pool survives.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import schemathesis
from nacl.signing import SigningKey

RELAY_URL = os.environ.get("PJ_RELAY_URL", "")
SIGNED_COUNTS: dict[str, int] = {}


def b64u(data: bytes) -> str:
    """Unpadded base64url."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def canonical_query(pairs: list[tuple[str, str]]) -> str:
    """docs/protocol.md section 2 (independent of the relay's code)."""
    encoded = sorted((quote(n, safe="~"), quote(v, safe="~")) for n, v in pairs)
    return "&".join(f"{n}={v}" for n, v in encoded)


def sign(key: SigningKey, method: str, path: str, query: str, body: bytes) -> dict[str, str]:
    """The three signing headers for one request."""
    ts = str(int(time.time()))
    nonce = b64u(secrets.token_bytes(16))
    digest = hashlib.sha256(body).hexdigest()
    message = "\n".join(["PJ-REQ-1", method.upper(), path, query, ts, nonce, digest]).encode()
    return {
        "PJ-Timestamp": ts,
        "PJ-Nonce": nonce,
        "PJ-Signature": b64u(key.sign(message).signature),
    }


@dataclass
class Box:
    """A mailbox of this run, with both keys."""

    recipient_id: str
    sender_id: str
    recipient_key: SigningKey
    sender_key: SigningKey


def _create(http: httpx.Client) -> Box:
    rkey, skey = SigningKey.generate(), SigningKey.generate()
    headers = {
        "PJ-Key": b64u(bytes(rkey.verify_key)),
        **sign(rkey, "POST", "/v1/mailboxes", "", b""),
    }
    created = http.post("/v1/mailboxes", headers=headers)
    created.raise_for_status()
    ids = created.json()
    path = f"/v1/mailboxes/{ids['sender_id']}/secure"
    headers = {"PJ-Key": b64u(bytes(skey.verify_key)), **sign(skey, "POST", path, "", b"")}
    http.post(path, headers=headers).raise_for_status()
    return Box(ids["recipient_id"], ids["sender_id"], rkey, skey)


class Pool:
    """The run's mailboxes, made on first use."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=30, trust_env=False)
        self.senders = [_create(self.http) for _ in range(4)]  # sends go here
        self.full = _create(self.http)  # holds a few messages: fetch answers at once
        self.empty = _create(self.http)  # stays empty: fetch long-polls
        for _ in range(3):
            path = f"/v1/mailboxes/{self.full.sender_id}/messages/{b64u(secrets.token_bytes(16))}"
            body = secrets.token_bytes(1024)
            headers = {"Content-Type": "application/octet-stream"}
            headers.update(sign(self.full.sender_key, "PUT", path, "", body))
            self.http.put(path, content=body, headers=headers).raise_for_status()

    def reader(self) -> Box:
        """A mailbox to read: usually the one with messages."""
        return self.full if random.random() < 0.7 else self.empty

    def throwaway(self) -> Box:
        """A new mailbox (for delete)."""
        return _create(self.http)


_pool: Pool | None = None


def pool() -> Pool:
    """The run's pool, created against ``PJ_RELAY_URL`` on first use."""
    global _pool
    if _pool is None:
        if not RELAY_URL:
            raise RuntimeError("PJ_RELAY_URL is not set")
        _pool = Pool(RELAY_URL)
    return _pool


def _positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    generation = getattr(meta, "generation", None)
    mode = getattr(generation, "mode", None)
    return mode is not None and not mode.is_negative


def _body_bytes(case: Any) -> bytes:
    """The body bytes schemathesis will send (what the signature must cover)."""
    kwargs = case.as_transport_kwargs(base_url=RELAY_URL)
    if kwargs.get("json") is not None:
        # requests serialises json= exactly like this (json.dumps, allow_nan=False, UTF-8)
        return json.dumps(kwargs["json"], allow_nan=False).encode("utf-8")
    data = kwargs.get("data")
    if data is None:
        return b""
    return bytes(data) if isinstance(data, bytes | bytearray) else str(data).encode("utf-8")


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    """Point a positive case at the run's mailboxes and sign it."""
    path_template: str = case.path
    if not path_template.startswith("/v1/mailboxes") or not _positive(case):
        return
    the_pool = pool()
    method = case.method.upper()
    params = dict(case.path_parameters or {})
    headers = dict(case.headers or {})
    if path_template == "/v1/mailboxes":
        key = SigningKey.generate()
        headers["PJ-Key"] = b64u(bytes(key.verify_key))
    elif path_template.endswith("/secure"):
        box = random.choice(the_pool.senders)
        params["sender_id"] = box.sender_id
        key = box.sender_key
        headers["PJ-Key"] = b64u(bytes(key.verify_key))
    elif "{sender_id}" in path_template:  # PUT a message
        box = random.choice(the_pool.senders)
        params["sender_id"] = box.sender_id
        # a new message: generated ids repeat across cases (with other bytes: 409 conflict)
        params["message_id"] = b64u(secrets.token_bytes(16))
        key = box.sender_key
    else:
        box = the_pool.throwaway() if method == "DELETE" else the_pool.reader()
        params["recipient_id"] = box.recipient_id
        key = box.recipient_key
    case.path_parameters = params
    path = path_template
    for name, value in params.items():
        path = path.replace("{" + name + "}", str(value))
    query = canonical_query([(str(k), str(v)) for k, v in (case.query or {}).items()])
    headers.update(sign(key, method, path, query, _body_bytes(case)))
    case.headers = headers
    SIGNED_COUNTS[f"{method} {path_template}"] = (
        SIGNED_COUNTS.get(f"{method} {path_template}", 0) + 1
    )
