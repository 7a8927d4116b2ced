"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Every table of SPEC sections 2-6. Money, areas, rates and readings are
scaled integers (see models/types.py); enums are plain VARCHARs.
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_table_name'), ['table_name'], unique=False)

    op.create_table('list_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_list_templates')),
    sa.UniqueConstraint('code', name=op.f('uq_list_templates_code'))
    )
    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('manager_company', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
    sa.UniqueConstraint('code', name=op.f('uq_projects_code'))
    )
    op.create_table('settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settings')),
    sa.UniqueConstraint('key', name=op.f('uq_settings_key'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('display_name', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('buildings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('sort_no', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_buildings_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_buildings')),
    sa.UniqueConstraint('project_id', 'name', name=op.f('uq_buildings_project_id'))
    )
    with op.batch_alter_table('buildings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buildings_project_id'), ['project_id'], unique=False)

    op.create_table('fee_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('basis', sa.String(length=16), nullable=False),
    sa.Column('is_deposit', sa.Boolean(), nullable=False),
    sa.Column('collected_for_others', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_fee_items_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_items')),
    sa.UniqueConstraint('project_id', 'code', name=op.f('uq_fee_items_project_id'))
    )
    with op.batch_alter_table('fee_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fee_items_project_id'), ['project_id'], unique=False)

    op.create_table('handovers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('from_company', sa.String(length=100), nullable=False),
    sa.Column('from_rep', sa.String(length=40), nullable=False),
    sa.Column('to_company', sa.String(length=100), nullable=False),
    sa.Column('to_rep', sa.String(length=40), nullable=False),
    sa.Column('witness', sa.String(length=100), nullable=False),
    sa.Column('witness_rep', sa.String(length=40), nullable=False),
    sa.Column('cutoff_date', sa.Date(), nullable=False),
    sa.Column('planned_date', sa.Date(), nullable=True),
    sa.Column('actual_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_handovers_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handovers'))
    )
    with op.batch_alter_table('handovers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handovers_project_id'), ['project_id'], unique=False)

    op.create_table('owners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('mobile', sa.String(length=20), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_owners_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_owners'))
    )
    with op.batch_alter_table('owners', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_owners_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_owners_project_id'), ['project_id'], unique=False)

    op.create_table('template_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('spec', sa.String(length=100), nullable=False),
    sa.Column('uom', sa.String(length=10), nullable=False),
    sa.Column('expected_qty', sa.Integer(), nullable=False),
    sa.Column('original_or_copy', sa.String(length=4), nullable=False),
    sa.ForeignKeyConstraint(['template_id'], ['list_templates.id'], name=op.f('fk_template_items_template_id_list_templates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_template_items'))
    )
    with op.batch_alter_table('template_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_template_items_template_id'), ['template_id'], unique=False)

    op.create_table('handover_lists',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('handover_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('template_code', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('amends_id', sa.Integer(), nullable=True),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('signed_from', sa.String(length=40), nullable=False),
    sa.Column('signed_to', sa.String(length=40), nullable=False),
    sa.Column('signed_witness', sa.String(length=40), nullable=False),
    sa.Column('scan_name', sa.String(length=200), nullable=False),
    sa.Column('scan', sa.LargeBinary(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['amends_id'], ['handover_lists.id'], name=op.f('fk_handover_lists_amends_id_handover_lists')),
    sa.ForeignKeyConstraint(['handover_id'], ['handovers.id'], name=op.f('fk_handover_lists_handover_id_handovers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handover_lists'))
    )
    with op.batch_alter_table('handover_lists', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handover_lists_handover_id'), ['handover_id'], unique=False)

    op.create_table('settlements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('handover_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('amends_id', sa.Integer(), nullable=True),
    sa.Column('arrears_total', sa.BigInteger(), nullable=False),
    sa.Column('prepaid_total', sa.BigInteger(), nullable=False),
    sa.Column('deposits_total', sa.BigInteger(), nullable=False),
    sa.Column('collected_for_others', sa.BigInteger(), nullable=False),
    sa.Column('net_due_to_incoming', sa.BigInteger(), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['amends_id'], ['settlements.id'], name=op.f('fk_settlements_amends_id_settlements')),
    sa.ForeignKeyConstraint(['handover_id'], ['handovers.id'], name=op.f('fk_settlements_handover_id_handovers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settlements'))
    )
    with op.batch_alter_table('settlements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_settlements_handover_id'), ['handover_id'], unique=False)

    op.create_table('tariffs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fee_item_id', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('unit_use', sa.String(length=8), nullable=False),
    sa.Column('rate', sa.BigInteger(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['fee_item_id'], ['fee_items.id'], name=op.f('fk_tariffs_fee_item_id_fee_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariffs'))
    )
    with op.batch_alter_table('tariffs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tariffs_fee_item_id'), ['fee_item_id'], unique=False)

    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('building_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('area', sa.BigInteger(), nullable=True),
    sa.Column('use', sa.String(length=8), nullable=False),
    sa.Column('occupancy', sa.String(length=8), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['buildings.id'], name=op.f('fk_units_building_id_buildings')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_units_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('project_id', 'number', name=op.f('uq_units_project_id'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_building_id'), ['building_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_units_project_id'), ['project_id'], unique=False)

    op.create_table('defects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('handover_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('building_id', sa.Integer(), nullable=True),
    sa.Column('location', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('severity', sa.String(length=4), nullable=False),
    sa.Column('responsible', sa.String(length=10), nullable=False),
    sa.Column('found_at', sa.DateTime(), nullable=False),
    sa.Column('found_by', sa.String(length=40), nullable=False),
    sa.Column('notice_at', sa.DateTime(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('failed_reinspections', sa.Integer(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('report', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['buildings.id'], name=op.f('fk_defects_building_id_buildings')),
    sa.ForeignKeyConstraint(['handover_id'], ['handovers.id'], name=op.f('fk_defects_handover_id_handovers')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_defects_project_id_projects')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_defects_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_defects')),
    sa.UniqueConstraint('project_id', 'number', name=op.f('uq_defects_project_id'))
    )
    with op.batch_alter_table('defects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_defects_handover_id'), ['handover_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_defects_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_defects_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_defects_unit_id'), ['unit_id'], unique=False)

    op.create_table('keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('handover_id', sa.Integer(), nullable=True),
    sa.Column('tag', sa.String(length=40), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('opens', sa.String(length=100), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('cabinet', sa.String(length=20), nullable=False),
    sa.Column('slot', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['handover_id'], ['handovers.id'], name=op.f('fk_keys_handover_id_handovers')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_keys_project_id_projects')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_keys_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_keys')),
    sa.UniqueConstraint('project_id', 'tag', name=op.f('uq_keys_project_id'))
    )
    with op.batch_alter_table('keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_keys_handover_id'), ['handover_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_keys_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_keys_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_keys_unit_id'), ['unit_id'], unique=False)

    op.create_table('ledger_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('handover_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('fee_item_id', sa.Integer(), nullable=True),
    sa.Column('owner_name', sa.String(length=40), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('billed', sa.BigInteger(), nullable=False),
    sa.Column('paid', sa.BigInteger(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('receipt_no', sa.String(length=40), nullable=False),
    sa.Column('remark', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['fee_item_id'], ['fee_items.id'], name=op.f('fk_ledger_lines_fee_item_id_fee_items')),
    sa.ForeignKeyConstraint(['handover_id'], ['handovers.id'], name=op.f('fk_ledger_lines_handover_id_handovers')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_ledger_lines_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_lines'))
    )
    with op.batch_alter_table('ledger_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_lines_fee_item_id'), ['fee_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_lines_handover_id'), ['handover_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_lines_unit_id'), ['unit_id'], unique=False)

    op.create_table('meter_readings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('handover_id', sa.Integer(), nullable=False),
    sa.Column('meter_no', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('location', sa.String(length=100), nullable=False),
    sa.Column('reading', sa.BigInteger(), nullable=False),
    sa.Column('read_on', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['handover_id'], ['handovers.id'], name=op.f('fk_meter_readings_handover_id_handovers')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_meter_readings_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meter_readings'))
    )
    with op.batch_alter_table('meter_readings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meter_readings_handover_id'), ['handover_id'], unique=False)

    op.create_table('unit_ownerships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=8), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_unit_ownerships_owner_id_owners')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_ownerships_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_ownerships')),
    sa.UniqueConstraint('unit_id', 'owner_id', 'relation', name=op.f('uq_unit_ownerships_unit_id'))
    )
    with op.batch_alter_table('unit_ownerships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_ownerships_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_ownerships_unit_id'), ['unit_id'], unique=False)

    op.create_table('defect_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('defect_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=True),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('thumbnail', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['defect_id'], ['defects.id'], name=op.f('fk_defect_photos_defect_id_defects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_defect_photos'))
    )
    with op.batch_alter_table('defect_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_defect_photos_defect_id'), ['defect_id'], unique=False)

    op.create_table('defect_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('defect_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['defect_id'], ['defects.id'], name=op.f('fk_defect_status_changes_defect_id_defects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_defect_status_changes'))
    )
    with op.batch_alter_table('defect_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_defect_status_changes_defect_id'), ['defect_id'], unique=False)

    op.create_table('handover_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('spec', sa.String(length=100), nullable=False),
    sa.Column('uom', sa.String(length=10), nullable=False),
    sa.Column('expected_qty', sa.Integer(), nullable=False),
    sa.Column('received_qty', sa.Integer(), nullable=True),
    sa.Column('original_or_copy', sa.String(length=4), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('condition', sa.String(length=4), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('checked_by', sa.String(length=40), nullable=False),
    sa.Column('checked_at', sa.DateTime(), nullable=True),
    sa.Column('defect_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['defect_id'], ['defects.id'], name=op.f('fk_handover_items_defect_id_defects')),
    sa.ForeignKeyConstraint(['list_id'], ['handover_lists.id'], name=op.f('fk_handover_items_list_id_handover_lists')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handover_items'))
    )
    with op.batch_alter_table('handover_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handover_items_list_id'), ['list_id'], unique=False)

    op.create_table('key_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=40), nullable=False),
    sa.Column('person', sa.String(length=40), nullable=False),
    sa.Column('department', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=8), nullable=False),
    sa.Column('reason_text', sa.String(length=200), nullable=False),
    sa.Column('approved_by', sa.String(length=40), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('seal_no', sa.String(length=40), nullable=False),
    sa.Column('condition', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['key_id'], ['keys.id'], name=op.f('fk_key_events_key_id_keys')),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_key_events_owner_id_owners')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_events'))
    )
    with op.batch_alter_table('key_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_events_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_key_events_key_id'), ['key_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('key_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_events_key_id'))
        batch_op.drop_index(batch_op.f('ix_key_events_at'))

    op.drop_table('key_events')
    with op.batch_alter_table('handover_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handover_items_list_id'))

    op.drop_table('handover_items')
    with op.batch_alter_table('defect_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_defect_status_changes_defect_id'))

    op.drop_table('defect_status_changes')
    with op.batch_alter_table('defect_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_defect_photos_defect_id'))

    op.drop_table('defect_photos')
    with op.batch_alter_table('unit_ownerships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_ownerships_unit_id'))
        batch_op.drop_index(batch_op.f('ix_unit_ownerships_owner_id'))

    op.drop_table('unit_ownerships')
    with op.batch_alter_table('meter_readings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meter_readings_handover_id'))

    op.drop_table('meter_readings')
    with op.batch_alter_table('ledger_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_lines_unit_id'))
        batch_op.drop_index(batch_op.f('ix_ledger_lines_handover_id'))
        batch_op.drop_index(batch_op.f('ix_ledger_lines_fee_item_id'))

    op.drop_table('ledger_lines')
    with op.batch_alter_table('keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_keys_unit_id'))
        batch_op.drop_index(batch_op.f('ix_keys_status'))
        batch_op.drop_index(batch_op.f('ix_keys_project_id'))
        batch_op.drop_index(batch_op.f('ix_keys_handover_id'))

    op.drop_table('keys')
    with op.batch_alter_table('defects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_defects_unit_id'))
        batch_op.drop_index(batch_op.f('ix_defects_status'))
        batch_op.drop_index(batch_op.f('ix_defects_project_id'))
        batch_op.drop_index(batch_op.f('ix_defects_handover_id'))

    op.drop_table('defects')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_project_id'))
        batch_op.drop_index(batch_op.f('ix_units_building_id'))

    op.drop_table('units')
    with op.batch_alter_table('tariffs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tariffs_fee_item_id'))

    op.drop_table('tariffs')
    with op.batch_alter_table('settlements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_settlements_handover_id'))

    op.drop_table('settlements')
    with op.batch_alter_table('handover_lists', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handover_lists_handover_id'))

    op.drop_table('handover_lists')
    with op.batch_alter_table('template_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_template_items_template_id'))

    op.drop_table('template_items')
    with op.batch_alter_table('owners', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_owners_project_id'))
        batch_op.drop_index(batch_op.f('ix_owners_name'))

    op.drop_table('owners')
    with op.batch_alter_table('handovers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handovers_project_id'))

    op.drop_table('handovers')
    with op.batch_alter_table('fee_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fee_items_project_id'))

    op.drop_table('fee_items')
    with op.batch_alter_table('buildings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buildings_project_id'))

    op.drop_table('buildings')
    op.drop_table('users')
    op.drop_table('settings')
    op.drop_table('projects')
    op.drop_table('list_templates')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_table_name'))
        batch_op.drop_index(batch_op.f('ix_audit_log_record_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
