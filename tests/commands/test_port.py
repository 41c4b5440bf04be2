"""`transync port`: mechanical source changes carried to translations, prose never."""

from __future__ import annotations

import json

import pytest

from tests.builders import GitRepo, RepoBuilder, md5, record
from tests.commands.conftest import SOURCE, Invoke, entry, findings, translated_then_changed
from tests.treehash import tree_hash
from transync.model import State

LINKS_ONLY = SOURCE.replace("docs/setup.md#install", "guide/setup.md#install").replace(
    "pypi.org/project/tool/", "pypi.org/p/tool/"
)
CODE_ONLY = SOURCE.replace("tool==1.0", "tool==2.0")
PROSE = SOURCE.replace("Install the tool", "Install the new tool")


def _prose(text: str) -> list[str]:
    return [line for line in text.splitlines() if "](" not in line and "==" not in line]


@pytest.mark.parametrize("sidecar", [False, True], ids=["inline", "sidecar"])
@pytest.mark.parametrize("new_source", [LINKS_ONLY, CODE_ONLY], ids=["links-only", "code-only"])
def test_port_makes_the_translation_current_and_changes_only_what_the_source_did(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke, sidecar: bool, new_source: str
) -> None:
    path = translated_then_changed(repo, git, new_source, sidecar=sidecar)
    if new_source is LINKS_ONLY:
        repo.source("guide/setup.md", "# Setup\n\n## Install\n")
        git.commit("move the setup page")
    before = (repo.root / path).read_text()
    known = findings(repo.root)
    result = invoke("port", str(repo.root))
    assert result.exit_code == 0, result.output
    after = (repo.root / path).read_text()
    assert entry(repo.root, path).state is State.CURRENT
    assert findings(repo.root) <= known  # the link-changed findings are gone, nothing new
    assert _prose(after.split("-->\n")[-1]) == _prose(before.split("-->\n")[-1])
    if new_source is LINKS_ONLY:
        assert "](../../guide/setup.md#install)" in after
        assert "(https://pypi.org/p/tool/)" in after
    else:
        assert "pip install tool==2.0" in after


def test_port_refuses_a_prose_change_and_says_why(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    path = translated_then_changed(repo, git, PROSE, sidecar=True)
    before = tree_hash(repo.root)
    result = invoke("port", str(repo.root))
    assert result.exit_code == 1
    assert f"left {path}: the source changed in prose (1 words)" in result.output
    assert tree_hash(repo.root) == before


def test_port_refuses_a_link_it_cannot_find_and_leaves_the_file_untouched(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    path = translated_then_changed(repo, git, LINKS_ONLY, sidecar=False)
    # The translator pointed the link elsewhere: which of its links to change is unknown.
    page = (repo.root / path).read_text().replace("../../docs/setup.md#install", "setup.html")
    (repo.root / path).write_text(page)
    git.commit("translator edits")
    before = tree_hash(repo.root)
    result = invoke("port", str(repo.root))
    assert result.exit_code == 1
    assert "cannot tell how to write 'guide/setup.md#install' there" in result.output
    assert tree_hash(repo.root) == before


def test_dry_run_prints_the_diff_and_leaves_the_tree_byte_identical(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    translated_then_changed(repo, git, CODE_ONLY, sidecar=True)
    before = tree_hash(repo.root)
    result = invoke("port", str(repo.root), "--dry-run")
    assert result.exit_code == 0
    assert "-pip install tool==1.0\n+pip install tool==2.0" in result.output
    assert '"original_hash"' in result.output  # the sidecar's diff too
    assert tree_hash(repo.root) == before


def test_port_refuses_a_dirty_work_tree_unless_allowed(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    translated_then_changed(repo, git, CODE_ONLY, sidecar=True)
    repo.write("notes.txt", "uncommitted")
    result = invoke("port", str(repo.root))
    assert result.exit_code == 2
    assert "uncommitted changes" in result.output and "--allow-dirty" in result.output
    assert invoke("port", str(repo.root), "--allow-dirty").exit_code == 0


def test_port_carries_a_changed_anchor_as_the_translated_headings_anchor(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    repo.source("docs/setup.md", "# Setup\n\n## Install\n\n## Usage\n")
    repo.sidecar_entry("fr", "docs/setup.md", "# Installation\n\n## Installer\n\n## Utiliser\n")
    page = "# Guide\n\nSee [setup](docs/setup.md#install).\n"
    repo.source("README.md", page)
    repo.sidecar_entry(
        "fr", "README.md", "# Guide\n\nVoir [installation](../../docs/setup.md#installer).\n"
    )
    git.commit("translated")
    repo.source("README.md", page.replace("#install", "#usage"))
    git.commit("point at usage")
    result = invoke("port", str(repo.root))
    assert result.exit_code == 0, result.output
    assert (
        "](../../docs/setup.md#utiliser)" in (repo.root / "translations/fr/README.md").read_text()
    )


def test_port_of_a_rewrapped_source_changes_only_the_record(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    rewrapped = SOURCE.replace("tool/) and read\n[the setup", "tool/)\nand read [the setup")
    path = translated_then_changed(repo, git, rewrapped, sidecar=True)
    page = (repo.root / path).read_bytes()
    result = invoke("port", str(repo.root))
    assert result.exit_code == 0, result.output
    assert (repo.root / path).read_bytes() == page
    assert entry(repo.root, path).state is State.CURRENT
    assert result.output.splitlines()[0] == "wrote translations/fr/.co-op-translator.json"


@pytest.mark.parametrize("translated", [True, False], ids=["translated", "not-yet"])
def test_a_changed_image_becomes_its_translated_image_when_there_is_one(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke, translated: bool
) -> None:
    page = "# Guide\n\n![Flow](images/flow.png)\n"
    repo.source("README.md", page)
    repo.source("images/flow.png", b"\x89PNG one")
    repo.source("images/flow2.png", b"\x89PNG two")
    repo.inline("fr", "README.md", "# Guide\n\n![Flux](../../translated_images/fr/flow.1a.png)\n")
    images = {"flow.1a.png": record("images/flow.png", md5("x"), "fr")}
    if translated:
        images["flow2.2b.png"] = record("images/flow2.png", md5("y"), "fr")
    repo.write("translated_images/fr/.co-op-translator.json", json.dumps(images, indent=2))
    git.commit("translated")
    repo.source("README.md", page.replace("flow.png", "flow2.png"))
    git.commit("a new diagram")
    result = invoke("port", str(repo.root))
    text = (repo.root / "translations/fr/README.md").read_text()
    if translated:
        assert result.exit_code == 0, result.output
        assert "![Flux](../../translated_images/fr/flow2.2b.png)" in text
    else:
        assert result.exit_code == 1
        assert "'images/flow2.png' has no translated image yet" in result.output


def test_a_crlf_translation_stays_crlf_and_keeps_its_mode(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    path = translated_then_changed(repo, git, CODE_ONLY, sidecar=False)
    page = repo.root / path
    page.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
    page.chmod(0o640)
    git.commit("CRLF translation")
    assert invoke("port", str(repo.root)).exit_code == 0
    data = page.read_bytes()
    assert b"pip install tool==2.0\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert page.stat().st_mode & 0o777 == 0o640
    assert entry(repo.root, path).state is State.CURRENT
