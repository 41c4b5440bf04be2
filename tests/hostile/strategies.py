"""Hypothesis strategies for hostile input: any JSON, near-valid records, mutated bytes."""

from __future__ import annotations

import json

from hypothesis import strategies as st

# Every code point, lone surrogates and controls included: what a file name or a JSON
# string escape can carry.
any_char = st.characters(codec=None, exclude_categories=())
any_text = st.text(any_char, max_size=40)
hex_digest = st.text("0123456789abcdefABCDEF", min_size=32, max_size=32)

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)

# Path-like text: segments from a small alphabet rich in separators and dots.
path_text = st.lists(
    st.sampled_from(["a", "b.md", ".", "..", "", " ", "\\", "/", "C:", "~", "ü", "\n", "*"]),
    max_size=8,
).map("".join)


def records(valid: bool = False) -> st.SearchStrategy[dict[str, object]]:
    """co-op-translator records: always well-formed when `valid`, else any field may be
    missing or of any JSON type."""
    if valid:
        return st.fixed_dictionaries(
            {
                "original_hash": hex_digest,
                "source_file": st.text(min_size=1, max_size=30).filter(
                    lambda text: text.strip() and "\x00" not in text
                ),
            },
            optional={"translation_date": st.text(max_size=30), "language_code": json_values},
        )
    field = hex_digest | path_text | json_scalars | json_values
    return st.fixed_dictionaries(
        {},
        optional={
            "original_hash": field,
            "source_file": field,
            "translation_date": field,
            "language_code": field,
            "extra": json_scalars,
        },
    )


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[bytes]) -> bytes:
    """Valid bytes with a few bytes inserted, deleted or overwritten: near misses are where
    parsers break, and purely random bytes rarely get past the first check."""
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(0, 4))):
        position = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = draw(st.sampled_from([0, 10, 13, 34, 44, 45, 62, 92, 123, 125, 0xFF, 0xC3]))
        if operation == "insert":
            data.insert(position, byte)
        elif position < len(data):
            if operation == "delete":
                del data[position]
            else:
                data[position] = byte
    return bytes(data)


def dumps(value: object) -> str:
    return json.dumps(value, indent=2)
