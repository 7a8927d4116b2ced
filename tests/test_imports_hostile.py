"""Hostile files cannot hurt: each made here (small, no fixture over 2 MB) and fed to every importer.

Each file is previewed by the four importers in a process of its own, under an address-space limit
(RLIMIT_AS) and a timeout, so a hang or a bomb fails the test instead of the machine. The bound is a
guard against hanging, not a timing assertion. Every importer must answer with a message: the file
refused with one naming it, or a message on the row and field — never a traceback.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from xlsx_builder import deflate_repeated, encrypted_workbook, raw_xlsx, sheet_xml

from models.db import Database
from models.imports import workbook
from models.project import Unit
from models.services import projects

ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).with_name("import_worker.py")
MEMORY = 1536 << 20  # address space of the worker: the interpreter and its libraries need about 600 MB
TIMEOUT = 240  # a hang guard, generous for a loaded test machine; nothing here takes a tenth of it
MAX_FIXTURE = 2 << 20
# One header every importer recognises: 房号/业主姓名/建筑面积 (名册), 名称/数量 (清单),
# 房号/名称/数量 (钥匙), 房号/收费项目/所属期/应收/实收 (台账).
HEADER = ("房号", "业主姓名", "建筑面积", "名称", "数量", "收费项目", "所属期", "应收金额", "实收金额")
NUMERIC = {"roster": "建筑面积", "checklist": "数量", "keys": "数量", "ledger": "应收金额"}


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> tuple[Path, int, int]:
    """A database with one project, its unit 1栋1单元101 and a handover: (file, project, handover)."""
    from tests.conftest import TEST_USER

    path = tmp_path_factory.mktemp("hostile") / "desk.sqlite"
    db = Database.open(str(path))
    db.user = TEST_USER
    project = projects.add_project(db, "CHY", "翠湖园")
    with db.begin() as s:
        s.add(Unit(project_id=project.id, number="1栋1单元101", use="住宅"))
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业", "安居物业", dt.date(2026, 6, 30))
    db.dispose()
    return path, project.id, handover.id


def run_all(desk: tuple[Path, int, int], xlsx: Path) -> dict[str, dict]:
    """Every importer's answer to `xlsx`, each within the memory and time bound."""
    assert xlsx.stat().st_size <= MAX_FIXTURE
    db_path, project_id, handover_id = desk
    done = subprocess.run([sys.executable, str(WORKER), str(db_path), str(project_id), str(handover_id), str(xlsx),
                           str(MEMORY)], capture_output=True, text=True, check=False, timeout=TIMEOUT, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    answers = {}
    for line in done.stdout.splitlines():
        answer = json.loads(line)
        answers[answer.pop("importer")] = answer
    assert set(answers) == {"roster", "checklist", "keys", "ledger"}, done.stderr[-2000:]
    bugs = {k: a["bug"] for k, a in answers.items() if "bug" in a}
    assert not bugs, bugs
    return answers


def refused_by_all(answers: dict[str, dict], *words: str) -> None:
    for importer, answer in answers.items():
        assert answer["refused"], (importer, answer)
        assert all(w in answer["refused"] for w in words), (importer, answer["refused"])


def data_row(value: object, period: str = "2025年07月") -> tuple:
    return ("1栋1单元101", "张三", value, "入户门", value, "物业服务费", period, value, 0)


# ---- files that would hang a reader or exhaust memory --------------------------------------------

def test_text_nodes_that_made_the_merge_scan_quadratic(desk, tmp_path):
    """1 MB: a text node of 200 MB with no '<' in it; the old scanner copied its growing tail each MB."""
    head, tail = sheet_xml([HEADER, data_row(1)]).split("</sheetData>")
    text = deflate_repeated(b"a" * (1 << 20), 200, (head + "</sheetData><x>").encode(), ("</x>" + tail).encode())
    path = raw_xlsx(tmp_path / "quadratic.xlsx", "", replace={}, raw={"xl/worksheets/sheet1.xml": text})
    refused_by_all(run_all(desk, path), "quadratic.xlsx", "压缩比异常")


def test_the_merge_scan_is_linear_whatever_the_text():
    """The scanner itself, streamed: a '<' and then 1 GB of text (the old one kept and copied an ever
    longer tail: gigabytes, time quadratic in the size), and 256 MB of unfinished "<mergeCell " tags
    (the old pattern scanned to the end of the chunk from each of them)."""
    code = ("from models.imports import workbook as w\n"
            "class Stream:\n"
            "    def __init__(self, first, piece, size): self.first, self.piece, self.left = first, piece, size\n"
            "    def read(self, n):\n"
            "        if self.left <= 0: return b''\n"
            "        self.left -= len(self.piece)\n"
            "        out, self.first = self.first + self.piece, b''\n"
            "        return out\n"
            "assert w._scan_refs(Stream(b'<x>', b'a' * (1 << 20), 1 << 30)) == []\n"
            "assert w._scan_refs(Stream(b'', b'<mergeCell ' * 95325, 1 << 28)) == []\n"
            "print('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=TIMEOUT, cwd=ROOT,
                          preexec_fn=_limit_memory)
    assert done.stdout.strip() == "ok", done.stderr[-1000:]


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def test_a_shared_strings_bomb(desk, tmp_path):
    """1.3 MB that inflates to 500 MB of shared strings: openpyxl would read 30 million of them into memory."""
    head = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    bomb = deflate_repeated(b"<si><t>a</t></si>" * 60_000, 500, head, b"</sst>")
    path = raw_xlsx(tmp_path / "bomb.xlsx", sheet_xml([HEADER, data_row(1)]), raw={"xl/sharedStrings.xml": bomb})
    refused_by_all(run_all(desk, path), "bomb.xlsx", "xl/sharedStrings.xml", "超过导入上限")


def test_a_billion_rows_between_two(desk, tmp_path):
    """A row numbered 1,000,000,000 after row 2: a reader that fills the gap never finishes."""
    sheet = sheet_xml([HEADER, data_row(1)]).replace(
        "</sheetData>", '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>')
    refused_by_all(run_all(desk, raw_xlsx(tmp_path / "gap.xlsx", sheet)), "gap.xlsx", "行号", "1000000000")


# ---- DTDs and entities in any part ---------------------------------------------------------------

XXE = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
LAUGHS = ('<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                  "[Content_Types].xml", "_rels/.rels"])
@pytest.mark.parametrize("dtd", [XXE, LAUGHS], ids=["xxe", "laughs"])
def test_a_dtd_in_any_part_is_refused(desk, tmp_path, part, dtd):
    strings = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>'
    path = raw_xlsx(tmp_path / "dtd.xlsx", sheet_xml([HEADER, data_row(1)]), strings=strings)
    import zipfile

    with zipfile.ZipFile(path) as archive:
        text = archive.read(part).decode()
    patched = text.replace("?>", "?>" + dtd, 1)
    path = raw_xlsx(tmp_path / "dtd.xlsx", sheet_xml([HEADER, data_row(1)]), strings=strings, replace={part: patched})
    refused_by_all(run_all(desk, path), "dtd.xlsx", part, "DTD")


def test_a_part_in_utf16_is_refused(desk, tmp_path):
    """A DTD written in UTF-16 would slip past a scan for ASCII bytes: such a part is refused outright."""
    sheet = sheet_xml([HEADER, data_row(1)]).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = raw_xlsx(tmp_path / "wide.xlsx", b"\xff\xfe" + sheet.encode("utf-16-le"))
    refused_by_all(run_all(desk, path), "wide.xlsx", "编码")


# ---- encrypted, old and broken files -------------------------------------------------------------

def test_an_encrypted_workbook_is_called_so(desk, tmp_path):
    refused_by_all(run_all(desk, encrypted_workbook(tmp_path / "加密.xlsx")),
                   "文件“加密.xlsx”是加密的工作簿：请在 Excel 中去掉密码后另存再导入")


def test_an_old_xls_is_called_so(desk, tmp_path):
    path = tmp_path / "旧表.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    refused_by_all(run_all(desk, path), "旧表.xls", "旧版 Excel 文件（.xls）", "另存为 .xlsx")


def test_a_broken_sheet_is_a_message(desk, tmp_path):
    sheet = sheet_xml([HEADER, data_row(1)]).replace("</sheetData>", "<row><c><v>1</sheetData>")
    refused_by_all(run_all(desk, raw_xlsx(tmp_path / "broken.xlsx", sheet)), "broken.xlsx", "已损坏")


# ---- hostile values: a message on the row and the field --------------------------------------------

VALUES = {
    "1e308": 1e308,
    "1e20": 1e20,
    "13800138000": 13800138000,
    "NaN": ("raw", '<c r="{ref}"><v>NaN</v></c>'),
    "INF": ("raw", '<c r="{ref}"><v>INF</v></c>'),
    "-INF": ("raw", '<c r="{ref}"><v>-1e999</v></c>'),
    "huge integer": ("raw", '<c r="{ref}"><v>' + "9" * 5000 + "</v></c>"),
    "bad shared string": ("raw", '<c r="{ref}" t="s"><v>99</v></c>'),
    "error value": ("raw", '<c r="{ref}" t="e"><v>#DIV/0!</v></c>'),
    "formula without value": ("raw", '<c r="{ref}"><f>SUM(A1:A9)</f></c>'),
    "1o00": "1o00",
    "abc": "abc",
    "full-width": "１２",
    "2,000 characters": "8" * 2000,
}
COLUMNS = {"roster": "C", "checklist": "E", "keys": "E", "ledger": "H"}


def _at(value: object, column: str, row: int) -> object:
    if isinstance(value, tuple):
        return ("raw", value[1].format(ref=f"{column}{row}"))
    return value


def test_every_hostile_number_is_a_row_message(desk, tmp_path):
    """One row per value (row 2 on): each importer names the row and its numeric field, and reads on."""
    rows = [HEADER]
    for number, value in enumerate(VALUES.values(), start=2):
        row = list(data_row(None))
        for column in "CEH":
            row["ABCDEFGHI".index(column)] = _at(value, column, number)
        rows.append(row)
    answers = run_all(desk, raw_xlsx(tmp_path / "values.xlsx", sheet_xml(rows)))
    for importer, answer in answers.items():
        assert not answer["refused"] and answer["rows"] == len(VALUES), (importer, answer)
        field = NUMERIC[importer]
        for number, name in enumerate(VALUES, start=2):
            assert any(p.startswith(f"第 {number} 行「{field}」") for p in answer["problems"]), (importer, name, answer)


def test_every_impossible_period_is_a_row_message(desk, tmp_path):
    periods = ["10000年01月", "9999年12月", "0001年01月", 999912, "2025年13月", "2025-02-30"]
    rows = [HEADER, *(data_row(1, period) for period in periods)]
    answers = run_all(desk, raw_xlsx(tmp_path / "period.xlsx", sheet_xml(rows)))
    for number, period in enumerate(periods, start=2):
        assert any(p.startswith(f"第 {number} 行「所属期」") for p in answers["ledger"]["problems"]), (period, answers)
    assert not any(a["refused"] for a in answers.values())


def test_a_date_cell_far_in_the_future(desk, tmp_path):
    """A date-formatted cell holding 2,958,466 (after 9999-12-31) is a row message, not a traceback."""
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
              '</cellXfs></styleSheet>')
    row = list(data_row(1))
    row[6] = ("raw", '<c r="G2" s="1"><v>99999999</v></c>')
    path = raw_xlsx(tmp_path / "date.xlsx", sheet_xml([HEADER, row]), replace={"xl/styles.xml": styles})
    answers = run_all(desk, path)
    assert any(p.startswith("第 2 行「所属期」") for p in answers["ledger"]["problems"]), answers["ledger"]


def test_the_limits_are_what_a_real_ledger_needs():
    """A million-line ledger is about 600 MB of sheet XML compressed 10–15 times: within every limit."""
    from models.imports import guard

    assert guard.MAX_SHEET >= 700 << 20 and guard.MAX_RATIO >= 50
    assert workbook.MAX_ROWS == 1_048_576
