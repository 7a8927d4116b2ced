"""A web page saved as .xls — the HTML <table> a property system's "导出Excel" writes — imports as the
same sheet built as .xlsx: GBK pages, colspan/rowspan merges, <br> in cells, "0101" kept as text,
amounts with thousands separators; two tables are two sheets; a page too big or in an encoding
that reads as nothing is refused with a message naming the file. Made-up people only.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from xlsx_builder import LEDGER_HEADER, ROSTER_HEADER, roster_rows, write_sheet

from models.errors import ValidationError
from models.imports import guard, html_book, workbook
from models.imports.ledger import preview_ledger
from models.imports.roster import import_roster_file, preview_roster
from models.people import Owner, UnitOwnership
from models.project import Building, Unit
from models.services import projects

PAGE = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n'
        '<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n<title>{title}</title>\n'
        '<style>\n.txt {{ mso-number-format:"\\@"; }}\n.amt {{ mso-number-format:"\\#\\,\\#\\#0\\.00"; }}\n</style>\n'
        '</head>\n<body>\n{tables}\n</body>\n</html>\n')

# The roster as the property system writes it: a title over the sheet, a two-row header (业主信息 over
# 业主姓名 | 联系电话; 楼栋, 单元, 房号 and 建筑面积 down both rows), a 合计 row and a 制表人 row.
ROSTER_TABLE = """<table border="1" cellspacing="0">
 <tr><td colspan="6" align="center" style="font-size:16pt">翠湖园业主名册（2026年6月）</td></tr>
 <tr>
  <th rowspan="2">楼栋</th><th rowspan="2">单元</th><th rowspan="2">房号</th>
  <th colspan="2">业主信息</th><th rowspan="2">建筑<br>面积</th>
 </tr>
 <tr><th>业主姓名</th><th>联系电话</th></tr>
 <tr><td>1栋</td><td>1单元</td><td class="txt" x:str>0101</td><td>林小满</td>
     <td class="txt">13800000001</td><td class="amt" x:num="89.5">89.50</td></tr>
 <tr><td>1栋</td><td>1单元</td><td class="txt" x:str>0102</td><td>
      周一鸣
     </td><td class="txt">13800000002</td><td class="amt" x:num="1100">1,100.00</td></tr>
 <tr><td>2栋</td><td>1单元</td><td class="txt" x:str>0101</td><td>吴晓</td>
     <td class="txt">13800000003</td><td class="amt" x:num="120.25">120.25</td></tr>
 <tr><td colspan="5">合计</td><td class="amt" x:num="1309.75">1,309.75</td></tr>
 <tr><td colspan="6">制表人：陈默</td></tr>
