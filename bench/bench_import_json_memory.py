"""Peak memory of importing about 200 MiB of jrnl JSON and PeerJournal JSON: dry run and import.

Two shapes per format, each file about 200 MiB (deterministic content, generated once into
bench/.work): *long* entries (100,000 entries of about 2 KB, the PeerJournal file with
20,000 mood logs too) and *short* ones (about 400,000 entries of about 500 bytes; dry run
only, as a real import of 400,000 records takes many minutes on this machine). Each run is
a fresh process that creates an empty vault (test key-derivation cost) and calls the use
case the command line calls (``app.transfer.import_file``), with ``dry_run`` or for real.
Reported: the process's peak resident memory (``ru_maxrss``: Python, the core imports,
SQLCipher and the import), the resident memory just before the import, the CPU and wall
time of the import, and the records counted.

``--before DIR`` runs the same files through the code in DIR as well (a tree made with
``git archive COMMIT | tar -x -C DIR``), so the figures pair the code before and after a
change on the same machine and files. Target (DESIGN §8): ≤ 200 MB for the whole process.

    .venv/bin/python bench/bench_import_json_memory.py [--before DIR] [--only jrnl-long,...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import common

TARGET_BYTES = 200 * 1024 * 1024
PASSPHRASE = "bench import passphrase"
WORDS = (
    "walked", "river", "morning", "tired", "exam", "friends", "coffee", "rain", "quiet",
    "work", "sleep", "music", "family", "anxious", "hopeful", "東京", "🌧️", "garden", "bus",
    "late", "early", "call", "mother", "letter",
)  # fmt: skip
#: name → (format, words per body (low, high), real import too)
CASES = {
    "jrnl-long": ("jrnl", (250, 350), True),
    "json-long": ("json", (250, 350), True),
    "jrnl-short": ("jrnl", (20, 60), False),
    "json-short": ("json", (20, 60), False),
}
CHILD = """
import json, resource, sys, time
from pathlib import Path
code, fmt, path, folder, passphrase, dry = sys.argv[1:7]
sys.path.insert(0, code)
from peerjournal.app.session import create_vault
from peerjournal.app.transfer import import_file
from peerjournal.vault import KdfParams
session, _code = create_vault(Path(folder), passphrase, kdf=KdfParams.for_tests())
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu_start = time.perf_counter(), time.process_time()
report = import_file(session, Path(path), fmt, dry_run=dry == "dry")
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
session.lock()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "peak_mb": peak / 1024,
                  "before_mb": before / 1024, "entries": report.entries_added,
                  "moods": report.moods_added, "problems": report.problems_total}))
