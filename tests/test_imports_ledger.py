"""Their ledger import: the sample's totals, odd sheets, refusals, re-import, signed settlements, mapping memory."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from xlsx_builder import LEDGER_HEADER, ledger_rows, write_sheet

from models.audit import AuditLog
from models.base import DocStatus
from models.errors import ValidationError
from models.fees import FeeItem, LedgerLine, Settlement
from models.imports.cells import CellError, money_cell, parse_period
from models.imports.ledger import import_ledger, import_ledger_file, preview_ledger
from models.imports.roster import import_roster_file
from models.imports.sheet import ImportCancelled
from models.project import Project
from models.rules.numbers import MONEY
from models.services import projects
from models.services.ledger_mappings import (
    mapping_for_header,
    remember_mapping,
    remembered_mapping,
    setting_key,
)
from models.settings import Setting

SAMPLES = Path(__file__).resolve().parents[2] / "shared/samples"
SAMPLE = SAMPLES / "原物业收费台账_翠湖园.xlsx"
EXPECTED = SAMPLES / "原物业收费台账_翠湖园.expected.json"
ROSTER = SAMPLES / "业主名册_翠湖园.xlsx"
COMPANY = "原物业服务有限公司"
D = Decimal


@pytest.fixture
def handover(db) -> int:
    """翠湖园 with its 48 units (from the owner roster) and one handover from 原物业."""
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", COMPANY, "安居物业", dt.date(2026, 6, 30))
    import_roster_file(db, "CHY", ROSTER)
    return handover.id


def theirs(db, handover_id: int) -> tuple[int, Decimal, Decimal]:
    """(lines, Σ billed, Σ paid) of the handover's imported lines, summed by the database."""
    with db.read() as s:
        count, billed, paid = s.execute(
            select(func.count(), func.sum(LedgerLine.billed), func.sum(LedgerLine.paid))
            .where(LedgerLine.handover_id == handover_id, LedgerLine.source == "theirs")).one()
    return count, billed, paid  # SUM keeps the Money type: Decimal 元, summed exactly as integer fen


def line_of(db, handover_id: int, excel_row: int) -> LedgerLine:
    with db.read() as s:
        return s.scalar(select(LedgerLine).where(LedgerLine.handover_id == handover_id,
                                                 LedgerLine.source_row == excel_row))


# ---- the sample --------------------------------------------------------------------------------

def test_the_sample_gives_exactly_the_expected_totals(db, handover):
    expected = {k: v if k == "lines" else D(v) for k, v in json.loads(EXPECTED.read_text()).items()}
    preview = preview_ledger(db, handover, SAMPLE)
    assert preview.ok, preview.refusal()
    totals = preview.totals
    assert (totals.billed, totals.paid, totals.arrears, totals.lines) == (
        expected["billed"], expected["paid"], expected["arrears"], expected["lines"])
    skipped = {s.row: s.reason for s in preview.skipped}
    assert skipped == {16: "空行", 28: "空行", 41: "空行", 53: "空行", 31: "小计行", 58: "小计行", 59: "合计行"}
    report = import_ledger(db, handover, preview)
    assert (report.lines, report.billed, report.paid, report.arrears) == (
        48, expected["billed"], expected["paid"], expected["arrears"])
    assert "小计行 2 行、合计行 1 行" in report.summary() and "空行 4 行" in report.summary()
    lines, billed, paid = theirs(db, handover)
    assert (lines, billed, paid, billed - paid) == (48, expected["billed"], expected["paid"], expected["arrears"])


def test_sample_lines_keep_what_the_clerk_needs(db, handover):
    import_ledger_file(db, handover, SAMPLE)
    first = line_of(db, handover, 5)
    assert (first.owner_name, first.contact, first.receipt_no) == ("董艳辉", "18401757228", "NO.20260001")
    assert (first.period_start, first.period_end, first.paid_on) == (
        dt.date(2026, 1, 1), dt.date(2026, 6, 30), dt.date(2026, 5, 12))
    assert (first.billed, first.paid) == (D("1310.13"), D("1310.13"))
    text_amount = line_of(db, handover, 11)  # 应收 written as the text "1,310.13"
    assert (text_amount.billed, text_amount.paid, text_amount.remark) == (D("1310.13"), D("0.00"), "已催缴")
    with db.read() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "import",
                                                 AuditLog.table_name == "handovers")).all()
    assert len(audit) == 1 and SAMPLE.name in audit[0].note and "导入 48 行" in audit[0].note


