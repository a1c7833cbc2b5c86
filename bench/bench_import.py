"""Import of 10k and 100k entries from Day One JSON, Daylio CSV and jrnl text: time and memory.

Each file is generated once into bench/.work (deterministic content: varied lengths, tags,
emoji, several per day). Each import runs in a fresh process into a new, empty vault
(test key-derivation cost, so only the import is timed), through the same use case the
command line calls (``app.transfer.import_file``, one transaction). A file of 8 MiB or more
is read in a second process while the first writes (``importers/ahead.py``): the 100k files
are, the 10k files are read in the one process. Reported: the wall time of the import (the
target), the CPU time of both processes with the reader's share, and the peak resident
memory (``ru_maxrss``) of the writing process (Python, PySide6-free core imports,
SQLCipher) and of the reader process; records per second are per wall second. A Daylio row
with a note is a mood log *and* a linked entry, so its 100k rows write 200k records.
Target (DESIGN §8): 100k entries ≤ 10 s and ≤ 200 MB on the 2-core reference machine.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import common

SIZES = (10_000, 100_000)
PASSPHRASE = "bench import passphrase"
WORDS = (
    "walked", "river", "morning", "tired", "exam", "friends", "coffee", "rain", "quiet",
    "work", "sleep", "music", "family", "anxious", "hopeful", "東京", "🌧️", "garden", "bus",
    "late", "early", "call", "mother", "letter",
)  # fmt: skip
CHILD = """
import json, resource, sys, time
from pathlib import Path
from peerjournal.app.session import create_vault
from peerjournal.app.transfer import ImportOptions, import_file
from peerjournal.vault import KdfParams
fmt, path, folder, passphrase, ahead = sys.argv[1:6]
session, _code = create_vault(Path(folder), passphrase, kdf=KdfParams.for_tests())
def children():
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu_start, child_start = time.perf_counter(), time.process_time(), children()
report = import_file(session, Path(path), fmt, options=ImportOptions(),
                     read_ahead=None if ahead == "auto" else ahead == "yes")
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
reader_cpu = children() - child_start
session.lock()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
reader_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "reader_cpu_seconds": reader_cpu,
                  "peak_mb": peak / 1024, "reader_peak_mb": reader_peak / 1024,
                  "before_mb": before / 1024, "entries": report.entries_added,
                  "moods": report.moods_added, "problems": report.problems_total}))
