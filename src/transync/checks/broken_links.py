"""`broken-link` and `broken-anchor`: a translation's local link that leads nowhere on GitHub.

A relative target must exist in the repository; a `#fragment` into a Markdown file or notebook
must match one of its anchors (GitHub heading slugs, `{#custom-id}`, `<a id>`/`<a name>`). When
the source's corresponding link is broken the same way, the fault is the source's: it is
reported once, as a warning on the source file and without a language, whatever the number of
translations that inherit it (the report drops identical findings).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from transync.checks.engine.context import TRANSLATED_IMAGE_FOLDERS, ContentContext
from transync.checks.engine.per_source import per_source
from transync.checks.engine.precedence import Claim
from transync.checks.engine.targets import Target, TargetKind, readable, resolve
from transync.checks.names import BROKEN_ANCHOR, BROKEN_LINK, BROKEN_LINKS
from transync.discover import SOURCE_SUFFIXES
from transync.document.build import normalise_target
from transync.document.model import Document, Link
from transync.document.slugs import normalise_fragment
from transync.model import Finding, Severity

NAMES = BROKEN_LINKS


# Fragments every page has.
_ALWAYS = frozenset({"", "top"})


def check(context: ContentContext) -> Iterator[Finding | Claim]:
    yield from _link_syntax(context)
    twins = _twins(context.source, (context.source_path, context.source_keys))
    containers = _language_containers(context)
    reported: set[str] = set()
    absent: dict[str, bool] = {}  # by path: a page's #anchors all lead to the page itself
    for link, key, target in zip(
        context.translation.links,
        context.translation_keys,
        context.translation_targets,
        strict=True,
    ):
        if target.kind is not TargetKind.LOCAL:
            continue
        if not target.inside:
            if key not in twins.by_key:  # the source stays inside: a rewrite one level too deep
                yield from _finding(
                    context,
                    BROKEN_LINK,
                    Severity.ERROR,
                    link,
                    f"{readable(link.target)} leads out of the repository"
                    " (the source's links stay inside)",
                )
            continue
        if _site_route(context, target):
            continue
        unverifiable = absent.get(target.path)
        if unverifiable is None:
            unverifiable = absent[target.path] = _absent_language(context, target, containers)
        if unverifiable:
            continue
        if not context.repository.exists(target.path):
            yield from _broken(context, link, target, twins.by_key.get(key, []))
        elif target.fragment is not None and link.target not in reported:
            anchors = _anchors(context, target.path, translated=True)
            fragment = normalise_fragment(target.fragment)
            if anchors is not None and not _has(anchors, fragment):
                reported.add(link.target)
                same = twins.by_fragment.get((key, fragment), [])
                yield from _broken_anchor(
                    context, link, target, fragment, same, twins.by_key.get(key, [])
                )


@dataclass(frozen=True)
class _Twins:
    """The source's links by key (a translation's link and its twins point to the same
    thing), and by key and fragment: built once per source, a page of 10,000 anchor links
    has one key."""

    by_key: dict[str, list[Link]]
    by_fragment: dict[tuple[str, str], list[Link]]


@per_source
def _twins(source: Document, where: tuple[str, tuple[str, ...]]) -> _Twins:
    path, keys = where
    by_key: dict[str, list[Link]] = {}
    by_fragment: dict[tuple[str, str], list[Link]] = {}
    for link, key in zip(source.links, keys, strict=True):
        by_key.setdefault(key, []).append(link)
        fragment = normalise_fragment(resolve(link.target, path).fragment or "")
        by_fragment.setdefault((key, fragment), []).append(link)
    return _Twins(by_key, by_fragment)


_LOST_BRACKET = "a link lost its '[': '...](target)' shows as text, not as a link"
_EMPTY_LINK = "a link has an empty target: '[text]()' leads nowhere"


def _link_syntax(context: ContentContext) -> Iterator[Finding | Claim]:
    """Links the Markdown does not make: the source's own once, on the source; the
    translation's where the source has none at that place."""
    source, translated = context.source.signs, context.translation.signs
    for theirs, ours, problem in (
        (source.lost_brackets, translated.lost_brackets, _LOST_BRACKET),
        (source.empty_links, translated.empty_links, _EMPTY_LINK),
    ):
        for line in theirs:
            yield context.source_fault(
                BROKEN_LINK,
                line,
                f"{problem} in the source",
            )
        for line in context.own_lines(theirs, ours):
            yield context.finding(
                BROKEN_LINK,
                Severity.ERROR,
                line,
                problem,
                source_line=context.source_line_of(line),
            )
            yield Claim(BROKEN_LINK, lines=frozenset({line}), source_lines=_lost(context, line))


