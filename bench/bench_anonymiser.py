"""The anonymiser on the labelled corpus: what it finds per category, and how fast.

Scores every part of ``tests/fixtures/anonymiser/`` (development, held-out, fresh) with the
default settings (no user lists) and times ``Anonymiser.redact``:

- per snippet (each corpus snippet on its own, as a short entry is shared), and
- on long entries (the corpus joined into texts of about 2,000 characters),

each warm (word lists loaded, caches filled by one untimed pass), as the median of
``--repeat`` passes, in wall and CPU time per 1,000 characters. The first call of a process
(reading the word lists) is timed separately, with the memory the lists take.

Prints a Markdown section; writes raw figures to bench/out/anonymiser.json.
Usage: python bench/bench_anonymiser.py [--repeat 15]
"""

from __future__ import annotations

import argparse
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

from peerjournal.anonymise import CATEGORIES, Anonymiser
from tests.helpers.anonymiser_corpus import GROUPS, Score, load, score

TARGET_MS = 5.0
# The held-out part as first scored, before any change made after seeing its results
# (kept here so that the honest figure is not overwritten by later runs).
FIRST_HELDOUT = (
    "First scoring of the held-out part (2026-12-02, before any change made after seeing it): "
    "structured identifiers 19/19 replaced (100 %); names 18/22 replaced (81.8 %), 21/22 "
    "found; organisations and places 8/9 as whole spans (88.9 %); no false replacement in "
    "15 clean snippets. The misses led to three general changes (a name joined by *and* to "
    "a sure name is sure too; a possessive keeps a first name that is also a town a name; "
    "well-known words may stand inside an organisation's name) and one label fix (the "
    "kinship word in *Grandpa Joe* moved outside the span, as in the development part); "
    "the table below is after them."
)
LIST_FILES = ("first_names.bin", "places.bin", "words.bin")


FRESH_NOTE = (
    "Written after the detectors were finished and first scored on 2026-12-02: structured "
    "identifiers 7/8 replaced (the date of birth stood a few words from its birth word: "
    '"date of birth so I wrote 9 October 2008"), names 19/21 (one label then made '
    'consistent: "Auntie [Meena]"), organisations and places 8/8; its two clean snippets '
    'with a default replacement hold exact times ("at 2am", "4pm"), replaced by design. '
    "Since then a full date a few words after a birth word counts, and an unknown capitalised "
    "word before a verb is flagged; the table below is after that."
)