"""


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 80)))


def _moments(count: int) -> list[datetime]:
    start = datetime(2015, 1, 1, 8, 0, tzinfo=UTC)
    return [start + timedelta(minutes=137 * i) for i in range(count)]


def make_dayone(path: Path, count: int) -> None:
    """A Day One JSON export of ``count`` entries."""
    rng = random.Random(count)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"metadata": {"version": "1.0"}, "entries": [\n')
        for i, moment in enumerate(_moments(count)):
            entry = {
                "uuid": f"{i:032X}",
                "creationDate": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "modifiedDate": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "timeZone": "Europe/Berlin",
                "text": f"# Day {i}\n\n" + _text(rng).replace(".", "\\.") + "\\!",
                "tags": rng.sample(["work", "family", "ice cream", "exam"], rng.randint(0, 2)),
                "starred": i % 17 == 0,
            }
            out.write(("," if i else "") + json.dumps(entry, ensure_ascii=False) + "\n")
        out.write("]}\n")


def make_daylio(path: Path, count: int) -> None:
    """A Daylio CSV export of ``count`` rows, newest first, each with a note."""
    rng = random.Random(count)
    moods = ["rad", "good", "meh", "bad", "awful"]
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities",
                         "note_title", "note"])  # fmt: skip
        for moment in reversed(_moments(count)):
            writer.writerow([
                moment.date().isoformat(), moment.strftime("%B %d"), moment.strftime("%A"),
                moment.strftime("%I:%M %p"), rng.choice(moods),
                " | ".join(rng.sample(["walk", "friends", "study", "sleep"], 2)),
                "", _text(rng).replace(" quiet ", " quiet<br>") + " &amp; more",
            ])  # fmt: skip


def make_jrnl(path: Path, count: int) -> None:
    """A jrnl plain-text export of ``count`` entries."""
    rng = random.Random(count)
    with path.open("w", encoding="utf-8") as out:
        for moment in _moments(count):
            out.write(f"[{moment:%Y-%m-%d %I:%M:%S %p}] {_text(rng)[:60]}.\n{_text(rng)} @work\n\n")


MAKERS = {"dayone": (make_dayone, "json"), "daylio": (make_daylio, "csv"),
          "jrnl": (make_jrnl, "txt")}  # fmt: skip


def _file(fmt: str, count: int) -> Path:
    maker, suffix = MAKERS[fmt]
    common.WORK.mkdir(parents=True, exist_ok=True)
    path = common.WORK / f"import-{fmt}-{count}.{suffix}"
    if not path.exists():
        partial = path.with_suffix(".partial")
        maker(partial, count)
        partial.replace(path)
    return path


def _run(fmt: str, path: Path, ahead: str = "auto") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, fmt, str(path), str(Path(folder) / "vault"),
             PASSPHRASE, ahead],
            capture_output=True, text=True, check=True, cwd=common.ROOT,
            env={**os.environ, "PEERJOURNAL_INSECURE_TEST_KDF": "1", "TZ": "Europe/Berlin"},
        )  # fmt: skip
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Run every format at every size and print the Markdown section."""
    rows, raw = [], {}
    load_before = os.getloadavg()[0]
    for fmt in MAKERS:
        for count in SIZES:
            path = _file(fmt, count)
            result = _run(fmt, path)
            raw[f"{fmt}-{count}"] = {**result, "file_mb": path.stat().st_size / 2**20}
            records = int(result["entries"] + result["moods"])
            cpu = result["cpu_seconds"] + result["reader_cpu_seconds"]
            rows.append([
                fmt, f"{count:,}", f"{path.stat().st_size / 2**20:.1f} MB", f"{records:,}",
                f"{result['seconds']:.2f} s",
                f"{cpu:.2f} s ({result['reader_cpu_seconds']:.2f} s)"
                if result["reader_peak_mb"] else f"{cpu:.2f} s (one process)",
                f"{result['peak_mb']:.0f} + {result['reader_peak_mb']:.0f} MB"
                if result["reader_peak_mb"] else f"{result['peak_mb']:.0f} MB",
                f"{records / result['seconds']:,.0f}/s",
            ])  # fmt: skip
    # the same 100k files read in the one process, alternating with reading ahead
    paired = []
    for fmt in MAKERS:
        path = _file(fmt, SIZES[-1])
        runs = {"no": [], "yes": []}
        for ahead in ("no", "yes", "yes", "no"):
            runs[ahead].append(_run(fmt, path, ahead)["seconds"])
        raw[f"{fmt}-{SIZES[-1]}-paired"] = runs
        paired.append([
            fmt, " / ".join(f"{s:.2f} s" for s in runs["no"]),
            " / ".join(f"{s:.2f} s" for s in runs["yes"]),
            f"{sum(runs['yes']) / sum(runs['no']):.2f}",
        ])  # fmt: skip
    load_after = os.getloadavg()[0]
    common.write_json("import", {"machine": common.machine(), "results": raw,
                                 "load": [load_before, load_after]})  # fmt: skip
    print("## Import (Day One, Daylio, jrnl text)\n")
    print(common.markdown_table(
        ["format", "rows", "file", "records written", "wall time",
         "CPU time (of it the reader)", "peak memory (writer + reader)", "records per second"],
        rows,
    ))  # fmt: skip
    print(
        f"\n{SIZES[-1]:,} rows read in the one process and read ahead, alternating "
        "(no, yes, yes, no; wall time):\n"
    )
    print(common.markdown_table(
        ["format", "one process", "read ahead", "read ahead ÷ one process"], paired
    ))  # fmt: skip
    print(
        f"\nLoad average (1 min) {load_before:.2f} before, {load_after:.2f} after "
        "(2 cores shared with other work: the times are upper bounds).\n"
    )
    print(__doc__.split("\n\n", 1)[1].strip().replace("\n", " "))


if __name__ == "__main__":
    main()
