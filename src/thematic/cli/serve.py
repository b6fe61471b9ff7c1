"""``thematic serve``: the web app on this machine or for a team."""

from __future__ import annotations

import typer

import thematic
from thematic.cli._common import console, passphrase_for, study_location


def serve(
    study: str = typer.Argument(
        None, help="A .thematic file or postgresql:// URL (default: as for other commands)."
    ),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 for a team)."),
    port: int = typer.Option(8000, help="Port to listen on."),
    secure_cookies: bool = typer.Option(
        False, "--secure-cookies", help="Send the session cookie over HTTPS only (behind TLS)."
    ),
) -> None:
    """Serve the study in the browser: coding, codebook, memos, participants, documents."""
    import uvicorn

    from thematic.web import create_app

    target = study or study_location()
    # Asked for once, here: the web app keeps the study open, and its connections keyed.
    opened = thematic.open(target, passphrase=passphrase_for(target))
    app = create_app(opened, secure_cookies=secure_cookies)
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    console.print(f"Serving [bold]{target}[/bold] at [bold]http://{shown}:{port}/[/bold]")
    console.print("Open that address in your browser. Press Ctrl+C to stop.")
    uvicorn.run(app, host=host, port=port, log_level="warning")
