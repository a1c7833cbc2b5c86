"""Export of 10k and 100k entries: wall time, CPU time and peak memory per format.

Each export runs in a fresh process (so ``ru_maxrss`` is its own) on the search
benchmark's generated vaults (bench/.work, built once), writing to a scratch folder on
the same disk. Reported: the median of the runs for wall and CPU time (CPU time is this
process's own and not inflated by others' work on the shared cores) and the largest peak.
Targets (DESIGN §8, issue 12): JSON and Markdown at 100k ≤ 2 s and ≤ 150 MB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_search
import common

SIZES = (10_000, 100_000)
CASES = (("json", "json", 3), ("md-single", "md", 3), ("md-folder", "md", 1), ("csv", "csv", 3))
CHILD = """
import json, resource, sys, time
from pathlib import Path
from peerjournal.app.export import ExportOptions, export_to
from peerjournal.app.session import open_vault
kind, fmt, folder, target, passphrase = sys.argv[1:6]
session = open_vault(Path(folder), passphrase)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
options = ExportOptions(format=fmt, single_file=kind == "md-single")
report = export_to(session, Path(target), options)
elapsed, used = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "cpu": used, "peak_mb": peak / 1024,
                  "before_mb": before / 1024, "entries": report.entries}))
"""


def _run(kind: str, fmt: str, folder: Path, target: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, kind, fmt, str(folder), str(target),
         bench_search.PASSPHRASE],
        capture_output=True, text=True, check=True, cwd=common.ROOT,
        env={**os.environ, "PEERJOURNAL_INSECURE_TEST_KDF": "1"},
    )  # fmt: skip
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    os.environ["PEERJOURNAL_INSECURE_TEST_KDF"] = "1"
    load = os.getloadavg()[0]
    rows, raw = [], {}
    for size in SIZES:
        folder, _built = bench_search.ensure(size, rebuild=False)
        for kind, fmt, repeat in CASES:
            runs = []
            for i in range(repeat):
                with tempfile.TemporaryDirectory(dir=common.WORK) as scratch:
                    runs.append(_run(kind, fmt, folder, Path(scratch) / f"export-{i}"))
            wall = statistics.median(r["seconds"] for r in runs)
            cpu = statistics.median(r["cpu"] for r in runs)
            peak = max(r["peak_mb"] for r in runs)
            raw[f"{kind}-{size}"] = {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak, "runs": runs}
            verdict = ""
            if size == 100_000 and kind != "csv":
                fits = peak <= 150
                verdict = (
                    "yes"
                    if wall <= 2.0 and fits
                    else ("CPU yes, wall no" if cpu <= 2.0 and fits else "NO")
                )
            rows.append([f"{size:,}", kind, f"{wall:.2f} s", f"{cpu:.2f} s", f"{peak:.0f} MB",
                         repeat, verdict])  # fmt: skip
    end_load = os.getloadavg()[0]
    common.write_json("export", {"load_start": load, "load_end": end_load, **raw})
    print("## Export (10k and 100k entries)\n")
    print(common.markdown_table(
        ["entries", "format", "wall (median)", "CPU (median)", "peak memory", "runs",
         "≤ 2 s, ≤ 150 MB"], rows))  # fmt: skip
    print(
        "\nVaults: the search benchmark's generated entries (40–160 words each, 0–3 tags). "
        "Each run is a fresh process; the time covers `export_to` only (the rid/time sort, "
        "reading pages of 512 entries, formatting, writing under a temp name, fsync, "
        "rename); peak memory is the process's `ru_maxrss` (Python, PySide-free imports, "
        "SQLCipher's page cache included). The CSV rows are mood logs, and these vaults "
        "hold none: that line measures the fixed cost only. `md-folder` writes one file per "
        "entry (100,000 files), so it is bound by file creation on this disk, not by the "
        "export code; `md-single` is the same Markdown in one file. CPU time is the "
        "figure to compare with the target on this shared machine: the wall time is "
        f"inflated by others' work (load average {load:.1f} at the start and "
        f"{end_load:.1f} at the end, on 2 cores)."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
