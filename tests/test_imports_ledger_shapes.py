"""Ledgers as offices keep them (issue 13 point 5): arrears-only statements, exclusive period ends,
periods written as serials, years, quarters and half-years, and sheets with a column per fee item or
per month — each read as lines on ledger.py's one path, on both backends."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from xlsx_builder import ROSTER_HEADER, roster_rows, write_sheet

from models.errors import ValidationError
from models.fees import LedgerLine
from models.imports.cells import CellError, parse_period
from models.imports.ledger import import_ledger, import_ledger_file, preview_ledger
from models.imports.roster import import_roster_file
from models.services import projects
from models.services.fee_results import fee_results
from models.services.ledger_mappings import remember_mapping

D = Decimal
U1, U2, U3, U4 = "1栋1单元101", "1栋1单元102", "1栋1单元103", "1栋1单元104"  # as the roster writes them
JULY = (dt.date(2025, 7, 1), dt.date(2025, 7, 31))
JUNE = (dt.date(2025, 6, 1), dt.date(2025, 6, 30))


@pytest.fixture
def handover(db, tmp_path) -> int:
    """Four units from a made-up roster; the outgoing company's last day (交接基准日) is 2025-12-31."""
    projects.add_project(db, "LSY", "绿水苑")
    handover = projects.add_handover(db, "LSY", "进场接管", "原物业", "本物业", dt.date(2025, 12, 31))
    import_roster_file(db, "LSY", write_sheet(tmp_path / "roster.xlsx", [ROSTER_HEADER, *roster_rows(4)]))
    return handover.id


def lines(preview) -> list[tuple]:
    return [(r.row, r.unit_number, r.fee_item, r.period_start, r.period_end, r.billed, r.paid, r.arrears)
            for r in preview.rows]


def sums(preview) -> tuple[Decimal, Decimal, Decimal, int]:
    t = preview.totals
    return t.billed, t.paid, t.arrears, t.lines


def stored(db, handover_id: int) -> tuple[int, Decimal, Decimal]:
    with db.read() as s:
        return s.execute(select(func.count(), func.sum(LedgerLine.billed), func.sum(LedgerLine.paid))
                         .where(LedgerLine.handover_id == handover_id)).one()


# ---- 1. arrears-only statements (欠费明细表), amounts and dates as text --------------------------------

def arrears_statement(tmp_path: Path) -> Path:
    rows = [("欠费明细表",),
            ("房号", "业主姓名", "收费项目", "计费起始", "计费截止", "欠费金额"),
            (U1, "甲业主", "物业服务费", "2025-07-01", "2025-09-30", "1,234.50"),
            (U2, "乙业主", "物业服务费", "2025/7/1", "2025/12/31", "￥1234.5"),
            (U3, "丙业主", "水费", "2025年7月1日", "2025年7月31日", "88.00元"),
            (U4, "丁业主", "物业服务费", "20250701", "20250731", "-20.00"),  # paid ahead: a credit
            ("合计", None, None, None, None, "2,537.00")]
    return write_sheet(tmp_path / "欠费明细表.xlsx", rows)


def test_an_arrears_only_statement_imports_as_arrears(db, handover, tmp_path):
    preview = preview_ledger(db, handover, arrears_statement(tmp_path))
    assert preview.ok, preview.refusal()
    sep, dec = (dt.date(2025, 7, 1), dt.date(2025, 9, 30)), (dt.date(2025, 7, 1), dt.date(2025, 12, 31))
    assert lines(preview) == [
        (3, U1, "物业服务费", *sep, D("1234.50"), D("0.00"), D("1234.50")),
        (4, U2, "物业服务费", *dec, D("1234.50"), D("0.00"), D("1234.50")),
        (5, U3, "水费", *JULY, D("88.00"), D("0.00"), D("88.00")),
        (6, U4, "物业服务费", *JULY, D("0.00"), D("20.00"), D("-20.00")),
    ]
    assert sums(preview) == (D("2557.00"), D("20.00"), D("2537.00"), 4)
    assert [(s.row, s.reason) for s in preview.skipped] == [(7, "合计行")]
    assert preview.mismatches == ()  # their 合计 of 欠费 agrees with the lines
    assert any("本表只有欠费金额" in n and "应收 = 欠费、实收 = 0" in n for n in preview.notes)
    assert not any("计费截止" in n for n in preview.notes)  # ends like 2025-12-31: read as written, nothing to say
    report = import_ledger(db, handover, preview)
    assert (report.lines, report.arrears) == (4, D("2537.00"))
    assert stored(db, handover) == (4, D("2557.00"), D("20.00"))
    arrears = fee_results(db, handover).arrears
    assert sum((a.amount for a in arrears), D(0)) == D("2557.00")  # every line before the cut-off, owed


