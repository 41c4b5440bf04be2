"""`transync init`: detects, shows, and writes the configuration and the pull request gate only
when confirmed; never overwrites without --force; --dry-run writes nothing."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner, Result

from tests.builders import RepoBuilder, md5, record
from transync.cli import cli
from transync.config import load_config
from transync.model import Layout
from transync.sync.init import workflow

PROJECT = Path(__file__).resolve().parents[2]
WORKFLOW = Path(".github/workflows/translations.yml")


def _init(root: Path, *args: str, answer: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["init", str(root), *args], input=answer)


def _translated(root: Path) -> RepoBuilder:
    repo = RepoBuilder(root)
    repo.source("README.md", "# Hello\n")
    repo.inline("ja", "README.md")
    repo.inline("lt", "README.md")
    docs = RepoBuilder(root, translations="docs/i18n", sources="docs")
    docs.source("cli.md", "# CLI\n")
    docs.sidecar_entry("ko", "cli.md")
    return repo


def test_shows_the_layouts_and_languages_it_found(tmp_path: Path) -> None:
    _translated(tmp_path)
    result = _init(tmp_path, "--dry-run")
    assert result.exit_code == 0, result.output
    assert (
        "translations/<lang>/ mirrors the root: ja, lt (1 source, 2 translated pages)"
        in result.output
    )
    assert "docs/i18n/<lang>/ mirrors docs/: ko (1 source, 1 translated page)" in result.output


def test_init_and_status_name_pages_and_images_with_the_same_figures(tmp_path: Path) -> None:
    repo = _translated(tmp_path)
    repo.write("images/arch.png", b"png")
    repo.write("translated_images/ja/arch.0123456789abcdef.png", b"png")
    image = {"arch.0123456789abcdef.png": record("images/arch.png", md5(b"png"), "ja")}
    repo.write("translated_images/ja/.co-op-translator.json", json.dumps(image))
    shown = _init(tmp_path, "--dry-run").output
    assert "(1 source, 2 translated pages)" in shown
    assert "translated_images/: ja (1 translated image)" in shown
    status = CliRunner().invoke(cli, ["status", str(tmp_path)]).output
    assert "Total: 3 translated pages in 3 languages" in status
    assert "Images: 1 translated image" in status


def test_dry_run_prints_both_files_and_writes_nothing(tmp_path: Path) -> None:
    _translated(tmp_path)
    result = _init(tmp_path, "--dry-run")
    assert "--- transync.toml (create) ---" in result.output
    assert 'translations = "docs/i18n/<lang>", sources = "docs"' in result.output
    assert "--- .github/workflows/translations.yml (create) ---" in result.output
    assert 'comment: "true"' in result.output
    assert not (tmp_path / "transync.toml").exists()
    assert not (tmp_path / WORKFLOW).exists()


def test_yes_writes_a_transync_toml_that_reads_back_as_the_detected_layouts(
    tmp_path: Path,
) -> None:
    _translated(tmp_path)
    result = _init(tmp_path, "--yes")
    assert result.exit_code == 0, result.output
    config = load_config(tmp_path)
    assert config.layouts == (
        Layout("translations/<lang>", "."),
        Layout("docs/i18n/<lang>", "docs"),
    )
    assert (tmp_path / WORKFLOW).read_text() == workflow()
    status = CliRunner().invoke(cli, ["status", str(tmp_path), "--no-history"])
    assert status.exit_code == 0, status.output


def test_a_pyproject_gets_a_tool_transync_section_and_keeps_everything_else(
    tmp_path: Path,
) -> None:
    _translated(tmp_path)
    original = '[project]\nname = "course"\n\n[tool.ruff]\nline-length = 90\n'
    (tmp_path / "pyproject.toml").write_text(original)
    result = _init(tmp_path, "--yes")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith(original)
    table = tomllib.loads(text)
    assert table["project"] == {"name": "course"}
    assert table["tool"]["transync"]["layouts"][0] == {
        "translations": "translations/<lang>",
        "sources": ".",
    }
    assert not (tmp_path / "transync.toml").exists()


def test_asks_before_writing_and_a_no_writes_nothing(tmp_path: Path) -> None:
    _translated(tmp_path)
    result = _init(tmp_path, answer="n\n")
    assert result.exit_code == 0
    assert "Write these files?" in result.output
    assert "Nothing written." in result.output
    assert not (tmp_path / "transync.toml").exists()
    result = _init(tmp_path, answer="y\n")
    assert (tmp_path / "transync.toml").exists()


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    _translated(tmp_path)
    (tmp_path / WORKFLOW).parent.mkdir(parents=True)
    (tmp_path / WORKFLOW).write_text("name: mine\n")
    pyproject = (
        '[tool.transync]\ninclude = ["README.md"]\n\n[tool.transync.check]\nmin-fresh = 90\n'
    )
    (tmp_path / "pyproject.toml").write_text(pyproject)
    result = _init(tmp_path, "--yes")
    assert result.exit_code == 0, result.output
    assert "keep pyproject.toml (exists; --force replaces it)" in result.output
    assert "keep .github/workflows/translations.yml (exists; --force replaces it)" in result.output
    assert "Nothing to write." in result.output
    assert (tmp_path / WORKFLOW).read_text() == "name: mine\n"
    assert (tmp_path / "pyproject.toml").read_text() == pyproject


def test_force_replaces_the_section_and_keeps_its_sub_tables(tmp_path: Path) -> None:
    _translated(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.transync]\ninclude = ["README.md"]\n\n'
        "[tool.transync.check]\nmin-fresh = 90\n"
    )
    (tmp_path / WORKFLOW).parent.mkdir(parents=True)
    (tmp_path / WORKFLOW).write_text("name: mine\n")
    result = _init(tmp_path, "--yes", "--force")
    assert result.exit_code == 0, result.output
    table = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    assert "include" not in table["tool"]["transync"]
    assert table["tool"]["transync"]["check"] == {"min-fresh": 90}
    assert table["project"] == {"name": "x"}
    assert (tmp_path / WORKFLOW).read_text() == workflow()


def test_no_translations_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Hello\n")
    result = _init(tmp_path, "--yes")
    assert result.exit_code == 2
    assert "no translations found" in result.output
    assert not (tmp_path / "transync.toml").exists()


def test_the_written_workflow_is_the_documented_recipe() -> None:
    assert workflow() == (PROJECT / "docs" / "workflows" / "pr-gate.yml").read_text()
