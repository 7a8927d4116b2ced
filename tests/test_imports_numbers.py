"""Every numeric field of every importer, fed what clerks and files type: a message on the row naming
the field, nothing saved, no traceback (issue 11, point 1: the shared rules of models/rules/numbers.py)."""
from __future__ import annotations

import datetime as dt
from functools import partial

import pytest
from sqlalchemy import func, select
from xlsx_builder import raw_xlsx, sheet_xml

from models.errors import ValidationError
from models.fees import LedgerLine
from models.handover import HandoverItem
from models.imports.checklist import import_checklist, preview_checklist
from models.imports.key_sheet import import_key_sheet, preview_key_sheet
from models.imports.ledger import import_ledger, preview_ledger
from models.imports.roster import import_roster, preview_roster
from models.keys import Key
from models.project import Unit
from models.services import projects

BAD = {"1o00": "1o00", "abc": "abc", "-5": "-5", "-5 (number)": -5, "1e20": 1e20, "1e20 (text)": "1e20",
       "13800138000": 13800138000, "１２": "１２", "2,000 characters": "9" * 2000, "1.5": 1.5}
# importer → (header, the row with {} where the value goes, numeric fields (column index, label), what -5 is)
SHEETS = {
    "roster": (("房号", "业主姓名", "建筑面积"), ("1栋1单元101", "张三", "{}"), [(2, "建筑面积")]),
    "checklist": (("名称", "单位", "数量", "页数"), ("竣工图", "套", "{}", "{}"), [(2, "数量"), (3, "页数")]),
    "keys": (("房号", "开启对象", "数量"), ("1栋1单元101", "入户门", "{}"), [(2, "数量")]),
    "ledger": (("房号", "收费项目", "所属期", "应收金额", "实收金额", "欠费金额"),
               ("1栋1单元101", "物业服务费", "2025年07月", "{}", "{}", "{}"),
               [(3, "应收金额"), (4, "实收金额"), (5, "欠费金额")]),
}
ALLOWED = {("ledger", "-5"), ("ledger", "-5 (number)"), ("roster", "1.5"), ("ledger", "1.5")}  # a refund line; an area


@pytest.fixture
def desk(sqlite_db):
    project = projects.add_project(sqlite_db, "CHY", "翠湖园")
    with sqlite_db.begin() as s:
        s.add(Unit(project_id=project.id, number="1栋1单元101", use="住宅"))
    handover = projects.add_handover(sqlite_db, "CHY", "进场接管", "原物业", "安居物业", dt.date(2026, 6, 30))
    return sqlite_db, project.id, handover.id


def preview_and_import(kind, db, project_id, handover_id, path):
    """(preview, what importing did: the refusal's text or 'imported')."""
    if kind == "roster":
        preview = preview_roster(path)
        act = partial(import_roster, db, project_id, preview)
    elif kind == "checklist":
        preview = preview_checklist(path)
        act = partial(import_checklist, db, handover_id, "清单", preview)
    elif kind == "keys":
        preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
        act = partial(import_key_sheet, db, preview, handover_id=handover_id)
    else:
        preview = preview_ledger(db, handover_id, path)
        act = partial(import_ledger, db, handover_id, preview)
    try:
        act()
    except ValidationError as exc:
        return preview, str(exc)
    return preview, "imported"


def saved(db) -> tuple[int, ...]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Unit, HandoverItem, Key, LedgerLine))


@pytest.mark.parametrize("kind", list(SHEETS))
@pytest.mark.parametrize("name", list(BAD))
def test_every_numeric_field_refuses_what_is_not_its_number(desk, tmp_path, kind, name):
    db, project_id, handover_id = desk
    header, template, fields = SHEETS[kind]
    for column, label in fields:
        row = [None if c == "{}" else c for c in template]
        row[column] = BAD[name]
        if kind == "ledger":  # the other two amounts given, so only this one is in question
            row[3:6] = [v if i + 3 == column else None for i, v in enumerate(row[3:6])]
            row[3 if column != 3 else 4] = "100.00"
        before = saved(db)
        preview, outcome = preview_and_import(kind, db, project_id, handover_id,
                                              raw_xlsx(tmp_path / f"{kind}{column}.xlsx", sheet_xml([header, row])))
        if (kind, name) in ALLOWED:
            assert not [p for p in preview.problems if p.field == label], preview.problems
            continue
        assert any(str(p).startswith(f"第 2 行「{label}」") for p in preview.problems), (label, preview.problems)
        assert outcome.startswith(f"{preview.NOUN}有") and f"第 2 行「{label}」" in outcome
        assert saved(db) == before


@pytest.mark.parametrize("kind", list(SHEETS))
def test_an_empty_numeric_cell_is_no_traceback(desk, tmp_path, kind):
    db, project_id, handover_id = desk
    header, template, _ = SHEETS[kind]
    row = ["" if c == "{}" else c for c in template]
    if kind == "ledger":
        row[3:5] = ["100.00", "100.00"]
    preview, outcome = preview_and_import(kind, db, project_id, handover_id,
                                          raw_xlsx(tmp_path / "empty.xlsx", sheet_xml([header, row])))
    assert preview.ok and outcome == "imported", preview.problems
