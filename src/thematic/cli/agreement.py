"""``thematic discrepancies``: every place the coders differ, for the reconciliation meeting."""

from __future__ import annotations

from pathlib import Path

import typer

from thematic.cli._common import (
    IdentifiedOption,
    done,
    export_study,
    open_study,
    print_json,
    print_table,
)
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
    identified: bool = IdentifiedOption,
) -> None:
    """List every discrepancy between coders: what they coded, where, and how it differs."""
    with export_study("discrepancies", identified, leaving=output_format != "table") as study:
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


def _figure(value: float, digits: int = 3) -> str:
    return "—" if value != value else f"{value:.{digits}f}"  # NaN: nothing to compare


def agreement(
    coders: list[str] = typer.Option(..., "--coder", "-c", help="A coder (repeat; 2 or more)."),
    document: list[str] = typer.Option(None, "--document", "-d", help="Only these documents."),
    code: str = typer.Option(None, help="Only this code and its subtree (id or path)."),
    where: list[str] = typer.Option(
        None, "--where", "-w", help="Only participants with attribute=value (repeatable)."
    ),
    coded_only: bool = typer.Option(
        False, "--coded-only", help="Count only characters at least one coder coded."
    ),
    output_format: str = typer.Option("table", "--format", "-f", help="table, json, csv, xlsx."),
    output: Path = typer.Option(None, "--output", "-o", help="File for csv or xlsx."),
) -> None:
    """Inter-coder agreement per code and overall: percent agreement and Cohen's kappa on
    characters (as NVivo's coding comparison), Krippendorff's alpha, Fleiss' kappa, alpha-U
    (Krippendorff 2004) and |u-alpha (Krippendorff et al. 2016, as ATLAS.ti reports)."""
    filters = {}
    for item in where or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"{item!r}: write filters as attribute=value")
        filters[name.strip()] = value.strip()
    with open_study() as study:
        report = study.agreement(
            coders, documents=document or None, code=code, where=filters, coded_only=coded_only
        )
    records = report.records()
    if output_format == "json":
        print_json(
            {
                "coders": report.coders,
                "documents": report.documents,
                "coded_only": report.coded_only,
                "rows": records,
            }
        )
        return
    if output_format in ("csv", "xlsx"):
        if output is None:
            raise typer.BadParameter("give the file with --output")
        header = list(records[0])
        write_table(output, header, [[r[k] for k in header] for r in records])
        done(f"Wrote agreement for {len(records) - 1} codes to {output}.")
        return
    coder_columns = [f"coded_{name}" for name in report.coders]
    rows = [
        [
            r["code"],
            r["units"],
            _figure(r["agreement"], 1),
            _mark(r["kappa"]),
            _figure(r["alpha"]),
            _figure(r["alpha_u"]),
            _figure(r["u_alpha"]),
            *(r[c] for c in coder_columns),
        ]
        for r in records
    ]
    units = "characters coded by someone" if report.coded_only else "characters"
    print_table(
        f"Agreement between {', '.join(report.coders)} on {len(report.documents)} documents",
        [
            "code",
            units,
            "% agree",
            "kappa",
            "alpha",
            "alpha-U",
            "|u-alpha",
            *[f"chars {n}" for n in report.coders],
        ],
        rows,
        caption="kappa and % on characters as NVivo counts them; alpha: Krippendorff nominal; "
        "alpha-U: Krippendorff 2004 (DKPro); |u-alpha: Krippendorff et al. 2016 (ATLAS.ti). "
        "Alpha's 95% interval resamples documents (bootstrap, 1,000 draws). "
        "Kappa below 0.6 is marked *, below 0.4 **.",
    )
    print_table(
        "cu-alpha per theme (Krippendorff et al. 2016, as ATLAS.ti)",
        ["theme", "cu-alpha", "note"],
        [[d.domain, _figure(d.cu_alpha), d.note] for d in report.domains]
        + [["Cu-alpha, all themes", _figure(report.Cu_alpha), report.Cu_note]],
    )


def _interval(low: float, high: float) -> str:
    return "—" if low != low else f"{low:.2f}–{high:.2f}"


def _mark(kappa: float) -> str:
    text = _figure(kappa)
    if kappa == kappa and kappa < 0.4:
        return text + " **"
    if kappa == kappa and kappa < 0.6:
        return text + " *"
    return text
