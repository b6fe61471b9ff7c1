"""What every CLI command shares: finding the study, printing tables and JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

import thematic
from thematic.errors import Invalid

console = Console()
err_console = Console(stderr=True)

JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table.")


@dataclasses.dataclass
class State:
    """Global options, set by the top-level callback."""

    study: str | None = None
    user: str | None = None


state = State()


def study_location() -> str:
    """The study named by --study, $THEMATIC_STUDY, or the only .thematic file here."""
    if state.study:
        return state.study
    if env := os.environ.get("THEMATIC_STUDY"):
        return env
    found = sorted(Path.cwd().glob("*.thematic"))
    if len(found) == 1:
        return str(found[0])
    if not found:
        raise Invalid("no study here: name one with --study FILE (or run 'thematic demo')")
    raise Invalid("several .thematic files here: choose one with --study FILE")


def open_study() -> thematic.Study:
    """Open the study the user named, as the acting user."""
    return thematic.open(study_location(), user=state.user)


def plain(value: Any) -> Any:
    """A JSON-ready form of dataclasses, dates and containers."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON (UTF-8, Urdu kept readable)."""
    typer.echo(json.dumps(plain(value), ensure_ascii=False, indent=2))


def print_table(
    title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = ""
) -> None:
    """Print a Rich table."""
    table = Table(title=title, caption=caption or None, show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if cell is None else escape(str(cell)) for cell in row))
    console.print(table)


def done(message: str) -> None:
    """Print a short green confirmation."""
    console.print(f"[green]{message}[/green]")


def shown(value: Any) -> str:
    """A cell value for tables."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
