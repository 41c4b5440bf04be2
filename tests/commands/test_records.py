"""Records written exactly as co-op-translator writes them, so that its next run agrees.

`_co_op_would_retranslate` reproduces co-op-translator 0.23's rule
(co_op_translator/core/project/translation/translation_status.py,
`TranslationStatus._is_translation_outdated`): the language folder's sidecar record keyed by
the source's repository-relative POSIX path wins; otherwise the first
`<!--\\nCO_OP_TRANSLATOR_METADATA:` block of the page (utils/common/metadata_utils.py,
`extract_metadata_from_content`); the translation is outdated unless the stored
`original_hash` equals the MD5 of the source's bytes and the line counts of source and
translation differ by at most 15 (`compare_line_breaks`, `LINE_BREAK_MARGIN`). When
co-op-translator's own module can be imported (`pip install --no-deps co-op-translator`),
its reader is used instead of the reproduction.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.builders import GitRepo, RepoBuilder
from tests.commands.conftest import SOURCE, Invoke, translated_then_changed
from transync.sync.records import inline_block, new_fields, sidecar_text, stamp_date

CODE_ONLY = SOURCE.replace("tool==1.0", "tool==2.0")


def _extract_inline(content: str) -> dict[str, Any]:
    try:
        from co_op_translator.utils.common.metadata_utils import extract_metadata_from_content
    except ImportError:
        start = content.find("<!--\nCO_OP_TRANSLATOR_METADATA:")
        if start == -1:
            return {}
        json_start = content.find("{", start)
        end = content.find("-->\n", json_start)
        return dict(json.loads(content[json_start:end].strip()))
    return dict(extract_metadata_from_content(content))


def _co_op_would_retranslate(root: Path, language_folder: str, source: str) -> bool:
    original = (root / source).read_bytes()
    translation = (root / language_folder / source).read_text(encoding="utf-8")
    sidecar = root / language_folder / ".co-op-translator.json"
    record = (
        json.loads(sidecar.read_text(encoding="utf-8")).get(source) if sidecar.exists() else None
    )
    stored = (record or _extract_inline(translation)).get("original_hash")
    if stored != hashlib.md5(original).hexdigest():
        return True
    return abs(original.decode().count("\n") - translation.count("\n")) > 15


@pytest.mark.parametrize("sidecar", [False, True], ids=["inline", "sidecar"])
def test_co_op_translator_would_not_retranslate_a_ported_page(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke, sidecar: bool
) -> None:
    translated_then_changed(repo, git, CODE_ONLY, sidecar=sidecar)
    assert _co_op_would_retranslate(repo.root, "translations/fr", "README.md")
    assert invoke("port", str(repo.root)).exit_code == 0
    assert not _co_op_would_retranslate(repo.root, "translations/fr", "README.md")


def test_a_stamped_failure_is_cleared_as_co_op_translator_clears_it(
    repo: RepoBuilder, git: GitRepo, invoke: Invoke
) -> None:
    path = translated_then_changed(repo, git, CODE_ONLY, sidecar=True)
    failure = {"original_hash": repo.source_hash("README.md"), "status": "failed"}
    repo.update_sidecar("fr", {"__translation_failures__": {"README.md": failure}})
    git.commit("a failed run")
    assert invoke("stamp", str(repo.root), path).exit_code == 0
    records = json.loads((repo.root / "translations/fr/.co-op-translator.json").read_text())
    assert "__translation_failures__" not in records
    assert not _co_op_would_retranslate(repo.root, "translations/fr", "README.md")


def test_the_inline_block_is_co_op_translators_byte_for_byte() -> None:
    fields = new_fields("0" * 32, "2026-01-02T03:04:05+00:00", "a/b.md", "ja")
    assert inline_block(fields) == (
        "<!--\nCO_OP_TRANSLATOR_METADATA:\n{\n"
        '  "original_hash": "00000000000000000000000000000000",\n'
        '  "translation_date": "2026-01-02T03:04:05+00:00",\n'
        '  "source_file": "a/b.md",\n'
        '  "language_code": "ja"\n'
        "}\n-->\n"
    )


def test_the_sidecar_sorts_its_keys_keeps_unicode_and_ends_without_a_newline() -> None:
    text = sidecar_text({"b.md": {"x": "é"}, "a.md": {"y": 1}})
    assert text == '{\n  "a.md": {\n    "y": 1\n  },\n  "b.md": {\n    "x": "é"\n  }\n}'


def test_dates_are_utc_in_co_op_translators_format() -> None:
    from datetime import datetime, timedelta, timezone

    moment = datetime(2026, 5, 6, 9, 8, 7, tzinfo=timezone(timedelta(hours=2)))
    assert stamp_date(moment) == "2026-05-06T07:08:07+00:00"


def test_a_sidecar_that_ended_with_a_newline_still_does() -> None:
    from transync.sync.records import RecordChange, updated_sidecar

    text = updated_sidecar(b'{\n  "a.md": {}\n}\n\n', "s.json", [RecordChange("b.md", {"x": 1})])
    assert text is not None and text.endswith("\n  }\n}\n\n")
