"""Parsing KINDS: typos and unregistered qualifiers stop the run instead of matching nothing."""

from __future__ import annotations

import pytest

from transync.errors import TransyncError
from transync.policy.kinds import known_kinds, parse_kinds


def test_kinds_are_states_severities_checks_and_all() -> None:
    assert {"stale", "missing", "error", "warning", "line-endings", "all"} <= known_kinds()
    assert "current" not in known_kinds()


def test_an_unknown_kind_is_an_error_suggesting_the_nearest_name() -> None:
    with pytest.raises(
        TransyncError, match=r"^--fail-on: unknown kind 'stael' \(did you mean 'stale'\?\)$"
    ):
        parse_kinds(["stale,stael"], "--fail-on")


def test_a_name_near_nothing_lists_every_known_kind() -> None:
    with pytest.raises(
        TransyncError, match=r"unknown kind 'xyzzy' \(known: all, broken-anchor, .*warning\)$"
    ):
        parse_kinds(["xyzzy"], "--warn-on")


def test_findings_of_discovery_are_known_kinds() -> None:
    assert (
        str(parse_kinds(["skipped-path,content-skipped"], "--fail-on"))
        == "skipped-path,content-skipped"
    )


def test_a_qualifier_is_accepted_only_when_registered() -> None:
    with pytest.raises(TransyncError, match=r"unknown qualifier 'missing:prose' .*none yet"):
        parse_kinds(["missing:prose"], "--fail-on")
    table = {"stale": {"prose": lambda problem: True}}
    assert str(parse_kinds(["stale:prose"], "--fail-on", table)) == "stale:prose"


def test_provenance_registers_the_change_kinds_as_qualifiers_of_stale() -> None:
    with pytest.raises(TransyncError, match=r"qualifiers of 'stale': code-only, links-only, prose"):
        parse_kinds(["stale:typo"], "--fail-on")
    assert str(parse_kinds(["stale:prose,stale:table"], "--fail-on")) == "stale:prose,stale:table"


def test_none_means_nothing_and_an_item_naming_no_kind_is_refused() -> None:
    assert str(parse_kinds(["none", "stale,"], "x")) == "stale"
    for empty in ("", " , ", ",,"):
        with pytest.raises(TransyncError, match="names no kind"):
            parse_kinds([empty], "--fail-on")
