"""Where translations live: a layout (sources and their translations' folder) and its
language folders."""

from __future__ import annotations

from dataclasses import dataclass

LANG_PLACEHOLDER = "<lang>"


@dataclass(frozen=True)
class Layout:
    """Pairs a translation root template (with `<lang>`) with the source root it mirrors.

    `translations="docs/i18n/<lang>"`, `sources="docs"` says that `docs/i18n/ja/cli.md` is the
    Japanese translation of `docs/cli.md`.
    """

    translations: str
    sources: str
    # mkdocs-static-i18n's suffixes: `page.fr.md` beside `page.md`, in the source tree itself
    # (`translations` is then the source root, without `<lang>`).
    suffix: bool = False

    @property
    def container(self) -> str:
        """The folder whose children are the language folders (`docs/i18n`)."""
        return self.translations.split(LANG_PLACEHOLDER, 1)[0].rstrip("/") or "."

    def translation_root(self, language: str) -> str:
        return self.translations.replace(LANG_PLACEHOLDER, language).rstrip("/")

    def source_key(self, key: str, language: str) -> str:
        """A translation's path below its translation root -> its source's below the source
        root: the same path, or `page.fr.md` -> `page.md` with suffixes."""
        if not self.suffix:
            return key
        stem, dot, extension = key.rpartition(".")
        marker = f".{language}"
        if dot and stem.endswith(marker):
            return f"{stem[: -len(marker)]}.{extension}"
        return key

    def translation_key(self, key: str, language: str) -> str:
        """The inverse of `source_key`."""
        if not self.suffix:
            return key
        stem, dot, extension = key.rpartition(".")
        return f"{stem}.{language}.{extension}" if dot else f"{key}.{language}"


@dataclass(frozen=True)
class LanguageFolder:
    """One language's translation root inside one layout; the language is the folder name."""

    layout: Layout
    code: str
    path: str
