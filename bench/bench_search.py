"""In-process search and first-page listing on encrypted 1k/10k/100k-entry vaults.

Vaults are generated once into bench/.work/search-<n>/ (deterministic text from a fixed
seed, one transaction, the fast test-only KDF since key derivation is not measured here)
and reused. Each query runs a few times untimed, then ``--repeat`` times timed through the
public ``JournalService`` API, the way the GUI and CLI call it.

Prints a Markdown section; writes raw figures to bench/out/search.json.
Usage: python bench/bench_search.py [--sizes 1000 10000 100000] [--repeat 60] [--rebuild]
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import common

from peerjournal.app.session import Session, create_vault, open_vault
from peerjournal.vault import KdfParams

PASSPHRASE = "bench passphrase"
GENERATOR_VERSION = "8"
TAGS = ["school", "exam", "family", "friends", "sleep", "walk", "work", "gratitude",
        "anxiety", "music", "sport", "reading", "health", "travel", "money", "love"]  # fmt: skip
CONTENT = [
    "walk",
    "park",
    "river",
    "library",
    "exam",
    "revision",
    "teacher",
    "friend",
    "sister",
    "brother",
    "mother",
    "father",
    "sleep",
    "tired",
    "coffee",
    "breakfast",
    "lunch",
    "dinner",
    "rain",
    "sun",
    "cold",
    "warm",
    "bus",
    "train",
    "homework",
    "anxious",
    "calm",
    "happy",
    "sad",
    "lonely",
    "grateful",
    "proud",
    "stressed",
    "angry",
    "hopeful",
    "music",
    "guitar",
    "football",
    "swim",
    "run",
    "gym",
    "book",
    "chapter",
    "essay",
    "deadline",
    "phone",
    "message",
    "call",
    "laugh",
    "cry",
    "garden",
    "dog",
    "cat",
    "kitchen",
    "bread",
    "tea",
    "window",
    "morning",
    "evening",
    "night",
    "weekend",
    "holiday",
    "beach",
    "mountain",
    "city",
    "shop",
    "market",
    "money",
    "job",
    "interview",
    "meeting",
    "project",
    "colleague",
    "manager",
    "doctor",
    "therapy",
    "breathing",
    "meditation",
    "journal",
    "memory",
    "dream",
    "worry",
    "plan",
    "goal",
    "habit",
]
FILLER = [
    "the",
    "a",
    "and",
    "to",
    "of",
    "in",
    "it",
    "was",
    "i",
    "my",
    "me",
    "that",
    "for",
    "on",
    "with",
    "but",
    "so",
    "just",
    "felt",
    "today",
    "really",
    "about",
    "after",
    "before",
    "because",
    "then",
    "again",
    "still",
    "some",
    "very",
    "more",
    "much",
    "little",
    "not",
]


#: Every 40th entry gets a Chinese or Japanese sentence, every 60th an emoji (real journals mix).
CJK_SENTENCES = [
    "今天是中文测试的日子，天气很好。",
    "今日は公園を散歩した。とても静かだった。",
    "考试快到了，我有点紧张。",
    "友達と駅で会って、お茶を飲んだ。",
]
EMOJI = ["🙂", "😢", "❤️", "🌧️", "🎉"]


def _vocabulary(rng: random.Random) -> list[str]:
    """Vocabulary in frequency order: function words, everyday content words, then
    4,000 pseudo-words as the long tail of rare terms found in real journals."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    content = list(CONTENT)
    rng.shuffle(content)
    extra = {"".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(4000)}
    return FILLER + content + sorted(extra - set(CONTENT) - set(FILLER))


def _text(rng: random.Random, vocab: list[str], weights: list[float], words: int) -> str:
    picked = rng.choices(vocab, cum_weights=weights, k=words)
    sentences = []
    for i in range(0, len(picked), 14):
        chunk = " ".join(picked[i : i + 14])
        sentences.append(chunk[:1].upper() + chunk[1:] + ".")
    return " ".join(sentences)


