"""Link targets: what a link points to, resolved to a repository path or normalised as a URL.

Relative targets are percent-decoded and stripped of `?query` and `#fragment` before they are
joined to the linking file's folder, so `my%20file.md?plain=1#intro` names `my file.md`. A
target that climbs above the repository root keeps its `../` (it cannot be checked, but two
such targets still compare equal).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from enum import Enum
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

# Tracking parameters that vendors append to links (Microsoft's WT.mc_id first of all).
_TRACKING = re.compile(r"^(?:wt\.mc_id|utm_[a-z]+|ocid|sharingid|wt\.[a-z_]+)$", re.I)
# A locale path segment such as /en-us/ (learn.microsoft.com redirects without it).
_LOCALE = re.compile(r"^[a-z]{2}-[a-z]{2}$", re.I)
_SHIELDS = "img.shields.io"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class TargetKind(str, Enum):
    WEB = "web"  # http(s) or protocol-relative
    OTHER = "other"  # mailto:, tel:, ... compared as written
    LOCAL = "local"  # a file in the repository, or this document itself


class Target(NamedTuple):
    """What one link points to (a tuple: every link of every pair has one)."""

    kind: TargetKind
    raw: str
    # LOCAL only: the repository-relative path, with `../` kept when it leaves the root.
    path: str = ""
    fragment: str | None = None

    @property
    def inside(self) -> bool:
        return self.kind is TargetKind.LOCAL and not (
            self.path == ".." or self.path.startswith("../")
        )


@lru_cache(maxsize=16384)
def resolve(raw: str, document: str) -> Target:
    """Classify `raw` as written in the repository file `document` (cached: every check asks)."""
    return _located(_as_written(raw), document, posixpath.dirname(document))


def resolve_all(raws: Iterable[str], document: str) -> tuple[Target, ...]:
    """`resolve` of each of a document's links, in order, without keeping them (a translation's
    links are resolved once, and there are more of them than a cache keeps)."""
    folder = posixpath.dirname(document)
    return tuple(_located(_as_written(raw), document, folder) for raw in raws)


def _located(written: Target, document: str, folder: str) -> Target:
    """A target as written (`_as_written`) in `document`, whose folder is `folder`."""
    if written.kind is not TargetKind.LOCAL:
        return written
    path = written.path
    if not path:
        resolved = document
    elif path.startswith("/"):
        resolved = posixpath.normpath(path.lstrip("/") or ".")
    else:  # posixpath.join's result, without its generality (one call per link per pair)
        joined = folder + path if not folder or folder.endswith("/") else f"{folder}/{path}"
        resolved = posixpath.normpath(joined)
    return Target(TargetKind.LOCAL, written.raw, resolved, written.fragment)


@lru_cache(maxsize=16384)
def _as_written(raw: str) -> Target:
    """What `raw` says whatever file it is written in (a link recurs in every language): a web
    or other target, or a local one whose `path` is still relative to its file (percent-decoded,
    without query and fragment; "" for the file itself)."""
    raw = raw.strip()
    if raw.startswith("//") or raw.lower().startswith(("http://", "https://")):
        return Target(TargetKind.WEB, raw)
    if _SCHEME.match(raw):
        return Target(TargetKind.OTHER, raw)
    rest, _, fragment = raw.partition("#")
    path = unquote(rest.partition("?")[0]).replace("\\", "/")
    return Target(TargetKind.LOCAL, raw, path, fragment if "#" in raw else None)


@lru_cache(maxsize=16384)
def readable(raw: str) -> str:
    """A link target as its author wrote it, for messages: a parser percent-encodes what is
    not ASCII (`#%E6%A6%82%E8%A6%81`), the author wrote `#概要`."""
    decoded = unquote(raw)
    return decoded if decoded.isprintable() else raw


@lru_cache(maxsize=16384)  # pure; a course's languages repeat its sources' URLs
def web_key(url: str) -> str:
    """A URL without what does not change the page. Two links with the same key lead to the
    same page; the equivalences (docs/checks.md lists them):

    - the scheme (`http` and `https` on one host), a trailing slash, `www.` aside;
    - tracking parameters and a locale path segment (`/en-us/`);
    - on img.shields.io, a badge's `.svg` suffix and its label (`/badge/<label>-<message>-<colour>`:
      translators translate the label, the badge stays the same).
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[x": not a URL urllib can split; compared as written
        return url.strip()
    segments = [segment for segment in parts.path.split("/") if not _LOCALE.match(segment)]
    path = "/".join(segments).rstrip("/")
    host = parts.netloc.lower().removeprefix("www.")
    if host == _SHIELDS:
        path = _shields_path(path)
    query = _without_tracking(parts.query)
    fragment, _, fragment_query = parts.fragment.partition("?")
    if _without_tracking(fragment_query):
        fragment = parts.fragment
    return f"{host}{path}?{query}#{fragment}"


def _shields_path(path: str) -> str:
    path = path.removesuffix(".svg")
    kind, _, badge = path.lstrip("/").partition("/")
    if kind == "badge" and "-" in badge:
        return f"/badge/{badge.rsplit('-', 1)[1]}"  # the colour: label and message are text
    return path


@lru_cache(maxsize=16384)
def tracking_marks(url: str) -> frozenset[str]:
    """The tracking parameters and locale segments of a URL, as `WT.mc_id=...` and `/en-us/`."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # an invalid IPv6 host, say: no parts to find marks in
        return frozenset()
    marks = {f"/{segment}/" for segment in parts.path.split("/") if _LOCALE.match(segment)}
    for query in (parts.query, parts.fragment.partition("?")[2]):
        marks.update(
            f"{name}={value}" for name, value in _parameters(query) if _TRACKING.match(name)
        )
    return frozenset(marks)


def _without_tracking(query: str) -> str:
    return "&".join(
        f"{name}={value}" for name, value in _parameters(query) if not _TRACKING.match(name)
    )


def _parameters(query: str) -> list[tuple[str, str]]:
    """Query parameters; a second `?` (a tracking parameter appended to a URL that already
    had a query) separates parameters too."""
    return parse_qsl(query.replace("?", "&"), keep_blank_values=True)
