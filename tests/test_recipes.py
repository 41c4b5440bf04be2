"""The workflow recipes are documented: each file under docs/workflows/ is linked from the
README, and each link there leads to a file (actionlint, in .ci/run, checks their content)."""

from __future__ import annotations

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def test_every_recipe_is_linked_from_the_readme_and_every_link_resolves() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((docs/workflows/[^)]+\.yml)\)", readme))
    recipes = {
        path.relative_to(PROJECT).as_posix() for path in PROJECT.glob("docs/workflows/*.yml")
    }
    assert recipes <= linked
    assert all((PROJECT / link).is_file() for link in linked)