def test_reimport_replaces_and_does_not_double(db, handover):
    first = import_ledger_file(db, handover, SAMPLE)
    again = import_ledger_file(db, handover, SAMPLE)
    assert (first.replaced, again.replaced) == (0, 48)
    assert first.new_fee_items == ("物业服务费",) and again.new_fee_items == ()
    assert theirs(db, handover)[0] == 48
    assert "替换了此前导入的 48 行" in again.summary()


def test_our_lines_are_left_alone(db, handover):
    with db.begin() as s:
        item = FeeItem(project_id=s.scalar(select(Project.id)), code="WYF", name="物业服务费")
        s.add(item)
        s.flush()
        s.add(LedgerLine(handover_id=handover, source="ours", fee_item_id=item.id, period_start=dt.date(2026, 7, 1),
                         period_end=dt.date(2026, 7, 31), billed=D("99.00")))
    report = import_ledger_file(db, handover, SAMPLE)
    assert report.new_fee_items == ()  # 物业服务费 exists: matched by name
    with db.read() as s:
        assert s.scalar(select(func.count()).where(LedgerLine.source == "ours")) == 1
        assert set(s.scalars(select(LedgerLine.fee_item_id).where(LedgerLine.source == "theirs"))) == {item.id}


# ---- odd sheets --------------------------------------------------------------------------------

def odd_ledger(tmp_path: Path) -> Path:
    """A title, a header on two rows (金额 merged over 应收/实收/欠费), text amounts, month forms, a 小计."""
    rows = [
        ("翠湖园 2025年7-8月 收费明细",),
        ("房号", "业主", "收费项目", "所属期", "金额", None, None, "备注"),
        (None, None, None, None, "应收", "实收", "欠费", None),
        ("1栋1单元101", "董艳辉", "物业服务费", "2025年07月", "1,310.13", "-", "1,310.13", "已催缴"),
        ("1栋1单元102", "彭涛洋", "物业服务费", "2025.07", 1310.13, "1,310.13", "-", None),
        ("1栋1单元201", "郭辉燕", "物业服务费", 2025.08, "¥990.90", 500, "490.90", None),
        (None, "1号楼 小计", None, None, "3,610.16", "1,810.13", "1,800.03", None),
        ("2栋1单元101", "吕杰涛", "水费", "202507", "88.00", 88, "—", "用水 31 吨"),
    ]
    merges = ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:H3"]
    return write_sheet(tmp_path / "odd.xlsx", rows, merges)


def test_an_odd_sheet_gives_the_right_lines(db, handover, tmp_path):
    preview = preview_ledger(db, handover, odd_ledger(tmp_path))
    assert preview.ok, preview.refusal()
    assert (preview.header.first_row, preview.header.last_row) == (2, 3)
    assert preview.header.labels[4] == "金额/应收"
    assert [(s.row, s.reason) for s in preview.skipped] == [(7, "小计行")]
    got = [(r.row, r.unit_number, r.fee_item, r.period_start, r.period_end, r.billed, r.paid, r.arrears)
           for r in preview.rows]
    july, august = (dt.date(2025, 7, 1), dt.date(2025, 7, 31)), (dt.date(2025, 8, 1), dt.date(2025, 8, 31))
    assert got == [
        (4, "1栋1单元101", "物业服务费", *july, D("1310.13"), D("0.00"), D("1310.13")),
        (5, "1栋1单元102", "物业服务费", *july, D("1310.13"), D("1310.13"), D("0.00")),
        (6, "1栋1单元201", "物业服务费", *august, D("990.90"), D("500.00"), D("490.90")),
        (8, "2栋1单元101", "水费", *july, D("88.00"), D("88.00"), D("0.00")),
    ]
    assert (preview.totals.billed, preview.totals.paid, preview.totals.lines) == (D("3699.16"), D("1898.13"), 4)
    assert preview.new_fee_items == ("物业服务费", "水费")
    # Their 小计 says 3,610.16; the three lines add up to 3,611.16: flagged, per column, not refused.
    assert [str(m) for m in preview.mismatches] == ["第 7 行（小计行）「应收金额」为 3,610.16，明细相加为 3,611.16",
                                                    "第 7 行（小计行）「欠费金额」为 1,800.03，明细相加为 1,801.03"]
    assert preview.notes[2:] == ("将新建收费项目：物业服务费", "将新建收费项目：水费")
    report = import_ledger(db, handover, preview)
    assert "「应收金额」为 3,610.16，明细相加为 3,611.16" in report.summary()
    assert theirs(db, handover) == (4, D("3699.16"), D("1898.13"))
    assert line_of(db, handover, 8).remark == "用水 31 吨"


