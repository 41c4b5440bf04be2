"""Language codes: co-op-translator's old short codes and their BCP-47 names."""

from __future__ import annotations

import re
from functools import lru_cache

# co-op-translator's ALIAS_TO_BCP47: folders were renamed, metadata often kept the old code.
ALIASES = {
    "br": "pt-BR",
    "pt": "pt-PT",
    "tw": "zh-TW",
    "zh": "zh-CN",
    "cn": "zh-CN",
    "hk": "zh-HK",
    "mo": "zh-MO",
    "jp": "ja",
    "kr": "ko",
}


# Languages written largely with English words (Nigerian Pidgin): English sentences left as
# they are may be the translation (see `checks.untranslated`).
ENGLISH_BASED = frozenset({"pcm"})

# The languages co-op-translator translates into (its folder codes, old short aliases aside),
# by which a legacy flat image name `<name>.<hash>.<lang>.png` tells its language.
# fmt: off
COOP_LANGUAGES = frozenset({
    "ar", "bg", "bn", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "he", "hi", "hr",
    "hu", "id", "it", "ja", "kn", "ko", "lt", "ml", "mni", "mr", "ms", "my", "ne", "nl", "no",
    "or", "pa", "pcm", "pl", "pt-BR", "pt-PT", "ro", "ru", "sk", "sl", "sr", "sv", "sw", "ta",
    "te", "th", "tl", "tr", "uk", "ur", "vi", "zh-CN", "zh-HK", "zh-MO", "zh-TW",
})
# fmt: on


@lru_cache(maxsize=1024)  # called twice per translated file, with a few dozen distinct codes
def canonical(code: str) -> str:
    """`br` -> `pt-BR`, `zh_tw` -> `zh-TW`, `sr-cyrl` -> `sr-Cyrl`: one spelling per language."""
    code = code.strip()
    alias = ALIASES.get(code.lower())
    if alias:
        return alias
    parts = code.replace("_", "-").split("-")
    subtags = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2:
            subtags.append(part.upper())
        elif len(part) == 4:
            subtags.append(part.title())
        else:
            subtags.append(part.lower())
    return "-".join(subtags)


@lru_cache(maxsize=1024)
def language_name(code: str) -> str:
    """The English name of a language folder's code (`pt-BR` -> "Portuguese (Brazil)") when
    Babel knows it, else the code itself: a name is a nicety, never a reason to fail."""
    try:
        from babel import Locale  # type: ignore[import-not-found, unused-ignore]

        name = Locale.parse(canonical(code), sep="-").get_display_name("en")
    except Exception:  # Babel absent, or a code it does not know: show the code
        return code
    return str(name) if name else code


_TWO_LETTER_CODE = re.compile(r"^[a-z]{2}(?:-[A-Z]{2}|-[A-Z][a-z]{3}|-[0-9]{3})?$")


@lru_cache(maxsize=1024)
def looks_like_language(name: str) -> bool:
    """Whether a folder name beside others (`docs/fr/` beside `docs/en/`, `docs/images/`) is a
    language: a code co-op-translator uses, a two-letter ISO 639-1 code (with a region or
    script), or one Babel knows."""
    code = canonical(name)
    if code in COOP_LANGUAGES or name.lower() in ALIASES or _TWO_LETTER_CODE.match(code):
        return True
    return language_name(name) != name
