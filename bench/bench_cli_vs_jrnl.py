"""PeerJournal's command line against jrnl 4.6: process-level ``add`` and ``search``.

Method: the same generated entries (deterministic, seed 7) go into an encrypted jrnl
journal (``jrnl --import`` of its text format) and an encrypted PeerJournal vault
(``peerjournal import --format jrnl`` of the equivalent jrnl JSON, default Argon2id cost).
Each measured run is one whole process, started the way a user or a script starts it, with
the passphrase on stdin (jrnl) or in ``PEERJOURNAL_PASSPHRASE`` (PeerJournal), output
discarded; wall-clock time from ``subprocess.run`` start to exit. One warm-up run of each
command is not counted. Reports median and p95 (nearest rank) and jrnl ÷ PeerJournal.

jrnl is installed into its own venv under ``bench/.work/jrnl-venv`` on first use. Raw
figures go to ``bench/out/cli_vs_jrnl.json``; a Markdown section is printed on stdout.

Usage: ``python bench/bench_cli_vs_jrnl.py [--sizes 1000 10000] [--quick]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
OUT = ROOT / "bench" / "out"
JRNL_VENV = WORK / "jrnl-venv"
JRNL = JRNL_VENV / "bin" / "jrnl"
PEERJOURNAL = Path(sys.executable).with_name("peerjournal")
PASSPHRASE = "bench passphrase for both tools"
SEARCH_WORD = "river"
_WORD_TEXT = (
    "morning evening night school exam friend family walk river coffee tea rain sun "
    "tired calm anxious happy sad worried hopeful work study book music run bike park "
    "train bus city home kitchen dinner lunch breakfast sleep dream talk call message "
    "teacher class homework test grade project deadline meeting plan idea list garden "
    "dog cat bird tree flower sky cloud wind snow cold warm hot quiet loud busy slow fast "
    "long short small big new old good bad better worse today yesterday tomorrow week "
    "month year weekend holiday trip beach mountain forest lake sea road bridge market"
)
WORDS = _WORD_TEXT.split()
TAGS = ("@school", "@family", "@work", "@health", "@friends", "@exam")


@dataclass
class Timing:
    """Wall-clock seconds of repeated runs of one command."""

    runs: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        """Median, p95 (nearest rank), min, max in milliseconds and the run count."""
        ordered = sorted(self.runs)
        p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
        return {
            "runs": len(ordered),
            "median_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(p95 * 1000, 1),
            "min_ms": round(ordered[0] * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1),
        }


def log(text: str) -> None:
    """Progress on stderr (stdout carries the Markdown report)."""
    print(text, file=sys.stderr, flush=True)


def ensure_jrnl() -> None:
    """Install jrnl 4.6 into its own venv unless it is already there."""
    if JRNL.exists():
        return
    log("installing jrnl 4.6 into bench/.work/jrnl-venv")
    WORK.mkdir(parents=True, exist_ok=True)
    subprocess.run(["python3", "-m", "venv", str(JRNL_VENV)], check=True)
    subprocess.run([str(JRNL_VENV / "bin" / "pip"), "install", "--quiet", "jrnl==4.6"], check=True)


def generate(count: int, seed: int = 7) -> list[dict[str, object]]:
    """``count`` entries in jrnl's JSON entry shape (title, body, date, time, tags)."""
    rng = random.Random(seed)
    start = datetime(2000, 1, 1, 8, 0)
    entries = []
    for index in range(count):
        moment = start + timedelta(minutes=480 * index + rng.randrange(0, 400))
        tags = rng.sample(TAGS, rng.randrange(0, 3))
        words = [rng.choice(WORDS) for _ in range(rng.randrange(40, 120))]
        for tag in tags:
            words.insert(rng.randrange(len(words)), tag)
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 6))).capitalize()
        entries.append(
            {
                "title": f"{title}.",
                "body": " ".join(words) + ".",
                "date": moment.strftime("%Y-%m-%d"),
                "time": moment.strftime("%H:%M"),
                "tags": sorted(tags),
                "starred": False,
            }
        )
    return entries


def jrnl_text(entries: list[dict[str, object]]) -> str:
    """The same entries in jrnl's plain-text import format."""
    return "".join(f"[{e['date']} {e['time']}] {e['title']}\n{e['body']}\n\n" for e in entries)


