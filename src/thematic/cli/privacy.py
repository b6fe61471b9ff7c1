"""``thematic deidentify ...`` and ``thematic withdraw``: de-identification proposals and their
review, the pseudonym key and the study's own list, withdrawal with its preview."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.markup import escape

from thematic.cli._common import (
    JsonOption,
    console,
    done,
    interactive,
    open_study,
    print_json,
    print_table,
)
from thematic.core.models import Proposal
from thematic.errors import Invalid

app = typer.Typer(
    help="De-identification: find identifiers, review the proposed pseudonyms, apply them.",
    no_args_is_help=True,
)
terms_app = typer.Typer(
    help="The study's own list of identifying terms (kept in the encrypted key file).",
    invoke_without_command=True,
)
app.add_typer(terms_app, name="terms")

KeyPassphraseOption = typer.Option(
    None,
    "--key-passphrase",
    help="The pseudonym key's passphrase (default: $THEMATIC_KEY_PASSPHRASE, or asked for at a "
    "terminal).",
    show_default=False,
)


def key_passphrase(given: str | None, *, new_ok: bool = True) -> str:
    """The key passphrase: given, from the environment, or typed at a terminal."""
    value = given or os.environ.get("THEMATIC_KEY_PASSPHRASE")
    if value:
        return value
    if not interactive():
        raise Invalid("give the key passphrase with --key-passphrase or THEMATIC_KEY_PASSPHRASE")
    return str(typer.prompt("Pseudonym key passphrase", hide_input=True))


# -- scanning and reviewing ------------------------------------------------------------------


@app.command("scan")
def scan(
    documents: list[str] = typer.Option(
        None, "--document", "-d", help="Only this document (title or id; repeatable)."
    ),
    no_memos: bool = typer.Option(False, "--no-memos", help="Leave memos out of the scan."),
    no_places: bool = typer.Option(
        False, "--no-places", help="Do not flag the built-in list of cities and districts."
    ),
    model: str = typer.Option(
        "auto",
        "--model",
        help="Named-entity model: auto (a spaCy pipeline if installed), a pipeline name or "
        "path, or none.",
    ),
    passphrase: str = KeyPassphraseOption,
) -> None:
    """Find identifiers in transcripts, field notes and memos and propose pseudonyms.

    Nothing in the texts changes: review the proposals, then 'thematic deidentify apply'.
    """
    with open_study() as study:
        result = study.scan_identifiers(
            key_passphrase=key_passphrase(passphrase),
            documents=documents or None,
            memos=not no_memos,
            places=not no_places,
            model=None if model == "none" else model,
        )
    found = sum(result.proposals.values())
    by_kind = ", ".join(f"{n} {kind}" for kind, n in sorted(result.proposals.items()))
    done(
        f"Scanned {result.documents} documents and {result.memos} memos: "
        f"{found} proposals{f' ({by_kind})' if by_kind else ''}."
    )
    console.print(f"Detectors: {escape(', '.join(result.detectors))}.")
    if result.model_status:
        console.print(escape(result.model_status))
    console.print("Review them with 'thematic deidentify review' (or on the web page).")


@app.command("list")
def list_proposals(
    status: str = typer.Option(
        None, "--status", help="proposed, accepted, rejected or applied (default: all)."
    ),
    document: str = typer.Option(None, "--document", "-d", help="Only this document."),
    kind: str = typer.Option(None, "--kind", help="Only this kind (person, phone, ...)."),
    as_json: bool = JsonOption,
) -> None:
    """List de-identification proposals with the passage around each."""
    with open_study() as study:
        found = study.proposals(status=status, document=document, kind=kind)
    if as_json:
        print_json(found)
        return
    print_table(
        "De-identification proposals",
        ["id", "where", "kind", "found", "replacement", "by", "status", "context"],
        [
            [
                p.id,
                p.where,
                p.kind,
                p.original or "",
                p.replacement,
                f"{p.source} {p.confidence:.2f}",
                p.status,
                p.context,
            ]
            for p in found
        ],
        caption=f"{len(found)} proposals",
    )


@app.command("accept")
def accept(
    ids: list[int] = typer.Argument(None, help="Proposal ids."),
    all_: bool = typer.Option(False, "--all", help="Every proposal still undecided."),
    kind: str = typer.Option(None, "--kind", help="With --all: only this kind."),
    min_confidence: float = typer.Option(
        0.0, "--min-confidence", help="With --all: only proposals at least this confident."
    ),
) -> None:
    """Accept proposals: their identifiers will be replaced by 'apply'."""
    with open_study() as study:
        changed = _decide(study, "accept", ids, all_, kind, min_confidence)
    done(f"Accepted {changed} proposals.")


@app.command("reject")
def reject(
    ids: list[int] = typer.Argument(None, help="Proposal ids."),
    all_: bool = typer.Option(False, "--all", help="Every proposal still undecided."),
    kind: str = typer.Option(None, "--kind", help="With --all: only this kind."),
) -> None:
    """Reject proposals: the text stays as it is, and a later scan does not propose it again."""
    with open_study() as study:
        changed = _decide(study, "reject", ids, all_, kind, 0.0)
    done(f"Rejected {changed} proposals.")


def _decide(study, decision, ids, all_, kind, min_confidence) -> int:  # type: ignore[no-untyped-def]
    if all_:
        return int(study.decide_undecided(decision, kind=kind, min_confidence=min_confidence))
    if not ids:
        raise Invalid("give proposal ids, or --all")
    return int(study.decide_proposals(ids, decision))


@app.command("edit")
def edit(
    proposal_id: int = typer.Argument(..., help="The proposal's id."),
    replacement: str = typer.Option(None, "--replacement", "-r", help="The new replacement."),
    start: int = typer.Option(None, "--start", help="New start (code points)."),
    end: int = typer.Option(None, "--end", help="New end (code points)."),
) -> None:
    """Change a proposal's replacement or extent (the proposal is then accepted)."""
    with open_study() as study:
        edited = study.edit_proposal(proposal_id, replacement=replacement, start=start, end=end)
    done(f"Proposal {edited.id}: {edited.original!r} -> {edited.replacement} (accepted).")


