"""Backup create and verify of a 100k-entry vault: wall time and peak memory.

Each operation runs in a fresh process (so its peak resident memory, ``ru_maxrss``, is its
own), three times, reporting the median time and the largest peak. The vault is the search
benchmark's generated 100k-entry vault (bench/.work, built once). Targets (DESIGN §8):
each ≤ 3 s and ≤ 200 MB on the 2-core reference machine.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_search
import common

SIZE = 100_000
REPEAT = 3
CHILD = """
import json, resource, sys, time
from pathlib import Path
from peerjournal.app import backups
from peerjournal.app.session import open_vault
op, folder, target, passphrase = sys.argv[1:5]
if op == "create":
    session = open_vault(Path(folder), passphrase)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    backups.create_backup(session, Path(target))
    elapsed = time.perf_counter() - start
    session.lock()
else:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    info = backups.verify_backup(Path(target), passphrase)
    elapsed = time.perf_counter() - start
    assert info.entries == int(sys.argv[5]), info
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mb": peak / 1024, "before_mb": before / 1024}))
"""


def _run(op: str, folder: Path, target: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, op, str(folder), str(target), bench_search.PASSPHRASE,
         str(SIZE)],
        capture_output=True, text=True, check=True, cwd=common.ROOT,
        env={**__import__("os").environ, "PEERJOURNAL_INSECURE_TEST_KDF": "1"},
    )  # fmt: skip
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    folder, _built = bench_search.ensure(SIZE, rebuild=False)
    db_mb = (folder / "journal.db").stat().st_size / 1e6
    results: dict[str, list[dict[str, float]]] = {"create": [], "verify": []}
    with tempfile.TemporaryDirectory(dir=common.WORK) as scratch:
        for i in range(REPEAT):
            target = Path(scratch) / f"b{i}.pjbackup"
            results["create"].append(_run("create", folder, target))
            results["verify"].append(_run("verify", folder, target))
        backup_mb = target.stat().st_size / 1e6
    rows = []
    summary = {}
    for op, runs in results.items():
        seconds = statistics.median(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        summary[op] = {"median_s": round(seconds, 3), "peak_mb": round(peak, 1), "runs": runs}
        ok = "yes" if seconds <= 3.0 and peak <= 200 else "NO"
        rows.append([f"backup {op}", f"{seconds:.2f} s", f"{peak:.0f} MB", ok])
    common.write_json("backup", {"size": SIZE, "database_mb": db_mb, **summary})
    print("## Backups (100k entries)\n")
    print(
        common.markdown_table(
            ["operation", "time (median of 3)", "peak memory", "≤ 3 s, ≤ 200 MB"], rows
        )
    )
    print(
        f"\nVault: the search benchmark's {SIZE:,} generated entries ({db_mb:.0f} MB database); "
        f"backup file {backup_mb:.0f} MB. Each run is a fresh process; the time covers the "
        "operation only (create: online backup API copy, hashing, the 0600 temp file, fsync and "
        "rename; verify: key unwrap at the test-only cost, both MACs and the SHA-256, the "
        "extracted copy, `integrity_check` and the counts); peak memory is the process's "
        "`ru_maxrss` (Python, the libraries and the 32 MiB page cache included). Others' work "
        "may share the 2 cores while this runs; figures are medians of three."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
