"""Configuration files: strict on shapes, lenient on unknown keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from transync.config import load_config
from transync.errors import ConfigError
from transync.model import Layout, Severity


def test_no_config_means_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.layouts == ()
    assert config.source is None


def test_reads_tool_transync_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.transync]\nlayouts = [{ translations = "i18n/<lang>/docs", sources = "docs" }]\n'
        'checks = { "table-rows" = "warning", "link-extra" = "off" }\n'
    )
    config = load_config(tmp_path)
    assert config.layouts == (Layout("i18n/<lang>/docs", "docs"),)
    assert config.severities == {"table-rows": Severity.WARNING, "link-extra": None}


def test_transync_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.transync]\ninclude = ["a"]\n')
    (tmp_path / "transync.toml").write_text('include = ["b"]\n')
    assert load_config(tmp_path).include == ("b",)


def test_unknown_keys_warn(tmp_path: Path) -> None:
    (tmp_path / "transync.toml").write_text('colour = "blue"\n')
    assert load_config(tmp_path).warnings == ("transync.toml: unknown key 'colour' ignored",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("include = 'README.md'", "'include' must be a list of strings"),
        (
            "layouts = [{ translations = 'translations', sources = '.' }]",
            "must contain <lang> exactly once",
        ),
        ("layouts = [{ translations = '../x/<lang>' }]", "must stay inside the repository"),
        ("checks = { table-rows = 'loud' }", "'checks.table-rows' must be one of"),
        ("check = 3", "'check' must be a table"),
        ("estimates = 'maybe'", "'estimates' must be one of apart, count, off"),
        ("layouts = [{ sources = 'docs', suffix = 'yes' }]", "'layouts[0].suffix' must be"),
        (
            "layouts = [{ translations = 'i18n/<lang>', sources = 'docs', suffix = true }]",
            "give 'sources' only",
        ),
        ("include = [", "not valid TOML"),
    ],
)
def test_wrong_shapes_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "transync.toml").write_text(text + "\n")
    with pytest.raises(ConfigError, match=r"^transync\.toml: ") as raised:
        load_config(tmp_path)
    assert message in str(raised.value)


def test_estimates_and_a_suffix_layout_are_read(tmp_path: Path) -> None:
    (tmp_path / "transync.toml").write_text(
        'estimates = "count"\nlayouts = [{ sources = "docs", suffix = true }]\n'
    )
    config = load_config(tmp_path)
    assert config.estimates == "count"
    assert config.layouts == (Layout("docs", "docs", suffix=True),)
