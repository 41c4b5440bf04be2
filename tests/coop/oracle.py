"""Asks an installed co-op-translator what it decides for a repository; prints JSON.

Run with the Python that has co-op-translator (never transync's): `python oracle.py ROOT LANG...`.
For each language (co-op-translator's code) and each source it discovers:

- `decision`: its `_is_translation_outdated` on the translation as it is (an alias folder's
  pages are asked in that folder), or "missing";
- `plan`: the list its `build_translation_plan` puts the page in (as `--dry-run --plan-json`);
- `run`: "new", "outdated" or "current", as its run decides them: in a copy of the repository,
  its alias folder rename and inline metadata migration first, then `get_outdated_translations`
  and `_gather_pending_markdown` / `_gather_pending_notebooks`;
- `estimate`: its own `estimate_tokens` and `estimate_translation_words` (what the plan reports).
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from co_op_translator.core.project.language_migrator import LanguageFolderMigrator
from co_op_translator.core.project.project_translator import ProjectTranslator
from co_op_translator.utils.common.files.project_paths import ProjectPathConfig
from co_op_translator.utils.common.planning import build_translation_plan
from co_op_translator.utils.common.word_estimation import estimate_translation_words

TYPES = ["markdown", "notebook"]


def manager(root: Path, languages: list[str]):  # type: ignore[no-untyped-def]
    translator = ProjectTranslator(
        " ".join(languages), root, translation_types=TYPES, initialize_translators=False
    )
    return translator.translation_manager


def decisions(root: Path, languages: list[str]) -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    aliases = {entry.canonical: entry.source_dir for entry in _aliases(root)}
    for language in languages:
        tm = manager(root, [language])
        folder = aliases.get(language, tm._get_language_root(language))
        for source in tm._filter_source_files():
            if source.suffix.lower() not in {".md", ".mdx", ".markdown", ".ipynb"}:
                continue
            relative = source.resolve().relative_to(tm.root_dir)
            translation = folder / relative
            verdict = (
                tm._is_translation_outdated(source.resolve(), translation)
                if translation.exists()
                else "missing"
            )
            found.setdefault(language, {})[relative.as_posix()] = verdict
    return found


def _aliases(root: Path):  # type: ignore[no-untyped-def]
    return [
        entry
        for entry in LanguageFolderMigrator(root).detect_alias_folders()
        if entry.base_dir.name == "translations" and not entry.conflict
    ]


def plan(root: Path, languages: list[str]) -> dict[str, object]:
    tm = manager(root, languages)
    estimates = tm.estimate_tokens()
    estimates["words"] = estimate_translation_words(tm).get("total", 0)
    paths = ProjectPathConfig.resolve(source=root, output=None)
    return build_translation_plan(
        paths=paths, languages=languages, translation_types=TYPES, estimates=estimates
    )


def run(root: Path, languages: list[str]) -> dict[str, dict[str, str]]:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "repo"
        shutil.copytree(root, copy, symlinks=True)
        LanguageFolderMigrator(copy).execute(
            [entry for entry in _aliases(copy) if entry.canonical in languages]
        )
        tm = manager(copy, languages)
        tm._migrate_legacy_inline_text_metadata()
        found: dict[str, dict[str, str]] = {language: {} for language in languages}
        for original, translation in tm.get_outdated_translations():
            language = translation.relative_to(tm.translations_dir).parts[0]
            found[language][original.relative_to(tm.root_dir).as_posix()] = "outdated"
        for language in languages:
            one = manager(copy, [language])
            pending = one._gather_pending_markdown(False) + one._gather_pending_notebooks(False)
            for source in pending:
                found[language][source.relative_to(one.root_dir).as_posix()] = "new"
        return found


def main() -> None:
    logging.disable(logging.CRITICAL)
    root, languages = Path(sys.argv[1]).resolve(), sys.argv[2:]
    result = {
        "decision": decisions(root, languages),
        "plan": plan(root, languages),
        "run": run(root, languages),
    }
    json.dump(result, sys.stdout, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
