"""``thematic coders`` and ``thematic codings``."""

from __future__ import annotations

import typer

from thematic.cli._common import JsonOption, done, open_study, print_json, print_table

coders_app = typer.Typer(help="Members of the study team and their roles.", no_args_is_help=True)
codings_app = typer.Typer(help="Codes applied to spans of documents.", no_args_is_help=True)


@coders_app.command("list")
def list_coders(as_json: bool = JsonOption) -> None:
    """List the study's coders (members) with their roles."""
    with open_study() as study:
        people = study.coders()
    if as_json:
        print_json(people)
        return
    print_table("Coders", ["name", "role"], [[c.name, c.role] for c in people])


@coders_app.command("add")
def add_coder(
    name: str = typer.Argument(..., help="The coder's name or initials."),
    role: str = typer.Option("coder", help="owner, coder or viewer."),
) -> None:
    """Add a member to the study team."""
    with open_study() as study:
        coder = study.add_coder(name, role)
    done(f"Added {coder.name} as {coder.role}.")


@codings_app.command("list")
def list_codings(
    document: str = typer.Option(None, "--document", "-d", help="Only this document (id/title)."),
    coder: str = typer.Option(None, "--coder", "-c", help="Only this coder."),
    code: str = typer.Option(None, "--code", help="Only this code (id or path)."),
    as_json: bool = JsonOption,
) -> None:
    """List codings with the coded text."""
    with open_study() as study:
        found = study.codings(document=document, coder=coder, code=code)
        paths = {c.id: c.path for c in study.codes()}
        texts = {d.id: d.text for d in study.documents()} if found else {}
    if as_json:
        print_json(
            [
                {
                    "id": c.id,
                    "document_id": c.document_id,
                    "start": c.start,
                    "end": c.end,
                    "code_id": c.code_id,
                    "code": paths[c.code_id],
                    "coder": c.coder,
                    "text": texts[c.document_id][c.start : c.end],
                }
                for c in found
            ]
        )
        return
    rows = [
        [
            c.id,
            c.document_id,
            f"{c.start}-{c.end}",
            paths[c.code_id],
            c.coder,
            texts[c.document_id][c.start : c.end].replace("\n", " ")[:80],
        ]
        for c in found
    ]
    print_table(
        "Codings",
        ["id", "doc", "span", "code", "coder", "text"],
        rows,
        caption=f"{len(found)} codings",
    )


@codings_app.command("add")
def add_coding(
    document: int = typer.Argument(..., help="Document id."),
    start: int = typer.Argument(..., help="Start offset (code points, from 0)."),
    end: int = typer.Argument(..., help="End offset (exclusive)."),
    code: str = typer.Argument(..., help="Code id or path."),
    coder: str = typer.Option(None, "--coder", "-c", help="Coder (default: you)."),
) -> None:
    """Apply a code to a span of a document."""
    with open_study() as study:
        coding = study.code(document, start, end, code, coder)
    done(
        f"Coded {coding.start}-{coding.end} of document {coding.document_id} (coding {coding.id})."
    )


@codings_app.command("remove")
def remove_coding(coding_id: int = typer.Argument(..., help="The coding's id.")) -> None:
    """Remove a coding."""
    with open_study() as study:
        study.uncode(coding_id)
    done(f"Removed coding {coding_id}.")
