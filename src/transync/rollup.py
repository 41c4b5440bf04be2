"""Roll-ups: the same defect in forty languages is one thing to fix, so it is one group.

A content check compares each translation with its source, so a fault that co-op-translator
makes the same way in every language (a table-of-contents anchor rewritten, a heading dropped
at the same place) comes back once per language. This stage gathers the findings of a report
into `FindingGroup`s: one per check, severity, place in the source and message, naming the
languages that have it. It runs after the checks and history, before any renderer, so that
every output shows the same groups and none of them computes its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from transync.model import LANG_PLACEHOLDER, Finding, FindingGroup, Severity, TranslationEntry

_NUMBERS = re.compile(r"\d+")
# One thing said about one language, for `by_cause`: (language or None, what is said).
Said = tuple[str | None, str]
SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}  # errors first

# A group's identity: check, severity, source, source line and the message (its shape, when
# the source line already pins the place down; see `finding_key`).
FindingKey = tuple[str, Severity, str, int, str]


@dataclass(frozen=True)
class Sources:
    """Which source each translated file translates, and how many languages translate each."""

    of_translation: Mapping[str, str]
    languages: Mapping[str, int]

    @classmethod
    def of(cls, entries: Iterable[TranslationEntry]) -> Sources:
        of_translation: dict[str, str] = {}
        languages: dict[str, set[str]] = {}
        for entry in entries:
            of_translation[entry.translation] = entry.source
            languages.setdefault(entry.source, set()).add(entry.language)
        return cls(of_translation, {source: len(codes) for source, codes in languages.items()})

    def source_of(self, finding: Finding) -> str:
        """The source a finding is about: its own `source`, else the source its file translates
        (a finding on a source itself, such as a broken link every language inherits, is its
        own source)."""
        if finding.source is not None:
            return finding.source
        return self.of_translation.get(finding.path, finding.path)


def finding_key(finding: Finding, sources: Sources) -> FindingKey:
    """What makes two findings the same defect, whatever language they are in.

    A message naming the translation's own path (`translations/ar/...`) is read with the
    language folder left out. With a source line the place is exact, so numbers in the message
    (a translation's own line, a count that differs by a row) do not split the group either;
    without one the numbers must match, since they may be all that tells two places apart.
    """
    message = language_neutral(finding)
    if finding.source_line is not None:
        message = _NUMBERS.sub("#", message)
    return (
        finding.check,
        finding.severity,
        sources.source_of(finding),
        finding.source_line or 0,
        message,
    )


# The same difference at the same place in more than this share of a source's languages (and in
# at least `_FEW` of them) is the source's: its construct is what the translations part from.
_MOST = 0.5
_FEW = 3


def on_sources(
    findings: Iterable[Finding],
    entries: Iterable[TranslationEntry],
    comparisons: frozenset[str],
) -> list[Finding]:
    """Content findings with the source's faults reported once, on the source.

    A check that sees the source's own fault (a broken link the source has too, an all-blank
    table row) places its finding on the source, once per language compared: one remains,
    naming how many languages show it. And a difference that most of a source's languages
    have the same way at the same place (`comparisons`: the checks that find a construct
    lost) has one cause: the source's construct (a paragraph indented into a code block that
    every translation renders as text) or the translating tool, never forty translators. One
    finding on the source, a warning (a note stays a note), naming the number of languages.
    """
    findings = list(findings)
    sources = Sources.of(entries)
    inherited = Counter(finding for finding in findings if finding.language is None)
    groups: dict[FindingKey, list[Finding]] = {}
    for finding in findings:
        if finding.language is not None and finding.check in comparisons:
            groups.setdefault(finding_key(finding, sources), []).append(finding)
    shared: dict[Finding, Finding] = {}  # each member -> the source's finding for them all
    for members in groups.values():
        first = members[0]
        source = sources.source_of(first)
        languages = len({finding.language for finding in members})
        # One construct (a run of lost links is lost text, which a translating tool can
        # lose the same way everywhere: its own fault).
        alone = all(finding.count == 1 for finding in members)
        if alone and languages >= _FEW and languages > sources.languages.get(source, 0) * _MOST:
            fault = Finding(
                first.check,
                Severity.NOTE if first.severity is Severity.NOTE else Severity.WARNING,
                source,
                shared_message(map(language_neutral, members))
                + f" (in {languages} of {sources.languages[source]} languages, the same way:"
                " one cause, the source's construct here or the translating tool; reported"
                " once, on the source)",
                None,
                first.source_line,
                source=source,
                source_line=first.source_line,
            )
            shared.update((member, fault) for member in members)
    kept: list[Finding] = []
    for finding in findings:
        if finding.language is None:
            languages = inherited.pop(finding, 0)
            if languages:
                kept.append(_on_source(finding, inherited_by=languages, of=sources))
        elif finding in shared:
            kept.append(shared[finding])
        else:
            kept.append(finding)
    return list(dict.fromkeys(kept))


def _on_source(finding: Finding, *, inherited_by: int, of: Sources) -> Finding:
    """A source's own fault, once, saying in how many of its languages it shows."""
    total = of.languages.get(of.source_of(finding), inherited_by)
    return replace(
        finding,
        message=f"{finding.message} (reported once, on the source; in {inherited_by} of"
        f" {total} languages)",
    )


