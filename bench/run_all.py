"""Run the benchmarks in bench/ and put their reports into docs/benchmarks.md.

Each ``bench/bench_*.py`` is run in its own process. It prints a Markdown section on
stdout (its table, the method and the targets) and writes raw figures to
``bench/out/<name>.json``.

In docs/benchmarks.md each benchmark's report sits between two markers,
``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->``. A run replaces only what is between
the markers of the benchmarks it ran, stamped with the date and the load average, so
``--only export`` leaves every other section as it was, and the analysis written by hand
below a report (outside its markers) survives every run. A benchmark that fails keeps its
previous report (the run exits 1); a new benchmark's report is added at the end.

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
        "- Each report below says when it was measured and the load average then: "
        "the machine is shared, so compare CPU times and paired ratios, not single wall times."
    )


def scripts(only: list[str]) -> list[Path]:
    """The benchmark scripts to run, in a stable order."""
    found = {p.stem.removeprefix("bench_"): p for p in (ROOT / "bench").glob("bench_*.py")}
    names = [n for n in ORDER if n in found] + sorted(set(found) - set(ORDER))
    return [found[n] for n in names if not only or n in only]


def markers(name: str) -> tuple[str, str]:
    """The two lines that enclose a generated report in the document."""
    return f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"


def merge(doc: str, reports: dict[str, str]) -> str:
    """``doc`` with the text between each named report's markers replaced.

    Everything outside the markers (the title, the hand-written analysis) stays as it is.
    A report without markers in ``doc`` is added at the end. A marker without its partner
    is refused rather than guessed at: the rest of the document would be lost.
    """
    for name, report in reports.items():
        begin, end = markers(name)
        block = f"{begin}\n{report.strip()}\n{end}"
        first, last = doc.find(begin), doc.find(end)
        if first == -1 and last == -1:
            doc = doc.rstrip("\n") + "\n\n" + block + "\n"
            continue
        if first == -1 or last == -1 or last < first or doc.count(begin) > 1:
            raise ValueError(f"docs/benchmarks.md: the markers of {name!r} are damaged")
        doc = doc[:first] + block + doc[last + len(end) :]
    return doc


HEADER = (
    "# Benchmarks\n\n"
    "Speed is measured here, never by timed unit tests. Targets come from the design "
    "brief, section 8. Regenerate with `make bench`, or one benchmark with "
    "`python bench/run_all.py --only NAME` (`bench/run_all.py` replaces each report between "
    "its markers; raw figures go to `bench/out/`).\n\n"
)


def stamp(report: str) -> str:
    """The report with the date and the load average under its heading."""
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    note = f"_Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; load average {load}._"
    head, _, rest = report.strip().partition("\n")
    if head.startswith("#"):
        return f"{head}\n\n{note}\n\n{rest.lstrip()}"
    return f"{note}\n\n{report.strip()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="benchmark names, e.g. search relay")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    args = parser.parse_args()

    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    failed = []
    reports = {}
    for script in scripts(args.only):
        print(f"== {script.name}", file=sys.stderr, flush=True)
        proc = subprocess.run(
            [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=False
        )
        sys.stderr.write(proc.stderr[-4000:])
        name = script.stem.removeprefix("bench_")
        if proc.returncode != 0 or not proc.stdout.strip():
            failed.append(script.name)
            print(
                f"{script.name} failed (exit {proc.returncode}): its report is kept as it was",
                file=sys.stderr,
            )
            continue
        reports[name] = stamp(proc.stdout)
        (out / f"{name}.md").write_text(reports[name] + "\n", encoding="utf-8")

    path = ROOT / "docs" / "benchmarks.md"
    old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    machine_begin, machine_end = markers("machine")
    if machine_begin not in old:
        old = old.rstrip("\n") + "\n\n## Machine\n\n" + machine_begin + "\n" + machine_end + "\n"
    doc = merge(old, {"machine": machine(), **reports})
    if args.no_write:
        print(doc)
    else:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(doc, encoding="utf-8")
        os.replace(tmp, path)
        print("wrote docs/benchmarks.md", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
