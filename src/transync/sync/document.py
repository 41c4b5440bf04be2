"""A translated page as text, and back to bytes exactly as it was stored.

Edits are made on LF text; the page's byte order mark and line endings (CRLF or LF) are put
back when it is written, so that a one-link fix does not rewrite every line of a CRLF file.
"""

from __future__ import annotations

from dataclasses import dataclass

_BOM = "\ufeff"


@dataclass(frozen=True)
class Page:
    text: str
    newline: str
    bom: bool

    def encode(self, text: str) -> bytes:
        """`text` (LF) in this page's encoding and line endings."""
        body = text.replace("\n", self.newline) if self.newline != "\n" else text
        return ((_BOM if self.bom else "") + body).encode("utf-8")


def read_page(data: bytes) -> Page | None:
    """The page's LF text; None when it is not UTF-8 (transync does not rewrite it)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    bom = text.startswith(_BOM)
    if bom:
        text = text[1:]
    newline = "\r\n" if "\r\n" in text else "\n"
    return Page(text.replace("\r\n", "\n"), newline, bom)
