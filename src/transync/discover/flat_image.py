"""Legacy flat image names: `translated_images/<stem>.<hash>.<lang>.<ext>`.

Before per-language image folders, co-op-translator kept no metadata for a translated image:
its name was the record. The hash in it is the SHA-256 of the source image's path in the
repository (`cover.eb18d1b9....ar.png` is the Arabic `imgs/cover.png`, on real courses), so
the source is found exactly; how fresh the image is cannot be (nothing recorded the source's
content), which is why these images are `untracked`. A name's language part is trusted only
where it is a language folder's code (`transync.discover`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_FLAT_IMAGE = re.compile(
    r"^(?P<stem>.+?)\.(?P<digest>[0-9a-f]{16,64})"
    r"\.(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)(?P<suffix>\.\w+)$"
)


@dataclass(frozen=True)
class FlatImageName:
    stem: str
    digest: str
    language: str
    suffix: str

    @property
    def source_name(self) -> str:
        """The file name of the source image (`cover.png`)."""
        return f"{self.stem}{self.suffix}"

    def made_from(self, source: str) -> bool:
        """Whether `source` (a repository path) is the image this name was made from."""
        return hashlib.sha256(source.encode()).hexdigest().startswith(self.digest)


def read_flat_image_name(name: str) -> FlatImageName | None:
    """The parts of a legacy flat image name, or None when `name` has not that shape (no
    hash, no language part). The language part is only a name's claim: discovery accepts it
    when a language folder has that code (a capitalised `Ko`, a cut-off `ed` are none)."""
    found = _FLAT_IMAGE.match(name)
    if found is None:
        return None
    return FlatImageName(**found.groupdict())