def test_two_amounts_give_the_third_and_dates_give_the_period(db, handover, tmp_path):
    rows = [("房号", "收费项目", "计费起始", "计费截止", "应收金额", "欠费金额", "收款日期"),
            ("1栋1单元101", "物业服务费", dt.date(2026, 1, 1), "2026.03", "300.00", "100.00", 20260215),
            ("1栋1单元102", "物业服务费", "2026.04", None, "100", "0", "2026/4/9"),
            ("1栋1单元201", "物业服务费", "2026-01-01至2026-06-30", None, "600", "", None)]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "two.xlsx", rows))
    assert preview.ok, preview.refusal()
    got = [(r.period_start, r.period_end, r.billed, r.paid, r.arrears, r.paid_on) for r in preview.rows]
    assert got == [
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31), D("300.00"), D("200.00"), D("100.00"), dt.date(2026, 2, 15)),
        (dt.date(2026, 4, 1), dt.date(2026, 4, 30), D("100.00"), D("100.00"), D("0.00"), dt.date(2026, 4, 9)),
        (dt.date(2026, 1, 1), dt.date(2026, 6, 30), D("600.00"), D("600.00"), D("0.00"), None),
    ]  # two columns only: the empty 欠费 of the last row is 0


# ---- refusals ----------------------------------------------------------------------------------

def bad_ledger(tmp_path: Path) -> Path:
    rows = [LEDGER_HEADER,
            ("9栋9单元999", "张三", "物业服务费", "2026年01月", "100", "100", "0"),     # row 2: unknown unit
            ("1栋1单元101", "董艳辉", "物业服务费", "2026年01月", "一千", "0", "0"),   # row 3: bad amount
            ("1栋1单元102", "彭涛洋", "物业服务费", "2026年01月", "100", "60", "30"),  # row 4: 100 − 60 ≠ 30
            ("1栋1单元201", "郭辉燕", "物业服务费", "明年", "100", "100", "0"),        # row 5: bad period
            ("1栋1单元202", "戴超", "物业服务费", None, "100", "100", "0"),            # row 6: no period
            *ledger_rows(["1栋1单元301"])]                                              # row 7: good
    return write_sheet(tmp_path / "bad.xlsx", rows)


def test_a_bad_sheet_is_refused_whole_and_nothing_changes(db, handover, tmp_path):
    import_ledger_file(db, handover, SAMPLE)
    before = theirs(db, handover)
    with pytest.raises(ValidationError) as caught:
        import_ledger_file(db, handover, bad_ledger(tmp_path))
    message = str(caught.value)
    assert "台账有 5 处问题（5 行），未导入任何数据" in message
    assert "第 2 行「房号」：“9栋9单元999”不是本项目的房屋；请先导入业主名册" in message
    assert "第 3 行「应收金额」：应为数字，“一千”不是数字" in message
    assert "第 4 行「欠费金额」：应收 100.00 − 实收 60.00 = 40.00，与欠费 30.00 不符" in message
    assert "第 5 行「所属期」：“明年”不是所属期" in message
    assert "第 6 行「所属期」：没有所属期" in message
    assert "第 7 行" not in message
    assert theirs(db, handover) == before


def test_the_preview_keeps_bad_cells_for_the_clerk(db, handover, tmp_path):
    preview = preview_ledger(db, handover, bad_ledger(tmp_path))
    assert not preview.ok and preview.problem_rows == {2, 3, 4, 5, 6}
    assert preview.rows[0].unit_id is None and preview.rows[5].unit_id is not None
    assert preview.rows[1].bad == {"billed": "一千"} and preview.rows[3].bad == {"period": "明年"}


def test_end_before_start_and_missing_columns(db, handover, tmp_path):
    rows = [("房号", "收费项目", "计费起始", "计费截止", "实收金额"),
            ("1栋1单元101", "物业服务费", "2026-06-01", "2026-01-31", "10")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "end.xlsx", rows))
    messages = [str(p) for p in preview.problems]
    assert "第 1 行「应收金额」：表头中找不到这一列，请在“列对应”中指定（应收、实收、欠费至少要有两列）" in messages
    assert "第 2 行「计费截止」：计费截止 2026-01-31 早于计费起始 2026-06-01" in messages


def test_a_signed_settlement_refuses_the_import(db, handover):
    import_ledger_file(db, handover, SAMPLE)
    with db.begin() as s:
        s.add(Settlement(handover_id=handover, status=DocStatus.SIGNED, signed_at=dt.datetime(2026, 7, 3, 10, 0)))
    with pytest.raises(ValidationError, match="财务结算已签署，不能再导入原物业台账；如需更改请先修订结算。"):
        import_ledger_file(db, handover, SAMPLE)
    assert theirs(db, handover)[0] == 48
    with db.begin() as s:  # a revision (a new draft) reopens the ledger
        signed = s.scalar(select(Settlement))
        s.add(Settlement(handover_id=handover, revision=2, amends_id=signed.id))
    assert import_ledger_file(db, handover, SAMPLE).replaced == 48


