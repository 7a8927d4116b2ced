"""Every printed form with the longest text each field accepts and a 300-item list, read back.

A Text column (备注, 问题描述, 延期原因, 说明) gets 10,000 characters; a String column gets its
length (company 100, name 40, list title 100 ...). Each long text is numbered sentences
(RA0001, RA0002, ...) between RABEGIN and RAEND: reading the PDF back with pdfplumber, every
number is there once and in order, so nothing is lost, doubled or shuffled where a cell runs
over several pages. Every page says 第 k 页 共 n 页 and no character lies off the page.
Identifiers (YL-2026-0010, FC-2026-00001-2, G01-01-16, K-03-02-1201-A, a name, a date)
print whole on one line, and the signatures never stand alone on a page.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from models.base import DocStatus
from models.defect import DEFECT_CATEGORIES, DefectStatus, Responsible, Severity
from models.handover import HandoverKind
from models.keys import KeyEventKind, KeyStatus, LendReason
from models.rules.idcard import mask_phones
from models.services.checklist_rows import (
    HandoverInfo,
    ItemChange,
    ItemRow,
    ListDetail,
    ListSummary,
)
from models.services.defect_rows import DefectDetail, DefectRow, DueRow, HistoryRow
from models.services.fee_rows import ArrearsLine, FeeResults, SettlementItem
from models.services.roster import RosterRow
from reports.forms.arrears import ArrearsForm
from reports.forms.base import Parties
from reports.forms.certificate import CertificateForm
from reports.forms.defect_notice import DefectNoticeForm
from reports.forms.defect_reinspection import DefectReinspectionForm
from reports.forms.defect_reminder import DefectReminderForm
from reports.forms.defect_summary import DefectSummaryForm
from reports.forms.handover_list import HandoverListBook, HandoverListForm
from reports.forms.key_issue import KeyIssueForm
from reports.forms.key_labels import (
    LABEL_H,
    LABEL_W,
    KeyLabelSheet,
    Label,
    label_origin,
)
from reports.forms.key_tables import KeyHandoverForm, KeyLendingForm, KeySealForm
from reports.forms.roster import RosterForm
from reports.forms.settlement import SettlementForm
from reports.key_data import EventInfo, KeyInfo, Loan

S = DefectStatus
LONG = 10_000
ITEMS = 300
T0 = dt.datetime(2026, 7, 1, 9, 0)
PRINTED = dt.date(2026, 11, 22)
SENTENCE = "北侧外墙瓷砖空鼓脱落，需整体铲除后重新铺贴并做淋水试验（移交方负责）。"


# --- texts that say where they are -------------------------------------------------------------

def long_text(tag: str) -> str:
    """10,000 characters: tagBEGIN, sentences tag0001 tag0002 … (a line break now and then,
    kept as typed), padding, tagEND."""
    head, end = f"{tag}BEGIN", f"{tag}END"
    parts, size, i = [head], len(head) + len(end), 0
    while True:
        i += 1
        sentence = f"{tag}{i:04d}{SENTENCE}" + ("\n" if i % 40 == 0 else "")
        if size + len(sentence) > LONG:
            break
        parts.append(sentence)
        size += len(sentence)
    text = "".join(parts) + "文" * (LONG - size) + end
    assert len(text) == LONG
    return text


def sentences(tag: str) -> int:
    return len(re.findall(rf"{tag}\d{{4}}", long_text(tag)))


def bounded(tag: str, length: int) -> str:
    """A String column filled to its length: tag01名称tag02名称…"""
    return "".join(f"{tag}{i:02d}名称" for i in range(1, 60))[:length]


def bounded_numbers(tag: str, length: int) -> list[int]:
    return [int(n) for n in re.findall(rf"{tag}(\d{{2}})", bounded(tag, length))]


# --- reading back --------------------------------------------------------------------------------

def read_back(path: Path, numbered: bool = True) -> list[str]:
    """Each page's text; every character on the page, every page numbered 第 k 页 共 n 页."""
    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            off = [c["text"] for c in page.chars if c["x0"] < -0.5 or c["x1"] > page.width + 0.5
                   or c["top"] < -0.5 or c["bottom"] > page.height + 0.5]
            assert not off, f"text off the page: {''.join(off)[:40]}"
            texts.append(page.extract_text() or "")
    if numbered:
        for k, text in enumerate(texts, start=1):
            assert f"第 {k} 页 共 {len(texts)} 页" in text
    return texts


