"""An unknown mailbox and a known mailbox with a wrong key take the same time (both backends).

The relay answers both with the same ``auth_failed`` body; this checks the time too, as an
attacker would: many interleaved pairs over one connection (``timing_probe.py``), compared
by the median paired difference and by how often each kind was the slower one of its pair.
The relay of commit cfa7317 fails it (unknown ids were slower in 96% of pairs on SQLite and
100% on PostgreSQL, medians 1.3 and 2.3 times the wrong key's).
"""

from __future__ import annotations

from relay_helpers import RelayThread
from timing_probe import measure

PAIRS = 800
TOLERANCE = 0.05  # the median paired difference within 5 % of the median time
# Neither kind slower in nearly every pair, as the old relay's unknown ids were (96 % and
# 100 %). Not a fair coin's 0.5 ± 0.02: sub-microsecond differences remain that no schema
# removes (the one known id's index pages stay in the CPU's cache, each random unknown id
# walks cold ones; a found row is copied out, a miss is not), about 0.5 µs in 190 µs, and on
# a quiet machine they decide most pairs: a run with the medians 0.9 % apart gave 0.32.
SIGN_BAND = (0.2, 0.8)


def test_unknown_mailbox_and_wrong_key_take_the_same_time(relay: RelayThread) -> None:
    timing = measure(relay.url, PAIRS)
    assert timing.statuses == {401}
    assert abs(timing.paired_difference) <= TOLERANCE, timing
    assert SIGN_BAND[0] <= timing.unknown_slower_share <= SIGN_BAND[1], timing
