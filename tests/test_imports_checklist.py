"""Checklist import: odd sheets (titles, category rows, merges, totals), two-row headers, all-or-nothing."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from xlsx_builder import write_sheet

from models.errors import NotFoundError, ValidationError
from models.handover import CopyKind, HandoverItem, HandoverList
from models.imports.checklist import (
    import_checklist,
    import_checklist_file,
    preview_checklist,
)
from models.imports.checklist_parse import normalise_form, strip_numbering
from models.services import projects

ORIGINAL, COPY = CopyKind.ORIGINAL, CopyKind.COPY
HEADER = ("序号", "资料名称", "规格型号", "单位", "数量", "原件/复印件", "页数", "备注")


@pytest.fixture
def handover_id(db) -> int:
    projects.add_project(db, "CHY", "翠湖园")
    return projects.add_handover(db, "CHY", "承接查验", "翠湖园开发公司", "安居物业", dt.date(2025, 7, 1)).id


def counts(db) -> tuple[int, int]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (HandoverList, HandoverItem))


def items(db, list_id: int) -> list[tuple]:
    with db.read() as s:
        query = select(HandoverItem).where(HandoverItem.list_id == list_id).order_by(HandoverItem.seq)
        return [(i.seq, i.category, i.name, i.spec, i.uom, i.expected_qty, i.original_or_copy, i.pages,
                 i.remarks) for i in s.scalars(query)]


def clerk_sheet(tmp_path: Path) -> Path:
    """What a clerk sends: a merged title, category rows, blank rows, a 合计 row, a note and signatures."""
    rows = [
        ("翠湖园物业承接查验资料移交清单",),                                  # 1 title, merged A1:H1
        ("移交单位：翠湖园开发公司", None, None, None, None, "日期：2025-07-01"),  # 2
        HEADER,                                                            # 3
        ("一、竣工图纸",),                                                   # 4 category, merged A4:H4
        (1, "竣工总平面图", "A1", "套", 2, "原件", 12, None),               # 5
        (2, "建筑竣工图", None, "套", None, "复", None, "含电子版"),         # 6 quantity empty → 1
        (),                                                                # 7 blank
        ("二", "设备资料"),                                                  # 8 category: 序号 二 + a name
        (3, "电梯使用说明书", "KONE 3000", "份", "3", "原", None, None),     # 9
        (4, "消防验收报告", None, "份", 1, "复印件", 8, None),               # 10
        ("合计", None, None, None, 6),                                       # 11
        (),                                                                # 12
        ("注：以上资料均由移交方提供。",),                                     # 13
        ("移交人：", None, None, "接收人：", None, "监交人："),                  # 14
    ]
    return write_sheet(tmp_path / "资料移交清单.xlsx", rows, merges=["A1:H1", "A4:H4", "A13:H13"])


def merged_category_sheet(tmp_path: Path) -> Path:
    """A 类别 column whose cells are merged down over their items, and a column left blank below."""
    rows = [
        ("类别", "名称", "数量", "单位"),
        ("共用设施设备", "变压器", 2, "台"),   # A2:A4 merged
        (None, "高低压配电柜", 6, "面"),
        (None, "柴油发电机", 1, "台"),
        ("物业管理用房", "物业办公室", 1, "间"),
        (None, "保安室", 2, "间"),            # not merged: blank means the same category
    ]
    return write_sheet(tmp_path / "设备.xlsx", rows, merges=["A2:A4"])


# ---- the clerk's sheet -----------------------------------------------------------------------

def test_title_category_rows_blank_and_total_rows(db, handover_id, tmp_path):
    preview = preview_checklist(clerk_sheet(tmp_path))
    assert preview.ok, preview.refusal()
    assert (preview.header.first_row, preview.title) == (3, "翠湖园物业承接查验资料移交清单")
    assert preview.categories == ("竣工图纸", "设备资料")
    assert [(s.row, s.reason) for s in preview.skipped] == [
        (4, "类别行"), (7, "空行"), (8, "类别行"), (11, "合计行"),
        (12, "空行"), (13, "说明行"), (14, "签字栏")]
    assert str(preview.skipped[0]) == "第 4 行：类别行（其下各项的类别为“竣工图纸”），已跳过"
    # The sheet's 合计 says 6; row 6 has no quantity, which the list counts as 1: the clerk is told.
    assert [str(m) for m in preview.mismatches] == ["第 11 行（合计行）「数量」为 6，明细相加为 7"]
    assert preview.notes == ("A 列「序号」：序号不导入，条目按表中顺序重新编号（用于识别“一、二、”等类别行）",
                             "合计行与明细不符：第 11 行（合计行）「数量」为 6，明细相加为 7")
    result = import_checklist(db, handover_id, preview.default_title, preview)
    assert (result.items, result.categories, result.title) == (4, 2, "翠湖园物业承接查验资料移交清单")
    assert "2 类 4 项" in result.summary() and "合计行 1 行" in result.summary()
    assert "「数量」为 6，明细相加为 7" in result.summary()
    assert items(db, result.list_id) == [
        (1, "竣工图纸", "竣工总平面图", "A1", "套", 2, ORIGINAL, 12, ""),
        (2, "竣工图纸", "建筑竣工图", "", "套", 1, COPY, None, "含电子版"),
        (3, "设备资料", "电梯使用说明书", "KONE 3000", "份", 3, ORIGINAL, None, ""),
        (4, "设备资料", "消防验收报告", "", "份", 1, COPY, 8, ""),
    ]
    with db.read() as s:
        checklist = s.get(HandoverList, result.list_id)
        assert (checklist.template_code, checklist.status.value, checklist.handover_id) == (
            "IMPORT", "draft", handover_id)
        assert all(isinstance(i.expected_qty, int) for i in checklist.items)


def test_merged_category_cells_fill_down(db, handover_id, tmp_path):
    result = import_checklist_file(db, handover_id, merged_category_sheet(tmp_path))
    assert result.title == "设备"  # no title row: the file name
    assert [(c, n, q, u) for _, c, n, _, u, q, *_ in items(db, result.list_id)] == [
        ("共用设施设备", "变压器", 2, "台"), ("共用设施设备", "高低压配电柜", 6, "面"),
        ("共用设施设备", "柴油发电机", 1, "台"), ("物业管理用房", "物业办公室", 1, "间"),
        ("物业管理用房", "保安室", 2, "间")]


def test_no_category_gives_the_default_and_quantity_with_unit(tmp_path):
    path = write_sheet(tmp_path / "n.xlsx", [("名称", "数量", "单位"), ("钥匙箱", "2个", None), ("对讲机", "3", "台")])
    preview = preview_checklist(path)
    assert [(r.category, r.name, r.expected_qty, r.uom) for r in preview.rows] == [
        ("未分类", "钥匙箱", 2, "个"), ("未分类", "对讲机", 3, "台")]


def test_two_row_header_with_tick_columns(db, handover_id, tmp_path):
    rows = [
        ("序号", "名称", "数量", None, "资料形式", None, "备注"),
        (None, None, "应交", "实交", "原件", "复印件", None),
        ("（一）产权资料",),
        (1, "国有土地使用证", 1, None, "√", None, None),
        (2, "建设工程规划许可证", 2, None, None, "√", None),
        (3, "房屋测绘报告", 1, None, "√", "√", "测绘院出具"),
    ]
    merges = ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:G2"]
    preview = preview_checklist(write_sheet(tmp_path / "two.xlsx", rows, merges))
    assert preview.ok, preview.refusal()
    assert (preview.header.first_row, preview.header.last_row) == (1, 2)
    assert preview.header.columns["quantity"] == 2 and 3 in preview.unused_columns  # 实交 is not imported
    result = import_checklist(db, handover_id, "产权资料", preview)
    assert [(c, n, q, f, r) for _, c, n, _, _, q, f, _, r in items(db, result.list_id)] == [
        ("产权资料", "国有土地使用证", 1, ORIGINAL, ""), ("产权资料", "建设工程规划许可证", 2, COPY, ""),
        ("产权资料", "房屋测绘报告", 1, ORIGINAL, "测绘院出具；另附复印件")]


# ---- refusals ---------------------------------------------------------------------------------

def test_no_recognisable_header_is_refused_clearly(db, handover_id, tmp_path):
    path = write_sheet(tmp_path / "乱.xlsx", [("会议纪要",), ("甲", "乙", "丙"), ("一", 2, 3)])
    with pytest.raises(ValidationError) as caught:
        import_checklist_file(db, handover_id, path)
    message = str(caught.value)
    assert "“乱.xlsx”中找不到表头" in message and "名称、数量、类别、单位" in message
    assert counts(db) == (0, 0)


def test_one_bad_row_refuses_the_whole_sheet(db, handover_id, tmp_path):
    import_checklist_file(db, handover_id, merged_category_sheet(tmp_path))
    before = counts(db)
    rows = [HEADER, ("一、竣工图纸",), (1, "竣工总平面图", None, "套", 1), (2, "给排水竣工图", None, "套", "1o00"),
            (3, None, None, "套", 2), (4, "电气竣工图", None, "套", -1, "电子版")]
    with pytest.raises(ValidationError) as caught:
        import_checklist_file(db, handover_id, write_sheet(tmp_path / "bad.xlsx", rows))
    message = str(caught.value)
    assert "清单有 4 处问题（3 行），未导入任何数据" in message
    assert "第 4 行「数量」：应为数字，“1o00”不是数字" in message
    assert "第 5 行「名称」：不能为空" in message
    assert "第 6 行「数量」：不能为负数" in message
    assert "第 6 行「原件/复印件」：“电子版”无效，应为：原件、复印件" in message
    assert counts(db) == before


def test_preview_keeps_the_bad_text_and_missing_name_column(tmp_path):
    preview = preview_checklist(write_sheet(tmp_path / "b.xlsx", [HEADER, (1, "图纸", None, "套", "1o00")]))
    assert preview.problem_rows == {2} and preview.rows[0].qty_text == "1o00"
    missing = preview_checklist(write_sheet(tmp_path / "m.xlsx", [("序号", "数量", "单位"), (1, 2, "套")]))
    assert [str(p) for p in missing.problems] == ["第 1 行「名称」：表头中找不到这一列，请在“列对应”中指定"]


def test_bad_title_or_handover_writes_nothing(db, handover_id, tmp_path):
    preview = preview_checklist(merged_category_sheet(tmp_path))
    with pytest.raises(ValidationError, match="清单名称不能为空"):
        import_checklist(db, handover_id, "  ", preview)
    with pytest.raises(NotFoundError):
        import_checklist(db, handover_id + 99, "设备", preview)
    assert counts(db) == (0, 0)


def test_an_unknown_column_mapped_by_the_caller(db, handover_id, tmp_path):
    path = write_sheet(tmp_path / "u.xlsx", [("序号", "移交物品", "数量", "存放位置"),
                                            (1, "配电房钥匙", 3, "门卫室"), (2, "水泵房钥匙", 2, "门卫室")])
    assert "name" in preview_checklist(path).unrecognised
    result = import_checklist_file(db, handover_id, path, title="钥匙", mapping={"name": 1, "remarks": 3})
    assert [(n, q, r) for _, _, n, _, _, q, _, _, r in items(db, result.list_id)] == [
        ("配电房钥匙", 3, "门卫室"), ("水泵房钥匙", 2, "门卫室")]


# ---- rules ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("一、竣工图纸", "竣工图纸"), ("（二）设备资料", "设备资料"), ("3. 财务资料", "财务资料"), ("4、业主资料", "业主资料"),
    ("第五部分 钥匙", "钥匙"), ("Ⅵ.印章", "印章"), ("竣工图纸", "竣工图纸"), ("十", "十")])
def test_strip_numbering(raw, expected):
    assert strip_numbering(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("原", ORIGINAL), ("原件", ORIGINAL), ("复", COPY), ("复印", COPY), ("复印件", COPY), ("", CopyKind.UNSET), ("original", ORIGINAL), ("Copy", COPY),
    ("电子版", None), ("原件及复印件", None)])
def test_normalise_form(raw, expected):
    assert normalise_form(raw) == expected