def jrnl_env(folder: Path) -> dict[str, str]:
    """An isolated HOME/XDG for jrnl, without a keyring."""
    home = folder / "home"
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        PYTHONWARNINGS="ignore",
    )
    return env


def setup_jrnl(folder: Path, entries: list[dict[str, object]]) -> dict[str, str]:
    """An encrypted jrnl journal holding ``entries``; returns its environment."""
    shutil.rmtree(folder, ignore_errors=True)
    config = folder / "home" / ".config" / "jrnl"
    config.mkdir(parents=True)
    journal = folder / "journal.txt"
    (config / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: true\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n    encrypt: true\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n",
        encoding="utf-8",
    )
    source = folder / "import.txt"
    source.write_text(jrnl_text(entries), encoding="utf-8")
    env = jrnl_env(folder)
    subprocess.run(
        [str(JRNL), "--import", "--file", str(source)],
        input=f"{PASSPHRASE}\n{PASSPHRASE}\nn\n",
        text=True,
        env=env,
        capture_output=True,
        check=True,
    )
    source.unlink()
    if not journal.read_bytes().startswith(b"JRNLv"):
        raise RuntimeError("jrnl did not write an encrypted journal")
    counted = subprocess.run(
        [str(JRNL), "-contains", entries[0]["title"].split()[0].rstrip(".")],
        input=f"{PASSPHRASE}\n",
        text=True,
        env=env,
        capture_output=True,
        check=True,
    )
    if "found" not in counted.stderr:
        raise RuntimeError("the jrnl journal cannot be searched")
    return env


def pj_env(folder: Path) -> dict[str, str]:
    """An isolated environment for PeerJournal with the vault in ``folder``."""
    env = dict(os.environ)
    env.pop("PEERJOURNAL_INSECURE_TEST_KDF", None)  # the real, default Argon2id cost
    env.update(
        HOME=str(folder / "home"),
        XDG_DATA_HOME=str(folder / "home" / ".local" / "share"),
        XDG_STATE_HOME=str(folder / "home" / ".local" / "state"),
        XDG_RUNTIME_DIR=str(folder / "home" / "run"),
        PEERJOURNAL_VAULT=str(folder / "vault"),
        PEERJOURNAL_PASSPHRASE=PASSPHRASE,
    )
    return env


