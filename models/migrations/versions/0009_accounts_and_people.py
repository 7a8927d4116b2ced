"""accounts an office runs (must change password, lockout after wrong passwords) and owners as they
are (a company or a person, the kind of identity document, more than one phone)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:  # users has no guard triggers: a rebuild loses nothing
        batch.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
    with op.batch_alter_table("owners") as batch:
        batch.alter_column("name", existing_type=sa.String(length=40), type_=sa.String(length=100),
                           existing_nullable=False)
        batch.add_column(sa.Column("is_company", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("id_kind", sa.String(length=12), nullable=False, server_default="身份证"))
        batch.add_column(sa.Column("other_phones", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("owners") as batch:
        batch.drop_column("other_phones")
        batch.drop_column("id_kind")
        batch.drop_column("is_company")
        batch.alter_column("name", existing_type=sa.String(length=100), type_=sa.String(length=40),
                           existing_nullable=False)
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")
        batch.drop_column("must_change_password")
