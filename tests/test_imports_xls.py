"""Issue 13 point 8: an .xls (Excel 97–2003, WPS, .et) imports as the same sheet saved as .xlsx, and a
renamed or broken file gets a message saying what it is.

The .xls files are written here with xlwt (BIFF8, as Excel 97–2003 and WPS write it) from the same
rows as the .xlsx (openpyxl); one is also made by LibreOffice, whose .xlsx keeps its texts in the
shared-string table as Excel does. Made-up people only.
"""
from __future__ import annotations

import datetime as dt
import shutil
import struct
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import test_imports_hostile as hostile
import xlwt
from openpyxl.utils import range_boundaries
from sqlalchemy import select
from test_imports_hostile import HEADER, data_row, refused_by_all, run_all
from xlsx_builder import KEY_HEADER, LEDGER_HEADER, ROSTER_HEADER, roster_rows, write_sheet

from models.errors import ValidationError
from models.imports import guard, workbook
from models.imports.checklist import preview_checklist
from models.imports.key_sheet import preview_key_sheet
from models.imports.ledger import preview_ledger
from models.imports.roster import import_roster_file, preview_roster
from models.project import Unit
from models.services import projects

desk = hostile.desk  # the hostile tests' database fixture, for imports in a memory-limited worker
DATE = xlwt.easyxf(num_format_str="yyyy-mm-dd")
DATETIME = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm")


def write_xls(path: Path, rows: list[tuple], merges: tuple[str, ...] = (), title: str = "Sheet1",
              active: int = 0, before: tuple[str, ...] = ()) -> Path:
    """rows[0] is Excel row 1, None an empty cell; `before` adds sheets (one text each) ahead of it,
    hidden when their name says 隐藏."""
    book = xlwt.Workbook(encoding="utf-8")
    for name in before:
        extra = book.add_sheet(name)
        extra.write(0, 0, f"{name}的说明")
        extra.visibility = 1 if "隐藏" in name else 0
    sheet = book.add_sheet(title)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.datetime):
                sheet.write(r, c, value, DATETIME)
            elif isinstance(value, dt.date):
                sheet.write(r, c, value, DATE)
            else:
                sheet.write(r, c, value)
    for ref in merges:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        sheet.merge(min_row - 1, max_row - 1, min_col - 1, max_col - 1)
    book.active_sheet = active
    book.save(str(path))
    return path


def both(tmp_path: Path, name: str, rows: list[tuple], merges: tuple[str, ...] = ()) -> tuple[Path, Path]:
    return (write_xls(tmp_path / f"{name}.xls", rows, merges),
            write_sheet(tmp_path / f"{name}.xlsx", rows, merges))


def streamed(path: Path) -> list[tuple[int, tuple[Any, ...]]]:
    book = workbook.open_workbook(path)
    try:
        return [(n, tuple((type(v).__name__, v) for v in values))
                for n, values in workbook.stream_rows(book, book.active, path.name)]
    finally:
        book.close()


def seen(preview: Any) -> tuple:
    """What a preview says, file names aside: header, rows, problems, skipped rows, notes."""
    name = preview.path.name
    return (dict(preview.header.recognised), preview.header.first_row, preview.rows,
            [str(p) for p in preview.problems], [(list(s.rows), s.reason, s.detail) for s in preview.skipped],
            preview.above, [n.replace(name, "·") for n in preview.notes])


ROSTER = [("翠湖园业主名册（2026年6月）", None, None, None, None, None, None),
          (*ROSTER_HEADER, "交房日期"),
          ("0101", "  林小满 ", "13800000001", 89.5, "住宅", "已入住", dt.date(2019, 5, 1)),
          ("0102", "周一鸣", "13800000002", 100, "住宅", "空置", dt.datetime(2019, 5, 2, 9, 30)),
          ("0103", "吴晓", "13800000003", 120.25, "商铺", "已入住", None),
          ("合计", None, None, 309.75, None, None, None),
          ("制表：陈默",)]


