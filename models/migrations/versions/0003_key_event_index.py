"""index key_events(key_id, at) for the latest event of each key

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX (no batch mode): rebuilding key_events on SQLite would drop its guard triggers.
    op.create_index("ix_key_events_key_id_at", "key_events", ["key_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_key_events_key_id_at", table_name="key_events")
