"""``thematic discrepancies``: every place the coders differ, for the reconciliation meeting."""

from __future__ import annotations

from pathlib import Path

import typer

from thematic.cli._common import done, open_study, print_json, print_table
from thematic.formats.docx_tables import write_docx_table
from thematic.formats.tables import write_table

KIND_WORDS = {
    "only_one": "only some coders applied it",
    "boundaries": "different boundaries",
    "different_codes": "different codes here",
}
HEADER = [
    "document",
    "participant",
    "code",
    "kind",
    "start",
    "end",
    "passage",
    "coders",
    "other codes",
    "decision",
]


def discrepancies(
    coders: list[str] = typer.Option(..., "--coder", "-c", help="A coder (repeat; 2 or more)."),
    document: list[str] = typer.Option(None, "--document", "-d", help="Only these documents."),
    code: str = typer.Option(None, help="Only this code and its subtree (id or path)."),
    output_format: str = typer.Option(
        "table", "--format", "-f", help="table, json, csv, xlsx or docx."
    ),
    output: Path = typer.Option(None, "--output", "-o", help="File for csv, xlsx or docx."),
) -> None:
    """List every discrepancy between coders: what they coded, where, and how it differs."""
    with open_study() as study:
        found = study.discrepancies(coders, document or None, code)
    if output_format == "json":
        print_json(found)
        return
    rows = [
        [
            r.document,
            r.participant,
            r.code,
            KIND_WORDS[r.kind],
            r.start,
            r.end,
            r.text,
            "; ".join(
                f"{c}: " + ", ".join(f"{s}-{e}" for s, e in spans) for c, spans in r.spans.items()
            ),
            "; ".join(f"{c}: " + ", ".join(codes) for c, codes in r.other_codes.items()),
            "",
        ]
        for r in found
    ]
    if output_format == "table":
        print_table(
            "Discrepancies",
            HEADER[:-1],
            [row[:-1] for row in rows],
            caption=f"{len(rows)} discrepancies between {', '.join(coders)}",
        )
        return
    if output is None or output_format not in ("csv", "xlsx", "docx"):
        raise typer.BadParameter("use --format table, json, csv, xlsx or docx; files need -o")
    if output_format == "docx":
        write_docx_table(
            output,
            "Coding discrepancies",
            HEADER,
            rows,
            note=f"Coders: {', '.join(coders)}. {len(rows)} discrepancies. "
            "Write the team's decision in the last column.",
        )
    else:
        write_table(output, HEADER, rows)
    done(f"Wrote {len(rows)} discrepancies to {output}.")


reconcile_app = typer.Typer(
    help="Reconciliation: the team's decisions fill the consensus layer.", no_args_is_help=True
)


@reconcile_app.command("adopt")
def adopt(
    coders: list[str] = typer.Option(..., "--coder", "-c", help="A coder (repeat; 2 or more)."),
) -> None:
    """Copy every coding all the coders made identically into the consensus layer."""
    with open_study() as study:
        added = study.adopt_agreed(coders)
    done(f"Added {added} agreed codings to the consensus layer.")


@reconcile_app.command("decide")
def decide(
    document: str = typer.Argument(..., help="Document id or title."),
    code: str = typer.Argument(..., help="Code id or path."),
    start: int = typer.Argument(..., help="Start of the discrepancy (as listed)."),
    end: int = typer.Argument(..., help="End of the discrepancy (as listed)."),
    decision: str = typer.Argument(..., help="accept, reject or adjust."),
    span: tuple[int, int] | None = typer.Option(
        None, help="The agreed span START END (needed for adjust)."
    ),
    note: str = typer.Option("", help="Why the team decided so."),
) -> None:
    """Decide one discrepancy; the consensus layer changes in the same step."""
    with open_study() as study:
        made = study.decide(document, code, start, end, decision, span=span, note=note)
    result = f" -> consensus {made.result[0]}-{made.result[1]}" if made.result else ""
    done(f"{made.decision}: {made.code} at {made.start}-{made.end}{result}.")


@reconcile_app.command("list")
def list_decisions(
    document: str = typer.Option(None, "--document", "-d", help="Only this document."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """List the team's decisions."""
    with open_study() as study:
        made = study.decisions(document)
    if as_json:
        print_json(made)
        return
    print_table(
        "Decisions",
        ["doc", "code", "extent", "decision", "consensus", "note", "by"],
        [
            [
                d.document_id,
                d.code,
                f"{d.start}-{d.end}",
                d.decision,
                f"{d.result[0]}-{d.result[1]}" if d.result else "",
                d.note,
                d.decided_by,
            ]
            for d in made
        ],
    )
