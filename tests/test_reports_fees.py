"""财务结算报告 and 欠费明细表 from hand-built FeeResults: every total read back from the PDF in
figures and in 大写, the draft marks, the signatures, the building subtotals, the header on every
page, and the embedded font; then the three commands on a real (empty) handover."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from models.money import to_capital
from models.services import projects
from models.services.fee_rows import (
    ArrearsLine,
    CollectionRate,
    DepositLine,
    FeeResults,
    ForOthersLine,
    MeterCharge,
    PrepaymentLine,
)
from reports import print_commands as pc
from reports.excel.exports import export_fees
from reports.forms.arrears import ArrearsForm
from reports.forms.base import format_decimal
from reports.forms.settlement import SettlementForm

D = Decimal
CUTOFF = dt.date(2026, 6, 30)
FROM, TO, WITNESS = "原物业服务有限公司", "本物业管理有限公司", "翠湖园业主委员会"
CAPTION = f"进场接管（{FROM} → {TO}）"
PRINTED = dt.date(2026, 11, 22)
HEADER = "楼栋 房号 业主 联系电话 收费项目 所属期间 欠费金额（元） 欠费年限"


def arrears(building: str, unit: str, amount: str, *, years: int = 0, item: str = "物业服务费",
            start: dt.date = dt.date(2026, 1, 1), end: dt.date = CUTOFF,
            phone: str = "13800138000") -> ArrearsLine:
    return ArrearsLine(building, unit, "张伟", phone, item, start, end, D(amount), years)


def sample_results(*, open_: int = 0, status: str = "草稿", extra: tuple[ArrearsLine, ...] = (),
                   meters: str = "28.00") -> FeeResults:
    """Two buildings of arrears (one line three years old), every other kind of result, and
    5 differences of which `open_` are still open."""
    lines = (
        arrears("2栋", "1单元101", "1234.56"),
        arrears("2栋", "1单元101", "2880.00", years=3, item="供暖费", start=dt.date(2022, 11, 15),
                end=dt.date(2023, 3, 15)),
        arrears("10栋", "2单元1201", "980.10", phone="13900139000"),
        arrears("10栋", "3单元302", "450.00", item="车位费", end=dt.date(2026, 3, 31)),
    )
    return FeeResults(
        handover_id=1, project="翠湖园", from_company=FROM, to_company=TO, witness=WITNESS,
        cutoff=CUTOFF, arrears=lines + extra,
        prepayments=(
            PrepaymentLine("2栋", "1单元102", "李娜", "物业服务费", dt.date(2026, 7, 1),
                           dt.date(2026, 12, 31), D("1500.00")),
            PrepaymentLine("10栋", "1单元101", "王芳", "车位费", dt.date(2026, 7, 1),
                           dt.date(2026, 9, 30), D("600.30"))),
        deposits=(
            DepositLine("2栋", "1单元201", 5, 3, "刘洋", "装修押金", dt.date(2025, 3, 1),
                        D("3000.00"), "移交", ""),
            DepositLine("10栋", "2单元301", 6, 3, "陈静", "装修押金", dt.date(2024, 5, 1),
                        D("2000.00"), "退还业主", "已验收，原物业已退"),
            DepositLine("10栋", "2单元302", 7, 4, "杨勇", "门禁卡押金", dt.date(2023, 5, 1),
                        D("50.00"), "移交", "")),
        for_others=(ForOthersLine("2栋", "1单元101", "张伟", "燃气费（代收代缴）", D("120.00"),
                                  D("200.00")),
                    ForOthersLine("10栋", "2单元1201", "赵敏", "燃气费（代收代缴）", D("300.50"),
                                  D("100.00"))),
        rates=(CollectionRate("2栋", "物业服务费", D("100000.00"), D("87340.00")),
               CollectionRate("10栋", "物业服务费", D("50000.00"), D("45000.55")),
               CollectionRate("10栋", "供暖费", D("0.00"), D("0.00"))),
        meters=(MeterCharge("W-0001", "水", "2栋", "1单元101", "厨房", D("120.5"),
                            dt.date(2026, 5, 31), D("130.5"), CUTOFF, D("10.0"), D(meters),
                            "水费"),),
        differences_total=5, differences_open=open_, lines_theirs=1200, lines_ours=1180,
        settlement_status=status, settlement_revision=1,
        signed_at=dt.datetime(2026, 7, 5, 10, 0) if status == "已签署" else None,
        signed_by="李会计" if status == "已签署" else "")


def turned(obj: dict) -> bool:
    """A character drawn rotated: the diagonal watermark (pdfplumber still calls it upright)."""
    return obj.get("object_type") == "char" and obj["matrix"][1] != 0


def upright_texts(path: Path) -> list[str]:
    """Each page's text without the diagonal 草稿 watermark."""
    with pdfplumber.open(path) as pdf:
        return [p.filter(lambda o: not turned(o)).extract_text() or "" for p in pdf.pages]


