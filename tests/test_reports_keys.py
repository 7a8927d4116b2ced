"""Key custody's printed forms and workbook on SQLite and PostgreSQL: text read back from the PDFs,
the label sheet's QR codes checked module by module, the workbook read back with openpyxl."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from PIL import Image
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.pagesizes import A4

import main
from models.people import Owner, UnitOwnership
from models.project import Unit
from models.services import key_custody as kc
from models.services import projects
from reports import print_commands as pc
from reports.excel.exports import export_for
from reports.forms.key_labels import QR_BORDER, qr_box
from tests.key_accounts import approval, supervisor

T0 = dt.datetime(2026, 7, 1, 9, 0)
DPI = 300
TAGS = [f"K-01-{i:02d}-0{i}01-A" for i in range(1, 6)]


@pytest.fixture
def keys(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    h = projects.add_handover(db, "CHY", "进场接管", "原物业公司", "本物业公司", T0.date(),
                              witness="开发商")
    with db.begin() as s:
        units = [Unit(project_id=p.id, number=f"1栋1单元{i}01") for i in range(1, 6)]
        owner = Owner(project_id=p.id, name="董艳辉")
        s.add_all([*units, owner])
        s.flush()
        s.add(UnitOwnership(unit_id=units[0].id, owner_id=owner.id, relation="业主"))
        unit_ids, owner_id = [u.id for u in units], owner.id
    rows = [kc.receive_key(db, p.id, tag=t, unit_id=u, opens="入户门", cabinet="G01", slot=f"{i:02d}",
                           handover_id=h.id, at=T0) for i, (t, u) in enumerate(zip(TAGS, unit_ids, strict=True))]
    kc.receive_key(db, p.id, tag="K-GG-PD-01", opens="配电房", cabinet="G02", slot="01", at=T0)
    kc.issue_to_owner(db, rows[0].id, owner_id=owner_id, at=T0 + dt.timedelta(hours=1))
    boss = approval(supervisor(db, "lizg", "李主管"))
    kc.lend(db, rows[1].id, borrower="张师傅", department="工程部", reason="维修",
            reason_text="水管渗漏", at=T0 + dt.timedelta(days=1), **boss)
    kc.return_key(db, rows[1].id, returned_by="张师傅", condition="完好",
                  at=T0 + dt.timedelta(days=1, hours=3))
    kc.lend(db, rows[2].id, borrower="王阿姨", department="保洁部", reason="清洁", at=T0 + dt.timedelta(days=2),
            due_at=T0 + dt.timedelta(days=3, hours=3), extension_reason="外墙维修", **boss)
    kc.seal(db, rows[3].id, seal_no="FT-0001", at=T0 + dt.timedelta(hours=2))
    return p, h, rows


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def expected_modules(tag: str) -> list[list[bool]]:
    """The tag's QR matrix built independently of the sheet, with the encoder's own settings."""
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(tag)
    qr.make()
    return [[bool(m) for m in row] for row in qr.modules]


def printed_modules(page: Image.Image, index: int, count: int) -> list[list[bool]]:
    """Sample the rendered page at the centre of every module (quiet zone included) of label `index`."""
    box = qr_box(index)
    scale = DPI / 72
    side = box.size / (count + 2 * QR_BORDER)
    top = A4[1] - (box.y + box.size)  # PDF y runs up, pixel y runs down
    grey = page.convert("L")

    def dark(r: int, c: int) -> bool:
        x = (box.x + (c + 0.5) * side) * scale
        y = (top + (r + 0.5) * side) * scale
        return grey.getpixel((int(x), int(y))) < 128
    n = count + 2 * QR_BORDER
    return [[dark(r, c) for c in range(n)] for r in range(n)]


def test_label_sheet_qr_codes_are_the_tags(db, keys, tmp_path):

    out = tmp_path / "labels.pdf"
    assert pc.print_key_labels(db, "CHY", out, tags=[t.lower() for t in TAGS]) == 1
    text = pdf_text(out)
    assert all(t in text for t in TAGS) and "1栋1单元101（入户门）" in text
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "page")], check=True)
    page = Image.open(next(tmp_path.glob("page*.png")))
    for i, tag in enumerate(TAGS):
        want = expected_modules(tag)
        got = printed_modules(page, i, len(want))
        quiet = [row[:QR_BORDER] + row[-QR_BORDER:] for row in got] + got[:QR_BORDER] + got[-QR_BORDER:]
        assert not any(any(r) for r in quiet), f"quiet zone of {tag} is not blank"
        inner = [row[QR_BORDER:-QR_BORDER] for row in got[QR_BORDER:-QR_BORDER]]
        assert inner == want, f"label {i} does not print the QR code of {tag}"
    # A label's code is not some other tag's: the check above can tell them apart.
    assert expected_modules(TAGS[0]) != expected_modules(TAGS[1])


def test_labels_by_cabinet_and_unknown_tag(db, keys, tmp_path):
    out = tmp_path / "g02.pdf"
    pc.print_key_labels(db, "CHY", out, cabinet="G02")
    text = pdf_text(out)
    assert "K-GG-PD-01" in text and "配电房" in text and TAGS[0] not in text
    with pytest.raises(Exception, match="K-NOPE"):
        pc.print_key_labels(db, "CHY", tmp_path / "x.pdf", tags=["K-NOPE"])


def test_issue_receipt_names_the_owner(db, keys, tmp_path):
    out = tmp_path / "issue.pdf"
    pc.print_key_issue(db, "CHY", TAGS[0], out)
    text = pdf_text(out)
    for words in ("钥匙发放签收单", TAGS[0], "1栋1单元101", "董艳辉", "业主签字", "经办人签字"):
        assert words in text
    with pytest.raises(Exception, match="还没有发放"):
        pc.print_key_issue(db, "CHY", TAGS[1], tmp_path / "no.pdf")


def test_lending_register_pairs_loans_with_returns(db, keys, tmp_path):
    out = tmp_path / "lending.pdf"
    pc.print_key_lending(db, "CHY", T0.date(), T0.date() + dt.timedelta(days=5), out)
    text = pdf_text(out)
    for words in ("钥匙借用登记表", TAGS[1], TAGS[2], "张师傅", "工程部", "维修：水管渗漏", "李主管",
                  "2026-07-02 12:00", "完好", "未归还", "王阿姨", "2026-07-04 12:00"):
        assert words in text, words
    # each row names the approving supervisor's account; an extension's reason under the loan's 事由
    with pdfplumber.open(out) as pdf:
        (table,) = pdf.pages[0].extract_tables()
    rows = {r[0]: dict(zip(table[0], r, strict=True)) for r in table[1:]}
    assert rows[TAGS[1]]["批准人"] == rows[TAGS[2]]["批准人"] == "李主管"
    assert rows[TAGS[1]]["事由"] == "维修：水管渗漏"
    assert rows[TAGS[2]]["事由"].replace("\n", "") == "清洁延期原因：外墙维修"
    only_first = tmp_path / "day2.pdf"
    pc.print_key_lending(db, "CHY", T0.date() + dt.timedelta(days=1),
                         T0.date() + dt.timedelta(days=1), only_first)
    assert TAGS[1] in pdf_text(only_first) and TAGS[2] not in pdf_text(only_first)


def test_seal_and_handover_forms(db, keys, tmp_path):
    _, h, _ = keys
    pc.print_key_seal(db, "CHY", tmp_path / "seal.pdf")
    text = pdf_text(tmp_path / "seal.pdf")
    assert "备用钥匙封存表" in text and TAGS[3] in text and "FT-0001" in text and TAGS[0] not in text
    pc.print_key_handover(db, h.id, tmp_path / "ho.pdf")
    text = pdf_text(tmp_path / "ho.pdf")
    assert "钥匙交接表" in text and all(t in text for t in TAGS) and "K-GG-PD-01" not in text
    for words in ("移交方", "接收方", "监交方", "原物业公司", "已发放", "封存", "借出", "合计：5 套"):
        assert words in text, words


def test_key_workbook(db, keys, tmp_path):
    out = tmp_path / "keys.xlsx"
    assert export_for(db, "keys", out, project_code="CHY") == 6
    wb = load_workbook(out)
    reg, log = wb["钥匙"], wb["记录"]
    assert reg.freeze_panes == "A2" and reg.auto_filter.ref and log.auto_filter.ref
    head = [c.value for c in reg[1]]
    rows = {r[0]: dict(zip(head, r, strict=True)) for r in reg.iter_rows(min_row=2, values_only=True)}
    assert rows[TAGS[0]]["状态"] == "已发放" and rows[TAGS[0]]["数量"] == 1
    assert rows["K-GG-PD-01"]["开启对象"] == "配电房"
    head = [c.value for c in log[1]]
    events = [dict(zip(head, r, strict=True)) for r in log.iter_rows(min_row=2, values_only=True)]
    assert len(events) == 6 + 5
    issued = next(e for e in events if e["事件"] == "发放")
    assert issued["业主"] == "董艳辉" and issued["时间"] == T0 + dt.timedelta(hours=1)
    lent = next(e for e in events if e["事件"] == "借出" and e["借用人/归还人/接收方"] == "张师傅")
    assert lent["应还时间"] == dt.datetime(2026, 7, 2, 18, 0) and lent["批准人"] == "李主管"
    extended = next(e for e in events if e["事件"] == "借出" and e["借用人/归还人/接收方"] == "王阿姨")
    assert extended["备注"] == "外墙维修"


def test_command_line(db, keys, tmp_path, monkeypatch):
    parser = main.build_parser()
    args = parser.parse_args(["print", "key-labels", "--project", "CHY", "--keys", "a,b",
                              "--out", "x.pdf"])
    assert args.keys == "a,b" and args.form == "key-labels"
    args = parser.parse_args(["print", "key-lending", "--project", "CHY", "--from", "2026-07-01",
                              "--to", "2026-07-31", "--out", "x.pdf"])
    assert args.start == dt.date(2026, 7, 1) and args.end == dt.date(2026, 7, 31)
