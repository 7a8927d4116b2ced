"""The spreadsheet import pipeline: cell parsing, header detection, merged cells, skipped rows."""
from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from xlsx_builder import write_sheet

from models.errors import ValidationError
from models.imports import workbook
from models.imports.sheet import (
    CellError,
    FieldSpec,
    RowProblem,
    normalise_header,
    open_table,
    parse_amount,
    parse_date,
    parse_decimal,
    parse_month,
)

SAMPLES = Path(__file__).resolve().parents[2] / "shared/samples"
LEDGER = SAMPLES / "原物业收费台账_翠湖园.xlsx"

FEE_FIELDS = (
    FieldSpec("number", "房号", ("房间号",), required=True),
    FieldSpec("owner", "业主姓名", ("业主", "姓名")),
    FieldSpec("area", "建筑面积", ("面积",)),
    FieldSpec("billed", "应收金额", ("应收",)),
    FieldSpec("paid", "实收金额", ("实收",)),
    FieldSpec("arrears", "欠费金额", ("欠费",)),
)


# ---- cells -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (118.03, Decimal("118.03")), (1310.13, Decimal("1310.13")), (0.1, Decimal("0.1")), (120, Decimal(120)),
    ("1,234.50", Decimal("1234.50")), (" 1234.5 ", Decimal("1234.5")), ("¥88", Decimal(88)),
    ("１２０．５", Decimal("120.5")), ("-3.2", Decimal("-3.2")), (Decimal("7.25"), Decimal("7.25")),
    ("-", None), ("", None), (None, None), ("—", None),
])
def test_parse_decimal_never_goes_through_float(value, expected):
    result = parse_decimal(value)
    assert result == expected
    assert result is None or isinstance(result, Decimal)
    if isinstance(value, float):
        assert str(result) == str(value)  # 118.03, not 118.0299999999999940314...


@pytest.mark.parametrize("value", ["一百二十", "12a", "1,23.4", "1.2.3", True, dt.date(2025, 1, 1), "1e5"])
def test_parse_decimal_refuses_what_is_not_a_number(value):
    with pytest.raises(CellError):
        parse_decimal(value)


def test_chinese_numeral_message_quotes_the_cell():
    with pytest.raises(CellError) as caught:
        parse_decimal("一百二十")
    assert str(caught.value) == "“一百二十”不是数字"
    problem = RowProblem(7, "建筑面积", str(caught.value))
    assert str(problem) == "第 7 行「建筑面积」：“一百二十”不是数字"


def test_parse_amount_empty_is_zero_and_more_than_two_decimals_is_refused():
    assert parse_amount("-") == Decimal("0.00")
    assert parse_amount(None) == Decimal("0.00")
    assert parse_amount("1,025.64") == Decimal("1025.64")
    assert str(parse_amount(88)) == "88.00"
    with pytest.raises(CellError, match="小数超过 2 位"):
        parse_amount(1.005)


