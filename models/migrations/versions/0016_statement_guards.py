"""PostgreSQL: the settled-input guard once per statement; fee_differences loses a redundant index

- The guard that keeps a signed settlement's inputs (ledger lines, differences, meter readings,
  deposit dispositions) from changing ran once per row on PostgreSQL: 1.4 s of the 400,000 rows a
  first reconciliation of the large demo writes. It now runs once per statement over the handovers
  the statement touched (guards_sql.install_v3). The rule is the same; SQLite keeps its row triggers.
- ix_fee_differences_handover_id repeats the first column of ix_fee_differences_match, which serves
  every lookup by handover; each written difference paid for both.

Not audited: nothing a clerk did; no row changes.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""
from alembic import op

from models.migrations import guards_sql

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    guards_sql.install_v3()
    op.drop_index("ix_fee_differences_handover_id", table_name="fee_differences")


def downgrade() -> None:
    op.create_index("ix_fee_differences_handover_id", "fee_differences", ["handover_id"])
    guards_sql.drop_v3()
