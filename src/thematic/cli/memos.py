"""``thematic memos``: analytic, reflexive and field-note memos in Markdown."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markdown import Markdown

from thematic.cli._common import JsonOption, console, done, open_study, print_json, print_table

app = typer.Typer(
    help="Memos in Markdown, linked to the study or to one thing in it.", no_args_is_help=True
)

LinkOption = typer.Option(
    None,
    "--link",
    "-l",
    help="What the memo is about: document:ID, code:PATH, participant:LABEL, coding:ID.",
)


def _link(value: str | None) -> tuple[str, int | str] | None:
    if not value:
        return None
    kind, sep, ref = value.partition(":")
    if not sep:
        raise typer.BadParameter(f"{value!r}: write the link as kind:reference, e.g. code:Trust")
    return kind, ref


@app.command("add")
def add_memo(
    body: str = typer.Argument(None, help="The memo text (Markdown); or use --file."),
    file: Path = typer.Option(None, "--file", "-f", help="Read the body from a Markdown file."),
    title: str = typer.Option("", help="A title."),
    kind: str = typer.Option("analytic", help="analytic, reflexive or field_note."),
    link: str = LinkOption,
) -> None:
    """Write a memo."""
    if file is not None:
        body = file.read_text(encoding="utf-8")
    if not body:
        raise typer.BadParameter("give the memo text or --file")
    with open_study() as study:
        memo = study.add_memo(body, title=title, kind=kind, link=_link(link))
    done(f"Saved memo {memo.id}.")


@app.command("list")
def list_memos(
    link: str = LinkOption,
    kind: str = typer.Option(None, help="Only this kind."),
    as_json: bool = JsonOption,
) -> None:
    """List memos."""
    with open_study() as study:
        found = study.memos(link=_link(link), kind=kind)
    if as_json:
        print_json(found)
        return
    rows = [
        [
            m.id,
            m.kind,
            m.title or m.body.splitlines()[0][:50],
            m.author,
            f"{m.link_type}:{m.link_id}" if m.link_id else m.link_type,
            m.updated_at.strftime("%Y-%m-%d %H:%M"),
        ]
        for m in found
    ]
    print_table("Memos", ["id", "kind", "title", "author", "about", "updated"], rows)


@app.command("show")
def show_memo(memo_id: int = typer.Argument(..., help="The memo's id.")) -> None:
    """Show a memo, rendered."""
    with open_study() as study:
        memo = study.memo(memo_id)
    console.rule(f"{memo.title or 'Memo'} ({memo.kind}, {memo.author})")
    console.print(Markdown(memo.body))


@app.command("delete")
def delete_memo(memo_id: int = typer.Argument(..., help="The memo's id.")) -> None:
    """Delete a memo."""
    with open_study() as study:
        study.delete_memo(memo_id)
    done(f"Deleted memo {memo_id}.")
