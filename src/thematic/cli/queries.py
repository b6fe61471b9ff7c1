"""``thematic query ...``: text search, word frequency, coding, matrix and co-occurrence
queries, and code frequencies, as tables, JSON, CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

import typer

from thematic.cli._common import (
    CoderOption,
    FormatOption,
    IdentifiedOption,
    OutputOption,
    WhereOption,
    emit_frame,
    export_study,
    parse_where,
)

app = typer.Typer(help="Queries: search, words, coding, matrix, co-occurrence, frequencies.")


@app.command("search")
def search(
    query: str = typer.Argument(
        ..., help='Words, "phrases", prefix* terms, AND, OR, NOT and parentheses.'
    ),
    where: list[str] = WhereOption,
    limit: int = typer.Option(None, "--limit", "-n", help="At most this many documents."),
    width: int = typer.Option(50, help="Characters of context on each side."),
    output_format: str = FormatOption,
    output: Path = OutputOption,
    identified: bool = IdentifiedOption,
) -> None:
    """Search the text of every document; show each hit in its context (keyword in context)."""
    with export_study("query search", identified, leaving=output_format != "table") as study:
        frame = study.search(query, where=parse_where(where), limit=limit, width=width)
    shown = frame
    if output_format == "table":
        context = frame["left"] + "[" + frame["match"] + "]" + frame["right"]
        shown = frame.assign(context=context)[["rank", "document", "speaker", "context"]]
    emit_frame(
        shown,
        "Search",
        output_format,
        output,
        caption=f"{_count(len(frame), 'hit')} in {_count(frame.attrs['documents'], 'document')}"
        f" for {query}",
    )


@app.command("words")
def words(
    where: list[str] = WhereOption,
    limit: int = typer.Option(50, "--limit", "-n", help="How many words."),
    all_words: bool = typer.Option(False, "--all-words", help="Keep stop words (the, and, ...)."),
    speaker_labels: bool = typer.Option(
        False, "--speaker-labels", help="Count the words of speaker labels (Interviewer, P07)."
    ),
    min_length: int = typer.Option(2, help="Shortest word counted."),
    output_format: str = FormatOption,
    output: Path = OutputOption,
    identified: bool = IdentifiedOption,
) -> None:
    """The most frequent words, with how many documents use each."""
    with export_study("query words", identified, leaving=output_format != "table") as study:
        frame = study.word_frequencies(
            where=parse_where(where),
            limit=limit,
            stop_words=not all_words,
            min_length=min_length,
            speaker_labels=speaker_labels,
        )
    emit_frame(frame, "Word frequency", output_format, output, caption=frame.attrs.get("scope", ""))


@app.command("coding")
def coding(
    code: str = typer.Argument(..., help="A code or theme (id or path), with its subtree."),
    all_of: list[str] = typer.Option(None, "--and", help="AND: also coded with this (repeat)."),
    any_of: list[str] = typer.Option(None, "--or", help="OR: coded with any of these (repeat)."),
    none_of: list[str] = typer.Option(None, "--not", help="NOT: not coded with this (repeat)."),
    near: str = typer.Option("overlap", help="overlap, turn (same speaker turn) or document."),
    where: list[str] = WhereOption,
    coder: str = CoderOption,
    output_format: str = FormatOption,
    output: Path = OutputOption,
    identified: bool = IdentifiedOption,
) -> None:
    """Every passage coded with a code, combined with other codes, filtered by attributes."""
    with export_study("query coding", identified, leaving=output_format != "table") as study:
        frame = study.coding_query(
            code,
            all_of=all_of or (),
            any_of=any_of or (),
            none_of=none_of or (),
            near=near,
            where=parse_where(where),
            coder=coder,
        )
    shown = (
        frame
        if output_format != "table"
        else frame[["document", "participant", "code", "coder", "text"]]
    )
    emit_frame(
        shown,
        "Coded passages",
        output_format,
        output,
        caption=f"{_count(len(frame), 'passage')}; coding layer: {frame.attrs['layer']}",
    )


@app.command("matrix")
def matrix(
    rows: str = typer.Option("subtheme", help="theme, subtheme or code."),
    columns: str = typer.Option(
        "participant", help="A participant attribute (site, role, ...), participant or document."
    ),
    count: str = typer.Option(
        "references", help="references, participants, documents or characters."
    ),
    code: list[str] = typer.Option(None, "--code", help="Rows: these codes instead (repeat)."),
    where: list[str] = WhereOption,
    coder: str = CoderOption,
    output_format: str = FormatOption,
    output: Path = OutputOption,
    identified: bool = IdentifiedOption,
) -> None:
    """A matrix coding query: codes by attribute values, participants or documents."""
    with export_study("query matrix", identified, leaving=output_format != "table") as study:
        frame = study.matrix(
            rows, columns, count=count, codes=code or None, where=parse_where(where), coder=coder
        )
    emit_frame(
        frame,
        "Matrix",
        output_format,
        output,
        caption=f"{count} by {columns}; coding layer: {frame.attrs['layer']}",
    )


@app.command("cooccurrence")
def cooccurrence(
    level: str = typer.Option("subtheme", help="theme, subtheme or code."),
    near: str = typer.Option("overlap", help="overlap, turn (same speaker turn) or document."),
    where: list[str] = WhereOption,
    coder: str = CoderOption,
    output_format: str = FormatOption,
    output: Path = OutputOption,
    identified: bool = IdentifiedOption,
) -> None:
    """Which codes occur together, how often, across how many documents and participants."""
    with export_study("query cooccurrence", identified, leaving=output_format != "table") as study:
        frame = study.cooccurrence(level, near=near, where=parse_where(where), coder=coder)
    emit_frame(
        frame,
        "Co-occurrence",
        output_format,
        output,
        caption=f"{_count(len(frame), 'pair')} ({near}); coding layer: {frame.attrs['layer']}",
    )


@app.command("frequencies")
def frequencies(
    level: str = typer.Option("theme", help="theme, subtheme or code."),
    characters: bool = typer.Option(False, "--characters", help="Also count coded characters."),
    where: list[str] = WhereOption,
    coder: str = CoderOption,
    output_format: str = FormatOption,
    output: Path = OutputOption,
    identified: bool = IdentifiedOption,
) -> None:
    """References, documents, participants and characters for each code at a level."""
    with export_study("query frequencies", identified, leaving=output_format != "table") as study:
        frame = study.code_frequencies(
            level, where=parse_where(where), coder=coder, characters=characters
        )
    shown = frame if output_format != "table" else frame.drop(columns=["definition"])
    emit_frame(
        shown,
        "Code frequencies",
        output_format,
        output,
        caption=f"n = {len(frame.attrs['participants'])} participants; "
        f"coding layer: {frame.attrs['layer']}",
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
