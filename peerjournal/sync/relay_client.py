"""HTTP client for the relay (docs/protocol.md sections 2-4).

Every call maps failures onto the exception tree: network trouble is
:class:`RelayUnreachable`, a documented relay error is :class:`RelayRejected` (with
``code`` and ``status``), and anything malformed, oversized or truncated is
:class:`ProtocolError`. Nothing a relay sends can crash the caller.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import requests

from peerjournal.crypto.b64 import b64u_decode, b64u_encode
from peerjournal.crypto.envelope import BUCKETS
from peerjournal.crypto.signing import canonical_query, sign_request, verify_key
from peerjournal.errors import (
    ProtocolError,
    RelayRejected,
    RelayUnreachable,
)

MAILBOX_ID_SIZE = 16
MAX_ACK_BATCH = 500
MAX_FETCH_LIMIT = 100
MAX_WAIT_SECONDS = 30
MAX_RETRY_AFTER = 3600.0
# A full fetch answer is at most 100 envelopes of 64 KiB in base64 plus a little JSON.
MAX_RESPONSE_BYTES = 12 * 1024 * 1024


@dataclass(frozen=True)
class Mailbox:
    """The two ids of a newly created mailbox."""

    recipient_id: str
    sender_id: str


@dataclass(frozen=True)
class Fetched:
    """One message as fetched: relay message id and the raw envelope bytes (unchecked)."""

    id: str
    envelope: bytes


class RelayClient:
    """A small, strict client for one relay base URL.

    Use one client for one pairing's work and close it after (the sync engine and the use
    cases do): its keep-alive connections must never carry another pairing's mailboxes.
    """

    def __init__(
        self,
        base_url: str,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 15.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        # One requests.Session (connection pool) per thread: the outbox sends a wave of
        # independent messages from a few threads at once.
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout

    def close(self) -> None:
        """Close pooled connections of every thread."""
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()
        self._local = threading.local()

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = False  # never use a proxy or netrc the user did not configure
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    # -- endpoints ---------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """``GET /v1/info``."""
        doc = self._json(self._request("GET", "/v1/info", None))
        if doc.get("protocol") != 1:
            raise ProtocolError("protocol.version")
        return doc

    def create_mailbox(self, recipient_seed: bytes) -> Mailbox:
        """``POST /v1/mailboxes`` with a fresh recipient key."""
        extra = {"PJ-Key": b64u_encode(verify_key(recipient_seed))}
        doc = self._json(self._request("POST", "/v1/mailboxes", recipient_seed, extra=extra))
        return Mailbox(_mailbox_id(doc.get("recipient_id")), _mailbox_id(doc.get("sender_id")))

    def secure(self, sender_id: str, sender_seed: bytes) -> None:
        """``POST /v1/mailboxes/{sender_id}/secure``; 409 ``already_secured`` raises."""
        extra = {"PJ-Key": b64u_encode(verify_key(sender_seed))}
        path = f"/v1/mailboxes/{_mailbox_id(sender_id)}/secure"
        self._request("POST", path, sender_seed, extra=extra)

    def put_message(
        self, sender_id: str, sender_seed: bytes, message_id: str, envelope: bytes
    ) -> bool:
        """Store one envelope; True when new (201), False when already stored (200)."""
        path = f"/v1/mailboxes/{_mailbox_id(sender_id)}/messages/{_mailbox_id(message_id)}"
        resp = self._request("PUT", path, sender_seed, body=envelope)
        return resp.status_code == 201

    def fetch(
        self, recipient_id: str, recipient_seed: bytes, *, limit: int = 100, wait: int = 0
    ) -> list[Fetched]:
        """Oldest-first messages; items without a usable id are dropped (they cannot be acked)."""
        limit = max(1, min(limit, MAX_FETCH_LIMIT))
        wait = max(0, min(wait, MAX_WAIT_SECONDS))
        params = [("limit", str(limit)), ("wait", str(wait))]
        path = f"/v1/mailboxes/{_mailbox_id(recipient_id)}/messages"
        resp = self._request("GET", path, recipient_seed, params=params, read_extra=wait)
        messages = _messages(self._json(resp), limit)
        if messages is None:
            raise ProtocolError("protocol.no_message_list")
        return messages

    def ack(self, recipient_id: str, recipient_seed: bytes, ids: Sequence[str]) -> int:
        """Acknowledge ``ids`` in batches of at most 500; returns the relay's total count."""
        path = f"/v1/mailboxes/{_mailbox_id(recipient_id)}/ack"
        total = 0
        for start in range(0, len(ids), MAX_ACK_BATCH):
            batch = [_mailbox_id(i) for i in ids[start : start + MAX_ACK_BATCH]]
            total += _acknowledged(self._post_ack(path, recipient_seed, batch))
        return total

    def ack_and_fetch(
        self,
        recipient_id: str,
        recipient_seed: bytes,
        ids: Sequence[str],
        *,
        limit: int = 100,
        wait: int = 0,
    ) -> tuple[int, list[Fetched] | None]:
        """Acknowledge ``ids``, then fetch the next messages, in one request (the last
        batch of 500 carries the fetch: docs/protocol.md section 3, Ack).

        Returns the relay's count and the messages, or None instead of the messages when
        the relay predates this and only acknowledged: the caller then fetches."""
        path = f"/v1/mailboxes/{_mailbox_id(recipient_id)}/ack"
        limit = max(1, min(limit, MAX_FETCH_LIMIT))
        wait = max(0, min(wait, MAX_WAIT_SECONDS))
        checked = [_mailbox_id(i) for i in ids]
        last = max(0, len(checked) - 1) // MAX_ACK_BATCH * MAX_ACK_BATCH  # the last batch's start
        total = self.ack(recipient_id, recipient_seed, checked[:last]) if last else 0
        params = [("limit", str(limit)), ("wait", str(wait))]
        doc = self._post_ack(path, recipient_seed, checked[last:], params, wait)
        return total + _acknowledged(doc), _messages(doc, limit)

    def _post_ack(
        self,
        path: str,
        seed: bytes,
        ids: list[str],
        params: Sequence[tuple[str, str]] = (),
        wait: int = 0,
    ) -> dict[str, Any]:
        body = json.dumps({"ids": ids}).encode("utf-8")
        answer = self._request(
            "POST", path, seed, params=params, body=body, is_json=True, read_extra=wait
        )
        return self._json(answer)

    def status(self, recipient_id: str, recipient_seed: bytes) -> dict[str, Any]:
        """``GET /v1/mailboxes/{recipient_id}``."""
        path = f"/v1/mailboxes/{_mailbox_id(recipient_id)}"
        return self._json(self._request("GET", path, recipient_seed))

    def delete_mailbox(self, recipient_id: str, recipient_seed: bytes) -> None:
        """``DELETE /v1/mailboxes/{recipient_id}``."""
        path = f"/v1/mailboxes/{_mailbox_id(recipient_id)}"
        self._request("DELETE", path, recipient_seed)

    # -- plumbing ----------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        seed: bytes | None,
        *,
        params: Sequence[tuple[str, str]] = (),
        body: bytes = b"",
        extra: dict[str, str] | None = None,
        is_json: bool = False,
        read_extra: float = 0.0,
    ) -> _Answer:
        headers: dict[str, str] = {"Accept": "application/json"}
        if seed is not None:
            headers.update(sign_request(seed, method, path, params, body))
        if extra:
            headers.update(extra)
        if body:
            headers["Content-Type"] = "application/json" if is_json else "application/octet-stream"
        query = canonical_query(params)
        url = self.base_url + path + (f"?{query}" if query else "")
        timeout = (self._connect_timeout, self._read_timeout + read_extra)
        try:
            resp = self._session().request(
                method,
                url,
                data=body or None,
                headers=headers,
                timeout=timeout,
                stream=True,
                allow_redirects=False,
            )
            try:
                content = _read_capped(resp)
            finally:
                resp.close()
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise RelayUnreachable() from exc
        except requests.RequestException as exc:
            raise ProtocolError("protocol.cut_short") from exc
        answer = _Answer(resp.status_code, content, resp.headers.get("Retry-After", ""))
        if 200 <= answer.status_code < 300:
            return answer
        raise _error_for(answer)

    @staticmethod
    def _json(answer: _Answer) -> dict[str, Any]:
        try:
            doc = json.loads(answer.content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise ProtocolError("protocol.not_json") from exc
        if not isinstance(doc, dict):
            raise ProtocolError("protocol.wrong_shape")
        return doc


@dataclass(frozen=True)
class _Answer:
    status_code: int
    content: bytes
    retry_after: str = ""


def _read_capped(resp: requests.Response) -> bytes:
    declared = resp.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise ProtocolError("protocol.too_large")
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_content(64 * 1024):
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise ProtocolError("protocol.too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _error_for(answer: _Answer) -> Exception:
    code = ""
    try:
        doc = json.loads(answer.content.decode("utf-8"))
        err = doc.get("error") if isinstance(doc, dict) else None
        if isinstance(err, dict) and isinstance(err.get("code"), str):
            code = err["code"]
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        code = ""
    if not code:
        if answer.status_code >= 500:
            return RelayUnreachable("relay.down")
        return ProtocolError("protocol.unexpected_status", status=answer.status_code)
    wait = answer.retry_after.strip()
    seconds = min(float(wait), MAX_RETRY_AFTER) if wait.isdigit() else 0.0
    return RelayRejected.from_relay(code, answer.status_code, retry_after=seconds)


def _mailbox_id(value: object) -> str:
    if not isinstance(value, str):
        raise ProtocolError("protocol.id_not_text")
    try:
        b64u_decode(value, length=MAILBOX_ID_SIZE)
    except ValueError as exc:
        raise ProtocolError("protocol.bad_id") from exc
    return value


def _acknowledged(doc: dict[str, Any]) -> int:
    count = doc.get("acknowledged")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise ProtocolError("protocol.bad_ack")
    return count


def _messages(doc: dict[str, Any], limit: int) -> list[Fetched] | None:
    """The answer's messages (oldest first, items without a usable id dropped: they cannot
    be acknowledged), or None when it has no ``messages`` at all."""
    if "messages" not in doc:
        return None
    items = doc["messages"]
    if not isinstance(items, list):
        raise ProtocolError("protocol.no_message_list")
    out: list[Fetched] = []
    seen: set[str] = set()
    for item in items[: limit * 2]:
        parsed = _parse_item(item)
        if parsed is not None and parsed.id not in seen:
            seen.add(parsed.id)
            out.append(parsed)
    return out


def _parse_item(item: object) -> Fetched | None:
    if not isinstance(item, dict):
        return None
    msg_id, raw = item.get("id"), item.get("envelope")
    try:
        msg_id = _mailbox_id(msg_id)
    except ProtocolError:
        return None
    envelope = b""
    if isinstance(raw, str) and len(raw) <= (BUCKETS[-1] * 4) // 3 + 4:
        try:
            envelope = b64u_decode(raw)
        except ValueError:
            envelope = b""
    return Fetched(msg_id, envelope)
