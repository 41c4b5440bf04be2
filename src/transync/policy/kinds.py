"""KINDS: the words `--fail-on` and `--warn-on` take, and the matcher they become.

A kind is a state (`stale`), a check name (`broken-link`), a severity (`error` matches every
state and finding of that severity), `all`, or `none`. A kind may be qualified,
`stale:prose`: the qualifier is looked up in a predicate table, so that a later stage (git
provenance, which classifies what changed in a source) can add qualifiers by extending the
table without the policy changing. A qualifier nobody registered is an error: a gate that
silently matches nothing would pass every build. A kind transync does not know is only a
warning, because checks are not all registered in one place (content checks, findings of
discovery) and a policy must be able to name them; the warning still shows a typo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from transync.checks import BOOKKEEPING_CHECKS, CONTENT_SKIPPED
from transync.checks.names import CONTENT_CHECK_NAMES
from transync.discover import SKIPPED_PATH, UNKNOWN_IMAGE_LANGUAGE
from transync.errors import TransyncError, suggestion
from transync.history import HISTORY_UNKNOWN
from transync.history.policy import STALE_QUALIFIERS, EntryTest
from transync.model import Severity, State
from transync.policy.problems import Problem

Qualifier = Callable[[Problem], bool]


def _on_entry(test: EntryTest) -> Qualifier:
    return lambda problem: problem.entry is not None and test(problem.entry)


# kind -> qualifier -> predicate: git provenance's change kinds qualify `stale`.
QUALIFIERS: Mapping[str, Mapping[str, Qualifier]] = {
    State.STALE.value: {name: _on_entry(test) for name, test in STALE_QUALIFIERS.items()}
}

ALL = "all"
NONE = "none"
SEVERITIES = frozenset(severity.value for severity in Severity)
STATES = frozenset(state.value for state in State if state.severity is not None)


def known_checks() -> frozenset[str]:
    """Every check name a finding may carry: the registered checks and discovery's own."""
    return frozenset({*BOOKKEEPING_CHECKS, *CONTENT_CHECK_NAMES}) | {
        SKIPPED_PATH,
        UNKNOWN_IMAGE_LANGUAGE,
        CONTENT_SKIPPED,
        HISTORY_UNKNOWN,
    }


def known_kinds() -> frozenset[str]:
    """Every unqualified kind a rule may name: states, severities and registered checks."""
    return STATES | SEVERITIES | known_checks() | {ALL}


def require_known(name: str, names: frozenset[str], where: str, what: str = "kind") -> None:
    """Stop the run on a name transync does not know, with the nearest one it does."""
    if name not in names:
        raise TransyncError(f"{where}: unknown {what} {name!r} ({suggestion(name, names)})")


@dataclass(frozen=True)
class KindPattern:
    kind: str
    qualifier: str | None = None

    def __str__(self) -> str:
        return f"{self.kind}:{self.qualifier}" if self.qualifier else self.kind


@dataclass(frozen=True)
class KindMatcher:
    """A parsed list of kinds; `matches` says whether a problem is named by any of them."""

    patterns: tuple[KindPattern, ...]
    qualifiers: Mapping[str, Mapping[str, Qualifier]]

    def matches(self, problem: Problem) -> bool:
        return any(self._one(pattern, problem) for pattern in self.patterns)

    def _one(self, pattern: KindPattern, problem: Problem) -> bool:
        if pattern.kind == ALL:
            named = True
        elif pattern.kind in SEVERITIES:
            named = problem.severity.value == pattern.kind
        else:
            named = problem.kind == pattern.kind
        if not named or pattern.qualifier is None:
            return named
        return self.qualifiers[pattern.kind][pattern.qualifier](problem)

    def __str__(self) -> str:
        return ",".join(map(str, self.patterns)) or NONE


def parse_kinds(
    items: Iterable[str],
    where: str,
    qualifiers: Mapping[str, Mapping[str, Qualifier]] | None = None,
    known: frozenset[str] | None = None,
) -> KindMatcher:
    """Parse kinds given as a list and/or comma-separated (`stale,missing`); `where` names the
    flag or config key in errors."""
    table = QUALIFIERS if qualifiers is None else qualifiers
    names = known_kinds() if known is None else known
    patterns: list[KindPattern] = []
    for item in items:
        words = [part.strip() for part in item.split(",")]
        if not any(words):
            # `--fail-on ""` would fail on nothing, like `none`, but by accident.
            raise TransyncError(f"{where}: {item!r} names no kind (write 'none' to fail on none)")
        for word in words:
            if not word or word == NONE:
                continue
            kind, _, qualifier = word.partition(":")
            require_known(kind, names | {NONE}, where)
            if qualifier and qualifier not in table.get(kind, {}):
                offered = ", ".join(sorted(table.get(kind, {}))) or "none yet"
                raise TransyncError(
                    f"{where}: unknown qualifier {word!r} (qualifiers of {kind!r}: {offered})"
                )
            patterns.append(KindPattern(kind, qualifier or None))
    return KindMatcher(tuple(patterns), table)
