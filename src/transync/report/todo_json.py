"""`todo --format json`: the work list as `transync.todo/1` (a public contract, like the
status report: keys are only ever added)."""

from __future__ import annotations

import json

from transync import __version__
from transync.worklist import LanguageWork

SCHEMA = "transync.todo/1"


def render(work: tuple[LanguageWork, ...]) -> str:
    document = {
        "schema": SCHEMA,
        "tool": {"name": "transync", "version": __version__},
        "languages": [
            {
                "language": language.language,
                "files": len(language.items),
                "words": language.words,
                "to_translate": list(language.to_translate),
                "items": [
                    {
                        "source": item.source,
                        "translation": item.translation,
                        "state": item.state.value,
                        "change": item.change,
                        "words": item.words,
                        "days_behind": item.days_behind,
                        "action": item.action,
                        "gutted": item.gutted,
                        "meta": item.meta,
                        "estimate": item.estimate,
                        "basis": item.basis,
                    }
                    for item in language.items
                ],
            }
            for language in work
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
