"""``thematic encrypt`` and ``thematic decrypt``: a study file with or without a passphrase."""

from __future__ import annotations

import typer

import thematic
from thematic.cli._common import (
    console,
    done,
    new_passphrase,
    passphrase_for,
    state,
    study_location,
)
from thematic.errors import Invalid
from thematic.study.encryption import study_file


def encrypt() -> None:
    """Encrypt the study file with a passphrase (asked for twice at a terminal)."""
    location = study_location()
    study_file(location)  # a PostgreSQL URL or a missing file: say so before asking
    if thematic.is_encrypted(location):
        raise Invalid(f"{location} is already encrypted")
    passphrase = new_passphrase(location)
    with console.status(f"Encrypting {location}..."):
        plain = thematic.encrypt(location, passphrase, user=state.user)
    done(f"Encrypted {location}. Keep the passphrase safe: without it the study is lost.")
    console.print(
        "The old, unencrypted file's blocks may stay on the disk until overwritten; "
        "for studies that must never be stored in plain text, create them encrypted "
        "('thematic init FILE --encrypt')."
    )
    for backup in plain:
        console.print(f"[yellow]Not encrypted: the upgrade backup {backup}; remove it.[/yellow]")


def decrypt() -> None:
    """Remove the encryption: the study file becomes a plain SQLite file again."""
    location = study_location()
    study_file(location)
    if not thematic.is_encrypted(location):
        raise Invalid(f"{location} is not encrypted")
    passphrase = passphrase_for(location)
    if passphrase is None:
        raise Invalid(f"{location}: give its passphrase (--passphrase or THEMATIC_PASSPHRASE)")
    with console.status(f"Decrypting {location}..."):
        thematic.decrypt(location, passphrase, user=state.user)
    done(f"Decrypted {location}: it is a plain SQLite file now, readable without a passphrase.")


def register(app: typer.Typer) -> None:
    """Add the encryption commands to the top-level app."""
    app.command("encrypt")(encrypt)
    app.command("decrypt")(decrypt)
