"""``thematic phase``, ``thematic status`` and ``thematic map``: the six phases as a light
workflow, what is done and what is left, and the thematic map's relations."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from thematic.analysis.figures import save_figure
from thematic.analysis.thematic_map import map_data, thematic_map
from thematic.cli._common import JsonOption, console, done, open_study, print_json, print_table
from thematic.core.phases import PHASES
from thematic.errors import Invalid

phase_app = typer.Typer(
    help="The six phases of thematic analysis (Braun and Clarke 2006): show or set the "
    "study's phase.",
    invoke_without_command=True,
)
map_app = typer.Typer(
    help="The thematic map: relations between themes and subthemes, and its figure.",
    invoke_without_command=True,
)


@phase_app.callback()
def phase_show(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """Show the current phase and every recorded change (the six phases, with 'set')."""
    if ctx.invoked_subcommand is not None:
        return
    with open_study() as study:
        current, history = study.phase(), study.phase_history()
    if as_json:
        print_json({"phase": current, "history": history})
        return
    since = f" since {current.since:%Y-%m-%d} ({current.by})" if current.since else ""
    console.print(f"[bold]Phase {current.number}: {escape(current.name)}[/bold]{escape(since)}")
    console.print(escape(current.description))
    print_table(
        "Phases",
        ["", "phase", "what the team does"],
        [["→" if n == current.number else "", f"{n} {name}", about] for n, name, about in PHASES],
    )
    if history:
        print_table(
            "History",
            ["date", "phase", "by", "note"],
            [[f"{c.at:%Y-%m-%d %H:%M}", f"{c.phase} {c.name}", c.actor, c.note] for c in history],
        )


@phase_app.command("set")
def phase_set(
    number: int = typer.Argument(..., help="The phase, 1 to 6."),
    note: str = typer.Option("", "--note", "-n", help="Why, or what the team decided."),
) -> None:
    """Move the study to phase NUMBER, with a dated note (owner)."""
    with open_study() as study:
        current = study.set_phase(number, note)
    done(f"The study is in phase {current.number}: {current.name}.")


def status(as_json: bool = JsonOption) -> None:
    """Show the phase, transcripts coded, double coding, reconciliation and what is left."""
    with open_study() as study:
        found = study.status()
    if as_json:
        print_json(found)
        return
    console.print(f"[bold]Phase {found.phase.number}: {escape(found.phase.name)}[/bold]")
    rows = [
        ["transcripts coded (consensus layer)", _share(found.coded_consensus, found.transcripts)],
        ["transcripts coded (anyone)", _share(found.coded_any, found.transcripts)],
        ["double coding completed", _share(found.double_coded, found.double_coding)],
        [
            "discrepancies reconciled",
            _share(found.reconciled, found.reconciled + found.open_discrepancies),
        ],
        ["relations on the thematic map", str(found.relations)],
    ]
    print_table("Progress", ["", "done"], rows)
    memos = ", ".join(f"{n}: {count}" for n, count in found.memos_by_phase.items())
    console.print(f"Memos per phase: {memos}")
    if found.left:
        console.print("[bold]What is left[/bold]")
        for sentence in found.left:
            console.print(f"  • {escape(sentence)}")
    else:
        console.print("[green]Nothing is left for this phase.[/green]")


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole}" + (f" ({100 * part / whole:.0f}%)" if whole else "")


@map_app.callback()
def map_list(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """List the relations on the thematic map (draw it with 'draw')."""
    if ctx.invoked_subcommand is not None:
        return
    with open_study() as study:
        found = study.relations()
    if as_json:
        print_json(found)
        return
    print_table(
        "Thematic map",
        ["id", "from", "relation", "to", "memo"],
        [[r.id, r.source, r.label, r.target, r.memo_id or ""] for r in found],
        caption="" if found else "No relations yet: thematic map relate SOURCE TARGET LABEL",
    )


@map_app.command("relate")
def map_relate(
    source: str = typer.Argument(..., help="A theme or subtheme: its path or id."),
    target: str = typer.Argument(..., help="The theme or subtheme it relates to."),
    label: str = typer.Argument(..., help="The relation, e.g. 'fuels'."),
    memo: str = typer.Option(
        None, "--memo", "-m", help="Why: a new memo's text (linked to SOURCE)."
    ),
    memo_id: int = typer.Option(None, "--memo-id", help="Why: an existing memo's id."),
) -> None:
    """Draw a relation from SOURCE to TARGET on the thematic map."""
    if memo and memo_id is not None:
        raise Invalid("give --memo or --memo-id, not both")
    with open_study() as study:
        made = study.relate(source, target, label, memo=memo_id if memo_id is not None else memo)
    done(f"Relation {made.id}: {made.source} {made.label} {made.target}.")


@map_app.command("remove")
def map_remove(relation_id: int = typer.Argument(..., help="The relation's id.")) -> None:
    """Remove a relation from the thematic map (its memo stays)."""
    with open_study() as study:
        study.unrelate(relation_id)
    done(f"Removed relation {relation_id}.")


@map_app.command("draw")
def map_draw(
    output: Path = typer.Option(
        Path("thematic-map.png"), "--output", "-o", help="The file: .png or .svg (or .pdf)."
    ),
    title: str = typer.Option("Thematic map", help="The figure's title."),
) -> None:
    """Draw the thematic map: themes, subthemes and relations."""
    fmt = output.suffix.lstrip(".").lower()
    if fmt not in ("png", "svg", "pdf"):
        raise Invalid(f"{output.name}: draw the map as .png, .svg or .pdf")
    with open_study() as study:
        themes, relations = map_data(study)
    figure = thematic_map(themes, relations, title=title)
    (written,) = save_figure(figure, output.with_suffix(""), formats=(fmt,))
    done(f"Wrote {written}.")
