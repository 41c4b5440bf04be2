from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transync.checks.engine.align import opcodes

keys = st.lists(st.sampled_from("abcdefgh"), max_size=60)


@given(keys, keys)
def test_opcodes_cover_both_sequences_and_equal_means_equal(a: list[str], b: list[str]) -> None:
    i = j = 0
    for tag, first, last, start, end in opcodes(a, b):
        assert (first, start) == (i, j)
        if tag == "equal":
            assert a[first:last] == b[start:end]
        i, j = last, end
    assert (i, j) == (len(a), len(b))


def test_one_missing_item_among_unique_ones_is_found() -> None:
    assert opcodes(list("abcdef"), list("abdef")) == [
        ("equal", 0, 2, 0, 2),
        ("delete", 2, 3, 2, 2),
        ("equal", 3, 6, 2, 5),
    ]


def test_long_runs_of_one_repeated_key_still_pair_around_each_gap() -> None:
    source = ["same", "gone"] * 400
    translated = ["same"] * 400
    deleted = [op for op in opcodes(source, translated) if op[0] != "equal"]
    assert sum(last - first for _, first, last, _, _ in deleted) == 400
    assert all(tag == "delete" for tag, *_ in deleted)