def test_cancelling_writes_nothing(db, handover):
    import_ledger_file(db, handover, SAMPLE)
    preview = preview_ledger(db, handover, SAMPLE)
    with pytest.raises(ImportCancelled):
        import_ledger(db, handover, preview, progress=lambda done, total: False)
    assert theirs(db, handover)[0] == 48
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeeItem)) == 1


# ---- fee items ---------------------------------------------------------------------------------

def test_unknown_fee_items_are_created_with_a_guessed_basis(db, handover, tmp_path):
    with db.begin() as s:
        project_id = s.scalar(select(Project.id))
        s.add_all([FeeItem(project_id=project_id, code="WYF", name="物业服务费"),
                   FeeItem(project_id=project_id, code="RQF", name="燃气费（代收代缴）", basis="per_m3")])
    fees = ["物业 服务费", "wyf", "燃气费(代收代缴)", "燃气费", "水费", "装修押金", "采暖费", "停车费",
            "垃圾清运费", "天然气费", "电梯维护费", "水费"]
    rows = [LEDGER_HEADER, *[r for i, fee in enumerate(fees) for r in ledger_rows([f"1栋1单元{101 + i % 2}"], fee)]]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "fees.xlsx", rows))
    assert preview.ok, preview.refusal()
    created = ("水费", "装修押金", "采暖费", "停车费", "垃圾清运费", "天然气费", "电梯维护费")
    assert preview.new_fee_items == created
    assert import_ledger(db, handover, preview).new_fee_items == created
    with db.read() as s:
        items = {i.name: (i.basis, i.is_deposit, i.collected_for_others) for i in s.scalars(select(FeeItem))}
        codes = set(s.scalars(select(FeeItem.code)))
        used = s.execute(select(FeeItem.code, func.count()).join(LedgerLine, LedgerLine.fee_item_id == FeeItem.id)
                         .group_by(FeeItem.code)).all()
    assert items["水费"] == ("per_ton", False, False)
    assert items["装修押金"] == ("fixed", True, False)
    assert items["采暖费"] == ("per_m2_season", False, False)
    assert items["停车费"] == ("per_space", False, False)
    assert items["垃圾清运费"] == ("per_household", False, False)
    assert items["天然气费"] == ("per_m3", False, True)
    assert items["电梯维护费"] == ("per_m2_month", False, False)
    assert len(items) == 9 and {"IMP01", "IMP07"} <= codes
    assert dict(used)["WYF"] == 2 and dict(used)["RQF"] == 2  # matched by spacing, code, brackets, bare name


# ---- mapping memory ----------------------------------------------------------------------------

def house_style(tmp_path: Path, name: str, order: tuple[int, ...]) -> Path:
    """Their own header: 应收 is called "本期应缴", which nothing recognises."""
    header = ("房号", "收费项目", "所属期", "本期应缴", "实收金额")
    lines = [("1栋1单元101", "物业服务费", "2026年01月", "300.00", "100.00"),
             ("1栋1单元102", "物业服务费", "2026年01月", "250.00", "250.00")]
    return write_sheet(tmp_path / name, [tuple(r[i] for i in order) for r in (header, *lines)])


def test_a_hand_mapped_column_is_remembered_for_the_next_file(db, handover, tmp_path):
    first = preview_ledger(db, handover, house_style(tmp_path, "june.xlsx", (0, 1, 2, 3, 4)))
    assert "billed" in first.unrecognised and not first.ok
    assert "「应收金额」：表头中找不到这一列" in first.refusal()
    mapping = {**first.header.columns, "billed": 3}  # the clerk picks D 列「本期应缴」
    mapped = preview_ledger(db, handover, first.path, mapping)
    assert mapped.ok and mapped.totals.arrears == D("200.00") and not mapped.remembered
    import_ledger(db, handover, mapped)
    remembered = remember_mapping(db, COMPANY, mapped.header, mapping)
    assert remembered == {"billed": "本期应缴"} == remembered_mapping(db, " 原物业服务有限公司")
    moved = house_style(tmp_path, "july.xlsx", (4, 3, 2, 1, 0))  # the next month: columns in another order
    second = preview_ledger(db, handover, moved)
    assert second.remembered and second.company == COMPANY
    assert second.header.columns["billed"] == 1 and second.ok
    assert [(r.unit_number, r.billed, r.paid, r.arrears) for r in second.rows] == [
        ("1栋1单元101", D("300.00"), D("100.00"), D("200.00")),
        ("1栋1单元102", D("250.00"), D("250.00"), D("0.00"))]
    assert import_ledger(db, handover, second).replaced == 2