def test_an_arrears_statement_with_an_empty_amount_is_refused(db, handover, tmp_path):
    rows = [("房号", "收费项目", "所属期", "欠缴金额"), (U1, "物业服务费", "2025-07", "100"),
            (U2, "物业服务费", "2025-07", None)]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "a.xlsx", rows))
    assert [str(p) for p in preview.problems] == [
        "第 3 行「欠费金额」：欠费金额为空（本表只有欠费一列，每行都要有欠费金额）"]
    with pytest.raises(ValidationError, match="未导入任何数据"):
        import_ledger(db, handover, preview)


def test_a_billed_only_sheet_is_still_refused(db, handover, tmp_path):
    rows = [("房号", "收费项目", "所属期", "应收金额"), (U1, "物业服务费", "2025-07", "100")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "b.xlsx", rows))
    assert not preview.ok
    assert {p.field for p in preview.problems if p.row == 1} == {"实收金额", "欠费金额"}


# ---- 2. period ends written as the next period's first day ---------------------------------------------

def hc_sheet(tmp_path: Path, ends: list[str], name: str = "hc.xlsx") -> Path:
    header = ("房号", "收费项目", "计费起始", "计费截止", "应收金额", "实收金额")
    rows = [(u, "物业服务费", "2025-07-01", end, "600.00", "600.00") for u, end in zip((U1, U2, U3), ends, strict=True)]
    return write_sheet(tmp_path / name, [header, *rows])


def test_next_period_first_days_are_exclusive_ends(db, handover, tmp_path):
    preview = preview_ledger(db, handover, hc_sheet(tmp_path, ["2026-01-01", "2026/1/1", "2025-10-01"]))
    assert preview.ok, preview.refusal()
    assert [(r.period_start, r.period_end) for r in preview.rows] == [
        (dt.date(2025, 7, 1), dt.date(2025, 12, 31)), (dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
        (dt.date(2025, 7, 1), dt.date(2025, 9, 30))]
    assert ("计费截止按“下一期第一天”（不含当日）读取：本表的计费起始、计费截止都是月初（如 2025-07-01 → "
            "2026-01-01），各行截止日按前一天（2025-12-31）导入") in preview.notes
    import_ledger(db, handover, preview)
    results = fee_results(db, handover)
    assert results.prepayments == ()  # cut-off 2025-12-31: nothing paid for a day after it
    assert results.arrears == ()


def test_the_same_sheet_read_inclusive_would_invent_a_prepayment(db, handover, tmp_path):
    """The mixed sheet keeps the days as written (and says so): its 2026-01-01 line reaches a day
    past the cut-off, and the day's share of what was paid becomes 预收款 — the old behaviour."""
    preview = preview_ledger(db, handover, hc_sheet(tmp_path, ["2026-01-01", "2025-12-31", "2025-12-31"]))
    assert preview.ok and preview.rows[0].period_end == dt.date(2026, 1, 1)
    assert any(n.startswith("计费截止按所写日期为最后一天（含当日）读取：有 1 行") and "第 3 行等截止于 2025-12-31" in n
               for n in preview.notes)
    import_ledger(db, handover, preview)
    prepaid = fee_results(db, handover).prepayments
    assert [(p.unit, p.period_start, p.period_end) for p in prepaid] == [(U1, dt.date(2026, 1, 1), dt.date(2026, 1, 1))]


def test_inclusive_ends_are_kept(db, handover, tmp_path):
    preview = preview_ledger(db, handover, hc_sheet(tmp_path, ["2025-12-31", "2025-12-31", "2025-09-30"]))
    assert [r.period_end for r in preview.rows] == [dt.date(2025, 12, 31)] * 2 + [dt.date(2025, 9, 30)]
    assert not any("计费截止" in n for n in preview.notes)


def test_a_range_in_the_period_column_ending_on_a_first_day_is_exclusive(db, handover, tmp_path):
    rows = [("房号", "收费项目", "所属期", "应收金额", "实收金额"),
            (U1, "物业服务费", "2025-07-01至2026-01-01", "600", "600"),
            (U2, "物业服务费", "2025-07", "100", "0")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "r.xlsx", rows))
    assert [(r.period_start, r.period_end) for r in preview.rows] == [
        (dt.date(2025, 7, 1), dt.date(2025, 12, 31)), JULY]


