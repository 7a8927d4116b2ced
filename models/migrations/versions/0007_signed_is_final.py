"""signed is final: what a signed document printed, item identity across amendments, the approving
supervisor of a loan, the ledger revision a reconciliation was made on, handover corrections

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

from models.migrations import guards_sql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild) on the guarded tables: their rows and triggers stay.
    op.add_column("handover_lists", sa.Column("handover_snapshot", sa.Text(), nullable=False,
                                              server_default=""))
    op.add_column("handover_items", sa.Column("amends_item_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_handover_items_amends_item_id"), "handover_items", ["amends_item_id"], unique=False)
    op.add_column("key_events", sa.Column("approver_id", sa.Integer(), nullable=True))
    op.add_column("settlements", sa.Column("snapshot", sa.LargeBinary(), nullable=True))
    op.create_table(
        "ledger_states",
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("reconciled_revision", sa.Integer(), nullable=True),
        sa.Column("reconciled_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["handover_id"], ["handovers.id"],
                                name=op.f("fk_ledger_states_handover_id_handovers")),
        sa.PrimaryKeyConstraint("handover_id", name=op.f("pk_ledger_states")),
    )
    op.create_table(
        "handover_amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["handover_id"], ["handovers.id"],
                                name=op.f("fk_handover_amendments_handover_id_handovers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_amendments")),
    )
    op.create_index(op.f("ix_handover_amendments_handover_id"), "handover_amendments", ["handover_id"],
                    unique=False)
    guards_sql.install_append_only("handover_amendments")


def downgrade() -> None:
    guards_sql.drop_append_only("handover_amendments")
    op.drop_index(op.f("ix_handover_amendments_handover_id"), table_name="handover_amendments")
    op.drop_table("handover_amendments")
    op.drop_table("ledger_states")
    op.drop_column("settlements", "snapshot")
    op.drop_column("key_events", "approver_id")
    op.drop_index(op.f("ix_handover_items_amends_item_id"), table_name="handover_items")
    op.drop_column("handover_items", "amends_item_id")
    op.drop_column("handover_lists", "handover_snapshot")
