"""The layering rules of docs/architecture.md, checked by import-linter's contracts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_import_layers_hold() -> None:
    command = shutil.which("lint-imports")
    assert command, "import-linter is part of the dev extras: pip install -e '.[dev]'"
    result = subprocess.run(
        [command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout
