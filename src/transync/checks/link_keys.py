"""When a source link and a translation link point to the same thing.

Web links compare by `targets.web_key` (tracking and locale aside). Local links compare by the
repository path they resolve to, each from its own file, after mapping the translation's
legitimate rewrites back: a translated counterpart (`translations/<lang>/x.md`) stands for its
source and a translated image (`translated_images/<lang>/<stem>.<hash>.webp`) for the source
image with that stem. Fragments are left out: translated headings have translated anchors.
"""

from __future__ import annotations

import re

from transync.checks.context import TRANSLATED_IMAGE_FOLDERS, ContentContext
from transync.document import Link
from transync.targets import Target, TargetKind, web_key

_TRANSLATED_IMAGE = re.compile(
    r"^(?P<stem>.+?)\.[0-9a-f]{16,64}(?:\.[A-Za-z]{2,3}(?:-\w+)?)?\.\w+$"
)


def source_key(context: ContentContext, link: Link) -> str:
    target = context.source_target(link)
    if target.kind is TargetKind.LOCAL:
        # The source may link to this language's own counterparts (a languages table).
        target = Target(TargetKind.LOCAL, target.raw, context.untranslated(target.path))
    return _key(target)


def translation_key(context: ContentContext, link: Link) -> str:
    target = context.translation_target(link)
    if target.kind is not TargetKind.LOCAL:
        return _key(target)
    path = target.path
    folder, _, rest = path.partition("/")
    if folder in TRANSLATED_IMAGE_FOLDERS:
        named = _TRANSLATED_IMAGE.match(rest.rsplit("/", 1)[-1])
        path = context.image_sources.get(named.group("stem"), path) if named else path
    else:
        path = context.untranslated(path)
    return _key(Target(TargetKind.LOCAL, target.raw, path))


def _key(target: Target) -> str:
    if target.kind is TargetKind.WEB:
        return "web:" + web_key(target.raw)
    if target.kind is TargetKind.OTHER:
        return "other:" + target.raw.lower()
    return "local:" + target.path
