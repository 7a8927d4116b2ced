"""Roster import: the sample's 48 units, idempotence, all-or-nothing refusals, odd sheets, the CLI."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from cli_login import cli_user
from sqlalchemy import func, select
from xlsx_builder import ROSTER_HEADER, roster_rows, write_sheet

import main
from models.errors import ValidationError
from models.imports.roster import (
    building_of,
    import_roster,
    import_roster_file,
    preview_roster,
)
from models.people import Owner, UnitOwnership
from models.project import Building, Occupancy, Unit, UnitUse
from models.services import projects

SAMPLE = Path(__file__).resolve().parents[2] / "shared/samples/业主名册_翠湖园.xlsx"


def counts(db) -> tuple[int, int, int, int]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Unit, Owner, UnitOwnership, Building))


@pytest.fixture
def project(db):
    return projects.add_project(db, "CHY", "翠湖园")


def bad_roster(tmp_path: Path) -> Path:
    rows = [ROSTER_HEADER, *roster_rows(3)]
    rows[2] = ("1栋1单元102", "李四", "13800000002", "一百二十", "住宅", "空置")  # row 3
    rows.append(("1栋1单元101", "王五", "13900000009", 90, "住宅", "空置"))  # row 5: duplicate of row 2
    return write_sheet(tmp_path / "bad.xlsx", rows)


# ---- the sample --------------------------------------------------------------------------------

def test_sample_creates_48_units_and_owners_then_nothing(db, project):
    report = import_roster_file(db, "CHY", SAMPLE)
    assert (report.created_units, report.created_owners, report.created_buildings) == (48, 48, 2)
    assert counts(db) == (48, 48, 48, 2)
    with db.read() as s:
        unit = s.scalar(select(Unit).where(Unit.number == "1栋1单元101"))
        assert unit.area == Decimal("118.03") and isinstance(unit.area, Decimal)
        assert (unit.use, unit.occupancy, unit.building.name) == (UnitUse.RESIDENCE, Occupancy.OCCUPIED, "1栋")
        owner = s.scalar(select(Owner).where(Owner.name == "董艳辉"))
        assert owner.mobile == "18401757228"
    again = import_roster_file(db, "CHY", SAMPLE)
    assert (again.created_units, again.unchanged_units, again.created_owners) == (0, 48, 0)
    assert "新增 0 户，已存在 48 户（未改动）" in again.summary()
    assert counts(db) == (48, 48, 48, 2)


def test_preview_of_the_sample(tmp_path):
    preview = preview_roster(SAMPLE)
    assert preview.ok and len(preview.rows) == 48 and not preview.skipped
    assert (preview.header.first_row, preview.header.labels[0]) == (1, "房号")
    assert {"id_number", "building", "id_kind"} <= set(preview.unrecognised)


# ---- refusals ----------------------------------------------------------------------------------

def test_bad_rows_refuse_the_whole_roster(db, project, tmp_path):
    import_roster_file(db, "CHY", SAMPLE)
    before = counts(db)
    with pytest.raises(ValidationError) as caught:
        import_roster_file(db, "CHY", bad_roster(tmp_path))
    message = str(caught.value)
    assert "第 3 行「建筑面积」：应为数字，“一百二十”不是数字" in message
    assert "第 2 行「房号」：“1栋1单元101”在表中重复（第 2、5 行）" in message
    assert "第 5 行「房号」" in message and "未导入任何数据" in message
    assert counts(db) == before


def test_preview_lists_each_problem(tmp_path):
    preview = preview_roster(bad_roster(tmp_path))
    assert not preview.ok and preview.problem_rows == {2, 3, 5}
    assert preview.rows[1].area is None and preview.rows[1].area_text == "一百二十"


@pytest.mark.parametrize("row, field, words", [
    (("101", "张三", "1380013800", 90, "住宅", "空置"), "联系电话", "不是有效的电话号码（手机为 11 位"),
    (("101", "张三", "", -1, "住宅", "空置"), "建筑面积", "负数"),
    (("101", "张三", "", "90.12345", "住宅", "空置"), "建筑面积", "最多 4 位小数"),
    (("101", "张三", "", 13800138000, "住宅", "空置"), "建筑面积", "超出范围"),
    (("101", "张三", "", "1o00", "住宅", "空置"), "建筑面积", "“1o00”不是数字"),
    (("101", "张三", "", "１２", "住宅", "空置"), "建筑面积", "半角数字"),
    (("101", "张三", "", 1e20, "住宅", "空置"), "建筑面积", "超出范围"),
    (("101", "张三" * 51, "", 90, "住宅", "空置"), "业主姓名", "最多 100 个字"),
    (("1" * 50, "张三", "", 90, "住宅", "空置"), "房号", "最多 40 个字"),
    (("101", "张三", "", 90, "别墅", "空置"), "房屋用途", "“别墅”无效"),
    (("101", "张三", "", 90, "住宅", "出售"), "入住状态", "“出售”无效"),
    ((None, "张三", "", 90, "住宅", "空置"), "房号", "不能为空"),
    (("101", None, "13800138000", 90, "住宅", "空置"), "业主姓名", "业主姓名为空"),
])
def test_each_rule_names_row_and_field(tmp_path, row, field, words):
    preview = preview_roster(write_sheet(tmp_path / "r.xlsx", [ROSTER_HEADER, row]))
    assert len(preview.problems) == 1
    text = str(preview.problems[0])
    assert text.startswith(f"第 2 行「{field}」") and words in text


def test_id_number_is_checked(tmp_path):
    header = ("房号", "业主姓名", "身份证号")
    rows = [header, ("101", "甲", "11010519491231002X"), ("102", "乙", "110105194912310021")]
    preview = preview_roster(write_sheet(tmp_path / "id.xlsx", rows))
    assert [str(p) for p in preview.problems] == [
        "第 3 行「身份证号」：“110105194912310021”不是有效的身份证号（校验码不对）"]


def test_aliases_defaults_and_full_width(tmp_path):
    rows = [("房间号", "客户名称", "手机", "面积", "类型"),
            ("Ｂ座-1502", "甲", "138 0013 8000", "", "写字楼"), ("车位 B2-117", "", None, 12.5, None)]
    preview = preview_roster(write_sheet(tmp_path / "a.xlsx", rows))
    assert preview.ok, preview.problems
    first, second = preview.rows
    assert (first.number, first.building, first.use, first.mobile, first.area) == (
        "Ｂ座-1502", "B座", UnitUse.OFFICE, "13800138000", None)  # the number as written; its building found on a copy
    assert (second.use, second.occupancy, second.building) == (UnitUse.PARKING, Occupancy.VACANT, "")


@pytest.mark.parametrize("number, building", [
    ("1栋1单元101", "1栋"), ("B座-1502", "B座"), ("3号楼502", "3号楼"), ("12幢2-301", "12幢"),
    ("车位 B2-117", ""), ("1502", ""),
])
def test_building_of(number, building):
    assert building_of(number) == building


def test_no_header_is_refused(db, project, tmp_path):
    path = write_sheet(tmp_path / "none.xlsx", [("甲", "乙"), ("1", "2")])
    with pytest.raises(ValidationError, match="找不到表头"):
        import_roster_file(db, "CHY", path)
    assert counts(db) == (0, 0, 0, 0)


def test_unit_owned_by_someone_else_refuses_everything(db, project, tmp_path):
    import_roster_file(db, "CHY", write_sheet(tmp_path / "a.xlsx", [ROSTER_HEADER, *roster_rows(2)]))
    rows = [ROSTER_HEADER, *roster_rows(3)]
    rows[1] = ("1栋1单元101", "新业主", "13700000000", 89.5, "住宅", "已入住")
    with pytest.raises(ValidationError, match="第 2 行「业主姓名」：房屋“1栋1单元101”在系统中的业主是“业主1”"):
        import_roster_file(db, "CHY", write_sheet(tmp_path / "b.xlsx", rows))
    assert counts(db) == (2, 2, 2, 1)


def test_a_number_that_fits_a_stored_unit_and_one_this_roster_makes_is_refused_by_name(db, project, tmp_path):
    """1栋101 (no 单元) fits the stored 1栋1单元101 and the 1栋2单元101 an earlier row makes: the refusal
    says so (it used to crash on the unit that had no stored number yet)."""
    import_roster_file(db, "CHY", write_sheet(tmp_path / "a.xlsx", [ROSTER_HEADER, *roster_rows(1)]))
    rows = [ROSTER_HEADER, ("1栋2单元101", "乙", "13800000002", 90, "住宅", "空置"),
            ("1栋101", "丙", "13800000003", 90, "住宅", "空置")]
    with pytest.raises(ValidationError, match="第 3 行「房号」：“1栋101”可对应系统中的 “1栋1单元101”及本名册前面新建的房屋"):
        import_roster_file(db, "CHY", write_sheet(tmp_path / "b.xlsx", rows))
    assert counts(db) == (1, 1, 1, 1)


# ---- odd but good sheets -----------------------------------------------------------------------

def test_title_blank_rows_and_total_row_import(db, project, tmp_path):
    rows = [("翠湖园业主名册",), ("制表单位：原物业服务有限公司",), (), ROSTER_HEADER, *roster_rows(2), (),
            *roster_rows(1, start=3), ("合计", None, None, 267, None, None)]
    report = import_roster_file(db, "CHY", write_sheet(tmp_path / "t.xlsx", rows, ["A1:F1"]))
    assert report.created_units == 3
    assert [(s.row, s.reason) for s in report.skipped] == [(7, "空行"), (9, "合计行")]
    assert "跳过 空行 1 行、合计行 1 行" in report.summary()
    assert counts(db)[0] == 3


def test_two_row_merged_header_imports(db, project, tmp_path):
    rows = [("房屋信息", None, "业主信息", None, "建筑面积(㎡)"), ("房号", "用途", "姓名", "手机", None),
            ("1栋101", "住宅", "张三", "13800138000", 90.12), ("1栋102", "商铺", "李四", "13800138001", 45)]
    path = write_sheet(tmp_path / "two.xlsx", rows, ["A1:B1", "C1:D1", "E1:E2"])
    preview = preview_roster(path)
    assert (preview.header.first_row, preview.header.last_row) == (1, 2)
    assert preview.header.labels == ("房屋信息/房号", "房屋信息/用途", "业主信息/姓名", "业主信息/手机", "建筑面积(㎡)")
    report = import_roster(db, project.id, preview)
    assert (report.created_units, report.created_owners) == (2, 2)
    with db.read() as s:
        assert s.scalar(select(Unit.area).where(Unit.number == "1栋101")) == Decimal("90.12")


def test_mapping_for_an_unrecognised_column(db, project, tmp_path):
    path = write_sheet(tmp_path / "m.xlsx", [("房号", "权利人", "面积"), ("101", "张三", 90)])
    assert "owner" in preview_roster(path).unrecognised
    report = import_roster_file(db, "CHY", path, mapping={"owner": 1})
    assert report.created_owners == 1


def test_one_person_owning_two_units_is_one_owner(db, project, tmp_path):
    rows = [ROSTER_HEADER, ("101", "张三", "13800138000", 90, "住宅", "空置"),
            ("车位 B2-1", "张三", "13800138000", 12, "车位", "空置")]
    report = import_roster_file(db, "CHY", write_sheet(tmp_path / "o.xlsx", rows))
    assert (report.created_units, report.created_owners) == (2, 1)


# ---- command line ------------------------------------------------------------------------------

def test_cli_imports_and_refuses(db, project, tmp_path, capsys, monkeypatch):
    cli_user(db, monkeypatch)  # importing writes: the command line signs in
    assert main.main(["import", "roster", str(SAMPLE), "--project", "CHY", "--db", db.url]) == 0
    assert "新增 48 户" in capsys.readouterr().out
    assert main.main(["import", "roster", str(bad_roster(tmp_path)), "--project", "CHY", "--db", db.url]) == 1
    err = capsys.readouterr().err
    assert "第 3 行「建筑面积」" in err and "第 2 行「房号」" in err and "第 5 行「房号」" in err
    assert len(err.strip().splitlines()) == 1
    assert counts(db)[0] == 48


# ---- progress and cancel -----------------------------------------------------------------------

def test_cancel_while_reading_or_writing_saves_nothing(db, project, tmp_path):
    from models.imports.sheet import ImportCancelled

    path = write_sheet(tmp_path / "long.xlsx", [ROSTER_HEADER, *roster_rows(600)])
    seen: list[tuple[int, int]] = []
    preview = preview_roster(path, progress=lambda done, total: seen.append((done, total)))
    assert len(preview.rows) == 600 and seen == [(500, 601)]
    with pytest.raises(ImportCancelled):
        preview_roster(path, progress=lambda done, total: False)
    with pytest.raises(ImportCancelled, match="未写入任何数据"):
        import_roster(db, project.id, preview, progress=lambda done, total: done < 400)
    assert counts(db) == (0, 0, 0, 0)