HELDOUT2_NOTE = (
    "Written at the start of the second round (2026-12-02) and committed before any detector "
    "changed. First score, before that round's changes: structured identifiers 10/10 "
    "replaced; names 19/24 replaced (79.2 %), 24/24 found; organisations and places 4/5 as "
    "whole spans (80 %); no false replacement in 10 clean snippets nor on its 10 must-stay "
    "words. Its misses (a sentence-initial name that is also a town, a lower-case name after "
    '"texted", a surname with an apposition, a Spanish school name with "de" inside) '
    "prompted that round's general cues, so it is no longer unseen: the table below is "
    "after them. The unseen figure of the round is the fresh-2 part."
)
FRESH2_NOTE = (
    "Written after the second round's changes were finished and committed, scored once "
    "(2026-12-02), and nothing changed for it afterwards: the honest figure of that round. "
    "First score: structured identifiers 5/5 replaced; names 17/18 replaced (94.4 %; "
    'the miss: a sentence-initial "Lucas" in French, only flagged); organisations and '
    "places 5/5 as whole spans; no false replacement in 7 clean snippets nor on its 6 "
    "must-stay words."
)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def table(result: Score) -> str:
    """One Markdown table: a row per category, then a row per group."""
    rows = [
        "| category | spans | found | replaced by default | flagged only | missed | whole span |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for category in CATEGORIES:
        n = result.spans[category.key]
        if not n:
            continue
        found = n - result.missed[category.key]
        rows.append(
            f"| {category.description} (`{category.key}`) | {n} | {found} | "
            f"{result.replaced[category.key]} | {result.flagged[category.key]} | "
            f"{result.missed[category.key]} | {result.whole[category.key]} |"
        )
    for group in GROUPS:
        n = result.group(group, result.spans)
        if not n:
            continue
        rows.append(
            f"| **{group}** | {n} | {n - result.group(group, result.missed)} | "
            f"**{_percent(result.group(group, result.replaced), n)}** | "
            f"{result.group(group, result.flagged)} | {result.group(group, result.missed)} | "
            f"{_percent(result.group(group, result.whole), n)} |"
        )
    rows.append(
        f"\nFalse replacements: {result.clean_with_false} of {result.clean_snippets} snippets "
        f"without labelled spans had a default replacement ({result.false_in_clean} in all); "
        f"{result.false_on_keep} of {result.keep_words} must-stay words were replaced."
    )
    return "\n".join(rows)


def targets(result: Score) -> dict[str, bool]:
    """The issue's targets, met or not."""
    n = {g: result.group(g, result.spans) for g in GROUPS}
    return {
        "structured replaced >= 98 %": result.group("structured", result.replaced)
        >= 0.98 * n["structured"],
        "people replaced >= 90 %": result.group("people", result.replaced) >= 0.90 * n["people"],
        "organisations and places as whole spans >= 90 %": result.group(
            "organisations", result.whole
        )
        >= 0.90 * n["organisations"],
        "<= 1 false replacement per 20 clean snippets": result.clean_with_false * 20
        <= result.clean_snippets,
    }


def _timed(anonymiser: Anonymiser, texts: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds per 1,000 characters over ``repeat`` passes."""
    chars = sum(len(t) for t in texts)
    for text in texts:  # warm-up
        anonymiser.redact(text)
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            anonymiser.redact(text)
        cpu.append((time.process_time() - start_cpu) * 1000 / (chars / 1000))
        wall.append((time.perf_counter() - start) * 1000 / (chars / 1000))
    return statistics.median(wall), statistics.median(cpu)


def long_entries(texts: list[str], size: int = 2000) -> list[str]:
    """The snippets joined into entries of about ``size`` characters."""
    entries, current = [], ""
    for text in texts:
        current = f"{current}\n\n{text}" if current else text
        if len(current) >= size:
            entries.append(current)
            current = ""
    return entries + ([current] if current else [])


def cold_start() -> dict[str, float]:
    """A fresh process: import, first redaction (reads the word lists), memory they take."""
    probe = (
        "import time, tracemalloc\n"
        "t0 = time.perf_counter()\n"
        "from peerjournal.anonymise import Anonymiser\n"
        "t1 = time.perf_counter()\n"
        "tracemalloc.start()\n"
        "Anonymiser().redact('Priya told me about St Bede\\'s High School in Kettering.')\n"
        "t2 = time.perf_counter()\n"
        "print(t1 - t0, t2 - t1, tracemalloc.get_traced_memory()[1])\n"
    )
    runs = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=common.ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        runs.append([float(x) for x in out])
    return {
        "import_ms": statistics.median(r[0] for r in runs) * 1000,
        "first_call_ms": statistics.median(r[1] for r in runs) * 1000,
        "first_call_peak_mib": statistics.median(r[2] for r in runs) / 2**20,
    }


def bundle_growth() -> dict[str, float]:
    """Bytes the anonymiser's data and its ID-number library add to the bundle."""
    import stdnum

    data = common.ROOT / "peerjournal" / "anonymise" / "data"
    lists = sum((data / name).stat().st_size for name in LIST_FILES)
    stdnum_dir = Path(stdnum.__file__).parent
    used = ["__init__.py", "util.py", "exceptions.py", "iso7064", "verhoeff.py", "luhn.py"]
    used += [f"{c}/{m}.py" for c, m in (("us", "ssn"), ("gb", "nhs"), ("de", "idnr"),
             ("fr", "nir"), ("es", "dni"), ("es", "nie"), ("in_", "aadhaar"),
             ("in_", "pan"), ("jp", "in_"))]  # fmt: skip
    library = 0
    for part in used:
        path = stdnum_dir / part
        files = path.rglob("*.py") if path.is_dir() else [path]
        library += sum(p.stat().st_size for p in files if p.exists())
    return {"lists_mib": lists / 2**20, "stdnum_mib": library / 2**20}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    anonymiser = Anonymiser()
    parts = {
        "development": load("dev"),
        "held-out": load("heldout"),
        "fresh": load("fresh"),
        "held-out 2": load("heldout2"),
        "fresh 2": load("fresh2"),
    }
    results = {name: score(anonymiser, snippets) for name, snippets in parts.items()}
    texts = [s.text for snippets in parts.values() for s in snippets]
    short_wall, short_cpu = _timed(anonymiser, texts, args.repeat)
    entries = long_entries(texts)
    long_wall, long_cpu = _timed(anonymiser, entries, args.repeat)
    cold = cold_start()
    growth = bundle_growth()
    load_avg = os.getloadavg()

    raw = {
        "parts": {
            name: {
                "spans": dict(r.spans),
                "replaced": dict(r.replaced),
                "flagged": dict(r.flagged),
                "missed": dict(r.missed),
                "whole": dict(r.whole),
                "clean_snippets": r.clean_snippets,
                "clean_with_false": r.clean_with_false,
                "false_on_keep": r.false_on_keep,
                "targets": targets(r),
            }
            for name, r in results.items()
        },
        "ms_per_1000_chars": {
            "snippets_wall": short_wall,
            "snippets_cpu": short_cpu,
            "long_wall": long_wall,
            "long_cpu": long_cpu,
        },
        "cold": cold,
        "bundle": growth,
        "load_average": load_avg,
    }
    common.OUT.mkdir(parents=True, exist_ok=True)
    (common.OUT / "anonymiser.json").write_text(json.dumps(raw, indent=2), encoding="utf-8")

    n_snippets = {name: len(s) for name, s in parts.items()}
    lines = ["## Anonymiser", ""]
    lines.append(
        "The labelled corpus in `tests/fixtures/anonymiser/` (hand-written journal snippets in "
        "English, German, French, Spanish, Indian and Japanese English; see its README), "
        "scored with the default settings and no user lists. *Replaced by default* means "
        "every character of the labelled span is inside a high-confidence finding; *flagged "
        "only* means it is covered but needs the user's click; *whole span* means one finding "
        "covers it (the target for organisations and places)."
    )
    for name, result in results.items():
        met = targets(result)
        lines += ["", f"### {name} part ({n_snippets[name]} snippets)", ""]
        if name == "held-out":
            lines += [FIRST_HELDOUT, ""]
        if name == "fresh":
            lines += [FRESH_NOTE, ""]
        if name == "held-out 2":
            lines += [HELDOUT2_NOTE, ""]
        if name == "fresh 2":
            lines += [FRESH2_NOTE, ""]
        lines += [table(result), ""]
        lines.append(
            "Targets: " + "; ".join(f"{k} — {'met' if v else 'NOT met'}" for k, v in met.items())
        )
    lines += [
        "",
        "### Speed and size",
        "",
        "| measured | wall | CPU |",
        "|---|---:|---:|",
        f"| each snippet on its own (median of {args.repeat} passes) | "
        f"{short_wall:.2f} ms / 1,000 chars | {short_cpu:.2f} ms |",
        f"| long entries (~2,000 chars, {len(entries)} of them) | "
        f"{long_wall:.2f} ms / 1,000 chars | {long_cpu:.2f} ms |",
        f"| import of `peerjournal.anonymise` (fresh process, median of 5) | "
        f"{cold['import_ms']:.0f} ms | |",
        f"| first redaction of a process (reads the word lists) | "
        f"{cold['first_call_ms']:.0f} ms | |",
        "",
        f"Target ≤ {TARGET_MS:.0f} ms per 1,000 characters: "
        f"{'met' if max(short_cpu, long_cpu) <= TARGET_MS else 'NOT met'} in CPU time "
        f"(worst {max(short_cpu, long_cpu):.2f} ms), the cost of the code itself; wall time "
        f"(worst {max(short_wall, long_wall):.2f} ms) also counts waiting for a core: the load "
        f"average at the start was {load_avg[0]:.1f}, {load_avg[1]:.1f}, {load_avg[2]:.1f} on "
        f"{os.cpu_count()} cores. The corpus is much denser in identifiers than ordinary "
        "entries, so both are pessimistic; phone numbers (libphonenumber) cost the most.",
        "",
        f"Bundle: the compiled name, place and word lists take {growth['lists_mib']:.1f} MiB "
        f"(`peerjournal/anonymise/data/`), the python-stdnum modules used "
        f"{growth['stdnum_mib']:.2f} MiB; the first redaction peaks at "
        f"{cold['first_call_peak_mib']:.1f} MiB of Python memory. Budget: 10 MB.",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