# ---- values: an .xls gives what the .xlsx path gives ----------------------------------------------

def test_an_xls_streams_the_values_of_the_same_xlsx(tmp_path):
    xls, xlsx = both(tmp_path, "名册", ROSTER, ("A1:G1",))
    assert streamed(xls) == streamed(xlsx)
    rows = dict(streamed(xls))
    assert rows[3][0] == ("str", "0101") and rows[3][1] == ("str", "  林小满 ")  # byte for byte
    assert rows[3][3] == ("float", 89.5) and rows[4][3] == ("int", 100)
    assert rows[3][6] == ("datetime", dt.datetime(2019, 5, 1)) and rows[4][6][1] == dt.datetime(2019, 5, 2, 9, 30)
    book = workbook.open_workbook(xls)
    merges = workbook.sheet_merges(xls, book.active)
    book.close()
    assert merges == [workbook.Merge(1, 1, 1, 7)]


def test_an_error_cell_is_shown_not_dropped(tmp_path):
    """calamine gives #DIV/0! as an empty string; the import shows it as the .xlsx path does."""
    path = write_xls(tmp_path / "err.xls", [ROSTER_HEADER, ("1栋1单元101", "林小满", "13800000001", 1)])
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    for c, text in enumerate(ROSTER_HEADER):
        sheet.write(0, c, text)
    sheet.write(1, 0, "1栋1单元101")
    sheet.row(1).set_cell_error(3, "#DIV/0!")
    book.save(str(path))
    xlsx = write_sheet(tmp_path / "err.xlsx", [ROSTER_HEADER, ("1栋1单元101", None, None, "#DIV/0!")])
    assert streamed(path) == streamed(xlsx)
    preview = preview_roster(path)
    assert not preview.ok and [str(p) for p in preview.problems] == [str(p) for p in preview_roster(xlsx).problems]
    assert "#DIV/0!" in str(preview.problems[0]) and "建筑面积" in str(preview.problems[0])


def test_an_xls_made_by_libreoffice_reads_as_its_xlsx(tmp_path):
    """LibreOffice writes SST strings, MULRK runs and cached formula results as Excel does; its
    .xlsx keeps texts in the shared-string table (which the .xlsx reader once read as empty)."""
    source = write_sheet(tmp_path / "src.xlsx", [("钥匙移交清单",), KEY_HEADER, ("K-01", None, "配电房", 1, "G01"),
                                                 ("K-02", None, "水泵房", "=D3*2", "G01"),
                                                 ("K-03", None, "消防控制室", "=1/0", "G02")], ["A1:E1"])
    out = tmp_path / "lo"
    for target, src in (("xls", source), ("xlsx", out / "src.xls")):
        done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                               "--convert-to", target, "--outdir", str(out), str(src)],
                              capture_output=True, timeout=180, check=False)
        assert done.returncode == 0, done.stderr[-500:]
    xls, xlsx = out / "src.xls", out / "src.xlsx"
    rows = streamed(xls)
    assert rows == streamed(xlsx)
    assert dict(rows)[4] == (("str", "K-02"), ("NoneType", None), ("str", "水泵房"), ("int", 2), ("str", "G01"))
    assert dict(rows)[5][3][1].text == "#DIV/0!"


# ---- every importer reads the .xls as the .xlsx ---------------------------------------------------

def test_roster_xls_imports_as_its_xlsx(db, tmp_path):
    projects.add_project(db, "AAA", "翠湖园")
    projects.add_project(db, "BBB", "翠湖园二期")
    xls, xlsx = both(tmp_path, "名册", ROSTER, ("A1:G1",))
    assert seen(preview_roster(xls)) == seen(preview_roster(xlsx))
    preview = preview_roster(xls)
    assert [r.number for r in preview.rows] == ["0101", "0102", "0103"] and preview.ok
    assert [(s.reason, list(s.rows)) for s in preview.skipped] == [("合计行", [6]), ("签字栏", [7])]
    from_xls, from_xlsx = import_roster_file(db, "AAA", xls), import_roster_file(db, "BBB", xlsx)
    assert from_xls.created_units == from_xlsx.created_units == 3
    assert from_xls.sheet_notes == from_xlsx.sheet_notes
    with db.begin() as s:
        numbers = sorted(s.scalars(select(Unit.number)).all())
    assert numbers == ["0101", "0101", "0102", "0102", "0103", "0103"]


