"""Migration 0013 on a database made by 0012, with data: every fixed vocabulary's word becomes its code.

Rows carry every old word of every converted column, written with raw SQL as 0012's app wrote them,
including rows the guard triggers protect (the items of a signed list, the append-only key log). On
SQLite the tables are copied to widen their columns: the copies must keep their rows, indexes,
triggers and foreign keys.
"""
from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import text

from models.db import Database
from models.defect import DefectCategory, Responsible, Severity
from models.fees import UNMODELLED_OBJECTS, MeterKind
from models.handover import CopyKind, ItemCondition
from models.keys import LendReason
from models.labels import LABELS
from models.migrate import alembic_config, current_revision, head_revision, upgrade
from models.people import IdKind, Relation
from models.project import Occupancy, ProjectKind, UnitUse
from tests.conftest import TEST_USER, pg_url
from tests.test_migration_codes import _insert

PREVIOUS = "0012"
ENUMS: dict[str, Any] = {e.__name__: e for e in (Severity, DefectCategory, Responsible, ItemCondition, CopyKind,
                                                 ProjectKind, UnitUse, Occupancy, Relation, IdKind, LendReason,
                                                 MeterKind)}
OLD = {  # what 0012 stored, by vocabulary: the words ("" where a form allowed it empty)
    "Severity": ["重大", "一般", "轻微"],
    "DefectCategory": ["土建装饰", "给排水", "强电", "弱电智能化", "消防", "电梯", "暖通", "绿化景观", "道路车库",
                       "资料", "其他"],
    "Responsible": ["开发商", "施工单位", "原物业", "本公司"],
    "ItemCondition": ["", "完好", "有缺陷", "缺失"],
    "CopyKind": ["", "原件", "复印件"],
    "ProjectKind": ["住宅", "写字楼", "商业", "混合"],
    "UnitUse": ["住宅", "商铺", "办公", "车位", "储藏室"],
    "Occupancy": ["空置", "已入住", "装修中"],
    "Relation": ["业主", "使用人"],
    "IdKind": ["身份证", "护照", "港澳台通行证", "统一社会信用代码"],
    "LendReason": ["", "检查", "清洁", "维修", "其他"],
    "MeterKind": ["水", "电", "气"],
}
# (table, column) -> vocabulary, and how many rows of it _old_rows writes before the converted ones.
COLUMNS = {
    ("defects", "severity"): "Severity", ("defects", "category"): "DefectCategory",
    ("defects", "responsible"): "Responsible", ("handover_items", "condition"): "ItemCondition",
    ("handover_items", "original_or_copy"): "CopyKind", ("template_items", "original_or_copy"): "CopyKind",
    ("projects", "kind"): "ProjectKind", ("units", "use"): "UnitUse", ("units", "occupancy"): "Occupancy",
    ("tariffs", "unit_use"): "UnitUse", ("unit_ownerships", "relation"): "Relation",
    ("owners", "id_kind"): "IdKind", ("key_events", "reason"): "LendReason", ("meter_readings", "kind"): "MeterKind",
}
WIDTHS_BEFORE = {("defects", "severity"): 4, ("units", "use"): 8, ("owners", "id_kind"): 12,
                 ("handover_items", "condition"): 4}


@pytest.fixture(params=["sqlite", "postgresql"])
def old_db(request, tmp_path):
    if request.param == "sqlite":
        db = Database("sqlite:///" + str(tmp_path / "old.sqlite"), user=TEST_USER)
    else:
        db = Database(pg_url(request.getfixturevalue("pg_schema")), user=TEST_USER)
    upgrade(db.engine, PREVIOUS)
    yield db
    db.dispose()


def _cycle(words: list[str], n: int) -> list[str]:
    return [words[i % len(words)] for i in range(n)]


N = 11  # rows per table: enough for the longest list (DefectCategory)


def _old_rows(db: Database) -> None:
    with db.engine.begin() as conn:
        for i, kind in enumerate(_cycle(OLD["ProjectKind"], N), 1):
            _insert(conn, "projects", id=i, code=f"P{i}", name=f"小区{i}", kind=kind)
        _insert(conn, "handovers", id=1, project_id=1, kind="acceptance", status="draft")
        for i, (use, occ) in enumerate(zip(_cycle(OLD["UnitUse"], N), _cycle(OLD["Occupancy"], N), strict=True), 1):
            _insert(conn, "units", id=i, project_id=1, number=f"1-{i}", use=use, occupancy=occ)
        for i, (kind, rel) in enumerate(zip(_cycle(OLD["IdKind"], N), _cycle(OLD["Relation"], N), strict=True), 1):
            _insert(conn, "owners", id=i, project_id=1, name=f"业主{i}", id_kind=kind)
            _insert(conn, "unit_ownerships", id=i, unit_id=i, owner_id=i, relation=rel)
        for i, (sev, cat, party) in enumerate(zip(_cycle(OLD["Severity"], N), OLD["DefectCategory"],
                                                  _cycle(OLD["Responsible"], N), strict=True), 1):
            _insert(conn, "defects", id=i, project_id=1, number=f"YL-{i}", status="rectifying",
                    severity=sev, category=cat, responsible=party)
        _insert(conn, "list_templates", id=1, code="t1", name="模板", kinds="")
        _insert(conn, "handover_lists", id=1, handover_id=1, status="draft")
        for i, (cond, copy) in enumerate(zip(_cycle(OLD["ItemCondition"], N), _cycle(OLD["CopyKind"], N),
                                             strict=True), 1):
            _insert(conn, "handover_items", id=i, list_id=1, seq=i, condition=cond, original_or_copy=copy,
                    defect_id=None, amends_item_id=None)
            _insert(conn, "template_items", id=i, template_id=1, seq=i, original_or_copy=copy)
        for i, use in enumerate(["", *_cycle(OLD["UnitUse"], N - 1)], 1):
            _insert(conn, "fee_items", id=i, project_id=1, code=f"F{i}", name=f"费{i}")
            _insert(conn, "tariffs", id=i, fee_item_id=i, unit_use=use)
        for i, (reason, kind) in enumerate(zip(_cycle(OLD["LendReason"], N), _cycle(OLD["MeterKind"], N),
                                               strict=True), 1):
            _insert(conn, "keys", id=i, project_id=1, tag=f"K{i}", status="in_store")
            _insert(conn, "key_events", id=i, key_id=i, kind="lend", reason=reason, owner_id=None,
                    approver_id=None)
            _insert(conn, "meter_readings", id=i, handover_id=1, meter_no=f"M{i}", kind=kind, unit_id=i)
        # Signed last: from here on the list's items are frozen by the guard triggers.
        conn.execute(text("UPDATE handover_lists SET status = 'signed' WHERE id = 1"))