def assert_long(text: str, tag: str) -> None:
    """The whole long text is there: each sentence once, in order, from BEGIN to END."""
    numbers = [int(n) for n in re.findall(rf"{tag}(\d{{4}})", text)]
    assert numbers == list(range(1, sentences(tag) + 1))
    assert text.count(f"{tag}BEGIN") == 1 and text.count(f"{tag}END") == 1
    assert text.index(f"{tag}BEGIN") < text.index(f"{tag}0001")
    assert text.index(f"{tag}{sentences(tag):04d}") < text.index(f"{tag}END")


def assert_bounded(text: str, tag: str, length: int) -> None:
    """The whole String value is there (in order; it may be printed more than once)."""
    found = iter(int(n) for n in re.findall(rf"{tag}(\d{{2}})", text))
    assert all(n in found for n in bounded_numbers(tag, length)), tag


def assert_numbered(text: str, tag: str, width: int, expected: list[int]) -> None:
    assert [int(n) for n in re.findall(rf"{tag}(\d{{{width}}})", text)] == expected


def whole_lines(texts: list[str], ident: str) -> int:
    """How often `ident` is printed whole within one line."""
    return sum(line.count(ident) for text in texts for line in text.splitlines())


def jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (400, 300), "steelblue").save(buf, "JPEG")
    return buf.getvalue()


# --- the records, every text field at its longest ------------------------------------------------

def plain_handover() -> HandoverInfo:
    """A handover with everyday names."""
    return HandoverInfo(1, 1, 1, "CHY", "翠湖园", HandoverKind.TAKEOVER, "", "原物业服务有限公司",
                        "王经理", "本物业管理有限公司", "李主管", "翠湖园业主委员会", "赵主任",
                        dt.date(2026, 6, 30), None, dt.date(2026, 7, 1), DocStatus.DRAFT)


def handover(witness: str | None = None) -> HandoverInfo:
    return HandoverInfo(1, 1, 1, "CHY", bounded("PJ", 100), HandoverKind.TAKEOVER, "",
                        bounded("FC", 100), bounded("FR", 40), bounded("TC", 100),
                        bounded("TR", 40), witness if witness is not None else bounded("WT", 100),
                        bounded("WR", 40), dt.date(2026, 6, 30), None, dt.date(2026, 7, 1),
                        DocStatus.DRAFT)


