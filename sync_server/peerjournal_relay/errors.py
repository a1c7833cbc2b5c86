"""Relay errors: every known failure maps to one HTTP status and one protocol error code.

Tree::

    RelayError                 an answer the client can act on (docs/protocol.md section 4)
    StorageUnavailable         the database cannot be reached right now (503)
"""

from __future__ import annotations


class RelayError(Exception):
    """A protocol error answered as ``{"error": {"code", "message"}}`` with ``status``."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


class StorageUnavailable(Exception):
    """The storage backend cannot serve the request now (database down, pool exhausted)."""


def bad_request(message: str = "malformed request") -> RelayError:
    """400 bad_request: a malformed path, query, header or body."""
    return RelayError(400, "bad_request", message)


def auth_failed() -> RelayError:
    """401 auth_failed: the one answer for unknown mailbox, wrong key and bad signature."""
    return RelayError(401, "auth_failed", "authentication failed")


def stale_request() -> RelayError:
    """401 stale_request: the timestamp is outside the accepted window."""
    return RelayError(401, "stale_request", "timestamp outside the accepted window")


def replayed_request() -> RelayError:
    """401 replayed_request: the nonce was already used with this key."""
    return RelayError(401, "replayed_request", "nonce already used")