# ---- 3. periods: serials, years, quarters, half-years ------------------------------------------------

Q1, H2 = (dt.date(2024, 1, 1), dt.date(2024, 3, 31)), (dt.date(2024, 7, 1), dt.date(2024, 12, 31))
YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
JAN16 = (dt.date(2016, 1, 1), dt.date(2016, 1, 31))


@pytest.mark.parametrize("value, expected", [
    (42370, JAN16), (42370.0, JAN16), ("42370", JAN16), ("2024年", YEAR), ("2024年度", YEAR), (2024, YEAR),
    ("2024年第一季度", Q1), ("2024年1季度", Q1), ("2024Q1", Q1), ("2024-Q1", Q1), ("2024 q1", Q1),
    ("2024年第四季度", (dt.date(2024, 10, 1), dt.date(2024, 12, 31))),
    ("2024年上半年", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))), ("2024年下半年", H2), ("2024H2", H2),
    ("2024Q1-2024Q2", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
])
def test_periods_as_offices_write_them(value, expected):
    assert parse_period(value) == expected


def test_a_serial_in_a_start_or_end_column_is_that_day():
    assert parse_period(45839, day_is_month=False) == (dt.date(2025, 7, 1),) * 2
    assert parse_period("45839", day_is_month=False) == (dt.date(2025, 7, 1),) * 2


@pytest.mark.parametrize("value, message", [
    ("一季度", "“一季度”没有写年份"), ("上半年", "没有写年份"), ("Q3", "没有写年份"), ("2024Q5", "不是所属期"),
    (99999, "年份超出范围"), ("2024年第五季度", "不是所属期"),
])
def test_periods_without_a_year_or_impossible_are_refused(value, message):
    with pytest.raises(CellError, match=message):
        parse_period(value)


def test_a_sheet_of_serials_years_quarters_and_halves(db, handover, tmp_path):
    rows = [("房号", "收费项目", "所属期", "应收金额", "实收金额"),
            (U1, "物业服务费", 42370, "100", "100"), (U1, "车位费", "2024年度", "1200", "600"),
            (U2, "物业服务费", "2024年第一季度", "300", "0"), (U3, "物业服务费", "2024H2", "600", "600"),
            (U4, "物业服务费", "一季度", "300", "0")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "p.xlsx", rows))
    assert [(r.period_start, r.period_end) for r in preview.rows[:4]] == [JAN16, YEAR, Q1, H2]
    assert [str(p) for p in preview.problems] == [
        "第 6 行「所属期」：“一季度”没有写年份，无法确定是哪一年（应写成 2025年一季度 这样）"]


def test_serial_dates_in_start_and_end_columns(db, handover, tmp_path):
    rows = [("房号", "收费项目", "计费起始", "计费截止", "应收金额", "实收金额"),
            (U1, "物业服务费", 45839, 46022, "600", "600"), (U2, "物业服务费", "45839", 46022.0, "600", "0")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "s.xlsx", rows))
    assert preview.ok, preview.refusal()
    assert {(r.period_start, r.period_end) for r in preview.rows} == {(dt.date(2025, 7, 1), dt.date(2025, 12, 31))}


# ---- 4. a column per fee item ---------------------------------------------------------------------------

ITEM_HEADER = ("房号", "业主", "所属期", "本期应收_管理费", "本期应收_水费", "本期实收_管理费", "本期实收_水费",
               "前期欠费_管理费", "合计")


def by_item(tmp_path: Path, with_period: bool = True) -> Path:
    rows = [ITEM_HEADER,
            (U1, "甲业主", "2025-07", "300.00", "40", "300.00", "40", None, "0.00"),
            (U2, "乙业主", "2025-07", "300.00", None, "100", None, "500.00", "700.00"),
            (U3, "丙业主", "2025-07", None, "-", None, "-", None, None),  # nothing charged: skipped
            (U4, "丁业主", "2025-07", "300.00", "30", "0", "0", "90", "400.00")]  # 420 owed, 合计 says 400
    if not with_period:
        rows = [tuple(v for i, v in enumerate(r) if i != 2) for r in rows]
    return write_sheet(tmp_path / "by_item.xlsx", rows)


