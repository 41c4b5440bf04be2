"""Hostile names: what a pull request can name a file, a folder or a heading.

Reusable by any renderer's tests (the HTML dashboard's included): each name must come out
as visible text, never as markup, script, a link, a terminal escape, a forged log line or
reversed text. FILE_NAMES are legal POSIX file names (no `/`, no NUL); TEXTS may hold
anything a heading or a JSON string can.
"""

from __future__ import annotations

FILE_NAMES: tuple[str, ...] = (
    "<script>alert(1)<script>.md",
    "<img src=x onerror=alert(1)>.md",
    "<svg onload=alert(1)>.md",
    "\"double\" and 'single' quotes.md",
    "a & b &amp; c &lt;.md",
    "[link](javascript:alert(1)).md",
    "[bold]rich markup[.md",
    "`backticks` and ``more``.md",
    "| pipe | cell |.md",
    "*star* _under_ ~strike~ # hash.md",
    "{{ template }} {% raw %}.md",
    "${HOME} $(id) %s %n.md",
    "new\nline.md",
    "carriage\rreturn.md",
    "tab\there.md",
    "\n::error file=README.md::forged CI annotation.md",
    "\x1b[31mred\x1b[0m \x1b]0;title\x07.md",
    "\u202eevil\u202c.txt.md",
    "\u2066isolate\u2069 \u200fmark.md",
    "line\u2028separator.md",
    "emoji 🎉 ✓ ünïcödé 日本語 العربية.md",
    " leading and trailing space .md",
    "-rf --help.md",
    "..md",
    "x" * 240 + ".md",
)

TEXTS: tuple[str, ...] = (
    *FILE_NAMES,
    "<script>alert(1)</script>",
    "\\back\\slash.md",  # legal, but co-op-translator reads a backslash as a separator
    "</code></pre><script>alert(1)</script>",
    "'; DROP TABLE translations; --",
    "# not a heading\n## nor this",
    "path/with/../slashes",
    "\x00nul and \x7f delete",
)

LANGUAGE_FOLDERS: tuple[str, ...] = ("<b>ja", "&lt;i&gt;", "a&b", "\u202eaj", "[red]x", "zh`TW")