def test_ledger_xls_previews_as_its_xlsx(db, tmp_path):
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业", "本物业", dt.date(2026, 6, 30))
    import_roster_file(db, "CHY", write_sheet(tmp_path / "roster.xlsx", [ROSTER_HEADER, *roster_rows(3)]))
    rows = [("原物业收费台账",), ("楼栋", *LEDGER_HEADER),
            ("1栋", "1栋1单元101", "业主1", "物业服务费", dt.date(2026, 1, 1), 120.5, 100, 20.5),
            (None, "1栋1单元102", "业主2", "物业服务费", dt.date(2026, 1, 1), 120.5, 120.5, 0),
            (None, "1栋1单元103", "业主3", "物业服务费", "2026年01月", "120.50", 0, 120.5),
            ("合计", None, None, None, None, 361.5, 220.5, 141)]
    xls, xlsx = both(tmp_path, "台账", rows, ("A1:H1", "A3:A5"))
    assert seen(preview_ledger(db, handover.id, xls)) == seen(preview_ledger(db, handover.id, xlsx))
    preview = preview_ledger(db, handover.id, xls)
    assert len(preview.rows) == 3 and sum(r.paid for r in preview.rows) == Decimal("220.50")


def test_key_sheet_and_checklist_xls_preview_as_their_xlsx(db, tmp_path):
    project = projects.add_project(db, "CHY", "翠湖园")
    keys = [("钥匙移交清单",), KEY_HEADER, ("一、设备房钥匙",), ("K-01", None, "配电房", 1, "G01"),
            ("K-02", None, "水泵房", 2, "G01"), ("接收人：", None, "日期：")]
    xls, xlsx = both(tmp_path, "钥匙", keys, ("A1:E1",))
    assert seen(preview_key_sheet(db, project.id, xls)) == seen(preview_key_sheet(db, project.id, xlsx))
    items = [("消防设施移交清单",), ("序号", "名称", "数量", "单位"), (1, "灭火器", 2, "具"), (2, "消火栓", 4, "个"),
             (3,), ("注：数量以现场清点为准",)]
    xls, xlsx = both(tmp_path, "清单", items, ("A1:D1",))
    assert seen(preview_checklist(xls)) == seen(preview_checklist(xlsx))
    assert [r.name for r in preview_checklist(xls).rows] == ["灭火器", "消火栓"]


def test_the_active_sheet_of_an_xls_is_read_first_and_a_wps_et_opens(tmp_path):
    path = write_xls(tmp_path / "两表.xls", [ROSTER_HEADER, *roster_rows(2)], title="名册", active=2,
                     before=("封面", "隐藏的底稿"))
    book = workbook.open_workbook(path)
    assert [(ws.title, ws.sheet_state) for ws in workbook.data_sheets(book)] == [
        ("名册", "visible"), ("封面", "visible"), ("隐藏的底稿", "hidden")]  # hidden sheets kept, as with .xlsx
    book.close()
    assert len(preview_roster(path).rows) == 2
    et = tmp_path / "名册.et"
    shutil.copy(path, et)
    assert len(preview_roster(et).rows) == 2


# ---- renamed, broken and outsized files -----------------------------------------------------------

def refused(path: Path, *words: str) -> str:
    with pytest.raises(ValidationError) as caught:
        preview_roster(path)
    message = str(caught.value)
    assert path.name in message and all(w in message for w in words), message
    assert "Traceback" not in message
    return message


