"""cydifflib's SequenceMatcher answers exactly as difflib's: the reports depend on it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from transync.matching import SequenceMatcher


@dataclass(frozen=True)
class _Item:
    """Like the outline items the content checks align: hashable, compared by value."""

    kind: str
    key: tuple[int, ...]


_ELEMENTS = st.one_of(
    st.integers(0, 5),
    st.sampled_from(["the", ".", ",", "word", "# Heading", ""]),
    st.builds(_Item, st.sampled_from(["link", "table"]), st.tuples(st.integers(0, 3))),
)
_SEQUENCES = st.lists(_ELEMENTS, max_size=80)


@given(_SEQUENCES, _SEQUENCES, st.booleans())
def test_opcodes_blocks_and_ratios_are_difflibs(
    before: list[object], after: list[object], autojunk: bool
) -> None:
    ours = SequenceMatcher(None, before, after, autojunk=autojunk)
    reference = difflib.SequenceMatcher(None, before, after, autojunk=autojunk)
    assert ours.get_opcodes() == reference.get_opcodes()
    assert [tuple(block) for block in ours.get_matching_blocks()] == [
        tuple(block) for block in reference.get_matching_blocks()
    ]
    assert (ours.ratio(), ours.quick_ratio()) == (reference.ratio(), reference.quick_ratio())


@given(_SEQUENCES, st.lists(_SEQUENCES, max_size=4))
def test_a_matcher_reused_with_new_second_sequences_answers_as_new(
    before: list[object], candidates: list[list[object]]
) -> None:
    """How provenance compares a removed page with each candidate: set_seq1 once."""
    ours = SequenceMatcher(None, autojunk=False)
    ours.set_seq1(before)
    for after in candidates:
        ours.set_seq2(after)
        reference = difflib.SequenceMatcher(None, before, after, autojunk=False)
        assert (ours.quick_ratio(), ours.ratio()) == (reference.quick_ratio(), reference.ratio())


def test_long_sequences_with_popular_elements_match_as_difflib_prunes_them() -> None:
    """difflib's autojunk drops elements in over 1% of a 200+ long sequence."""
    before = [word for number in range(300) for word in ("the", str(number % 17), ".")]
    after = [*before[:400], "new", "words", *before[380:]]
    ours = SequenceMatcher(None, before, after)
    assert ours.get_opcodes() == difflib.SequenceMatcher(None, before, after).get_opcodes()
