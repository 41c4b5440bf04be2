"""Link parity: `link-missing`, `link-extra`, `link-changed`, `link-tracking`.

The source's links and the translation's are aligned in order by what they point to (their
keys, see `checks.context`), so a link the translator moved within the text is still paired.
Within a run of unpaired links at the same place, equal numbers on both sides are reported as
changed links; the rest as missing or extra. Tracking differences are summed up once per
file, since they always come from one cause (an older source, or a translator that adds them).

Links into other languages' translations (the languages table co-op-translator maintains in
every README) are left out: the tool rewrites that table itself, so a difference there is
never the translator's and nothing a maintainer edits by hand.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from transync.checks.engine.align import opcodes
from transync.checks.engine.context import ContentContext
from transync.checks.engine.targets import TargetKind, tracking_marks
from transync.checks.names import LINK_CHANGED as CHANGED
from transync.checks.names import LINK_EXTRA as EXTRA
from transync.checks.names import LINK_MISSING as MISSING
from transync.checks.names import LINK_TRACKING as TRACKING
from transync.checks.names import LINKS
from transync.document.model import Link
from transync.model import Finding, Severity
from transync.text import around_difference, plural

NAMES = LINKS

# Where a web key's host ends.
_HOST = re.compile(r"[/?#]")


def check(context: ContentContext) -> Iterator[Finding]:
    containers = tuple(
        f"local:{layout.container}/" for layout in context.layouts if layout.container != "."
    )
    source, source_keys = _without_switchers(context.source.links, context.source_keys, containers)
    translated, translated_keys = _without_switchers(
        context.translation.links, context.translation_keys, containers
    )
    pairs: list[tuple[int, int]] = []
    gaps: list[tuple[list[int], list[int]]] = []
    for tag, first, last, start, end in opcodes(source_keys, translated_keys):
        if tag == "equal":
            pairs.extend(zip(range(first, last), range(start, end), strict=True))
        else:
            gaps.append((list(range(first, last)), list(range(start, end))))
    pairs += _moved(gaps, source_keys, translated_keys)
    finding = _Reporter(context)
    anchors: list[tuple[Link, Link]] = []
    for missing, extra in gaps:
        anchors += _rewritten_anchors(context, source, translated, missing, extra)
        changed = _alike(source, translated, source_keys, translated_keys, missing, extra)
        if changed:
            yield from finding.changed(
                [(source[index], translated[other]) for index, other in changed]
            )
        yield from finding.missing(
            [(source[index], _nearby(translated, pairs, index)) for index in missing]
        )
        for other in extra:
            if not _to_itself(context, translated[other]):
                yield finding.extra(translated[other])
    if anchors:
        yield finding.anchors_changed(anchors)
    yield from finding.tracking([(source[one], translated[two]) for one, two in sorted(pairs)])


def _without_switchers(
    links: tuple[Link, ...], keys: Sequence[str], containers: tuple[str, ...]
) -> tuple[list[Link], list[str]]:
    kept = [index for index, key in enumerate(keys) if not key.startswith(containers)]
    if len(kept) == len(keys):
        return list(links), list(keys)
    return [links[index] for index in kept], [keys[index] for index in kept]


def _moved(
    gaps: list[tuple[list[int], list[int]]],
    source_keys: Sequence[str],
    translated_keys: Sequence[str],
) -> list[tuple[int, int]]:
    """Pair unaligned links that point to the same thing elsewhere (a moved link); take them
    out of the gaps."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for _, extra in gaps:
        for other in extra:
            waiting[translated_keys[other]].append(other)
    pairs = []
    for missing, _ in gaps:
        for index in list(missing):
            candidates = waiting.get(source_keys[index])
            if candidates:
                other = candidates.pop(0)
                pairs.append((index, other))
                missing.remove(index)
                for _, others in gaps:
                    if other in others:
                        others.remove(other)
    return pairs


def _alike(
    source: Sequence[Link],
    translated: Sequence[Link],
    source_keys: Sequence[str],
    translated_keys: Sequence[str],
    missing: list[int],
    extra: list[int],
) -> list[tuple[int, int]]:
    """Pair, and take out of a gap, the unaligned links that are one link changed: of one
    kind (an image with an image, a link with a link, see `_kinds`), and with evidence that
    they are the same one: a target on the same site or file, or being the gap's only one of
    their kind on each side (its place, between the same aligned neighbours). Without it a
    link lost and a link added are not one changed link (a badge and an unrelated link)."""
    pairs: list[tuple[int, int]] = []
    source_kinds, translated_kinds = _kinds(source), _kinds(translated)
    for kind in set(source_kinds):
        ours = [index for index in missing if source_kinds[index] == kind]
        theirs = [other for other in extra if translated_kinds[other] == kind]
        alone = len(ours) == len(theirs) == 1
        for index in ours:
            match = next(
                (
                    other
                    for other in theirs
                    if alone or _same_place(source_keys[index], translated_keys[other])
                ),
                None,
            )
            if match is not None:
                theirs.remove(match)
                pairs.append((index, match))
    for index, other in pairs:
        missing.remove(index)
        extra.remove(other)
    return sorted(pairs)


