"""Legacy flat image translations (`translated_images/<name>.<hash>.<lang>.png`), which
co-op-translator kept no metadata for: each is untracked, its language and source read from
its name."""

from __future__ import annotations

from transync.discover import IMAGES_LAYOUT, FlatImage
from transync.model import Kind, LanguageFolder, State, TranslationEntry


def flat_image_entry(image: FlatImage) -> TranslationEntry:
    """A legacy flat image translation: co-op-translator kept no metadata for these, so it is
    untracked; its source is the image whose path its name was made from."""
    language = image.name.language
    found = image.source is not None
    return TranslationEntry(
        language=language,
        state=State.UNTRACKED,
        kind=Kind.IMAGE,
        source=image.source if image.source is not None else image.name.source_name,
        translation=image.path,
        folder=LanguageFolder(IMAGES_LAYOUT, language, IMAGES_LAYOUT.translation_root(language)),
        note=(
            "legacy flat image name (language and source read from the name); no metadata"
            " to judge its freshness by"
            if found
            else "legacy flat image name; no file in the repository has the path it was made"
            " from (moved or deleted?)"
        ),
    )
