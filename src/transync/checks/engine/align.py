"""Aligning two sequences (a source's links, outline items, ...) in near-linear time.

`difflib.SequenceMatcher` gives the best alignments but is quadratic, worse on sequences
that repeat one key many times (a page linking the same URL in every section). So it is only
used on small stretches: common prefix and suffix are taken first, then keys found exactly
once on each side anchor the alignment (patience diff), and a stretch between anchors that is
still large is paired greedily, each key to its next occurrence within a short window.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Hashable, Sequence

from transync.matching import SequenceMatcher

Opcode = tuple[str, int, int, int, int]

# Stretches up to this many cells (len(a) * len(b)) go to difflib as they are.
_SMALL = 40_000
# How far ahead greedy pairing looks for a key's next occurrence.
_WINDOW = 32


def opcodes(source: Sequence[Hashable], translated: Sequence[Hashable]) -> list[Opcode]:
    """difflib-style opcodes (tag, source start, source end, translated start, translated end)
    covering both sequences."""
    a, b = list(source), list(translated)
    if a == b:
        return [("equal", 0, len(a), 0, len(b))] if a else []
    return _opcodes(_anchored(a, b), len(a), len(b))


def _anchored(a: list[Hashable], b: list[Hashable]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    previous_a = previous_b = 0
    for i, j in (*_unique_anchors(a, b), (len(a), len(b))):
        pairs += _stretch(a, b, previous_a, i, previous_b, j)
        if i < len(a):
            pairs.append((i, j))
        previous_a, previous_b = i + 1, j + 1
    return pairs


def _unique_anchors(a: list[Hashable], b: list[Hashable]) -> list[tuple[int, int]]:
    """Keys found exactly once on each side, as (i, j) increasing on both (longest chain)."""
    in_a, in_b = Counter(a), Counter(b)
    where_b = {key: j for j, key in enumerate(b) if in_b[key] == 1}
    candidates = [(i, where_b[key]) for i, key in enumerate(a) if in_a[key] == 1 and key in where_b]
    # Longest increasing subsequence of j (patience sorting), kept with back-links.
    tails: list[int] = []
    tail_index: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(candidates):
        position = bisect_left(tails, j)
        back.append(tail_index[position - 1] if position else -1)
        if position == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[position] = j
            tail_index[position] = index
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(candidates[index])
        index = back[index]
    return chain[::-1]


def _stretch(
    a: list[Hashable], b: list[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    head: list[tuple[int, int]] = []
    while alo < ahi and blo < bhi and a[alo] == b[blo]:
        head.append((alo, blo))
        alo, blo = alo + 1, blo + 1
    tail: list[tuple[int, int]] = []
    while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
        tail.append((ahi, bhi))
    middle: list[tuple[int, int]] = []
    if alo < ahi and blo < bhi:
        if (ahi - alo) * (bhi - blo) <= _SMALL:
            matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for block in matcher.get_matching_blocks():
                middle += [(alo + block.a + k, blo + block.b + k) for k in range(block.size)]
        else:
            middle = _greedy(a, b, alo, ahi, blo, bhi)
    return head + middle + tail[::-1]


def _greedy(
    a: list[Hashable], b: list[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    positions: dict[Hashable, deque[int]] = defaultdict(deque)
    for j in range(blo, bhi):
        positions[b[j]].append(j)
    pairs = []
    current = blo
    for i in range(alo, ahi):
        queue = positions.get(a[i])
        while queue and queue[0] < current:
            queue.popleft()
        if queue and queue[0] - current <= _WINDOW:
            j = queue.popleft()
            pairs.append((i, j))
            current = j + 1
    return pairs


def _opcodes(pairs: list[tuple[int, int]], length_a: int, length_b: int) -> list[Opcode]:
    ops: list[Opcode] = []
    i = j = 0
    for pair_a, pair_b in (*pairs, (length_a, length_b)):
        if pair_a > i or pair_b > j:
            tag = "replace" if pair_a > i and pair_b > j else "delete" if pair_a > i else "insert"
            ops.append((tag, i, pair_a, j, pair_b))
        if (pair_a, pair_b) == (length_a, length_b):
            break
        last = ops[-1] if ops else None
        if last and last[0] == "equal" and last[2] == pair_a and last[4] == pair_b:
            ops[-1] = ("equal", last[1], pair_a + 1, last[3], pair_b + 1)
        else:
            ops.append(("equal", pair_a, pair_a + 1, pair_b, pair_b + 1))
        i, j = pair_a + 1, pair_b + 1
    return ops
