"""list_templates.kind (one kind) becomes kinds (a comma-separated list)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # list_templates carries no guard trigger, so SQLite's batch rebuild is safe here.
    with op.batch_alter_table("list_templates") as batch:
        batch.alter_column("kind", new_column_name="kinds", existing_type=sa.String(8),
                           type_=sa.String(40), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("list_templates") as batch:
        batch.alter_column("kinds", new_column_name="kind", existing_type=sa.String(40),
                           type_=sa.String(8), existing_nullable=False)
