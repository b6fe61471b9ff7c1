"""The ``thematic`` command line: one Typer sub-app per noun, errors as one red line."""

from __future__ import annotations

import typer
from rich.markup import escape
from typer.core import TyperGroup

from thematic import __version__
from thematic.cli import (
    agreement,
    analysis,
    assignments,
    codes,
    coding,
    documents,
    encryption,
    memos,
    participants,
    phases,
    privacy,
    queries,
    saturation,
    serve,
    study,
)
from thematic.cli._common import err_console, state
from thematic.errors import ThematicError


class _Group(TyperGroup):
    """Turns thematic's own errors into one red line and exit code 1, for every command."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except ThematicError as error:
            err_console.print(
                f"[red]Error: {escape(str(error))}[/red]", highlight=False, soft_wrap=True
            )
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_Group,
    name="thematic",
    help="Qualitative interview studies from recruitment to published results.\n\n"
    "Start with 'thematic demo' to make a demo study, or 'thematic init' for your own.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"thematic {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    study_path: str = typer.Option(
        None,
        "--study",
        "-s",
        help="The study: a .thematic file or a postgresql:// URL "
        "(default: $THEMATIC_STUDY, or the only .thematic file in this folder).",
    ),
    user: str = typer.Option(
        None, "--as", help="Act as this member of the study (their role applies)."
    ),
    passphrase: str = typer.Option(
        None,
        "--passphrase",
        help="The passphrase of an encrypted study (default: $THEMATIC_PASSPHRASE, or asked "
        "for at a terminal; a passphrase typed here stays in your shell's history).",
        show_default=False,
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Qualitative interview studies from recruitment to published results."""
    state.study = study_path
    state.user = user
    state.passphrase = passphrase


study.register(app)
encryption.register(app)
app.command("serve")(serve.serve)
app.command("blind")(assignments.blind)
app.command("discrepancies")(agreement.discrepancies)
app.command("agreement")(agreement.agreement)
app.add_typer(agreement.reconcile_app, name="reconcile")
app.add_typer(assignments.app, name="assignments")
app.add_typer(participants.app, name="participants")
app.add_typer(participants.attributes_app, name="attributes")
app.add_typer(participants.criteria_app, name="criteria")
app.add_typer(participants.consent_app, name="consent")
app.add_typer(documents.app, name="documents")
app.add_typer(codes.app, name="codes")
app.add_typer(coding.coders_app, name="coders")
app.add_typer(coding.codings_app, name="codings")
app.add_typer(memos.app, name="memos")
app.add_typer(queries.app, name="query")
app.command("figures")(analysis.figures)
app.command("report")(analysis.report)
app.command("saturation")(saturation.saturation)
app.add_typer(analysis.export_app, name="export")
app.add_typer(analysis.framework_app, name="framework")
app.add_typer(analysis.quotes_app, name="quotes")
app.add_typer(analysis.coreq_app, name="coreq")
app.add_typer(study.template_app, name="template")
app.add_typer(study.guide_app, name="guide")
app.command("status")(phases.status)
app.add_typer(phases.phase_app, name="phase")
app.add_typer(phases.map_app, name="map")
app.add_typer(privacy.app, name="deidentify")
app.command("withdraw")(privacy.withdraw)
app.command("purge")(privacy.purge)


def main() -> None:
    """Entry point of the ``thematic`` command."""
    app()
