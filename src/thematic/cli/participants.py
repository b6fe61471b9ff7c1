"""``thematic participants``, ``attributes``, ``criteria``, ``consent`` and ``screen``."""

from __future__ import annotations

from pathlib import Path

import typer

from thematic.cli._common import JsonOption, done, open_study, print_json, print_table, shown

app = typer.Typer(help="Participants (cases) and their attributes.", no_args_is_help=True)
attributes_app = typer.Typer(
    help="Participant attributes: names, types, allowed values.", no_args_is_help=True
)
criteria_app = typer.Typer(help="Eligibility criteria.", no_args_is_help=True)
consent_app = typer.Typer(help="Consent records.", no_args_is_help=True)


def _pairs(values: list[str]) -> dict[str, str]:
    pairs = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{item!r}: write attribute values as name=value")
        pairs[name.strip()] = value
    return pairs


@app.command("list")
def list_participants(
    eligible_only: bool = typer.Option(False, "--eligible", help="Only eligible participants."),
    as_json: bool = JsonOption,
) -> None:
    """List participants with their attributes, eligibility and consent."""
    with open_study() as study:
        people = [p for p in study.participants() if p.eligible or not eligible_only]
        names = [a.name for a in study.attributes()]
    if as_json:
        print_json(people)
        return
    rows = [
        [
            p.label,
            *(shown(p.attributes.get(n)) for n in names),
            "yes" if p.eligible else "no",
            shown(p.consent.date if p.consent else None),
        ]
        for p in people
    ]
    print_table(
        "Participants",
        ["label", *names, "eligible", "consent"],
        rows,
        caption=f"{len(people)} participants",
    )


@app.command("add")
def add_participant(
    label: str = typer.Argument(..., help="The participant's label, e.g. P07."),
    values: list[str] = typer.Argument(None, help="Attribute values as name=value."),
) -> None:
    """Add one participant: thematic participants add P07 role=nurse site=Karachi."""
    with open_study() as study:
        participant = study.add_participant(label, _pairs(values or []))
    done(f"Added {participant.label} ({'eligible' if participant.eligible else 'not eligible'}).")


@app.command("set")
def set_values(
    label: str = typer.Argument(..., help="The participant's label."),
    values: list[str] = typer.Argument(..., help="Attribute values as name=value."),
) -> None:
    """Change attribute values of a participant (name= clears a value)."""
    with open_study() as study:
        study.set_attributes(label, **_pairs(values))
    done(f"Updated {label}.")


@app.command("import")
def import_participants(
    path: Path = typer.Argument(..., help="A .csv or .xlsx sheet, one row per participant."),
    encoding: str = typer.Option(None, help="The CSV's encoding, if detection gets it wrong."),
    no_update: bool = typer.Option(False, "--no-update", help="Refuse rows for existing labels."),
) -> None:
    """Import a participant sheet; new columns become attributes. All rows land or none."""
    with open_study() as study:
        imported = study.import_participants(path, encoding=encoding, update=not no_update)
    eligible = sum(p.eligible for p in imported)
    done(f"Imported {len(imported)} participants from {path.name} ({eligible} eligible).")


@attributes_app.command("list")
def list_attributes(as_json: bool = JsonOption) -> None:
    """List participant attributes."""
    with open_study() as study:
        defs = study.attributes()
    if as_json:
        print_json(defs)
        return
    print_table(
        "Attributes",
        ["name", "type", "allowed values", "description", "identifying"],
        [
            [a.name, a.type, ", ".join(a.allowed), a.description, "yes" if a.identifying else ""]
            for a in defs
        ],
    )


