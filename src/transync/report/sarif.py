"""`check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One rule per kind (state or check) that occurs, with help text; one result per failure,
warning or baselined problem. `partialFingerprints` carries the problem's stable key (kind,
language, path, message; no line numbers), so code scanning recognises the same problem across
runs even when lines move. Baselined problems are reported as suppressed.
"""

from __future__ import annotations

import json
import sys
from typing import Any
from urllib.parse import quote

from transync import __version__
from transync.checks.registry import CHECKS_BY_NAME
from transync.inert import json_document
from transync.model import State
from transync.policy.evaluate import CheckResult
from transync.policy.problems import Outcome, Verdict
from transync.report.locations import checkout_path, shown_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/transync/transync"
FINGERPRINT = "transync/v1"

_LEVELS = {Outcome.FAIL: "error", Outcome.WARN: "warning", Outcome.BASELINED: "note"}
_STATE_HELP = {
    State.STALE: "The source changed after this translation was made (its stored hash no longer"
    " matches the source). Re-run co-op-translator for this file, or review the change.",
    State.MISSING: "A source file has no translation in this language. Translate it, or exclude"
    " the source.",
    State.ORPHAN: "The translation's source no longer exists (deleted or moved). Delete the"
    " translation, or fix its `source_file`.",
    State.UNTRACKED: "A file in a translation folder carries no co-op-translator metadata: it"
    " may be hand-written, or its metadata was lost.",
    State.INVALID_METADATA: "The translation's metadata cannot be used (malformed JSON, missing"
    " fields, or a `source_file` outside the repository).",
    State.FAILED: "co-op-translator's last attempt to translate the current source failed; the"
    " file still holds an older translation.",
}


def render(result: CheckResult) -> str:
    verdicts = [verdict for verdict in result.verdicts if verdict.outcome in _LEVELS]
    kinds = list(dict.fromkeys(verdict.problem.kind for verdict in verdicts))
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "transync",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(kind) for kind in kinds],
                    }
                },
                "results": [
                    _result(verdict, kinds.index(verdict.problem.kind), result)
                    for verdict in verdicts
                ],
                "properties": {"passed": result.passed, "failedBy": list(result.failed_by)},
            }
        ],
    }
    return json_document(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def help_text(kind: str) -> str:
    """States have fixed help; a check's help is the first paragraph of its module's doc."""
    if kind in {state.value for state in _STATE_HELP}:
        return _STATE_HELP[State(kind)]
    check = CHECKS_BY_NAME.get(kind)
    module = sys.modules.get(check.__module__) if check else None
    if module and module.__doc__:
        return " ".join(module.__doc__.strip().split("\n\n", 1)[0].split())
    return f"A finding of transync's `{kind}` check."


def _rule(kind: str) -> dict[str, Any]:
    text = help_text(kind)
    return {
        "id": kind,
        "name": "".join(part.capitalize() for part in kind.split("-")),
        "shortDescription": {"text": f"transync: {kind}"},
        "fullDescription": {"text": text},
        "help": {"text": text},
    }


def _language_prefix(language: str | None) -> str:
    return f"[{language}] " if language else ""


def _result(verdict: Verdict, index: int, result: CheckResult) -> dict[str, Any]:
    problem = verdict.problem
    region = {"region": {"startLine": problem.line}} if problem.line else {}
    sarif: dict[str, Any] = {
        "ruleId": problem.kind,
        "ruleIndex": index,
        "level": _LEVELS[verdict.outcome],
        # Code scanning lists results by file and message: a missing translation is shown on
        # its source, so the message names the language or forty results would read alike.
        "message": {"text": _language_prefix(problem.language) + verdict.explained},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": _uri(checkout_path(result.report.root, shown_path(problem))),
                        "uriBaseId": "%SRCROOT%",
                    },
                    **region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: problem.key},
        "properties": {"language": problem.language, "outcome": verdict.outcome.value},
    }
    if result.baseline is not None:
        sarif["baselineState"] = "unchanged" if verdict.outcome is Outcome.BASELINED else "new"
    if verdict.outcome is Outcome.BASELINED:
        sarif["suppressions"] = [{"kind": "external", "justification": "in the transync baseline"}]
    return sarif


def _uri(path: str) -> str:
    """Percent-encode a path; a file name that is not UTF-8 (lone surrogates from the file
    system) is encoded as its own bytes, as a URI for that file must be."""
    try:
        return quote(path, errors="surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system produced: from metadata JSON
        return quote(path, errors="backslashreplace")
