"""full-text search index, pinned quotes, framework matrix summaries

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

Full-text search lives beside the tables, not in the SQLAlchemy metadata, because it is
engine-specific (see thematic.store.search): on SQLite an FTS5 table over documents.text kept
in step by triggers; on PostgreSQL a GIN index on to_tsvector('simple', text). Both use no
stemming, so a query means the same on either engine.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from thematic.store.search import create_search_index, drop_search_index

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pinned_quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("pinned_by", sa.String(length=100), nullable=False),
        sa.Column("pinned_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint('"start" >= 0 AND "end" > "start"', name=op.f("ck_pinned_quotes_span")),
        sa.ForeignKeyConstraint(
            ["code_id"],
            ["codes.id"],
            name=op.f("fk_pinned_quotes_code_id_codes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_pinned_quotes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pinned_quotes")),
        sa.UniqueConstraint("code_id", "document_id", "start", "end", name=op.f("uq_pinned_quote")),
    )
    op.create_index(
        op.f("ix_pinned_quotes_document_id"), "pinned_quotes", ["document_id"], unique=False
    )
    op.create_table(
        "framework_summaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"],
            ["codes.id"],
            name=op.f("fk_framework_summaries_code_id_codes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_framework_summaries_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_framework_summaries")),
        sa.UniqueConstraint("participant_id", "code_id", name=op.f("uq_framework_cell")),
    )
    create_search_index(op.get_bind())


def downgrade() -> None:
    drop_search_index(op.get_bind())
    op.drop_table("framework_summaries")
    op.drop_index(op.f("ix_pinned_quotes_document_id"), table_name="pinned_quotes")
    op.drop_table("pinned_quotes")
