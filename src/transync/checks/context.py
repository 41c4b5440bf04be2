"""What a content check sees: one translation, its source, both parsed, and the repository."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from transync.document import Document, Link
from transync.model import Layout, State
from transync.paths import is_within, join, relative_to
from transync.targets import Target, resolve

TRANSLATED_IMAGE_FOLDERS = ("translated_images", "translated_images_fast")


class Repository(Protocol):
    """Questions about other files of the scanned repository (answers are cached)."""

    def exists(self, path: str) -> bool: ...

    def anchors(self, path: str) -> frozenset[str] | None:
        """The anchors of a Markdown file or notebook; None when it cannot be read."""


@dataclass(frozen=True)
class ContentContext:
    language: str
    source_path: str
    translation_path: str
    source: Document
    translation: Document
    repository: Repository
    # Every layout of the scan: a translation may link to its counterparts in any of them.
    layouts: tuple[Layout, ...] = ()
    state: State = State.CURRENT

    def source_target(self, link: Link) -> Target:
        return resolve(link.target, self.source_path)

    def translation_target(self, link: Link) -> Target:
        return resolve(link.target, self.translation_path)

    def untranslated(self, path: str) -> str:
        """The source a path stands for: a translated counterpart in this language (any
        layout) maps back to its source; any other path stands for itself."""
        for layout in self.layouts:
            root = layout.translation_root(self.language)
            if is_within(path, root) and path != root:
                return join(layout.sources, relative_to(path, root))
        return path

    @cached_property
    def image_sources(self) -> dict[str, str]:
        """Source image paths by the stem co-op-translator keeps in translated image names."""
        stems: dict[str, str] = {}
        for link in self.source.links:
            target = self.source_target(link)
            if link.image and target.inside:
                stem = target.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                stems.setdefault(stem, target.path)
        return stems