def watermarks(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return ["".join(c["text"] for c in p.chars if turned(c)) for p in pdf.pages]


def flat(text: str) -> str:
    """Text without spaces and line breaks: a 大写 wrapped in its cell still reads as one."""
    return re.sub(r"\s+", "", text)


def assert_fonts_embedded(path: Path) -> None:
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing, "no fonts listed"
    for line in listing:  # name type encoding emb sub uni ...: every font embedded
        assert "WenQuanYi" in line and line.split()[-5] == "yes", line


# --- 财务结算报告 --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> tuple[Path, FeeResults]:
    results = sample_results(open_=2)
    out = tmp_path_factory.mktemp("fees") / "settlement.pdf"
    SettlementForm(results, CAPTION, printed_on=PRINTED).render(out)
    return out, results


def test_settlement_prints_every_total_in_figures_and_capitals(draft) -> None:
    path, r = draft
    texts = upright_texts(path)
    assert len(texts) == 1  # one page, signatures included
    text = flat(texts[0])
    totals = {"原物业应付新物业合计": r.due_to_incoming, "新物业应付原物业合计": r.due_to_outgoing,
              "结算净额（轧差后）": r.net_to_incoming, "业主欠费": r.arrears_total,
              "预收款": r.prepaid_total, "押金：移交新物业": r.deposits_total,
              "押金：退还业主": r.deposits_refunded, "代收代缴：代业主暂存": r.for_others_total,
              "代收代缴：业主尚欠（仅列示）": r.for_others_owed, "抄表费用": r.meters_total,
              "基准日前应收合计": r.billed_total, "基准日前实收合计": r.paid_total}
    assert r.net_to_incoming == D("5202.30") and r.deposits_refunded == D("2000.00")
    for label, amount in totals.items():
        # label, figures and 大写 on one row of the table
        assert re.search(re.escape(label) + r".*?" + re.escape(format_decimal(amount)) + "[^人]*?"
                         + re.escape(to_capital(amount)), text), label
    assert "5,230.30人民币伍仟贰佰叁拾元零叁角整" in text
    assert "结算结论：原物业应付新物业人民币伍仟贰佰零贰元叁角整（¥5,202.30）" in text
    assert "收缴率（实收÷应收）88.23%" in text  # 132,340.55 ÷ 150,000.00
    assert "4笔/3户" in text


def test_settlement_names_the_parties_and_counts_the_differences(draft) -> None:
    path, _ = draft
    text = upright_texts(path)[0]
    assert re.search(rf"移交方：\s*接收方：\s*监交方：\s*{FROM}\s*{TO}\s*{WITNESS}", text)
    assert text.count("签字：") == 3 and text.count("盖章：") == 3
    assert "交接基准日： 2026年6月30日" in text or "交接基准日：2026年6月30日" in flat(text)
    assert "对账差异：5项（已处理3，未处理2）" in flat(text)
    assert "表号：HD-CW-01" in text and f"交接：{CAPTION}" in text
    assert "打印日期：2026年11月22日" in text and "第 1 页 共 1 页" in text


def test_open_differences_make_a_marked_draft(draft) -> None:
    path, _ = draft
    text = flat(upright_texts(path)[0])
    assert "尚有2项差异未处理，本报告为草稿" in text
    assert "状态：草稿" in text
    assert watermarks(path) == ["草稿"]


def test_signed_settlement_has_dates_and_no_draft_marks(tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    SettlementForm(sample_results(status="已签署"), CAPTION, printed_on=PRINTED).render(out)
    text = flat(upright_texts(out)[0])
    assert "尚有" not in text and "草稿" not in text and watermarks(out) == [""]
    assert "状态：已签署2026-07-05" in text and "对账差异：5项（已处理5，未处理0）" in text
    assert text.count("日期：2026年7月5日") == 3


def test_unsigned_settlement_without_open_differences_is_still_a_draft(tmp_path: Path) -> None:
    out = tmp_path / "draft.pdf"
    SettlementForm(sample_results(), CAPTION).render(out)
    text = flat(upright_texts(out)[0])
    assert "尚有" not in text and "状态：草稿" in text and watermarks(out) == ["草稿"]


def test_negative_net_is_written_as_the_incoming_company_paying(tmp_path: Path) -> None:
    results = sample_results(meters="10000.00")
    assert results.net_to_incoming == D("-4769.70")
    out = tmp_path / "negative.pdf"
    SettlementForm(results, CAPTION).render(out)
    text = flat(upright_texts(out)[0])
    assert "负" not in text  # never a negative 大写: a payer and a payee instead
    assert "结算净额（轧差后）新物业→原物业4,769.70人民币肆仟柒佰陆拾玖元柒角整" in text
    assert "结算结论：新物业应付原物业人民币肆仟柒佰陆拾玖元柒角整（¥4,769.70）" in text
    assert "=5,230.30−10,000.00=−4,769.70，即新物业付原物业" in text


def test_settlement_embeds_the_chinese_font(draft) -> None:
    assert_fonts_embedded(draft[0])


# --- 欠费明细表 ----------------------------------------------------------------------------------

def many_lines(n: int) -> tuple[ArrearsLine, ...]:
    return tuple(arrears(f"{i % 3 + 1}栋", f"{i % 4 + 1}单元{i % 30 + 1:02d}01", f"{100 + i}.01",
                         years=i % 3, phone="13712345678") for i in range(n))


@pytest.fixture(scope="module")
def arrears_pdf(tmp_path_factory) -> tuple[Path, FeeResults, list[str]]:
    results = sample_results(extra=many_lines(90))
    out = tmp_path_factory.mktemp("fees") / "arrears.pdf"
    ArrearsForm(results, CAPTION, printed_on=PRINTED).render(out)
    return out, results, upright_texts(out)


def subtotal(results: FeeResults, building: str) -> Decimal:
    return sum((a.amount for a in results.arrears if a.building == building), D("0.00"))


def test_arrears_pages_repeat_the_header_and_are_numbered(arrears_pdf) -> None:
    _, _, texts = arrears_pdf
    pages = len(texts)
    assert pages >= 4
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {pages} 页" in text
        assert "欠费明细表" in text and "表号：HD-CW-02" in text
        assert "交接基准日：2026年6月30日" in text
    assert HEADER in texts[1] and HEADER in texts[2]  # the header again on the next pages
    assert "（续）" in texts[1]  # a building continued from the page before


def test_arrears_subtotals_per_building_and_total_in_capitals(arrears_pdf) -> None:
    _, r, texts = arrears_pdf
    text = "\n".join(texts)
    for building in ("1栋", "2栋", "3栋", "10栋"):
        amount = format_decimal(subtotal(r, building))
        assert re.search(rf"^{building} 小计 \d+ 户 \d+ 笔 {re.escape(amount)}$", text,
                         re.MULTILINE), building
    total = r.arrears_total
    assert total == sum((subtotal(r, b) for b in ("1栋", "2栋", "3栋", "10栋")), D("0.00"))
    assert re.search(rf"^合计 \d+ 户 {len(r.arrears)} 笔 {re.escape(format_decimal(total))}$",
                     text, re.MULTILINE)
    assert f"（大写：{to_capital(total)}）" in flat(text)
    # natural order of buildings: 2栋 before 10栋, both in the detail and the summary
    detail = text[text.index("二、欠费明细"):]
    assert detail.index("2栋（") < detail.index("3栋（") < detail.index("10栋（")


def test_arrears_lines_read_back(arrears_pdf) -> None:
    _, _, texts = arrears_pdf
    text = "\n".join(texts)
    assert ("2栋 1单元101 张伟 138****8000 供暖费 2022-11-15至2023-03-15 2,880.00 3年以上"
            in text)
    assert "10栋 3单元302 张伟 138****8000 车位费 2026-01-01至2026-03-31 450.00 不足1年" in text
    assert "13800138000" not in text and "139****9000" in text  # phones masked
    last = texts[-1]
    assert re.search(rf"移交方：\s*接收方：\s*监交方：\s*{FROM}\s*{TO}\s*{WITNESS}", last)


def test_arrears_pdf_embeds_the_chinese_font(arrears_pdf) -> None:
    assert_fonts_embedded(arrears_pdf[0])


def test_no_arrears_prints_a_zero_total(tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    ArrearsForm(replace(sample_results(), arrears=()), CAPTION).render(out)
    text = flat("".join(upright_texts(out)))
    assert "截至交接基准日没有业主欠费。" in text and "（大写：人民币零元整）" in text


@pytest.mark.slow
def test_twenty_thousand_lines_stay_linear_and_report_progress(tmp_path: Path) -> None:
    results = sample_results(extra=many_lines(20_000))
    seen: list[tuple[int, int]] = []
    started = time.perf_counter()
    pages = ArrearsForm(results, CAPTION).render(tmp_path / "big.pdf",
                                                 lambda d, t: seen.append((d, t)) is None)
    seconds = time.perf_counter() - started
    assert pages > 700
    assert seconds < 60  # about 6 s here; a quadratic layout would take many minutes
    done = [d for d, _ in seen]
    assert done == sorted(done) and seen[-1][0] == seen[-1][1] > 20_000


# --- the commands on a real handover -----------------------------------------------------------

def test_commands_on_a_handover_without_ledgers(db, tmp_path: Path) -> None:
    projects.add_project(db, "CHY", "翠湖园")
    h = projects.add_handover(db, "CHY", "进场接管", FROM, TO, CUTOFF, witness=WITNESS)
    assert pc.print_settlement(db, h.id, tmp_path / "s.pdf") == 1
    text = flat(upright_texts(tmp_path / "s.pdf")[0])
    assert "结算结论：双方互不找付（人民币零元整）" in text and FROM in text and WITNESS in text
    assert pc.print_arrears(db, h.id, tmp_path / "a.pdf") >= 1
    assert "没有业主欠费" in flat("".join(upright_texts(tmp_path / "a.pdf")))
    assert export_fees(db, h.id, tmp_path / "f.xlsx") == 0
    wb = load_workbook(tmp_path / "f.xlsx")
    assert wb.sheetnames[0] == "汇总" and wb["汇总"]["B3"].value == "=0"


@pytest.mark.parametrize("first_building", [17, 18, 19, 20, 21, 22])
def test_a_subtotal_never_opens_a_page_alone(tmp_path: Path, first_building: int) -> None:
    """Buildings of many sizes put a 小计 right at a page break somewhere; it takes its last line along."""
    sizes = [first_building] + [1 + (7 * k) % 23 for k in range(1, 12)]
    lines = tuple(arrears(f"{b + 1}栋", f"1单元{100 + i}", "100.00")
                  for b, n in enumerate(sizes) for i in range(n))
    out = tmp_path / "qf.pdf"
    ArrearsForm(replace(sample_results(), arrears=lines), CAPTION, PRINTED).render(out)
    with pdfplumber.open(out) as pdf:
        pages = [p.extract_text().splitlines() for p in pdf.pages]
    assert len(pages) > 1
    for text in pages[1:]:
        if HEADER not in text:
            continue  # the signature page
        body = text[text.index(HEADER) + 1:]
        body = body[1:] if body and body[0].endswith("（续）") else body
        assert body and "小计" not in body[0], body[:2]
