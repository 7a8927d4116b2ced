"""交接清单 and 交接确认书 as real PDFs, the handover workbook, and the commands that make them."""
from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

import main
from models.base import DocStatus
from models.handover import HandoverKind
from models.services import checklists, handovers, projects, signoff
from models.services.checklist_rows import (
    HandoverInfo,
    ItemRow,
    ListDetail,
    ListSummary,
)
from reports.excel.handover_export import unique_sheet_names, write_handover_workbook
from reports.forms.base import MARGIN_X
from reports.forms.certificate import CertificateForm
from reports.forms.handover_list import (
    COLUMNS,
    HandoverListBook,
    HandoverListForm,
    cn_ordinal,
)
from reports.handover_data import current_lists

CATEGORIES = ("物业原始资料", "设施设备维修养护资料", "业主资料", "财务管理资料", "共用部位",
              "共用设施设备（供电）", "消防系统", "钥匙")
NAMES = ("竣工总平面图", "单体建筑竣工图", "结构竣工图", "设备竣工图", "地下管网竣工图",
         "竣工验收备案表", "消防验收意见书", "电梯安装使用维护说明书", "质量保修书", "业主名册",
         "装修申请及审批资料", "固定资产清单", "维修基金使用记录", "配电房高低压柜", "消防水泵控制柜",
         "地下车库出入口道闸")
LONG_REMARK = ("北侧外墙瓷砖大面积空鼓脱落，存在高空坠物隐患，需整体铲除后重新铺贴并做淋水试验；"
               "移交方承诺于交接后三十日内完成整改")
FROM, TO, WITNESS = "原物业服务有限公司", "本物业管理有限公司", "翠湖园业主委员会"


def handover_info(witness: str = WITNESS) -> HandoverInfo:
    return HandoverInfo(1, 1, 1, "CHY", "翠湖园", HandoverKind.TAKEOVER, "", FROM, "王经理", TO,
                        "李主管", witness, "赵主任" if witness else "", dt.date(2026, 6, 30), None,
                        dt.date(2026, 7, 1), DocStatus.DRAFT)


def outcome(i: int, expected: int) -> tuple[int | None, str]:
    """Every kind of line: short, missing, damaged, not yet checked, in order."""
    if i % 23 == 5:
        return expected - 1, "完好"
    if i % 29 == 7:
        return 0, "缺失"
    if i % 31 == 3:
        return expected, "有缺陷"
    if i % 37 == 11:
        return None, ""
    return expected, "完好"