@app.command("add")
def add(
    document: str = typer.Argument(..., help="The document (title or id)."),
    start: int = typer.Argument(..., help="Start (code points)."),
    end: int = typer.Argument(..., help="End (code points)."),
    kind: str = typer.Argument(..., help="person, place, institution, phone, ... or custom."),
    replacement: str = typer.Option(
        None, "--replacement", "-r", help="Default: the study's pseudonym for it."
    ),
    passphrase: str = KeyPassphraseOption,
) -> None:
    """Mark an identifier the detectors missed (accepted at once)."""
    with open_study() as study:
        added = study.add_proposal(
            document, start, end, kind, replacement, key_passphrase=key_passphrase(passphrase)
        )
    done(f"Proposal {added.id}: {added.original!r} -> {added.replacement} (accepted).")


@app.command("review")
def review(
    document: str = typer.Option(None, "--document", "-d", help="Only this document."),
) -> None:
    """Go through undecided proposals one by one: accept, reject, edit, skip or quit."""
    if not interactive():
        raise Invalid("review needs a terminal: use 'deidentify accept/reject/edit' instead")
    with open_study() as study:
        pending = study.proposals(status="proposed", document=document)
        for number, proposal in enumerate(pending, start=1):
            _show(proposal, number, len(pending))
            answer = typer.prompt("[a]ccept, [r]eject, [e]dit, [s]kip, [q]uit", default="a")
            choice = answer.strip().lower()[:1]
            if choice == "q":
                break
            if choice == "a":
                study.decide_proposals([proposal.id], "accept")
            elif choice == "r":
                study.decide_proposals([proposal.id], "reject")
            elif choice == "e":
                new = typer.prompt("Replacement", default=proposal.replacement)
                study.edit_proposal(proposal.id, replacement=new)
        left = len(study.proposals(status="proposed", context=False))
    done(f"Review saved; {left} proposals still undecided.")


def _show(proposal: Proposal, number: int, total: int) -> None:
    found = proposal.original or ""
    before, _, after = proposal.context.partition(found)
    console.print(
        f"\n[bold]{number}/{total}[/bold]  {escape(proposal.where)}  "
        f"({escape(proposal.kind)}, {escape(proposal.source)} {proposal.confidence:.2f})"
    )
    console.print(
        f"  {escape(before)}[reverse]{escape(found)}[/reverse]{escape(after)}", soft_wrap=True
    )
    console.print(f"  -> [green]{escape(proposal.replacement)}[/green]")


