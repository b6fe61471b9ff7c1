"""privacy: identifying attributes, de-identification proposals, withdrawals

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (see 0007: batch mode would rebuild the table).
    op.add_column(
        "attribute_defs",
        sa.Column("identifying", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "deid_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("memo_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("original", sa.Text(), nullable=True),
        sa.Column("replacement", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_deid_proposals_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["memo_id"],
            ["memos.id"],
            name=op.f("fk_deid_proposals_memo_id_memos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deid_proposals")),
    )
    op.create_index(
        op.f("ix_deid_proposals_document_id"), "deid_proposals", ["document_id"], unique=False
    )
    op.create_index(op.f("ix_deid_proposals_memo_id"), "deid_proposals", ["memo_id"], unique=False)
    op.create_table(
        "withdrawals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withdrawals")),
    )


def downgrade() -> None:
    op.drop_table("withdrawals")
    op.drop_index(op.f("ix_deid_proposals_memo_id"), table_name="deid_proposals")
    op.drop_index(op.f("ix_deid_proposals_document_id"), table_name="deid_proposals")
    op.drop_table("deid_proposals")
    with op.batch_alter_table("attribute_defs") as batch:
        batch.drop_column("identifying")
