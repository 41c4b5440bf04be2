"""Where a problem is shown in CI: the same file and line for annotations, SARIF and JUnit.

A missing translation has no file to point at, so it is shown on its source. Paths are made
relative to the repository checkout (the scan root joined on), as CI tools expect.
"""

from __future__ import annotations

import posixpath

from transync.model import State
from transync.policy.problems import Problem


def shown_path(problem: Problem) -> str:
    entry = problem.entry
    if entry is not None and entry.state is State.MISSING:
        return entry.source
    return problem.path


def checkout_path(root: str, path: str) -> str:
    """`path` (relative to the scan root) relative to the checkout, when the root is relative."""
    if root in ("", ".") or posixpath.isabs(root):
        return path
    return posixpath.normpath(posixpath.join(root.replace("\\", "/"), path))


def where(root: str, problem: Problem) -> str:
    """`path:line` for humans."""
    path = checkout_path(root, shown_path(problem))
    return f"{path}:{problem.line}" if problem.line else path