@app.command("apply")
def apply(
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    passphrase: str = KeyPassphraseOption,
) -> None:
    """Replace every accepted identifier, in one transaction, moving codings with the text."""
    with open_study() as study:
        accepted = study.proposals(status="accepted", context=False)
        if not accepted:
            done("Nothing accepted to apply.")
            return
        texts = len({p.where for p in accepted})
        if not yes:
            if not interactive():
                raise Invalid("add --yes to apply without a terminal")
            typer.confirm(
                f"Replace {len(accepted)} identifiers in {texts} texts? This cannot be undone "
                "in the study (the key keeps the originals).",
                abort=True,
            )
        applied = study.apply_deidentification(key_passphrase=key_passphrase(passphrase))
        backups = study.upgrade_backups()
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(applied.items()))
    done(f"Replaced {sum(applied.values())} identifiers ({kinds}) in {texts} texts.")
    _warn_backups(backups)


def _warn_backups(backups: list[Path]) -> None:
    if backups:
        names = ", ".join(str(b) for b in backups)
        console.print(
            f"[yellow]Older copies of the study still hold what was removed: {escape(names)} "
            "(made before schema upgrades). Delete them.[/yellow]"
        )


@app.command("report")
def report(
    output: Path = typer.Option(None, "--output", "-o", help="Write a .csv or .xlsx file."),
    as_json: bool = JsonOption,
) -> None:
    """What was replaced where, by kind, without the original values."""
    with open_study() as study:
        rows = study.deidentification_report()
    if output is not None:
        import pandas as pd

        from thematic.formats.frames import write_frames

        frame = pd.DataFrame(rows, columns=["where", "kind", "replacements", "labels", "applied"])
        written = write_frames(output, {"De-identification": frame})
        done(f"Wrote {len(rows)} rows to {', '.join(str(p) for p in written)}.")
        return
    if as_json:
        print_json(rows)
        return
    print_table(
        "De-identification report",
        ["where", "kind", "replacements", "labels", "applied (UTC)"],
        [
            [r["where"], r["kind"], r["replacements"], r["labels"], f"{r['applied']:%Y-%m-%d}"]
            for r in rows
        ],
        caption=f"{sum(r['replacements'] for r in rows)} replacements",
    )


@app.command("key")
def key(
    path: Path = typer.Option(None, "--path", help="Keep the key file here from now on."),
) -> None:
    """Show where the pseudonym key file is, or say where it is kept from now on."""
    with open_study() as study:
        if path is not None:
            where = study.set_key_file(path)
            done(f"The pseudonym key is now expected at {where} (move the file there).")
            return
        where = study.key_file()
    if where is None:
        console.print("No key file yet: choose one with --path.")
        return
    state = "exists" if where.exists() else "not created yet"
    console.print(f"Pseudonym key: {escape(str(where))} ({state}). Keep it apart from the study.")


@app.command("scheme")
def scheme(
    kind: str = typer.Argument(None, help="A kind (person, doctor, place, hospital, ...)."),
    template: str = typer.Argument(None, help="Its label, with {n} or {letter}: '[Nurse {n}]'."),
) -> None:
    """Show the pseudonym labels, or set the label of one kind."""
    with open_study() as study:
        if kind is not None:
            if template is None:
                raise Invalid("give the kind's new label too")
            study.set_pseudonym_scheme({kind: template})
        current = study.pseudonym_scheme()
    print_table("Pseudonym labels", ["kind", "label"], sorted(current.items()))


# -- the study's own list -------------------------------------------------------------------


