"""fee_differences loses a redundant index

ix_fee_differences_handover_id repeats the first column of ix_fee_differences_match, which serves every
lookup by handover; each difference written paid for both (a first reconciliation of the large demo
writes 407,000).

Not audited: nothing a clerk did; no row changes.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_fee_differences_handover_id", table_name="fee_differences")


def downgrade() -> None:
    op.create_index("ix_fee_differences_handover_id", "fee_differences", ["handover_id"])
