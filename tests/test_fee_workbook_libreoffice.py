"""The accountant's fee workbook: its shape read with openpyxl, then every 汇总 formula recalculated
by LibreOffice (headless, a profile of its own) and compared with the app's own totals."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import time
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_reports_fees import arrears, sample_results

from models.errors import ValidationError
from models.money import to_capital
from models.services.fee_rows import DifferenceRow, FeeResults
from reports.excel.fee_export import export_fee_workbook

D = Decimal
SHEETS = ["汇总", "欠费明细", "预收款", "押金", "代收代缴", "差异", "收缴率", "抄表费用"]
# Always recalculate on load, whatever the file says it holds: the default (for a file that
# LibreOffice itself saved) is to trust the cached values, which would prove nothing.
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def difference(i: int, decision: str) -> DifferenceRow:
    return DifferenceRow(i, 1, "2栋", f"1单元{i}01", "物业服务费", dt.date(2026, 1, 1),
                         dt.date(2026, 6, 30), "金额不符", D("1200.00"), D("600.00"),
                         D("1200.00"), D("900.00"), decision, None, None,
                         "" if decision == "待处理" else "业主出示收据", "李会计",
                         None if decision == "待处理" else dt.datetime(2026, 7, 3, 9, 30))


def sample_differences(open_: int, total: int = 5) -> list[DifferenceRow]:
    return [difference(i, "待处理" if i < open_ else "以我方为准") for i in range(total)]


def system_totals(r: FeeResults) -> dict[str, Decimal | int | None]:
    """The app's own figures, by the 汇总 row label that should compute them."""
    from reports.forms.settlement import overall_rate
    out: dict[str, Decimal | int | None] = {i.label: i.amount for i in r.settlement}
    out.update({"原物业应付新物业合计": r.due_to_incoming, "新物业应付原物业合计": r.due_to_outgoing,
                "结算净额（负数为新物业付原物业）": r.net_to_incoming,
                "业主欠费笔数": len(r.arrears), "业主欠费金额": r.arrears_total,
                "预收款": r.prepaid_total, "押金：移交新物业": r.deposits_total,
                "押金：退还业主": r.deposits_refunded, "代收代缴：代业主暂存": r.for_others_total,
                "代收代缴：业主尚欠": r.for_others_owed, "抄表费用（基准日前未结）": r.meters_total,
                "基准日前应收合计": r.billed_total, "基准日前实收合计": r.paid_total,
                "收缴率（实收 ÷ 应收）": overall_rate(r), "差异总数": r.differences_total,
                "已处理": r.differences_resolved, "未处理": r.differences_open})
    return out


def summary_rows(path: Path, data_only: bool) -> dict[str, tuple]:
    ws = load_workbook(path, data_only=data_only)["汇总"]
    return {row[0]: row for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, FeeResults]:
    results = sample_results(open_=2, extra=tuple(
        arrears(f"{i % 5 + 1}栋", f"1单元{i + 1}01", f"{i * 7 % 1000}.{i % 100:02d}")
        for i in range(300)))
    out = tmp_path_factory.mktemp("fees") / "fees.xlsx"
    written = export_fee_workbook(results, sample_differences(2), out,
                                  exported_at=dt.datetime(2026, 7, 6, 8, 0))
    assert written == (len(results.arrears) + len(results.prepayments) + len(results.deposits)
                       + len(results.for_others) + 5 + len(results.rates) + len(results.meters))
    return out, results


# --- the workbook as written -----------------------------------------------------------------

def test_sheets_in_order_with_frozen_headers_and_filters(exported) -> None:
    path, _ = exported
    wb = load_workbook(path)
    assert wb.sheetnames == SHEETS
    assert wb["汇总"].freeze_panes == "A2"
    for name in SHEETS[1:]:
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
        assert all(ws.column_dimensions[c].width >= 6 for c in "ABCD"), name
    assert wb["欠费明细"].auto_filter.ref == f"A1:J{len(exported[1].arrears) + 1}"


def test_summary_totals_are_formulas_beside_the_system_figures(exported) -> None:
    path, r = exported
    rows = summary_rows(path, data_only=False)
    for label, amount in system_totals(r).items():
        formula, system = rows[label][1], rows[label][2]
        assert isinstance(formula, str) and formula.startswith("="), label
        assert (system is None) == (amount is None), label
        if amount is not None:
            assert D(str(system)) == amount, label
    assert rows["押金（移交新物业）"][1] == "=SUMIF('押金'!G2:G4,\"移交\",'押金'!F2:F4)"
    assert rows["代收代缴余额"][1] == "=SUMIF('代收代缴'!G2:G3,\">0\")"
    assert rows["业主欠费（归原物业，另行追缴）"][1] == f"=SUM('欠费明细'!H2:H{len(r.arrears) + 1})"
    assert rows["结算净额（大写）"][4] == f"原物业应付新物业{to_capital(r.net_to_incoming)}（¥5,202.30）"


