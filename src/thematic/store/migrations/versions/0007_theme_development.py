"""theme development: codebook history, retired codes, phases, thematic map relations

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: batch mode would copy and drop the codes table, and on SQLite with
    # foreign keys on, dropping it would cascade to every coding.
    op.add_column("codes", sa.Column("retired_at", sa.DateTime(), nullable=True))
    op.create_table(
        "codebook_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("code", sa.String(length=1000), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_codebook_history")),
    )
    op.create_index(op.f("ix_codebook_history_at"), "codebook_history", ["at"], unique=False)
    op.create_table(
        "phase_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phase", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phase_changes")),
    )
    op.create_table(
        "code_relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("memo_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["memo_id"],
            ["memos.id"],
            name=op.f("fk_code_relations_memo_id_memos"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["codes.id"],
            name=op.f("fk_code_relations_source_id_codes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["codes.id"],
            name=op.f("fk_code_relations_target_id_codes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_relations")),
        sa.UniqueConstraint("source_id", "target_id", "label", name="uq_code_relation"),
    )


def downgrade() -> None:
    op.drop_table("code_relations")
    op.drop_table("phase_changes")
    op.drop_index(op.f("ix_codebook_history_at"), table_name="codebook_history")
    op.drop_table("codebook_history")
    with op.batch_alter_table("codes") as batch:
        batch.drop_column("retired_at")
