"""After lock, the data key is gone from the process memory (issue 9 §7).

A child process unlocks a vault, reads and writes, makes and verifies a backup (more keyed
connections), locks it and waits; this test then reads
the child's memory through ``/proc/PID/mem`` and looks for the data key, raw and as the hex
text SQLCipher's raw-key form uses. (The search runs here, not in the child, so the pattern
searched for is never in the memory searched.)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peerjournal.crypto import kdf
from peerjournal.vault.header import read_header
from tests.helpers.vault import PASSPHRASE, make_vault

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import gc, sys
from pathlib import Path
from peerjournal.app.backups import create_backup, verify_backup
from peerjournal.app.session import open_vault
session = open_vault(sys.argv[1], sys.argv[2])
session.journal.add("memory test body", tags=["m"])
session.journal.search("memory")
backup = Path(sys.argv[1]).parent / "memory.pjbackup"
create_backup(session, backup)  # a second keyed connection, and the backup MAC subkey
verify_backup(backup, sys.argv[2])  # the backup opened and keyed on its own
session.lock()
del session
gc.collect()
print("locked", flush=True)
sys.stdin.readline()
"""


def _memory(pid: int) -> list[bytes]:
    regions = []
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            match = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+)", line)
            if not match or "r" not in match.group(3) or "[vvar]" in line:
                continue
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            try:
                mem.seek(start)
                regions.append(mem.read(end - start))
            except (OSError, ValueError, OverflowError):
                continue
    return regions


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_no_copy_of_the_data_key_survives_lock(tmp_path: Path) -> None:
    session, _ = make_vault(tmp_path)
    session.lock()
    folder = tmp_path / "vault"
    header = read_header(folder)
    secret = kdf.normalise_passphrase(PASSPHRASE)
    key = bytes(header.passphrase.open(secret, kdf.PURPOSE_PASSPHRASE_WRAP))
    patterns = {"raw": key, "hex": key.hex().encode(), "HEX": key.hex().upper().encode()}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == b"locked"
        regions = _memory(child.pid)
        assert sum(len(r) for r in regions) > 1_000_000  # we really read the memory
        found = {name for name, pattern in patterns.items() if any(pattern in r for r in regions)}
        assert found == set()
    finally:
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                pipe.close()
        child.wait(timeout=30)