def test_a_column_per_fee_item_gives_a_line_per_unit_and_item(db, handover, tmp_path):
    preview = preview_ledger(db, handover, by_item(tmp_path))
    assert lines(preview) == [
        (2, U1, "管理费", *JULY, D("300.00"), D("300.00"), D("0.00")),
        (2, U1, "水费", *JULY, D("40.00"), D("40.00"), D("0.00")),
        (3, U2, "管理费", *JULY, D("300.00"), D("100.00"), D("200.00")),
        (3, U2, "管理费", *JUNE, D("500.00"), D("0.00"), D("500.00")),  # 前期欠费: the month before
        (5, U4, "管理费", *JULY, D("300.00"), D("0.00"), D("300.00")),
        (5, U4, "水费", *JULY, D("30.00"), D("0.00"), D("30.00")),
        (5, U4, "管理费", *JUNE, D("90.00"), D("0.00"), D("90.00")),
    ]
    assert sums(preview) == (D("1560.00"), D("440.00"), D("1120.00"), 7)
    assert [(s.row, s.reason) for s in preview.skipped] == [(4, "各项金额均为空或 0 的行")]
    assert [str(p) for p in preview.problems] == ["第 5 行「合计」：合计 400.00 与各项欠费之和 420.00 不符"]
    notes = preview.notes
    assert "本表按收费项目分列：管理费、水费，每个房屋、收费项目一行" in notes
    assert "前期欠费_管理费：前期金额按本期之前一个月（所属期的上一个月）导入，实际可能更早" in notes
    assert "只有欠费一列的收费项目：按 应收 = 欠费、实收 = 0 导入" in notes
    assert "I 列「合计」：只用于核对各项欠费之和，不作为收费项目导入" in notes
    assert preview.new_fee_items == ("管理费", "水费")  # never an item called 合计
    with pytest.raises(ValidationError, match="第 5 行「合计」"):
        import_ledger(db, handover, preview)
    assert stored(db, handover)[0] == 0


def test_a_column_per_fee_item_imports_when_its_totals_agree(db, handover, tmp_path):
    rows = [ITEM_HEADER, (U1, "甲业主", "2025-07", "300.00", "40", "300.00", "40", None, "0.00"),
            (U2, "乙业主", "2025-07", "300.00", None, "100", None, "500.00", "700.00")]
    report = import_ledger_file(db, handover, write_sheet(tmp_path / "ok.xlsx", rows))
    assert (report.lines, report.billed, report.paid, report.arrears) == (4, D("1140.00"), D("440.00"), D("700.00"))
    assert stored(db, handover) == (4, D("1140.00"), D("440.00"))


def test_a_sheet_by_item_without_a_period_needs_the_clerks(db, handover, tmp_path):
    path = by_item(tmp_path, with_period=False)
    refused = preview_ledger(db, handover, path)
    assert "第 1 行「所属期」：按收费项目分列的台账没有所属期列（或计费起始、计费截止）：请在导入时指定本表的所属期，" \
           "或增加所属期列" in [str(p) for p in refused.problems]
    given = preview_ledger(db, handover, path, period=JULY)
    assert [(r.fee_item, r.period_start, r.period_end) for r in given.rows if r.row == 3] == [
        ("管理费", *JULY), ("管理费", *JUNE)]
    assert "本表没有所属期列：本期各项按导入时指定的所属期 2025-07 导入" in given.notes
    assert {p.row for p in given.problems} == {5}  # only the 合计 that disagrees


def test_an_item_with_only_billed_is_refused_by_name(db, handover, tmp_path):
    rows = [("房号", "所属期", "应收_管理费", "实收_管理费", "应收_电梯费"), (U1, "2025-07", "10", "10", "5")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "x.xlsx", rows))
    assert any(p.field == "应收_电梯费" and "「电梯费」只有应收一列" in p.message for p in preview.problems)