</table>"""

# The same sheet as an .xlsx: the texts the page shows, in the cells and merges the page lays out.
ROSTER_ROWS = [("翠湖园业主名册（2026年6月）",),
               ("楼栋", "单元", "房号", "业主信息", None, "建筑\n面积"),
               (None, None, None, "业主姓名", "联系电话"),
               ("1栋", "1单元", "0101", "林小满", "13800000001", "89.50"),
               ("1栋", "1单元", "0102", "周一鸣", "13800000002", "1,100.00"),
               ("2栋", "1单元", "0101", "吴晓", "13800000003", "120.25"),
               ("合计", None, None, None, None, "1,309.75"),
               ("制表人：陈默",)]
ROSTER_MERGES = ("A1:F1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "A7:E7", "A8:F8")


def page(path: Path, *tables: str, charset: str = "gbk", title: str = "导出数据", encoding: str = "gbk") -> Path:
    path.write_bytes(PAGE.format(charset=charset, title=title, tables="\n<br>\n".join(tables)).encode(encoding))
    return path


def html_table(rows: list[tuple[Any, ...]]) -> str:
    body = "\n".join("<tr>" + "".join(f"<td>{'' if v is None else v}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table border=1>\n{body}\n</table>"


def streamed(path: Path) -> list[tuple[str, list[tuple[int, tuple[Any, ...]]], list[workbook.Merge]]]:
    """Each data sheet (active first): its title, rows and merges."""
    book = workbook.open_workbook(path)
    try:
        return [(ws.title, list(workbook.stream_rows(book, ws, path.name)), workbook.sheet_merges(path, ws))
                for ws in workbook.data_sheets(book)]
    finally:
        book.close()


def seen(preview: Any) -> tuple:
    """What a preview says, file names aside: header, rows, problems, skipped rows, notes."""
    name = preview.path.name
    return (dict(preview.header.recognised), preview.header.first_row, preview.rows,
            [str(p).replace(name, "·") for p in preview.problems],
            [(list(s.rows), s.reason, s.detail) for s in preview.skipped],
            preview.above, [n.replace(name, "·") for n in preview.notes])


def refused(path: Path, *words: str) -> str:
    with pytest.raises(ValidationError) as caught:
        preview_roster(path)
    message = str(caught.value)
    assert path.name in message and all(w in message for w in words), message
    assert "Traceback" not in message
    return message


def units_of(db, code: str) -> list[tuple[str, str, str, str, str]]:
    """(building, 单元, number, owner, mobile) of each unit of the project, sorted."""
    project_id = projects.project_by_code(db, code).id
    with db.read() as s:
        rows = s.execute(select(Building.name, Unit.entrance, Unit.number, Owner.name, Owner.mobile)
                         .join(Building, Unit.building_id == Building.id)
                         .join(UnitOwnership, UnitOwnership.unit_id == Unit.id)
                         .join(Owner, UnitOwnership.owner_id == Owner.id)
                         .where(Unit.project_id == project_id))
        return sorted(tuple(r) for r in rows)


# ---- the roster: a GBK page reads as its .xlsx --------------------------------------------------

def test_a_gbk_roster_page_streams_as_its_xlsx(tmp_path):
    html = page(tmp_path / "业主名册.xls", ROSTER_TABLE, title="业主名册")
    assert b"\xb4\xe4\xba\xfe\xd4\xb0" in html.read_bytes()  # 翠湖园 in GBK: the page is not UTF-8
    xlsx = write_sheet(tmp_path / "业主名册.xlsx", ROSTER_ROWS, ROSTER_MERGES, title="业主名册")
    [(title, rows, merges)] = streamed(html)
    assert [(title, rows, sorted(merges, key=astuple))] == [
        (t, r, sorted(m, key=astuple)) for t, r, m in streamed(xlsx)]
    assert title == "业主名册"  # the page's <title> names its one table
    values = dict(rows)
    assert values[4][2] == "0101" and values[5][3] == "周一鸣"  # text as written; source whitespace stripped
    assert values[5][5] == "1,100.00" and values[2][5] == "建筑\n面积"  # not converted; <br> a line break


def astuple(merge: workbook.Merge) -> tuple[int, int, int, int]:
    return merge.min_row, merge.min_col, merge.max_row, merge.max_col


def test_a_gbk_roster_page_imports_as_its_xlsx(db, tmp_path):
    projects.add_project(db, "AAA", "翠湖园")
    projects.add_project(db, "BBB", "翠湖园二期")
    html = page(tmp_path / "业主名册.xls", ROSTER_TABLE, title="业主名册")
    xlsx = write_sheet(tmp_path / "业主名册.xlsx", ROSTER_ROWS, ROSTER_MERGES, title="业主名册")
    from_html, from_xlsx = preview_roster(html), preview_roster(xlsx)
    assert seen(from_html) == seen(from_xlsx)
    assert from_html.ok, [str(p) for p in from_html.problems]
    assert [r.number for r in from_html.rows] == ["1栋1单元0101", "1栋1单元0102", "2栋1单元0101"]
    assert [(s.reason, list(s.rows)) for s in from_html.skipped] == [("合计行", [7]), ("签字栏", [8])]
    report_html, report_xlsx = import_roster_file(db, "AAA", html), import_roster_file(db, "BBB", xlsx)
    assert report_html.created_units == report_xlsx.created_units == 3
    assert report_html.sheet_notes == report_xlsx.sheet_notes
    assert units_of(db, "AAA") == units_of(db, "BBB")
    assert units_of(db, "AAA") == [("1栋", "1", "1栋1单元0101", "林小满", "13800000001"),
                                   ("1栋", "1", "1栋1单元0102", "周一鸣", "13800000002"),
                                   ("2栋", "1", "2栋1单元0101", "吴晓", "13800000003")]


# ---- the ledger: amounts with thousands separators, dates as text ------------------------------------

def test_a_ledger_page_previews_its_totals(db, tmp_path):
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业", "本物业", dt.date(2026, 6, 30))
    import_roster_file(db, "CHY", write_sheet(tmp_path / "roster.xlsx", [ROSTER_HEADER, *roster_rows(3)]))
    rows = [("1栋1单元101", "业主1", "物业服务费", "2025-07-01", "1,234.50", "1,000.00", "234.50"),
            ("1栋1单元102", "业主2", "物业服务费", "2025-07-01", "1,234.50", "1,234.50", "0.00"),
            ("1栋1单元103", "业主3", "物业服务费", "2025-07-01", "2,000.00", "0", "2,000.00")]
    table = html_table([("原物业收费台账（2025年7月）",), LEDGER_HEADER, *rows,
                        ("合计", None, None, None, "4,469.00", "2,234.50", "2,234.50")])
    table = table.replace("<td>原物业", '<td colspan="7">原物业', 1)
    html = page(tmp_path / "收费明细.xls", table, charset="utf-8", encoding="utf-8")
    xlsx = write_sheet(tmp_path / "收费明细.xlsx", [("原物业收费台账（2025年7月）",), LEDGER_HEADER, *rows,
                                                   ("合计", None, None, None, "4,469.00", "2,234.50", "2,234.50")],
                       ("A1:G1",))
    preview = preview_ledger(db, handover.id, html)
    assert seen(preview) == seen(preview_ledger(db, handover.id, xlsx))
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.totals.billed == Decimal("4469.00") and preview.totals.paid == Decimal("2234.50")
    assert preview.totals.arrears == Decimal("2234.50") and preview.totals.lines == 3
    assert {(r.period_start, r.period_end) for r in preview.rows} == {(dt.date(2025, 7, 1), dt.date(2025, 7, 31))}


# ---- two tables, nested tables, spans past the end ----------------------------------------------------

def test_two_tables_are_two_sheets_and_the_second_is_listed(tmp_path):
    roster = html_table([ROSTER_HEADER, *roster_rows(2)])
    notes = html_table([("说明",), ("本表由收费系统导出",)])
    path = page(tmp_path / "导出.xls", roster, notes, charset="gb2312")
    sheets = streamed(path)
    assert [(t, len(r)) for t, r, _ in sheets] == [("表1", 3), ("表2", 2)]
    assert sheets[1][1] == [(1, ("说明",)), (2, ("本表由收费系统导出",))]
    preview = preview_roster(path)
    assert len(preview.rows) == 2 and preview.ok
    assert [(s.name, s.rows, s.taken) for s in preview.header.sheets] == [("表1", 3, True), ("表2", 2, False)]


def test_a_nested_table_is_text_of_its_cell_and_spans_lay_out_as_a_browser_does(tmp_path):
    table = """<table>
