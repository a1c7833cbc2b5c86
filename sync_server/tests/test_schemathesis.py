"""Schemathesis against the live relay for 60 s: every check passes (no 5xx, answers match
the OpenAPI document, schema-valid requests are not refused as invalid)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

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
            env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_HOOKS": ""},
        )
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
    assert "Traceback" not in relay_err and "bug while handling" not in relay_err
