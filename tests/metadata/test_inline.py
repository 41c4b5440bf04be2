"""The inline block reader: every spelling co-op-translator wrote, and every way it breaks."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.builders import inline_block, md5
from transync.metadata.inline import _read_text, read_inline
from transync.model import MetadataOrigin, MetadataProblem, MetadataRecord

HASH = md5("source")
BLOCK = inline_block("lesson\\README.md", HASH, "lt")


def test_reads_the_block_at_the_top() -> None:
    record = read_inline((BLOCK + "# Labas\n").encode(), "t.md")
    assert isinstance(record, MetadataRecord)
    assert record.origin is MetadataOrigin.INLINE
    assert (record.original_hash, record.source_file, record.language_code) == (
        HASH,
        "lesson\\README.md",
        "lt",
    )
    assert record.translation_date == "2026-01-02T03:04:05+00:00"
    assert record.line == 1


def test_a_file_without_the_marker_has_no_metadata() -> None:
    assert read_inline(b"# Just a page\n", "t.md") is None


def test_a_page_that_mentions_the_marker_in_prose_has_no_metadata() -> None:
    assert (
        read_inline(b"The `CO_OP_TRANSLATOR_METADATA:` comment holds the hash.\n", "t.md") is None
    )


def test_a_marker_in_inline_code_or_a_fenced_sample_is_not_a_block() -> None:
    prose = "Reads the inline `<!-- CO_OP_TRANSLATOR_METADATA: ... -->` block.\n"
    assert read_inline(prose.encode(), "t.md") is None
    sample = "```markdown\n" + BLOCK + "```\n"
    record = read_inline((BLOCK + "# Docs\n\n" + prose + sample).encode(), "t.md")
    assert isinstance(record, MetadataRecord)
    assert record.line == 1


def test_a_block_after_a_closed_fence_counts_and_one_in_an_unclosed_fence_does_not() -> None:
    after = read_inline(("~~~~\ncode\n~~~~\n" + BLOCK).encode(), "t.md")
    assert isinstance(after, MetadataRecord)
    assert after.line == 4
    assert read_inline(("````\n```\n" + BLOCK + "```\n").encode(), "t.md") is None


def test_finds_a_block_below_the_top_of_a_file_with_cr_only_line_ends() -> None:
    record = read_inline(("# Title\r\r" + BLOCK).replace("\n", "\r").encode(), "t.md")
    assert isinstance(record, MetadataRecord)
    assert record.line == 3


def test_tolerates_bom_crlf_and_surrounding_whitespace() -> None:
    data = codecs.BOM_UTF8 + ("\r\n  " + BLOCK.replace("\n", "\r\n") + "# Labas\r\n").encode()
    record = read_inline(data, "t.md")
    assert isinstance(record, MetadataRecord)
    assert record.line == 2


def test_finds_a_block_further_down_and_reports_its_line() -> None:
    record = read_inline(("# Title\n\ntext\n" + BLOCK).encode(), "t.md")
    assert isinstance(record, MetadataRecord)
    assert record.line == 4


def test_reads_utf16_files() -> None:
    record = read_inline((BLOCK + "# Labas\n").encode("utf-16"), "t.md")
    assert isinstance(record, MetadataRecord)


def test_hash_is_lowercased() -> None:
    record = read_inline(inline_block("a.md", HASH.upper(), "lt").encode(), "t.md")
    assert isinstance(record, MetadataRecord)
    assert record.original_hash == HASH


def _reason(data: bytes) -> str:
    problem = read_inline(data, "t.md")
    assert isinstance(problem, MetadataProblem), problem
    return problem.reason


def test_two_blocks_are_a_problem_naming_both_lines() -> None:
    assert _reason((BLOCK + "text\n" + BLOCK).encode()) == "2 metadata blocks (lines 1, 11)"


def test_an_unclosed_block_is_a_problem() -> None:
    assert "not closed" in _reason(BLOCK.replace("-->", "").encode())


def test_undecodable_json_is_a_problem() -> None:
    assert "not valid JSON" in _reason(
        b'<!--\nCO_OP_TRANSLATOR_METADATA:\n{"original_hash": \n-->\n'
    )


def test_missing_keys_are_a_problem() -> None:
    data = b'<!--\nCO_OP_TRANSLATOR_METADATA:\n{"source_file": "a.md"}\n-->\n'
    assert _reason(data) == "record has no 'original_hash'"
    data = f'<!--\nCO_OP_TRANSLATOR_METADATA:\n{{"original_hash": "{HASH}"}}\n-->\n'.encode()
    assert _reason(data) == "record has no 'source_file'"


def test_wrong_types_and_bad_hashes_are_problems() -> None:
    assert "is a number" in _reason(
        b'<!--\nCO_OP_TRANSLATOR_METADATA:\n{"original_hash": 42, "source_file": "a"}\n-->'
    )
    assert "not an MD5" in _reason(
        b'<!--\nCO_OP_TRANSLATOR_METADATA:\n{"original_hash": "", "source_file": "a"}\n-->'
    )
    assert "not an MD5" in _reason(
        b'<!--\nCO_OP_TRANSLATOR_METADATA:\n{"original_hash": "zz'
        + b"0" * 30
        + b'", "source_file": "a"}\n-->'
    )


def test_a_binary_file_is_a_problem() -> None:
    assert "NUL" in _reason(b"CO_OP_TRANSLATOR_METADATA\x00\x01")


# Pages are searched as bytes when their text has the same lines and ASCII characters, as
# text otherwise; both searches must find the same blocks, lines and problems.
_PIECES = [
    BLOCK,
    "<!--\n",
    "<!-- \n\u3000CO_OP_TRANSLATOR_METADATA\u00a0:",
    "CO_OP_TRANSLATOR_METADATA:",
    '{"original_hash": "' + HASH + '", "source_file": "a.md"}',
    "-->\n",
    "```\n",
    "~~~~\n",
    "   ```python\n",
    "# Título\n",
    "\u2028\u0085\n",
    "\n",
    "text ",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.binary(max_size=3))
@settings(max_examples=400, deadline=None)
def test_searching_bytes_finds_what_searching_the_text_does(
    pieces: list[str], noise: bytes
) -> None:
    data = "".join(pieces).encode() + noise.replace(b"\r", b"").replace(b"\x00", b"")
    assert read_inline(data, "t.md") == _read_text(data, "t.md")