"""


def _text(rng: random.Random, words: tuple[int, int]) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(*words)))


def _moments() -> Iterator[datetime]:
    moment = datetime(1990, 1, 1, 8, 0)
    while True:
        yield moment
        moment += timedelta(minutes=37)


def make_jrnl(path: Path, words: tuple[int, int]) -> None:
    """A jrnl JSON export (as ``jrnl --format json`` writes it: indent 2, ASCII escapes)."""
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n  "tags": {\n    "@work": 1\n  },\n  "entries": [\n')
        written = 0
        for i, moment in enumerate(_moments()):
            entry = {
                "title": _text(rng, (3, 9)) + ".",
                "body": _text(rng, words) + (" @work" if i % 3 == 0 else ""),
                "date": moment.strftime("%Y-%m-%d"),
                "time": moment.strftime("%H:%M"),
                "tags": ["@work"] if i % 3 == 0 else [],
                "starred": i % 17 == 0,
            }
            text = json.dumps(entry, indent=2).replace("\n", "\n    ")
            written += out.write(("    " if i == 0 else ",\n    ") + text)
            if written >= TARGET_BYTES:
                break
        out.write("\n  ]\n}\n")


def make_json(path: Path, words: tuple[int, int]) -> None:
    """A PeerJournal export through the real writer: one mood log per five entries."""
    sys.path.insert(0, str(common.ROOT))
    from peerjournal.exporters.peerjournal_json import write_json
    from peerjournal.importers.records import EntryRecord, MoodRecord

    rng = random.Random(7)
    zone = timezone(timedelta(hours=1))
    overhead = 330  # bytes of one record besides its text (ids, times, keys, indent)
    estimate = 0
    moods: list[MoodRecord] = []

    def entries() -> Iterator[EntryRecord]:
        nonlocal estimate
        for i, moment in enumerate(_moments()):
            at = moment.replace(tzinfo=UTC).astimezone(zone)
            mood_id = None
            if i % 5 == 0:
                mood_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                moods.append(MoodRecord(mood_id, at, 1 + i % 5, ("calm",), ("walk",), "ok"))
            title, body = _text(rng, (3, 9)) + ".", _text(rng, words)
            estimate += overhead + len((title + body).encode())
            yield EntryRecord(
                str(uuid.UUID(int=rng.getrandbits(128), version=4)), at, at, title, body,
                ("work",) if i % 3 == 0 else (), i % 17 == 0, mood_id,
            )  # fmt: skip
            if estimate >= TARGET_BYTES:
                return

    labels = {1: "Awful", 2: "Bad", 3: "Okay", 4: "Good", 5: "Great"}
    with path.open("wb") as out:
        write_json(out, entries(), moods, mood_labels=labels, emotions=["calm"],
                   activities=["walk"])  # fmt: skip


def _file(name: str) -> Path:
    fmt, words, _real = CASES[name]
    common.WORK.mkdir(parents=True, exist_ok=True)
    path = common.WORK / f"import-memory-{name}.json"
    if not path.exists():
        partial = path.with_suffix(".partial")
        (make_jrnl if fmt == "jrnl" else make_json)(partial, words)
        partial.replace(path)
    return path


def _run(code: Path, fmt: str, path: Path, dry: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(code), fmt, str(path), str(Path(folder) / "v"),
             PASSPHRASE, "dry" if dry else "real"],
            capture_output=True, text=True, check=True, cwd=code,
            env={**os.environ, "PEERJOURNAL_INSECURE_TEST_KDF": "1", "TZ": "Europe/Berlin",
                 "PYTHONPATH": str(code)},
        )  # fmt: skip
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Run every case (dry run, and import for the long ones), print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a tree of the code before the change")
    parser.add_argument("--only", help="comma-separated case names")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    codes = [("after", common.ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    rows, raw = [], {}
    load_before = os.getloadavg()[0]
    for name in names:
        fmt, _words, real = CASES[name]
        path = _file(name)
        size_mb = path.stat().st_size / 2**20
        for mode in ("dry", "real") if real else ("dry",):
            for label, code in codes:
                result = _run(code, fmt, path, mode == "dry")
                raw[f"{name}-{mode}-{label}"] = {**result, "file_mib": size_mb}
                print(json.dumps({name: raw[f"{name}-{mode}-{label}"], "code": label,
                                  "mode": mode}), flush=True)  # fmt: skip
                rows.append([
                    name, f"{size_mb:.0f} MiB", "dry run" if mode == "dry" else "import", label,
                    f"{int(result['entries']):,} + {int(result['moods']):,}",
                    f"{result['before_mb']:.0f} MB", f"{result['peak_mb']:.0f} MB",
                    f"{result['cpu_seconds']:.1f} s", f"{result['seconds']:.1f} s",
                ])  # fmt: skip
    load_after = os.getloadavg()[0]
    common.OUT.mkdir(parents=True, exist_ok=True)
    (common.OUT / "import_json_memory.json").write_text(json.dumps(raw, indent=2))
    print("| file | size | run | code | entries + mood logs | RSS before | peak RSS | CPU | wall |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nLoad average (1 min) {load_before:.2f} before, {load_after:.2f} after.")


if __name__ == "__main__":
    main()
