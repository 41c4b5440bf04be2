"""Human names of language codes, from the Unicode CLDR data that Babel ships.

Folder names are read as transync reads them everywhere (`languages.canonical`): co-op-translator's
old short codes mean its languages, so `tw` is Traditional Chinese (Taiwan) and `br` Brazilian
Portuguese, not Twi and Breton as CLDR would say. A code CLDR does not know keeps no name: the
page shows the code alone rather than a guess.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from transync.languages import ALIASES, canonical


@lru_cache(maxsize=256)
def language_name(code: str) -> str | None:
    """`pt-BR` -> `Portuguese (Brazil)`, `pcm` -> `Nigerian Pidgin`, `xx` -> None."""
    tag = canonical(code) if code.lower() in ALIASES else code
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    name = locale.get_display_name("en")
    return str(name) if name else None