def _lost(context: ContentContext, line: int) -> frozenset[int]:
    """The source's links that a translated line's lost `[` unmade: those to its targets
    (which `link-missing` would report again)."""
    targets = {
        normalise_target(target)
        for at, target in context.translation.signs.lost_targets
        if at == line
    }
    return frozenset(
        link.line for link in context.source.links if link.target in targets and link.line
    )


def _site_route(context: ContentContext, target: Target) -> bool:
    """Links a documentation site resolves, not GitHub: root-absolute ones (`/base/page/`,
    relative to the site's root) and pretty URLs (`cli/` for `cli.md`)."""
    if target.raw.startswith("/"):
        return True
    if not target.raw.partition("#")[0].partition("?")[0].endswith("/"):
        return False
    return any(
        context.repository.exists(candidate)
        for candidate in (f"{target.path}.md", f"{target.path}/index.md")
    )


def _language_containers(context: ContentContext) -> tuple[tuple[str, str], ...]:
    """The folders whose children are language folders, each with the prefix of the paths
    inside it."""
    containers = {layout.container for layout in context.layouts} | set(TRANSLATED_IMAGE_FOLDERS)
    return tuple((container, f"{container}/") for container in containers if container != ".")


def _absent_language(
    context: ContentContext, target: Target, containers: tuple[tuple[str, str], ...]
) -> bool:
    """A link into a language folder that is not there at all (a languages table in a sparse
    checkout or an excerpt): nothing this scan can verify, so nothing to report."""
    for container, inside_it in containers:
        if target.path.startswith(inside_it):
            # Resolved paths are normal: what follows the prefix is the path in the container.
            language, inside, _ = target.path[len(inside_it) :].partition("/")
            # A file directly in the container (`../other.md` from `translations/fr/`) is no
            # language folder: it is checked like any other link.
            return bool(inside) and not context.repository.exists(f"{container}/{language}")
    return False


def _broken(
    context: ContentContext, link: Link, target: Target, twins: list[Link]
) -> Iterator[Finding | Claim]:
    for twin in twins:
        origin = context.source_target(twin)
        if origin.inside and not context.repository.exists(origin.path):
            # A warning: the English page needs fixing, not its translations, so a gate on
            # translations does not fail for it (configurable like any check).
            yield context.source_fault(
                BROKEN_LINK,
                twin.line,
                f"{readable(twin.target)} does not exist: the source's own link is broken",
            )
            return
    yield from _finding(
        context,
        BROKEN_LINK,
        Severity.ERROR,
        link,
        f"{readable(link.target)} does not exist ({target.path})"
        + (" although the source's link works" if twins else ""),
        twins,
    )


def _broken_anchor(
    context: ContentContext,
    link: Link,
    target: Target,
    fragment: str,
    same_fragment: list[Link],
    twins: list[Link],
) -> Iterator[Finding | Claim]:
    """`fragment`: the link's, normalised; `same_fragment`: the twins whose own fragment is
    the link's."""
    for twin in same_fragment:
        origin = context.source_target(twin)
        anchors = _anchors(context, origin.path, translated=False)
        if anchors is not None and not _has(anchors, fragment):
            yield context.source_fault(
                BROKEN_ANCHOR,
                twin.line,
                f"#{readable(origin.fragment or '')} matches no heading or anchor in"
                f" {origin.path}: the source's own link is broken",
            )
            return
    where = "this file" if target.path == context.translation_path else target.path
    hint = ""
    if _has(_anchors(context, context.source_path, translated=False) or frozenset(), fragment):
        hint = " (it is the source's anchor: the heading it named was translated)"
    yield from _finding(
        context,
        BROKEN_ANCHOR,
        Severity.WARNING,
        link,
        f"#{readable(target.fragment or '')} matches no heading or anchor in {where}{hint}",
        twins,
    )


def _anchors(context: ContentContext, path: str, *, translated: bool) -> frozenset[str] | None:
    if not path.lower().endswith(SOURCE_SUFFIXES):
        return None  # GitHub's #L10 line anchors and the like: nothing to check against
    document = context.translation if translated and path == context.translation_path else None
    if document is None and path == context.source_path:
        document = context.source
    return document.anchors if document is not None else context.repository.anchors(path)


def _has(anchors: frozenset[str], fragment: str) -> bool:
    """No union with `_ALWAYS`: that copied every anchor of the page for each link."""
    return fragment in _ALWAYS or fragment in anchors


def _finding(
    context: ContentContext,
    check: str,
    severity: Severity,
    link: Link,
    message: str,
    twins: list[Link] | None = None,
) -> Iterator[Finding | Claim]:
    """On the translation, placed at the source's corresponding link when there is one; the
    link's line is claimed (its changed target is this defect, not another one)."""
    source_line = twins[0].line if twins else context.source_line_of(link.line)
    yield context.finding(check, severity, link.line, message, source_line=source_line)
    if link.line is not None:
        yield Claim(check, lines=frozenset({link.line}))