def test_a_two_level_header_per_fee_item(db, handover, tmp_path):
    rows = [("房号", "业主", "管理费", None, None, "水费", None),
            (None, None, "应收", "实收", "欠费", "应收", "实收"),
            (U1, "甲业主", 300, 200, 100, 40, 40), (U2, "乙业主", 300, 300, 0, None, None)]
    merges = ["A1:A2", "B1:B2", "C1:E1", "F1:G1"]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "two.xlsx", rows, merges), period=JULY)
    assert preview.ok, preview.refusal()
    assert lines(preview) == [
        (3, U1, "管理费", *JULY, D("300.00"), D("200.00"), D("100.00")),
        (3, U1, "水费", *JULY, D("40.00"), D("40.00"), D("0.00")),
        (4, U2, "管理费", *JULY, D("300.00"), D("300.00"), D("0.00")),
    ]


# ---- 5. a column per month -----------------------------------------------------------------------------

def by_month(tmp_path: Path, title: str = "2025年物业费欠费明细") -> Path:
    rows = [(title,), ("房号", "收费项目", "1月", "2月", "3月", "合计"),
            (U1, "物业服务费", "100.00", "100.00", None, "200.00"),
            (U2, "物业服务费", None, "-", "0", None),  # nothing owed: skipped
            (U3, "垃圾费", "10", "10", "10", "30.00")]
    return write_sheet(tmp_path / "by_month.xlsx", rows, ["A1:F1"])


def test_a_column_per_month_of_arrears(db, handover, tmp_path):
    preview = preview_ledger(db, handover, by_month(tmp_path))
    assert preview.ok, preview.refusal()
    jan, feb, mar = ((dt.date(2025, m, 1), dt.date(2025, m, d)) for m, d in ((1, 31), (2, 28), (3, 31)))
    assert lines(preview) == [
        (3, U1, "物业服务费", *jan, D("100.00"), D("0.00"), D("100.00")),
        (3, U1, "物业服务费", *feb, D("100.00"), D("0.00"), D("100.00")),
        (5, U3, "垃圾费", *jan, D("10.00"), D("0.00"), D("10.00")),
        (5, U3, "垃圾费", *feb, D("10.00"), D("0.00"), D("10.00")),
        (5, U3, "垃圾费", *mar, D("10.00"), D("0.00"), D("10.00")),
    ]
    assert sums(preview) == (D("230.00"), D("0.00"), D("230.00"), 5)
    assert [(s.row, s.reason) for s in preview.skipped] == [(4, "各项金额均为空或 0 的行")]
    assert ("本表按月分列：3 个月份列，每个房屋、收费项目、月份一行；各月金额按欠费（按 应收 = 欠费、实收 = 0 导入）读取，"
            "年份取自2025 年") in preview.notes
    report = import_ledger(db, handover, preview)
    assert (report.lines, report.arrears) == (5, D("230.00"))


def test_a_column_per_month_with_a_year_column(db, handover, tmp_path):
    rows = [("房号", "收费项目", "年度", "2025年/11月", "12月", "欠费合计"),
            (U1, "物业服务费", "2024年", 100, 100, 200)]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "y.xlsx", rows))
    assert preview.ok, preview.refusal()
    assert [(r.period_start, r.arrears) for r in preview.rows] == [
        (dt.date(2025, 11, 1), D("100.00")), (dt.date(2024, 12, 1), D("100.00"))]  # a year in the label wins


def test_a_column_per_month_of_billed_amounts_is_refused(db, handover, tmp_path):
    preview = preview_ledger(db, handover, by_month(tmp_path, "2025年物业费收费台账"))
    assert not preview.ok
    assert any(p.row == 2 and "标题和表头都没有写“欠费”" in p.message for p in preview.problems)


def test_a_column_per_month_with_no_year_is_refused(db, handover, tmp_path):
    preview = preview_ledger(db, handover, by_month(tmp_path, "物业费欠费明细"))
    messages = [str(p) for p in preview.problems]
    assert any("按月分列的台账没有写年份" in m for m in messages)
    assert preview_ledger(db, handover, by_month(tmp_path, "物业费欠费明细"), period=JULY).ok


def test_reading_a_sheet_by_item_remembers_no_mapping(db, handover, tmp_path):
    """After an import the dialog remembers what differs from what was recognised: the item columns
    and the 应收 a two-level header seemed to name are the shape's own reading, nothing to remember."""
    rows = [("房号", "管理费", None, "水费", None), (None, "应收", "实收", "应收", "实收"), (U1, 300, 200, 40, 40)]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "m.xlsx", rows, ["A1:A2", "B1:C1", "D1:E1"]),
                             period=JULY)
    assert preview.ok, preview.refusal()
    mapping = {**{key: None for key in preview.header.missing}, **preview.header.columns}
    assert remember_mapping(db, "原物业", preview.header, mapping) == {}
    again = preview_ledger(db, handover, preview.path, period=JULY)
    assert lines(again) == lines(preview) and len(again.rows) == 2


