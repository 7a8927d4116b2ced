"""Printed forms: the base (fonts, header, footer, tables, signatures) and the 业主名册, read back."""
from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from models.people import Owner, UnitOwnership
from models.project import Building, Unit
from models.services import projects
from models.services.roster import RosterRow, natural_key, roster_rows
from reports.forms.base import Column, FormBase, Parties, data_table, format_cn_date, signature_block
from reports.forms.roster import RosterForm
from reports.print_commands import print_roster
from reports.progress import Cancelled

LONG_TEXT = "北侧外墙瓷砖大面积空鼓脱落，存在高空坠物隐患，需整体铲除后重新铺贴并做淋水试验"


def add_units(db, project_id: int, count: int) -> None:
    """`count` units over three buildings, one owner each (unit 0 has two, unit 1 none)."""
    with db.begin() as s:
        buildings = [Building(project_id=project_id, name=n) for n in ("10栋", "2栋", "1栋")]
        s.add_all(buildings)
        s.flush()
        for i in range(count):
            unit = Unit(project_id=project_id, building_id=buildings[i % 3].id,
                        number=f"{buildings[i % 3].name}{i // 3 + 1}01", area=Decimal("88.55"),
                        use="住宅", occupancy="已入住" if i % 2 else "空置")
            s.add(unit)
            s.flush()
            for k in range(2 if i == 0 else 0 if i == 1 else 1):
                owner = Owner(project_id=project_id, name=f"业主{i}-{k}", mobile="13800138000")
                s.add(owner)
                s.flush()
                s.add(UnitOwnership(unit_id=unit.id, owner_id=owner.id))


@pytest.fixture
def roster_db(sqlite_db):
    project = projects.add_project(sqlite_db, "CHY", "翠湖园", "住宅")
    projects.add_handover(sqlite_db, "CHY", "进场接管", "原物业服务有限公司", "本物业管理有限公司",
                          dt.date(2026, 6, 30), witness="翠湖园业主委员会")
    add_units(sqlite_db, project.id, 120)
    return sqlite_db


@pytest.fixture
def roster_pdf(roster_db, tmp_path: Path) -> tuple[Path, int]:
    out = tmp_path / "roster.pdf"
    return out, print_roster(roster_db, "CHY", out)


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_chinese_date() -> None:
    assert format_cn_date(dt.date(2026, 11, 22)) == "2026年11月22日"
    assert format_cn_date(dt.date(2026, 3, 5)) == "2026年3月5日"


def test_natural_key_orders_numbers_as_numbers() -> None:
    names = ["10栋", "2栋", "1栋", "B座-1502", "B座-302"]
    assert sorted(names, key=natural_key) == ["1栋", "2栋", "10栋", "B座-302", "B座-1502"]


def test_roster_rows_one_per_unit_in_natural_order(db) -> None:
    project = projects.add_project(db, "CHY", "翠湖园")
    add_units(db, project.id, 6)
    with db.begin() as s:  # a tenant (使用人) and a past owner are not on the owner roster
        unit = s.query(Unit).filter_by(number="1栋101").one()
        for name, relation, until in (("租户甲", "使用人", None), ("前业主", "业主", dt.date(2020, 1, 1))):
            person = Owner(project_id=project.id, name=name, mobile="13900000000")
            s.add(person)
            s.flush()
            s.add(UnitOwnership(unit_id=unit.id, owner_id=person.id, relation=relation,
                                until=until))
    rows = roster_rows(db, project.id)
    assert [(r.building, r.unit) for r in rows] == [
        ("1栋", "1栋101"), ("1栋", "1栋201"), ("2栋", "2栋101"), ("2栋", "2栋201"),
        ("10栋", "10栋101"), ("10栋", "10栋201")]
    first = rows[4]  # unit 0 of add_units: two owners
    assert first.owners == "业主0-0、业主0-1" and first.mobiles == ("13800138000", "13800138000")
    assert rows[2].owners == "" and rows[2].mobiles == ()  # unit 1: nobody
    assert rows[0].owners == "业主2-0" and rows[0].area == Decimal("88.55")


