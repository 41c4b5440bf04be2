"""Opening git history: a folder outside any work tree costs nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_plain_folder_does_not_even_import_gitpython(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from transync.history.git_log import open_repo; "
        f"print(open_repo(Path({str(tmp_path)!r})), 'git' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["None", "False"]
