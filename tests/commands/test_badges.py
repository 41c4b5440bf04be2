"""`transync badges README.md`: the languages block, rewritten in place and nowhere else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.builders import RepoBuilder, md5, record
from transync.cli import cli

COOP_TABLE = """<!-- CO-OP TRANSLATOR LANGUAGES TABLE START -->
[French](./translations/fr/README.md) | [Japanese](./translations/ja/README.md)

> ```bash
> # Languages
> ```
<!-- CO-OP TRANSLATOR LANGUAGES TABLE END -->
"""
README = f"# Project\n\n## 🌐 Languages\n\n{COOP_TABLE}\n## Usage\n\nRun it.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["badges", *args])


@pytest.fixture
def project(repo: RepoBuilder) -> RepoBuilder:
    """fr: one of three current; ja: two of three, the newer translated on 2026-02-03 (the
    README is a source too, translated in neither language)."""
    repo.source("guide.md", "# Guide\n")
    repo.source("setup.md", "# Setup\n")
    repo.inline("fr", "guide.md")
    repo.inline("fr", "setup.md", stale=True)
    repo.sidecar_entry("ja", "guide.md")
    repo.sidecar_entry("ja", "setup.md")
    sidecar = repo.root / "translations/ja/.co-op-translator.json"
    sidecar.write_text(
        sidecar.read_text().replace("2026-01-02T03:04:05+00:00", "2026-02-03T23:30:00-02:00", 1)
    )
    repo.write("README.md", README)
    return repo


def readme(project: RepoBuilder) -> str:
    return (project.root / "README.md").read_text()


def block(text: str) -> str:
    start = text.index("<!-- transync:languages:start -->")
    end = text.index("<!-- transync:languages:end -->")
    return text[start:end]


def test_insert_adds_the_block_after_the_heading_and_keeps_co_op_translator_s_table(
    project: RepoBuilder,
) -> None:
    result = run(str(project.root / "README.md"), "--insert", "Languages")
    assert result.exit_code == 0, result.output
    text = readme(project)
    assert COOP_TABLE in text
    assert text.startswith("# Project\n\n## 🌐 Languages\n\n<!-- transync:languages:start -->\n")
    assert text.endswith(f"<!-- transync:languages:end -->\n\n{COOP_TABLE}\n## Usage\n\nRun it.\n")
    rows = block(text).splitlines()[1:]
    assert rows[0] == "| Language | Badge | Fresh | Last updated |"
    assert rows[2].startswith("| `fr` ") and "| 33.3% | 2026-01-02 |" in rows[2]
    assert "https://img.shields.io/badge/fr-33.3%25-red" in rows[2]
    assert "(translations/fr/)" in rows[2]
    assert rows[3].startswith("| `ja` ") and rows[3].endswith("| 66.7% | 2026-02-04 |")
    assert "badge/ja-66.7%25-orange" in rows[3]


def test_a_second_run_rewrites_only_the_block_and_round_trips(project: RepoBuilder) -> None:
    path = str(project.root / "README.md")
    run(path, "--insert", "Languages")
    first = readme(project)
    assert run(path).exit_code == 0
    assert readme(project) == first
    project.inline("fr", "setup.md")  # refreshed
    assert run(path).exit_code == 0
    second = readme(project)
    assert "| 66.7% | 2026-01-02 |" in block(second)
    before, after = first.split(block(first)), second.split(block(second))
    assert before == after  # everything outside the block keeps its bytes


def test_check_fails_when_the_block_is_stale_and_passes_once_written(project: RepoBuilder) -> None:
    path = str(project.root / "README.md")
    run(path, "--insert", "Languages")
    assert run(path, "--check").exit_code == 0
    project.inline("fr", "setup.md")
    written = readme(project)
    result = run(path, "--check")
    assert result.exit_code == 1
    assert "out of date" in result.output
    assert readme(project) == written  # --check writes nothing


def test_dry_run_prints_the_diff_and_writes_nothing(project: RepoBuilder) -> None:
    path = str(project.root / "README.md")
    result = run(path, "--insert", "Languages", "--dry-run")
    assert result.exit_code == 0
    assert readme(project) == README
    assert f"--- {path}" in result.output
    assert "+<!-- transync:languages:start -->" in result.output


def test_site_url_links_each_badge_to_its_dashboard_page(project: RepoBuilder) -> None:
    path = str(project.root / "README.md")
    run(path, "--insert", "Languages", "--site-url", "https://example.org/status/")
    assert (
        "[![fr: 33.3% fresh](https://example.org/status/badges/fr.svg)]"
        "(https://example.org/status/fr.html)"
    ) in readme(project)


def test_crlf_readme_stays_crlf(project: RepoBuilder) -> None:
    path = project.root / "README.md"
    path.write_bytes(README.replace("\n", "\r\n").encode())
    assert run(str(path), "--insert", "Languages").exit_code == 0
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (
            README,
            (),
            "no <!-- transync:languages:start --> block; add the two markers or pass --insert",
        ),
        (README, ("--insert", "Contributing"), "no heading 'Contributing' to insert"),
        (
            "# P\n<!-- transync:languages:start -->\n",
            (),
            "unbalanced transync:languages markers (1 start, 0 end",
        ),
        (
            "<!-- transync:languages:end -->\n<!-- transync:languages:start -->\n",
            (),
            "unbalanced transync:languages markers",
        ),
        (
            COOP_TABLE.replace("> ```bash\n> # Languages\n> ```", "## Inside"),
            ("--insert", "Inside"),
            "inside co-op-translator's languages table",
        ),
    ],
)
def test_nowhere_to_write_is_a_one_line_error_and_nothing_is_written(
    project: RepoBuilder, content: str, args: tuple[str, ...], message: str
) -> None:
    path = project.root / "README.md"
    path.write_text(content)
    result = run(str(path), *args)
    assert result.exit_code == 2
    assert message in result.output and result.output.count("\n") == 1
    assert path.read_text() == content


def test_markers_shown_in_a_code_block_are_not_the_block(project: RepoBuilder) -> None:
    path = project.root / "README.md"
    example = "```md\n<!-- transync:languages:start -->\n<!-- transync:languages:end -->\n```\n"
    path.write_text(f"# P\n\n{example}\n## Languages\n")
    assert run(str(path), "--insert", "Languages").exit_code == 0
    assert readme(project).startswith(f"# P\n\n{example}\n## Languages\n\n<!--")


def test_a_fence_with_an_info_string_does_not_close_a_code_block_so_its_heading_is_code(
    project: RepoBuilder,
) -> None:
    """CommonMark: "``` python" inside a block is code, not its closing fence."""
    path = project.root / "README.md"
    code = "```\ncode\n``` python\n# Inside\n```\n"
    path.write_text(f"{code}# Outside\n")
    refused = run(str(path), "--insert", "Inside")
    assert refused.exit_code == 2 and "no heading 'Inside'" in refused.output
    assert run(str(path), "--insert", "Outside").exit_code == 0
    assert readme(project).startswith(f"{code}# Outside\n\n<!-- transync:languages:start -->")


def test_an_unreadable_readme_is_a_one_line_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "README.md"))
    assert result.exit_code == 2 and "cannot read" in result.output


def test_a_readme_that_is_not_utf8_is_refused(project: RepoBuilder) -> None:
    path = project.root / "README.md"
    path.write_bytes(b"# Caf\xe9\n")
    result = run(str(path), "--insert", "Caf")
    assert result.exit_code == 2 and "not UTF-8 text" in result.output


def test_a_translated_readme_is_judged_as_written_so_check_passes_right_after(
    project: RepoBuilder,
) -> None:
    """Writing the table changes the README's hash: its translations are stale from then on,
    and the table says so at once instead of on the next run."""
    project.inline("fr", "README.md")
    path = str(project.root / "README.md")
    result = run(path, "--insert", "Languages")
    assert result.exit_code == 0, result.output
    written = readme(project)
    assert (
        "README.md is translated: writing it makes its translations stale in 1 language until"
        in (result.output)
    )
    fr_row = next(line for line in block(written).splitlines() if line.startswith("| `fr`"))
    assert "| 33.3% |" in fr_row  # guide current; setup and the README now stale
    assert run(path, "--check").exit_code == 0
    assert run(path).exit_code == 0 and readme(project) == written


def test_a_badge_links_to_the_language_s_translations_folder_not_its_images(
    project: RepoBuilder,
) -> None:
    project.write("images/a.png", b"png")
    # Sorted first ("translated_images" < "translations"): the old code linked here.
    project.write("translated_images/fr/a.0123456789abcdef.png", b"png")
    image = {"a.0123456789abcdef.png": record("images/a.png", md5(b"png"), "fr")}
    project.write("translated_images/fr/.co-op-translator.json", json.dumps(image))
    result = run(str(project.root / "README.md"), "--insert", "Languages")
    assert result.exit_code == 0, result.output
    text = block(readme(project))
    assert "(translations/fr/)" in text
    assert "translated_images" not in text


def test_the_configured_colour_scale_colours_the_readme_table(project: RepoBuilder) -> None:
    project.write("transync.toml", "badge-thresholds = [30, 20, 10]\n")
    run(str(project.root / "README.md"), "--insert", "Languages")
    assert "-brightgreen)" in block(readme(project))  # fr: 33.3%, ja: 66.7%, green from 30
