"""Issue 13 point 6, keys as offices list them (SQLite and PostgreSQL): one row per unit with a count column
per kind of key (防盗门 | 室内门 | 对讲门 | 信箱 | 合计) is that many keys of those kinds, one set per kind
with its count — 130 keys, not 20 rows; 合计 is checked, never a key; 开启部位 is kept beside 开启对象."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from xlsx_builder import write_sheet

from models.errors import ValidationError
from models.imports.key_kinds import read_count
from models.imports.key_sheet import import_key_sheet, preview_key_sheet
from models.imports.sheet import CellError
from models.keys import Key
from models.project import Unit
from models.services import projects

# 5 floors × 4 units of 1栋1单元, as the roster writes them
NUMBERS = tuple(f"1栋1单元{floor}0{room}" for floor in range(1, 6) for room in range(1, 5))
HEADER = ("序号", "房号", "防盗门", "室内门", "对讲门", "信箱", "合计", "备注")


@pytest.fixture
def setup(db) -> tuple[int, int]:
    project = projects.add_project(db, "CHY", "翠湖园")
    with db.begin() as s:
        s.add_all(Unit(project_id=project.id, number=n, use="住宅") for n in NUMBERS)
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业服务公司", "安居物业", dt.date(2026, 6, 30))
    return project.id, handover.id


def unit_rows() -> list[tuple]:
    """20 units: 防盗门 3, 室内门 2, 对讲门 1, 信箱 1 on every other unit — 6 or 7 keys, 130 in all."""
    return [(i, n, 3, 2, 1, 1 if i % 2 else 0, 7 if i % 2 else 6, None) for i, n in enumerate(NUMBERS, 1)]


def test_twenty_units_are_130_keys_of_their_kinds(db, setup, tmp_path):
    project_id, handover_id = setup
    rows = [("翠湖园1栋钥匙移交清单",), HEADER, *unit_rows(), ("合计", None, 60, 40, 20, 10, 130)]
    path = write_sheet(tmp_path / "钥匙.xlsx", rows)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert preview.ok and preview.problems == () and preview.mismatches == ()
    assert "按钥匙种类列导入：防盗门、室内门、对讲门、信箱；合计列用于核对，不作为钥匙" in preview.notes
    assert len(preview.rows) == 70 and sum(r.count for r in preview.rows) == 130
    first = [(r.row, r.tag, r.number, r.opens, r.count) for r in preview.rows if r.row == 3]
    assert first == [(3, "K-01-01-101-A", "1栋1单元101", "防盗门钥匙", 3), (3, "K-01-01-101-B", "1栋1单元101", "室内门钥匙", 2),
                     (3, "K-01-01-101-C", "1栋1单元101", "对讲门钥匙", 1), (3, "K-01-01-101-D", "1栋1单元101", "信箱钥匙", 1)]
    assert [r.opens for r in preview.rows if r.row == 4] == ["防盗门钥匙", "室内门钥匙", "对讲门钥匙"]  # 信箱 0
    report = import_key_sheet(db, preview, handover_id=handover_id)
    assert (report.received, report.pieces, report.linked) == (70, 130, 70)
    with db.read() as s:
        assert s.scalar(select(func.sum(Key.count))) == 130
        by_kind = dict(s.execute(select(Key.opens, func.sum(Key.count)).group_by(Key.opens)).all())
    assert by_kind == {"防盗门钥匙": 60, "室内门钥匙": 40, "对讲门钥匙": 20, "信箱钥匙": 10}
    again = preview_key_sheet(db, project_id, path, handover_id=handover_id)  # the same sheet twice: nothing twice
    assert again.rows == () and sum(1 for s in again.skipped if s.reason == "已接收") == 70


def test_a_total_that_disagrees_is_the_rows_problem(db, setup, tmp_path):
    project_id, handover_id = setup
    rows = [HEADER, *unit_rows()[:3]]
    rows[2] = (2, NUMBERS[1], 3, 2, 1, 0, 7, None)  # 3 + 2 + 1 is 6
    rows.append(("合计", None, 9, 6, 3, 1, 20))       # the sheet's own total row: 防盗门 right, 合计 not
    path = write_sheet(tmp_path / "k.xlsx", rows)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert [str(p) for p in preview.problems] == ["第 3 行「合计」：为 7，与本行钥匙数 6（防盗门 3、室内门 2、对讲门 1）不符"]
    assert not preview.ok
    with pytest.raises(ValidationError, match="第 3 行「合计」"):
        import_key_sheet(db, preview, handover_id=handover_id)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Key)) == 0  # all or nothing


def test_the_sheets_own_total_row_is_checked_per_kind(db, setup, tmp_path):
    project_id, handover_id = setup
    rows = [HEADER, *unit_rows()[:2], ("合计", None, 6, 5, 2, 1, 13)]  # 室内门 is 4, 合计 is 13
    path = write_sheet(tmp_path / "k.xlsx", rows)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert preview.ok and [(m.field, m.stated, m.summed) for m in preview.mismatches] == [("室内门", "5", 4)]


def test_a_two_level_header_and_counts_written_as_text(db, setup, tmp_path):
    """"钥匙数量" merged over 防盗门钥匙(把) | 室内门 | 门禁卡 | 合计; counts as 2, "2把", "两把", "十二"."""
    project_id, handover_id = setup
    rows = [("钥匙移交清单",), ("序号", "房号", "钥匙数量", None, None, None, "备注"),
            (None, None, "防盗门钥匙(把)", "室内门", "门禁卡", "合计", None),
            (1, NUMBERS[0], "2把", "两把", "十二", "16把", "含备用"),
            (2, NUMBERS[1], 3, None, 0, 3, None),
            (3, NUMBERS[2], "3 套", "二十", "一", 24, None)]
    path = write_sheet(tmp_path / "k.xlsx", rows, merges=["A1:G1", "A2:A3", "B2:B3", "C2:F2", "G2:G3"])
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert (preview.header.first_row, preview.header.last_row) == (2, 3) and preview.problems == ()
    assert [(r.row, r.opens, r.count, r.remarks) for r in preview.rows] == [
        (4, "防盗门钥匙", 2, "含备用"), (4, "室内门钥匙", 2, "含备用"), (4, "门禁卡", 12, "含备用"),
        (5, "防盗门钥匙", 3, ""), (6, "防盗门钥匙", 3, ""), (6, "室内门钥匙", 20, ""), (6, "门禁卡", 1, "")]
    assert "按钥匙种类列导入：防盗门、室内门、门禁卡；合计列用于核对，不作为钥匙" in preview.notes
    report = import_key_sheet(db, preview, handover_id=handover_id)
    assert report.pieces == 43


def test_counts_that_are_no_count_are_problems_naming_row_and_column(db, setup, tmp_path):
    project_id, handover_id = setup
    rows = [("房号", "防盗门钥匙(把)", "信箱", "合计"), (NUMBERS[0], "若干", 1, None), (NUMBERS[1], -1, 1, None),
            (NUMBERS[2], 1.5, "-", None), (NUMBERS[3], 2, 1, "三把多")]
    path = write_sheet(tmp_path / "k.xlsx", rows)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    shown = [(p.row, p.field) for p in preview.problems]
    # "-" under 信箱 is none of that kind, as offices mark it; 1.5 beside it is still refused
    assert shown == [(2, "防盗门钥匙(把)"), (3, "防盗门钥匙(把)"), (4, "防盗门钥匙(把)"), (5, "合计")]
    assert "若干" in str(preview.problems[0]) and not preview.ok
    assert read_count(None, "x") == 0 and read_count(0, "x") == 0 and read_count("两 把", "x") == 2
    with pytest.raises(CellError):
        read_count("２把", "x")  # full-width digits are named, as every number field names them


def test_rows_without_keys_or_without_a_unit(db, setup, tmp_path):
    """A unit whose kinds are all 0 is listed as skipped; keys with no unit nor 开启对象 are refused; one
    tag cannot be given to three kinds."""
    project_id, handover_id = setup
    rows = [("标签号", "房号", "防盗门", "室内门", "对讲门"), (None, NUMBERS[0], 0, None, 0), (None, None, 2, 1, 0),
            ("K-9", NUMBERS[1], 1, 1, 1), ("K-8", NUMBERS[2], 1, 0, 0)]
    path = write_sheet(tmp_path / "k.xlsx", rows)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert [(s.row, s.reason) for s in preview.skipped] == [(2, "没有钥匙的行")]
    assert [(p.row, p.field) for p in preview.problems] == [(3, "房号"), (4, "标签号")]
    assert [(r.row, r.tag, r.opens) for r in preview.rows if r.row == 5] == [(5, "K-8", "防盗门钥匙")]


def test_place_and_name_are_both_kept(db, setup, tmp_path):
    """钥匙名称 and 开启部位 side by side: both in 开启对象 (a unit named there links the key), never one
    dropped as a duplicate column; 开启部位 alone is the 开启对象 as before."""
    project_id, handover_id = setup
    rows = [("钥匙名称", "开启部位", "数量", "合计"), ("入户门钥匙", NUMBERS[0], 2, 2), ("配电房钥匙", "配电房", 1, None),
            ("水泵房钥匙", "地下一层", 1, 1), ("消防控制室钥匙", None, 2, 3)]
    path = write_sheet(tmp_path / "k.xlsx", rows)
    preview = preview_key_sheet(db, project_id, path, handover_id=handover_id)
    assert [(r.row, r.number, r.opens) for r in preview.rows] == [
        (2, NUMBERS[0], "1栋1单元101 入户门钥匙"), (3, "", "配电房钥匙"), (4, "", "地下一层 水泵房钥匙"),
        (5, "", "消防控制室钥匙")]
    assert [str(p) for p in preview.problems] == ["第 5 行「合计」：为 3，与本行钥匙数 2不符"]
    assert preview.header.duplicate_columns == {} and preview.header.unused_columns == ()
    assert "「开启部位」与「钥匙名称」两列都导入：合写在开启对象中" in preview.notes
    alone = write_sheet(tmp_path / "alone.xlsx", [("开启部位", "数量"), ("配电房", 1)])
    only = preview_key_sheet(db, project_id, alone, handover_id=handover_id)
    assert only.ok and [r.opens for r in only.rows] == ["配电房"]


def test_a_unit_named_in_opens(db, setup, tmp_path):
    """No 房号 column: the unit written in 开启对象 links each kind's key ("1栋1单元101 防盗门钥匙")."""
    project_id, handover_id = setup
    named = write_sheet(tmp_path / "named.xlsx", [("开启对象", "防盗门", "信箱"), (NUMBERS[0], 2, 1)])
    preview = preview_key_sheet(db, project_id, named, handover_id=handover_id)
    assert preview.ok and [(r.number, r.opens, r.count) for r in preview.rows] == [
        (NUMBERS[0], "1栋1单元101 防盗门钥匙", 2), (NUMBERS[0], "1栋1单元101 信箱钥匙", 1)]


def test_a_unit_split_into_building_entrance_and_room(db, setup, tmp_path):
    project_id, handover_id = setup
    split = write_sheet(tmp_path / "split.xlsx", [("楼栋", "单元", "房号", "防盗门", "室内门"), ("1栋", "1单元", "102", 3, 2)])
    preview = preview_key_sheet(db, project_id, split, handover_id=handover_id)
    assert preview.ok and [(r.number, r.opens, r.count) for r in preview.rows] == [
        (NUMBERS[1], "防盗门钥匙", 3), (NUMBERS[1], "室内门钥匙", 2)]
