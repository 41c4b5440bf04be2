"""Each command's output formats, one registry per command: `--format`'s choices and default,
which formats `--output` may write to a file, and the renderer of each.

A renderer is named by its path ("module:function" under `transync.report`) and imported only
when its format is asked for, so `transync --help` and `status` load no other renderer. It
takes its inputs by parameter name: what the command rendered (`report`, `result`, `work`,
...) and any option of the command's options object (`details`, `null`, ...); a `console`
renderer writes to a rich console instead of returning text. A new format is one module and
one line in its command's registry.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class Format:
    name: str
    renderer: str  # "module:function" under transync.report
    console: bool = False  # writes to a rich console rather than returning its text
    to_file: bool = True  # `--output` may write it to a file
    reads: str = ""  # what the command computes for it, when a command has several inputs

    def render(self, options: object, *, to_terminal: bool = False, **inputs: Any) -> str | None:
        """The output as text; None when it went straight to the terminal (rich, in colour).

        Each of the renderer's parameters comes from `inputs`, else from the attribute of
        `options` of that name, else keeps its default."""
        function = self.load()
        if self.console:
            from transync.report.terminal import Terminal

            if to_terminal:
                function(**_arguments(function, options, inputs, console=Terminal()))
                return None
            buffer = io.StringIO()
            # A file: every line whole (Terminal writes soft-wrapped lines where no tty is).
            console = Terminal(file=buffer, width=100, no_color=True)
            function(**_arguments(function, options, inputs, console=console))
            return buffer.getvalue()
        text: str = function(**_arguments(function, options, inputs))
        return text

    def load(self) -> Callable[..., Any]:
        """The renderer, imported now."""
        module, name = self.renderer.split(":")
        function: Callable[..., Any] = getattr(import_module(f"transync.report.{module}"), name)
        return function


def _arguments(
    function: Callable[..., Any], options: object, inputs: Mapping[str, Any], **given: Any
) -> dict[str, Any]:
    import inspect  # here: `transync --help` builds the registries but renders nothing

    arguments = dict(given)
    for name, parameter in inspect.signature(function).parameters.items():
        if name in arguments:
            continue
        if name in inputs:
            arguments[name] = inputs[name]
        elif hasattr(options, name):
            arguments[name] = getattr(options, name)
        elif parameter.default is inspect.Parameter.empty:
            raise TypeError(f"{function.__qualname__}: nothing gives its {name!r}")
    return arguments


@dataclass(frozen=True)
class Formats:
    """One command's formats; the first is the default."""

    formats: tuple[Format, ...]
    help: str

    @property
    def names(self) -> list[str]:
        return [format_.name for format_ in self.formats]

    @property
    def default(self) -> str:
        return self.formats[0].name

    @property
    def to_file(self) -> list[str]:
        return [format_.name for format_ in self.formats if format_.to_file]

    def __getitem__(self, name: str) -> Format:
        return next(format_ for format_ in self.formats if format_.name == name)


STATUS = Formats(
    (
        Format("table", "table:render", console=True),
        Format("json", "json_report:render"),
        Format("markdown", "markdown:render"),
    ),
    help="Output format; json is the versioned transync.report/1 schema.",
)

CHECK = Formats(
    (
        Format("text", "check_text:render", console=True),
        Format("json", "check_json:render"),
        Format("github", "github:render"),
        Format("sarif", "sarif:render"),
        Format("junit", "junit:render"),
        Format("markdown", "check_markdown:render"),
    ),
    help="github: annotations (+ job summary); sarif: code scanning; junit: test reports.",
)

TODO = Formats(
    (
        Format("text", "todo_text:render", reads="work"),
        Format("list", "todo_list:render", reads="work"),
        Format("markdown", "todo_markdown:render", reads="work"),
        Format("json", "todo_json:render", reads="work"),
        Format("coop-plan", "coop_plan:render", reads="forecast"),
    ),
    help="text: each language's pages, most urgent first, with words to translate;"
    " list: one source path a line, for a translation run; markdown/json: the same as tables;"
    " coop-plan: what co-op-translator's next run translates, in its plan's JSON schema.",
)

TREND = Formats(
    (
        Format("table", "trend_table:render", console=True, to_file=False),
        Format("json", "trend_json:render"),
        Format("svg", "trend_svg:render_trend_svg"),
    ),
    help="json is the transync.history/1 schema (history.json); svg a chart of fresh %.",
)
