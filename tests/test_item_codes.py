"""An item's 状况 and 原件/复印件 are stored as codes, on SQLite and PostgreSQL: the clerk's Chinese word, the
English label and the code all save the code; old words still read; the rules and the printouts work on
the members (a 缺失 item is a problem, the printed list still says 缺失 and 原件)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

from gui.tabs.handover.items_model import typed
from models import i18n
from models.browse import TABLES, Scope
from models.errors import DomainError, ValidationError
from models.handover import CopyKind, HandoverItem, ItemCondition
from models.i18n import chinese
from models.services import checklists as cl
from models.services import handovers, projects, signoff
from models.services.checklist_rows import ItemChange, ItemRow
from models.templates import load_template_files
from reports.excel.handover_export import item_values
from reports.forms.handover_list import change_text, item_cells


@pytest.fixture
def handover(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    return handovers.create_handover(db, p.id, "进场接管", "原物业服务有限公司", "本物业公司",
                                     dt.date(2026, 6, 30), from_rep="赵国强", to_rep="孙志远")


@pytest.fixture
def english():
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _stored(db, item_id: int) -> tuple[str, str]:
    """(condition, original_or_copy) as the database holds them, not as the enum reads them."""
    with db.read() as s:
        row = s.execute(text("SELECT condition, original_or_copy FROM handover_items WHERE id = :id"),
                        {"id": item_id}).one()
    return row[0], row[1]


def _new_item(db, handover, **fields):
    lst = cl.create_list(db, handover.id, "资料移交清单")
    return lst, cl.add_item(db, lst.id, category="产权资料", name="国有土地使用证", uom="份", **fields)


def test_the_chinese_word_the_english_label_and_the_code_all_store_the_code(db, handover):
    lst, item = _new_item(db, handover, original_or_copy="复印件")
    assert item.original_or_copy is CopyKind.COPY and _stored(db, item.id) == ("", "copy")
    item = cl.check_item(db, item.id, item.version, received_qty=1, condition="有缺陷")
    assert item.condition is ItemCondition.DEFECTIVE and _stored(db, item.id) == ("defective", "copy")
    item = cl.update_item(db, item.id, item.version, condition="Missing", original_or_copy="Original")
    assert (item.condition, item.original_or_copy) == (ItemCondition.MISSING, CopyKind.ORIGINAL)
    assert _stored(db, item.id) == ("missing", "original")
    item = cl.update_item(db, item.id, item.version, condition="good", original_or_copy="")
    assert _stored(db, item.id) == ("good", "")
    assert cl.list_detail(db, lst.id).items[0].original_or_copy is CopyKind.UNSET


@pytest.mark.parametrize(("field", "value", "named", "choices"), [
    ("condition", "很好", "「状况」", "完好、有缺陷、缺失"),
    ("original_or_copy", "扫描件", "「原件/复印件」", "原件、复印件"),
])
def test_anything_else_is_refused_naming_the_field_and_its_choices(db, handover, field, value, named, choices):
    _lst, item = _new_item(db, handover)
    with pytest.raises(ValidationError) as refused:
        cl.update_item(db, item.id, item.version, **{field: value})
    assert named in str(refused.value) and choices in str(refused.value)
    assert _stored(db, item.id) == ("", "")


def test_a_missing_or_damaged_item_is_a_problem_counted_in_sql_and_may_become_a_defect(db, handover):
    lst, item = _new_item(db, handover)
    other = cl.add_item(db, lst.id, category="产权资料", name="建设工程规划许可证", uom="份")
    cl.check_item(db, item.id, item.version, received_qty=1, condition=ItemCondition.MISSING)
    cl.mark_received_as_expected(db, other.id, other.version)
    detail = cl.list_detail(db, lst.id)
    missing, good = detail.items
    assert missing.is_missing and missing.is_problem and not good.is_problem
    assert good.condition is ItemCondition.GOOD and _stored(db, good.id)[0] == "good"
    assert (detail.summary.problems, cl.lists_of(db, handover.id)[0].problems) == (1, 1)
    hint = cl.suggest_defect(lst.title, handover.kind, missing)
    assert "“国有土地使用证”缺失：" in hint.description  # the stored description keeps the Chinese word
    assert cl.item_to_defect(db, missing.id, missing.version).number


def test_a_word_stored_before_the_codes_still_reads_as_its_member(db, handover):
    lst, item = _new_item(db, handover)
    with db.begin() as s:  # a row as an older version wrote it (the migration converts them; backups may not)
        s.execute(text("UPDATE handover_items SET condition = '缺失', original_or_copy = '原件' WHERE id = :id"),
                  {"id": item.id})
    row = cl.list_detail(db, lst.id).items[0]
    assert (row.condition, row.original_or_copy) == (ItemCondition.MISSING, CopyKind.ORIGINAL)
    assert row.is_problem


def test_a_signed_list_and_its_amendment_compare_members_and_print_the_words(db, handover):
    lst, item = _new_item(db, handover, original_or_copy="原件")
    cl.mark_received_as_expected(db, item.id, item.version)
    version = cl.list_detail(db, lst.id).summary.version
    signoff.sign_list(db, lst.id, version, signed_from="赵国强", signed_to="孙志远",
                      signed_at=dt.datetime(2026, 7, 1, 10, 30))
    amendment = signoff.amend_list(db, lst.id)
    copy = cl.list_detail(db, amendment.id).items[0]
    assert (copy.condition, copy.original_or_copy) == (ItemCondition.GOOD, CopyKind.ORIGINAL)
    cl.check_item(db, copy.id, copy.version, received_qty=0, condition="缺失")
    change = cl.list_detail(db, amendment.id).changes[0]
    assert change.changes["condition"] == (ItemCondition.GOOD, ItemCondition.MISSING)
    with chinese():
        assert "状况 完好 → 缺失" in change_text(change)


def test_printouts_show_the_chinese_words_whatever_the_desk_language(english):
    row = ItemRow(1, 1, 1, "产权资料", "国有土地使用证", "", "份", 1, 0, "original", None, "missing", "", "", None)
    assert row.condition.label == "Missing"  # the desk reads English…
    with chinese():  # …the forms and workbooks are Chinese
        cells, values = item_cells(1, row), item_values(1, row)
        change = change_text(ItemChange("changed", row.name, row.category,
                                        {"original_or_copy": (CopyKind.UNSET, CopyKind.COPY)}))
    assert cells[7] == "原件" and cells[9] == "缺失"
    assert values[8] == "原件" and values[10] == "缺失"
    assert change == "原件/复印件 （空） → 复印件"


def test_an_item_row_made_from_old_words_holds_members():
    row = ItemRow(1, 1, 1, "产权资料", "国有土地使用证", "", "份", 1, 1, "复印件", None, "有缺陷", "", "", None)
    assert (row.condition, row.original_or_copy) == (ItemCondition.DEFECTIVE, CopyKind.COPY)
    assert row.is_only_damaged


def test_the_items_table_finds_a_condition_by_its_label_and_sorts_by_the_list_order(db, handover, english):
    lst, item = _new_item(db, handover, original_or_copy=CopyKind.COPY)
    other = cl.add_item(db, lst.id, category="产权资料", name="房屋测绘报告", uom="份")
    cl.check_item(db, item.id, item.version, received_qty=0, condition="缺失")
    cl.mark_received_as_expected(db, other.id, other.version)
    spec, scope = TABLES["handover"], Scope(handover.project_id, handover.id)
    condition, form = spec.column_index("condition"), spec.column_index("original_or_copy")
    with db.read() as s:
        assert [r[spec.column_index("name")] for r in spec.fetch(s, scope, "missing")] == ["国有土地使用证"]
        assert spec.count(s, scope, "Copy") == 1
        assert spec.count(s, scope, "defective") == 0
        rows = spec.fetch(s, scope, sort_col=condition)
        exported = list(spec.iter_rows(s, handover.project_id, handover.id))
    assert [r[condition] for r in rows] == [ItemCondition.GOOD, ItemCondition.MISSING]  # the enum's order
    assert {r[condition] for r in exported} == {"Good", "Missing"}
    assert {r[form] for r in exported} == {"Copy", None}


def test_a_cell_typed_in_either_language_becomes_the_member():
    assert typed("condition", "Missing") is ItemCondition.MISSING
    assert typed("condition", "有缺陷") is ItemCondition.DEFECTIVE
    assert typed("original_or_copy", ItemCondition.UNSET) is CopyKind.UNSET
    assert typed("original_or_copy", "复印件") is CopyKind.COPY
    with pytest.raises(DomainError, match="「状况」"):
        typed("condition", "很好")


def test_templates_read_the_word_or_the_code(tmp_path: Path):
    data = {"code": "X", "name": "X", "items": [{"category": "a", "name": "b", "copy": "原件"},
                                                 {"category": "a", "name": "c", "copy": "copy"},
                                                 {"category": "a", "name": "d"}]}
    (tmp_path / "x.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    [spec] = load_template_files(tmp_path)
    assert [i.copy for i in spec.items] == [CopyKind.ORIGINAL, CopyKind.COPY, CopyKind.UNSET]


def test_a_list_started_from_a_template_stores_codes(db, handover):
    lst = cl.start_list(db, handover.id, "DOC-ORIGINAL")
    with db.read() as s:
        stored = set(s.scalars(text("SELECT DISTINCT original_or_copy FROM handover_items WHERE list_id = :id"),
                               {"id": lst.id}))
        kinds = set(s.scalars(select(HandoverItem.original_or_copy).where(HandoverItem.list_id == lst.id)))
    assert stored <= {"original", "copy"} and stored
    assert kinds <= {CopyKind.ORIGINAL, CopyKind.COPY}
