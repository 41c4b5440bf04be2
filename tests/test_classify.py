"""States and bookkeeping warnings: one verdict per language x file, for every convention."""

from __future__ import annotations

import gc
import hashlib
import json

from tests.builders import RepoBuilder, inline_block, md5, record
from transync.classify import cyclic_collection_paused
from transync.model import Finding, Kind, Report, State, TranslationEntry
from transync.scan import scan


def _entry(report: Report, translation: str) -> TranslationEntry:
    (entry,) = [entry for entry in report.entries if entry.translation == translation]
    return entry


def _findings(report: Report, check: str) -> list[Finding]:
    return [finding for finding in report.findings if finding.check == check]


def test_inline_metadata_with_the_current_hash_is_current(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("lt", "README.md")
    entry = _entry(scan(repo.root), "translations/lt/README.md")
    assert entry.state is State.CURRENT
    assert entry.kind is Kind.MARKDOWN
    assert entry.source == "README.md"
    assert entry.stored_hash == entry.current_hash == md5("# Hello\n")


def test_a_changed_source_makes_its_translation_stale(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("lt", "README.md", stale=True)
    assert _entry(scan(repo.root), "translations/lt/README.md").state is State.STALE


def test_sidecar_records_decide_the_state(repo: RepoBuilder) -> None:
    repo.source("a.md", "# A\n")
    repo.source("b.md", "# B\n")
    repo.sidecar_entry("ja", "a.md")
    repo.sidecar_entry("ja", "b.md", stale=True)
    report = scan(repo.root)
    assert _entry(report, "translations/ja/a.md").state is State.CURRENT
    assert _entry(report, "translations/ja/b.md").state is State.STALE


def test_a_source_without_translation_in_an_existing_language_is_missing(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.source("lesson/intro.md", "# Intro\n")
    repo.inline("lt", "README.md")
    entry = _entry(scan(repo.root), "translations/lt/lesson/intro.md")
    assert entry.state is State.MISSING
    assert entry.source == "lesson/intro.md"


def test_a_translation_whose_source_is_gone_is_an_orphan(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("lt", "README.md")
    repo.write("translations/lt/old.md", inline_block("old.md", md5("gone"), "lt"))
    entry = _entry(scan(repo.root), "translations/lt/old.md")
    assert entry.state is State.ORPHAN
    assert entry.source == "old.md"


def test_a_translation_without_metadata_is_untracked(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.write("translations/lt/README.md", "# Labas\n")
    assert _entry(scan(repo.root), "translations/lt/README.md").state is State.UNTRACKED


def test_broken_metadata_is_invalid_with_a_finding_at_its_line(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.write("translations/lt/README.md", "<!--\nCO_OP_TRANSLATOR_METADATA:\n{oops}\n-->\n")
    report = scan(repo.root)
    assert _entry(report, "translations/lt/README.md").state is State.INVALID_METADATA
    (finding,) = _findings(report, "invalid-metadata")
    assert finding.line == 1
    assert "not valid JSON" in finding.message


def test_failure_record_with_the_current_hash_marks_the_file_failed(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello v2\n")
    repo.sidecar_entry("ja", "README.md", stale=True)
    repo.update_sidecar(
        "ja",
        {
            "__translation_failures__": {
                "README.md": {"original_hash": repo.source_hash("README.md"), "status": "failed"}
            }
        },
    )
    entry = _entry(scan(repo.root), "translations/ja/README.md")
    assert entry.state is State.FAILED
    assert entry.failure is not None


def test_failure_record_for_an_older_source_does_not_hide_staleness(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello v3\n")
    repo.sidecar_entry("ja", "README.md", stale=True)
    repo.update_sidecar(
        "ja", {"__translation_failures__": {"README.md": {"original_hash": md5("v2")}}}
    )
    assert _entry(scan(repo.root), "translations/ja/README.md").state is State.STALE


def test_a_record_without_its_file_leaves_the_file_missing_and_warns(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.source("a.md", "# A\n")
    repo.sidecar_entry("ja", "README.md")
    repo.sidecar_entry("ja", "a.md", body=None)
    report = scan(repo.root)
    assert _entry(report, "translations/ja/a.md").state is State.MISSING
    (finding,) = _findings(report, "dangling-record")
    assert finding.path == "translations/ja/.co-op-translator.json"


def test_a_record_with_neither_file_nor_source_is_only_a_warning(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.sidecar_entry("ja", "README.md")
    repo.update_sidecar("ja", {"gone.md": record("gone.md", md5("x"), "ja")})
    report = scan(repo.root)
    assert [entry.translation for entry in report.entries] == ["translations/ja/README.md"]
    assert len(_findings(report, "dangling-record")) == 1


def test_notebook_metadata_is_read(repo: RepoBuilder) -> None:
    repo.source("nb.ipynb", '{"cells": []}')
    notebook = {
        "cells": [],
        "metadata": {"coopTranslator": record("nb.ipynb", repo.source_hash("nb.ipynb"), "ko")},
    }
    repo.write("translations/ko/nb.ipynb", json.dumps(notebook))
    entry = _entry(scan(repo.root), "translations/ko/nb.ipynb")
    assert (entry.state, entry.kind) == (State.CURRENT, Kind.NOTEBOOK)


def test_image_translations_are_reported_as_images(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("ja", "README.md")
    repo.write("images/arch.png", b"\x89PNG old")
    repo.write("translated_images/ja/arch.0123456789abcdef.webp", b"webp")
    repo.write(
        "translated_images/ja/.co-op-translator.json",
        json.dumps(
            {"arch.0123456789abcdef.webp": record("images/arch.png", md5(b"\x89PNG new"), "ja")}
        ),
    )
    entry = _entry(scan(repo.root), "translated_images/ja/arch.0123456789abcdef.webp")
    assert (entry.kind, entry.state, entry.source) == (Kind.IMAGE, State.STALE, "images/arch.png")


def test_precedence_is_sidecar_then_inline_and_disagreement_warns(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("ja", "README.md", stale=True)
    repo.update_sidecar(
        "ja", {"README.md": record("README.md", repo.source_hash("README.md"), "ja")}
    )
    report = scan(repo.root)
    assert _entry(report, "translations/ja/README.md").state is State.CURRENT
    (finding,) = _findings(report, "metadata-conflict")
    assert "original_hash" in finding.message


def test_backslashes_and_dot_prefixes_in_source_file_are_normalised(repo: RepoBuilder) -> None:
    repo.source("09-metacognition/README.md", "# Meta\n")
    repo.inline("lt", "09-metacognition/README.md", source_file=".\\09-metacognition\\README.md")
    entry = _entry(scan(repo.root), "translations/lt/09-metacognition/README.md")
    assert entry.state is State.CURRENT  # hashes the normalised path
    assert _findings(scan(repo.root), "path-mismatch") == []


def test_old_language_codes_match_renamed_folders(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("pt-BR", "README.md", language_code="br")
    repo.inline("de", "README.md", language_code="fr")
    report = scan(repo.root)
    (finding,) = _findings(report, "language-code-mismatch")
    assert finding.language == "de"


def test_a_translation_away_from_its_source_path_warns(repo: RepoBuilder) -> None:
    repo.source("new/README.md", "# Hello\n")
    repo.inline("lt", "old/README.md", source_file="new/README.md")
    report = scan(repo.root)
    assert _entry(report, "translations/lt/old/README.md").state is State.CURRENT
    (finding,) = _findings(report, "path-mismatch")
    assert "translations/lt/new/README.md" in finding.message


def test_a_crlf_only_change_is_stale_and_says_so(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\r\nworld\r\n")
    repo.write(
        "translations/lt/README.md",
        inline_block("README.md", md5("# Hello\nworld\n"), "lt") + "# Labas\n",
    )
    report = scan(repo.root)
    assert _entry(report, "translations/lt/README.md").state is State.STALE
    (finding,) = _findings(report, "line-endings")
    assert "LF line endings" in finding.message


def test_escaping_or_absolute_source_files_are_invalid(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("lt", "a.md", source_file="../../etc/passwd")
    repo.inline("ja", "a.md", source_file="/etc/passwd")
    repo.inline("ko", "a.md", source_file="C:\\x")
    report = scan(repo.root)
    notes = {
        entry.language: entry.note
        for entry in report.entries
        if entry.state is State.INVALID_METADATA
    }
    assert "leaves the repository" in (notes["lt"] or "")
    assert "is absolute" in (notes["ja"] or "")
    assert "is absolute" in (notes["ko"] or "")


def test_the_cyclic_collector_is_paused_while_classifying_and_left_as_it_was_found() -> None:
    with cyclic_collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with cyclic_collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_legacy_flat_image_names_are_image_translations_of_the_image_they_hash(
    repo: RepoBuilder,
) -> None:
    """co-op-translator named them `<stem>.<sha256 of the source's path>.<lang>.<ext>`."""
    repo.source("README.md", "# Hello\n")
    repo.inline("mni", "README.md")
    repo.write("imgs/cover.png", b"png")
    repo.write("docs/cover.png", b"another image of the same name")
    digest = hashlib.sha256(b"imgs/cover.png").hexdigest()
    flat = f"translated_images/cover.{digest}.mni.png"
    repo.write(flat, b"png")
    repo.write("translated_images/notes.txt", b"not an image translation")
    report = scan(repo.root)
    entry = _entry(report, flat)
    assert (entry.kind, entry.state, entry.language, entry.source) == (
        Kind.IMAGE,
        State.UNTRACKED,
        "mni",
        "imgs/cover.png",
    )
    skipped = [finding.path for finding in _findings(report, "skipped-path")]
    assert skipped == ["translated_images/notes.txt"]


def test_a_flat_image_whose_source_is_gone_says_so(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n")
    repo.inline("ja", "README.md")
    flat = "translated_images/cover.0123456789abcdef0123.ja.png"
    repo.write(flat, b"png")
    entry = _entry(scan(repo.root), flat)
    assert (entry.state, entry.source) == (State.UNTRACKED, "cover.png")
    assert entry.note is not None and "no file in the repository" in entry.note


def test_untracked_translations_get_the_content_checks(repo: RepoBuilder) -> None:
    repo.source("README.md", "# Hello\n\n| a |\n|---|\n| 1 |\n| 2 |\n")
    repo.write("translations/ja/README.md", "# こんにちは\n\n| a |\n|---|\n| 1 |\n")
    report = scan(repo.root, content=True, cache=False)
    assert _entry(report, "translations/ja/README.md").state is State.UNTRACKED
    [finding] = _findings(report, "table-rows")
    assert (finding.source, finding.source_line) == ("README.md", 6)  # the dropped row
