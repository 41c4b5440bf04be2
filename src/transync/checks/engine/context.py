"""What a content check sees: one translation, its source, both parsed, and the repository.

It also says when a source link and a translation link point to the same thing (their keys).
Web links compare by `targets.web_key` (tracking and locale aside). Local links compare by the
repository path they resolve to, each from its own file, after mapping the translation's
legitimate rewrites back: a translated counterpart (`translations/<lang>/x.md`) stands for its
source and a translated image (`translated_images/<lang>/<stem>.<hash>.webp`) for the source
image with that stem. Fragments are left out: translated headings have translated anchors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Protocol

from transync.checks.engine.outline import Alignment, align
from transync.checks.engine.per_source import per_source
from transync.checks.engine.targets import Target, TargetKind, resolve, resolve_all, web_key
from transync.document.model import Document, Link
from transync.model import LANG_PLACEHOLDER, Finding, Layout, Severity, State
from transync.paths import join, relative_to

TRANSLATED_IMAGE_FOLDERS = ("translated_images", "translated_images_fast")
_TRANSLATED_IMAGE = re.compile(
    r"^(?P<stem>.+?)\.[0-9a-f]{16,64}(?:\.[A-Za-z]{2,3}(?:-\w+)?)?\.\w+$"
)


# How far (in source lines) a defect of the source may lie from where a translation's same
# defect maps to, for the translation's to count as inherited (see `own_lines`).
_SAME_PLACE = 50


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

    def finding(
        self,
        check: str,
        severity: Severity,
        line: int | None,
        message: str,
        *,
        source_line: int | None,
        count: int = 1,
    ) -> Finding:
        """A finding on the translation, placed in the source too (`source_line`: the source's
        construct it is about), so that one defect in many languages groups as one."""
        return Finding(
            check,
            severity,
            self.translation_path,
            message,
            self.language,
            line,
            source=self.source_path,
            source_line=source_line,
            count=count,
        )

    def source_fault(
        self, check: str, line: int | None, message: str, *, severity: Severity = Severity.WARNING
    ) -> Finding:
        """A finding on the source itself (its own defect, inherited by every translation): no
        language, so that the report keeps it once whatever the number of languages. A warning
        by default: the English page needs the fix, a gate on translations should not fail."""
        return _source_fault(check, severity, self.source_path, line, message)

    @cached_property
    def outline(self) -> Alignment:
        """The translation's outline aligned with the source's, computed once per pair."""
        return align(self.source, self.source_keys, self.translation, self.translation_keys)

    def source_line_of(self, translated_line: int | None) -> int | None:
        """The source line of the nearest construct both share at or before a translated line."""
        return self.outline.source_line_of(translated_line)

    def translated_line_of(self, source_line: int | None) -> int | None:
        """The translated line of the nearest shared construct at or before a source line."""
        return self.outline.translated_line_of(source_line)

    def missing_at(self, source_line: int | None) -> int | None:
        """The translated line where what a source line holds is missing (`Alignment`)."""
        return self.outline.missing_at(source_line)

    def own_lines(self, source_lines: Sequence[int], translated_lines: Sequence[int]) -> list[int]:
        """The translated lines of a defect that the source does not have at the same place;
        the others are inherited from the source (the source's fault, reported on it). The
        same place: a source line of the defect within `_SAME_PLACE` lines of where the
        translated line maps to, each source line standing for one translated line."""
        unused = sorted(source_lines)
        own = []
        for line in translated_lines:
            expected = self.source_line_of(line) or line
            near = [candidate for candidate in unused if abs(candidate - expected) <= _SAME_PLACE]
            if near:
                unused.remove(min(near, key=lambda candidate: abs(candidate - expected)))
            else:
                own.append(line)
        return own

    def source_target(self, link: Link) -> Target:
        return resolve(link.target, self.source_path)

    def translation_target(self, link: Link) -> Target:
        return resolve(link.target, self.translation_path)

    @cached_property
    def translation_targets(self) -> tuple[Target, ...]:
        """`translation_target` of each of the translation's links, in order."""
        return resolve_all((link.target for link in self.translation.links), self.translation_path)

    def untranslated(self, path: str) -> str:
        """The source a path stands for: a translated counterpart in this language (any
        layout) maps back to its source; any other path stands for itself."""
        for layout, root, inside in self._translation_roots:
            if path.startswith(inside) and path != root:
                return join(
                    layout.sources, layout.source_key(relative_to(path, root), self.language)
                )
        return path

    @cached_property
    def _translation_roots(self) -> tuple[tuple[Layout, str, str], ...]:
        """Each layout's translation root in this language, and what the paths inside it start
        with (`is_within`, made a prefix: asked for every link)."""
        roots = [(layout, layout.translation_root(self.language)) for layout in self.layouts]
        return tuple((layout, root, "" if root == "." else f"{root}/") for layout, root in roots)

    @cached_property
    def image_sources(self) -> dict[str, str]:
        """Source image paths by the stem co-op-translator keeps in translated image names."""
        return _source_links(self.source, (self.source_path, self.layouts)).image_sources

    @cached_property
    def source_keys(self) -> tuple[str, ...]:
        """A key per source link, in order: equal keys point to the same thing. The same tuple
        in every language of a source that links to no translation."""
        links = _source_links(self.source, (self.source_path, self.layouts))
        if not links.counterparts:
            return links.keys
        keys = list(links.keys)
        for index in links.counterparts:
            # The source may link to this language's own counterparts (a languages table).
            keys[index] = _LOCAL + self.untranslated(links.targets[index].path)
        return tuple(keys)

    @cached_property
    def translation_keys(self) -> tuple[str, ...]:
        # By path, for the links of one pair that share one (a page's #anchors lead to itself).
        local: dict[str, str] = {}
        keys = []
        for target in self.translation_targets:
            if target.kind is not TargetKind.LOCAL:
                keys.append(_key(target))
                continue
            key = local.get(target.path)
            if key is None:
                key = local[target.path] = self._local_key(target.path)
            keys.append(key)
        return tuple(keys)

    def _local_key(self, path: str) -> str:
        folder, _, rest = path.partition("/")
        if folder in TRANSLATED_IMAGE_FOLDERS:
            named = _TRANSLATED_IMAGE.match(rest.rsplit("/", 1)[-1])
            return _LOCAL + (self.image_sources.get(named.group("stem"), path) if named else path)
        return _LOCAL + self.untranslated(path)


_LOCAL = "local:"


@lru_cache(maxsize=4096)  # one object for a source's defect met again in each language
def _source_fault(
    check: str, severity: Severity, path: str, line: int | None, message: str
) -> Finding:
    return Finding(check, severity, path, message, None, line, source=path, source_line=line)


def _key(target: Target) -> str:
    if target.kind is TargetKind.WEB:
        return "web:" + web_key(target.raw)
    if target.kind is TargetKind.OTHER:
        return "other:" + target.raw.lower()
    return _LOCAL + target.path


@dataclass(frozen=True)
class _SourceLinks:
    """What a source's links are, whatever the language it is compared with."""

    targets: tuple[Target, ...]
    # A key per link; a link that may lead to a translation (`counterparts`, by index) has the
    # key of its path, which each language maps back to its source (`untranslated`).
    keys: tuple[str, ...]
    counterparts: tuple[int, ...]
    image_sources: dict[str, str]


@per_source
def _source_links(source: Document, where: tuple[str, tuple[Layout, ...]]) -> _SourceLinks:
    path, layouts = where
    targets = tuple(resolve(link.target, path) for link in source.links)
    prefixes = tuple(_translations_prefix(layout) for layout in layouts)
    counterparts = tuple(
        index
        for index, target in enumerate(targets)
        if target.kind is TargetKind.LOCAL and target.path.startswith(prefixes)
    )
    stems: dict[str, str] = {}
    for link, target in zip(source.links, targets, strict=True):
        if link.image and target.inside:
            stems.setdefault(target.path.rsplit("/", 1)[-1].rsplit(".", 1)[0], target.path)
    return _SourceLinks(targets, tuple(_key(target) for target in targets), counterparts, stems)


def _translations_prefix(layout: Layout) -> str:
    """What every path inside one of the layout's translation roots starts with, whatever the
    language (`translations/` for `translations/<lang>`; "" when that may be any path)."""
    template, placeholder, _ = layout.translations.partition(LANG_PLACEHOLDER)
    if placeholder:
        return template
    root = layout.translations.rstrip("/")
    return "" if root in ("", ".") else root + "/"
