"""Participants (cases), their typed attributes, eligibility criteria and consent records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from thematic.core import attributes as attr
from thematic.core.eligibility import OPERATORS, check_criterion, screen
from thematic.core.models import AttributeDef, AttributeValue, Consent, Criterion, Participant
from thematic.errors import Conflict, Invalid, NotFound
from thematic.formats.tables import read_table
from thematic.store.schema import attribute_defs, consents, criteria, participant_values
from thematic.store.schema import participants as participants_t
from thematic.study._base import StudyBase, new_id, utcnow

_LABEL_COLUMNS = ("label", "participant", "participant id", "id", "case", "code")


class ParticipantsMixin(StudyBase):
    """Participants, attributes, criteria, screening and consent."""

    # -- attributes --------------------------------------------------------------------------
    def attributes(self) -> list[AttributeDef]:
        """The participant attributes defined in this study, in order."""
        with self._read() as connection:
            return self._attribute_defs(connection)

    def _attribute_defs(self, connection: sa.Connection) -> list[AttributeDef]:
        query = sa.select(attribute_defs).order_by(attribute_defs.c.position)
        if self._hide_identifying:
            query = query.where(attribute_defs.c.identifying.is_(False))
        return [_definition(r) for r in connection.execute(query)]

    def add_attribute(
        self,
        name: str,
        type: str = "text",
        allowed: Iterable[str] = (),
        description: str = "",
        *,
        identifying: bool = False,
    ) -> AttributeDef:
        """Define a participant attribute (text, number, date, or category with allowed values);
        ``identifying=True`` keeps it out of de-identified exports (a name, a phone number)."""
        self._require("manage")
        with self._tx() as connection:
            definition = self._add_attribute(connection, name, type, tuple(allowed), description)
            if identifying:
                connection.execute(
                    attribute_defs.update()
                    .where(attribute_defs.c.name == definition.name)
                    .values(identifying=True)
                )
                definition = replace(definition, identifying=True)
            self._audit(connection, "attribute.add", name, type=type, identifying=identifying)
        return definition

    def _add_attribute(
        self,
        connection: sa.Connection,
        name: str,
        type: str,
        allowed: tuple[str, ...],
        description: str,
    ) -> AttributeDef:
        name = name.strip()
        if not name:
            raise Invalid("an attribute needs a name")
        if len(name) > 100:
            raise Invalid(f"attribute {name[:40]!r}...: a name is at most 100 characters")
        if type not in attr.TYPES:
            raise Invalid(f"attribute {name!r}: type must be one of {', '.join(attr.TYPES)}")
        if type == "category" and not allowed:
            raise Invalid(f"attribute {name!r}: a category needs its allowed values")
        if type != "category" and allowed:
            raise Invalid(f"attribute {name!r}: only a category has allowed values")
        existing = {d.name.casefold() for d in self._attribute_defs(connection)}
        if name.casefold() in existing:
            raise Conflict(f"attribute {name!r} already exists")
        position = len(existing)
        connection.execute(
            attribute_defs.insert().values(
                name=name,
                type=type,
                allowed=[str(a) for a in allowed],
                description=description,
                position=position,
            )
        )
        return AttributeDef(name, type, tuple(str(a) for a in allowed), description)

    def _attribute_ids(
        self, connection: sa.Connection, *, hidden_too: bool = False
    ) -> dict[str, tuple[int, AttributeDef]]:
        query = sa.select(attribute_defs)
        if self._hide_identifying and not hidden_too:
            query = query.where(attribute_defs.c.identifying.is_(False))
        return {r.name: (r.id, _definition(r)) for r in connection.execute(query)}

    def set_attribute_identifying(self, name: str, identifying: bool = True) -> AttributeDef:
        """Mark an attribute identifying (a name, a phone number): de-identified exports and
        reports leave it out. Owner only."""
        self._require("manage")
        with self._tx() as connection:
            found = self._attribute_ids(connection).get(name)
            if found is None:
                raise NotFound(f"no participant attribute {name!r}")
            connection.execute(
                attribute_defs.update()
                .where(attribute_defs.c.id == found[0])
                .values(identifying=identifying)
            )
            self._audit(connection, "attribute.identifying", name, identifying=identifying)
            return self._attribute_ids(connection)[name][1]

    # -- participants ------------------------------------------------------------------------
    def add_participant(
        self, label: str, attributes: Mapping[str, Any] | None = None, **values: Any
    ) -> Participant:
        """Add a participant with attribute values (by attribute name)."""
        self._require("manage")
        label = label.strip()
        merged = {**(attributes or {}), **values}
        with self._tx() as connection:
            self._insert_participant(connection, label, merged, where=f"participant {label}")
            self._audit(connection, "participant.add", label)
        return self.participant(label)

    def _insert_participant(
        self, connection: sa.Connection, label: str, values: Mapping[str, Any], where: str
    ) -> int:
        label = label.strip()
        if not label:
            raise Invalid(f"{where}: a participant needs a label (e.g. P07)")
        if len(label) > 100:
            raise Invalid(f"{where}: a participant label is at most 100 characters")
        exists = connection.execute(
            sa.select(participants_t.c.id).where(participants_t.c.label == label)
        ).scalar_one_or_none()
        if exists is not None:
            raise Conflict(f"{where}: participant {label} already exists")
        participant_id = new_id(
            connection, participants_t.insert().values(label=label, created_at=utcnow())
        )
        self._write_values(connection, participant_id, values, where)
        return int(participant_id)

    def _write_values(
        self, connection: sa.Connection, participant_id: int, values: Mapping[str, Any], where: str
    ) -> None:
        defs = self._attribute_ids(connection)
        folded = {name.casefold(): name for name in defs}
        for name, raw in values.items():
            key = folded.get(name.casefold())
            if key is None:
                raise NotFound(f"{where}: no attribute {name!r} (define it first)")
            attribute_id, definition = defs[key]
            try:
                value = attr.parse_value(definition, raw)
            except ValueError as error:
                raise Invalid(f"{where}: {key} {error}") from None
            connection.execute(
                participant_values.delete().where(
                    (participant_values.c.participant_id == participant_id)
                    & (participant_values.c.attribute_id == attribute_id)
                )
            )
            connection.execute(
                participant_values.insert().values(
                    participant_id=participant_id,
                    attribute_id=attribute_id,
                    value=attr.canonical(value),
                )
            )

    def set_attributes(self, label: str, **values: Any) -> Participant:
        """Change attribute values of a participant (an empty value clears it)."""
        self._require("manage")
        with self._tx() as connection:
            participant_id = self._participant_id(connection, label)
            self._write_values(connection, participant_id, values, f"participant {label}")
            self._audit(connection, "participant.update", label, attributes=sorted(values))
        return self.participant(label)

    def participants(self) -> list[Participant]:
        """Every participant with attributes, eligibility and latest consent, by label."""
        with self._read() as connection:
            return self._participants(connection)

    def participant(self, label: str) -> Participant:
        """One participant by label."""
        for participant in self.participants():
            if participant.label == label:
                return participant
        raise NotFound(f"no participant {label!r}")

    def _participants(self, connection: sa.Connection) -> list[Participant]:
        # Screening uses every attribute; an export's view then hides the identifying ones
        # (and the reasons of criteria on them), so eligibility is the same in both.
        defs = {i: d for i, d in self._attribute_ids(connection, hidden_too=True).values()}
        hidden = {d.name for d in defs.values() if d.identifying and self._hide_identifying}
        values: dict[int, dict[str, AttributeValue]] = {}
        for row in connection.execute(sa.select(participant_values)):
            definition = defs[row.attribute_id]
            values.setdefault(row.participant_id, {})[definition.name] = attr.restore(
                definition, row.value
            )
        rules = self._criteria(connection)
        latest = self._latest_consents(connection)
        result = []
        for row in connection.execute(sa.select(participants_t).order_by(participants_t.c.label)):
            attributes = values.get(row.id, {})
            screening = screen(row.label, attributes, rules)
            failed = screening.failed
            if hidden:
                attributes = {k: v for k, v in attributes.items() if k not in hidden}
                failed = tuple(
                    f"{rule.name}: not met" if rule.attribute in hidden else reason
                    for rule in rules
                    if (reason := check_criterion(rule, values.get(row.id, {}).get(rule.attribute)))
                )
            result.append(
                Participant(
                    id=row.id,
                    label=row.label,
                    attributes=attributes,
                    eligible=screening.eligible,
                    failed_criteria=failed,
                    consent=latest.get(row.id),
                )
            )
        return result

    def import_participants(
        self, path: str | Path, *, encoding: str | None = None, update: bool = True
    ) -> list[Participant]:
        """Import a participant sheet (.csv or .xlsx): one row per participant.

        The label column is the first of: label, participant, participant id, id, case, code.
        Other columns are attributes; a column with no attribute yet becomes a new one whose
        type is inferred (number, date, else text). Existing participants are updated when
        ``update`` is true, refused otherwise. The whole sheet lands or none of it.
        """
        self._require("manage")
        path = Path(path)
        header, records = read_table(path, encoding)
        label_column = next((c for c in header if c.casefold() in _LABEL_COLUMNS), None)
        if label_column is None:
            raise Invalid(f"{path}: no participant label column (name one 'label')")
        with self._tx() as connection:
            created = self._create_missing_attributes(connection, header, label_column, records)
            labels = []
            for number, record in enumerate(records, start=2):
                labels.append(
                    self._import_row(
                        connection, record, label_column, f"{path} row {number}", update
                    )
                )
            self._audit(
                connection,
                "participant.import",
                path.name,
                rows=len(labels),
                new_attributes=created,
            )
        wanted = set(labels)
        return [p for p in self.participants() if p.label in wanted]

    def _create_missing_attributes(
        self,
        connection: sa.Connection,
        header: list[str],
        label_column: str,
        records: list[dict[str, Any]],
    ) -> list[str]:
        known = {name.casefold() for name in self._attribute_ids(connection)}
        created = []
        for column in header:
            if column == label_column or column.casefold() in known:
                continue
            kind = attr.infer_type(record[column] for record in records)
            self._add_attribute(connection, column, kind, (), "imported from a sheet")
            created.append(column)
        return created

    def _import_row(
        self,
        connection: sa.Connection,
        record: dict[str, Any],
        label_column: str,
        where: str,
        update: bool,
    ) -> str:
        label = str(record[label_column]).strip()
        values = {k: v for k, v in record.items() if k != label_column}
        if not label:
            raise Invalid(f"{where}: the participant label is empty")
        existing = connection.execute(
            sa.select(participants_t.c.id).where(participants_t.c.label == label)
        ).scalar_one_or_none()
        if existing is None:
            self._insert_participant(connection, label, values, where)
        elif update:
            self._write_values(connection, existing, values, where)
        else:
            raise Conflict(f"{where}: participant {label} already exists")
        return label

    # -- eligibility -------------------------------------------------------------------------
    def criteria(self) -> list[Criterion]:
        """The study's eligibility criteria, in order."""
        with self._read() as connection:
            return self._criteria(connection)

    def _criteria(self, connection: sa.Connection) -> list[Criterion]:
        rows = connection.execute(sa.select(criteria).order_by(criteria.c.position))
        return [Criterion(r.name, r.attribute, r.operator, r.value) for r in rows]

    def add_criterion(self, name: str, attribute: str, operator: str, value: Any) -> Criterion:
        """Add an eligibility criterion ``attribute operator value`` (e.g. years >= 1)."""
        self._require("manage")
        with self._tx() as connection:
            criterion = self._add_criterion(connection, name, attribute, operator, value)
            self._audit(connection, "criterion.add", name, rule=f"{attribute} {operator} {value}")
        return criterion

    def _add_criterion(
        self, connection: sa.Connection, name: str, attribute: str, operator: str, value: Any
    ) -> Criterion:
        defs = self._attribute_ids(connection)
        if attribute not in defs:
            raise NotFound(f"criterion {name!r}: no attribute {attribute!r}")
        if operator not in OPERATORS:
            raise Invalid(f"criterion {name!r}: operator must be one of {', '.join(OPERATORS)}")
        definition = defs[attribute][1]
        try:
            if operator in ("in", "not in"):
                if isinstance(value, str):
                    value = [v.strip() for v in value.split(",")]
                value = [attr.canonical(attr.parse_value(definition, v)) for v in value]
            else:
                value = attr.canonical(attr.parse_value(definition, value))
                if definition.type == "number":
                    value = attr.restore(definition, value)
        except ValueError as error:
            raise Invalid(f"criterion {name!r}: value {error}") from None
        names = {c.name for c in self._criteria(connection)}
        if name in names:
            raise Conflict(f"criterion {name!r} already exists")
        connection.execute(
            criteria.insert().values(
                name=name, attribute=attribute, operator=operator, value=value, position=len(names)
            )
        )
        return Criterion(name, attribute, operator, value)

    def remove_criterion(self, name: str) -> None:
        """Remove an eligibility criterion by name."""
        self._require("manage")
        with self._tx() as connection:
            deleted = connection.execute(criteria.delete().where(criteria.c.name == name))
            if deleted.rowcount == 0:
                raise NotFound(f"no criterion {name!r}")
            self._audit(connection, "criterion.remove", name)

    # -- consent -----------------------------------------------------------------------------
    def add_consent(
        self, label: str, date: dt.date | str, form_version: str, note: str = ""
    ) -> Consent:
        """Record that a participant consented on ``date`` with form ``form_version``."""
        self._require("manage")
        try:
            when = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        except ValueError:
            raise Invalid(f"consent of {label}: date {date!r} is not YYYY-MM-DD") from None
        if not form_version.strip():
            raise Invalid(f"consent of {label}: give the consent form version")
        with self._tx() as connection:
            participant_id = self._participant_id(connection, label)
            consent_id = new_id(
                connection,
                consents.insert().values(
                    participant_id=participant_id,
                    date=when,
                    form_version=form_version.strip(),
                    note=note,
                ),
            )
            self._audit(connection, "consent.add", label, date=when.isoformat())
        return Consent(int(consent_id), label, when, form_version.strip(), note)

    def consents(self, label: str | None = None) -> list[Consent]:
        """Consent records, oldest first, for one participant or all."""
        query = (
            sa.select(consents, participants_t.c.label)
            .join(participants_t)
            .order_by(consents.c.date, consents.c.id)
        )
        if label is not None:
            query = query.where(participants_t.c.label == label)
        with self._read() as connection:
            if label is not None:
                self._participant_id(connection, label)
            rows = connection.execute(query)
            return [Consent(r.id, r.label, r.date, r.form_version, r.note or "") for r in rows]

    def _latest_consents(self, connection: sa.Connection) -> dict[int, Consent]:
        query = (
            sa.select(consents, participants_t.c.label)
            .join(participants_t)
            .order_by(consents.c.date, consents.c.id)
        )
        latest = {}
        for r in connection.execute(query):
            latest[r.participant_id] = Consent(r.id, r.label, r.date, r.form_version, r.note or "")
        return latest


def _definition(row: sa.Row[Any]) -> AttributeDef:
    return AttributeDef(
        row.name, row.type, tuple(row.allowed), row.description or "", bool(row.identifying)
    )
