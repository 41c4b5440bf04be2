"""Text from a repository made inert for where it goes: one escaper per sink.

A pull request controls every file name, metadata field, commit subject and file content
that transync quotes (docs/robustness.md, "Outputs"). Each sink has its own way to act on
text, so each has its escaper here, and every renderer uses the one for its sink:

- a terminal or a CI log (`printable`, `one_line`): control characters and Unicode line
  breaks shown as escapes, and nothing a GitHub runner takes for a workflow command;
- GitHub's workflow commands (`command_data`, `command_property`), as `@actions/core` does;
- Markdown (`markdown_text`, `markdown_code`): no markup, raw HTML, autolink or @mention
  (addresses and mentions are code spans);
- JSON and XML printed in a CI log (`json_document`, `xml_text`, `xml_document`);
- HTML links (`is_web_url`): only `http` and `https`.
"""

from __future__ import annotations

import re

# Characters that a terminal, a CI log or a rendered page would act on instead of showing:
# C0/C1 controls and Unicode line separators (escape sequences, line breaks that forge log
# lines), lone surrogates (file names that are not valid UTF-8) and the bidirectional
# overrides of "Trojan Source" attacks.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# What a GitHub runner executes in a log line: `::command::` once leading blanks are trimmed
# (a wrapped line can start anywhere), and the older `##[command]` (and Azure's `##vso[`)
# anywhere in a line. Escaped wherever they occur, so no wrapping can make one.
# Each `:` after a `:` and each `[` after `##` gets a backslash (`:\:\:` for `:::`).
_WORKFLOW_COMMAND = re.compile(r"(?<=:):|(?<=##)\[|(?<=##vso)\[", re.IGNORECASE)


def printable(text: str) -> str:
    """Show `text` with every unsafe character as a visible Python-style escape (`\\n`,
    `\\x1b`, `\\udcff`, `\\u202e`), and each `::` or `##[` of a workflow command escaped
    (`:\\:`, `##\\[`), so that names from a repository cannot act on a display or a log."""
    return _escape_command(_UNSAFE.sub(_escape, text))


def _escape_command(text: str) -> str:
    return _WORKFLOW_COMMAND.sub(r"\\\g<0>", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return _NAMED.get(match.group()) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def content_line(line: str) -> str:
    """A line of a repository file shown in a terminal or log (a diff): as `printable`, but
    a tab stays a tab, as in the file."""
    return "\t".join(printable(part) for part in line.split("\t"))


def shown_lines(text: str) -> str:
    """Lines of a file (a diff, a file about to be written) shown in a terminal or a log,
    each as `content_line`."""
    return "\n".join(content_line(line) for line in text.split("\n"))


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """Prose (a finding's message) on one line: line breaks become spaces, the rest as
    `printable`. Names inside messages are quoted with repr, so no name loses a line break."""
    return printable(_LINE_BREAK.sub(" ", text))


# -- GitHub workflow commands ---------------------------------------------------------------


def command_data(text: str) -> str:
    """A workflow command's message, escaped as `@actions/core` does (command.ts), and any
    `::` or `##[` in it escaped as in `printable` (the runner reads the line as the first
    command; another inside its message is still shown as text, not as a command)."""
    escaped = _escape_command(text.replace("%", "%25"))
    return escaped.replace("\r", "%0D").replace("\n", "%0A")


def command_property(text: str) -> str:
    """A property's value (a file name as it is, so that GitHub finds the file): `%`, CR,
    LF, and `:` and `,`, which would end the property."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escaped.replace(":", "%3A").replace(",", "%2C")


# -- Markdown -------------------------------------------------------------------------------

_PUNCTUATION = re.compile(r"([\\`*_\[\]<>&|#!~])")
# What GitHub would link or notify in prose: an address (`https://x`, `www.x`) or what
# follows an `@` (a mention, an e-mail address's domain). Each is shown as a code span, which
# GitHub never links: the text reads and copies exactly. (Trailing punctuation and `|` stay
# outside; a scheme is at most 32 characters, so no run of letters is searched twice.)
_LINKABLE = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]{0,31}+://|\bwww\.|@(?=[\w-]))[^\s|`]*[^\s|`).,;:!?'\"\]]",
    re.IGNORECASE,
)
_BACKTICKS = re.compile("`+")


def markdown_text(text: str) -> str:
    """Prose that renders as itself, on one line: no markup, HTML, link or mention survives."""
    text = one_line(text)
    parts: list[str] = []
    position = 0
    for found in _LINKABLE.finditer(text):
        parts += (
            _PUNCTUATION.sub(r"\\\1", text[position : found.start()]),
            markdown_code(found.group()),
        )
        position = found.end()
    parts.append(_PUNCTUATION.sub(r"\\\1", text[position:]))
    return "".join(parts)


def markdown_code(text: str, *, in_table: bool = False) -> str:
    """A code span showing `text` exactly (backticks included, HTML inert); in a table cell a
    `|` must still be escaped, since GFM splits cells before it reads code spans."""
    text = printable(text)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    # CommonMark strips one space from each end of a code span, unless it is all spaces.
    if text.strip(" ") and (text[:1] in ("`", " ") or text[-1:] in ("`", " ")):
        text = f" {text} "
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"


# -- JSON and XML ---------------------------------------------------------------------------

_OLD_COMMAND = re.compile(r"(##(?:vso)?)\[", re.IGNORECASE)


def json_document(serialised: str) -> str:
    """A JSON document (report, SARIF) that a CI log may show: each `[` of a `##[` inside a
    string written `\\u005b`, which every JSON reader turns back into `[`. (A `::` cannot start
    one of its lines: strings are quoted and their line breaks escaped.)"""
    return _OLD_COMMAND.sub(r"\1\\u005b", serialised)


# Characters XML 1.0 does not allow at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text an XML document can hold: characters XML forbids become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def xml_document(serialised: str) -> str:
    """An XML document that a CI log may show: `::` and `##[` written with character
    references (`:&#58;`, `##&#91;`), which every XML reader turns back into the text."""
    return _OLD_COMMAND.sub(r"\1&#91;", serialised).replace("::", ":&#58;")


# -- HTML links -----------------------------------------------------------------------------


def is_web_url(url: str) -> bool:
    """Whether `url` may be a link: `http` or `https` only (never `javascript:`, `data:`)."""
    scheme, colon, rest = url.partition(":")
    return bool(colon) and scheme.lower() in ("http", "https") and rest.startswith("//")
