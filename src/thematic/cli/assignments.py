"""``thematic assignments`` and ``thematic blind``: independent double coding."""

from __future__ import annotations

import typer

from thematic.cli._common import JsonOption, done, open_study, print_json, print_table

app = typer.Typer(help="Which coders code which documents independently.", no_args_is_help=True)
CodersOption = typer.Option(..., "--coder", "-c", help="A coder (repeat for each).")


@app.command("draw")
def draw(
    coders: list[str] = CodersOption,
    fraction: float = typer.Option(0.25, help="Share of documents to double-code, per stratum."),
    stratify_by: str = typer.Option("site", help="Participant attribute to stratify by."),
    no_strata: bool = typer.Option(False, "--no-strata", help="Draw from all documents at once."),
    seed: int = typer.Option(None, help="Random seed (recorded in the log; same seed, same draw)."),
    kind: str = typer.Option("transcript", help="Kind of documents to draw from."),
) -> None:
    """Draw a random, stratified share of documents and assign each to every coder named."""
    with open_study() as study:
        made = study.draw_double_coding(
            coders, fraction, stratify_by=None if no_strata else stratify_by, seed=seed, kind=kind
        )
        used = study.log(action="assignment.draw", limit=1)[0].detail["seed"]
    documents = sorted({a.document_id for a in made})
    done(f"Assigned {len(documents)} documents to {', '.join(coders)} (seed {used}).")


@app.command("add")
def add(
    document: str = typer.Argument(..., help="Document id or title."),
    coders: list[str] = CodersOption,
) -> None:
    """Assign one document to coders."""
    with open_study() as study:
        study.assign(document, coders)
    done(f"Assigned {document} to {', '.join(coders)}.")


@app.command("list")
def list_assignments(
    coder: str = typer.Option(None, "--coder", "-c", help="Only this coder."),
    as_json: bool = JsonOption,
) -> None:
    """List assignments and whether each coder has finished."""
    with open_study() as study:
        found = study.assignments(coder=coder)
        titles = {d.id: d.title for d in study.documents()}
    if as_json:
        print_json(found)
        return
    rows = [
        [
            a.document_id,
            titles.get(a.document_id, ""),
            a.coder,
            a.completed_at.strftime("%Y-%m-%d %H:%M") if a.completed_at else "in progress",
        ]
        for a in found
    ]
    print_table("Double-coding assignments", ["doc", "title", "coder", "complete"], rows)


@app.command("complete")
def complete(
    document: str = typer.Argument(..., help="Document id or title."),
    coder: str = typer.Option(None, "--coder", "-c", help="Whose assignment (default: yours)."),
) -> None:
    """Mark independent coding of a document finished (then others' codings show)."""
    with open_study() as study:
        assignment = study.complete_assignment(document, coder)
    done(f"{assignment.coder} finished document {assignment.document_id}.")


@app.command("remove")
def remove(
    document: str = typer.Argument(..., help="Document id or title."),
    coder: str = typer.Option(..., "--coder", "-c", help="Whose assignment."),
) -> None:
    """Remove a coder's assignment on a document."""
    with open_study() as study:
        study.unassign(document, coder)
    done(f"Removed {coder}'s assignment on {document}.")


def blind(
    state: str = typer.Argument(None, help="on or off; leave out to see the current setting."),
) -> None:
    """Blind coding: coders cannot see others' codings on assigned documents until done."""
    with open_study() as study:
        if state is not None:
            if state not in ("on", "off"):
                raise typer.BadParameter("say on or off")
            study.set_blind_coding(state == "on")
        current = study.blind_coding
    done(f"Blind coding is {'on' if current else 'off'}.")
