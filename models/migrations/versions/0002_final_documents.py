"""database-side guards: signed documents are final, logs are append-only

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from models.migrations import guards_sql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    guards_sql.install()


def downgrade() -> None:
    guards_sql.drop()
