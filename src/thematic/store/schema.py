"""The single source of the study schema (SQLAlchemy Core tables).

Alembic migrations in ``thematic/store/migrations`` are written against these tables, and a
test checks that the migrated database equals this metadata. Offsets (``start``/``end``) are
code points over the NFC text stored in ``documents.text``.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["metadata"]

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.JSON, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    # argon2 hash; NULL for members who never log in to the web app (e.g. CLI-only coders).
    sa.Column("password_hash", sa.String(200), nullable=True),
)

attribute_defs = sa.Table(
    "attribute_defs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("allowed", sa.JSON, nullable=False),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.Column("position", sa.Integer, nullable=False),
    # Identifying attributes (a name, a phone number) never leave the study in an export.
    sa.Column("identifying", sa.Boolean, nullable=False, server_default=sa.false()),
)

criteria = sa.Table(
    "criteria",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("attribute", sa.String(100), nullable=False),
    sa.Column("operator", sa.String(10), nullable=False),
    sa.Column("value", sa.JSON, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
)

participants = sa.Table(
    "participants",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.String(100), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

participant_values = sa.Table(
    "participant_values",
    metadata,
    sa.Column(
        "participant_id",
        sa.Integer,
        sa.ForeignKey("participants.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "attribute_id",
        sa.Integer,
        sa.ForeignKey("attribute_defs.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("value", sa.Text, nullable=True),
)

consents = sa.Table(
    "consents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "participant_id",
        sa.Integer,
        sa.ForeignKey("participants.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("form_version", sa.String(100), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(300), nullable=False, unique=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("language", sa.String(20), nullable=True),
    sa.Column(
        "participant_id",
        sa.Integer,
        sa.ForeignKey("participants.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    sa.Column(
        "translation_of",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source_name", sa.String(500), nullable=False, default=""),
    sa.Column("source_format", sa.String(20), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("imported_at", sa.DateTime, nullable=False),
)

turns = sa.Table(
    "turns",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("speaker", sa.String(200), nullable=True),
    sa.Column("time_start", sa.Float, nullable=True),
    sa.Column("time_end", sa.Float, nullable=True),
)

codes = sa.Table(
    "codes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "parent_id",
        sa.Integer,
        sa.ForeignKey("codes.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("colour", sa.String(20), nullable=False, default=""),
    sa.Column("definition", sa.Text, nullable=False, default=""),
    sa.Column("inclusion", sa.Text, nullable=False, default=""),
    sa.Column("exclusion", sa.Text, nullable=False, default=""),
    sa.Column("example", sa.Text, nullable=False, default=""),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    # A retired code stays in the tree with its codings, but is no longer applied.
    sa.Column("retired_at", sa.DateTime, nullable=True),
)

codings = sa.Table(
    "codings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"), nullable=False),
    sa.Column(
        "coder_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.CheckConstraint('"start" >= 0 AND "end" > "start"', name="span"),
    sa.UniqueConstraint("document_id", "code_id", "coder_id", "start", "end", name="uq_coding"),
    sa.Index("ix_codings_document_coder", "document_id", "coder_id"),
    sa.Index("ix_codings_code", "code_id"),
)

memos = sa.Table(
    "memos",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("title", sa.String(300), nullable=False, default=""),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column(
        "author_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    ),
    sa.Column("link_type", sa.String(20), nullable=False),
    sa.Column("link_id", sa.Integer, nullable=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Index("ix_memos_link", "link_type", "link_id"),
)

guide_questions = sa.Table(
    "guide_questions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("domain", sa.String(200), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("probes", sa.JSON, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("action", sa.String(100), nullable=False),
    sa.Column("target", sa.String(300), nullable=False, default=""),
    sa.Column("detail", sa.JSON, nullable=False),
)

assignments = sa.Table(
    "assignments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column(
        "coder_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("completed_at", sa.DateTime, nullable=True),
    sa.UniqueConstraint("document_id", "coder_id", name="uq_assignment"),
    sa.Index("ix_assignments_coder", "coder_id"),
)

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),  # the discrepancy's extent
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("decision", sa.String(10), nullable=False),  # accept | reject | adjust
    sa.Column("result_start", sa.Integer, nullable=True),  # the consensus span, if any
    sa.Column("result_end", sa.Integer, nullable=True),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("decided_by", sa.String(100), nullable=False),
    sa.Column("decided_at", sa.DateTime, nullable=False),
)

# A quote the team chose for a code (usually a subtheme); the report uses pinned quotes first.
pinned_quotes = sa.Table(
    "pinned_quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"), nullable=False),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("pinned_by", sa.String(100), nullable=False),
    sa.Column("pinned_at", sa.DateTime, nullable=False),
    sa.CheckConstraint('"start" >= 0 AND "end" > "start"', name="span"),
    sa.UniqueConstraint("code_id", "document_id", "start", "end", name="uq_pinned_quote"),
)

# The analyst's summary of one participant on one code: a cell of the framework matrix
# (the Framework Method, Gale et al. 2013).
framework_summaries = sa.Table(
    "framework_summaries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "participant_id",
        sa.Integer,
        sa.ForeignKey("participants.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("code_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("updated_by", sa.String(100), nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("participant_id", "code_id", name="uq_framework_cell"),
)

# Theme development: every change to the codebook, who made it, when and why, with the whole
# codebook as it stood afterwards (so the codebook at any earlier date can be exported).
codebook_history = sa.Table(
    "codebook_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime, nullable=False, index=True),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("action", sa.String(30), nullable=False),  # add, rename, update, move, merge, ...
    sa.Column("code", sa.String(1000), nullable=False),  # the code's path when it happened
    sa.Column("detail", sa.JSON, nullable=False),
    sa.Column("reason", sa.Text, nullable=False, default=""),
    sa.Column("snapshot", sa.JSON, nullable=False),  # the codebook tree after the change
)

# The six phases of thematic analysis (Braun and Clarke 2006): when the team moved to each.
phase_changes = sa.Table(
    "phase_changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("phase", sa.Integer, nullable=False),  # 1..6
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
)

# The thematic map: relations the team draws between themes and subthemes.
code_relations = sa.Table(
    "code_relations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "source_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column(
        "target_id", sa.Integer, sa.ForeignKey("codes.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("label", sa.String(300), nullable=False),
    sa.Column("memo_id", sa.Integer, sa.ForeignKey("memos.id", ondelete="SET NULL"), nullable=True),
    sa.Column("created_by", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("source_id", "target_id", "label", name="uq_code_relation"),
)

# De-identification: one proposed replacement of an identifier in a document (a transcript, a
# translation or a field note) or in a memo's body (exactly one of the two is set).
# ``original`` holds the identifier's text only while it is still in the text; once applied it
# is cleared, and start/end then locate the replacement.
deid_proposals = sa.Table(
    "deid_proposals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    sa.Column(
        "memo_id",
        sa.Integer,
        sa.ForeignKey("memos.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("original", sa.Text, nullable=True),
    sa.Column("replacement", sa.String(200), nullable=False),
    sa.Column("source", sa.String(20), nullable=False),  # pattern | list | model | reviewer
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),  # proposed|accepted|rejected|applied
    sa.Column("decided_by", sa.String(100), nullable=True),
    sa.Column("decided_at", sa.DateTime, nullable=True),
    sa.Column("applied_at", sa.DateTime, nullable=True),
)

# Withdrawals: that a participant withdrew and when, and how much was deleted; nothing that
# identifies them (not even their study label).
withdrawals = sa.Table(
    "withdrawals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("recorded_by", sa.String(100), nullable=False),
    sa.Column("deleted", sa.JSON, nullable=False),  # counts by kind of thing
)
