"""co-op-translator's own rules, one module per modelled version, and the forecast built on them.

transync reads metadata its own way (every form co-op-translator ever wrote). To say what
co-op-translator's next `translate -l LANGS` will do, and what its `--dry-run --plan-json`
will claim, we model that tool's decisions as it makes them, quirks included, version by
version. Each `rules_<version>.py` implements the `Rules` protocol (`coop.page`); add a
version by writing its module and naming it in `MODELLED`.
"""

from __future__ import annotations

import importlib
from typing import cast

from transync.coop.page import Rules
from transync.errors import TransyncError

# co-op-translator version -> the module that models its rules.
MODELLED = {"0.23.2": "transync.coop.rules_0_23_2"}
DEFAULT_VERSION = "0.23.2"


def rules_for(version: str) -> Rules:
    module = MODELLED.get(version)
    if module is None:
        known = ", ".join(sorted(MODELLED))
        raise TransyncError(
            f"co-op-translator {version}: its rules are not modelled (known: {known})"
        )
    return cast(Rules, importlib.import_module(module))
