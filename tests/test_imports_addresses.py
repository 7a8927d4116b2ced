"""A unit's address split over 楼栋 | 单元 | 房号, and unit codes written every way (issue 13 point 1).

Room numbers repeat in every building and 单元: 101 of 1栋1单元 and 101 of 2栋2单元 are two units, and
1-1-101, 1-1-0101, 1栋1单元101室 are one. The roster, the ledger and the key sheet read the columns the
same way; the building is always known.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import select
from xlsx_builder import write_sheet

from models.errors import ValidationError
from models.fees import LedgerLine
from models.imports.key_sheet import import_key_sheet, preview_key_sheet
from models.imports.ledger import import_ledger, preview_ledger
from models.imports.roster import import_roster, preview_roster
from models.keys import Key
from models.project import Building, Unit
from models.rules.unit_match import UnitMatcher, compose_address, unit_identity
from models.services import projects

D = Decimal


def split_roster() -> list[tuple]:
    """2 buildings × 2 单元 × rooms 0101/0102: the same room numbers in every 单元."""
    rows: list[tuple] = [("翠湖园业主名册",), ("楼号", "单元", "房号", "业主姓名", "建筑面积")]
    n = 0
    for building in ("1", "2"):
        for entrance in ("1", "2"):
            for room in ("0101", "0102"):
                n += 1
                rows.append((building, entrance, room, f"业主{n}", 88.5))
    return rows


@pytest.fixture
def project(db) -> str:
    projects.add_project(db, "FJ", "分列园")
    return "FJ"


def units_of(db) -> dict[str, tuple[str, str]]:
    """number → (building name, 单元)."""
    with db.read() as s:
        rows = s.execute(select(Unit.number, Building.name, Unit.entrance)
                         .outerjoin(Building, Unit.building_id == Building.id))
        return {n: (b or "", e) for n, b, e in rows}


def project_id(db, code: str) -> int:
    return projects.project_by_code(db, code).id


# ---- the rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["1-1-101", "1-1-0101", "1栋1单元101", "1号楼1单元0101室", "1幢-1-101",
                                     "１栋 1单元 101", "一栋一单元101"])
def test_one_unit_written_every_way(written: str) -> None:
    assert unit_identity(written) == ("1", "1", "101")


@pytest.mark.parametrize("written", ["B1-708", "B1栋708", "b1栋0708"])
def test_lettered_building(written: str) -> None:
    assert unit_identity(written) == ("B1", "", "708")


def test_room_numbers_repeat_across_buildings() -> None:
    assert unit_identity("101", "1栋", "1") != unit_identity("101", "2栋", "1")
    assert unit_identity("101", "1栋", "1") != unit_identity("101", "1栋", "2")
    assert unit_identity("3栋2单元1201") == unit_identity("1201", "3号楼", "2单元")


def test_compose_keeps_each_part_as_written() -> None:
    composed = compose_address("1", "2", "0101")
    assert (composed.number, composed.building, composed.entrance) == ("1栋2单元0101", "1栋", "2")
    assert compose_address("1号楼", "2单元", "0101").number == "1号楼2单元0101"
    assert compose_address("3", "", "1-101").entrance == "1"  # beside 楼栋, 1-101 is 单元 1 room 101
    assert compose_address("", "", "1-1-0101").building == "1栋"
    assert "不一致" in compose_address("2", "", "1栋101").problem


def test_matcher_needs_the_entrance_only_when_two_units_fit() -> None:
    matcher = UnitMatcher([(1, "1栋1单元101", "", ""), (2, "1栋2单元101", "", ""), (3, "101", "5栋", ""),
                           (4, "B1栋708", "", "")])
    assert matcher.find("1-1-0101") == (1, [])
    assert matcher.find("1-101") == (None, [1, 2])
    assert matcher.find("5-1-101") == (3, [])  # the unit was filed with no 单元: the one that fits
    assert matcher.find("101", "5号楼") == (3, [])
    assert matcher.find("B1-708") == (4, [])
    assert matcher.find("101") == (None, [])  # no building: never matched across buildings


# ---- roster ------------------------------------------------------------------------------------

def test_roster_with_split_columns(db, project, tmp_path) -> None:
    path = write_sheet(tmp_path / "名册.xlsx", split_roster(), merges=["A1:E1"])
    preview = preview_roster(path)
    assert preview.ok, preview.refusal()
    assert len(preview.rows) == 8  # 0101 repeats in four 单元: not a duplicate
    assert any("合成一个房号" in n for n in preview.notes)
    report = import_roster(db, project_id(db, project), preview)
    assert (report.created_units, report.created_buildings) == (8, 2)
    units = units_of(db)
    assert units["1栋1单元0101"] == ("1栋", "1")
    assert units["2栋2单元0102"] == ("2栋", "2")
    assert Counter(b for b, _ in units.values()) == {"1栋": 4, "2栋": 4}


def test_roster_duplicates_are_the_same_unit_written_twice(db, project, tmp_path) -> None:
    rows = [("房号", "业主姓名"), ("1-1-0101", "甲"), ("1栋1单元101", "乙"), ("2-1-101", "丙")]
    preview = preview_roster(write_sheet(tmp_path / "dup.xlsx", rows))
    repeated = [p for p in preview.problems if "重复" in p.message]
    assert sorted(p.row for p in repeated) == [2, 3]


def test_dashed_code_lands_in_its_building(db, project, tmp_path) -> None:
    rows = [("房号", "业主姓名"), ("1-1-0101", "甲"), ("B1-708", "乙"), ("B1栋709", "丙")]
    import_roster(db, project_id(db, project), preview_roster(write_sheet(tmp_path / "r.xlsx", rows)))
    units = units_of(db)
    assert units["1-1-0101"] == ("1栋", "1")
    assert units["B1-708"][0] == units["B1栋709"][0] == "B1栋"


def test_second_roster_written_another_way_finds_the_same_units(db, project, tmp_path) -> None:
    pid = project_id(db, project)
    import_roster(db, pid, preview_roster(write_sheet(tmp_path / "a.xlsx", split_roster())))
    rows = [("房号", "业主姓名"), ("1-1-0101", "业主1"), ("2栋2单元102", "业主8"), ("3-1-101", "新业主")]
    report = import_roster(db, pid, preview_roster(write_sheet(tmp_path / "b.xlsx", rows)))
    assert (report.created_units, report.unchanged_units, report.created_buildings) == (1, 2, 1)
    assert len(units_of(db)) == 9


def test_building_named_another_way_is_the_same_building(db, project, tmp_path) -> None:
    pid = project_id(db, project)
    import_roster(db, pid, preview_roster(write_sheet(tmp_path / "a.xlsx", [("房号", "业主姓名"), ("1号楼101", "甲")])))
    rows = [("楼栋", "房号", "业主姓名"), ("1", "102", "乙"), ("01栋", "103", "丙")]
    report = import_roster(db, pid, preview_roster(write_sheet(tmp_path / "b.xlsx", rows)))
    assert report.created_buildings == 0
    assert {b for b, _ in units_of(db).values()} == {"1号楼"}


def test_floor_column_is_kept(db, project, tmp_path) -> None:
    rows = [("楼号", "单元", "房间", "楼层", "业主名称"), ("1", "1", "0101", "1层", "甲"), ("1", "1", "B201", "B2", "乙"),
            ("1", "1", "0301", "三楼", "丙")]
    preview = preview_roster(write_sheet(tmp_path / "r.xlsx", rows))
    assert [str(p) for p in preview.problems] == ["第 4 行「楼层」：“三楼”无效：请写数字（如 12、-1）或地下层（如 B2）"]
    import_roster(db, project_id(db, project), preview_roster(write_sheet(tmp_path / "ok.xlsx", rows[:3])))
    with db.read() as s:
        assert dict(s.execute(select(Unit.number, Unit.floor)).all()) == {"1栋1单元0101": "1", "1栋1单元B201": "B2"}


def test_unit_number_column_beside_a_room_column_is_the_entrance(db, project, tmp_path) -> None:
    rows = [("楼栋号", "单元号", "房号", "业主姓名"), ("1", "2", "301", "甲")]
    preview = preview_roster(write_sheet(tmp_path / "r.xlsx", rows))
    assert preview.ok, preview.refusal()
    assert (preview.rows[0].number, preview.rows[0].entrance) == ("1栋2单元301", "2")


def test_room_that_names_another_building_is_refused(db, project, tmp_path) -> None:
    rows = [("楼栋", "房号", "业主姓名"), ("2", "1栋101", "甲")]
    preview = preview_roster(write_sheet(tmp_path / "r.xlsx", rows))
    assert not preview.ok
    assert any(p.row == 2 and "不一致" in p.message for p in preview.problems)


# ---- ledger ------------------------------------------------------------------------------------

@pytest.fixture
def handover(db, project, tmp_path) -> int:
    import_roster(db, project_id(db, project), preview_roster(write_sheet(tmp_path / "名册.xlsx", split_roster())))
    rows = [("房号", "业主姓名"), ("B1栋708", "丁")]
    import_roster(db, project_id(db, project), preview_roster(write_sheet(tmp_path / "b1.xlsx", rows)))
    return projects.add_handover(db, project, "进场接管", "原物业", "新物业", dt.date(2026, 6, 30)).id


LEDGER_HEAD = ("房号", "收费项目", "所属期", "应收金额", "实收金额")


def test_ledger_codes_find_the_roster_units(db, handover, tmp_path) -> None:
    rows = [LEDGER_HEAD,
            ("1-1-0101", "物业服务费", "2026年01月", "100.00", "0"),
            ("1-1-102", "物业服务费", "2026年01月", "100.00", "50.00"),
            ("2栋2单元0101", "物业服务费", "2026年01月", "100.00", "100.00"),
            ("B1-708", "物业服务费", "2026年01月", "80.00", "0")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "台账.xlsx", rows))
    assert preview.ok, preview.refusal()
    import_ledger(db, handover, preview)
    with db.read() as s:
        lines = s.execute(select(Unit.number, Building.name, LedgerLine.billed, LedgerLine.paid)
                          .join(Unit, LedgerLine.unit_id == Unit.id)
                          .join(Building, Unit.building_id == Building.id)
                          .where(LedgerLine.handover_id == handover)).all()
    arrears = Counter()
    for _, building, billed, paid in lines:
        arrears[building] += billed - paid
    assert arrears == {"1栋": D("150.00"), "2栋": D("0.00"), "B1栋": D("80.00")}  # every line has its building


def test_ledger_with_split_columns(db, handover, tmp_path) -> None:
    rows = [("楼栋", "单元", "房号", "收费项目", "所属期", "应收金额", "实收金额"),
            ("1号楼", "1单元", "101", "物业服务费", "2026年01月", "100.00", "0"),
            ("2", "2", "0102", "物业服务费", "2026年01月", "100.00", "0")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "台账.xlsx", rows))
    assert preview.ok, preview.refusal()
    assert [r.unit_id is not None for r in preview.rows] == [True, True]
    assert any("合成一个房号" in n for n in preview.notes)
    with db.read() as s:
        numbers = {r.unit_id: s.get(Unit, r.unit_id).number for r in preview.rows}
    assert sorted(numbers.values()) == ["1栋1单元0101", "2栋2单元0102"]


def test_ledger_code_without_entrance_names_the_candidates(db, handover, tmp_path) -> None:
    rows = [LEDGER_HEAD, ("1-101", "物业服务费", "2026年01月", "100.00", "0"),
            ("9-1-101", "物业服务费", "2026年01月", "100.00", "0")]
    preview = preview_ledger(db, handover, write_sheet(tmp_path / "台账.xlsx", rows))
    by_row = {p.row: p.message for p in preview.problems}
    assert "1栋1单元0101" in by_row[2] and "1栋2单元0101" in by_row[2] and "单元" in by_row[2]
    assert "不是本项目的房屋" in by_row[3]
    with pytest.raises(ValidationError):
        import_ledger(db, handover, preview)


# ---- key sheet ---------------------------------------------------------------------------------

def test_key_sheet_with_split_columns(db, handover, tmp_path) -> None:
    rows = [("楼号", "单元", "房号", "开启对象", "数量"),
            ("1", "1", "0101", "入户门", 2),
            ("2", "2", "102", "入户门", 1),
            (None, None, "1-2-0101", "信箱", 1)]
    pid = project_id(db, "FJ")
    preview = preview_key_sheet(db, pid, write_sheet(tmp_path / "钥匙.xlsx", rows))
    assert preview.ok, preview.refusal()
    import_key_sheet(db, preview)
    with db.read() as s:
        keys = s.execute(select(Unit.number, Key.opens).join(Unit, Key.unit_id == Unit.id)).all()
    assert sorted(keys) == [("1栋1单元0101", "入户门"), ("1栋2单元0101", "信箱"), ("2栋2单元0102", "入户门")]


# ---- checklist ---------------------------------------------------------------------------------

def test_checklist_by_unit_names_each_item_with_its_unit(db, handover, tmp_path) -> None:
    from models.handover import HandoverItem
    from models.imports.checklist import import_checklist, preview_checklist

    rows = [("钥匙交接清单",), ("序号", "楼号", "单元", "房号", "钥匙名称", "数量", "单位"),
            (1, "1", "1", "0101", "防盗门钥匙", 3, "把"),
            (2, "2", "2", "0102", "信箱钥匙", 1, "把"),
            (3, "2", None, "1栋101", "信箱钥匙", 1, "把")]
    preview = preview_checklist(write_sheet(tmp_path / "钥匙清单.xlsx", rows))
    assert [str(p) for p in preview.problems] == ["第 5 行「房号」：房号“1栋101”写的是1栋，与楼栋“2”不一致"]
    assert any("写在名称之前" in n for n in preview.notes)
    preview = preview_checklist(write_sheet(tmp_path / "钥匙清单2.xlsx", rows[:-1]))
    assert [r.name for r in preview.rows] == ["1栋1单元0101 防盗门钥匙", "2栋2单元0102 信箱钥匙"]
    import_checklist(db, handover, "钥匙交接清单", preview)
    with db.read() as s:
        names = sorted(s.scalars(select(HandoverItem.name)))
    assert names == ["1栋1单元0101 防盗门钥匙", "2栋2单元0102 信箱钥匙"]


# ---- a property system's own templates -----------------------------------------------------------

def test_hc_style_asset_roster_and_fee_sheet(db, project, tmp_path) -> None:
    """楼栋编号 | 单元编号 | 房屋编号 | 房屋楼层 (an asset template), then 房屋 | 收费项目 | 计费开始时间 |
    计费结束时间 | 应缴 | 实缴 with codes like 1-1-0101 and next-period-first-day ends (a fee export)."""
    rows = [("楼栋编号", "单元编号", "房屋编号", "房屋楼层", "建筑面积", "业主名称", "手机号"),
            ("1", "1", "0101", "1", "89.50", "甲", "13800138001"),
            ("1", "2", "0101", "1", "89.50", "乙", "13800138002")]
    preview = preview_roster(write_sheet(tmp_path / "资产.xlsx", rows))
    assert preview.ok, preview.refusal()
    assert [(r.number, r.entrance, r.floor) for r in preview.rows] == [("1栋1单元0101", "1", "1"), ("1栋2单元0101", "2", "1")]
    import_roster(db, project_id(db, project), preview)
    handover = projects.add_handover(db, project, "进场接管", "原物业", "新物业", dt.date(2025, 12, 31)).id
    fees = [("房屋", "收费项目", "计费开始时间", "计费结束时间", "应缴", "实缴"),
            ("1-1-0101", "物业费", "2025-07-01", "2026-01-01", "600.00", "300.00"),
            ("1-2-101", "物业费", "2025-07-01", "2026-01-01", "600.00", "600.00")]
    ledger = preview_ledger(db, handover, write_sheet(tmp_path / "缴费.xlsx", fees))
    assert ledger.ok, ledger.refusal()
    assert [(r.period_start, r.period_end, r.arrears) for r in ledger.rows] == [
        (dt.date(2025, 7, 1), dt.date(2025, 12, 31), D("300.00")), (dt.date(2025, 7, 1), dt.date(2025, 12, 31), D("0.00"))]
