"""docs/protocol.md sections 2 and 3 where the spec had left things open, checked on the relay.

The rejection vectors (tests/vectors/request_rejections.json) are replayed byte for byte
against a relay whose clock is pinned to the vectors' time.
"""

from __future__ import annotations

import json
import re
import socket
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from peerjournal_relay.auth import _TIMESTAMP
from peerjournal_relay.config import Settings
from peerjournal_relay.openapi import (
    ID_PATTERN,
    KEY_PATTERN,
    SIGNATURE_PATTERN,
    TIMESTAMP_PATTERN,
)
from peerjournal_relay.signing import b64u_decode
from relay_helpers import Client, RelayThread, b64u, envelope, error_code, message_id, new_key

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"
REJECTIONS: list[dict[str, Any]] = json.loads(
    (VECTORS / "request_rejections.json").read_text(encoding="utf-8")
)["rejections"]
SIGNING: list[dict[str, Any]] = json.loads(
    (VECTORS / "request_signing.json").read_text(encoding="utf-8")
)["vectors"]


@pytest.fixture(scope="module")
def pinned_relay(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A relay whose clock stands at the vectors' time."""
    folder = tmp_path_factory.mktemp("pinned")
    relay_settings = Settings().with_overrides({"port": 0, "data_dir": str(folder)}).validate()
    relay = RelayThread(relay_settings, clock=lambda: 1_795_000_000).start()
    yield relay
    relay.stop()


def _raw(port: int, method: str, target: str, headers: dict[str, str]) -> tuple[int, Any]:
    lines = [f"{method} {target} HTTP/1.1", "Host: relay.example.org"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\nConnection: close\r\n\r\n").encode("latin-1"))
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)


@pytest.mark.parametrize("case", REJECTIONS, ids=[c["name"] for c in REJECTIONS])
def test_rejection_vectors(pinned_relay: RelayThread, case: dict[str, Any]) -> None:
    status, body = _raw(pinned_relay.port, case["method"], case["request_target"], case["headers"])
    assert (status, body["error"]["code"]) == (case["status"], case["code"]), case["why"]


def test_signing_vectors_name_the_request_target() -> None:
    """The target is the relay URL's path (without a trailing slash) followed by the signed
    path and query; the signed path never includes the relay URL's path."""
    for vector in SIGNING:
        base_path = vector["relay_url"].split("://", 1)[1].partition("/")[2].rstrip("/")
        query = vector["canonical_query"]
        expected = ("/" + base_path if base_path else "") + vector["path"]
        expected += "?" + query if query else ""
        assert vector["request_target"] == expected
        assert vector["path"].startswith("/v1/")
        assert vector["path"] in vector["signed_message"].split("\n")


def test_the_relay_does_not_strip_a_prefix_itself(client: Client) -> None:
    assert client.http.get("/pj/v1/info").status_code == 404
    assert client.http.get("/v1/info").status_code == 200


def test_each_missing_signing_header_is_auth_failed(client: Client) -> None:
    box = client.mailbox()
    path = f"/v1/mailboxes/{box.recipient_id}"
    for missing in ("PJ-Timestamp", "PJ-Nonce", "PJ-Signature"):
        signed = client.signed("GET", path, box.recipient_key)
        assert signed.status_code == 200
        answer = client.signed("GET", path, box.recipient_key, headers={missing: ""})
        # an empty value is a malformed header, but a header that is absent is auth_failed
        assert answer.status_code == 400, missing
        headers = {
            "PJ-Timestamp": "1795000000",
            "PJ-Nonce": b64u(b"n" * 16),
            "PJ-Signature": b64u(b"s" * 64),
        }
        del headers[missing]
        absent = client.http.get(path, headers=headers)
        assert absent.status_code == 401 and error_code(absent) == "auth_failed", missing


def test_new_key_is_checked_before_the_signing_headers(client: Client) -> None:
    answer = client.http.post("/v1/mailboxes")  # neither PJ-Key nor signature
    assert answer.status_code == 400 and error_code(answer) == "bad_request"
    bad_key = client.http.post("/v1/mailboxes", headers={"PJ-Key": "x"})
    assert bad_key.status_code == 400


def test_creation_limit_is_checked_after_the_signature(start_relay) -> None:
    relay = start_relay(mailbox_creations_per_hour=2)
    client = Client(relay.url)
    # badly signed creations never reach the creation limit: they spend none of it
    for _ in range(5):
        forged = client.signed(
            "POST",
            "/v1/mailboxes",
            new_key(),
            headers={"PJ-Key": b64u(bytes(new_key().verify_key))},
        )
        assert forged.status_code == 401 and error_code(forged) == "auth_failed"
    assert client.create(new_key()).status_code == 201
    assert client.create(new_key()).status_code == 201
    third = client.create(new_key())
    assert third.status_code == 429 and error_code(third) == "rate_limited"
    client.close()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ([("limit", "0")], 400),
        ([("limit", "00")], 400),
        ([("wait", "-1")], 400),
        ([("wait", "-0")], 400),
        ([("limit", "1e3")], 400),
        ([("limit", " 5")], 400),
        ([("limit", "99999999999")], 200),
        ([("limit", "9" * 5000)], 200),
        ([("limit", "0" * 40 + "2")], 200),
        ([("wait", "9" * 40)], 200),
        ([("wait", "0")], 200),
    ],
)
def test_fetch_parameters(client: Client, params: list[tuple[str, str]], expected: int) -> None:
    box = client.mailbox()
    ids = [message_id() for _ in range(3)]
    for mid in ids:
        assert client.send(box, mid, envelope()).status_code == 201
    answer = client.signed(
        "GET", f"/v1/mailboxes/{box.recipient_id}/messages", box.recipient_key, params=params
    )
    assert answer.status_code == expected, answer.text
    if expected == 200:
        got = [m["id"] for m in answer.json()["messages"]]
        wanted = 2 if params[0][1].endswith("2") and params[0][0] == "limit" else 3
        assert got == ids[:wanted]  # huge limits are 500, huge waits 30 (answered at once)


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("application/octet-stream", 201),
        ("Application/Octet-Stream; charset=binary", 201),
        ("application/json", 415),
        ("text/plain", 415),
        (None, 415),
    ],
)
def test_send_content_type(client: Client, content_type: str | None, expected: int) -> None:
    box = client.mailbox()
    headers = {} if content_type is None else {"Content-Type": content_type}
    answer = client.signed(
        "PUT",
        f"/v1/mailboxes/{box.sender_id}/messages/{message_id()}",
        box.sender_key,
        envelope(),
        headers=headers,
    )
    if content_type is None:  # the helper adds one for a body: send without it
        answer = client.http.put(
            f"/v1/mailboxes/{box.sender_id}/messages/{message_id()}", content=envelope()
        )
    assert answer.status_code == expected
    if expected == 415:
        assert error_code(answer) == "unsupported_media_type"


