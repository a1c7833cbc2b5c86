"""Run every benchmark in bench/ and write docs/benchmarks.md from their reports.

Each ``bench/bench_*.py`` is run in its own process. It prints a Markdown section on
stdout (its table, the method and the targets) and writes raw figures to
``bench/out/<name>.json``. This script puts the sections together under a description of
the machine, so the document always says where and how the figures were measured.

Each section is also kept in ``bench/out/<name>.md``, so ``--only relay`` re-runs one
benchmark and rebuilds the document with the last results of the others.

Usage: ``python bench/run_all.py [--only NAME ...] [--no-write]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = [
    "search",
    "backup",
    "cli_vs_jrnl",
    "gui_unlock",
    "relay",
    "relay_loop",
    "sync",
    "anonymiser",
    "package",
]


def machine() -> str:
    """Describe the machine in a few Markdown lines."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        mem = "unknown"
    return (
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {mem}; no GPU\n"
        f"- OS: {platform.platform()}\n"
        f"- Python {platform.python_version()}\n"
        f"- Run: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC with `make bench`"
    )


def scripts(only: list[str]) -> list[Path]:
    """The benchmark scripts to run, in a stable order."""
    found = {p.stem.removeprefix("bench_"): p for p in (ROOT / "bench").glob("bench_*.py")}
    names = [n for n in ORDER if n in found] + sorted(set(found) - set(ORDER))
    return [found[n] for n in names if not only or n in only]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="benchmark names, e.g. search relay")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    args = parser.parse_args()

    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    failed = []
    for script in scripts(args.only):
        print(f"== {script.name}", file=sys.stderr, flush=True)
        proc = subprocess.run(
            [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=False
        )
        sys.stderr.write(proc.stderr[-4000:])
        name = script.stem.removeprefix("bench_")
        if proc.returncode != 0:
            failed.append(script.name)
            text = f"## {name}\n\nThis benchmark failed (exit {proc.returncode}).\n"
        else:
            text = proc.stdout.strip() + "\n"
        (out / f"{name}.md").write_text(text, encoding="utf-8")

    sections = [
        (out / f"{s.stem.removeprefix('bench_')}.md").read_text(encoding="utf-8")
        for s in scripts([])
        if (out / f"{s.stem.removeprefix('bench_')}.md").exists()
    ]

    doc = (
        "# Benchmarks\n\n"
        "Speed is measured here, never by timed unit tests. Targets come from the design "
        "brief, section 8. Regenerate with `make bench` (this file is written by "
        "`bench/run_all.py`; raw figures go to `bench/out/`).\n\n"
        "## Machine\n\n" + machine() + "\n\n" + "\n".join(sections)
    )
    if args.no_write:
        print(doc)
    else:
        (ROOT / "docs" / "benchmarks.md").write_text(doc, encoding="utf-8")
        print("wrote docs/benchmarks.md", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
