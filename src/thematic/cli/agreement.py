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
