"""``thematic documents``: import transcripts and notes, list, show, link, delete."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from thematic.cli._common import JsonOption, console, done, open_study, print_json, print_table
from thematic.study import AUTO

app = typer.Typer(help="Transcripts, field notes and other documents.", no_args_is_help=True)
SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".vtt", ".srt")


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        else:
            files.append(path)
    return files


@app.command("import")
def import_documents(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .docx .vtt .srt)."),
    participant: str = typer.Option(
        None,
        "--participant",
        "-p",
        help=f"Link to this participant; '{AUTO}' finds the label in each file name.",
    ),
    kind: str = typer.Option("transcript", help="transcript, field_note or other."),
    language: str = typer.Option(None, help="Language code, e.g. en or ur."),
    title: str = typer.Option(None, help="Title (single file only; default: the file name)."),
    encoding: str = typer.Option(None, help="Text encoding, if detection gets it wrong."),
    translation_of: str = typer.Option(
        None, "--translation-of", help="Id or title of the original this file translates."
    ),
) -> None:
    """Import documents. All files land in one transaction, or none do if any is unreadable."""
    files = _expand(paths)
    if not files:
        raise typer.BadParameter("no importable files found")
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("Reading", total=len(files))
        with open_study() as study:
            imported = study.import_files(
                files,
                participant=participant,
                kind=kind,
                language=language,
                title=title,
                encoding=encoding,
                translation_of=translation_of,
                progress=lambda _path: bar.advance(task),
            )
    turns = sum(len(d.turns) for d in imported)
    done(f"Imported {len(imported)} documents ({turns} speaker turns).")


@app.command("list")
def list_documents(
    kind: str = typer.Option(None, help="Only this kind."),
    participant: str = typer.Option(None, "--participant", "-p", help="Only this participant."),
    as_json: bool = JsonOption,
) -> None:
    """List documents."""
    with open_study() as study:
        docs = study.documents(kind=kind, participant=participant)
    if as_json:
        print_json(
            [
                {
                    "id": d.id,
                    "title": d.title,
                    "kind": d.kind,
                    "language": d.language,
                    "participant": d.participant,
                    "translation_of": d.translation_of,
                    "characters": d.length,
                    "words": len(d.text.split()),
                    "turns": len(d.turns),
                    "source_format": d.source_format,
                }
                for d in docs
            ]
        )
        return
    rows = [
        [
            d.id,
            d.title,
            d.kind,
            d.language,
            d.participant,
            d.translation_of,
            len(d.text.split()),
            len(d.turns),
        ]
        for d in docs
    ]
    print_table(
        "Documents",
        ["id", "title", "kind", "lang", "participant", "translates", "words", "turns"],
        rows,
        caption=f"{len(docs)} documents",
    )


@app.command("show")
def show_document(
    ref: str = typer.Argument(..., help="Document id or title."),
    as_json: bool = JsonOption,
) -> None:
    """Print a document's text, turn by turn where it has speaker turns."""
    with open_study() as study:
        doc = study.document(ref)
    if as_json:
        print_json(doc)
        return
    console.rule(f"{doc.title} ({doc.kind}, {doc.language or 'language not set'})")
    if not doc.turns:
        console.print(doc.text, markup=False, highlight=False)
        return
    for turn in doc.turns:
        when = f" [{turn.time_start:.0f}s]" if turn.time_start is not None else ""
        console.print(
            f"[bold]{turn.speaker or '—'}[/bold]{when} [dim]{turn.start}-{turn.end}[/dim]",
            highlight=False,
        )
        console.print(doc.text[turn.start : turn.end], markup=False, highlight=False)


@app.command("update")
def update_document(
    ref: str = typer.Argument(..., help="Document id or title."),
    title: str = typer.Option(None, help="New title."),
    kind: str = typer.Option(None, help="transcript, field_note or other."),
    language: str = typer.Option(None, help="Language code."),
    participant: str = typer.Option(
        None, "--participant", "-p", help="Link to this participant ('' unlinks)."
    ),
    translation_of: str = typer.Option(None, "--translation-of", help="The original's id/title."),
) -> None:
    """Change a document's title, kind, language, participant or original."""
    with open_study() as study:
        doc = study.update_document(
            ref,
            title=title,
            kind=kind,
            language=language,
            participant=participant,
            translation_of=translation_of,
        )
    done(f"Updated document {doc.id} ({doc.title}).")


@app.command("delete")
def delete_document(
    ref: str = typer.Argument(..., help="Document id or title."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Delete a document with its codings."""
    if not yes:
        typer.confirm(f"Delete document {ref} and all its codings?", abort=True)
    with open_study() as study:
        study.delete_document(ref)
    done(f"Deleted document {ref}.")