def _kinds(links: Sequence[Link]) -> list[str]:
    """Each link's kind: an image, a link around an image (a badge: the link is followed by
    its image on its line), or a text link."""
    return [
        "image"
        if link.image
        else "linked image"
        if index + 1 < len(links) and links[index + 1].image and links[index + 1].line == link.line
        else "link"
        for index, link in enumerate(links)
    ]


def _same_place(source_key: str, translated_key: str) -> bool:
    """Two link keys on one web site (host) or naming one file or folder."""
    kind, _, source_rest = source_key.partition(":")
    other_kind, _, translated_rest = translated_key.partition(":")
    if kind != other_kind:
        return False
    if kind == "web":
        return _HOST.split(source_rest, 1)[0] == _HOST.split(translated_rest, 1)[0]
    return posixpath.dirname(source_rest) == posixpath.dirname(translated_rest) or (
        posixpath.basename(source_rest) == posixpath.basename(translated_rest)
    )


def _rewritten_anchors(
    context: ContentContext,
    source: Sequence[Link],
    translated: Sequence[Link],
    missing: list[int],
    extra: list[int],
) -> list[tuple[Link, Link]]:
    """Pair, and take out of a gap, the source's links to its own headings (`#anchor`, a
    table of contents) with the translation's links that stand in for them: another
    `#anchor` or a link to the page itself or its folder (how co-op-translator rewrites
    them). One cause, which `_Reporter.anchors_changed` reports once per file."""
    anchors = [index for index in missing if source[index].target.startswith("#")]
    stand_ins = [other for other in extra if _points_home(context, translated[other])]
    pairs = list(zip(anchors, stand_ins, strict=False))
    for index, other in pairs:
        missing.remove(index)
        extra.remove(other)
    return [(source[index], translated[other]) for index, other in pairs]


def _points_home(context: ContentContext, link: Link) -> bool:
    if link.target.startswith("#"):
        return True
    target = context.translation_target(link)
    if target.kind is not TargetKind.LOCAL:
        return False
    path = context.untranslated(target.path)
    return path in (context.source_path, posixpath.dirname(context.source_path) or ".")


def _to_itself(context: ContentContext, link: Link) -> bool:
    """A link to the translated page itself, no fragment: co-op-translator's languages table
    links each page's own language to it (whether or not its markers survived), and it leads
    nowhere wrong."""
    if "#" in link.target:
        return False
    target = context.translation_target(link)
    return target.kind is TargetKind.LOCAL and target.path == context.translation_path


def _nearby(translated: Sequence[Link], pairs: list[tuple[int, int]], index: int) -> int | None:
    """The translation line where a missing link would be: at its closest paired neighbour."""
    before = [other for one, other in pairs if one < index]
    after = [other for one, other in pairs if one > index]
    if before:
        return translated[max(before)].line
    return translated[min(after)].line if after else None