def test_a_renamed_docx_pdf_picture_or_csv_says_what_it_is(tmp_path):
    docx = tmp_path / "名册.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    refused(docx, "Word 文档（.docx）", "另存为 .xlsx")
    pdf = tmp_path / "台账.xls"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    refused(pdf, "PDF 文档", "另存为 .xlsx")
    png = tmp_path / "名册.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    refused(png, "PNG 图片")
    csv = tmp_path / "名册.xlsx"
    csv.write_text("房号,业主姓名\n1栋1单元101,林小满\n", encoding="gbk")
    refused(csv, "不是有效的 .xlsx", "CSV 或文本文件", "另存为 .xlsx")
    empty = tmp_path / "空.xls"
    empty.write_bytes(b"")
    refused(empty, "空文件（0 字节）")


@pytest.mark.parametrize(("text", "cells"), [
    ("<html><head><meta charset='utf-8'></head><body><table><tr><td>房号</td></tr></table></body></html>", ("房号",)),
    ("<table border=1><tr><td>房号</td><td>业主姓名</td></tr></table>", ("房号", "业主姓名")),
])
def test_an_html_table_named_xls_is_read_not_refused(tmp_path, text, cells):
    """The HTML page a property system "exports as xls" is read as a sheet (html_book.py, test_imports_html.py)."""
    for encoding in ("utf-8", "gb18030", "utf-16"):
        path = tmp_path / "导出.xls"
        path.write_text(text, encoding=encoding)
        assert streamed(path) == [(1, tuple(("str", c) for c in cells))]


@pytest.mark.parametrize(("text", "what"), [
    ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook '
     'xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="名册"/></Workbook>',
     "XML 电子表格（Excel 2003 XML 格式）"),
    ('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="----=_NextPart"\n\n------=_NextPart\n'
     "Content-Type: text/html; charset=\"utf-8\"\n\n<html><table><tr><td>房号</td></tr></table></html>",
     "单个文件网页（.mht，网页表格）"),
])
def test_a_property_system_export_named_xls_says_what_it_is(tmp_path, text, what):
    for encoding in ("utf-8", "gb18030", "utf-16"):
        path = tmp_path / "导出.xls"
        path.write_text(text, encoding=encoding)
        refused(path, "不是有效的 .xls", what, "在 Excel 或 WPS 中打开，另存为 .xlsx")


