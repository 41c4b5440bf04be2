"""mkdocs-static-i18n's suffix layout: `page.fr.md` beside `page.md` in one folder, split into
the sources and each language's translations (no folder per language to find them by)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from transync.languages import looks_like_language
from transync.model import LanguageFolder, Layout


@dataclass(frozen=True)
class Suffixed:
    """A suffix layout's documents, split: sources, and each language's translations."""

    folders: tuple[LanguageFolder, ...]
    sources: tuple[str, ...]
    translations: Mapping[str, tuple[str, ...]]


def split_suffixed(documents: Iterable[str], layout: Layout) -> Suffixed:
    """`page.fr.md` beside `page.md`: its languages are the suffixes that look like a
    language and stand beside a file without them (`setup.py.md` names no language); any
    file with one of those suffixes is a translation, its source there or not."""
    documents = sorted(documents)
    present = set(documents)
    languages = {
        language
        for path in documents
        if (language := _suffix(path))
        and looks_like_language(language)
        and layout.source_key(path, language) in present
    }
    translations: dict[str, list[str]] = {language: [] for language in languages}
    sources = []
    for path in documents:
        language = _suffix(path)
        if language in translations:
            translations[language].append(path)
        else:
            sources.append(path)
    return Suffixed(
        tuple(
            LanguageFolder(layout, language, layout.translation_root(language))
            for language in sorted(languages)
        ),
        tuple(sources),
        {language: tuple(paths) for language, paths in translations.items()},
    )


def _suffix(path: str) -> str:
    """`fr` for `guide/page.fr.md`; empty when the name has no second suffix."""
    name = path.rsplit("/", 1)[-1]
    parts = name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[0] else ""
