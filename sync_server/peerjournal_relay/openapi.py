"""A hand-written OpenAPI 3.1 description of the relay, served at ``/openapi.json``."""

from __future__ import annotations

from typing import Any

from . import __version__
from .config import BUCKETS, Settings

_ID = {"type": "string", "pattern": "^[A-Za-z0-9_-]{22}$", "description": "b64u(16 bytes)"}
_SIGNED = [
    {"name": "PJ-Timestamp", "in": "header", "required": True, "schema": {"type": "integer"}},
    {"name": "PJ-Nonce", "in": "header", "required": True, "schema": _ID},
    {
        "name": "PJ-Signature",
        "in": "header",
        "required": True,
        "schema": {"type": "string", "description": "b64u(Ed25519 signature, 64 bytes)"},
    },
]
_NEW_KEY = {
    "name": "PJ-Key",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "description": "b64u(Ed25519 public key, 32 bytes)"},
}


def _path_id(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": _ID}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_AUTH_ERRORS = {
    "400": _error("bad_request"),
    "401": _error("auth_failed, stale_request or replayed_request"),
    "429": _error("rate_limited (Retry-After header)"),
    "503": _error("unavailable: storage cannot be reached, retry later"),
}


def openapi_schema(settings: Settings) -> dict[str, Any]:
    """The OpenAPI document; see docs/protocol.md for the signing rules it cannot express."""
    obj = {"type": "object"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "PeerJournal relay",
            "version": __version__,
            "description": "Protocol 1. Requests are signed as described in docs/protocol.md "
            "section 2; envelope sizes must be one of " + ", ".join(map(str, BUCKETS)) + " bytes.",
        },
        "paths": {
            "/v1/mailboxes": {
                "post": {
                    "summary": "Create a mailbox (signed by the new recipient key)",
                    "parameters": [*_SIGNED, _NEW_KEY],
                    "responses": {
                        "201": _json("created", obj),
                        "507": _error("relay_full"),
                        **_AUTH_ERRORS,
                    },
                }
            },
            "/v1/mailboxes/{sender_id}/secure": {
                "post": {
                    "summary": "Set the sender key once (signed by that key)",
                    "parameters": [_path_id("sender_id"), *_SIGNED, _NEW_KEY],
                    "responses": {
                        "204": {"description": "secured"},
                        "409": _error("already_secured"),
                        **_AUTH_ERRORS,
                    },
                }
            },
            "/v1/mailboxes/{sender_id}/messages/{message_id}": {
                "put": {
                    "summary": "Store an envelope (idempotent by message id)",
                    "parameters": [_path_id("sender_id"), _path_id("message_id"), *_SIGNED],
                    "requestBody": {
                        "required": True,
                        "content": {"application/octet-stream": {"schema": {"type": "string"}}},
                    },
                    "responses": {
                        "201": _json("stored", obj),
                        "200": _json("the same bytes were stored before", obj),
                        "409": _error("message_conflict or mailbox_full"),
                        "413": _error("payload_too_large"),
                        "507": _error("relay_full"),
                        **_AUTH_ERRORS,
                    },
                }
            },
            "/v1/mailboxes/{recipient_id}/messages": {
                "get": {
                    "summary": "Fetch the oldest messages, long-polling up to `wait` seconds",
                    "parameters": [
                        _path_id("recipient_id"),
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                        {
                            "name": "wait",
                            "in": "query",
                            "schema": {"type": "integer", "maximum": settings.max_wait_seconds},
                        },
                        *_SIGNED,
                    ],
                    "responses": {"200": _json("messages", obj), **_AUTH_ERRORS},
                }
            },
            "/v1/mailboxes/{recipient_id}/ack": {
                "post": {
                    "summary": "Acknowledge (delete) messages by id",
                    "parameters": [_path_id("recipient_id"), *_SIGNED],
                    "requestBody": {"required": True, "content": {"application/json": {}}},
                    "responses": {"200": _json("acknowledged count", obj), **_AUTH_ERRORS},
                }
            },
            "/v1/mailboxes/{recipient_id}": {
                "get": {
                    "summary": "Mailbox status",
                    "parameters": [_path_id("recipient_id"), *_SIGNED],
                    "responses": {"200": _json("status", obj), **_AUTH_ERRORS},
                },
                "delete": {
                    "summary": "Delete the mailbox and its messages",
                    "parameters": [_path_id("recipient_id"), *_SIGNED],
                    "responses": {"204": {"description": "deleted"}, **_AUTH_ERRORS},
                },
            },
            "/v1/info": {
                "get": {"summary": "Version and limits", "responses": {"200": _json("info", obj)}}
            },
            "/healthz": {"get": {"summary": "Health", "responses": {"200": _json("ok", obj)}}},
            "/metrics": {
                "get": {
                    "summary": "Prometheus metrics",
                    "responses": {"200": {"description": "text"}},
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        }
                    },
                }
            }
        },
    }
