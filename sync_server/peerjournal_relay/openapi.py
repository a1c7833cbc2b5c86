"""The OpenAPI 3.1 document, generated from the route table (``routes.operations``).

Patterns say exactly what the relay accepts: ids and nonces are canonical unpadded base64url
of 16 bytes (22 characters, the last one of ``AQgw``), keys of 32 bytes (43 characters, the
last one of ``AEIMQUYcgkosw048``), signatures of 64 bytes (86 characters, last of ``AQgw``),
and the timestamp is canonical decimal. The signing rules themselves are in
docs/protocol.md section 2.
"""

from __future__ import annotations

import re
from typing import Any

from . import __version__
from .config import BUCKETS, Settings
from .routes import BODY_ERRORS, SIGNED_ERRORS, Operation

B64U = "[A-Za-z0-9_-]"
ID_PATTERN = f"^{B64U}{{21}}[AQgw]$"
KEY_PATTERN = f"^{B64U}{{42}}[AEIMQUYcgkosw048]$"
SIGNATURE_PATTERN = f"^{B64U}{{85}}[AQgw]$"
TIMESTAMP_PATTERN = "^(0|[1-9][0-9]{0,11})$"

_ID = {"type": "string", "pattern": ID_PATTERN, "description": "b64u of 16 bytes"}
_SIGNED = [
    {
        "name": "PJ-Timestamp",
        "in": "header",
        "required": True,
        "schema": {"type": "string", "pattern": TIMESTAMP_PATTERN},
        "description": "unix seconds, canonical decimal",
    },
    {"name": "PJ-Nonce", "in": "header", "required": True, "schema": _ID},
    {
        "name": "PJ-Signature",
        "in": "header",
        "required": True,
        "schema": {"type": "string", "pattern": SIGNATURE_PATTERN},
        "description": "b64u of the Ed25519 signature (64 bytes)",
    },
]
_NEW_KEY = {
    "name": "PJ-Key",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "pattern": KEY_PATTERN},
    "description": "b64u of the Ed25519 public key (32 bytes)",
}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": list(properties),
        "properties": properties,
    }


_INT = {"type": "integer", "minimum": 0}
_NUMBER = {"type": "number", "minimum": 0}
_MESSAGES = {
    "type": "array",
    "items": _object({"id": _ID, "envelope": {"type": "string"}, "received_at": _INT}),
}
SCHEMAS: dict[str, dict[str, Any]] = {
    "Created": _object({"recipient_id": _ID, "sender_id": _ID, "expires_idle_days": _NUMBER}),
    "Stored": _object({"stored": {"type": "boolean"}}),
    "Messages": _object({"messages": _MESSAGES}),
    # with limit or wait in the ack's query, also the fetch's messages
    "Acknowledged": {
        "type": "object",
        "required": ["acknowledged"],
        "properties": {"acknowledged": _INT, "messages": _MESSAGES},
    },
    "Status": _object({"messages": _INT, "bytes": _INT, "max_messages": _INT, "max_bytes": _INT}),
    "Info": {
        **_object(
            {
                "protocol": {"const": 1},
                "protocols": {"type": "array", "items": _INT},
                "version": {"type": "string"},
                "buckets": {"type": "array", "items": _INT},
                "max_messages": _INT,
                "max_bytes": _INT,
                "ttl_days": _NUMBER,
                "time": _INT,
            }
        ),
        "additionalProperties": True,
    },
    "Health": _object({"status": {"type": "string"}}),
    "NotReady": _object({"status": {"const": "unavailable"}}),
    "OpenAPI": {"type": "object"},
    "Error": _object(
        {"error": _object({"code": {"type": "string"}, "message": {"type": "string"}})}
    ),
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {JSON_TYPE: {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


JSON_TYPE = "application/json"
# Answers in another form than the error one: /readyz says 503 {"status": "unavailable"} while
# the database is down (at the connection cap the server's own 503 is the error form).
OTHER_BODIES: dict[tuple[str, int], str] = {("/readyz", 503): "NotReady"}


def _success(status: int, name: str) -> dict[str, Any]:
    if status == 204:
        return {"description": "done, no body"}
    if name == "text":
        return {"description": "Prometheus text", "content": {"text/plain": {}}}
    return {
        "description": name,
        "content": {JSON_TYPE: {"schema": {"$ref": f"#/components/schemas/{name}"}}},
    }


def _operation(op: Operation, settings: Settings) -> dict[str, Any]:
    params: list[dict[str, Any]] = [
        {"name": name, "in": "path", "required": True, "schema": _ID}
        for name in re.findall(r"{(\w+)}", op.path)
    ]
    for q in op.query:
        params.append(
            {
                "name": q.name,
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": q.minimum},
                "description": q.description,
            }
        )
    if op.signed:
        params.extend(_SIGNED)
    if op.new_key:
        params.append(_NEW_KEY)
    responses: dict[str, Any] = {
        str(status): _success(status, name) for status, name in op.success.items()
    }
    # Every operation: what the server answers before the handler runs (docs/protocol.md
    # section 3, Connections) and the rate limiter.
    errors: dict[int, str] = {
        400: "bad_request: a malformed HTTP request",
        408: "request_timeout: the request head did not arrive in time",
        429: "rate_limited (Retry-After header)",
        431: "bad_request: request head over the limit",
        503: "unavailable: the relay is working on every connection (Retry-After header)",
    }
    if op.signed:
        errors.update(SIGNED_ERRORS)
    if op.body is not None:
        errors.update(BODY_ERRORS)
    if op.uses_storage:
        errors[503] = "unavailable: storage cannot be reached, retry later"
    errors.update(op.errors)
    for status, description in sorted(errors.items()):
        responses[str(status)] = _error(description)
        other = OTHER_BODIES.get((op.path, status))
        if other is not None:
            responses[str(status)]["content"][JSON_TYPE]["schema"] = {
                "oneOf": [
                    {"$ref": f"#/components/schemas/{other}"},
                    {"$ref": "#/components/schemas/Error"},
                ]
            }
    document: dict[str, Any] = {"summary": op.summary, "responses": responses}
    if params:
        document["parameters"] = params
    if op.body == "application/octet-stream":
        document["requestBody"] = {
            "required": True,
            "content": {
                op.body: {
                    # exactly one of the bucket sizes: any other length is 400
                    "schema": {
                        "oneOf": [
                            {
                                "type": "string",
                                "format": "binary",
                                "minLength": size,
                                "maxLength": size,
                            }
                            for size in BUCKETS
                        ]
                    }
                }
            },
            "description": "envelope of exactly one of " + ", ".join(map(str, BUCKETS)) + " bytes",
        }
    elif op.body is not None:
        document["requestBody"] = {
            "required": True,
            "content": {
                op.body: {
                    "schema": _object({"ids": {"type": "array", "items": _ID, "maxItems": 500}})
                }
            },
        }
    return document


def openapi_schema(ops: list[Operation], settings: Settings) -> dict[str, Any]:
    """The OpenAPI document for the relay's route table."""
    paths: dict[str, dict[str, Any]] = {}
    for op in ops:
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op, settings)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "PeerJournal relay",
            "version": __version__,
            "description": "Protocol 1. Requests are signed as described in docs/protocol.md "
            "section 2; envelope sizes must be one of "
            + ", ".join(map(str, BUCKETS))
            + f" bytes; long-polls wait at most {settings.max_wait_seconds} s.",
        },
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
