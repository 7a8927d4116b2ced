"""defect_actions (reminders, escalations, reports) and photo sizes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

from models.migrations import guards_sql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "defect_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("defect_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["defect_id"], ["defects.id"], name=op.f("fk_defect_actions_defect_id_defects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_defect_actions")),
    )
    op.create_index(op.f("ix_defect_actions_defect_id"), "defect_actions", ["defect_id"], unique=False)
    # Plain ADD COLUMN (no batch rebuild): defect_photos keeps its rows; defects keeps nothing to lose.
    op.add_column("defect_photos", sa.Column("width", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("defect_photos", sa.Column("height", sa.Integer(), nullable=False, server_default="0"))
    guards_sql.install_append_only("defect_actions")


def downgrade() -> None:
    guards_sql.drop_append_only("defect_actions")
    op.drop_column("defect_photos", "height")
    op.drop_column("defect_photos", "width")
    op.drop_index(op.f("ix_defect_actions_defect_id"), table_name="defect_actions")
    op.drop_table("defect_actions")
