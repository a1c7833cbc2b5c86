"""Answers schemathesis cannot provoke against a healthy relay match the OpenAPI document.

``/readyz`` answers ``503 {"status": "unavailable"}`` while the database is down (what a load
balancer sees); the document described that answer as the error form, so a client generated
from it failed to parse the one answer that matters there.
"""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema_rs
from relay_helpers import RelayThread


def _schema_for(spec: dict[str, Any], path: str, method: str, status: int) -> dict[str, Any]:
    content = spec["paths"][path][method]["responses"][str(status)]["content"]
    schema = content["application/json"]["schema"]
    # the document's components beside it, so its local references resolve
    return {**schema, "components": spec["components"]}


def test_readyz_503_matches_the_document(start_relay, monkeypatch) -> None:
    relay: RelayThread = start_relay(readiness_cache_seconds=0.01)

    async def down() -> bool:
        return False

    monkeypatch.setattr(relay.app.storage, "healthy", down)
    with httpx.Client(base_url=relay.url, trust_env=False) as http:
        spec = http.get("/openapi.json").json()
        answer = http.get("/readyz")
        ready_schema = _schema_for(spec, "/readyz", "get", 200)
    assert answer.status_code == 503 and answer.json() == {"status": "unavailable"}
    schema = _schema_for(spec, "/readyz", "get", 503)
    assert jsonschema_rs.validator_for(schema).is_valid(answer.json())
    # the connection cap's 503 has the error form: the document allows both
    busy = {"error": {"code": "unavailable", "message": "too many connections"}}
    assert jsonschema_rs.validator_for(schema).is_valid(busy)
    # and a healthy answer is not mistaken for the unavailable one
    assert jsonschema_rs.validator_for(ready_schema).is_valid({"status": "ready"})
    assert not jsonschema_rs.validator_for(schema).is_valid({"status": "ready"})
