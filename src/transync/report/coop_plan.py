"""`todo --format coop-plan`: the forecast in co-op-translator's own plan schema
(`co-op.translation.plan.v1`, as its `translate --dry-run --plan-json` writes it), so that
whatever reads its plan reads ours. The lists hold what its run will really do; each item adds
its `reason`, and the `transync` key adds the figures per language and the pages co-op-
translator's own plan lists otherwise. Serialised as co-op-translator does (sorted keys).
"""

from __future__ import annotations

import json

from transync import __version__
from transync.coop.forecast import Forecast, PagePlan
from transync.coop.page import Bucket

SCHEMA = "co-op.translation.plan.v1"


def render(forecast: Forecast, source: str, output: str, exclude: tuple[str, ...]) -> str:
    """`source` and `output` are the absolute roots co-op-translator would be run with."""
    buckets: dict[Bucket, list[dict[str, str]]] = {bucket: [] for bucket in Bucket}
    for language in forecast.languages:
        for page in language.pages:
            if page.only_in_plan:
                continue
            item = {"file": page.file, "language": language.language}
            if page.reason is not None:
                item["reason"] = page.reason.value
            buckets[page.run_bucket].append(item)
    for items in buckets.values():
        items.sort(key=lambda item: (item["file"].split("/"), _order(forecast, item["language"])))
    document: dict[str, object] = {
        "schema": SCHEMA,
        "source": source,
        "output": output,
        "include": [],
        "exclude": list(exclude),
        "languages": [language.language for language in forecast.languages],
        **{bucket.value: items for bucket, items in buckets.items()},
        "estimated_words": forecast.words,
        "estimated_tokens": forecast.tokens,
        "api_required": bool(buckets[Bucket.NEW] or buckets[Bucket.OUTDATED]),
        "transync": {
            "version": __version__,
            "coop_translator_version": forecast.version,
            "tokenizer": forecast.tokenizer,
            "languages": [
                {
                    "language": language.language,
                    "folder": language.folder,
                    "renamed_from": language.renamed_from,
                    "files": len(language.to_translate),
                    "words": language.words,
                    "tokens": language.tokens,
                    "coop_plan": {
                        "new_files": _count(language.pages, Bucket.NEW),
                        "outdated_files": _count(language.pages, Bucket.OUTDATED),
                        "current_files": _count(language.pages, Bucket.CURRENT),
                        "tokens_listed": language.plan_tokens,
                        "estimated_tokens": language.estimated_tokens,
                        "estimated_words": language.estimated_words,
                    },
                }
                for language in forecast.languages
            ],
            "coop_plan_disagrees": [
                {
                    "file": page.file,
                    "language": language.language,
                    "coop_plan_lists": page.decision.bucket.value,
                    "run": page.reason.value if page.reason else "current",
                    "tokens": page.tokens,
                }
                for language in forecast.languages
                for page in language.disagreements
            ],
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _count(pages: tuple[PagePlan, ...], bucket: Bucket) -> int:
    return sum(1 for page in pages if page.decision.bucket is bucket)


def _order(forecast: Forecast, language: str) -> int:
    codes = [plan.language for plan in forecast.languages]
    return codes.index(language)
