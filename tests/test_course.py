"""The course's reading order and its meta files (`transync.course`)."""

from __future__ import annotations

import pytest

from transync.config import parse_config
from transync.course import course_order, is_meta_file
from transync.errors import ConfigError


def test_a_table_of_contents_keeps_its_order_though_each_lesson_links_the_next() -> None:
    pages = {
        "README.md": b"[M1](m1/README.md) [M2](m2/README.md)",
        "m1/README.md": b"[a](a.md) [b](b.md) [c](c.md)",
        "m1/a.md": b"[next](b.md) [next module](../m2/README.md)",
        "m1/b.md": b"[next](c.md)",
        "m1/c.md": b"",
        "m2/README.md": b"[x](x.md)",
        "m2/x.md": b"",
        "extra/lesson-10.md": b"",
        "extra/lesson-2.md": b"",
    }
    order = course_order(pages, pages.get)
    assert sorted(order, key=order.__getitem__) == [
        "README.md",
        "m1/README.md",
        "m1/a.md",
        "m1/b.md",
        "m1/c.md",
        "m2/README.md",
        "m2/x.md",
        "extra/lesson-2.md",  # not linked: by lesson number, 2 before 10
        "extra/lesson-10.md",
    ]


@pytest.mark.parametrize(
    ("path", "meta"),
    [
        ("AGENTS.md", True),
        ("CONTRIBUTING.MD", True),
        ("CODE_OF_CONDUCT.md", True),
        (".squad/agents/lead.md", True),
        (".github/ISSUE_TEMPLATE/bug.md", True),
        ("lessons/01/README.md", False),
        ("security/intro.md", False),
    ],
)
def test_agent_and_contributor_files_and_hidden_folders_are_meta_files(
    path: str, meta: bool
) -> None:
    assert is_meta_file(path) is meta


def test_meta_files_and_badge_thresholds_are_checked_settings() -> None:
    config = parse_config({"meta-files": "out", "badge-thresholds": [95, 80, 60]}, "t.toml")
    assert (config.meta_files, config.badge_thresholds) == ("out", (95.0, 80.0, 60.0))
    with pytest.raises(ConfigError, match="'meta-files' must be one of last, out"):
        parse_config({"meta-files": "first"}, "t.toml")
    with pytest.raises(ConfigError, match="'badge-thresholds' must be three percentages"):
        parse_config({"badge-thresholds": [50, 75, 90]}, "t.toml")
