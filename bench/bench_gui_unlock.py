"""Unlock → first paint of the main window on a 100k-entry vault, and memory after it.

Each run is a fresh subprocess (offscreen Qt): it shows the unlock screen, types the
passphrase, and times from pressing Unlock to (a) the first paint of the workspace and
(b) the first paint after the first page of entries arrived. Key derivation is timed on
its own with the vault's Argon2id parameters and subtracted ("beyond KDF"); the cost of
the default parameters a real vault uses is reported next to it. Resident memory (VmRSS)
is read after (b).

The vault is generated once into bench/.work/gui-<n>/ with bench_search's generator, but
with the default (real) Argon2id cost, so the unlock is the one a user waits for.
Prints a Markdown section; writes bench/out/gui_unlock.json.
Usage: python bench/bench_gui_unlock.py [--size 100000] [--runs 5] [--rebuild]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import common

TARGET_BEYOND_KDF_S = 1.0
TARGET_RSS_MB = 250.0


def ensure_vault(size: int, rebuild: bool) -> Path:
    """The cached vault: bench_search's deterministic generator, with the real KDF cost."""
    import bench_search

    from peerjournal.vault import KdfParams

    folder = common.WORK / f"gui-{size}"
    marker = folder / "GENERATED"
    stamp = f"{bench_search.GENERATOR_VERSION}-default-kdf"
    if rebuild or not marker.exists() or marker.read_text().split()[:2] != [stamp, str(size)]:
        print(f"building {size} entries…", file=sys.stderr, flush=True)

        class _RealCost(KdfParams):
            @classmethod
            def for_tests(cls) -> KdfParams:  # the generator asks for test cost; give real
                return KdfParams.default()

        generator_kdf = bench_search.KdfParams
        bench_search.KdfParams = _RealCost
        try:
            seconds = bench_search.build(folder, size)
        finally:
            bench_search.KdfParams = generator_kdf
        marker.write_text(f"{stamp} {size} {seconds:.2f}\n")
    return folder


def kdf_seconds(
    folder: Path, passphrase: str, runs: int = 3, default: bool = True
) -> tuple[float, float]:
    """(the vault's own Argon2id time, the default parameters' time), best of ``runs``."""
    from peerjournal.crypto.kdf import (
        PURPOSE_PASSPHRASE_WRAP,
        KdfParams,
        derive,
        normalise_passphrase,
    )

    header = json.loads((folder / "vault.json").read_text())["passphrase"]
    params = KdfParams.from_json(header["kdf"])
    salt = base64.b64decode(header["salt"])
    secret = normalise_passphrase(passphrase)

    def best(p: KdfParams) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            derive(secret, salt, p, PURPOSE_PASSPHRASE_WRAP)
            times.append(time.perf_counter() - start)
        return min(times)

    return best(params), best(KdfParams.default()) if default else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    import bench_search

    folder = ensure_vault(args.size, args.rebuild)
    kdf_vault, kdf_default = kdf_seconds(folder, bench_search.PASSPHRASE)
    runs = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for number in range(args.runs):
        proc = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).resolve().parent / "unlock_probe.py"),
                str(folder),
                bench_search.PASSPHRASE,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
        if proc.returncode != 0 or not lines:
            print(proc.stdout, proc.stderr, file=sys.stderr)
            raise SystemExit(f"run {number + 1} failed")
        runs.append(json.loads(lines[0][len("RESULT ") :]))
        print(f"run {number + 1}: {runs[-1]}", file=sys.stderr, flush=True)

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms"

    def med(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    for run in runs:  # each run's own key derivation, timed in the same process
        run["paint_beyond_kdf_s"] = run["first_paint_s"] - run["kdf_s"]
        run["page_beyond_kdf_s"] = run["first_page_paint_s"] - run["kdf_s"]
    beyond_paint = med("paint_beyond_kdf_s")
    beyond_page = med("page_beyond_kdf_s")
    total_page = med("first_page_paint_s")
    rss = max(run["rss_mb"] for run in runs)
    data = {
        "machine": common.machine(),
        "size": args.size,
        "runs": runs,
        "kdf_vault_s": kdf_vault,
        "kdf_default_s": kdf_default,
        "median_first_paint_beyond_kdf_s": beyond_paint,
        "median_first_page_paint_beyond_kdf_s": beyond_page,
        "median_first_page_paint_total_s": total_page,
        "max_rss_mb": rss,
        "targets": {"beyond_kdf_s": TARGET_BEYOND_KDF_S, "rss_mb": TARGET_RSS_MB},
    }
    common.write_json("gui_unlock", data)
    rows = [
        ["unlock → first paint of the main window, beyond KDF", ms(beyond_paint), "≤ 1000 ms"],
        ["unlock → first page of entries painted, beyond KDF", ms(beyond_page), "≤ 1000 ms"],
        ["unlock → first page painted, including KDF", ms(total_page), ""],
        ["key derivation alone (this vault's cost), best of 3", ms(kdf_vault), ""],
        ["key derivation alone (default cost), best of 3", ms(kdf_default), ""],
        ["resident memory after first page (max of runs)", f"{rss:.0f} MB", "≤ 250 MB"],
    ]
    print(f"## Desktop unlock ({args.size:,} entries, {len(runs)} runs, offscreen)\n")
    print(common.markdown_table(["measure", "result", "target"], rows))
    ok = beyond_page <= TARGET_BEYOND_KDF_S and rss <= TARGET_RSS_MB
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