@terms_app.callback()
def terms_list(
    ctx: typer.Context, passphrase: str = KeyPassphraseOption, as_json: bool = JsonOption
) -> None:
    """List the study's identifying terms (with 'add' and 'remove')."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = passphrase
        return
    with open_study() as study:
        found = study.identifying_terms(key_passphrase=key_passphrase(passphrase))
    if as_json:
        print_json(found)
        return
    print_table(
        "Identifying terms",
        ["term", "kind", "participant"],
        [[t.term, t.kind, t.participant or ""] for t in found],
    )


@terms_app.command("add")
def terms_add(
    ctx: typer.Context,
    term: str = typer.Argument(..., help="A real name, a colleague, a village..."),
    kind: str = typer.Option("person", "--kind", help="person, place, institution, ..."),
    participant: str = typer.Option(
        None, "--participant", "-p", help="Whose it is: removed if they withdraw."
    ),
) -> None:
    """Add a term the scan will find wherever it appears."""
    with open_study() as study:
        study.add_identifying_term(
            term, kind, participant=participant, key_passphrase=key_passphrase(ctx.obj)
        )
    done(f"Added a {kind} term to the study's list (kept in the encrypted key).")


@terms_app.command("remove")
def terms_remove(ctx: typer.Context, term: str = typer.Argument(..., help="The term.")) -> None:
    """Take a term off the list."""
    with open_study() as study:
        study.remove_identifying_term(term, key_passphrase=key_passphrase(ctx.obj))
    done("Removed the term.")


# -- withdrawal -----------------------------------------------------------------------------


def withdraw(
    participant: str = typer.Argument(..., help="The participant's label, e.g. P07."),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Delete without asking (the preview is still printed)."
    ),
    list_: bool = typer.Option(False, "--list", help="List earlier withdrawals instead."),
    passphrase: str = KeyPassphraseOption,
) -> None:
    """Withdraw a participant: show everything of theirs that will be deleted, then delete it.

    Their documents (and translations), codings, memos about them, attribute values, consent
    records and key entries go; a record that a withdrawal happened, and when, stays.
    """
    with open_study() as study:
        if list_:
            _list_withdrawals(study)
            return
        secret = key_passphrase(passphrase) if study.has_key() else None
        preview = study.withdrawal_preview(participant, key_passphrase=secret)
        _print_preview(preview)
        if not yes:
            if not interactive():
                raise Invalid("add --yes to withdraw without a terminal")
            typer.confirm(f"Delete all of this for {participant}? It cannot be undone.", abort=True)
        record = study.withdraw(participant, key_passphrase=secret, expected=preview.counts())
        backups = study.upgrade_backups()
    done(
        f"Withdrawal {record.id} recorded: {participant}'s data deleted "
        f"({record.deleted['documents']} documents, {record.deleted['codings']} codings)."
    )
    _warn_backups(backups)


def _print_preview(preview) -> None:  # type: ignore[no-untyped-def]
    console.print(f"[bold]Withdrawing {escape(preview.participant)} deletes:[/bold]")
    rows = [
        ["documents", ", ".join(preview.documents) or "none"],
        ["characters of text", preview.characters],
        ["codings", ", ".join(f"{n} by {c}" for c, n in preview.codings.items()) or "none"],
        ["memos only about them", "; ".join(preview.memos) or "none"],
        ["attribute values", ", ".join(f"{k}={v}" for k, v in preview.attributes.items())],
        ["consent records", preview.consents],
        ["pinned quotes", preview.pinned_quotes],
        ["discrepancy decisions", preview.decisions],
        ["framework summaries", preview.framework_summaries],
        ["assignments", preview.assignments],
        ["speaker turns", preview.turns],
        ["de-identification records", preview.proposals],
        [
            "pseudonym key entries",
            "key not opened" if preview.key_entries is None else preview.key_entries,
        ],
    ]
    print_table("", ["what", "deleted"], rows)


def _list_withdrawals(study) -> None:  # type: ignore[no-untyped-def]
    records = study.withdrawals()
    print_table(
        "Withdrawals",
        ["#", "when (UTC)", "recorded by", "deleted"],
        [
            [
                r.id,
                f"{r.at:%Y-%m-%d %H:%M}",
                r.recorded_by,
                ", ".join(f"{n} {what}" for what, n in r.deleted.items() if n),
            ]
            for r in records
        ],
        caption="The record does not say who withdrew.",
    )


def purge() -> None:
    """Remove deleted text from the search index, free pages and the file (withdraw and
    deidentify apply do this themselves; run it if that step was interrupted)."""
    with open_study() as study:
        study.purge_deleted()
        backups = study.upgrade_backups()
    done("Purged: deleted text is gone from the search index and the file.")
    _warn_backups(backups)