def group_findings(
    findings: Iterable[Finding], entries: Iterable[TranslationEntry]
) -> tuple[FindingGroup, ...]:
    """The report's findings as roll-ups, the most important first.

    Most important means: errors before warnings before notes, then the groups that reach
    the most languages, then the most occurrences; ties in source order, so two runs agree.
    """
    sources = Sources.of(entries)
    members: dict[FindingKey, list[Finding]] = {}
    for finding in findings:
        members.setdefault(finding_key(finding, sources), []).append(finding)
    groups = [_group(instances, sources) for instances in members.values()]
    return tuple(sorted(groups, key=importance))


def by_file(groups: Iterable[FindingGroup]) -> tuple[FindingGroup, ...]:
    """The groups of one check in one source that reach the same languages, as one: a
    translation cut short loses every link after the cut, one fix for them all. What the
    default views list; the groups themselves stay whole in the report and its JSON."""
    in_file: dict[tuple[object, ...], list[FindingGroup]] = {}
    for group in groups:
        key = (group.check, group.severity, group.source, group.languages)
        in_file.setdefault(key, []).append(group)
    return tuple(sorted(map(_one_file, in_file.values()), key=importance))


def _one_file(members: list[FindingGroup]) -> FindingGroup:
    if len(members) == 1:
        return members[0]
    ordered = sorted(members, key=lambda group: (group.source_line or 0, group.message))
    return replace(
        ordered[0],
        message=places_message(len(ordered), ordered[0].message),
        count=sum(group.count for group in ordered),
        instances=tuple(finding for group in ordered for finding in group.instances),
    )


def places_message(places: int, first: str) -> str:
    """The message of several places rolled into one: the first place speaks for them."""
    return f"{places} places, the first: {first}"


def importance(group: FindingGroup) -> tuple[int, int, int, str, int, str]:
    return (
        SEVERITY_RANK[group.severity],
        -len(group.languages),
        -group.count,
        group.source or "",
        group.source_line or 0,
        group.check,
    )


def _group(instances: list[Finding], sources: Sources) -> FindingGroup:
    ordered = tuple(
        sorted(instances, key=lambda f: (f.language or "", f.path, f.line or 0, f.message))
    )
    first = ordered[0]
    source = sources.source_of(first)
    languages = tuple(sorted({f.language for f in ordered if f.language is not None}))
    return FindingGroup(
        check=first.check,
        severity=first.severity,
        message=shared_message(map(language_neutral, ordered)),
        source=source,
        source_line=first.source_line,
        languages=languages,
        of_languages=sources.languages.get(source, len(languages)),
        count=sum(f.count for f in ordered),
        instances=ordered,
    )


def language_neutral(finding: Finding) -> str:
    """The message with the finding's language folder as `<lang>`: the same words in every
    language (`translations/<lang>/lessons/31/README.md does not exist`)."""
    if finding.language is None:
        return finding.message
    return finding.message.replace(f"/{finding.language}/", f"/{LANG_PLACEHOLDER}/")


def shared_message(messages: Iterable[str]) -> str:
    """The message most instances carry (the first language's, on a tie): one true sentence
    for the group, where the instances may differ only in numbers."""
    tally = Counter(messages)
    return max(tally, key=lambda message: tally[message])


def by_cause(said: Iterable[Said]) -> list[tuple[str, tuple[str, ...]]]:
    """The same sentence said for many languages, once, with its languages, in first-seen
    order. A sentence's own language folder (`translations/ar/x.md`) reads as `<lang>`, so
    that it matches across languages; said of no language, it stays on its own."""
    languages: dict[str, list[str]] = {}
    first: dict[str, str] = {}
    for language, sentence in said:
        if language is None:
            languages.setdefault(sentence, [])
            continue
        key = sentence.replace(f"/{language}/", f"/{LANG_PLACEHOLDER}/")
        languages.setdefault(key, []).append(language)
        first.setdefault(key, sentence)
    # Said of one language, the sentence as it was (its own folder, not `<lang>`).
    return [
        (first[key] if len(codes) == 1 else key, tuple(codes)) for key, codes in languages.items()
    ]
