"""Command-line start-up, as ratios measured in one run: ``--help`` and agent-served
``search``/``list``/``add`` against a bare ``python -c pass``, against jrnl 4.6 on the same
10,000 entries, and a command without the agent against its key derivation.

Method: every figure is a whole process started by ``subprocess.run`` (output discarded),
wall clock, median of ``--runs`` runs after one warm-up; the commands are interleaved
round by round (bare, --help, agent list, …) so that load from other processes on a
shared machine falls on all of them alike, and only ratios of figures from the same run
are compared. "Bare Python" is this interpreter (``sys.executable -c pass``), the one the
``peerjournal`` script runs on. jrnl 4.6 is used only when it is installed in its own venv
(``--jrnl``, default ``/tmp/pj-jrnl-venv/bin/jrnl``: ``python3 -m venv /tmp/pj-jrnl-venv &&
/tmp/pj-jrnl-venv/bin/pip install jrnl==4.6``); without it the jrnl rows say "jrnl absent"
and no ratio is given. ``python -X importtime`` of ``--help`` and of an agent-served
``list`` lists what they import (the five slowest modules). The package's bytecode is
compiled first (``compileall``), as an installed package's is.

Usage: ``python bench/bench_cli_startup.py [--runs 15] [--entries 10000] [--jrnl PATH]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench_cli_vs_jrnl as vs
import common

PEERJOURNAL = vs.PEERJOURNAL
DEFAULT_JRNL = Path("/tmp/pj-jrnl-venv/bin/jrnl")
TARGETS = {"help": 2.5, "agent": 3.0, "jrnl": 8.0, "no_agent_ms": 60.0}


def _run(argv: list[str], env: dict[str, str], stdin: str | None = None) -> float:
    begin = time.perf_counter()
    done = subprocess.run(
        argv, input=stdin, text=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - begin
    if done.returncode != 0:
        raise RuntimeError(f"{argv} failed: {done.stderr[-400:]}")
    return elapsed


def _importtime(argv: list[str], env: dict[str, str]) -> list[tuple[float, str]]:
    """The five slowest imports (cumulative ms, top-level module) of one process."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|")
        if not name.startswith("  "):  # top level only (site, peerjournal.cli, …)
            rows.append((int(cumulative) / 1000, name.strip()))
    return sorted(rows, reverse=True)[:5]