def test_the_total_row_of_a_sheet_by_item_is_checked_per_column(db, handover, tmp_path):
    rows = [ITEM_HEADER, (U1, "甲业主", "2025-07", "300.00", "40", "300.00", "40", None, "0.00"),
            (U2, "乙业主", "2025-07", "300.00", None, "100", None, "500.00", "700.00"),
            ("合计", None, None, "650.00", "40", "400", "40", "500", "700.00")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "t.xlsx", rows))
    assert preview.ok, preview.refusal()
    assert [str(m) for m in preview.mismatches] == ["第 4 行（合计行）「本期应收_管理费」为 650.00，明细相加为 600.00"]
    assert "合计行与明细不符：第 4 行（合计行）「本期应收_管理费」为 650.00，明细相加为 600.00" in preview.notes


def test_brought_forward_and_this_periods_amounts_beside_a_fee_item_column(db, handover, tmp_path):
    """前期欠费 | 本期应收 | 本期实收 | 期末欠费: the row's 收费项目 in two lines (this period, and the month
    before for what was brought forward); 期末欠费 is what the two lines owe, checked, not imported."""
    rows = [("房号", "收费项目", "所属期", "前期欠费", "本期应收", "本期实收", "期末欠费"),
            (U1, "物业服务费", "2025-07", "150.00", "300.00", "300.00", "150.00"),
            (U2, "物业服务费", "2025-07", None, "300.00", "100.00", "200.00"),
            (U3, "车位费", "2025-07", "0", "120", "120", "0"),
            (U4, "物业服务费", "2025-07", "50", "300", "0", "300")]  # owes 350
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "bf.xlsx", rows))
    assert lines(preview) == [
        (2, U1, "物业服务费", *JUNE, D("150.00"), D("0.00"), D("150.00")),  # in the sheet's column order
        (2, U1, "物业服务费", *JULY, D("300.00"), D("300.00"), D("0.00")),
        (3, U2, "物业服务费", *JULY, D("300.00"), D("100.00"), D("200.00")),
        (4, U3, "车位费", *JULY, D("120.00"), D("120.00"), D("0.00")),
        (5, U4, "物业服务费", *JUNE, D("50.00"), D("0.00"), D("50.00")),
        (5, U4, "物业服务费", *JULY, D("300.00"), D("0.00"), D("300.00")),
    ]
    assert [str(p) for p in preview.problems] == ["第 5 行「期末欠费」：合计 300.00 与各项欠费之和 350.00 不符"]
    assert "本表分列前期、本期金额：每行的本期金额与前期金额各导入为一行" in preview.notes
    assert "G 列「期末欠费」：只用于核对各项欠费之和，不作为收费项目导入" in preview.notes


def test_a_payment_date_must_be_a_day_not_a_year_or_a_quarter(db, handover, tmp_path):
    rows = [("房号", "收费项目", "所属期", "应收金额", "实收金额", "收款日期"),
            (U1, "物业服务费", "2025-07", "100", "100", 45845), (U2, "物业服务费", "2025-07", "100", "100", "2025年"),
            (U3, "物业服务费", "2025-07", "100", "100", "2025Q3")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "d.xlsx", rows))
    assert preview.rows[0].paid_on == dt.date(2025, 7, 7)  # an Excel serial is that day
    assert [str(p) for p in preview.problems] == [
        "第 3 行「收款日期」：“2025年”不是日期（应为 2025-07-01、2025/7/1 或 2025年7月1日）",
        "第 4 行「收款日期」：“2025Q3”不是日期（应为 2025-07-01、2025/7/1 或 2025年7月1日）"]
    assert preview.rows[1].bad == {"paid_on": "2025年"}


# ---- the clerk's period on the command line and in the dialog --------------------------------------

