"""``thematic codes``: the codebook tree."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.tree import Tree

from thematic.cli._common import JsonOption, console, done, open_study, print_json

app = typer.Typer(help="The codebook: themes, subthemes and codes.", no_args_is_help=True)

_FIELD_OPTIONS = {
    "colour": typer.Option(None, help="Colour as #RRGGBB."),
    "definition": typer.Option(None, help="What the code means."),
    "inclusion": typer.Option(None, help="When to apply it."),
    "exclusion": typer.Option(None, help="When not to (and what to use instead)."),
    "example": typer.Option(None, help="A short example quote."),
}


def _fields(**values: str | None) -> dict[str, str]:
    return {k: v for k, v in values.items() if v is not None}


@app.command("list")
def list_codes(
    details: bool = typer.Option(False, "--details", "-d", help="Show definitions too."),
    as_json: bool = JsonOption,
) -> None:
    """Show the codebook as a tree (ids in brackets)."""
    with open_study() as study:
        all_codes = study.codes()
    if as_json:
        print_json(
            [
                {
                    "id": c.id,
                    "path": c.path,
                    "name": c.name,
                    "parent_id": c.parent_id,
                    "colour": c.colour,
                    "definition": c.definition,
                    "inclusion": c.inclusion,
                    "exclusion": c.exclusion,
                    "example": c.example,
                }
                for c in all_codes
            ]
        )
        return
    tree = Tree("Codebook")
    nodes: dict[int, Tree] = {}
    for code in all_codes:
        label = f"[{code.colour}]■[/] {escape(code.name)} [dim]\\[{code.id}][/dim]"
        if details and code.definition:
            label += f"\n[dim]{escape(code.definition)}[/dim]"
        parent = nodes.get(code.parent_id) if code.parent_id else tree
        nodes[code.id] = (parent or tree).add(label)
    console.print(tree)


@app.command("add")
def add_code(
    path: str = typer.Argument(..., help="Name or path, e.g. 'Technological/Interoperability'."),
    colour: str = _FIELD_OPTIONS["colour"],
    definition: str = _FIELD_OPTIONS["definition"],
    inclusion: str = _FIELD_OPTIONS["inclusion"],
    exclusion: str = _FIELD_OPTIONS["exclusion"],
    example: str = _FIELD_OPTIONS["example"],
) -> None:
    """Add a code; missing levels of the path are created."""
    with open_study() as study:
        code = study.add_code(
            path,
            **_fields(
                colour=colour,
                definition=definition,
                inclusion=inclusion,
                exclusion=exclusion,
                example=example,
            ),
        )
    done(f"Added code {code.path} (id {code.id}).")


@app.command("update")
def update_code(
    ref: str = typer.Argument(..., help="Code id or path."),
    name: str = typer.Option(None, help="New name."),
    colour: str = _FIELD_OPTIONS["colour"],
    definition: str = _FIELD_OPTIONS["definition"],
    inclusion: str = _FIELD_OPTIONS["inclusion"],
    exclusion: str = _FIELD_OPTIONS["exclusion"],
    example: str = _FIELD_OPTIONS["example"],
) -> None:
    """Rename a code or change its colour, definition, criteria or example."""
    with open_study() as study:
        code = study.update_code(
            ref,
            name=name,
            **_fields(
                colour=colour,
                definition=definition,
                inclusion=inclusion,
                exclusion=exclusion,
                example=example,
            ),
        )
    done(f"Updated code {code.path}.")


@app.command("move")
def move_code(
    ref: str = typer.Argument(..., help="Code id or path."),
    parent: str = typer.Argument(None, help="New parent id or path (omit: to the top)."),
) -> None:
    """Move a code, with its children and codings, under another code."""
    with open_study() as study:
        code = study.move_code(ref, parent)
    done(f"Moved to {code.path}.")


@app.command("delete")
def delete_code(
    ref: str = typer.Argument(..., help="Code id or path."),
    force: bool = typer.Option(False, help="Also delete its child codes and codings."),
) -> None:
    """Delete a code (one in use needs --force)."""
    with open_study() as study:
        study.delete_code(ref, force=force)
    done(f"Deleted code {ref}.")


@app.command("import")
def import_codebook(path: Path = typer.Argument(..., help="A .yaml or .csv codebook.")) -> None:
    """Import a codebook: new codes are added, existing paths updated."""
    with open_study() as study:
        touched = study.import_codebook(path)
    done(f"Imported {len(touched)} codes from {path.name}.")


@app.command("export")
def export_codebook(path: Path = typer.Argument(..., help="Target .yaml, .csv or .xlsx.")) -> None:
    """Export the codebook with every definition."""
    with open_study() as study:
        study.export_codebook(path)
    done(f"Wrote {path}.")