def make_item(i: int, count: int) -> ItemRow:
    expected = 1 + i % 4
    received, condition = outcome(i, expected)
    checked = dt.datetime(2026, 7, 1, 10, 0) if received is not None else None
    remark = LONG_REMARK if i % 17 == 0 else "=1+1" if i == 2 else ""
    return ItemRow(i + 1, 1, i + 1, CATEGORIES[i * len(CATEGORIES) // count],
                   f"{NAMES[i % len(NAMES)]}（第{i + 1}号）", "A3 蓝图" if i % 3 == 0 else "",
                   "份册套把"[i % 4], expected, received, ("原件", "复印件", "")[i % 3],
                   i % 50 + 1 if i % 3 == 0 else None, condition, remark,
                   "张三" if checked else "", checked,
                   7 if condition == "缺失" else None, "YL-2026-0007" if condition == "缺失" else "")


def make_summary(items: list[ItemRow], *, list_id: int = 1, title: str = "物业原始资料移交清单",
                 status: DocStatus = DocStatus.DRAFT, revision: int = 1) -> ListSummary:
    signed = status is DocStatus.SIGNED
    return ListSummary(list_id, 1, 1, title, "DOC-ORIGINAL", status, revision,
                       list_id - 1 if revision > 1 else None,
                       dt.datetime(2026, 7, 2, 15, 30) if signed else None,
                       "王五" if signed else "", "李四" if signed else "", "赵六" if signed else "",
                       "", len(items), sum(i.checked for i in items),
                       sum(1 for i in items if i.shortfall), sum(i.is_problem for i in items))


def make_detail(count: int = 300, witness: str = WITNESS, **summary) -> ListDetail:
    items = [make_item(i, count) for i in range(count)]
    return ListDetail(handover_info(witness), make_summary(items, **summary), items)


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.fixture(scope="module")
def big_list(tmp_path_factory) -> tuple[Path, list[str], float]:
    out = tmp_path_factory.mktemp("forms") / "list.pdf"
    started = time.perf_counter()
    HandoverListForm(make_detail(), printed_on=dt.date(2026, 11, 22)).render(out)
    return out, page_texts(out), time.perf_counter() - started


# --- 交接清单 -----------------------------------------------------------------------------------

def test_list_of_300_items_spans_pages_numbered_and_fast(big_list) -> None:
    _, texts, seconds = big_list
    pages = len(texts)
    assert pages > 5
    assert seconds < 10  # one page laid out at a time: about half a second here
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {pages} 页" in text
        assert "物业原始资料移交清单" in text and "表号：HD-JJ-01" in text and "状态：草稿" in text
        assert "交接：进场接管（原物业服务有限公司 → 本物业管理有限公司）" in text
        assert "打印日期：2026年11月22日" in text


def test_list_reads_back_chinese_items_groups_and_subtotals(big_list) -> None:
    _, texts, _ = big_list
    everything = "\n".join(texts)
    for i in (0, 1, 150, 299):
        assert f"{NAMES[i % len(NAMES)]}（第{i + 1}号）" in everything
    assert re.search(r"序号\s*名称\s*规格\s*单位\s*应交\s*实收\s*短缺\s*原件/复印\s*件?\s*页数\s*状况\s*备注",
                     texts[1])
    for k, category in enumerate(CATEGORIES, start=1):
        assert f"{cn_ordinal(k)}、{category}" in everything
    assert "（续）" in texts[1]  # a page that continues a group says which group
    assert everything.count("小计：本类") == len(CATEGORIES)
    assert "见遗留问题 YL-2026-0007" in everything


def test_long_remarks_wrap_inside_their_column(big_list) -> None:
    path, _, _ = big_list
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        # Read the 备注 column alone (the last column, from its left rule to the page edge).
        weights = [c.weight for c in COLUMNS]
        left = MARGIN_X + (page.width - 2 * MARGIN_X) * sum(weights[:-1]) / sum(weights)
        column = page.crop((left + 1, 0, page.width, page.height)).extract_text()
    lines = [line for line in column.splitlines() if "空鼓" in line or "整改" in line]
    assert len(lines) >= 2  # one remark over several lines, none running past the page
    assert LONG_REMARK in column.replace("\n", "")


def test_list_totals_and_signature_block(big_list) -> None:
    _, texts, _ = big_list
    items = make_detail().items
    short = sum(1 for i in items if i.shortfall)
    last = texts[-1]
    assert f"合计：共 300 项，已核 {sum(i.checked for i in items)} 项" in last
    assert f"短缺 {short} 项" in last
    assert re.search(r"移交方：\s*接收方：\s*监交方：\s*原物业服务有限公司\s*本物业管理有限公司\s*"
                     r"翠湖园业主委员会", last)
    assert last.count("签字：") == 3 and last.count("盖章：") == 3
    assert len(re.findall(r"(?<!打印)日期：\s*年\s*月\s*日", last)) == 3  # blank, to fill in by hand


def test_signed_amendment_prints_who_signed_and_when(tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    detail = make_detail(30, witness="", status=DocStatus.SIGNED, revision=2, list_id=2)
    HandoverListForm(detail).render(out)
    texts = page_texts(out)
    assert "补充交接清单（第 2 版）" in texts[0] and "状态：已签署（2026年7月2日）" in texts[0]
    last = texts[-1]
    assert "签字：王五" in last and "签字：李四" in last and "日期：2026年7月2日" in last
    assert "监交方" not in last  # no witness, no third column


def test_cn_ordinal() -> None:
    assert [cn_ordinal(n) for n in (1, 9, 10, 11, 20, 21, 99)] == [
        "一", "九", "十", "十一", "二十", "二十一", "九十九"]


def test_book_numbers_each_list_on_its_own(tmp_path: Path) -> None:
    out = tmp_path / "book.pdf"
    details = [make_detail(60), make_detail(30, title="钥匙移交清单", list_id=2)]
    pages = HandoverListBook(details).render(out)
    texts = page_texts(out)
    first = [t for t in texts if t.startswith("物业原始资料移交清单")]
    second = [t for t in texts if t.startswith("钥匙移交清单")]
    assert len(first) + len(second) == pages and first and second
    assert texts.index(second[0]) == len(first)  # the second list starts on a page of its own
    for group in (first, second):
        for n, text in enumerate(group, start=1):
            assert f"第 {n} 页 共 {len(group)} 页" in text


# --- 交接确认书 ---------------------------------------------------------------------------------

def certificate_details(count: int) -> list[ListDetail]:
    titles = ("物业原始资料移交清单", "业主资料移交清单", "财务管理资料移交清单", "钥匙移交清单")
    return [make_detail(40, title=titles[k % 4], list_id=k + 1,
                        status=DocStatus.SIGNED if k % 2 else DocStatus.DRAFT)
            for k in range(count)]


@pytest.mark.parametrize("lists", [1, 6, 20])
def test_certificate_is_one_page(tmp_path: Path, lists: int) -> None:
    out = tmp_path / "cert.pdf"
    details = certificate_details(lists)
    assert CertificateForm(handover_info(), details, open_defects=5).render(out) == 1
    text = page_texts(out)[0]
    assert "交接确认书" in text and "表号：HD-JJ-02" in text and "第 1 页 共 1 页" in text
    assert "移交方：" in text and "原物业服务有限公司（代表：王经理）" in text
    assert "本物业管理有限公司（代表：李主管）" in text and "翠湖园业主委员会（代表：赵主任）" in text
    assert "交接基准日：" in text and "2026年6月30日" in text and "进场接管" in text
    assert "双方确认上述资料、设施设备已按清单移交" in text and "《遗留问题清单》整改" in text
    assert "一式三份" in text
    assert "尚未关闭的共 5 项" in text
    problems = sum(i.is_problem for d in details for i in d.items)
    assert f"事项共 {problems} 项" in text
    assert re.search(r"签字：.*签字：.*签字：", text, re.DOTALL)
    if lists == 6:
        shown = re.search(r"另有 (\d+) 项见各交接清单", text)
        assert shown and 3 <= problems - int(shown.group(1)) <= 10


def test_certificate_without_witness(tmp_path: Path) -> None:
    out = tmp_path / "cert.pdf"
    CertificateForm(handover_info(witness=""), certificate_details(2), open_defects=0).render(out)
    text = page_texts(out)[0]
    assert "监交方" not in text and "一式两份" in text and "无未关闭的遗留问题" in text


# --- the workbook -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "handover.xlsx"
    details = [make_detail(300), make_detail(40, title="钥匙移交清单", list_id=2),
               make_detail(20, title="钥匙移交清单", list_id=3)]  # the same title twice
    rows = write_handover_workbook(out, details[0].handover, details)
    assert rows == 360
    return load_workbook(out)


def test_workbook_sheets_header_and_filter(workbook) -> None:
    assert workbook.sheetnames == ["汇总", "物业原始资料移交清单", "钥匙移交清单", "钥匙移交清单(2)"]
    ws = workbook["物业原始资料移交清单"]
    assert [c.value for c in ws[1]][:8] == ["序号", "类别", "名称", "规格", "单位", "应交", "实收", "短缺"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:O{1 + len(CATEGORIES) + 300}"


def test_workbook_items_typed_grouped_and_short_by_formula(workbook) -> None:
    ws = workbook["物业原始资料移交清单"]
    assert ws["B2"].value == "物业原始资料" and ws["C2"].value.startswith('="本类 "&COUNT(A3:')
    assert ws.row_dimensions[2].outlineLevel == 0 and ws.row_dimensions[3].outlineLevel == 1
    assert ws.sheet_properties.outlinePr.summaryBelow is False
    first = [c.value for c in ws[3]]
    assert first[0] == 1 and first[2] == "竣工总平面图（第1号）"
    assert isinstance(first[5], int) and isinstance(first[6], int)  # numbers as numbers
    assert ws["H3"].value == '=IF(G3="","",MAX(F3-G3,0))'
    assert isinstance(ws["N3"].value, dt.datetime)
    headings = [r for r in range(2, ws.max_row) if ws.cell(r, 1).value is None]
    assert len(headings) == len(CATEGORIES)
    assert all(ws.row_dimensions[r].outlineLevel == 0 for r in headings)
    items = [r for r in range(2, ws.max_row) if r not in headings]
    assert len(items) == 300 and all(ws.row_dimensions[r].outlineLevel == 1 for r in items)
    remark = ws["L5"]  # item 3's remark '=1+1' stays text
    assert remark.value == "=1+1" and remark.data_type == "s"
    total = [c.value for c in ws[ws.max_row]]
    assert total[1] == "合计" and total[7] == f"=SUM(H2:H{ws.max_row - 1})"


def test_workbook_summary_counts_over_the_list_sheets(workbook) -> None:
    ws = workbook["汇总"]
    row = [c.value for c in ws[2]]
    assert row[:4] == [1, "物业原始资料移交清单", 1, "草稿"]
    last = 1 + len(CATEGORIES) + 300
    assert row[5] == f"=COUNT('物业原始资料移交清单'!A2:A{last})"
    assert row[7] == f"=COUNTIF('物业原始资料移交清单'!H2:H{last},\">0\")"
    assert ws.cell(4, 6).value.startswith("=COUNT('钥匙移交清单(2)'!A2:")
    assert [c.value for c in ws[5]][1] == "合计" and ws["F5"].value == "=SUM(F2:F4)"
    labels = [ws.cell(r, 2).value for r in range(6, ws.max_row + 1)]
    assert "项目" in labels and "交接基准日" in labels


def test_sheet_names_are_unique_short_and_legal() -> None:
    names = unique_sheet_names(["汇总", "a/b", "A/B", "很" * 40, "很" * 40])
    assert names[0] == "汇总(2)" and names[1] == "a_b" and names[2] == "A_B(2)"
    assert len(names[3]) == 31 and names[4].endswith("(2)") and len(names[4]) == 31


# --- with a database, through the command line ---------------------------------------------

def summary_of(list_id: int, status: DocStatus, revision: int = 1,
               amends: int | None = None) -> ListSummary:
    return ListSummary(list_id, 1, 1, "x", "", status, revision, amends, None, "", "", "", "",
                       0, 0, 0, 0)


def test_current_lists_leave_out_amended_and_cancelled_versions() -> None:
    lists = [summary_of(1, DocStatus.SIGNED), summary_of(2, DocStatus.DRAFT),
             summary_of(3, DocStatus.CANCELLED), summary_of(4, DocStatus.DRAFT, 2, amends=1)]
    assert [s.id for s in current_lists(lists)] == [4, 2]  # in the order the lists began


@pytest.fixture
def handover_db(db, tmp_path: Path):
    """A handover with a keys list (signed, then amended) and a small list with a shortfall."""
    project = projects.add_project(db, "CHY", "翠湖园")
    h = handovers.create_handover(db, project.id, "进场接管", FROM, TO, dt.date(2026, 6, 30),
                                  witness=WITNESS)
    keys = checklists.start_list(db, h.id, "PHY-KEYS")
    for item in checklists.list_detail(db, keys.id).items:
        checklists.mark_received_as_expected(db, item.id, item.version)
    keys = checklists.lists_of(db, h.id)[0]
    signoff.sign_list(db, keys.id, keys.version, signed_from="王五", signed_to="李四",
                      signed_witness="赵六", signed_at=dt.datetime(2026, 7, 2, 15, 30))
    amendment = signoff.amend_list(db, keys.id)
    small = checklists.create_list(db, h.id, "印章移交清单")
    item = checklists.add_item(db, small.id, category="印章", name="管理处公章", uom="枚",
                               expected_qty=2)
    item = checklists.check_item(db, item.id, item.version, received_qty=1, condition="完好",
                                 remarks="另一枚已遗失")
    checklists.item_to_defect(db, item.id, item.version)
    db_arg = str(tmp_path / "test.sqlite") if db.engine.dialect.name == "sqlite" else None
    return db, h, keys, amendment, small, db_arg


def run_cli(db, db_arg: str | None, *argv: str, monkeypatch) -> int:
    """main.main() on the test database (PostgreSQL is reached by handing main the Database)."""
    if db_arg is None:
        monkeypatch.setattr(main, "_open_db", lambda args: db)
        return main.main(list(argv))
    return main.main(["--db", db_arg, *argv])


def test_cli_prints_every_current_list_and_one_list(handover_db, tmp_path, monkeypatch) -> None:
    db, h, keys, *_, db_arg = handover_db
    out = tmp_path / "lists.pdf"
    assert run_cli(db, db_arg, "print", "handover-list", "--handover", str(h.id), "--out",
                   str(out), monkeypatch=monkeypatch) == 0
    texts = page_texts(out)
    titles = [t.splitlines()[0] for t in texts]
    assert any("钥匙交接清单——补充交接清单（第 2 版）" in t for t in titles)  # the amendment, not v1
    assert not any(t == "钥匙交接清单" for t in titles)
    seal = [t for t in texts if t.startswith("印章移交清单")]
    assert seal and "管理处公章" in seal[-1] and "见遗留问题 YL-" in seal[-1]
    one = tmp_path / "one.pdf"
    assert run_cli(db, db_arg, "print", "handover-list", "--handover", str(h.id), "--list",
                   str(keys.id), "--out", str(one), monkeypatch=monkeypatch) == 0
    last = page_texts(one)[-1]
    assert "状态：已签署（2026年7月2日）" in last and "签字：王五" in last and "签字：赵六" in last


def test_cli_certificate(handover_db, tmp_path, monkeypatch) -> None:
    db, h, *_, db_arg = handover_db
    out = tmp_path / "cert.pdf"
    assert run_cli(db, db_arg, "print", "handover-certificate", "--handover", str(h.id), "--out",
                   str(out), monkeypatch=monkeypatch) == 0
    texts = page_texts(out)
    assert len(texts) == 1
    assert "印章移交清单" in texts[0] and "管理处公章" in texts[0]
    assert "尚未关闭的共 1 项" in texts[0] and "翠湖园业主委员会" in texts[0]


def test_cli_exports_the_workbook_and_tabs_still(handover_db, tmp_path, monkeypatch) -> None:
    db, h, *_, db_arg = handover_db
    out = tmp_path / "h.xlsx"
    assert run_cli(db, db_arg, "export", "handover", "--handover", str(h.id), "--out", str(out),
                   monkeypatch=monkeypatch) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "钥匙交接清单", "印章移交清单"]
    ws = wb["印章移交清单"]
    assert ws["C3"].value == "管理处公章" and ws["F3"].value == 2 and ws["G3"].value == 1
    assert ws["H3"].value == '=IF(G3="","",MAX(F3-G3,0))'
    tab = tmp_path / "tab.xlsx"
    assert run_cli(db, db_arg, "export", "handover", "--project", "CHY", "--out", str(tab),
                   monkeypatch=monkeypatch) == 0
    assert load_workbook(tab).sheetnames == ["交接清单"]


def test_cli_errors(handover_db, tmp_path, monkeypatch, capsys) -> None:
    db, h, *_, db_arg = handover_db
    out = str(tmp_path / "x.pdf")
    assert run_cli(db, db_arg, "print", "handover-list", "--handover", "999", "--out", out,
                   monkeypatch=monkeypatch) == 1
    assert "不存在" in capsys.readouterr().err
    assert run_cli(db, db_arg, "print", "handover-list", "--handover", str(h.id), "--list", "999",
                   "--out", out, monkeypatch=monkeypatch) == 1
    assert run_cli(db, db_arg, "export", "handover", "--out", out, monkeypatch=monkeypatch) == 2
    assert run_cli(db, db_arg, "export", "handover", "--project", "CHY", "--handover", "1",
                   "--out", out, monkeypatch=monkeypatch) == 2
    empty = handovers.create_handover(db, h.project_id, "退场移交", TO, FROM, dt.date(2027, 1, 1))
    assert run_cli(db, db_arg, "print", "handover-certificate", "--handover", str(empty.id),
                   "--out", out, monkeypatch=monkeypatch) == 1
    assert "还没有交接清单" in capsys.readouterr().err
    assert not Path(out).exists()
