"""What every CLI command shares: finding the study, printing tables and JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
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
    passphrase: str | None = None


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


def interactive() -> bool:
    """True when a person at a terminal can answer a prompt."""
    return sys.stdin.isatty()


def given_passphrase() -> str | None:
    """The passphrase from --passphrase or $THEMATIC_PASSPHRASE, if any."""
    return state.passphrase or os.environ.get("THEMATIC_PASSPHRASE") or None


def passphrase_for(location: str) -> str | None:
    """The passphrase to open ``location`` with: None for a plain study.

    For an encrypted file: --passphrase, $THEMATIC_PASSPHRASE, or (at a terminal) a hidden
    prompt. $THEMATIC_PASSPHRASE is ignored for plain studies, so it can stay set while
    you open the demo; an explicit --passphrase for a plain file is refused by the Study API.
    """
    if not thematic.is_encrypted(location):
        return state.passphrase
    given = given_passphrase()
    if given is None and interactive():
        given = typer.prompt(f"Passphrase for {location}", hide_input=True)
    return given


def new_passphrase(location: str) -> str:
    """A passphrase for a study being encrypted: given, or typed twice at a terminal."""
    given = given_passphrase()
    if given is not None:
        return given
    if not interactive():
        raise Invalid(
            f"{location}: give the new passphrase with --passphrase or THEMATIC_PASSPHRASE"
        )
    return str(
        typer.prompt(f"New passphrase for {location}", hide_input=True, confirmation_prompt=True)
    )


def open_study() -> thematic.Study:
    """Open the study the user named, as the acting user."""
    location = study_location()
    return thematic.open(location, user=state.user, passphrase=passphrase_for(location))


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


WhereOption = typer.Option(
    None,
    "--where",
    "-w",
    help="Only participants with attribute=value; value1,value2 means either (repeatable).",
)
FormatOption = typer.Option("table", "--format", "-f", help="table, json, csv or xlsx.")
OutputOption = typer.Option(None, "--output", "-o", help="File for csv or xlsx.")
CoderOption = typer.Option(
    None,
    "--coder",
    "-c",
    help="Whose codings: a coder's name, 'all', or (default) the consensus layer "
    "when there is one.",
)


def parse_where(items: Sequence[str] | None) -> dict[str, list[str]]:
    """``["site=Karachi,Lahore", "role=nurse"]`` -> ``{"site": [...], "role": ["nurse"]}``."""
    filters: dict[str, list[str]] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise Invalid(f"{item!r}: write filters as attribute=value")
        filters.setdefault(name.strip(), []).extend(
            v.strip() for v in value.split(",") if v.strip()
        )
    return filters


def emit_frame(
    frame: Any,
    title: str,
    output_format: str,
    output: Path | None,
    *,
    caption: str = "",
    max_rows: int = 200,
) -> None:
    """Show a query's DataFrame as a table or JSON, or write it to CSV/XLSX."""
    from thematic.formats.frames import write_frames

    if output_format == "json":
        table = frame.reset_index() if frame.index.name else frame
        print_json({"about": dict(frame.attrs), "rows": table.to_dict("records")})
        return
    if output_format in ("csv", "xlsx"):
        if output is None:
            raise Invalid(f"give the {output_format} file with --output")
        if output.suffix.lower() != f".{output_format}":
            output = output.with_suffix(f".{output_format}")
        written = write_frames(output, {title: frame}, about=dict(frame.attrs))
        done(f"Wrote {len(frame)} rows to {', '.join(str(p) for p in written)}.")
        return
    if output_format != "table":
        raise Invalid(f"--format must be table, json, csv or xlsx, not {output_format!r}")
    table = frame.reset_index() if frame.index.name else frame
    shown_rows = table.head(max_rows)
    note = caption
    if len(table) > max_rows:
        note += f" (first {max_rows} of {len(table)} rows; use --format csv for all)"
    print_table(title, [str(c) for c in table.columns], shown_rows.itertuples(index=False), note)


IdentifiedOption = typer.Option(
    False,
    "--identified/--deidentified",
    help="--deidentified (the default) leaves identifying attributes out and refuses while "
    "identifiers wait to be replaced; --identified (owners only) exports everything. Either "
    "way the export is recorded in the audit log.",
)


@contextmanager
def export_study(
    purpose: str, identified: bool = False, *, leaving: bool = True
) -> Iterator[thematic.Study]:
    """Open the study for an export: the de-identified view unless ``identified`` (see
    Study.for_export). With ``leaving=False`` (shown on the terminal only) the plain study."""
    with open_study() as study:
        yield study.for_export(purpose, identified=identified) if leaving else study
