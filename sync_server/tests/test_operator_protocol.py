"""Small protocol rules the relay must hold exactly as docs/protocol.md states them.

"JSON bodies are UTF-8": the ack body used to go to ``json.loads`` as bytes, which guesses the
encoding, so a UTF-16 or UTF-32 body (or one with a byte order mark) was accepted. Another
implementation of the protocol, written from the text, would refuse them: both must agree.
"""

from __future__ import annotations

import json

import pytest
from relay_helpers import Client, error_code


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_an_ack_body_that_is_not_utf8_is_400(client: Client, encoding: str) -> None:
    box = client.mailbox()
    body = json.dumps({"ids": []}).encode(encoding)
    answer = client.signed(
        "POST",
        f"/v1/mailboxes/{box.recipient_id}/ack",
        box.recipient_key,
        body,
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 400 and error_code(answer) == "bad_request", answer.text
    plain = client.ack(box, [])  # the same request in UTF-8 is fine
    assert plain.status_code == 200 and plain.json() == {"acknowledged": 0}