@attributes_app.command("add")
def add_attribute(
    name: str = typer.Argument(..., help="Attribute name, e.g. site."),
    type: str = typer.Option("text", "--type", "-t", help="text, number, date or category."),
    allowed: str = typer.Option("", help="Comma-separated allowed values (categories)."),
    description: str = typer.Option("", help="What the attribute records."),
    identifying: bool = typer.Option(
        False, "--identifying", help="A name, a phone number...: left out of every export."
    ),
) -> None:
    """Define a participant attribute."""
    values = [v.strip() for v in allowed.split(",") if v.strip()]
    with open_study() as study:
        study.add_attribute(name, type, values, description, identifying=identifying)
    done(f"Added attribute {name} ({type}{', identifying' if identifying else ''}).")


@attributes_app.command("identifying")
def mark_identifying(
    name: str = typer.Argument(..., help="The attribute's name."),
    not_: bool = typer.Option(False, "--not", help="Mark it not identifying again."),
) -> None:
    """Mark an attribute identifying: de-identified exports and reports leave it out."""
    with open_study() as study:
        study.set_attribute_identifying(name, not not_)
    done(f"{name} is {'not ' if not_ else ''}identifying.")


@criteria_app.command("list")
def list_criteria(as_json: bool = JsonOption) -> None:
    """List the eligibility criteria."""
    with open_study() as study:
        rules = study.criteria()
    if as_json:
        print_json(rules)
        return
    print_table(
        "Eligibility criteria",
        ["name", "rule"],
        [[c.name, f"{c.attribute} {c.operator} {c.value}"] for c in rules],
    )


@criteria_app.command("add")
def add_criterion(
    name: str = typer.Argument(..., help="What the criterion says, in words."),
    attribute: str = typer.Argument(..., help="The attribute it tests."),
    operator: str = typer.Argument(..., help=">=, >, <=, <, ==, !=, in, 'not in'."),
    value: str = typer.Argument(..., help="The value (comma-separated for in / not in)."),
) -> None:
    """Add an eligibility criterion: thematic criteria add "1+ years" years_clinical '>=' 1."""
    with open_study() as study:
        study.add_criterion(name, attribute, operator, value)
    done(f"Added criterion {name!r}.")


@criteria_app.command("remove")
def remove_criterion(name: str = typer.Argument(..., help="The criterion's name.")) -> None:
    """Remove an eligibility criterion."""
    with open_study() as study:
        study.remove_criterion(name)
    done(f"Removed criterion {name!r}.")


def screen(as_json: bool = JsonOption) -> None:
    """Screen participants: who is eligible, and which criterion each other one fails."""
    with open_study() as study:
        people = study.participants()
        rules = study.criteria()
    if as_json:
        print_json(
            [
                {"participant": p.label, "eligible": p.eligible, "failed": list(p.failed_criteria)}
                for p in people
            ]
        )
        return
    rows = [
        [p.label, "eligible" if p.eligible else "NOT eligible", "; ".join(p.failed_criteria)]
        for p in people
    ]
    eligible = sum(p.eligible for p in people)
    print_table(
        "Screening",
        ["participant", "outcome", "criteria not met"],
        rows,
        caption=f"{eligible} of {len(people)} eligible under {len(rules)} criteria",
    )


@consent_app.command("add")
def add_consent(
    label: str = typer.Argument(..., help="The participant's label."),
    date: str = typer.Option(..., help="Date of consent, YYYY-MM-DD."),
    form_version: str = typer.Option(..., "--form-version", help="Consent form version."),
    note: str = typer.Option("", help="Any note (e.g. 'verbal, recorded')."),
) -> None:
    """Record a participant's consent."""
    with open_study() as study:
        consent = study.add_consent(label, date, form_version, note)
    done(f"Recorded consent of {label} on {consent.date} (form {consent.form_version}).")


@consent_app.command("list")
def list_consents(
    label: str = typer.Argument(None, help="Only this participant."),
    as_json: bool = JsonOption,
) -> None:
    """List consent records."""
    with open_study() as study:
        records = study.consents(label)
    if as_json:
        print_json(records)
        return
    print_table(
        "Consent",
        ["participant", "date", "form version", "note"],
        [[c.participant, c.date, c.form_version, c.note] for c in records],
    )