def test_the_command_line_takes_the_period_of_a_sheet_by_item(db, handover, tmp_path, capsys, monkeypatch):
    from cli_login import cli_user, signed_out

    import main

    signed_out(monkeypatch)
    cli_user(db, monkeypatch)
    rows = [tuple(v for i, v in enumerate(r) if i != 2) for r in
            [ITEM_HEADER, (U1, "甲业主", "2025-07", "300.00", "40", "300.00", "40", None, "0.00")]]
    path = write_sheet(tmp_path / "no_period.xlsx", rows)
    argv = ["import", "ledger", str(path), "--handover", str(handover), "--db", db.url]
    assert main.main(argv) == 1
    assert "所属期" in capsys.readouterr().err and stored(db, handover)[0] == 0
    assert main.main([*argv, "--period", "2025年13月"]) == 1
    assert "「所属期」“2025年13月”" in capsys.readouterr().err
    assert main.main([*argv, "--period", "2025年07月"]) == 0
    assert stored(db, handover) == (2, D("340.00"), D("340.00"))
    with db.read() as s:
        assert set(s.execute(select(LedgerLine.period_start, LedgerLine.period_end))) == {JULY}


def test_the_dialog_takes_the_period_of_a_sheet_by_item(qtbot, db, handover, tmp_path):
    from gui.dialogs.ledger_import import LedgerImportDialog

    dialog = LedgerImportDialog(db, handover)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.load_file(by_item(tmp_path, with_period=False))
    assert not dialog.preview.ok and any("指定本表的所属期" in p.message for p in dialog.preview.problems)
    dialog.period_edit.setText("2025年07月")
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.period_edit.editingFinished.emit()
    assert {r.period_start for r in dialog.preview.rows} == {JULY[0], JUNE[0]}
    assert {p.row for p in dialog.preview.problems} == {5}  # only the 合计 that disagrees
    # no column is the 收费项目 and none the amounts: the mapping says the headers give them, not 未识别
    assert dialog.preview.from_headers == ("fee_item", "billed", "paid", "arrears")
    assert [dialog.states[k].text() for k in ("fee_item", "billed", "period")] == ["按表头各列", "按表头各列", "未识别"]


def test_a_sheet_by_item_takes_the_period_its_title_writes(db, handover, tmp_path):
    """'2025年7月收费明细' over a two-level header (管理费 over 应收 | 实收 | 欠费): July, said in the notes."""
    rows = [("2025年7月收费明细",), ("房号", "业主", "管理费", None, None, "水费", None, None),
            (None, None, "应收", "实收", "欠费", "应收", "实收", "欠费"),
            (U1, "甲业主", 300, 300, 0, 40, 20, 20), (U2, "乙业主", 300, 0, 300, 40, 40, 0)]
    path = write_sheet(tmp_path / "t.xlsx", rows, merges=["A1:H1", "C2:E2", "F2:H2", "A2:A3", "B2:B3"])
    preview = preview_ledger(db, handover, path)
    assert preview.ok, preview.refusal()
    assert {(r.period_start, r.period_end) for r in preview.rows} == {JULY}
    assert "本表没有所属期列：本期各项按标题中的“2025年7月”（2025-07）导入；不对时请在导入时指定所属期" in preview.notes
    assert preview_ledger(db, handover, path, period=JUNE).rows[0].period_start == JUNE[0]  # the clerk's wins
    two = write_sheet(tmp_path / "two.xlsx", [("2025年7月至2025年8月收费明细",), *rows[1:]],
                      merges=["A1:H1", "C2:E2", "F2:H2", "A2:A3", "B2:B3"])
    refused = preview_ledger(db, handover, two)
    assert len([p for p in refused.problems if p.row == 4]) == 1  # one problem per row, not one per line


def test_a_group_name_typed_once_over_its_columns_is_carried_right(db, handover, tmp_path):
    """管理费 typed over 应收 with the next two upper cells blank (no merge): 实收, 欠费 are 管理费's too."""
    rows = [("2025年7月收费明细",), ("房号", "业主", "管理费", None, None, "水费", None, None),
            (None, None, "应收", "实收", "欠费", "应收", "实收", "欠费"),
            (U1, "甲业主", 300, 300, 0, 40, 20, 20), (U2, "乙业主", 300, 0, 300, 40, 40, 0)]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "unmerged.xlsx", rows))
    assert preview.ok, preview.refusal()
    assert [(r.fee_item, r.billed, r.paid, r.arrears) for r in preview.rows if r.row == 4] == [
        ("管理费", D("300.00"), D("300.00"), D("0.00")), ("水费", D("40.00"), D("20.00"), D("20.00"))]