def _modules(argv: list[str], env: dict[str, str]) -> int:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv], env=env, capture_output=True, text=True
    )
    return sum(1 for line in done.stderr.splitlines() if line.startswith("import time:")) - 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--jrnl", type=Path, default=DEFAULT_JRNL)
    args = parser.parse_args()
    info = common.machine()
    # An installed package has its bytecode compiled (pip does it); a source tree may not
    # (PYTHONDONTWRITEBYTECODE), and recompiling at every start is not what users pay.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(common.ROOT / "peerjournal")],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    entries = vs.generate(args.entries)
    work = common.WORK / f"startup-{args.entries}"
    have_jrnl = args.jrnl.exists()
    vs.log(f"building the {args.entries:,}-entry vault (and jrnl journal: {have_jrnl})…")
    pj_env = vs.setup_peerjournal(work / "pj", entries)
    agent_env = vs.start_agent(work / "pj", work / "pj-agent")
    jrnl_env: dict[str, str] | None = None
    if have_jrnl:
        vs.JRNL = args.jrnl
        jrnl_env = vs.setup_jrnl(work / "jrnl", entries)
    no_secret = dict(agent_env, PEERJOURNAL_PASSPHRASE="")
    pj = str(PEERJOURNAL)
    text = "Benchmark entry. Walked by the river after the exam, felt calm."
    commands: dict[str, tuple[list[str], dict[str, str], str | None]] = {
        "bare python": ([sys.executable, "-c", "pass"], pj_env, None),
        "peerjournal --help": ([pj, "--help"], pj_env, None),
        "agent: search": ([pj, "search", vs.SEARCH_WORD, "-n", "20"], no_secret, None),
        "agent: list": ([pj, "list", "-n", "20"], no_secret, None),
        "agent: add": ([pj, "add", text], no_secret, None),
        "no agent: list": ([pj, "list", "-n", "20"], pj_env, None),
    }
    if jrnl_env is not None:
        jrnl = str(args.jrnl)
        passphrase = f"{vs.PASSPHRASE}\n"
        commands["jrnl: search"] = (
            [jrnl, "-contains", vs.SEARCH_WORD, "-n", "20"],
            jrnl_env,
            passphrase,
        )
        commands["jrnl: list"] = ([jrnl, "-n", "20"], jrnl_env, passphrase)
        commands["jrnl: add"] = ([jrnl, text], jrnl_env, passphrase)
    runs: dict[str, list[float]] = {name: [] for name in commands}
    try:
        for round_number in range(args.runs + 1):
            for name, (argv, env, stdin) in commands.items():
                if name.startswith("no agent") and round_number > max(3, args.runs // 3):
                    continue  # each costs a key derivation; fewer runs suffice
                seconds = _run(argv, env, stdin)
                if round_number:
                    runs[name].append(seconds)
        imports = {
            "--help": _importtime([pj, "--help"], pj_env),
            "agent-served list": _importtime([pj, "list", "-n", "20"], no_secret),
        }
        module_counts = {
            "--help": _modules([pj, "--help"], pj_env),
            "agent-served list": _modules([pj, "list", "-n", "20"], no_secret),
        }
    finally:
        vs.stop_agent(agent_env)
    kdf = vs.kdf_seconds()
    median = {name: statistics.median(values) * 1000 for name, values in runs.items()}
    bare = median["bare python"]
    rows = [[name, f"{ms:.1f}", f"{ms / bare:.2f}×"] for name, ms in median.items()]
    checks = [
        ("`--help` ÷ bare Python", median["peerjournal --help"] / bare, TARGETS["help"], "≤"),
    ]
    for operation in ("search", "list", "add"):
        checks.append(
            (f"agent `{operation}` ÷ bare Python", median[f"agent: {operation}"] / bare,
             TARGETS["agent"], "≤")
        )  # fmt: skip
    for operation in ("search", "list", "add"):
        if jrnl_env is None:
            checks.append((f"jrnl `{operation}` ÷ agent `{operation}`", None, TARGETS["jrnl"], "≥"))
        else:
            checks.append(
                (f"jrnl `{operation}` ÷ agent `{operation}`",
                 median[f"jrnl: {operation}"] / median[f"agent: {operation}"], TARGETS["jrnl"], "≥")
            )  # fmt: skip
    beyond_kdf = median["no agent: list"] - kdf * 1000
    print("## command-line start-up\n")
    print(
        f"Whole processes, wall clock, median of {args.runs} runs (no agent: fewer, each pays"
        " a key derivation)\nafter one warm-up, interleaved round by round; the same"
        f" {args.entries:,} generated entries in both tools' encrypted journals.\n"
    )
    print(common.markdown_table(["command", "median ms", "÷ bare Python"], rows))
    print()
    verdicts = []
    for label, value, target, sign in checks:
        if value is None:
            verdicts.append([label, "jrnl absent (not measured)", f"{sign} {target:g}", "—"])
            continue
        met = value <= target if sign == "≤" else value >= target
        verdicts.append([label, f"{value:.2f}", f"{sign} {target:g}", "met" if met else "NOT met"])
    met = beyond_kdf <= TARGETS["no_agent_ms"]
    verdicts.append(
        ["no-agent `list` − key derivation", f"{beyond_kdf:.0f} ms", "≤ 60 ms",
         "met" if met else "NOT met"]
    )  # fmt: skip
    print(common.markdown_table(["ratio", "this run", "target", ""], verdicts))
    if jrnl_env is None:
        print(
            f"\njrnl was absent ({args.jrnl} does not exist), so no jrnl figure was measured. "
            "Install it with `python3 -m venv /tmp/pj-jrnl-venv && "
            "/tmp/pj-jrnl-venv/bin/pip install jrnl==4.6`."
        )
    load = ", ".join(f"{x:.1f}" for x in info["loadavg_at_start"] or [])
    print(
        f"\nKey derivation at the default cost (Argon2id, in process): {kdf * 1000:.0f} ms."
        f" Load average at the start: {load} on {info['cores']} cores.\n"
    )
    for what, rows_ in imports.items():
        slow = ", ".join(f"{name} {ms:.1f} ms" for ms, name in rows_)
        print(f"`python -X importtime` of {what} ({module_counts[what]} modules): {slow}.")
    common.write_json(
        "cli_startup",
        {
            "machine": info,
            "runs": args.runs,
            "entries": args.entries,
            "jrnl": str(args.jrnl) if have_jrnl else None,
            "median_ms": median,
            "kdf_ms": kdf * 1000,
            "beyond_kdf_ms": beyond_kdf,
            "imports": imports,
            "pid": os.getpid(),
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