@pytest.mark.parametrize("value, expected", [
    (dt.datetime(2025, 7, 1, 0, 0), dt.date(2025, 7, 1)), (dt.date(2025, 7, 1), dt.date(2025, 7, 1)),
    ("2025-07-01", dt.date(2025, 7, 1)), ("2025/7/1", dt.date(2025, 7, 1)),
    ("2025年7月1日", dt.date(2025, 7, 1)), ("2025.7.1", dt.date(2025, 7, 1)),
    ("2025年07月", dt.date(2025, 7, 1)), ("2025.07", dt.date(2025, 7, 1)), ("2025-07", dt.date(2025, 7, 1)),
    ("", None), ("-", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2025-02-30", "七月一日", "20250701", 45000, "2025-13"])
def test_parse_date_refuses(value):
    with pytest.raises(CellError):
        parse_date(value)


def test_parse_month_gives_the_first_day():
    assert parse_month(dt.datetime(2025, 7, 19)) == dt.date(2025, 7, 1)
    assert parse_month("2025年07月") == dt.date(2025, 7, 1)
    assert parse_month(None) is None


@pytest.mark.parametrize("raw, expected", [
    ("建筑面积(㎡)", "建筑面积"), ("建筑面积\n（㎡）", "建筑面积"), ("　房 号 ", "房号"), ("*房号：", "房号"),
    ("单价(元/㎡·月)", "单价"), ("ＩＤ", "id"), ("面积【平方米】", "面积"),
])
def test_normalise_header(raw, expected):
    assert normalise_header(raw) == expected


# ---- the fee ledger sample: merged title, subtotals, a total, blank rows -----------------------

def test_ledger_sample_header_and_totals_are_found():
    expected = json.loads((SAMPLES / "原物业收费台账_翠湖园.expected.json").read_text(encoding="utf-8"))
    with open_table(LEDGER, FEE_FIELDS) as table:
        rows = list(table.rows())
        header, skipped = table.header, table.skipped
    assert (header.first_row, header.last_row) == (4, 4)
    assert header.labels[5] == "建筑面积(㎡)" and header.columns["area"] == 5
    assert len(rows) == expected["lines"] == 48
    for key in ("billed", "paid", "arrears"):
        assert str(sum((parse_amount(r.get(key)) for r in rows), Decimal(0))) == expected[key]
    assert {(s.row, s.reason) for s in skipped} >= {(31, "小计行"), (58, "小计行"), (59, "合计行")}
    assert all(s.reason == "空行" for s in skipped if s.row not in (31, 58, 59))
    assert rows[0].row == 5 and rows[-1].row == 57


# ---- odd sheets made here ----------------------------------------------------------------------

def test_title_blank_rows_and_total_row(tmp_path):
    path = write_sheet(tmp_path / "t.xlsx", [
        ("翠湖园业主名册",), ("制表单位：原物业", None, None, "制表日期：2026-07-02"), (),
        ("房号", "业主姓名", "建筑面积(㎡)"),
        ("1栋101", "张三", 90.5), (), ("1栋102", "李四", "1,100.25"), ("合计", None, 1190.75), (), (),
    ], merges=["A1:C1"])
    with open_table(path, FEE_FIELDS) as table:
        rows = list(table.rows())
        assert table.header.first_row == 4
        assert [(r.row, r.get("number")) for r in rows] == [(5, "1栋101"), (7, "1栋102")]
        assert [(s.row, s.reason) for s in table.skipped] == [(6, "空行"), (8, "合计行")]
        assert table.above == [(1, "翠湖园业主名册"), (2, "制表单位：原物业")]
        assert table.header.missing == ("billed", "paid", "arrears")


def two_row_header(tmp_path, merged: bool = True) -> Path:
    rows = [
        ("收费明细",),
        ("房号", "业主", "金额", None, None, "备注"),
        (None, None, "应收", "实收", "欠费", None),
        ("1栋101", "张三", 100, 60, 40, ""),
        ("1栋102", "李四", 200, 200, 0, "已缴清"),
    ]
    merges = ["A1:F1", "A2:A3", "B2:B3", "C2:E2", "F2:F3"] if merged else []
    return write_sheet(tmp_path / "two.xlsx", rows, merges)


@pytest.mark.parametrize("synonyms", [("应收",), ("应收金额",), ("金额/应收",)])
def test_two_row_merged_header(tmp_path, synonyms):
    fields = (FieldSpec("number", "房号"), FieldSpec("owner", "业主姓名", ("业主",)),
              FieldSpec("billed", "应收款", synonyms), FieldSpec("paid", "实收金额"),
              FieldSpec("arrears", "欠费金额", ("欠费",)))
    with open_table(two_row_header(tmp_path), fields) as table:
        header = table.header
        rows = list(table.rows())
    assert (header.first_row, header.last_row) == (2, 3)
    assert header.labels[:5] == ("房号", "业主", "金额/应收", "金额/实收", "金额/欠费")
    assert dict(header.columns) == {"number": 0, "owner": 1, "billed": 2, "paid": 3, "arrears": 4}
    assert [(r.row, r.get("billed")) for r in rows] == [(4, 100), (5, 200)]


def test_two_row_header_without_merges_is_still_found(tmp_path):
    with open_table(two_row_header(tmp_path, merged=False), FEE_FIELDS) as table:
        assert (table.header.first_row, table.header.last_row) == (2, 3)
        assert table.header.columns["billed"] == 2 and table.header.columns["owner"] == 1


def test_merged_data_cell_fills_down_its_column_only(tmp_path):
    fields = (FieldSpec("building", "楼栋"), FieldSpec("number", "房号"), FieldSpec("note", "备注"))
    path = write_sheet(tmp_path / "m.xlsx", [
        ("楼栋", "房号", "备注"), ("1栋", "101", None), (None, "102", None), ("2栋（整栋）", None, None),
        ("说明：以上为样例", None, None),
    ], merges=["A2:A3", "A4:C4", "A5:C5"])
    with open_table(path, fields) as table:
        rows = [dict(r.values) for r in table.rows()]
        skipped = [(s.row, s.reason) for s in table.skipped]
    assert rows[1] == {"building": "1栋", "number": "102", "note": None}
    assert rows[2] == {"building": "2栋（整栋）", "number": None, "note": None}
    assert skipped == [(5, "说明行")]  # a note under the table is no line of it


def test_no_recognisable_header_is_refused_with_a_clear_message(tmp_path):
    path = write_sheet(tmp_path / "x.xlsx", [("甲", "乙", "丙"), (1, 2, 3)])
    with pytest.raises(ValidationError, match="找不到表头") as caught, open_table(path, FEE_FIELDS):
        pass
    assert "房号" in str(caught.value) and "x.xlsx" in str(caught.value)


def test_the_sheet_with_a_header_is_chosen(tmp_path):
    path = tmp_path / "two_sheets.xlsx"
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active.append(["填表说明：请勿修改表头"])
    data = wb.create_sheet("名册")
    data.append(["房号", "业主姓名"])
    data.append(["101", "张三"])
    wb.save(path)
    with open_table(path, FEE_FIELDS) as table:
        assert table.header.sheet == "名册" and len(list(table.rows())) == 1


def test_explicit_mapping_overrides_and_drops(tmp_path):
    path = write_sheet(tmp_path / "map.xlsx", [("房号", "户主", "面积"), ("101", "张三", 90)])
    with open_table(path, FEE_FIELDS, {"owner": 1, "area": None}) as table:
        assert table.header.recognised == {"number": 0, "area": 2}
        assert dict(table.header.columns) == {"number": 0, "owner": 1}
        assert "area" in table.header.missing
        assert table.header.column_name(1) == "B 列「户主」"
        assert [dict(r.values) for r in table.rows()] == [{"number": "101", "owner": "张三"}]
    with pytest.raises(ValidationError, match="列对应无效"), open_table(path, FEE_FIELDS, {"owner": 9}):
        pass


def test_repeated_header_row_is_skipped(tmp_path):
    path = write_sheet(tmp_path / "r.xlsx", [("房号", "业主姓名"), ("101", "张三"), ("房号", "业主姓名"),
                                             ("102", "李四")])
    with open_table(path, FEE_FIELDS) as table:
        assert [r.row for r in table.rows()] == [2, 4]
        assert [(s.row, s.reason) for s in table.skipped] == [(3, "重复的表头")]


def test_not_an_xlsx_is_refused(tmp_path):
    bad = tmp_path / "名册.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(ValidationError, match="不是有效的 .xlsx"), open_table(bad, FEE_FIELDS):
        pass
    with pytest.raises(ValidationError, match="找不到文件"), open_table(tmp_path / "missing.xlsx", FEE_FIELDS):
        pass


def test_merge_scan_survives_chunk_boundaries(monkeypatch):
    xml = b"<worksheet><sheetData/>" + b"".join(
        f'<mergeCells><x:mergeCell ref="A{i}:C{i}"/></mergeCells>'.encode() for i in range(1, 200))
    monkeypatch.setattr(workbook, "CHUNK", 7)
    refs = workbook._scan_refs(io.BytesIO(xml))
    assert refs == [f"A{i}:C{i}" for i in range(1, 200)]


@pytest.mark.parametrize("text, total", [
    ("合计", True), ("合计：", True), ("2号楼 小计", True), ("本页小计", True), ("总计 58686.72", True),
    ("综合计量表", False), ("小计算器", False), ("合计数量核对表", False),
])
def test_total_rows_are_told_apart_from_items_that_mention_the_word(text, total):
    from models.imports.sheet import TOTAL_WORDS, _is_total_label
    assert any(_is_total_label(text, w) for w in TOTAL_WORDS) is total