def build(folder: Path, size: int) -> float:
    """Fill a new vault with ``size`` entries in one transaction; returns seconds taken."""
    rng = random.Random(size)
    vocab = _vocabulary(rng)
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    start_day = datetime(2026, 1, 1, 8, tzinfo=UTC) - timedelta(days=size // 3)
    if folder.exists():
        shutil.rmtree(folder)
    session, _ = create_vault(folder, PASSPHRASE, kdf=KdfParams.for_tests())
    started = time.perf_counter()
    with session.transaction():
        for i in range(size):
            created = start_day + timedelta(hours=8 * i + rng.randint(0, 7))
            title = " ".join(rng.choices(CONTENT, k=rng.randint(1, 4))).capitalize()
            body = _text(rng, vocab, weights, rng.randint(40, 160))
            if i % 40 == 3:
                body += " " + CJK_SENTENCES[(i // 40) % len(CJK_SENTENCES)]
            if i % 60 == 5:
                body += " " + EMOJI[(i // 60) % len(EMOJI)]
            tags = rng.sample(TAGS, k=rng.randint(0, 3)) + (["rare"] if i % 2000 == 7 else [])
            session.journal.add(body, title=title, tags=tags, created=created)
    elapsed = time.perf_counter() - started
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")
    session.lock()
    (folder / "GENERATED").write_text(f"{GENERATOR_VERSION} {size} {elapsed:.2f}\n")
    return elapsed


def ensure(size: int, rebuild: bool) -> tuple[Path, float | None]:
    """The cached vault for ``size`` (built if missing or stale) and its build time."""
    folder = common.WORK / f"search-{size}"
    marker = folder / "GENERATED"
    if (
        not rebuild
        and marker.exists()
        and marker.read_text().split()[:2]
        == [
            GENERATOR_VERSION,
            str(size),
        ]
    ):
        return folder, float(marker.read_text().split()[2])
    print(f"building {size} entries…", file=sys.stderr, flush=True)
    return folder, build(folder, size)


def cases(session: Session) -> list[tuple[str, object]]:
    """(label, zero-argument call) for every measured operation."""
    j = session.journal
    newest = j.list(limit=1)[0].created.date()
    month_ago = newest - timedelta(days=30)
    deep_id = j.list(limit=1, offset=j.count() * 9 // 10)[0].id
    return [
        ("search: common word (walk)", lambda: j.search("walk")),
        ("search: frequent filler (today)", lambda: j.search("today")),
        ("search: two words (exam sleep)", lambda: j.search("exam sleep")),
        ("search: prefix (medit*)", lambda: j.search("medit*")),
        ('search: phrase ("walk park")', lambda: j.search('"walk park"')),
        ("search: rare word", lambda: j.search("zzqx qwerty") or j.search("kitchen dream")),
        ("search: word + tag (walk, tag sleep)", lambda: j.search("walk", tag="sleep")),
        ("search: word + last 30 days", lambda: j.search("walk", since=month_ago)),
        (
            "search: filler + filter matching all (worst case)",
            lambda: j.search("today", since=date(1900, 1, 1)),
        ),
        ("search: a AND b (walk AND river)", lambda: j.search("walk AND river")),
        ("search: a OR b (walk OR river)", lambda: j.search("walk OR river")),
        ("search: a NOT b (walk NOT river)", lambda: j.search("walk NOT river")),
        ("search: (a OR b) -c", lambda: j.search("(walk OR run) -rain")),
        ("search: only NOT (-walk)", lambda: j.search("-walk")),
        ("search: one-letter prefix (r*)", lambda: j.search("r*")),
        ("search: CJK, 2 chars (中文)", lambda: j.search("中文")),
        ("search: CJK, 1 char (茶)", lambda: j.search("茶")),
        ("search: CJK, 4 chars (中文测试)", lambda: j.search("中文测试")),
        ("search: CJK, no match (火山)", lambda: j.search("火山")),
        ("search: emoji (🙂)", lambda: j.search("🙂")),
        ("search: words and CJK (today 散歩)", lambda: j.search("today 散歩")),
        ("search: word, starred only (none starred)", lambda: j.search("walk", starred=True)),
        ("list: first page (50)", lambda: j.list(limit=50)),
        ("list: starred, no match", lambda: j.list(limit=20, starred=True)),
        (
            "list: offset 90% deep",
            lambda: j.list(limit=20, offset=session.journal.count() * 9 // 10),
        ),
        (
            "list: keyset page after the 90% mark",
            lambda: j.list(limit=20, after=deep_id),
        ),
        ("list: first page, tag filter", lambda: j.list(limit=50, tag="exam")),
        ("list: first page, rare tag (1 in 2,000)", lambda: j.list(limit=50, tag="rare")),
        ("search: word + rare tag", lambda: j.search("today", tag="rare")),
        ("list: first page, date range", lambda: j.list(limit=50, since=month_ago, until=newest)),
        ("count: all", lambda: j.count()),
        ("tags: counts", lambda: j.tags()),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    results: dict[str, dict[str, dict[str, float]]] = {}
    cpu_results: dict[str, dict[str, dict[str, float]]] = {}
    builds: dict[str, float | None] = {}
    matches: dict[str, int] = {}
    info = common.machine()
    for size in args.sizes:
        folder, built = ensure(size, args.rebuild)
        builds[str(size)] = built
        session = open_vault(folder, PASSPHRASE)
        results[str(size)] = {}
        for label, call in cases(session):
            wall, cpu = common.time_calls_wall_cpu(call, repeat=args.repeat)  # type: ignore[arg-type]
            results[str(size)][label] = common.summarise_ms(wall)
            cpu_results.setdefault(str(size), {})[label] = common.summarise_ms(cpu)
        matches[str(size)] = session.conn.execute(
            "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'walk'"
        ).fetchone()[0]
        session.lock()

    labels = list(next(iter(results.values())).keys())
    header = ["operation"] + [f"{int(s):,} p50 / p95 ms" for s in results]
    rows = [
        [label]
        + [
            f"{results[s][label]['p50_ms']:.2f} / {results[s][label]['p95_ms']:.2f}"
            for s in results
        ]
        for label in labels
    ]
    cpu_p95 = {
        s: max(v["p95_ms"] for k, v in r.items() if k.startswith(("search", "list")))
        for s, r in cpu_results.items()
    }
    search_p95 = {
        s: max(v["p95_ms"] for k, v in r.items() if k.startswith(("search", "list")))
        for s, r in results.items()
    }
    biggest = max(results, key=int)
    verdict = "met" if search_p95[biggest] <= 20 else "NOT met"
    print("## search\n")
    print(
        "In-process search and listing through `JournalService` on encrypted (SQLCipher 4)\n"
        f"vaults with generated entries (40–160 words each, Zipf-distributed vocabulary of\n"
        "~4,100 words: function words, everyday words, a long tail of rare words;\n"
        f"0–3 tags), warm page cache, {args.repeat} timed runs per row after 3 untimed.\n"
        f"Each search returns up to 50 hits with snippets; 'walk' matches\n"
        + ", ".join(f"{int(s):,}: {n:,}" for s, n in matches.items())
        + " entries.\n"
    )
    print(common.markdown_table(header, rows))
    load = ", ".join(f"{x:.1f}" for x in info["loadavg_at_start"] or [])
    built = ", ".join(f"{int(s):,} in {t:.1f} s" for s, t in builds.items() if t is not None)
    print(
        "\nTarget: search and every listing or filter p95 ≤ 20 ms at 100k entries. Worst p95"
        f" at {int(biggest):,}"
        f" entries: {search_p95[biggest]:.2f} ms wall time — {verdict}.\n"
        f"The same calls used at most {cpu_p95[biggest]:.2f} ms of CPU time (p95); wall time\n"
        "also counts waiting for a core while other processes run: the load average at\n"
        f"the start was {load} on {info['cores']} cores.\n"
        + (
            f"Vaults built (one transaction through `JournalService.add`): {built}.\n"
            if built
            else ""
        )
    )
    common.write_json(
        "search",
        {
            "machine": info,
            "method": "in-process JournalService calls; warm cache; 3 warmup + repeat timed",
            "repeat": args.repeat,
            "results": results,
            "cpu_results": cpu_results,
            "worst_search_cpu_p95_ms": cpu_p95,
            "build_seconds": builds,
            "walk_matches": matches,
            "worst_search_p95_ms": search_p95,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