def setup_peerjournal(
    folder: Path, entries: list[dict[str, object]], *, minimum_kdf: bool = False
) -> dict[str, str]:
    """An encrypted PeerJournal vault holding ``entries``; returns its environment.

    ``minimum_kdf`` makes the vault with the insecure test-only Argon2id cost: used only
    to show how much of each run is the deliberate key derivation.
    """
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "home").mkdir(parents=True)
    env = pj_env(folder)
    if minimum_kdf:
        # Every command of this tool, not only init: without the variable the first unlock
        # would raise the test-cost slot to the default cost (no slot stays below it).
        env["PEERJOURNAL_INSECURE_TEST_KDF"] = "1"
    subprocess.run([str(PEERJOURNAL), "init"], env=env, capture_output=True, check=True)
    source = folder / "import.json"
    source.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    done = subprocess.run(
        [str(PEERJOURNAL), "import", "--format", "jrnl", str(source)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    source.unlink()
    if f"Imported {len(entries)} entries" not in done.stdout:
        raise RuntimeError(f"PeerJournal import went wrong: {done.stdout} {done.stderr}")
    return env


def start_agent(source: Path, folder: Path) -> dict[str, str]:
    """A copy of the vault in ``source`` with ``peerjournal unlock`` running on it."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
    env = pj_env(folder)
    (folder / "home" / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
    subprocess.run(
        [str(PEERJOURNAL), "unlock", "--minutes", "30"], env=env, capture_output=True, check=True
    )
    return env


def stop_agent(env: dict[str, str]) -> None:
    """``peerjournal lock`` for a vault started with :func:`start_agent`."""
    subprocess.run([str(PEERJOURNAL), "lock"], env=env, capture_output=True, check=False)


def timed(argv: list[str], env: dict[str, str], stdin: str | None) -> float:
    """Seconds one process takes; it must succeed."""
    begin = time.perf_counter()
    done = subprocess.run(
        argv, input=stdin, text=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - begin
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {done.stderr[-500:]}")
    return elapsed


def command(tool: str, operation: str, index: int) -> tuple[list[str], str | None]:
    """argv and stdin of one run of ``operation`` with ``tool``."""
    text = f"Benchmark entry {index}. Walked by the river after the exam, felt calm."
    if tool == "jrnl":
        if operation == "add":
            return [str(JRNL), text], f"{PASSPHRASE}\n"
        return [str(JRNL), "-contains", SEARCH_WORD, "-n", "20"], f"{PASSPHRASE}\n"
    if operation == "add":
        title, body = text.split(". ", 1)
        return [str(PEERJOURNAL), "add", body, "--title", title], None
    return [str(PEERJOURNAL), "search", SEARCH_WORD, "--limit", "20"], None


def measure(
    envs: dict[str, dict[str, str]], runs: dict[str, int]
) -> dict[str, dict[str, dict[str, float | int]]]:
    """Median/p95 of ``add`` and ``search`` per tool.

    Runs of the tools are interleaved (jrnl, PeerJournal, jrnl, …) so that background load
    on a shared machine falls on all of them alike; one warm-up run each is not counted.
    """
    results: dict[str, dict[str, dict[str, float | int]]] = {tool: {} for tool in envs}
    for operation in ("add", "search"):
        timings = {tool: Timing() for tool in envs}
        for index in range(max(runs.values()) + 1):
            for tool, env in envs.items():
                if index > runs[tool]:
                    continue
                argv, stdin = command(tool.split("-")[0], operation, index)
                seconds = timed(argv, env, stdin)
                if index > 0:
                    timings[tool].runs.append(seconds)
        for tool, timing in timings.items():
            results[tool][operation] = timing.summary()
            log(f"  {tool} {operation}: {results[tool][operation]}")
    return results


def kdf_seconds() -> float:
    """Median time of one default-cost Argon2id derivation in this process."""
    from nacl import pwhash

    from peerjournal.crypto.kdf import KdfParams

    params = KdfParams.default()
    samples = []
    for _ in range(3):
        begin = time.perf_counter()
        pwhash.argon2id.kdf(
            32, b"x" * 16, b"s" * 16, opslimit=params.opslimit, memlimit=params.memlimit
        )
        samples.append(time.perf_counter() - begin)
    return statistics.median(samples)


def cpu_name() -> str:
    """The CPU model from /proc/cpuinfo where available."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def report(data: dict[str, object]) -> str:
    """The Markdown section for docs/benchmarks.md."""
    sizes: dict[str, dict[str, dict[str, dict[str, float | int]]]] = data["sizes"]  # type: ignore[assignment]
    lines = [
        "## Command line: PeerJournal vs jrnl 4.6",
        "",
        f"Machine: {cpu_name()}, {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}.",
        "",
        "| entries | command | jrnl median (p95) | PeerJournal median (p95) | jrnl ÷ PJ "
        "| PJ after `unlock`¹ | jrnl ÷ that | PJ, minimum KDF² |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for size, tools in sizes.items():
        for operation in ("add", "search"):
            j, p = tools["jrnl"][operation], tools["peerjournal"][operation]
            m = tools["peerjournal-minkdf"][operation]
            u = tools["peerjournal-unlocked"][operation]
            ratio = float(j["median_ms"]) / float(p["median_ms"])
            ratio_unlocked = float(j["median_ms"]) / float(u["median_ms"])
            lines.append(
                f"| {int(size):,} | `{operation}` | {j['median_ms']:.0f} ms ({j['p95_ms']:.0f}) "
                f"| {p['median_ms']:.0f} ms ({p['p95_ms']:.0f}) | {ratio:.1f}× "
                f"| {u['median_ms']:.0f} ms ({u['p95_ms']:.0f}) | {ratio_unlocked:.1f}× "
                f"| {m['median_ms']:.0f} ms ({m['p95_ms']:.0f}) |"
            )
    runs = data["runs"]
    lines += [
        "",
        f"Method: both encrypted, same {', '.join(f'{int(s):,}' for s in sizes)} generated "
        "entries (seed 7, 40–120 words, 0–2 tags). Each figure is a whole process "
        f"(start-up, unlock, work, exit), wall clock; runs per command: jrnl "
        f"{'/'.join(str(r) for r in runs['jrnl'])} (by size), "
        f"PeerJournal {runs['peerjournal']}, after one unmeasured warm-up. "
        f"`search` is `jrnl -contains {SEARCH_WORD} -n 20` vs "
        f"`peerjournal search {SEARCH_WORD} --limit 20`.",
        "",
        f"PeerJournal unlocks with Argon2id at its default cost on every run "
        f"(~{data['argon2id_ms']:.0f} ms here, deliberate: it is what makes a stolen vault "
        "expensive to guess); the rest is Python start-up and one SQLCipher query. "
        "jrnl decrypts and re-parses the whole journal on every command and re-encrypts "
        "all of it on every `add`, so its cost grows with the journal.",
        "",
        "¹ After `peerjournal unlock` (an opt-in, time-limited session like ssh-agent: the "
        "vault is opened once, later commands are answered over a private Unix socket); "
        "each figure is still a whole `peerjournal` process.",
        "",
        "² The same commands on a copy of the vault made with the insecure, test-only minimum "
        "Argon2id cost: not a configuration anyone should use, shown only to separate the "
        "deliberate key-derivation cost from everything else a PeerJournal process does.",
    ]
    growth = data.get("growth")
    if growth:
        lines += [
            "",
            "Growth from the smallest to the largest journal (median ratio): "
            + "; ".join(f"{tool} {op} {value:.2f}×" for (tool, op), value in _pairs(growth)),
        ]
    return "\n".join(lines) + "\n"


def _pairs(growth: dict[str, dict[str, float]]) -> list[tuple[tuple[str, str], float]]:
    return [((tool, op), value) for tool, ops in growth.items() for op, value in ops.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--pj-runs", type=int, default=15)
    parser.add_argument("--jrnl-runs", type=int, nargs="+", default=[5, 5],
                        help="runs per size for jrnl (last value repeats)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="tiny sizes and few runs")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.pj_runs, args.jrnl_runs = [100, 300], 3, [2]
    if not PEERJOURNAL.exists():
        log(f"{PEERJOURNAL} is missing: run `pip install -e .` in the venv first")
        return 1
    ensure_jrnl()
    sizes: dict[str, dict[str, object]] = {}
    jrnl_runs_used = []
    for position, size in enumerate(args.sizes):
        jrnl_runs = args.jrnl_runs[min(position, len(args.jrnl_runs) - 1)]
        jrnl_runs_used.append(jrnl_runs)
        entries = generate(size)
        log(f"{size} entries: setting up jrnl and PeerJournal")
        envs = {
            "jrnl": setup_jrnl(WORK / f"jrnl-{size}", entries),
            "peerjournal": setup_peerjournal(WORK / f"pj-{size}", entries),
            "peerjournal-minkdf": setup_peerjournal(
                WORK / f"pj-min-{size}", entries, minimum_kdf=True
            ),
        }
        envs["peerjournal-unlocked"] = start_agent(WORK / f"pj-{size}", WORK / f"pj-agent-{size}")
        runs = {name: args.pj_runs for name in envs}
        runs["jrnl"] = jrnl_runs
        try:
            sizes[str(size)] = measure(envs, runs)  # type: ignore[assignment]
        finally:
            stop_agent(envs["peerjournal-unlocked"])
    data: dict[str, object] = {
        "benchmark": "cli_vs_jrnl",
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "cpu": cpu_name(),
            "cores": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "runs": {"jrnl": jrnl_runs_used, "peerjournal": args.pj_runs},
        "argon2id_ms": round(kdf_seconds() * 1000, 1),
        "sizes": sizes,
    }
    if len(args.sizes) > 1:
        low, high = sizes[str(args.sizes[0])], sizes[str(args.sizes[-1])]
        data["growth"] = {
            tool: {
                op: round(
                    high[tool][op]["median_ms"] / low[tool][op]["median_ms"],
                    2,  # type: ignore[index]
                )
                for op in ("add", "search")
            }
            for tool in ("jrnl", "peerjournal", "peerjournal-unlocked", "peerjournal-minkdf")
        }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cli_vs_jrnl.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(report(data), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