def test_a_truncated_xls_and_a_word_doc_say_so(tmp_path):
    whole = write_xls(tmp_path / "whole.xls", [ROSTER_HEADER, *roster_rows(300)]).read_bytes()
    for cut in (600, len(whole) // 2, len(whole) - 700):
        path = tmp_path / "断的.xls"
        path.write_bytes(whole[:cut])
        refused(path, "旧版 Excel 文件（.xls）", "已损坏或不完整", "另存为 .xlsx")
    doc = write_compound_file(tmp_path / "名册.xls", {"WordDocument": b"\xec\xa5" + bytes(5000), "1Table": bytes(4096)})
    refused(doc, "不是 Excel 工作簿", "Word 文档（.doc）")


def test_an_office_file_that_is_no_workbook_or_a_broken_workbook_stream(tmp_path):
    refused(write_compound_file(tmp_path / "a.xls", {"PowerPoint Document": bytes(4096)}), "PowerPoint 演示文稿")
    refused(write_compound_file(tmp_path / "b.xls", {"Contents": bytes(4096)}), "不是 Excel 工作簿")
    refused(write_compound_file(tmp_path / "c.xls", {"Workbook": b"\x09\x08\x10\x00" + bytes(4100)}),
            "已损坏或不完整")
    refused(write_compound_file(tmp_path / "d.xls", {"Book": bytes(4096)}), "Excel 5.0/95")
    refused(write_compound_file(tmp_path / "e.et", {"Contents": bytes(4096)}), "WPS 表格文件（.et）", "在 WPS 中打开，另存为 .xlsx")


def write_compound_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A Compound File (V3, 512-byte sectors) holding `streams`, each 4,096 bytes or more (so none
    lives in the mini stream): sector 0 the allocation table, 1 the directory, then the streams."""
    assert len(streams) <= 3 and all(len(data) >= 4096 for data in streams.values())
    fat, body, entries, sector = [0xFFFFFFFD, 0xFFFFFFFE], b"", [], 2
    for name, data in streams.items():
        count = -(-len(data) // 512)
        fat += [sector + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
        right = len(entries) + 2 if len(entries) + 1 < len(streams) else None  # the next entry, a plain chain
        entries.append(_entry(name, 2, sector, len(data), right=right))
        body += data.ljust(count * 512, b"\0")
        sector += count
    header = (guard.OLE_MAGIC + bytes(16) + struct.pack("<HHHHH6xIIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096,
                                                          0xFFFFFFFE, 0, 0xFFFFFFFE, 0, 0)
              + struct.pack("<108I", *[0xFFFFFFFF] * 108))
    directory = b"".join([_entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1), *entries]).ljust(512, b"\0")
    fat_sector = struct.pack(f"<{len(fat)}I", *fat) + b"\xff" * (512 - 4 * len(fat))
    path.write_bytes(header + fat_sector + directory + body)
    return path


def _entry(name: str, kind: int, start: int, size: int, child: int | None = None, right: int | None = None) -> bytes:
    raw = (name + "\0").encode("utf-16-le")
    none = 0xFFFFFFFF
    return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, none, none if right is None else right,
                                                none if child is None else child)
            + bytes(16 + 4 + 16) + struct.pack("<IQ", start, size))


def test_an_encrypted_xls_is_called_so(tmp_path):
    """An .xls saved with a password carries FILEPASS in its globals (made here from a plain one)."""
    data = write_xls(tmp_path / "plain.xls", [ROSTER_HEADER, *roster_rows(2)]).read_bytes()
    codepage = b"\x42\x00\x02\x00\xb0\x04"  # CODEPAGE 1200, two bytes long: now FILEPASS, as long
    assert data.count(codepage) == 1
    path = tmp_path / "加密.xls"
    path.write_bytes(data.replace(codepage, b"\x2f\x00\x02\x00\x00\x00"))
    refused(path, "加密的工作簿", "去掉密码")


def test_an_xls_too_big_for_memory_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """Two cells, A1 and IV65536: calamine would hold 16,777,216 cells (about 1 GB)."""
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    sheet.write(0, 0, "房号")
    sheet.write(65535, 255, "x")
    path = tmp_path / "远.xls"
    book.save(str(path))
    assert path.stat().st_size < 20_000
    refused(path, "16,777,216 个单元格", "上限")
    small = write_xls(tmp_path / "大.xls", [ROSTER_HEADER, *roster_rows(50)])
    monkeypatch.setattr(guard, "MAX_OLD_FILE", small.stat().st_size - 1)
    refused(small, "超过旧版 .xls 的导入上限")


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_import_dialog_offers_xls_xlsb_and_wps_files_and_previews_an_xls(qtbot, db, monkeypatch, tmp_path):
    from gui import file_dialogs
    from gui.dialogs.roster_import import RosterImportDialog

    path = write_xls(tmp_path / "名册.xls", ROSTER, ("A1:G1",))
    asked: list[str] = []

    def choose(_parent: object, _caption: str, _directory: str, filter: str) -> tuple[str, str]:
        asked.append(filter)
        return str(path), filter

    monkeypatch.setattr(file_dialogs, "get_open_file_name", choose)
    dialog = RosterImportDialog(db, projects.add_project(db, "CHY", "翠湖园").id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.choose_button.click()
    assert asked == ["Excel 工作簿 (*.xlsx *.xlsm *.xls *.xlsb *.et);;所有文件 (*)"]
    assert dialog.import_button.isEnabled()


def test_every_importer_reads_an_xls_under_a_memory_limit(desk, tmp_path):
    """The four importers, each in a process limited to 1.5 GB of address space: a good .xls is read
    by all (one row each), and the 2-cell .xls that would cost 1 GB
    is refused by all before calamine sees it."""
    good = write_xls(tmp_path / "四表.xls", [HEADER, data_row(1)])
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    for c, text in enumerate(HEADER):
        sheet.write(0, c, text)
    for c, value in enumerate(data_row(2)):
        if value is not None:
            sheet.write(1, c, value)
    sheet.write(65535, 255, "远处")
    far = tmp_path / "远.xls"
    book.save(str(far))
    for importer, answer in run_all(desk, good).items():
        assert not answer["refused"] and answer["rows"] == 1, (importer, answer)
    refused_by_all(run_all(desk, far), "远.xls", "16,777,216 个单元格")


# ---- .xlsb ------------------------------------------------------------------------------------------
# Neither LibreOffice nor any library here writes .xlsb, so one is built record by record ([MS-XLSB]):
# workbook.bin names the sheets and the active tab, each sheet part holds rows, cells and merges.

def _record(kind: int, body: bytes = b"") -> bytes:
    head = bytearray()
    for number in (kind, len(body)):
        while True:
            byte, number = number & 0x7F, number >> 7
            head.append(byte | (0x80 if number else 0))
            if not number:
                break
    return bytes(head) + body


def _wide(text: str) -> bytes:
    raw = text.encode("utf-16-le")
    return struct.pack("<I", len(raw) // 2) + raw


def _sheet_part(rows: list[tuple], merges: tuple[str, ...] = ()) -> bytes:
    width = max(len(r) for r in rows)
    body = _record(0x81) + _record(0x94, struct.pack("<IIII", 0, len(rows) - 1, 0, width - 1)) + _record(0x91)
    for r, row in enumerate(rows):
        body += _record(0x00, struct.pack("<IIHBBBI", r, 0, 300, 0, 0, 0, 0))
        for c, value in enumerate(row):
            cell = struct.pack("<II", c, 0)
            if value is None:
                continue
            if isinstance(value, str) and value.startswith("#"):
                body += _record(0x03, cell + bytes([0x07]))  # BrtCellError #DIV/0!
            elif isinstance(value, str):
                body += _record(0x06, cell + _wide(value))
            else:
                body += _record(0x05, cell + struct.pack("<d", value))
    body += _record(0x92)
    if merges:
        body += _record(0xB1, struct.pack("<I", len(merges)))
        for ref in merges:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
            body += _record(0xB0, struct.pack("<IIII", min_row - 1, max_row - 1, min_col - 1, max_col - 1))
        body += _record(0xB2)
    return body + _record(0x82)


def write_xlsb(path: Path, sheets: dict[str, bytes], active: int = 0) -> Path:
    rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/worksheet" Target="worksheets/sheet{i}.bin"/>' for i in range(1, len(sheets) + 1))
    book = _record(0x83) + _record(0x9E, struct.pack("<iiIIIIIB", 0, 0, 9000, 6000, 600, 0, active, 0)) + _record(0x8F)
    for i, name in enumerate(sheets, start=1):
        book += _record(0x9C, struct.pack("<II", 0, i) + _wide(f"rId{i}") + _wide(name))
    book += _record(0x90) + _record(0x84)
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                         'openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="'
                         'application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>')
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="http://'
                         'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                         'Target="xl/workbook.bin"/></Relationships>')
        archive.writestr("xl/_rels/workbook.bin.rels", f'<Relationships xmlns="{package}">{rels}</Relationships>')
        archive.writestr("xl/workbook.bin", book)
        for i, part in enumerate(sheets.values(), start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.bin", part)
    return path


XLSB_ROWS = [("翠湖园业主名册", None, None, None), ROSTER_HEADER[:4],
             ("0101", "  林小满 ", "13800000001", 89.5), ("0102", "周一鸣", "13800000002", 100),
             ("0103", "吴晓", "13800000003", "#DIV/0!"), ("合计", None, None, 189.5)]


def test_an_xlsb_reads_as_its_xlsx(tmp_path):
    """Values, the merged title, the error cell (calamine gives it as ""), the active sheet first."""
    path = write_xlsb(tmp_path / "名册.xlsb", {"封面": _sheet_part([("说明",)]),
                                             "名册": _sheet_part(XLSB_ROWS, ("A1:D1",))}, active=1)
    xlsx = write_sheet(tmp_path / "名册.xlsx", XLSB_ROWS, ["A1:D1"])
    assert streamed(path) == streamed(xlsx)
    book = workbook.open_workbook(path)
    assert [ws.title for ws in workbook.data_sheets(book)] == ["名册", "封面"]
    assert workbook.sheet_merges(path, book.active) == [workbook.Merge(1, 1, 1, 4)]
    book.close()
    alone = write_xlsb(tmp_path / "只有名册.xlsb", {"名册": _sheet_part(XLSB_ROWS, ("A1:D1",))})
    assert seen(preview_roster(alone)) == seen(preview_roster(xlsx))
    assert "#DIV/0!" in str(preview_roster(alone).problems[0])
    renamed = tmp_path / "改了名.xlsx"  # calamine picks its reader by suffix: handed over as bytes instead
    shutil.copy(path, renamed)
    assert streamed(renamed) == streamed(path)


def test_an_xlsb_too_big_or_broken_is_a_message(tmp_path):
    far = _sheet_part([("房号",)])[:-len(_record(0x92) + _record(0x82))]
    far += (_record(0x00, struct.pack("<IIHBBBI", 1_048_575, 0, 300, 0, 0, 0, 0))
            + _record(0x05, struct.pack("<IId", 16_383, 0, 1.0)) + _record(0x92) + _record(0x82))
    refused(write_xlsb(tmp_path / "远.xlsb", {"名册": far}), "17,179,869,184 个单元格", ".xlsb 上限")
    whole = _sheet_part(XLSB_ROWS)
    refused(write_xlsb(tmp_path / "断.xlsb", {"名册": whole[:len(whole) // 2]}), "Excel 二进制工作簿（.xlsb）",
            "已损坏或不完整")


def test_the_biff_scan_reads_runs_embedded_charts_and_error_results():
    """Excel writes a run of numbers as one MULRK record and puts a chart's own BOF…EOF inside a
    sheet; the scan's box covers the run's last column, and a chart's cells are not the sheet's."""
    from models.imports import biff

    def record(kind: int, body: bytes) -> bytes:
        return struct.pack("<HH", kind, len(body)) + body

    bof = lambda kind: record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0, 0, 0, 0))  # noqa: E731
    eof = record(0x000A, b"")
    name = "名册".encode("utf-16-le")
    globals_size = len(bof(5)) + 4 + 8 + len(name) + len(eof)
    sheet = (bof(0x10)
             + record(0x00BD, struct.pack("<HH", 3, 2) + struct.pack("<HI", 15, 2) * 3 + struct.pack("<H", 4))
             + record(0x0006, struct.pack("<HHH", 5, 1, 15) + bytes([2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF]) + bytes(6))
             + bof(0x20) + record(0x0203, struct.pack("<HHHd", 900, 200, 15, 1.0)) + eof
             + eof)
    stream = (bof(5) + record(0x0085, struct.pack("<IBBBB", globals_size, 0, 0, 2, 1) + name) + eof + sheet
              + bytes(64))  # padding after the last substream, as in a real Workbook stream
    book = biff.scan(stream)
    found = book.sheets[0]
    assert (found.name, found.first_row, found.last_row, found.first_col, found.last_col) == ("名册", 3, 5, 1, 4)
    assert found.errors == {(5, 1): "#N/A"} and found.cells == 12
    with pytest.raises(biff.BiffError):
        biff.scan(stream[:globals_size + 10])
