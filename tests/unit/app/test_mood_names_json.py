"""The stored JSON of emotion and activity lists is json.dumps's, remembered or not."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from peerjournal.app import mood

NAME_LISTS = st.lists(st.text(max_size=40), max_size=8).map(tuple) | st.tuples(
    st.text(max_size=300)
)


@given(st.lists(NAME_LISTS, max_size=20))
def test_remembered_lists_give_the_json_a_fresh_dump_gives(lists: list[tuple[str, ...]]) -> None:
    for names in [*lists, *lists]:  # the second time from memory
        assert mood._names_json(names) == json.dumps(list(names), ensure_ascii=False)


def test_the_memory_stays_bounded() -> None:
    mood._NAMES_JSON.clear()
    for number in range(mood._NAMES_JSON_MAX * 2 + 5):
        mood._names_json((f"activity {number}",))
    assert len(mood._NAMES_JSON) <= mood._NAMES_JSON_MAX
    mood._names_json(("x" * 1000,))  # a long list is written, not kept
    assert ("x" * 1000,) not in mood._NAMES_JSON