def item(i: int, remarks: str = "", name: str = "", condition: str = "完好") -> ItemRow:
    return ItemRow(i, 1, i, ("物业原始资料", "共用部位", bounded("CT", 40))[i * 3 // (ITEMS + 1)],
                   name or f"竣工资料IT{i:03d}", bounded("SP", 100) if i == 7 else "A3 蓝图",
                   "份" * 10 if i == 7 else "份", 2, 1 if condition != "完好" else 2, "复印件",
                   999999 if i == 7 else 12, condition, remarks, bounded("CB", 40),
                   T0, 7 if condition == "缺失" else None,
                   f"YL-2026-{i:04d}" if condition == "缺失" else "")


def summary(items: list[ItemRow], status: DocStatus = DocStatus.SIGNED, title: str = "",
            revision: int = 1) -> ListSummary:
    return ListSummary(revision, 1, 1, title or bounded("TT", 100), "", status, revision,
                       revision - 1 if revision > 1 else None, T0 + dt.timedelta(days=1),
                       bounded("SF", 40), bounded("SG", 40), bounded("SW", 40), "", len(items),
                       len(items), 0, 0)


def long_list() -> ListDetail:
    """300 items: the 150th and the last with 10,000-character remarks, the 299th missing."""
    items = [item(i) for i in range(1, ITEMS + 1)]
    items[149] = item(150, long_text("RA"), bounded("NM", 200))
    items[298] = item(299, "", condition="缺失")
    items[299] = item(300, long_text("RB"))
    return ListDetail(handover(), summary(items), items)


# --- 交接清单 and 交接确认书 ---------------------------------------------------------------------

def test_handover_list_prints_10000_character_remarks_and_300_items(tmp_path: Path) -> None:
    out = tmp_path / "list.pdf"
    pages = HandoverListForm(long_list(), printed_on=PRINTED).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert pages == len(texts) > 20
    assert_long(everything, "RA")
    assert_long(everything, "RB")
    shown = [i for i in range(1, ITEMS + 1) if i != 150]  # the 150th has the 200-character name
    assert_numbered(everything, "IT", 3, shown)
    for tag, length in (("NM", 200), ("SP", 100), ("CT", 40)):
        assert_bounded(everything, tag, length)
    assert whole_lines(texts, "见遗留问题 YL-2026-0299") == 1
    assert whole_lines(texts, "999999") == 1
    for text in (texts[0], texts[-1]):  # the header, in full, on every page
        for tag, length in (("TT", 100), ("PJ", 100), ("FC", 100), ("TC", 100)):
            assert_bounded(text, tag, length)
    last = texts[-1]
    assert "RBEND" in last and "合计：共 300 项" in last and last.count("签字：") == 3
    for tag, length in (("SF", 40), ("SG", 40), ("SW", 40), ("WT", 100)):
        assert_bounded(last, tag, length)


def test_amendment_book_prints_a_20000_character_change(tmp_path: Path) -> None:
    """Two lists in one book, the amendment's change list holding a remark's both versions."""
    items = [item(i) for i in range(1, 12)]
    changes = [ItemChange("changed", f"竣工资料IT{i:03d}", "物业原始资料",
                          {"received_qty": (1, 2)}, i, i) for i in range(1, ITEMS + 1)]
    changes[-1] = ItemChange("changed", "竣工资料IT300", "物业原始资料",
                             {"remarks": (long_text("CA"), long_text("CC"))}, 300, 300)
    amendment = ListDetail(handover(""), summary(items, title=bounded("TX", 100), revision=2),
                           items, changes)
    out = tmp_path / "book.pdf"
    first = ListDetail(handover(""), summary(items, title="钥匙交接清单"), items)
    HandoverListBook([first, amendment], printed_on=PRINTED).render(out)
    texts = read_back(out, numbered=False)
    second = [t for t in texts if "补充交接清单（第 2 版）" in t]
    for k, text in enumerate(second, start=1):
        assert f"第 {k} 页 共 {len(second)} 页" in text  # each list numbered on its own
    everything = "\n".join(second)
    assert_long(everything, "CA")
    assert_long(everything, "CC")
    assert everything.index("CAEND") < everything.index("CCBEGIN")
    assert "与第 1 版相比的变更（共 300 项）" in everything
    assert "签字：" in second[-1] and "CCEND" in second[-1]


def test_certificate_with_the_longest_names(tmp_path: Path) -> None:
    lists = [long_list()] + [
        ListDetail(handover(), summary([item(1, condition="缺失")], title=bounded(f"L{k}", 100)),
                   [item(1, condition="缺失")]) for k in range(1, 8)]
    out = tmp_path / "cert.pdf"
    CertificateForm(handover(), lists, open_defects=12, printed_on=PRINTED).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    for tag, length in (("FC", 100), ("FR", 40), ("TC", 100), ("TR", 40), ("WT", 100),
                        ("WR", 40), ("TT", 100), *((f"L{k}", 100) for k in range(1, 8))):
        assert_bounded(everything, tag, length)
    assert "清单中短缺、缺失或有缺陷的事项共" in everything and "一式三份" in texts[-1]
    assert texts[-1].count("签字：") == 3


# --- the defect forms ----------------------------------------------------------------------------

def defect(n: int, description: str = "", location: str = "", status: S = S.RECTIFYING,
           deadline: dt.date = dt.date(2026, 7, 10)) -> DefectRow:
    found = dt.datetime(2026, 7, 1, 10, 30)
    return DefectRow(n, 1, f"YL-2026-{n:04d}", 1, 1, None, location or f"3栋1-{n:04d}",
                     DEFECT_CATEGORIES[n % len(DEFECT_CATEGORIES)],
                     description or f"墙面空鼓DE{n:03d}", Severity.NORMAL,
                     Responsible.CONTRACTOR if n % 4 == 3 else Responsible.DEVELOPER,
                     found, bounded("FB", 40) if n == 1 else "张工", found + dt.timedelta(hours=5),
                     deadline, status, n % 3, None, "", 0)


def test_notice_prints_a_10000_character_description(tmp_path: Path) -> None:
    d = defect(1, long_text("DS"), bounded("LC", 100))
    out = tmp_path / "notice.pdf"
    DefectNoticeForm(d, bounded("PJ", 100), [jpeg(), jpeg()], handover_caption=bounded("HC", 100),
                     addressee=bounded("AD", 100), our_company=bounded("OC", 100),
                     printed_on=PRINTED).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert len(texts) > 3
    assert_long(everything, "DS")
    for tag, length in (("LC", 100), ("AD", 100), ("OC", 100), ("FB", 40), ("HC", 100)):
        assert_bounded(everything, tag, length)
    with pdfplumber.open(out) as pdf:
        assert sum(len(p.images) for p in pdf.pages) == 2
    assert "签收日期" in texts[-1] and "整改要求" in texts[-1]


def attempts_history(count: int) -> list[HistoryRow]:
    """`count` re-inspections, all failed but the last pending; the 150th's note 10,000 long."""
    out = [HistoryRow(T0, "张工", None, S.PENDING_NOTICE, "登记")]
    for i in range(1, count + 1):
        at = T0 + dt.timedelta(days=i)
        note = long_text("HN") if i == 150 else f"闭水试验仍渗漏NT{i:03d}"
        out += [HistoryRow(at, "李工", S.RECTIFYING, S.PENDING_REINSPECTION, ""),
                HistoryRow(at + dt.timedelta(hours=2), "阿卜杜热合曼" if i == 7 else "王工",
                           S.PENDING_REINSPECTION, S.RECTIFYING, note)]
    return out + [HistoryRow(T0 + dt.timedelta(days=400), "李工", S.RECTIFYING,
                             S.PENDING_REINSPECTION, "")]


def test_reinspection_prints_300_attempts_and_long_texts(tmp_path: Path) -> None:
    d = defect(1, long_text("DT"), status=S.PENDING_REINSPECTION)
    out = tmp_path / "re.pdf"
    DefectReinspectionForm(DefectDetail(d, attempts_history(ITEMS)), bounded("PJ", 100),
                           rectifier=bounded("RC", 100), our_company=bounded("OC", 100),
                           printed_on=PRINTED).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert_long(everything, "DT")
    assert_long(everything, "HN")
    assert_numbered(everything, "NT", 3, [i for i in range(1, ITEMS + 1) if i != 150])
    assert "第 300 次" in everything and "第 301 次" in texts[-1]  # the next, to fill in
    assert whole_lines(texts, "阿卜杜热合曼") == 1
    assert "复验范围为整个房屋/项目" in texts[-1].replace("\n", "") and "确认人" in texts[-1]


def test_reminder_lists_300_defects_with_long_descriptions(tmp_path: Path) -> None:
    rows = [DueRow(defect(i), [], i) for i in range(1, ITEMS + 1)]
    rows[0] = DueRow(defect(1, long_text("RE")), [], 1)
    rows[1] = DueRow(defect(2, location=bounded("LC", 100)), [], 2)
    rows[-1] = DueRow(defect(ITEMS, long_text("RF")), [], ITEMS)
    party = rows[0].defect.responsible
    out = tmp_path / "reminder.pdf"
    form = DefectReminderForm(party, rows, bounded("PJ", 100), addressee=bounded("AD", 100),
                              our_company=bounded("OC", 100), printed_on=PRINTED)
    form.render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert_long(everything, "RE")
    assert_long(everything, "RF")
    assert_bounded(everything, "LC", 100)
    numbers = [r.defect.number for r in form.rows]
    assert len(numbers) == 225 and [n for n in re.findall(r"YL-2026-\d{4}", everything)
                                    if n in numbers] == numbers
    assert "RFEND" in texts[-1] and "签收人" in texts[-1]


def test_summary_of_300_defects_with_long_descriptions(tmp_path: Path) -> None:
    statuses = (S.PENDING_NOTICE, S.RECTIFYING, S.PENDING_REINSPECTION, S.CLOSED, S.UNFIXABLE)
    rows = [defect(i, status=statuses[i % 5]) for i in range(1, ITEMS + 1)]
    rows[99] = defect(100, long_text("SA"), bounded("LC", 100), status=statuses[0])
    out = tmp_path / "summary.pdf"
    DefectSummaryForm(rows, bounded("PJ", 100), bounded("HC", 100),
                      now=dt.datetime(2026, 7, 20), printed_on=PRINTED,
                      parties=Parties(bounded("FC", 100), bounded("TC", 100))).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert_long(everything, "SA")
    assert_bounded(everything, "LC", 100)
    assert all(f"YL-2026-{i:04d}" in everything for i in range(1, ITEMS + 1))
    assert "遗留问题共 300 项" in texts[-1] and texts[-1].count("签字：") == 2


# --- the key forms -------------------------------------------------------------------------------

def key(i: int, *, tag: str = "", opens: str = "入户门", unit: str = "",
        status: KeyStatus = KeyStatus.IN_STORE) -> KeyInfo:
    return KeyInfo(i, tag or f"K-03-{i:03d}-1201-A", unit or f"1栋1单元{i:03d}", opens, 1,
                   "G01-01", f"{i % 40 + 1:02d}", status, 1)


def event(i: int, kind: KeyEventKind, **kw: object) -> EventInfo:
    blank = EventInfo(i, i, "", kind, T0, "张三", "", "", LendReason.UNSET, "", "", None, "", "", "", "")
    return replace(blank, **kw)  # type: ignore[arg-type]


def long_tag(tag: str) -> str:
    """A tag of 39 characters (the column takes 40): wider than its column even printed small."""
    return "-".join(f"{tag}{i:02d}" for i in range(1, 9))


def test_key_issue_prints_a_10000_character_note(tmp_path: Path) -> None:
    k = key(1, tag=long_tag("KT"), opens=bounded("OP", 100), unit=bounded("UN", 40))
    issue = event(1, KeyEventKind.ISSUE, owner=bounded("OW", 40), by=bounded("BY", 40),
                  note=long_text("KN"))
    out = tmp_path / "issue.pdf"
    KeyIssueForm(k, issue, bounded("PJ", 100), our_company=bounded("OC", 100),
                 printed_on=PRINTED).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert_long(everything, "KN")
    for tag, length in (("OP", 100), ("UN", 40), ("OW", 40), ("BY", 40), ("OC", 100)):
        assert_bounded(everything, tag, length)
    assert_numbered(texts[0], "KT", 2, list(range(1, 9)) * 2)  # the header's 编号 and the grid
    assert "业主签字" in texts[-1]


def test_label_sheet_of_300_keys_fits_every_text_in_its_label(tmp_path: Path) -> None:
    labels = [Label(f"K-03-{i:03d}-1201-A", f"1栋1单元{i:03d}（入户门）", f"G01-01-{i % 40:02d}")
              for i in range(1, ITEMS + 1)]
    labels[-1] = Label(long_tag("KT"), bounded("UN", 40) + "（" + bounded("OP", 100) + "）",
                       bounded("CA", 20) + "-" + bounded("SL", 20))
    out = tmp_path / "labels.pdf"
    assert KeyLabelSheet(labels).render(out) == 13
    page, x, y = label_origin(ITEMS - 1)
    with pdfplumber.open(out) as pdf:  # pages of QR codes are slow to read: the first and last
        first = pdf.pages[0].extract_text()
        sheet = pdf.pages[page]
        top = sheet.height - y - LABEL_H
        inside = sheet.crop((x, top, x + LABEL_W, top + LABEL_H)).extract_text()
        outside = [c for c in sheet.chars if c["top"] >= top - 0.5 and c["x0"] >= x - 0.5
                   and not (c["x1"] <= x + LABEL_W + 0.5 and c["bottom"] <= top + LABEL_H + 0.5)]
    assert not outside  # nothing of the last label runs over its edge
    for tag, length in (("UN", 40), ("OP", 100), ("CA", 20), ("SL", 20)):
        assert_bounded(inside, tag, length)
    assert_numbered(inside, "KT", 2, list(range(1, 9)))  # broken after a hyphen, if at all
    assert all(f"K-03-{i:03d}-1201-A" in first for i in range(1, 25))
    assert all(f"K-03-{i:03d}-1201-A" in sheet.extract_text() for i in range(289, ITEMS))


def loans(count: int) -> list[Loan]:
    out = []
    for i in range(1, count + 1):
        lent = event(i, KeyEventKind.LEND, at=T0 + dt.timedelta(hours=i), person="欧阳娜娜",
                     department="工程部", reason=LendReason.REPAIR, reason_text=f"水管渗漏LR{i:03d}",
                     approved_by="李主管", due_at=T0 + dt.timedelta(hours=i + 8))
        back = event(i, KeyEventKind.RETURN, at=T0 + dt.timedelta(hours=i + 3), person="欧阳娜娜",
                     condition="完好")
        out.append(Loan(key(i), lent, back if i % 2 else None))
    lent = event(count, KeyEventKind.LEND, at=T0 + dt.timedelta(hours=count),
                 person=bounded("PS", 40), department=bounded("DP", 40), reason=LendReason.OTHER,
                 reason_text=bounded("RT", 200), approved_by=bounded("AP", 40),
                 due_at=T0 + dt.timedelta(days=30), note=long_text("LX"))
    out[-1] = Loan(key(count, opens=bounded("OP", 100)), lent, None)
    return out


def test_lending_register_of_300_loans_with_a_long_extension_reason(tmp_path: Path) -> None:
    out = tmp_path / "lending.pdf"
    KeyLendingForm(loans(ITEMS), bounded("PJ", 100), T0.date(), dt.date(2026, 7, 31),
                   our_company=bounded("OC", 100), printed_on=PRINTED).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert_long(everything, "LX")
    assert_numbered(everything, "LR", 3, list(range(1, ITEMS)))
    for tag, length in (("PS", 40), ("DP", 40), ("RT", 200), ("AP", 40), ("OP", 100)):
        assert_bounded(everything, tag, length)
    assert "K-03-300-1201-A" in everything and "主管：" in texts[-1]


def test_seal_and_handover_tables_of_300_keys(tmp_path: Path) -> None:
    keys = [key(i) for i in range(1, ITEMS + 1)]
    keys[-1] = key(ITEMS, tag=long_tag("KT"), opens=bounded("OP", 100), unit=bounded("UN", 40))
    sealed = [(k, event(k.id, KeyEventKind.SEAL, seal_no=f"FC-2026-{k.id:05d}-2",
                        by=bounded("BY", 40) if k.id == ITEMS else "欧阳娜娜")) for k in keys]
    seal_out, handover_out = tmp_path / "seal.pdf", tmp_path / "handover.pdf"
    KeySealForm(sealed, bounded("PJ", 100), our_company=bounded("OC", 100),
                printed_on=PRINTED).render(seal_out)
    KeyHandoverForm(keys, bounded("PJ", 100), bounded("HC", 100),
                    Parties(bounded("FC", 100), bounded("TC", 100), bounded("WT", 100)),
                    printed_on=PRINTED).render(handover_out)
    seal, hand = read_back(seal_out), read_back(handover_out)
    for texts in (seal, hand):
        everything = "\n".join(texts)
        for tag, length in (("OP", 100), ("UN", 40), ("PJ", 100)):
            assert_bounded(everything, tag, length)
        assert_numbered(everything, "KT", 2, list(range(1, 9)))
    assert whole_lines(seal, f"FC-2026-{ITEMS:05d}-2") == 1 and "监封人" in seal[-1]
    assert "合计：300 套，300 把。" in hand[-1] and hand[-1].count("签字：") == 3


# --- 业主名册 and the fee forms ------------------------------------------------------------------

def test_roster_of_300_units_with_the_longest_names(tmp_path: Path) -> None:
    rows = [RosterRow("1栋", f"1栋1单元{i:03d}", Decimal("88.55"), "住宅", "已入住",
                      f"业主RO{i:03d}", ("13800138000",)) for i in range(1, ITEMS + 1)]
    owners = "、".join(bounded(f"O{k}", 40) for k in range(1, 6))
    rows[-1] = RosterRow(bounded("BD", 40), bounded("UN", 40), None, "住宅", "空置", owners,
                         tuple(f"1380013800{k}" for k in range(5)))
    out = tmp_path / "roster.pdf"
    RosterForm(rows, bounded("PJ", 100), bounded("HC", 100), printed_on=PRINTED,
               parties=Parties(bounded("FC", 100), bounded("TC", 100))).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert_numbered(everything, "RO", 3, list(range(1, ITEMS)))
    for tag, length in (("BD", 40), ("UN", 40), *((f"O{k}", 40) for k in range(1, 6))):
        assert_bounded(everything, tag, length)
    assert whole_lines(texts, "138****8004") == 1
    assert "合计：共 300 户" in everything and texts[-1].count("签字：") == 2


CONTACTS = "13700137001、13900139000、010-88886666"  # 联系电话 holds 40


def fee_results(status: str = "已签署") -> FeeResults:
    lines = tuple(ArrearsLine(f"{i % 7 + 1}栋", f"1单元{i:03d}", f"业主AR{i:03d}", "13800138000",
                              "物业服务费", dt.date(2026, 1, 1), dt.date(2026, 6, 30),
                              Decimal("100.00") + i, i % 3) for i in range(1, ITEMS))
    lines += (ArrearsLine(bounded("BD", 40), bounded("UN", 40), bounded("OW", 40),
                          CONTACTS, bounded("FI", 40),
                          dt.date(2020, 1, 1), dt.date(2026, 6, 30), Decimal("9999999.99"), 6),)
    return FeeResults(
        handover_id=1, project=bounded("PJ", 100), from_company=bounded("FC", 100),
        to_company=bounded("TC", 100), witness=bounded("WT", 100), cutoff=dt.date(2026, 6, 30),
        arrears=lines, differences_total=5, settlement_status=status, settlement_revision=2,
        signed_at=dt.datetime(2026, 7, 5, 10, 0), signed_by="李会计",
        signed_items=(SettlementItem("预收款", "原物业应付新物业", Decimal("1.00"),
                                     long_text("SN")),
                      SettlementItem("业主欠费（归原物业，另行追缴）", "", Decimal("2.00"))))


def test_settlement_with_the_longest_names_and_a_long_note(tmp_path: Path) -> None:
    out = tmp_path / "settlement.pdf"
    SettlementForm(fee_results(), bounded("HC", 100), printed_on=PRINTED).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    assert_long(everything, "SN")
    for tag, length in (("PJ", 100), ("FC", 100), ("TC", 100), ("WT", 100), ("HC", 100)):
        assert_bounded(everything, tag, length)
    assert "结算结论" in texts[-1] and texts[-1].count("签字：") == 3


def test_arrears_of_300_lines_with_the_longest_names(tmp_path: Path) -> None:
    out = tmp_path / "arrears.pdf"
    ArrearsForm(fee_results(), bounded("HC", 100), printed_on=PRINTED).render(out)
    texts = read_back(out)
    everything = "\n".join(texts)
    owners = [int(n) for n in re.findall(r"AR(\d{3})", everything)]
    assert sorted(owners) == list(range(1, ITEMS))  # grouped by building, each line once
    for tag, length in (("BD", 40), ("UN", 40), ("OW", 40), ("FI", 40)):
        assert_bounded(everything, tag, length)
    for phone in mask_phones(CONTACTS).split("、"):
        assert whole_lines(texts, phone) == 1
    assert "欠费 300 笔" in texts[-1] and texts[-1].count("签字：") == 3


# --- identifiers stay whole ----------------------------------------------------------------------

def test_identifiers_in_narrow_columns_print_on_one_line(tmp_path: Path) -> None:
    """柜-格, 封条编号, 封存时间 and names in the seal form; borrowers and times in the register."""
    keys = [key(i) for i in range(1, 31)]
    sealed = [(k, event(k.id, KeyEventKind.SEAL, seal_no=f"FC-2026-{k.id:05d}-2",
                        at=dt.datetime(2026, 11, 22, 10, 30), by="欧阳娜娜")) for k in keys]
    out = tmp_path / "seal.pdf"
    KeySealForm(sealed, "翠湖园", printed_on=PRINTED).render(out)
    texts = read_back(out)
    for k in keys:
        for ident in (k.tag, f"FC-2026-{k.id:05d}-2", f"G01-01-{k.slot}"):
            assert whole_lines(texts, ident) == 1, ident
    assert whole_lines(texts, "2026-11-22 10:30") == 30
    assert whole_lines(texts, "欧阳娜娜") == 30
    lending = tmp_path / "lending.pdf"
    names = ("阿卜杜热合曼", "欧阳娜娜", "司马相如")
    register = [Loan(key(i), event(i, KeyEventKind.LEND, at=dt.datetime(2026, 11, 22, 9, 5),
                                   person=names[i % 3], approved_by="诸葛孔明", reason=LendReason.INSPECT,
                                   due_at=dt.datetime(2026, 11, 22, 17, 30)), None)
                for i in range(1, 31)]
    KeyLendingForm(register, "翠湖园", T0.date(), PRINTED, printed_on=PRINTED).render(lending)
    texts = read_back(lending)
    assert whole_lines(texts, "2026-11-22 09:05") == 30
    assert whole_lines(texts, "2026-11-22 17:30") == 30
    assert whole_lines(texts, "诸葛孔明") == 30
    assert all(whole_lines(texts, n) == 10 for n in names)


def test_defect_numbers_stay_whole_inside_remarks(tmp_path: Path) -> None:
    """见遗留问题 YL-2026-0010 after remarks of every length: never cut inside the number."""
    items = [item(i, "文" * (i - 1), condition="缺失") for i in range(1, 41)]
    out = tmp_path / "list.pdf"
    HandoverListForm(ListDetail(plain_handover(), summary(items, title="钥匙交接清单"), items)).render(out)
    texts = read_back(out)
    for i in range(1, 41):
        assert whole_lines(texts, f"见遗留问题 YL-2026-{i:04d}") == 1


@pytest.mark.parametrize("length", range(0, 40, 3))
def test_numbers_and_dates_stay_whole_in_the_notice_wording(tmp_path: Path, length: int) -> None:
    """The notice's opening sentence names the number and the deadline, wherever they fall."""
    d = defect(10, location="三栋" + "某" * length)
    out = tmp_path / "notice.pdf"
    DefectNoticeForm(d, "翠湖园", printed_on=PRINTED).render(out)
    texts = read_back(out)
    assert whole_lines(texts, "YL-2026-0010") == 3  # 编号 in the header, the wording, the grid
    assert whole_lines(texts, "2026年7月10日") == 2  # the wording and the grid


# --- the signatures stay with what they sign -----------------------------------------------------

@pytest.mark.parametrize("lines", range(1, 5))
def test_eleven_items_keep_their_signatures_company(tmp_path: Path, lines: int) -> None:
    """An 11-item list whose rows fill the first page: the last rows go over with the totals
    and the signatures rather than leave them alone on page 2."""
    remark = "移交时现场核对，" * (lines * 2)
    items = [item(i, remark) for i in range(1, 12)]
    out = tmp_path / "list.pdf"
    detail = ListDetail(plain_handover(), summary(items, DocStatus.DRAFT, "钥匙交接清单"), items)
    HandoverListForm(detail, printed_on=PRINTED).render(out)
    texts = read_back(out)
    signed = [t for t in texts if "签字：" in t]
    assert len(signed) == 1
    assert "竣工资料IT011" in signed[0] and "合计：共 11 项" in signed[0]
    if len(texts) == 2:
        assert "竣工资料IT001" in texts[0]


def test_a_list_of_eleven_that_fills_its_page_needs_two(tmp_path: Path) -> None:
    """The case above happens: some of those lists do not fit one page with their signatures."""
    pages = []
    for lines in range(1, 5):
        items = [item(i, "移交时现场核对，" * (lines * 2)) for i in range(1, 12)]
        out = tmp_path / f"list{lines}.pdf"
        detail = ListDetail(plain_handover(), summary(items, DocStatus.DRAFT, "钥匙交接清单"), items)
        pages.append(HandoverListForm(detail).render(out))
    assert 2 in pages
