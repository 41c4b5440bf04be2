"""`transync stamp`: a reviewed translation recorded as current, never a prose change unasked."""

from __future__ import annotations

import json

from tests.builders import GitRepo, RepoBuilder
from tests.commands.conftest import SOURCE, Invoke, entry, translated_then_changed
from tests.treehash import tree_hash
from transync.model import State

PROSE = SOURCE.replace("Install the tool", "Install the brand new tool")


def test_stamp_then_status_says_current_and_the_sidecar_keeps_co_op_translators_layout(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    path = translated_then_changed(repo, git, PROSE, sidecar=True)
    result = invoke("stamp", str(repo.root), path, "--force")
    assert result.exit_code == 0, result.output
    assert entry(repo.root, path).state is State.CURRENT
    raw = (repo.root / "translations/fr/.co-op-translator.json").read_text()
    record = json.loads(raw)["README.md"]
    assert list(record) == ["original_hash", "translation_date", "source_file", "language_code"]
    assert raw == json.dumps(json.loads(raw), indent=2, ensure_ascii=False)  # no newline at end


def test_stamp_refuses_a_prose_change_naming_the_commit_and_the_words(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    path = translated_then_changed(repo, git, PROSE, sidecar=False)
    before = tree_hash(repo.root)
    result = invoke("stamp", str(repo.root), path)
    assert result.exit_code == 1
    assert "changed in prose since the translation: 2 words" in result.output
    assert f"first in {git.commits[1][:7]} 'change the guide'" in result.output
    assert tree_hash(repo.root) == before


def test_stamp_refuses_a_translation_whose_source_is_missing(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    path = translated_then_changed(repo, git, PROSE, sidecar=True)
    (repo.root / "README.md").unlink()
    result = invoke("stamp", str(repo.root), path, "--force")
    assert result.exit_code == 1
    assert "its source README.md is missing" in result.output


def test_stamp_by_source_and_language(repo: RepoBuilder, git: GitRepo, invoke: Invoke) -> None:
    path = translated_then_changed(repo, git, PROSE, sidecar=False)
    result = invoke("stamp", str(repo.root), "--source", "README.md", "--lang", "fr", "--force")
    assert result.exit_code == 0, result.output
    assert entry(repo.root, path).state is State.CURRENT
    assert (repo.root / path).read_text().startswith("<!--\nCO_OP_TRANSLATOR_METADATA:\n{\n")


def test_a_mistyped_path_is_an_error_not_everything(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    translated_then_changed(repo, git, PROSE, sidecar=True)
    result = invoke("stamp", str(repo.root), "translations/fr/READ.md", "--force")
    assert result.exit_code == 2
    assert "translations/fr/READ.md: no such file or folder" in result.output