def _column(db: Database, table: str, column: str) -> list[Any]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(f'SELECT "{column}" FROM {table} ORDER BY id'))]


def _code(name: str, word: str) -> str:
    return next(code for code, label in LABELS[name].items() if label == word)


def _shape(db: Database) -> dict[str, Any]:
    """Indexes, foreign keys and unique constraints of the converted tables, by name (not 0014's
    text-search indexes, which the upgrade to head adds on PostgreSQL: that migration's own tests check them)."""
    inspector = sa.inspect(db.engine)
    tables = sorted({t for t, _ in COLUMNS})
    return {t: (sorted(str(sorted(i.items())) for i in inspector.get_indexes(t)
                       if not str(i["name"]).startswith(UNMODELLED_OBJECTS)),
                sorted(str(sorted((k, v) for k, v in fk.items() if k != "options")) for fk in inspector.get_foreign_keys(t)),
                sorted(str(sorted(u.items())) for u in inspector.get_unique_constraints(t)))
            for t in tables}


def test_every_old_word_becomes_its_code(old_db):
    _old_rows(old_db)
    before = {key: _column(old_db, *key) for key in COLUMNS}
    shape = _shape(old_db)
    upgrade(old_db.engine)
    assert current_revision(old_db.engine) == head_revision()
    for key, name in COLUMNS.items():
        stored = _column(old_db, *key)
        assert stored == [_code(name, w) if w else "" for w in before[key]], key
        assert set(stored) <= set(LABELS[name]) | {""}, key
        assert {w for w in before[key] if w} == {w for w in OLD[name] if w}, key  # every old word was there
    assert _shape(old_db) == shape  # the SQLite copies keep their indexes, keys and constraints


def test_the_models_read_the_codes_as_members(old_db):
    _old_rows(old_db)
    upgrade(old_db.engine)
    for (table, column), name in COLUMNS.items():
        members = [ENUMS[name](v) for v in _column(old_db, table, column) if v or name != "UnitUse"]
        assert all(isinstance(m, ENUMS[name]) for m in members)
    assert [ENUMS["Severity"](v).label for v in _column(old_db, "defects", "severity")[:3]] == OLD["Severity"]


def test_guards_foreign_keys_and_defaults_hold_after_the_copy(old_db):
    _old_rows(old_db)
    upgrade(old_db.engine)
    # the signed list's items and the key log are still protected
    for sql in ("UPDATE handover_items SET condition = 'good' WHERE id = 2",
                "UPDATE key_events SET reason = 'other' WHERE id = 1"):
        with pytest.raises(sa.exc.DatabaseError), old_db.engine.begin() as conn:
            conn.execute(text(sql))
    # foreign keys are enforced again on the app's connections
    with pytest.raises(sa.exc.DatabaseError), old_db.engine.begin() as conn:
        conn.execute(text("UPDATE units SET project_id = 999 WHERE id = 1"))
    # a raw insert (another desk on an older build, a script) gets the code as the ID kind
    with old_db.engine.begin() as conn:
        conn.execute(text("INSERT INTO owners (id, project_id, name, mobile, id_number, version, updated_at) "
                          "VALUES (100, 1, '新业主', '', '', 1, CURRENT_TIMESTAMP)"))
    assert _column(old_db, "owners", "id_kind")[-1] == IdKind.ID_CARD.value


def test_downgrade_gives_the_words_and_widths_back(old_db):
    _old_rows(old_db)
    before = {key: _column(old_db, *key) for key in COLUMNS}
    upgrade(old_db.engine)
    command.downgrade(alembic_config(old_db.engine), PREVIOUS)
    assert current_revision(old_db.engine) == PREVIOUS
    for key in COLUMNS:
        assert _column(old_db, *key) == before[key], key
    columns = {(t, c["name"]): c for t in {t for t, _ in WIDTHS_BEFORE}
               for c in sa.inspect(old_db.engine).get_columns(t)}
    for key, width in WIDTHS_BEFORE.items():
        assert columns[key]["type"].length == width, key


def test_the_frozen_words_are_the_words_the_enums_read():
    """Old data outside the tables (list snapshots, audit rows, settings, old backups) holds these words."""
    for name, words in OLD.items():
        assert [ENUMS[name](w) for w in words] == list(ENUMS[name])
