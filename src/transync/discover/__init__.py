"""Discovery: which layouts a repository uses, its sources, language folders and translations.

One walk of each tree, no file contents read. Symlinked folders are never entered (they can
loop or lead out of the repository) and a symlinked file counts only when it stays inside.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from transync.config import DEFAULT_EXCLUDED_DIRS, Config
from transync.discover.flat_image import FlatImageName, read_flat_image_name
from transync.discover.suffixed import split_suffixed
from transync.discover.tree import Tree, WorkTree
from transync.errors import TransyncError
from transync.languages import COOP_LANGUAGES, looks_like_language
from transync.model import Finding, LanguageFolder, Layout, Severity
from transync.paths import LEADS_OUTSIDE, is_within, matches_any
from transync.text import plural

SOURCE_SUFFIXES = (".md", ".mdx", ".markdown", ".ipynb")
SIDECAR_NAME = ".co-op-translator.json"
LEAVES_REPOSITORY = f"{LEADS_OUTSIDE}; not read"
SKIPPED_PATH = "skipped-path"  # the check name of findings about paths the walk refused
# Flat image names whose language part is no language folder's code (one finding for all).
UNKNOWN_IMAGE_LANGUAGE = "unknown-image-language"
IMAGES_LAYOUT = Layout("translated_images/<lang>", ".")
# Co-op-translator's layouts, in the order they are looked for when none is configured.
DEFAULT_LAYOUTS = (
    Layout("translations/<lang>", "."),
    Layout("docs/i18n/<lang>", "docs"),
)
# The common layouts of other docs tools, detected where their source root and a language
# folder both exist: Docusaurus (docs, blog, pages), Hugo's content per language, and
# `docs/<lang>/` beside `docs/en/`.
DOCUSAURUS_LAYOUTS = (
    Layout("i18n/<lang>/docusaurus-plugin-content-docs/current", "docs"),
    Layout("i18n/<lang>/docusaurus-plugin-content-blog", "blog"),
    Layout("i18n/<lang>/docusaurus-plugin-content-pages", "src/pages"),
)
# mkdocs-static-i18n's suffix layout (`docs/page.fr.md` beside `docs/page.md`), looked for
# where a mkdocs configuration sits at the root.
MKDOCS_LAYOUT = Layout("docs", "docs", suffix=True)
MKDOCS_FILES = ("mkdocs.yml", "mkdocs.yaml")
DOCS_TOOL_LAYOUTS = (
    *DOCUSAURUS_LAYOUTS,
    Layout("content/<lang>", "content/en"),
    Layout("docs/<lang>", "docs/en"),
)


@dataclass(frozen=True)
class Inventory:
    """The files a scan is about, as repository-relative POSIX paths."""

    layouts: tuple[Layout, ...]
    sources: Mapping[Layout, frozenset[str]]
    folders: tuple[LanguageFolder, ...]
    translations: Mapping[LanguageFolder, tuple[str, ...]]
    image_folders: tuple[LanguageFolder, ...]
    findings: tuple[Finding, ...]
    # Legacy flat image translations (`translated_images/<stem>.<hash>.<lang>.png`).
    flat_images: tuple[FlatImage, ...] = ()
    # The configured `exclude` globs: images recorded in a sidecar are left out by them too.
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class FlatImage:
    """A legacy flat image translation; `source` is the image its name was made from, None
    when no file in the repository has that path any more."""

    path: str
    name: FlatImageName
    source: str | None


def discover(root: Path, config: Config, tree: Tree | None = None) -> Inventory:
    """Find everything a scan compares; raise when there is nothing translated to look at.

    `tree` is what is walked (default: the files under `root`; `transync trend` passes a
    commit's tree); `root` names the repository in errors.
    """
    if tree is None:
        if not root.is_dir():
            raise TransyncError(f"{root}: not a folder")
        tree = WorkTree(root)
    layouts = config.layouts or detect_layouts(tree)
    findings: list[Finding] = []
    walker = _Walker(tree, findings)
    containers = {layout.container for layout in (*layouts, IMAGES_LAYOUT) if not layout.suffix}
    suffixed = {
        layout: split_suffixed(
            _documents(walker.files(layout.sources, skip=frozenset(containers))), layout
        )
        for layout in layouts
        if layout.suffix
    }
    folders = [
        folder
        for layout in layouts
        for folder in (
            suffixed[layout].folders if layout.suffix else _language_folders(tree, layout, findings)
        )
    ]
    image_folders = list(_language_folders(tree, IMAGES_LAYOUT, findings))
    # Languages come from language folders; a flat image name only claims one.
    known = frozenset(folder.code for folder in (*folders, *image_folders)) or COOP_LANGUAGES
    flat_images = tuple(
        image
        for image in _flat_images(tree, known, findings)
        if not matches_any(image.path, config.exclude)
    )
    if not folders and not image_folders and not flat_images:
        looked_for = ", ".join(f"{layout.translations}/" for layout in layouts or DEFAULT_LAYOUTS)
        raise TransyncError(
            f"{root}: no translations found (looked for {looked_for});"
            " configure 'layouts' in transync.toml or [tool.transync]"
        )
    sources = {
        layout: frozenset(
            path
            for path in (
                suffixed[layout].sources
                if layout.suffix
                else walker.files(
                    layout.sources,
                    skip=frozenset(containers) | _nested_roots(layout, layouts),
                )
            )
            if _is_document(path) and _selected(path, config)
        )
        for layout in layouts
    }
    translations = {
        folder: suffixed[folder.layout].translations[folder.code]
        if folder.layout.suffix
        else tuple(sorted(path for path in walker.files(folder.path) if _is_document(path)))
        for folder in folders
    }
    if flat_images:
        # A search, not a scan: what it passes over was reported by the walks above, or is
        # no source of theirs.
        everything = _Walker(tree, []).files(".", skip=frozenset(containers))
        flat_images = tuple(
            image
            for image in _with_sources(flat_images, everything)
            if image.source is None or not matches_any(image.source, config.exclude)
        )
    return Inventory(
        layouts=tuple(layouts),
        sources=sources,
        folders=tuple(folders),
        translations=translations,
        image_folders=tuple(image_folders),
        findings=tuple(findings),
        flat_images=flat_images,
        exclude=config.exclude,
    )


def detect_layouts(tree: Tree) -> tuple[Layout, ...]:
    """The layouts a repository uses, when none is configured: co-op-translator's where their
    folder exists, the other tools' where their sources and a translation folder both do."""
    found = [layout for layout in DEFAULT_LAYOUTS if tree.is_dir(layout.container)]
    if any(tree.is_file(name) for name in MKDOCS_FILES) and tree.is_dir(MKDOCS_LAYOUT.sources):
        containers = frozenset(layout.container for layout in (*found, IMAGES_LAYOUT))
        walked = _Walker(tree, []).files(MKDOCS_LAYOUT.sources, skip=containers)
        if split_suffixed(_documents(walked), MKDOCS_LAYOUT).folders:
            found.append(MKDOCS_LAYOUT)
    for layout in DOCS_TOOL_LAYOUTS:
        if not tree.is_dir(layout.container) or not tree.is_dir(layout.sources):
            continue
        if any(True for _ in _language_folders(tree, layout, [])):
            found.append(layout)
    return tuple(found)


def _flat_images(
    tree: Tree, known: frozenset[str], findings: list[Finding]
) -> tuple[FlatImage, ...]:
    """The flat image translations whose language part is a `known` language. The other files
    beside the language folders are one finding each kind, however many: a capitalised `Ko`
    or a cut-off `ed` is no language, and 368 images named so are one thing to look at."""
    container = IMAGES_LAYOUT.container
    if not tree.is_dir(container) or not tree.leads_within(container):
        return ()  # absent, or leading out of the repository (`_language_folders` says so)
    try:
        entries = sorted(tree.scandir(container), key=lambda entry: entry.name)
    except OSError:
        return ()  # unreadable (`_language_folders` says so)
    images: list[FlatImage] = []
    unknown: dict[str, list[str]] = {}
    strays: list[str] = []
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
            continue
        name = read_flat_image_name(entry.name)
        if name is None:
            strays.append(entry.name)
        elif name.language in known:
            images.append(FlatImage(f"{container}/{entry.name}", name, None))
        else:
            unknown.setdefault(name.language, []).append(entry.name)
    if unknown:
        findings.append(_unknown_languages(container, unknown))
    if len(strays) == 1:
        findings.append(_skipped(f"{container}/{strays[0]}", "is a file, not a language folder"))
    elif strays:
        findings.append(
            _skipped(
                container,
                f"holds {plural(len(strays), 'file')} that are neither language folders nor images"
                f" named for a language (e.g. {_examples(strays)}); not counted",
            )
        )
    return tuple(images)


def _unknown_languages(container: str, names: Mapping[str, list[str]]) -> Finding:
    """One finding for every flat image whose language part names no language folder."""
    count = sum(len(files) for files in names.values())
    parts = ", ".join(
        f"{code!r} ({len(files):,})"
        for code, files in sorted(names.items(), key=lambda item: (-len(item[1]), item[0]))
    )
    examples = _examples([files[0] for files in names.values()])
    return Finding(
        UNKNOWN_IMAGE_LANGUAGE,
        Severity.WARNING,
        container,
        f"{count:,} images in {container} are named for languages no language folder has:"
        f" {parts} (e.g. {examples}); not counted as translations",
    )


def _examples(names: list[str], shown: int = 3) -> str:
    more = f", … {len(names) - shown:,} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _with_sources(images: tuple[FlatImage, ...], files: Iterator[str]) -> tuple[FlatImage, ...]:
    """Each image with the file its name was made from: one walk of the repository, keeping
    the files with a wanted name, then the one whose path has the name's hash."""
    wanted = {image.name.source_name for image in images}
    candidates: dict[str, list[str]] = {}
    for path in files:
        base = path.rsplit("/", 1)[-1]
        if base in wanted:
            candidates.setdefault(base, []).append(path)
    return tuple(
        replace(
            image,
            source=next(
                (
                    path
                    for path in candidates.get(image.name.source_name, ())
                    if image.name.made_from(path)
                ),
                None,
            ),
        )
        for image in images
    )


def _language_folders(
    tree: Tree, layout: Layout, findings: list[Finding]
) -> Iterator[LanguageFolder]:
    if not tree.is_dir(layout.container):
        return
    if not tree.leads_within(layout.container):
        findings.append(_skipped(layout.container, LEAVES_REPOSITORY))
        return
    try:
        entries = sorted(tree.scandir(layout.container), key=lambda entry: entry.name)
    except OSError as error:
        findings.append(_skipped(layout.container, f"cannot be read ({error.strerror})"))
        return
    # Translations beside their sources (`content/fr/` beside `content/en/`): the source
    # folder and folders that are no language (`docs/images/`) are not language folders.
    beside = is_within(layout.sources, layout.container)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        folder = LanguageFolder(layout, entry.name, layout.translation_root(entry.name))
        if beside and (
            is_within(layout.sources, folder.path)
            or not entry.is_dir()
            or not looks_like_language(entry.name)
        ):
            continue
        if entry.is_symlink():
            findings.append(
                _skipped(folder.path, "is a symbolic link; language folders are not followed")
            )
        elif entry.is_dir():
            if tree.is_dir(folder.path):
                yield folder
        elif layout is not IMAGES_LAYOUT:  # files beside image folders: `_flat_images`
            findings.append(_skipped(folder.path, "is a file, not a language folder"))


def _nested_roots(layout: Layout, layouts: tuple[Layout, ...]) -> frozenset[str]:
    """Source roots of other layouts inside this one's: those sources belong to them only."""
    return frozenset(
        other.sources
        for other in layouts
        if other.sources != layout.sources and is_within(other.sources, layout.sources)
    )


def _documents(files: Iterator[str]) -> Iterator[str]:
    return (path for path in files if _is_document(path))


def _is_document(path: str) -> bool:
    return path.lower().endswith(SOURCE_SUFFIXES)


def _selected(path: str, config: Config) -> bool:
    if config.include and not matches_any(path, config.include):
        return False
    return not (config.exclude and matches_any(path, config.exclude))


def _skipped(path: str, problem: str) -> Finding:
    return Finding(SKIPPED_PATH, Severity.WARNING, path, f"{path} {problem}")


class _Walker:
    """Lists files below a folder with `Tree.scandir` (on disk, `os.scandir`: the fastest walk
    the stdlib offers)."""

    def __init__(self, tree: Tree, findings: list[Finding]) -> None:
        self._tree = tree
        self._findings = findings

    def files(self, top: str, skip: frozenset[str] = frozenset()) -> Iterator[str]:
        if not self._tree.leads_within(top):
            self._findings.append(_skipped(top, LEAVES_REPOSITORY))
            return
        pending = [top]
        while pending:
            folder = pending.pop()
            try:
                entries = self._tree.scandir(folder)
            except OSError as error:
                self._findings.append(_skipped(folder, f"cannot be read ({error.strerror})"))
                continue
            for entry in entries:
                path = entry.name if folder == "." else f"{folder}/{entry.name}"
                if entry.is_symlink():
                    # Symlinked folders are never entered: they can loop or lead anywhere.
                    if not self._tree.leads_within(path):
                        self._findings.append(_skipped(path, LEAVES_REPOSITORY))
                    elif self._tree.is_file(path):
                        yield path
                    elif not self._tree.exists(path):
                        self._findings.append(
                            _skipped(path, "is a symbolic link that leads nowhere (or loops)")
                        )
                elif entry.is_dir(follow_symlinks=False):
                    if entry.name not in DEFAULT_EXCLUDED_DIRS and path not in skip:
                        pending.append(path)
                elif entry.is_file(follow_symlinks=False):
                    yield path
                elif _is_document(path):  # reading a pipe or a device blocks or never ends
                    self._findings.append(
                        _skipped(path, "is not a regular file (a pipe, socket or device)")
                    )