class _Reporter:
    def __init__(self, context: ContentContext) -> None:
        self.context = context

    def missing(self, links: list[tuple[Link, int | None]]) -> Iterator[Finding]:
        """The source's links a stretch of the translation lacks, each with the line of its
        nearest paired link. Each goes at the nearest construct both share before it (the
        nearest paired link when the outlines share nothing there); the ones that go at the
        same place were lost together (a dropped passage, a cut-off end): one finding, at the
        line where the first is missing."""
        runs: list[tuple[int | None, list[Link]]] = []
        for link, nearby in links:
            anchor = self.context.translated_line_of(link.line) or nearby
            if runs and runs[-1][0] == anchor:
                runs[-1][1].append(link)
            else:
                runs.append((anchor, [link]))
        for anchor, run in runs:
            first = run[0]
            place = self.context.missing_at(first.line) or anchor
            if len(run) == 1:
                message = (
                    f"the source's {_kind(first)} to {first.target} (source line {first.line})"
                    " has no counterpart in the translation"
                )
            else:
                lines = (
                    f"on line {first.line}"
                    if run[-1].line == first.line
                    else f"from line {first.line} to {run[-1].line}"
                )
                message = (
                    f"the source's {len(run)} links {lines}"
                    f" (the first to {first.target}) have no counterpart in the translation"
                )
            yield self.context.finding(
                MISSING, Severity.ERROR, place, message, source_line=first.line, count=len(run)
            )

    def extra(self, link: Link) -> Finding:
        """A note when it leads to a file of the repository (a translator who linked a page
        the text names), a warning otherwise (`broken-link` reports a target that is absent)."""
        target = self.context.translation_target(link)
        works = (
            target.kind is TargetKind.LOCAL
            and target.inside
            and self.context.repository.exists(target.path)
        )
        return self.context.finding(
            EXTRA,
            Severity.NOTE if works else Severity.WARNING,
            link.line,
            f"{_kind(link)} to {link.target} is not in the source",
            source_line=self.context.source_line_of(link.line),
        )

    def changed(self, pairs: list[tuple[Link, Link]]) -> Iterator[Finding]:
        """Changed links of one line of each side are one change (a linked badge replaced:
        its image and its link): one finding, naming the first, with their number."""
        runs: list[list[tuple[Link, Link]]] = []
        for source, translated in pairs:
            if runs and (runs[-1][0][0].line, runs[-1][0][1].line) == (
                source.line,
                translated.line,
            ):
                runs[-1].append((source, translated))
            else:
                runs.append([(source, translated)])
        for run in runs:
            source, translated = run[0]
            more = (
                f" (and {plural(len(run) - 1, 'other link')} of the line)" if len(run) > 1 else ""
            )
            yield self.context.finding(
                CHANGED,
                Severity.WARNING,
                translated.line,
                f"{_kind(translated)} points to"
                f" {around_difference(translated.target, source.target)} where the source"
                f" (line {source.line}) has {around_difference(source.target, translated.target)}"
                f"{more}",
                source_line=source.line,
                count=len(run),
            )

    def anchors_changed(self, pairs: list[tuple[Link, Link]]) -> Finding:
        """The source's links to its own headings (a table of contents) rewritten: one cause,
        so one finding for the file, at the first, with their number."""
        source, translated = pairs[0]
        targets = {link.target for _, link in pairs}
        where = (
            f"all to {translated.target}"
            if len(targets) == 1 and len(pairs) > 1
            else f"the first to {translated.target}"
        )
        return self.context.finding(
            CHANGED,
            Severity.WARNING,
            translated.line,
            f"{plural(len(pairs), 'link')} to the page's own headings (#anchors, a table of"
            f" contents) {'points' if len(pairs) == 1 else 'point'} elsewhere in the"
            f" translation ({where}; the source's first,"
            f" line {source.line}, is {source.target})",
            source_line=source.line,
            count=len(pairs),
        )

    def tracking(self, pairs: list[tuple[Link, Link]]) -> Iterator[Finding]:
        """One finding per distinct difference (`WT.mc_id=x` added, `/en-us/` dropped, ...)."""
        counts: Counter[tuple[bool, str]] = Counter()
        first_line: dict[tuple[bool, str], tuple[int | None, int | None]] = {}
        for source, translated in pairs:
            if source.target == translated.target:
                continue  # as in most pairs: the same marks
            if self.context.source_target(source).kind is not TargetKind.WEB:
                continue
            marks, translated_marks = (
                tracking_marks(source.target),
                tracking_marks(translated.target),
            )
            if marks == translated_marks:
                continue  # as in most pairs: no difference to find
            for difference in _differences(marks, translated_marks):
                counts[difference] += 1
                first_line.setdefault(difference, (translated.line, source.line))
        for (added, mark), number in sorted(counts.items()):
            links = plural(number, "link") + (" (the first here)" if number > 1 else "")
            line, source_line = first_line[(added, mark)]
            yield self.context.finding(
                TRACKING,
                Severity.WARNING,
                line,
                f"{mark} on {links} where the source has none"
                if added
                else f"{mark} missing from {links} where the source has it",
                source_line=source_line,
                count=number,
            )


def _differences(source: frozenset[str], translated: frozenset[str]) -> Iterator[tuple[bool, str]]:
    """(added?, mark) for each tracking parameter, and each locale segment when only one side
    has a locale at all (two different locales are a choice, not a leftover)."""
    for ours, theirs, added in ((translated, source, True), (source, translated, False)):
        params = {mark for mark in ours - theirs if not mark.startswith("/")}
        locales = {mark for mark in ours if mark.startswith("/")}
        if not any(mark.startswith("/") for mark in theirs):
            params |= locales
        for mark in sorted(params):
            yield added, mark


def _kind(link: Link) -> str:
    return "image" if link.image else "link"
