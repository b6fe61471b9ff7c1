"""``thematic codes``: the codebook tree."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.tree import Tree

from thematic.cli._common import (
    JsonOption,
    console,
    done,
    open_study,
    print_json,
    print_table,
)
from thematic.study.development import describe

ReasonOption = typer.Option("", "--reason", "-r", help="Why: kept in the codebook history.")

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
                    "retired": c.retired,
                }
                for c in all_codes
            ]
        )
        return
    tree = Tree("Codebook")
    nodes: dict[int, Tree] = {}
    for code in all_codes:
        label = f"[{code.colour}]■[/] {escape(code.name)} [dim]\\[{code.id}][/dim]"
        if code.retired:
            label += " [yellow](retired)[/yellow]"
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
    reason: str = ReasonOption,
) -> None:
    """Rename a code or change its colour, definition, criteria or example."""
    with open_study() as study:
        code = study.update_code(
            ref,
            name=name,
            reason=reason,
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
    reason: str = ReasonOption,
) -> None:
    """Move a code, with its children and codings, under another code."""
    with open_study() as study:
        code = study.move_code(ref, parent, reason=reason)
    done(f"Moved to {code.path}.")


@app.command("delete")
def delete_code(
    ref: str = typer.Argument(..., help="Code id or path."),
    force: bool = typer.Option(False, help="Also delete its child codes and codings."),
    reason: str = ReasonOption,
) -> None:
    """Delete a code (one in use needs --force)."""
    with open_study() as study:
        study.delete_code(ref, force=force, reason=reason)
    done(f"Deleted code {ref}.")


@app.command("merge")
def merge_codes(
    source: str = typer.Argument(..., help="The code to merge away (id or path)."),
    target: str = typer.Argument(..., help="The code that takes its codings and sub-codes."),
    reason: str = ReasonOption,
) -> None:
    """Merge a code into another: codings, sub-codes, memos and quotes move; it is deleted."""
    with open_study() as study:
        code = study.merge_codes(source, target, reason=reason)
        detail = study.codebook_history()[-1].detail
    moved, dropped = detail.get("codings_moved", 0), detail.get("duplicates_dropped", 0)
    done(f"Merged {source} into {code.path}: {moved} codings moved, {dropped} duplicates dropped.")


@app.command("split")
def split_code(
    code: str = typer.Argument(..., help="The code to split (id or path)."),
    new: str = typer.Argument(..., help="The new code: a name (a sibling) or a full path."),
    coding: list[int] = typer.Option(..., "--coding", "-c", help="A coding id to move (repeat)."),
    definition: str = typer.Option("", help="What the new code means."),
    reason: str = ReasonOption,
) -> None:
    """Split a code: make a new one and move the chosen codings to it."""
    with open_study() as study:
        made = study.split_code(code, new, coding, reason=reason, definition=definition)
    done(f"Made {made.path} (id {made.id}) with {len(set(coding))} codings moved from {code}.")


@app.command("retire")
def retire_code(
    ref: str = typer.Argument(..., help="Code id or path."),
    reason: str = ReasonOption,
) -> None:
    """Retire a code: its codings stay, but it can no longer be applied."""
    with open_study() as study:
        code = study.retire_code(ref, reason=reason)
    done(f"Retired {code.path}.")


@app.command("unretire")
def unretire_code(
    ref: str = typer.Argument(..., help="Code id or path."),
    reason: str = ReasonOption,
) -> None:
    """Bring a retired code back into use."""
    with open_study() as study:
        code = study.unretire_code(ref, reason=reason)
    done(f"{code.path} is in use again.")


@app.command("history")
def history(
    code: str = typer.Option(None, "--code", help="Only changes to this code (id or path)."),
    output: Path = typer.Option(None, "--output", "-o", help="Write a .csv or .xlsx file."),
    as_json: bool = JsonOption,
) -> None:
    """The codebook history: every change, who made it, when and why (oldest first)."""
    with open_study() as study:
        if output is not None:
            study.export_codebook_history(output, code)
            done(f"Wrote {output}.")
            return
        changes = study.codebook_history(code)
    if as_json:
        print_json(changes)
        return
    rows = [
        [f"{c.at:%Y-%m-%d %H:%M}", c.actor, c.action, c.code, describe(c), c.reason]
        for c in changes
    ]
    print_table("Codebook history", ["when (UTC)", "who", "action", "code", "what", "why"], rows)


@app.command("import")
def import_codebook(path: Path = typer.Argument(..., help="A .yaml or .csv codebook.")) -> None:
    """Import a codebook: new codes are added, existing paths updated."""
    with open_study() as study:
        touched = study.import_codebook(path)
    done(f"Imported {len(touched)} codes from {path.name}.")


@app.command("export")
def export_codebook(
    path: Path = typer.Argument(..., help="Target .yaml, .csv or .xlsx."),
    at: str = typer.Option(
        None, "--at", help="The codebook as it stood then: a date (end of day, UTC) or time."
    ),
) -> None:
    """Export the codebook with every definition (now, or as it was --at a date)."""
    with open_study() as study:
        if at:
            study.export_codebook_at(path, at)
        else:
            study.export_codebook(path)
    done(f"Wrote {path}." if not at else f"Wrote the codebook as of {at} to {path}.")
