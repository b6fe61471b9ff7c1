"""``thematic figures``, ``report``, ``export``, ``framework``, ``quotes`` and ``coreq``: the
results of a study as figures, a report a researcher pastes into a manuscript, and tables."""

from __future__ import annotations

from pathlib import Path

import typer

from thematic.analysis import exports, gather
from thematic.analysis import figures as plots
from thematic.analysis.report import write_report
from thematic.cli._common import (
    CoderOption,
    IdentifiedOption,
    JsonOption,
    WhereOption,
    done,
    export_study,
    open_study,
    parse_where,
    print_json,
    print_table,
)
from thematic.errors import Invalid

framework_app = typer.Typer(help="The framework matrix: participants by subthemes.")
quotes_app = typer.Typer(help="Exemplar quotes pinned to subthemes (used first by the report).")
coreq_app = typer.Typer(help="The COREQ checklist, filled from the study's records.")
export_app = typer.Typer(help="Export tables as CSV or XLSX for Excel, SPSS or pandas.")

FIGURES = ("subthemes", "themes", "network", "matrix")


def figures(
    output: Path = typer.Option(Path("figures"), "--output", "-o", help="Folder for the files."),
    formats: str = typer.Option("png,svg", "--formats", help="png, svg and/or pdf."),
    order_by: str = typer.Option(None, help="Order participants by this attribute."),
    near: str = typer.Option("overlap", help="Co-occurrence: overlap, turn or document."),
    rows: str = typer.Option("subtheme", help="Matrix heat map rows: theme, subtheme, code."),
    columns: str = typer.Option("site", help="Matrix heat map columns: an attribute."),
    count: str = typer.Option("participants", help="Matrix heat map count."),
    where: list[str] = WhereOption,
    coder: str = CoderOption,
    identified: bool = IdentifiedOption,
) -> None:
    """Draw the results figures: subthemes by participant, frequency of main themes, the
    co-occurrence network of subthemes, and a matrix heat map (PNG and SVG)."""
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    filters = parse_where(where)
    output.mkdir(parents=True, exist_ok=True)
    written = []
    with export_study("figures", identified) as study:
        order = order_by or gather.default_order(study.participants())
        counts, attributes = gather.subthemes_by_participant_data(study, coder=coder, where=filters)
        written += plots.save_figure(
            plots.subthemes_by_participant(counts, attributes, order_by=order),
            output / "subthemes-by-participant",
            chosen,
        )
        table, n = gather.theme_frequency_data(study, coder=coder, where=filters)
        written += plots.save_figure(
            plots.theme_frequency(table, n_participants=n),
            output / "frequency-of-main-themes",
            chosen,
        )
        nodes, edges = gather.network_data(study, coder=coder, where=filters, near=near)
        written += plots.save_figure(
            plots.cooccurrence_network(nodes, edges), output / "cooccurrence-of-subthemes", chosen
        )
        matrix = study.matrix(rows, columns, count=count, where=filters, coder=coder)
        written += plots.save_figure(
            plots.matrix_heatmap(
                matrix,
                value=count,
                title=f"{rows.capitalize()}s by {columns} ({count})",
                n_participants=n,
            ),
            output / f"matrix-{rows}-by-{columns}",
            chosen,
        )
    done(f"Wrote {len(written)} files to {output}/.")


def report(
    output: Path = typer.Option(
        Path("report.docx"), "--output", "-o", help="report.docx, .html or .md"
    ),
    output_format: str = typer.Option(
        None, "--format", "-f", help="docx, html or md (default: from the file name)."
    ),
    quotes: int = typer.Option(3, help="Exemplar quotes per subtheme."),
    order_by: str = typer.Option(None, help="Order participants in the heat map by this."),
    coder: str = CoderOption,
    no_figures: bool = typer.Option(False, "--no-figures", help="Leave the figures out."),
    identified: bool = IdentifiedOption,
) -> None:
    """Write the results report: summary, methods, themes with subthemes, counts and
    exemplar quotes, figures, the codebook and the COREQ checklist."""
    with export_study("report", identified) as study:
        data = gather.report_data(
            study, coder=coder, quotes=quotes, order_by=order_by, include_figures=not no_figures
        )
    written = write_report(data, output, output_format)
    unanswered = sum(1 for item in data.coreq if item.answer is None)
    done(
        f"Wrote {', '.join(str(p) for p in written)}. COREQ: {32 - unanswered} of 32 items "
        f"filled from the records; {unanswered} for the team (thematic coreq answer N TEXT)."
    )


# -- exports ------------------------------------------------------------------------------------
@export_app.command("codings")
def export_codings(
    output: Path = typer.Option(..., "--output", "-o", help="codings.csv or codings.xlsx"),
    coder: str = typer.Option("all", "--coder", "-c", help="A coder, or all (default)."),
    where: list[str] = WhereOption,
    identified: bool = IdentifiedOption,
) -> None:
    """Every coding with its passage, document, participant attributes, code and coder."""
    from thematic.formats.frames import write_frames

    with export_study("codings", identified) as study:
        frame = study.codings_table(coder=coder, where=parse_where(where))
    written = write_frames(output, {"Codings": frame}, about=dict(frame.attrs))
    done(f"Wrote {len(frame)} codings to {', '.join(str(p) for p in written)}.")