<tr><td rowspan="9">1栋</td><td>101</td><td>林小满<table><tr><td>备注</td><td>甲</td></tr><tr><td>乙</td></tr></table></td></tr>
<tr><td colspan="0">102</td><td>周一鸣</td></tr>
<tr><td>103</td><td>&nbsp;</td><td><script>var x = 1;</script></td></tr>
</table>"""
    [(title, rows, merges)] = streamed(page(tmp_path / "嵌套.xls", table, title=" 名册 / 导出 ", charset="utf-8",
                                            encoding="utf-8"))
    assert title == "名册   导出"  # the <title>, without the characters a sheet name cannot hold
    assert rows == [(1, ("1栋", "101", "林小满\n备注 甲\n乙")), (2, (None, "102", "周一鸣")), (3, (None, "103"))]
    assert merges == [workbook.Merge(1, 1, 3, 1)]  # the rowspan ends with the table


def test_a_utf16_page_and_an_undeclared_gb18030_page_read(tmp_path):
    text = PAGE.format(charset="utf-8", title="名册", tables=html_table([ROSTER_HEADER, *roster_rows(1)]))
    utf16 = tmp_path / "utf16.xls"
    utf16.write_text(text, encoding="utf-16")
    plain = tmp_path / "gb.xls"
    plain.write_bytes(html_table([ROSTER_HEADER, *roster_rows(1)]).encode("gb18030"))
    for path in (utf16, plain):
        [(_, rows, _)] = streamed(path)
        assert rows == [(1, ROSTER_HEADER), (2, roster_rows(1)[0][:3] + ("89.5", "住宅", "已入住"))]


# ---- refused: too big, unknown encoding, no table, still-refused kinds -------------------------------

def test_a_page_over_the_xls_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "大表.xls"
    with path.open("wb") as stream:
        stream.write(b"<html><body><table>" + b" " * 9000)
        stream.truncate(guard.MAX_OLD_FILE + 1)  # sparse: the guard reads its size, not its bytes
    refused(path, "网页表格（HTML）", "超过导入上限", "128.0 MB")


def test_a_page_with_too_many_cells_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    row = "<tr>" + "<td>1" * 250 + "\n"
    path = tmp_path / "多格.xls"
    path.write_text("<html><body><table>\n" + row * (html_book.MAX_CELLS // 250 + 1) + "</table></body></html>",
                    encoding="utf-8")
    parsed = []
    monkeypatch.setattr(html_book._Reader, "read", lambda *args: parsed.append(args) or [])
    message = refused(path, "网页表格（HTML）", "4,000,250 个单元格", "上限 4,000,000")
    assert not parsed and "拆分" in message


def test_a_page_in_an_unknown_encoding_is_refused_with_a_message(tmp_path):
    path = tmp_path / "乱码.xls"
    path.write_bytes(b'<html><head><meta charset="x-unknown-cp"></head><body><table><tr><td>'
                     + b" " * 9000 + b"\xff\xfe\x80\xff</td></tr></table></body></html>")
    refused(path, "网页表格（HTML）", "文字编码无法识别", "x-unknown-cp", "UTF-8", "GBK/GB18030", "另存为 .xlsx")


def test_a_page_without_a_table_and_the_kinds_still_refused(tmp_path):
    empty = tmp_path / "空页.xls"
    empty.write_text("<html><head><title>导出</title></head><body><p>没有数据</p></body></html>", encoding="utf-8")
    refused(empty, "没有表格")
    xml = tmp_path / "名册.xls"
    xml.write_text('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
                   '<Worksheet ss:Name="名册"><Table><Row><Cell><Data ss:Type="String">房号</Data></Cell></Row>'
                   '</Table></Worksheet></Workbook>', encoding="utf-8")
    refused(xml, "XML 电子表格（Excel 2003 XML 格式）", "另存为 .xlsx")
    mht = tmp_path / "名册2.xls"
    mht.write_text('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n--b\n'
                   "Content-Type: text/html\n\n<html><table><tr><td>房号</td></tr></table></html>", encoding="utf-8")
    refused(mht, "单个文件网页（.mht，网页表格）", "另存为 .xlsx")


def test_a_cell_past_the_last_column_is_refused_on_its_row(tmp_path):
    path = page(tmp_path / "宽表.xls", html_table([ROSTER_HEADER, roster_rows(1)[0] + (None,) * 300 + ("多余",)]),
                charset="utf-8", encoding="utf-8")
    book = workbook.open_workbook(path)
    with pytest.raises(ValidationError) as caught:
        list(workbook.stream_rows(book, book.active, path.name))
    assert "宽表.xls" in str(caught.value) and "第 2 行在第 256 列之后还有内容" in str(caught.value)


def test_a_caption_and_cells_without_a_row_tag_are_rows_as_a_browser_shows_them(tmp_path):
    path = page(tmp_path / "无行.xls", "<table><caption> 业主名册 </caption><td>房号<td>业主姓名<tr><td>0101<td>林小满"
                "</table>", charset="utf-8", encoding="utf-8")
    assert streamed(path) == [("导出数据", [(1, ("业主名册",)), (2, ("房号", "业主姓名")), (3, ("0101", "林小满"))], [])]


# ---- hostile pages ---------------------------------------------------------------------------------

def test_entities_are_not_expanded_and_nothing_is_fetched(tmp_path):
    """A DTD, a stylesheet and a picture on a local server the page names: libxml2 (in C, past any
    Python hook) must not connect to it; the declared entity stays the text written."""
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        server.setblocking(False)
        url = f"http://127.0.0.1:{server.getsockname()[1]}"
        path = tmp_path / "实体.xls"
        path.write_text(f'<!DOCTYPE html SYSTEM "{url}/x.dtd" [<!ENTITY a "aaaaaaaaaa">]>'
                        f'<html><head><link rel="stylesheet" href="{url}/a.css"></head><body><table>'
                        f'<tr><td>&a;&a;</td><td><img src="{url}/a.png">乙</td></tr></table></body></html>',
                        encoding="utf-8")
        assert streamed(path) == [("表1", [(1, ("&a;&a;", "乙"))], [])]
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody knocked


def test_tags_nested_too_deep_or_too_many_in_a_row_are_refused_not_cut_short(tmp_path):
    deep = tmp_path / "深.xls"
    deep.write_text("<table><tr><td>0101</td></tr><tr><td>" + "<b>" * 300 + "林小满" + "</b>" * 300
                    + "</td></tr><tr><td>0103</td></tr></table>", encoding="utf-8")
    refused(deep, "网页表格第 2 行附近结构异常（标签嵌套过深或已损坏）", "另存为 .xlsx")
    many = tmp_path / "多.xls"
    many.write_text("<table><tr><td>0101</td></tr><tr><td>" + "<b></b>" * (html_book.MAX_ELEMENTS_PER_ROW + 1)
                    + "</td></tr></table>", encoding="utf-8")
    refused(many, "网页表格第 2 行附近结构异常（元素过多）")
