"""Reading git objects without ever fetching one: what a partial clone lacks stays unknown.

A blobless clone (`--filter=blob:none`) has every commit and tree but only the blobs it
checked out; asked for another, git fetches it from the promisor remote, which may be gone,
slow or behind a password prompt. A scan must not wait on that: GIT_NO_LAZY_FETCH (git 2.44)
forbids the fetch, and older git is made to fail it at once, offline, by allowing no
transport. The object is then missing, which history reports as an unknown fact.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

NO_FETCH = {"GIT_NO_LAZY_FETCH": "1", "GIT_TERMINAL_PROMPT": "0"}
NO_TRANSPORT = ("protocol.allow", "never")


class UnreadableObject(Exception):
    """A git object history needs is missing or damaged (a partial clone, a broken mirror)."""


def no_fetch_variables(environment: Mapping[str, str]) -> dict[str, str]:
    """The variables that keep git from fetching: `NO_FETCH`, and `NO_TRANSPORT` as
    environment configuration after any the user already set."""
    try:
        count = int(environment.get("GIT_CONFIG_COUNT", "0"))
    except ValueError:
        count = 0
    key, value = NO_TRANSPORT
    return {
        **NO_FETCH,
        "GIT_CONFIG_COUNT": str(count + 1),
        f"GIT_CONFIG_KEY_{count}": key,
        f"GIT_CONFIG_VALUE_{count}": value,
    }


def no_fetch_environment() -> dict[str, str]:
    """The environment for a git command run by transync: it reads only what is there."""
    return {**os.environ, **no_fetch_variables(os.environ)}
