"""Path normalisation, joining, globs and configuration parsing survive any input and keep
every accepted path inside the repository (property-based)."""

from __future__ import annotations

import posixpath
import re

from hypothesis import given
from hypothesis import strategies as st

from tests.hostile.strategies import any_text, json_values, path_text
from transync.config import Config, parse_config
from transync.errors import ConfigError
from transync.paths import UnsafePath, glob_pattern, join, matches_any, normalise_source_file

paths = path_text | any_text


@given(paths)
def test_normalised_source_file_is_clean_relative_and_stable(raw: str) -> None:
    try:
        path = normalise_source_file(raw)
    except UnsafePath as error:
        assert str(error)
        return
    assert path and not path.startswith("/") and "\\" not in path and "\x00" not in path
    assert not re.match("^[A-Za-z]:", path)
    assert posixpath.normpath(path) == path
    assert normalise_source_file(path) == path


@given(st.sampled_from([".", "docs", "translations/ja", "a/b/c"]), paths)
def test_join_never_leaves_the_repository(base: str, raw: str) -> None:
    try:
        joined = join(base, normalise_source_file(raw))
    except UnsafePath:
        return
    assert joined != ".." and not joined.startswith(("../", "/"))
    assert posixpath.normpath(joined) == joined


globs = st.lists(
    st.sampled_from(["*", "**", "**/", "?", "a", ".md", "/", "[", "]", "(", "\\", ".", "+", "{"]),
    max_size=8,
).map("".join)


@given(globs | any_text, paths)
def test_any_glob_compiles_and_matches_without_error(glob: str, path: str) -> None:
    assert isinstance(matches_any(path, (glob,)), bool)


@given(st.text(st.characters(exclude_characters="*?/"), min_size=1, max_size=20))
def test_a_glob_without_wildcards_matches_exactly_itself_and_below(name: str) -> None:
    assert matches_any(name, (name,))
    assert matches_any(f"{name}/below.md", (name,))
    assert not matches_any(f"{name}x", (name,)) or glob_pattern(name).fullmatch(f"{name}x")


@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=5))
def test_a_single_star_never_crosses_a_folder(folders: list[str]) -> None:
    path = "/".join(folders) + "/x.md"
    assert not matches_any(path, ("*.md",))
    assert matches_any(path, ("**/*.md",))
    assert matches_any(path, ("**",))


config_values = st.recursive(
    json_values
    | st.sampled_from(
        ["translations/<lang>", "<lang>", "../<lang>", "/abs/<lang>", "error", "off"]
    ),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["translations", "sources", "stale", "missing", "x"]),
            children,
            max_size=3,
        )
    ),
    max_leaves=8,
)
config_tables = st.dictionaries(
    st.sampled_from(["layouts", "include", "exclude", "checks", "check", "unknown"]),
    config_values,
    max_size=5,
)


@given(config_tables | json_values)
def test_config_parsing_accepts_or_names_the_problem(table: object) -> None:
    try:
        config = parse_config(table, "transync.toml")
    except ConfigError as error:
        assert str(error).startswith("transync.toml: ")
        assert "\n" not in str(error) or "\n" in repr(table)
        return
    assert isinstance(config, Config)
    for layout in config.layouts:
        assert layout.translations.count("<lang>") == 1
        assert ".." not in layout.translations.split("/")
