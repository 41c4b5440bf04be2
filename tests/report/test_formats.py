"""The registry of output formats (`report/formats.py`) is where `--format`'s choices, the
renderers and `--output` come from: these tests hold the command line to it."""

from __future__ import annotations

import inspect
import subprocess
import sys

import click
import pytest

from transync.cli import cli
from transync.commands.badges import BadgesOptions
from transync.commands.check import CheckOptions
from transync.commands.diff import DiffOptions
from transync.commands.init import InitOptions
from transync.commands.migrate import MigrateOptions
from transync.commands.stamp import StampOptions
from transync.commands.status import StatusOptions
from transync.commands.todo import TodoOptions
from transync.commands.trend import TrendOptions
from transync.commands.writing import SelectionOptions
from transync.report import formats
from transync.report.formats import Format, Formats

# What each command hands its renderers besides its options object.
COMMANDS: dict[str, tuple[Formats, type, set[str]]] = {
    "status": (formats.STATUS, StatusOptions, {"report"}),
    "check": (formats.CHECK, CheckOptions, {"result"}),
    "todo": (
        formats.TODO,
        TodoOptions,
        {"root", "work", "entries", "forecast", "source", "output", "exclude"},
    ),
    "trend": (formats.TREND, TrendOptions, {"points"}),
}


def _format_option(command: str) -> click.Option:
    parameters = cli.commands[command].params
    return next(p for p in parameters if isinstance(p, click.Option) and p.name == "output_format")


@pytest.mark.parametrize("command", COMMANDS)
def test_format_choices_and_default_are_the_registry_s(command: str) -> None:
    registry = COMMANDS[command][0]
    option = _format_option(command)
    assert isinstance(option.type, click.Choice)
    assert list(option.type.choices) == registry.names
    assert option.default == registry.default


@pytest.mark.parametrize(
    ("command", "format_"),
    [
        (command, format_)
        for command, (registry, _, _) in COMMANDS.items()
        for format_ in registry.formats
    ],
)
def test_every_renderer_gets_each_input_it_has_no_default_for(
    command: str, format_: Format
) -> None:
    _, options, given = COMMANDS[command]
    function = format_.load()
    fields = {name for name, _ in inspect.getmembers(options)} | set(options.__dataclass_fields__)
    supplied = given | fields | ({"console"} if format_.console else set())
    needed = {
        name
        for name, parameter in inspect.signature(function).parameters.items()
        if parameter.default is inspect.Parameter.empty
    }
    assert needed <= supplied


def test_options_objects_have_a_field_for_each_click_parameter() -> None:
    options_of = {command: options for command, (_, options, _) in COMMANDS.items()}
    options_of |= {
        "diff": DiffOptions,
        "badges": BadgesOptions,
        "init": InitOptions,
        "port": SelectionOptions,
        "relocate": SelectionOptions,
        "prune": SelectionOptions,
        "migrate": MigrateOptions,
    }
    for command, options in options_of.items():
        names = {parameter.name for parameter in cli.commands[command].params}
        assert names == set(options.__dataclass_fields__), command
    # stamp has no --allow-dirty (it only writes records); its options keep the field unset
    stamp = {parameter.name for parameter in cli.commands["stamp"].params}
    assert stamp == set(StampOptions.__dataclass_fields__) - {"allow_dirty"}


def test_help_and_the_command_line_import_no_renderer() -> None:
    code = (
        "import sys; from transync.cli import cli; "
        "print(sorted(m for m in sys.modules if m.startswith('transync.report.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "['transync.report.formats']"