def test_numbers_are_numbers_with_money_format_and_dates_are_dates(exported) -> None:
    path, _ = exported
    wb = load_workbook(path)
    ws = wb["欠费明细"]
    head = [c.value for c in ws[1]]
    assert head[:8] == ["楼栋", "房号", "业主", "联系电话", "收费项目", "期间起", "期间止", "欠费金额"]
    first = {h: c for h, c in zip(head, ws[2], strict=True)}
    assert isinstance(first["欠费金额"].value, (int, float))
    assert first["欠费金额"].number_format == "#,##0.00"
    assert first["期间起"].value == dt.datetime(2026, 1, 1) and first["期间起"].is_date
    assert first["联系电话"].value == "138****8000"
    summary = wb["汇总"]
    money_cells = [row[1] for row in summary.iter_rows(min_row=3, max_row=10)]
    assert all(c.number_format == "#,##0.00" for c in money_cells)
    rate = next(row for row in summary.iter_rows() if row[0].value == "收缴率（实收 ÷ 应收）")
    assert rate[1].number_format == "0.00%"
    deposits = wb["押金"]
    assert [c.value for c in deposits[3]][5:7] == [2000, "退还业主"]


def test_a_sheet_too_long_for_excel_is_refused_not_cut(tmp_path: Path) -> None:
    results = sample_results(extra=tuple(arrears("1栋", f"{i}", "1.00") for i in range(20)))
    with pytest.raises(ValidationError, match="欠费明细.*超过 Excel 单个工作表的上限"):
        export_fee_workbook(results, [], tmp_path / "x.xlsx", max_rows=20)
    assert not (tmp_path / "x.xlsx").exists()


# --- recalculated by LibreOffice ---------------------------------------------------------------

def soffice() -> str:
    found = shutil.which("soffice")
    assert found, ("LibreOffice is needed to check the workbook's formulas: "
                   "apt-get install libreoffice-calc-nogui (it provides soffice)")
    return found


def recalculated(path: Path, work: Path) -> Path:
    """LibreOffice opens `path`, recalculates every formula and saves a copy in work/out."""
    profile = work / "lo_profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    out = work / "out"
    result = subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        check=False, capture_output=True, text=True, timeout=180)
    converted = out / path.name
    assert result.returncode == 0 and converted.exists(), result.stdout + result.stderr
    return converted


@pytest.fixture(scope="module")
def by_libreoffice(exported, tmp_path_factory) -> tuple[Path, FeeResults, float]:
    path, results = exported
    started = time.perf_counter()
    converted = recalculated(path, tmp_path_factory.mktemp("lo"))
    return converted, results, time.perf_counter() - started


def as_decimal(value: object) -> Decimal:
    assert isinstance(value, (int, float)), value
    return D(str(value)).quantize(D("0.01"))


def test_libreoffice_totals_equal_the_apps(by_libreoffice) -> None:
    path, r, seconds = by_libreoffice
    rows = summary_rows(path, data_only=True)
    for label, amount in system_totals(r).items():
        value, diff = rows[label][1], rows[label][3]
        if label == "收缴率（实收 ÷ 应收）":
            assert amount is not None and D(str(value)).quantize(D("0.0001")) == amount
        else:
            assert as_decimal(value) == amount, label
        assert diff == 0, label  # the workbook's own 差额 column agrees
    assert r.net_to_incoming == D("5202.30") and r.differences_open == 2
    assert seconds < 120


def test_libreoffice_recomputes_a_negative_net_and_empty_sheets(tmp_path: Path) -> None:
    results = replace(sample_results(meters="10000.00"), prepayments=(), for_others=(), rates=(),
                      differences_total=0)
    out = tmp_path / "neg.xlsx"
    export_fee_workbook(results, [], out)
    rows = summary_rows(recalculated(out, tmp_path), data_only=True)
    for label, amount in system_totals(results).items():
        if amount is None:  # 收缴率 of nothing billed: the formula leaves it blank
            assert rows[label][1] in (None, ""), label
        else:
            assert as_decimal(rows[label][1]) == amount, label
    assert as_decimal(rows["结算净额（负数为新物业付原物业）"][1]) == D("-6950.00")
    assert rows["结算净额（大写）"][4] == "新物业应付原物业人民币陆仟玖佰伍拾元整（¥6,950.00）"


def test_the_profile_makes_libreoffice_recalculate_stale_values(by_libreoffice, tmp_path) -> None:
    """A cached value that is wrong is replaced: the totals above are LibreOffice's own sums."""
    path, r, _ = by_libreoffice
    stale = tmp_path / "stale.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stale, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                cached = f"<v>{float(r.prepaid_total):g}</v>".encode()
                assert cached in data
                data = data.replace(cached, b"<v>999</v>", 1)
            dst.writestr(item, data)
    label = r.settlement[0].label  # 预收款, the first formula of 汇总
    assert summary_rows(stale, data_only=True)[label][1] == 999
    again = summary_rows(recalculated(stale, tmp_path), data_only=True)
    assert as_decimal(again[label][1]) == r.prepaid_total
