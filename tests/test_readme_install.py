"""Every install line of the README works as written: transync is not on PyPI, so each
installs from a clone (a path) or a Git URL, never by a bare package name."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
_INSTALL = re.compile(r"(?:pipx install|uv tool install|pip install)\s+(.*)")


def _install_targets() -> list[str]:
    targets = []
    for block in re.findall(r"```(?:sh|console|bash)\n(.*?)```", README.read_text(), re.S):
        for line in block.splitlines():
            for match in _INSTALL.finditer(line.split("  #")[0]):
                words = [word for word in shlex.split(match.group(1)) if not word.startswith("-")]
                targets.append(words[0].split("&&")[0] if words else "")
    return targets


def test_every_readme_install_line_names_a_clone_or_a_git_url() -> None:
    targets = _install_targets()
    assert len(targets) >= 4
    for target in targets:
        assert target.startswith((".", "/", "git+")), f"installs {target!r} from a registry"


def test_the_readme_demo_ends_with_the_command_to_try_next() -> None:
    text = README.read_text()
    demo = text[: text.index("\n## ")]
    last_block = re.findall(r"```sh\n(.*?)```", demo, re.S)[-1]
    assert "transync todo" in last_block or "transync check" in last_block