def test_ack_content_type(client: Client) -> None:
    box = client.mailbox()
    body = json.dumps({"ids": []}).encode()
    path = f"/v1/mailboxes/{box.recipient_id}/ack"
    plain = client.signed(
        "POST", path, box.recipient_key, body, headers={"Content-Type": "text/plain"}
    )
    assert plain.status_code == 415 and error_code(plain) == "unsupported_media_type"
    ok = client.signed(
        "POST",
        path,
        box.recipient_key,
        body,
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert ok.status_code == 200


# -- the OpenAPI patterns say exactly what the relay accepts ----------------------------------
def _decodes(text: str, length: int) -> bool:
    try:
        b64u_decode(text, length=length)
    except ValueError:
        return False
    return True


B64U_TEXT = st.text(
    alphabet=string.ascii_letters + string.digits + "-_+/=", min_size=0, max_size=90
)


@settings(max_examples=400, deadline=None, database=None)
@given(
    text=st.one_of(
        B64U_TEXT,
        st.binary(min_size=15, max_size=17).map(b64u),
        st.binary(min_size=31, max_size=33).map(b64u),
        st.binary(min_size=63, max_size=65).map(b64u),
        st.tuples(st.binary(min_size=16, max_size=16), st.sampled_from(string.ascii_letters)).map(
            lambda pair: b64u(pair[0])[:-1] + pair[1]
        ),
    )
)
def test_openapi_b64u_patterns_match_the_relay(text: str) -> None:
    assert bool(re.match(ID_PATTERN, text)) == _decodes(text, 16), text
    assert bool(re.match(KEY_PATTERN, text)) == _decodes(text, 32), text
    assert bool(re.match(SIGNATURE_PATTERN, text)) == _decodes(text, 64), text


@settings(max_examples=300, deadline=None, database=None)
@given(text=st.text(alphabet="0123456789+- .e", max_size=14))
def test_openapi_timestamp_pattern_matches_the_relay(text: str) -> None:
    assert bool(re.match(TIMESTAMP_PATTERN, text)) == bool(_TIMESTAMP.match(text)), text


def test_openapi_document_agrees_with_the_relay(client: Client) -> None:
    doc = client.http.get("/openapi.json").json()
    put = doc["paths"]["/v1/mailboxes/{sender_id}/messages/{message_id}"]["put"]
    params = {p["name"]: p for p in put["parameters"]}
    assert params["sender_id"]["schema"]["pattern"] == ID_PATTERN
    assert params["PJ-Signature"]["schema"]["pattern"] == SIGNATURE_PATTERN
    assert params["PJ-Timestamp"]["schema"]["pattern"] == TIMESTAMP_PATTERN
    assert set(put["requestBody"]["content"]) == {"application/octet-stream"}
    create = doc["paths"]["/v1/mailboxes"]["post"]
    assert {p["name"]: p for p in create["parameters"]}["PJ-Key"]["schema"]["pattern"] == (
        KEY_PATTERN
    )
    fetch = doc["paths"]["/v1/mailboxes/{recipient_id}/messages"]["get"]
    limits = {p["name"]: p["schema"] for p in fetch["parameters"] if p["in"] == "query"}
    assert limits == {
        "limit": {"type": "integer", "minimum": 1},
        "wait": {"type": "integer", "minimum": 0},
    }
