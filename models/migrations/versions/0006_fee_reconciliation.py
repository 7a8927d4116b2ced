"""fee reconciliation: differences and their decisions, deposit dispositions, the signed breakdown;
keys remember the handover list item they were received from

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    return [sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False)]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "fee_differences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("fee_item_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("their_billed", sa.BigInteger(), nullable=True),
        sa.Column("their_paid", sa.BigInteger(), nullable=True),
        sa.Column("our_billed", sa.BigInteger(), nullable=True),
        sa.Column("our_paid", sa.BigInteger(), nullable=True),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("adjusted_billed", sa.BigInteger(), nullable=True),
        sa.Column("adjusted_paid", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=40), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        *_versioned(),
        _fk("fee_differences", "fee_item_id", "fee_items"),
        _fk("fee_differences", "handover_id", "handovers"),
        _fk("fee_differences", "unit_id", "units"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_differences")),
    )
    for column in ("decision", "handover_id", "unit_id"):
        op.create_index(op.f(f"ix_fee_differences_{column}"), "fee_differences", [column], unique=False)
    op.create_index("ix_fee_differences_match", "fee_differences",
                    ["handover_id", "unit_id", "fee_item_id", "period_start", "period_end"], unique=False)

    op.create_table(
        "deposit_dispositions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("fee_item_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_versioned(),
        _fk("deposit_dispositions", "fee_item_id", "fee_items"),
        _fk("deposit_dispositions", "handover_id", "handovers"),
        _fk("deposit_dispositions", "unit_id", "units"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deposit_dispositions")),
        sa.UniqueConstraint("handover_id", "unit_id", "fee_item_id", "period_start",
                            name=op.f("uq_deposit_dispositions_handover_id")),
    )
    op.create_index(op.f("ix_deposit_dispositions_handover_id"), "deposit_dispositions", ["handover_id"],
                    unique=False)

    op.create_table(
        "fee_summaries",
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        _fk("fee_summaries", "handover_id", "handovers"),
        sa.PrimaryKeyConstraint("handover_id", name=op.f("pk_fee_summaries")),
    )

    # Plain ADD COLUMN with a server default (no batch rebuild): the rows stay, and on SQLite the
    # signed-document triggers on settlements stay too.
    op.add_column("ledger_lines", sa.Column("contact", sa.String(length=40), nullable=False, server_default=""))
    op.add_column("ledger_lines", sa.Column("source_row", sa.Integer(), nullable=True))
    op.create_index("ix_ledger_lines_match", "ledger_lines",
                    ["handover_id", "source", "unit_id", "fee_item_id", "period_start", "period_end"], unique=False)
    op.add_column("meter_readings", sa.Column("prev_reading", sa.BigInteger(), nullable=True))
    op.add_column("meter_readings", sa.Column("prev_read_on", sa.Date(), nullable=True))
    op.add_column("settlements", sa.Column("due_to_outgoing", sa.BigInteger(), nullable=False, server_default="0"))
    op.add_column("settlements", sa.Column("signed_by", sa.String(length=40), nullable=False, server_default=""))
    op.add_column("settlements", sa.Column("breakdown", sa.Text(), nullable=False, server_default=""))
    # keys has no triggers, so SQLite's table rebuild for a foreign key loses nothing.
    with op.batch_alter_table("keys") as batch:
        batch.add_column(sa.Column("list_item_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_keys_list_item_id_handover_items"), "handover_items",
                                 ["list_item_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("keys") as batch:
        batch.drop_constraint(op.f("fk_keys_list_item_id_handover_items"), type_="foreignkey")
        batch.drop_column("list_item_id")
    for column in ("breakdown", "signed_by", "due_to_outgoing"):
        op.drop_column("settlements", column)
    op.drop_column("meter_readings", "prev_read_on")
    op.drop_column("meter_readings", "prev_reading")
    op.drop_index("ix_ledger_lines_match", table_name="ledger_lines")
    op.drop_column("ledger_lines", "source_row")
    op.drop_column("ledger_lines", "contact")
    op.drop_table("fee_summaries")
    op.drop_index(op.f("ix_deposit_dispositions_handover_id"), table_name="deposit_dispositions")
    op.drop_table("deposit_dispositions")
    op.drop_index("ix_fee_differences_match", table_name="fee_differences")
    for column in ("unit_id", "handover_id", "decision"):
        op.drop_index(op.f(f"ix_fee_differences_{column}"), table_name="fee_differences")
    op.drop_table("fee_differences")
