"""Migration 0012 on a database made by 0011, with data: every stored Chinese word becomes its code.

Rows carry every old value of every converted column, written with raw SQL as 0011's app wrote them,
including rows the guard triggers protect (append-only logs, the inputs of a signed settlement).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import select, text

from models.base import DocStatus
from models.db import Database
from models.defect import Defect, DefectStatus, DefectStatusChange
from models.fees import (
    Decision,
    DepositAction,
    DepositDisposition,
    DiffKind,
    FeeDifference,
)
from models.handover import Handover, HandoverKind
from models.keys import Key, KeyEvent, KeyEventKind, KeyStatus
from models.labels import LABELS
from models.migrate import alembic_config, current_revision, head_revision, upgrade
from tests.conftest import TEST_USER, pg_url

PREVIOUS = "0011"
OLD = {  # what 0011 stored, by enum: the words
    "KeyStatus": ["在库", "封存", "借出", "已发放", "遗失", "已移交", "作废"],
    "KeyEventKind": ["接收", "封存", "启封", "借出", "归还", "发放", "遗失", "移交", "作废"],
    "DefectStatus": ["待通知", "整改中", "待复验", "已关闭", "无法整改"],
    "DiffKind": ["金额不符", "与标准不符", "仅原物业", "仅我方"],
    "Decision": ["待处理", "以原物业为准", "以我方为准", "协商调整", "不计入"],
    "DepositAction": ["移交", "退还业主"],
    "HandoverKind": ["承接查验", "进场接管", "退场移交"],
}


@pytest.fixture(params=["sqlite", "postgresql"])
def old_db(request, tmp_path):
    if request.param == "sqlite":
        db = Database("sqlite:///" + str(tmp_path / "old.sqlite"), user=TEST_USER)
    else:
        db = Database(pg_url(request.getfixturevalue("pg_schema")), user=TEST_USER)
    upgrade(db.engine, PREVIOUS)
    yield db
    db.dispose()


def _filler(col: dict[str, Any]) -> Any:
    kind = col["type"]
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return 1  # every parent row below has id 1
    if isinstance(kind, sa.DateTime):
        return dt.datetime(2026, 1, 1, 9, 0)
    if isinstance(kind, sa.Date):
        return dt.date(2026, 1, 1)
    if isinstance(kind, sa.Numeric):
        return Decimal("0")
    if isinstance(kind, sa.LargeBinary):
        return b""
    return "x"


def _insert(conn: sa.Connection, table: str, **values: Any) -> None:
    """A row with `values`, every other NOT NULL column filled with a plain value."""
    for col in sa.inspect(conn).get_columns(table):
        if col["name"] in values or col["nullable"] or col["name"] == "id" and "id" in values:
            continue
        values[col["name"]] = _filler(col)
    names = ", ".join(f'"{n}"' for n in values)
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in values)})"), values)


def _old_rows(db: Database) -> None:
    with db.engine.begin() as conn:
        _insert(conn, "projects", id=1, code="OLD", name="老小区")
        for i, kind in enumerate(OLD["HandoverKind"], 1):
            _insert(conn, "handovers", id=i, project_id=1, kind=kind, status="draft")
        _insert(conn, "list_templates", id=1, code="t1", name="模板", kinds="承接查验,退场移交")
        _insert(conn, "list_templates", id=2, code="t2", name="通用", kinds="")
        for i, status in enumerate(OLD["KeyStatus"], 1):
            _insert(conn, "keys", id=i, project_id=1, tag=f"K{i}", status=status)
        for i, kind in enumerate(OLD["KeyEventKind"], 1):
            _insert(conn, "key_events", id=i, key_id=1, kind=kind)
        statuses = OLD["DefectStatus"]
        for i, status in enumerate(statuses, 1):
            _insert(conn, "defects", id=i, project_id=1, number=f"YL-{i}", category="其他", status=status)
            _insert(conn, "defect_status_changes", id=i, defect_id=i, to_status=status,
                    from_status=statuses[i - 2] if i > 1 else None)
        pairs = [(k, d) for k in OLD["DiffKind"] for d in OLD["Decision"]]
        for i, (kind, decision) in enumerate(pairs, 1):
            _insert(conn, "fee_differences", id=i, handover_id=1, kind=kind, decision=decision,
                    period_start=dt.date(2026, 1, i % 28 + 1))
        for i, action in enumerate(OLD["DepositAction"], 1):
            _insert(conn, "deposit_dispositions", id=i, handover_id=1, action=action,
                    period_start=dt.date(2025, i, 1))
        # Signed last: from here on the settlement's inputs are frozen by the guard triggers.
        _insert(conn, "settlements", id=1, handover_id=1, status="signed", revision=1)


def _column(db: Database, table: str, column: str) -> list[Any]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(f"SELECT {column} FROM {table} ORDER BY id"))]


CONVERTED = {
    ("keys", "status"): "KeyStatus", ("key_events", "kind"): "KeyEventKind", ("defects", "status"): "DefectStatus",
    ("defect_status_changes", "to_status"): "DefectStatus", ("fee_differences", "kind"): "DiffKind",
    ("fee_differences", "decision"): "Decision", ("deposit_dispositions", "action"): "DepositAction",
    ("handovers", "kind"): "HandoverKind",
}


def _code(enum_name: str, word: str) -> str:
    return next(code for code, label in LABELS[enum_name].items() if label == word)


def test_every_old_word_becomes_its_code_and_the_models_read_them(old_db):
    _old_rows(old_db)
    upgrade(old_db.engine)
    assert current_revision(old_db.engine) == head_revision()

    codes = {name: [_code(name, w) for w in words] for name, words in OLD.items()}
    assert _column(old_db, "keys", "status") == codes["KeyStatus"]
    assert _column(old_db, "key_events", "kind") == codes["KeyEventKind"]
    assert _column(old_db, "defects", "status") == codes["DefectStatus"]
    assert _column(old_db, "defect_status_changes", "to_status") == codes["DefectStatus"]
    assert _column(old_db, "defect_status_changes", "from_status") == [None, *codes["DefectStatus"][:-1]]
    assert _column(old_db, "fee_differences", "kind") == [k for k in codes["DiffKind"] for _ in OLD["Decision"]]
    assert _column(old_db, "fee_differences", "decision") == codes["Decision"] * len(OLD["DiffKind"])
    assert _column(old_db, "deposit_dispositions", "action") == ["hand_over", "refund"]
    assert _column(old_db, "handovers", "kind") == ["acceptance", "takeover", "exit"]
    assert _column(old_db, "list_templates", "kinds") == ["acceptance,exit", ""]
    for (table, column), enum_name in CONVERTED.items():
        stored = set(_column(old_db, table, column)) - {None}
        assert stored <= set(LABELS[enum_name]), (table, column, stored)

    with old_db.read() as s:
        assert s.scalars(select(Key.status).order_by(Key.id)).all() == list(KeyStatus)
        assert s.scalars(select(KeyEvent.kind).order_by(KeyEvent.id)).all() == list(KeyEventKind)
        assert s.scalars(select(Defect.status).order_by(Defect.id)).all() == list(DefectStatus)
        assert s.scalars(select(DefectStatusChange.to_status).order_by(DefectStatusChange.id)).all() \
            == list(DefectStatus)
        assert set(s.scalars(select(FeeDifference.kind))) == set(DiffKind)
        assert set(s.scalars(select(FeeDifference.decision))) == set(Decision)
        assert s.scalars(select(DepositDisposition.action).order_by(DepositDisposition.id)).all() \
            == list(DepositAction)
        assert s.scalars(select(Handover.kind).order_by(Handover.id)).all() == list(HandoverKind)
        assert [k.label for k in s.scalars(select(Key.status).order_by(Key.id))] == OLD["KeyStatus"]


def test_the_guards_are_back_after_the_conversion(old_db):
    _old_rows(old_db)
    upgrade(old_db.engine)
    for sql in ("UPDATE key_events SET kind = 'lend' WHERE id = 1",
                "UPDATE defect_status_changes SET note = 'x' WHERE id = 1",
                "UPDATE fee_differences SET decision = 'open' WHERE id = 1"):
        with pytest.raises(sa.exc.DatabaseError), old_db.engine.begin() as conn:
            conn.execute(text(sql))


def test_downgrade_gives_the_words_back(old_db):
    _old_rows(old_db)
    upgrade(old_db.engine)
    command.downgrade(alembic_config(old_db.engine), PREVIOUS)
    assert current_revision(old_db.engine) == PREVIOUS
    assert _column(old_db, "keys", "status") == OLD["KeyStatus"]
    assert _column(old_db, "key_events", "kind") == OLD["KeyEventKind"]
    assert _column(old_db, "fee_differences", "decision") == OLD["Decision"] * len(OLD["DiffKind"])
    assert _column(old_db, "handovers", "kind") == OLD["HandoverKind"]
    assert _column(old_db, "list_templates", "kinds") == ["承接查验,退场移交", ""]


def test_the_frozen_words_are_the_words_the_enums_read():
    """Old data outside the tables (snapshots, audit rows, old backups) holds these words: each still reads."""
    enums = {e.__name__: e for e in (KeyStatus, KeyEventKind, DefectStatus, DiffKind, Decision, DepositAction,
                                     HandoverKind, DocStatus)}
    for name, words in OLD.items():
        assert [enums[name](w) for w in words] == list(enums[name])