@export_app.command("tables")
def export_tables(
    output: Path = typer.Option(
        ..., "--output", "-o", help="study.xlsx, or study.csv for one CSV file per table"
    ),
    identified: bool = IdentifiedOption,
) -> None:
    """Participants, documents, codebook and all codings: one XLSX sheet (or CSV) each."""
    with export_study("tables", identified) as study:
        written = exports.write_study_tables(study, output)
    done(f"Wrote {', '.join(str(p) for p in written)}.")


# -- framework -----------------------------------------------------------------------------------
@framework_app.command("show")
def framework_show(
    theme: str = typer.Option(None, help="One theme (default: all)."),
    output: Path = typer.Option(None, "--output", "-o", help="framework.xlsx: a sheet a theme."),
    where: list[str] = WhereOption,
    coder: str = CoderOption,
    identified: bool = IdentifiedOption,
) -> None:
    """Show the framework matrix (references and summaries) or write it to XLSX with the
    coded passages in each cell."""
    with export_study("framework", identified, leaving=output is not None) as study:
        if output is not None:
            if output.suffix.lower() != ".xlsx":
                raise Invalid(f"{output}: the framework matrix is written as .xlsx")
            exports.write_framework(study, output, theme, where=parse_where(where), coder=coder)
            done(f"Wrote the framework matrix to {output}.")
            return
        frame = study.framework(theme, where=parse_where(where), coder=coder)
    print_table(
        "Framework matrix",
        ["participant", "subtheme", "references", "summary"],
        frame[["participant", "subtheme", "references", "summary"]].itertuples(index=False),
        caption=f"coding layer: {frame.attrs['layer']}",
    )


@framework_app.command("summarize")
def framework_summarize(
    participant: str = typer.Argument(..., help="The participant, e.g. P07."),
    code: str = typer.Argument(..., help="The subtheme (id or path)."),
    summary: str = typer.Argument(..., help="Your summary of what they said ('' clears it)."),
) -> None:
    """Write the analyst's summary in one cell of the framework matrix."""
    with open_study() as study:
        study.set_framework_summary(participant, code, summary)
    done(f"Saved the summary for {participant} / {code}." if summary.strip() else "Cleared.")


# -- quotes --------------------------------------------------------------------------------------
@quotes_app.command("list")
def quotes_list(
    code: str = typer.Option(None, help="Only this code."),
    suggested: bool = typer.Option(
        False, "--suggested", help="Also show the quotes the report would choose."
    ),
    json_output: bool = JsonOption,
) -> None:
    """Pinned quotes by code, in the order the report uses them."""
    with open_study() as study:
        pinned = study.pinned_quotes(code)
        chosen = gather.exemplar_quotes(study, code) if suggested and code else []
    if json_output:
        print_json({"pinned": pinned, "suggested": chosen})
        return
    print_table(
        "Pinned quotes",
        ["id", "code", "participant", "quote", "note"],
        [[q.id, q.code, q.participant, q.text, q.note] for q in pinned],
    )
    if chosen:
        print_table(
            "Quotes the report uses",
            ["quote", "attribution", "pinned"],
            [[q.text, q.attribution, "yes" if q.pinned else ""] for q in chosen],
        )


@quotes_app.command("pin")
def quotes_pin(
    code: str = typer.Argument(..., help="The subtheme or code (id or path)."),
    document: str = typer.Argument(..., help="The document (id or title)."),
    start: int = typer.Argument(..., help="First character (code point offset)."),
    end: int = typer.Argument(..., help="One past the last character."),
    note: str = typer.Option("", help="Why this quote."),
) -> None:
    """Pin a passage as an exemplar quote of a code."""
    with open_study() as study:
        quote = study.pin_quote(code, document, start, end, note)
    done(f"Pinned quote {quote.id} to {quote.code}: “{quote.text[:80]}”")


@quotes_app.command("unpin")
def quotes_unpin(quote_id: int = typer.Argument(..., help="The pinned quote's id.")) -> None:
    """Remove a pinned quote (the passage and its codings stay)."""
    with open_study() as study:
        study.unpin_quote(quote_id)
    done(f"Unpinned quote {quote_id}.")


@quotes_app.command("move")
def quotes_move(
    quote_id: int = typer.Argument(..., help="The pinned quote's id."),
    position: int = typer.Argument(..., help="New place, 1 = first."),
) -> None:
    """Change the order of a code's pinned quotes."""
    with open_study() as study:
        study.move_pinned_quote(quote_id, position - 1)
    done(f"Moved quote {quote_id} to place {position}.")


# -- COREQ ---------------------------------------------------------------------------------------
@coreq_app.command("show")
def coreq_show(json_output: bool = JsonOption) -> None:
    """The 32 COREQ items with what the study's records answer, and what is left to do."""
    with open_study() as study:
        items = gather.report_data(study, include_figures=False, quotes=1).coreq
    if json_output:
        print_json(items)
        return
    print_table(
        "COREQ checklist (Tong, Sainsbury and Craig 2007)",
        ["No.", "Item", "Reported", "Source"],
        [[i.number, i.topic, i.answer or "To be answered by the team", i.source] for i in items],
    )


@coreq_app.command("answer")
def coreq_answer(
    item: int = typer.Argument(..., help="The item number, 1 to 32."),
    answer: str = typer.Argument(..., help="The team's answer ('' clears it)."),
) -> None:
    """Record the team's answer to a COREQ item (it wins over a generated one)."""
    with open_study() as study:
        gather.answer_coreq(study, item, answer)
    done(f"Recorded the answer to COREQ item {item}.")