def test_mapping_memory_is_per_company_and_fits_the_setting(db, handover):
    header = preview_ledger(db, handover, SAMPLE).header
    remember_mapping(db, COMPANY, header, {**header.columns, "remark": None, "owner": 4})
    stored = remembered_mapping(db, COMPANY)
    assert stored == {"remark": "", "owner": "联系电话"}
    assert remembered_mapping(db, "另一家物业公司") is None
    key = setting_key("某某某" * 40)
    assert len(key) <= 60 and key.startswith("ledger_mapping:")
    with db.read() as s:
        value = json.loads(s.scalar(select(Setting.value).where(Setting.key == setting_key(COMPANY))))
    assert value["company"] == COMPANY
    labels = ["房号", "备注", "业主"]
    assert mapping_for_header({"remark": "", "owner": "业主", "billed": "本期应缴"}, labels) == {
        "remark": None, "owner": 2}  # 本期应缴 is not in this file: ignored
    # The clerk undoes both choices in a file that has both columns: nothing is remembered any more.
    assert remember_mapping(db, COMPANY, header, dict(header.columns)) == {}
    assert remembered_mapping(db, COMPANY) is None


def test_the_remembered_mapping_is_applied_only_without_an_explicit_one(db, handover, tmp_path):
    header = preview_ledger(db, handover, SAMPLE).header
    remember_mapping(db, COMPANY, header, {"remark": None})
    assert preview_ledger(db, handover, SAMPLE).header.columns.get("remark") is None
    explicit = preview_ledger(db, handover, SAMPLE, dict(header.columns))
    assert explicit.header.columns["remark"] == 15 and not explicit.remembered


# ---- cells ----------------------------------------------------------------------------------------

JULY = (dt.date(2025, 7, 1), dt.date(2025, 7, 31))


@pytest.mark.parametrize("value, expected", [
    ("2025年07月", JULY), ("2025.07", JULY), ("2025-07", JULY), ("202507", JULY), (202507, JULY), (2025.07, JULY),
    ("2025年7月份", JULY), (dt.datetime(2025, 7, 19), JULY), ("2025/7/19", JULY), ("２０２５．０７", JULY),
    ("2025.01-2025.06", (dt.date(2025, 1, 1), dt.date(2025, 6, 30))),
    ("2025年1月-6月", (dt.date(2025, 1, 1), dt.date(2025, 6, 30))),
    ("2024-12-16至2025-01-15", (dt.date(2024, 12, 16), dt.date(2025, 1, 15))),
    (202510, (dt.date(2025, 10, 1), dt.date(2025, 10, 31))), ("2024.02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
    ("-", None), (None, None), ("", None),
])
def test_parse_period(value, expected):
    assert parse_period(value) == expected


def test_parse_period_of_a_start_or_end_day():
    assert parse_period(dt.datetime(2026, 1, 5), day_is_month=False) == (dt.date(2026, 1, 5),) * 2
    assert parse_period(20260105, day_is_month=False) == (dt.date(2026, 1, 5),) * 2
    assert parse_period("2026.03", day_is_month=False) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


@pytest.mark.parametrize("value, message", [
    (2025.1, "分不清是 2025年1月 还是 2025年10月"), ("明年", "不是所属期"), ("2025.13", "不是有效日期"),
    ("202513", "不是有效日期"), (True, "不是所属期"),
])
def test_parse_period_refuses(value, message):
    with pytest.raises(CellError, match=message):
        parse_period(value)


def test_money_cells_round_what_excel_shows_but_not_what_was_typed():
    def money(value):
        return money_cell(value, "应收金额", MONEY)

    assert money(1310.1335) == D("1310.13") and money(0.1 + 0.2) == D("0.30")
    assert money(D("0.125")) == D("0.13")  # half-up
    assert money("1,310.13") == D("1310.13") and money("¥ 88") == D("88") and money("88元") == D("88")
    assert money(None) is None
    for typed, message in (("1,310.133", "最多 2 位小数"), ("¥１，０００", "请用半角数字"), ("1o00", "不是数字"),
                           (1e20, "超出范围"), (float("nan"), "应为数字"), ("1e5", "不是数字")):
        with pytest.raises(CellError, match=message):
            money(typed)
