"""Study-wide commands: init, demo, info, log, screen; ``template`` and ``guide``."""

from __future__ import annotations

from pathlib import Path

import typer

import thematic
from thematic.cli import participants
from thematic.cli._common import (
    JsonOption,
    console,
    done,
    new_passphrase,
    open_study,
    print_json,
    print_table,
    state,
)
from thematic.formats.templates import list_templates, user_template_dir

template_app = typer.Typer(
    help="Study templates: start a study set up like another.", no_args_is_help=True
)
guide_app = typer.Typer(help="The interview guide: questions by domain.", no_args_is_help=True)


def init(
    path: Path = typer.Argument(..., help="The new study file, e.g. rural.thematic."),
    template: str = typer.Option(
        None, "--template", "-t", help="Set up from a template (see 'thematic template list')."
    ),
    title: str = typer.Option("", help="The study's title."),
    owner: str = typer.Option(None, help="Register this person as the study's owner."),
    encrypt: bool = typer.Option(
        False,
        "--encrypt",
        help="Encrypt the file with a passphrase ($THEMATIC_PASSPHRASE, or asked for twice; "
        "a global --passphrase encrypts too).",
    ),
) -> None:
    """Create a new, empty study (optionally from a template)."""
    passphrase = new_passphrase(str(path)) if encrypt or state.passphrase else None
    study = thematic.create(
        path, title=title, template=template, owner=owner, passphrase=passphrase
    )
    with study:
        summary = study.summary()
    done(
        f"Created {path} ({summary['codes']} codes, {len(study.attributes())} attributes, "
        f"{len(study.criteria())} criteria, {len(study.guide())} guide questions)."
    )


def demo(
    path: Path = typer.Option(Path("demo.thematic"), "--path", help="Where to write the demo."),
    seed: int = typer.Option(2024, help="Random seed (the same seed gives the same study)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing demo file."),
) -> None:
    """Create the demo study: 34 interviews about barriers to telemedicine, coded."""
    from thematic.demo import build_demo  # the demo module is large: load it only here

    if path.exists():
        if not force:
            raise typer.BadParameter(f"{path} exists; add --force to replace it")
        path.unlink()
    with console.status("Writing 34 interviews and coding them..."):
        study = build_demo(path, seed=seed)
    with study:
        _print_summary(study.summary())
    console.print(
        f"\nTry: [bold]thematic --study {path} participants list[/bold], "
        f"[bold]thematic --study {path} codes list[/bold]\n"
        f"In your browser: [bold]thematic serve {path}[/bold], then open "
        "http://localhost:8000/ (the first visit creates your owner account)."
    )


def info(as_json: bool = JsonOption) -> None:
    """Summarise the study: participants, documents, codes, codings per coder."""
    with open_study() as study:
        summary = study.summary()
    if as_json:
        print_json(summary)
        return
    _print_summary(summary)


def _print_summary(summary: dict[str, object]) -> None:
    kinds = summary["documents_by_kind"]
    assert isinstance(kinds, dict)
    console.print(f"[bold]{summary['title'] or 'Study'}[/bold]")
    console.print(f"Participants: {summary['participants']} ({summary['eligible']} eligible)")
    console.print(
        "Documents: {} ({})".format(
            summary["documents"], ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        )
    )
    console.print(f"Codes: {summary['codes']}   Memos: {summary['memos']}")
    per_coder = summary["codings_by_coder"]
    assert isinstance(per_coder, dict)
    print_table(
        "Codings per coder",
        ["coder", "codings", "documents"],
        [[name, v["codings"], v["documents"]] for name, v in per_coder.items()],
        caption=f"{summary['codings']} codings in all",
    )


def log(
    limit: int = typer.Option(50, help="How many events (newest first); 0 for all."),
    action: str = typer.Option(None, help="Only actions starting with this, e.g. coding."),
    as_json: bool = JsonOption,
) -> None:
    """Show the audit log: who changed what, when. It cannot be edited."""
    with open_study() as study:
        events = study.log(limit=limit or None, action=action)
    if as_json:
        print_json(events)
        return
    print_table(
        "Audit log",
        ["when (UTC)", "who", "action", "target"],
        [[e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action, e.target] for e in events],
    )


@template_app.command("list")
def template_list(as_json: bool = JsonOption) -> None:
    """List the templates a study can start from."""
    found = list_templates()
    if as_json:
        print_json(found)
        return
    print_table(
        "Templates",
        ["name", "description"],
        list(found.items()),
        caption=f"Your own templates live in {user_template_dir()}",
    )


@template_app.command("save")
def template_save(
    name: str = typer.Argument(..., help="The template's name."),
    output: Path = typer.Option(
        None, "--output", "-o", help="Write here instead of your templates folder."
    ),
) -> None:
    """Save this study's set-up (attributes, criteria, guide, codebook) as a template."""
    target = output or user_template_dir() / f"{name}.yaml"
    with open_study() as study:
        study.save_template(name, target)
    done(f"Saved template {name} to {target}.")


@guide_app.command("list")
def guide_list(as_json: bool = JsonOption) -> None:
    """Show the interview guide."""
    with open_study() as study:
        questions = study.guide()
    if as_json:
        print_json(questions)
        return
    print_table(
        "Interview guide",
        ["#", "domain", "question", "probes"],
        [[i, q.domain, q.text, "; ".join(q.probes)] for i, q in enumerate(questions, start=1)],
    )


@guide_app.command("add")
def guide_add(
    domain: str = typer.Argument(..., help="The domain, e.g. Technological."),
    text: str = typer.Argument(..., help="The question."),
    probe: list[str] = typer.Option(None, "--probe", help="A follow-up probe (repeatable)."),
) -> None:
    """Add a question to the interview guide."""
    with open_study() as study:
        study.add_guide_question(domain, text, probe or [])
    done("Added the question.")


def register(app: typer.Typer) -> None:
    """Add the study-wide commands to the top-level app."""
    app.command("init")(init)
    app.command("demo")(demo)
    app.command("info")(info)
    app.command("log")(log)
    app.command("screen")(participants.screen)
