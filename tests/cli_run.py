"""Running the ``thematic`` command line in tests: one helper for every CLI test module."""

from __future__ import annotations

from typer.testing import CliRunner

from thematic.cli import app

runner = CliRunner()


def run(*args: str, ok: bool = True) -> str:
    """Run ``thematic ARGS``; exit code 0 expected, or 1 (one red error line) with ok=False."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == (0 if ok else 1), result.output
    return result.output
