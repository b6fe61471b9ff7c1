"""Study-wide set-up: settings, the interview guide, templates, codebook files, the audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from thematic.core.models import AuditEvent, Code, GuideQuestion
from thematic.errors import Invalid
from thematic.formats.codebook import read_codebook, write_codebook
from thematic.formats.templates import dump_template, load_template
from thematic.store.schema import (
    audit_log,
    codings,
    documents,
    guide_questions,
    memos,
    participants,
    settings,
    users,
)
from thematic.study._base import new_id
from thematic.study.coding import CodingMixin
from thematic.study.participants import ParticipantsMixin


class SetupMixin(ParticipantsMixin, CodingMixin):
    """Settings, interview guide, templates, codebook import/export, audit log, summary."""

    # -- settings ----------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        """A study setting (``title``, ``description``, ``template``, ...)."""
        with self._read() as connection:
            return self._setting(connection, key, default)

    def _setting(self, connection: sa.Connection, key: str, default: Any = None) -> Any:
        value = connection.execute(
            sa.select(settings.c.value).where(settings.c.key == key)
        ).scalar_one_or_none()
        return default if value is None else value

    def set_setting(self, key: str, value: Any) -> None:
        """Store a study setting (any JSON value)."""
        self._require("manage")
        if key == "format":
            raise Invalid("the 'format' setting marks the file as a study and cannot change")
        with self._tx() as connection:
            self._put_setting(connection, key, value)
            self._audit(connection, "setting.set", key)

    def _put_setting(self, connection: sa.Connection, key: str, value: Any) -> None:
        connection.execute(settings.delete().where(settings.c.key == key))
        connection.execute(settings.insert().values(key=key, value=value))

    # -- interview guide ---------------------------------------------------------------------
    def guide(self) -> list[GuideQuestion]:
        """The interview guide's questions, in order."""
        with self._read() as connection:
            rows = connection.execute(
                sa.select(guide_questions).order_by(guide_questions.c.position)
            )
            return [GuideQuestion(r.id, r.domain, r.text, tuple(r.probes)) for r in rows]

    def add_guide_question(
        self, domain: str, text: str, probes: list[str] | tuple[str, ...] = ()
    ) -> GuideQuestion:
        """Add a question (with its probes) to the interview guide under ``domain``."""
        self._require("manage")
        with self._tx() as connection:
            question = self._add_question(connection, domain, text, list(probes))
            self._audit(connection, "guide.add", domain)
        return question

    def _add_question(
        self, connection: sa.Connection, domain: str, text: str, probes: list[str]
    ) -> GuideQuestion:
        if not domain.strip() or not text.strip():
            raise Invalid("a guide question needs a domain and a text")
        position = connection.execute(
            sa.select(sa.func.count()).select_from(guide_questions)
        ).scalar_one()
        question_id = new_id(
            connection,
            guide_questions.insert().values(
                domain=domain.strip(), text=text.strip(), probes=probes, position=position
            ),
        )
        return GuideQuestion(int(question_id), domain.strip(), text.strip(), tuple(probes))

    # -- templates ---------------------------------------------------------------------------
    def apply_template(self, name_or_path: str) -> None:
        """Set this study up from a template: attributes, criteria, guide, codebook."""
        self._require("manage")
        template = load_template(name_or_path)
        with self._tx() as connection:
            for item in template.get("attributes", []):
                self._add_attribute(
                    connection,
                    str(item["name"]),
                    str(item.get("type", "text")),
                    tuple(str(a) for a in item.get("allowed", [])),
                    str(item.get("description", "")),
                )
            for item in template.get("criteria", []):
                self._add_criterion(
                    connection, item["name"], item["attribute"], item["operator"], item["value"]
                )
            for section in template.get("guide", []):
                for question in section.get("questions", []):
                    self._add_question(
                        connection,
                        section["domain"],
                        question["text"],
                        [str(p) for p in question.get("probes", [])],
                    )
            self._merge_tree(connection, template.get("codebook", []), None)
            for key in ("title", "description"):
                if template.get(key):
                    self._put_setting(connection, key, template[key])
            self._put_setting(connection, "template", template.get("name", name_or_path))
            self._audit(connection, "template.apply", str(template.get("name", name_or_path)))

    def template(self, name: str) -> dict[str, Any]:
        """This study's set-up as a template mapping (no participants, documents or codings)."""
        sections: dict[str, list[dict[str, Any]]] = {}
        for question in self.guide():
            sections.setdefault(question.domain, []).append(
                {"text": question.text, "probes": list(question.probes)}
            )
        return {
            "name": name,
            "title": self.setting("title", name),
            "description": self.setting("description", ""),
            "attributes": [
                {"name": a.name, "type": a.type, "description": a.description}
                | ({"allowed": list(a.allowed)} if a.allowed else {})
                for a in self.attributes()
            ],
            "criteria": [
                {"name": c.name, "attribute": c.attribute, "operator": c.operator, "value": c.value}
                for c in self.criteria()
            ],
            "guide": [{"domain": d, "questions": q} for d, q in sections.items()],
            "codebook": self.codebook_tree(),
        }

    def save_template(self, name: str, path: str | Path) -> Path:
        """Write this study's set-up as a template YAML file; returns its path."""
        target = Path(path)
        dump_template(self.template(name), target)
        with self._tx() as connection:
            self._audit(connection, "template.save", name, path=str(target))
        return target

    # -- codebook files ----------------------------------------------------------------------
    def import_codebook(self, path: str | Path) -> list[Code]:
        """Create or update codes from a YAML or CSV codebook (matching codes by path)."""
        return self.import_codebook_tree(read_codebook(Path(path)))

    def export_codebook(self, path: str | Path) -> Path:
        """Write the codebook as YAML (.yaml) or CSV/XLSX (one row per code, with its path)."""
        target = Path(path)
        write_codebook(self.codebook_tree(), target)
        with self._tx() as connection:
            self._audit(connection, "codebook.export", target.name)
        return target

    # -- the audit log -----------------------------------------------------------------------
    def log(self, limit: int | None = None, action: str | None = None) -> list[AuditEvent]:
        """The audit log, newest first: who did what, when. It cannot be edited. Owner only:
        it records every member's work, exports and withdrawals."""
        self._require("manage")
        query = sa.select(audit_log).order_by(audit_log.c.id.desc())
        if action:
            query = query.where(audit_log.c.action.startswith(action))
        if limit:
            query = query.limit(limit)
        with self._read() as connection:
            return [
                AuditEvent(r.id, r.at, r.actor, r.action, r.target, dict(r.detail))
                for r in connection.execute(query)
            ]

    # -- summary -----------------------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        """Counts of what the study holds, and codings per coder."""
        with self._read() as connection:

            def count(table: sa.Table) -> int:
                return int(
                    connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                )

            per_coder = connection.execute(
                sa.select(
                    users.c.name,
                    sa.func.count(codings.c.id),
                    sa.func.count(sa.distinct(codings.c.document_id)),
                )
                .join(codings, codings.c.coder_id == users.c.id)
                .group_by(users.c.name)
                .order_by(users.c.name)
            ).all()
            kinds = connection.execute(
                sa.select(documents.c.kind, sa.func.count()).group_by(documents.c.kind)
            ).all()
            eligible = sum(1 for p in self._participants(connection) if p.eligible)
            return {
                "title": self._setting(connection, "title", ""),
                "participants": count(participants),
                "eligible": eligible,
                "documents": count(documents),
                "documents_by_kind": {k: n for k, n in kinds},
                "transcripts_coded": int(
                    connection.execute(
                        sa.select(sa.func.count(sa.distinct(codings.c.document_id)))
                        .join(documents, documents.c.id == codings.c.document_id)
                        .where(documents.c.kind == "transcript")
                    ).scalar_one()
                ),
                "codes": len(self._codes(connection)),
                "coders": [
                    u.name
                    for u in connection.execute(sa.select(users.c.name).order_by(users.c.name))
                ],
                "codings": count(codings),
                "codings_by_coder": {
                    name: {"codings": n, "documents": d} for name, n, d in per_coder
                },
                "memos": count(memos),
                "created": self._setting(connection, "created", ""),
            }