def test_roster_pdf_numbers_every_page_and_repeats_the_header(roster_pdf) -> None:
    path, pages = roster_pdf
    texts = page_texts(path)
    assert pages == len(texts) >= 3
    with_rows = 0
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {pages} 页" in text
        assert "业主名册" in text and "项目：翠湖园" in text and "表号：HD-YZ-01" in text
        assert "交接：进场接管（原物业服务有限公司 → 本物业管理有限公司）" in text
        if re.search(r"\d+栋\d+01", text):  # a page of the roster table itself
            with_rows += 1
            assert re.search(r"序号\s*楼栋\s*房号\s*建筑面积\(㎡\)\s*用途\s*入住状态\s*业主\s*联系电话",
                             text)
    assert with_rows >= 3


def test_roster_pdf_totals_masking_and_signatures(roster_pdf) -> None:
    path, _ = roster_pdf
    everything = "\n".join(page_texts(path))
    assert "合计：共 120 户，建筑面积 10,626.00 ㎡" in everything  # 120 × 88.55, exact
    assert "138****8000" in everything and "13800138000" not in everything
    last = page_texts(path)[-1]
    assert re.search(r"移交方：\s*接收方：\s*监交方：\s*原物业服务有限公司\s*本物业管理有限公司\s*"
                     r"翠湖园业主委员会", last)
    for text in ("签字：", "盖章：", "日期：", "按楼栋汇总"):
        assert text in last
    assert last.count("签字：") == 3
    assert f"打印日期：{format_cn_date(dt.date.today())}" in last


def test_roster_pdf_embeds_the_chinese_font(roster_pdf) -> None:
    path, _ = roster_pdf
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing, "no fonts listed"
    for line in listing:  # name type encoding emb sub uni ...: every font embedded
        assert "WenQuanYi" in line and line.split()[-5] == "yes", line


class WrapForm(FormBase):
    title = "测试表单"
    form_no = "HD-T-01"
    landscape = True

    def __init__(self, witness: str | None, **kwargs) -> None:
        super().__init__("测试项目", **kwargs)
        self.witness = witness

    def story(self):
        columns = [Column("序号", 1, "center"), Column("描述", 3), Column("金额", 1, "right")]
        rows = [["1", LONG_TEXT, "1,680.32"], ["2", "<b>&amp; 原样打印", "0.00"]]
        return [data_table(columns, rows, 120 * 2.83),
                signature_block(Parties("甲公司", "乙公司", self.witness), self.frame_width)]


def test_long_text_wraps_inside_its_cell_and_markup_prints_as_typed() -> None:
    buffer = io.BytesIO()
    assert WrapForm("监交单位", document_no="YL-2026-0007").render(buffer) == 1
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        page = pdf.pages[0]
        assert page.width > page.height  # landscape
        table = page.extract_table()
        text = page.extract_text()
    assert table[0] == ["序号", "描述", "金额"]
    wrapped = table[1][1]
    assert "\n" in wrapped and wrapped.replace("\n", "") == LONG_TEXT
    assert table[2][1] == "<b>&amp; 原样打印"
    assert "编号：YL-2026-0007" in text and "监交方：" in text and "监交单位" in text


def test_signature_block_without_witness_has_two_parties() -> None:
    buffer = io.BytesIO()
    WrapForm(None, printed_on=dt.date(2026, 11, 22)).render(buffer)
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        text = pdf.pages[0].extract_text()
    assert re.search(r"移交方：\s*接收方：\s*甲公司\s*乙公司", text) and "监交方" not in text
    assert text.count("签字：") == 2 and "打印日期：2026年11月22日" in text


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    rows = [RosterRow("1栋", f"1栋{i}", Decimal("50.00"), "住宅", "空置", "张三", ()) for i in range(200)]
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled) as excinfo:
        RosterForm(rows, "翠湖园").render(out, progress=lambda done, total: done < 2)
    assert str(excinfo.value) == "已取消，未生成文件。"
    assert list(tmp_path.iterdir()) == []
