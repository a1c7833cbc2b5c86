"""Schemathesis against the live relay for 60 s: every check passes (no 5xx, answers match
the OpenAPI document, schema-valid requests are not refused as invalid).

The hook in ``schemathesis_signing.py`` signs every schema-valid request to a signed
operation with a real key of a mailbox the run made (fresh timestamp and nonce), so the
fuzzer gets past authentication into every handler; the relay's own metrics afterwards
show that each signed operation was answered with success many times."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from relay_helpers import spawn_relay

SECONDS = int(os.environ.get("PEERJOURNAL_SCHEMATHESIS_SECONDS", "60"))


@pytest.mark.slow
def test_schemathesis_all_checks_pass(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("schemathesis")
    if not command.exists():
        found = shutil.which("schemathesis")
        assert found, "schemathesis is a dev dependency of sync_server"
        command = Path(found)
    env = {
        "PEERJOURNAL_RELAY_RATE_LIMIT_PER_SECOND": "100000",
        "PEERJOURNAL_RELAY_RATE_LIMIT_BURST": "100000",
        "PEERJOURNAL_RELAY_MAILBOX_CREATIONS_PER_HOUR": "1000000",
        "PEERJOURNAL_RELAY_MAX_MESSAGES_PER_MAILBOX": "1000000",
        "PEERJOURNAL_RELAY_MAX_BYTES_PER_MAILBOX": str(1 << 34),
        "PEERJOURNAL_RELAY_MIN_FREE_DISK_BYTES": "0",
        "PEERJOURNAL_RELAY_MAX_WAIT_SECONDS": "1",
    }
    relay, url, _ = spawn_relay(tmp_path / "data", env=env)
    try:
        done = subprocess.run(
            [
                str(command),
                "--config-file",
                str(Path(__file__).with_name("schemathesis.toml")),
                "run",
                f"{url}/openapi.json",
                "--checks",
                "all",
                "--max-time",
                str(SECONDS),
                "--seed",
                "20261202",
                "--request-timeout",
                "10",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=SECONDS * 3 + 120,
            check=False,
            env={
                **{k: v for k, v in os.environ.items() if "proxy" not in k.lower()},
                "NO_COLOR": "1",
                "SCHEMATHESIS_HOOKS": "schemathesis_signing",
                "PYTHONPATH": str(Path(__file__).parent),
                "PJ_RELAY_URL": url,
            },
        )
        with httpx.Client(base_url=url, trust_env=False) as http:
            metrics = http.get("/metrics").text
    finally:
        relay.terminate()
        _, relay_err = relay.communicate(timeout=30)
    # the failures section, long lines (generated values) cut short
    text = done.stdout
    start = text.find("FAILURES")
    section = text[start : text.find("SUMMARY", start)] if start >= 0 else text[-3000:]
    report = "\n".join(line[:300] for line in section.splitlines())
    assert done.returncode == 0, report
    generated = re.search(r"(\d+) generated, (\d+) passed", done.stdout)
    assert generated and generated.group(1) == generated.group(2), report
    assert int(generated.group(1)) > 200, report
    print(f"schemathesis: {generated.group(0)}")
    assert "Traceback" not in relay_err and "bug while handling" not in relay_err
    # the signed operations were answered with success, not stopped at the signature
    for method, route, status in SIGNED_SUCCESS:
        pattern = (
            rf'peerjournal_relay_requests_total\{{method="{method}",'
            rf'route="{re.escape(route)}",status="{status}"\}} (\S+)'
        )
        found = re.search(pattern, metrics)
        count = float(found.group(1)) if found else 0.0
        print(f"{method} {route} {status}: {count:.0f}")
        assert count >= 5, (method, route, status, count, report)


SIGNED_SUCCESS = [
    ("POST", "/v1/mailboxes", 201),
    ("POST", "/v1/mailboxes/{sender_id}/secure", 204),
    ("PUT", "/v1/mailboxes/{sender_id}/messages/{message_id}", 201),
    ("GET", "/v1/mailboxes/{recipient_id}/messages", 200),
    ("POST", "/v1/mailboxes/{recipient_id}/ack", 200),
    ("GET", "/v1/mailboxes/{recipient_id}", 200),
    ("DELETE", "/v1/mailboxes/{recipient_id}", 204),
]
