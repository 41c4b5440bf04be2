"""`paths.join` and `relative_to` take shortcuts for clean paths; they must agree with posixpath."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from transync.paths import UnsafePath, join, relative_to

_SEGMENT = st.sampled_from(["a", "b", "docs", ".", "..", "...", "", ".hidden", "x.md", "a..", "ja"])
_PATH = st.lists(_SEGMENT, min_size=1, max_size=5).map("/".join)


def test_a_path_below_its_base_loses_the_base() -> None:
    assert relative_to("translations/ja/docs/x.md", "translations/ja") == "docs/x.md"


def test_the_root_base_leaves_the_path_alone() -> None:
    assert relative_to("docs/x.md", ".") == "docs/x.md"


@given(base=_PATH, rest=_PATH, below=st.booleans())
def test_relative_to_agrees_with_relpath(base: str, rest: str, below: bool) -> None:
    path = f"{base}/{rest}" if below else rest
    # Repository paths are relative; a base of "." is handled on its own.
    assume(base and path and not base.startswith("/") and not path.startswith("/"))
    assume(posixpath.normpath(base) != ".")
    assert relative_to(path, base) == posixpath.relpath(path, base)


def _reference_join(base: str, relative: str) -> str:
    joined = posixpath.normpath(posixpath.join(base, relative) if base != "." else relative)
    if joined == ".." or joined.startswith("../"):
        raise UnsafePath(relative)
    return joined


@given(base=_PATH | st.just("."), relative=_PATH)
def test_join_agrees_with_normalising_posixpath_join(base: str, relative: str) -> None:
    try:
        expected = _reference_join(base, relative)
    except UnsafePath:
        with pytest.raises(UnsafePath):
            join(base, relative)
        return
    assert join(base, relative) == expected
