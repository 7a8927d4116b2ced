"""Handing the data on to HC 小区管理系统 (issue 17 point 4), SQLite and PostgreSQL.

The small demo's handover is exported from the command line, then imported into a fresh database (a new
project) through this app's own roster and ledger imports, as a clerk would: `import roster` with the
codes HC writes (房屋用途:110=住宅 …), `import ledger` with 欠费金额=费用 for HC's fee sheet, and the
payment history appended. The same units, the same owners per unit and the same arrears and
prepayments to the fen (overall and per fee item) must come back.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from cli_login import cli_user, signed_out
from conftest import TEST_USER, new_pg_schema, pg_url, sqlite_database
from openpyxl import load_workbook
from sqlalchemy import and_, select
from xlsx_builder import write_sheet

import main
from models.audit import AuditLog
from models.db import Database, UserRef
from models.demo import build_demo
from models.errors import AuthError, Cancelled
from models.imports.ledger import import_ledger, preview_ledger
from models.imports.roster import import_roster, preview_roster
from models.imports.sheet import ColumnMap
from models.migrate import upgrade
from models.people import Owner, Relation, Role, UnitOwnership
from models.project import Building, Unit
from models.rules.unit_match import UnitMatcher, compose_address
from models.services import projects
from models.services.fee_results import fee_results
from reports.excel.hc_export import ASSET_HEADERS, FEE_HEADERS, HISTORY_HEADERS, export_hc

CODES = ["房屋用途:110=住宅", "房屋用途:119=办公", "入住状态:2001=已入住", "入住状态:2002=空置",
         "入住状态:2004=空置", "入住状态:2009=装修中"]
CENT = Decimal("0.01")


@pytest.fixture
def fresh(db: Database, tmp_path: Path) -> Iterator[Database]:
    """Another, empty database on the same backend as `db`: the next company's."""
    if db.is_sqlite:
        (tmp_path / "next").mkdir()
        other = sqlite_database(tmp_path / "next")
        yield other
        other.dispose()
        return
    for schema in new_pg_schema():
        other = Database(pg_url(schema), user=TEST_USER)
        upgrade(other.engine)
        yield other
        other.dispose()


def demo_handover(db: Database) -> int:
    build_demo(db, size="small", seed=2026)
    project = projects.project_by_code(db, "CHY")
    return projects.list_handovers(db, project.id)[0].id


def units_of(db: Database, project_id: int) -> dict[str, tuple]:
    """number → (building, 单元, floor, area, use, occupancy)."""
    with db.read() as s:
        rows = s.execute(select(Unit.number, Building.name, Unit.entrance, Unit.floor, Unit.area, Unit.use,
                                Unit.occupancy).outerjoin(Building, Unit.building_id == Building.id)
                         .where(Unit.project_id == project_id))
        return {r[0]: tuple(r[1:]) for r in rows}


def owners_of(db: Database, project_id: int) -> dict[str, list[tuple[str, str, str]]]:
    """number → the current owners' (name, phone, ID number), sorted."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    with db.read() as s:
        rows = s.execute(select(Unit.number, Owner.name, Owner.mobile, Owner.id_number)
                         .join(UnitOwnership, and_(UnitOwnership.unit_id == Unit.id,
                                                   UnitOwnership.relation == Relation.OWNER,
                                                   UnitOwnership.until.is_(None)))
                         .join(Owner, Owner.id == UnitOwnership.owner_id).where(Unit.project_id == project_id))
        for number, *owner in rows:
            out[number].append(tuple(owner))
    return {k: sorted(v) for k, v in out.items()}


def by_item(lines) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for line in lines:
        sums[line.fee_item] += line.amount
    return dict(sums)


def test_the_export_reimports_through_our_importers_to_the_same_units_and_totals(db, fresh, tmp_path,
                                                                                   capsys, monkeypatch):
    handover = demo_handover(db)
    source = projects.list_handovers(db, projects.project_by_code(db, "CHY").id)[0]
    before = fee_results(db, handover)
    out = tmp_path / "hc"
    cli_user(db, monkeypatch, "boss", Role.SUPERVISOR)
    assert main.main(["export", "hc", "--handover", str(handover), "--out", str(out), "--db", db.url]) == 0
    said = capsys.readouterr().out
    assert f"欠费 {len(before.arrears)} 笔 {before.arrears_total:,}" in said
    assert f"预收 {len(before.prepayments)} 笔 {before.prepaid_total:,}" in said

    # The next company: a new project, the files through `import roster` and `import ledger`.
    cli_user(fresh, monkeypatch, "boss", Role.SUPERVISOR)
    projects.add_project(fresh, "NEXT", "翠湖园")
    new = projects.add_handover(fresh, "NEXT", "进场接管", source.from_company, source.to_company,
                                source.cutoff_date).id
    values = [a for code in CODES for a in ("--value", code)]
    assert main.main(["import", "roster", str(out / "资产信息.xlsx"), "--project", "NEXT", *values,
                      "--db", fresh.url]) == 0
    assert "共有业主，分行列出，合为一户导入" in capsys.readouterr().out
    assert main.main(["import", "ledger", str(out / "房屋费用信息.xlsx"), "--handover", str(new),
                      "--map", "欠费金额=费用", "--db", fresh.url]) == 0
    # HC's payment history: each line a period billed and paid, so 缴费金额 is both 应收 and 实收
    assert main.main(["import", "ledger", str(out / "房屋缴费历史.xlsx"), "--handover", str(new), "--append",
                      "--map", "应收金额=缴费金额", "--map", "实收金额=缴费金额", "--db", fresh.url]) == 0
    capsys.readouterr()

    old_id, new_id = projects.project_by_code(db, "CHY").id, projects.project_by_code(fresh, "NEXT").id
    old_units, new_units = units_of(db, old_id), units_of(fresh, new_id)
    assert len(new_units) == len(old_units) == 204
    assert new_units == old_units  # number as written, building, 单元, floor, area, use, occupancy
    assert owners_of(fresh, new_id) == owners_of(db, old_id)  # co-owners too, phones and IDs in full

    after = fee_results(fresh, new)
    assert (len(after.arrears), after.arrears_total) == (len(before.arrears), before.arrears_total)
    assert (len(after.prepayments), after.prepaid_total) == (len(before.prepayments), before.prepaid_total)
    assert by_item(after.arrears) == by_item(before.arrears)
    assert by_item(after.prepayments) == by_item(before.prepayments)
    key = lambda a: (a.unit, a.fee_item, a.period_start, a.period_end, a.amount)  # noqa: E731
    assert sorted(map(key, after.arrears)) == sorted(map(key, before.arrears))
    assert sorted(map(key, after.prepayments)) == sorted(map(key, before.prepayments))


def test_the_files_have_the_templates_sheets_headers_and_types(db, tmp_path):
    handover = demo_handover(db)
    results = fee_results(db, handover)
    done = export_hc(db, handover, tmp_path)
    assert [p.name for p in done.files] == ["资产信息.xlsx", "房屋费用信息.xlsx", "房屋缴费历史.xlsx"]

    assets = load_workbook(tmp_path / "资产信息.xlsx")
    assert assets.sheetnames == ["资产信息", "说明"]  # HC finds its sheet by name; the notes are for people
    rows = list(assets["资产信息"].iter_rows(values_only=True))
    assert rows[0] == ASSET_HEADERS == (
        "楼号", "单元", "房屋", "楼层", "总楼层", "是否有电梯", "房屋类型", "房屋户型", "建筑面积", "室内面积", "租金",
        "房屋状态", "业主名称", "性别", "手机号", "身份证", "业主类型")
    first = rows[1]
    assert first[:3] == ("1", "1", "101") and first[6] == "110" and first[16] == "1001"
    assert isinstance(first[4], int) and first[5] in ("有", "无")
    assert isinstance(first[8], float) and assets["资产信息"]["I2"].number_format == "0.00"
    with db.read() as s:
        owner = s.execute(select(Owner.name, Owner.mobile, Owner.id_number).where(Owner.name == first[12])).first()
    assert (first[12], first[14], first[15]) == tuple(owner)  # in full: the next company needs them
    assert first[13] == ("男" if int(owner.id_number[16]) % 2 else "女")
    assert len(rows) - 1 == done.owners == sum(len(v) for v in owners_of(db, projects.project_by_code(db, "CHY").id).values())
    shops = [r for r in rows[1:] if r[2].startswith("商铺")]
    assert shops and all(r[0] == "沿街商铺" and r[1] is None and r[6] == "商铺" for r in shops)

    fees = load_workbook(tmp_path / "房屋费用信息.xlsx")
    assert fees.sheetnames == ["房屋费用信息"]
    ws = fees["房屋费用信息"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0].startswith("翠湖园") and rows[1] == FEE_HEADERS == ("房屋", "费用名称", "开始时间", "结束时间", "费用")
    data = rows[2:]
    assert len(data) == len(results.arrears)
    assert all(isinstance(r[2], dt.datetime) and isinstance(r[3], dt.datetime) for r in data)
    assert ws["C3"].number_format == "yyyy-mm-dd" and ws["E3"].number_format == "#,##0.00"
    assert all(isinstance(r[4], (int, float)) for r in data)
    assert sum(Decimal(str(r[4])).quantize(CENT) for r in data) == results.arrears_total
    first_arrears = results.arrears[0]
    assert data[0] == ("1-1-101", first_arrears.fee_item, dt.datetime.combine(first_arrears.period_start, dt.time()),
                       dt.datetime.combine(first_arrears.period_end, dt.time()), float(first_arrears.amount))

    history = load_workbook(tmp_path / "房屋缴费历史.xlsx")
    assert history.sheetnames == ["房屋缴费历史"]
    rows = list(history["房屋缴费历史"].iter_rows(values_only=True))
    assert rows[0] == HISTORY_HEADERS == ("楼栋编号", "单元编号", "房屋编号", "收费项目", "缴费周期", "开始时间",
                                          "结束时间", "缴费时间", "缴费金额", "备注")
    assert len(rows) - 1 == len(results.prepayments)
    assert all(r[7] == dt.datetime.combine(results.cutoff, dt.time()) and r[5].date() > results.cutoff
               for r in rows[1:])
    assert all(isinstance(r[4], int) and r[4] >= 1 for r in rows[1:])
    assert sum(Decimal(str(r[8])).quantize(CENT) for r in rows[1:]) == results.prepaid_total


def test_a_cancelled_export_leaves_no_file(sqlite_db, tmp_path):
    handover = demo_handover(sqlite_db)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 1000  # the clerk presses 取消 while the fee sheet is written

    with pytest.raises(Cancelled):
        export_hc(sqlite_db, handover, tmp_path / "hc", progress)
    assert list((tmp_path / "hc").iterdir()) == []
    assert any(done >= 500 for done, _total in seen)


def test_only_a_supervisor_exports_and_the_audit_row_names_no_one(db, tmp_path, capsys, monkeypatch):
    handover = demo_handover(db)
    db.user = UserRef(None, "clerk", "文员", Role.CLERK.value)
    with pytest.raises(AuthError, match="主管"):
        export_hc(db, handover, tmp_path / "no")
    assert not (tmp_path / "no" / "资产信息.xlsx").exists()
    db.user = TEST_USER
    signed_out(monkeypatch)
    assert main.main(["export", "hc", "--handover", str(handover), "--out", str(tmp_path / "x"), "--db", db.url]) != 0
    assert "须登录" in capsys.readouterr().err
    cli_user(db, monkeypatch, "desk", Role.CLERK)
    assert main.main(["export", "hc", "--handover", str(handover), "--out", str(tmp_path / "x"), "--db", db.url]) != 0
    assert "需要主管权限" in capsys.readouterr().err
    export_hc(db, handover, tmp_path / "ok")
    with db.read() as s:
        notes = list(s.scalars(select(AuditLog.note).where(AuditLog.action == "export")))
        phones = set(s.scalars(select(Owner.mobile)))
    assert notes == ["导出到其他物业系统：交接 1，房屋 204 户、业主 220 人的完整联系电话与证件号码"]
    assert not any(p in notes[0] for p in phones)


# ---- what the importers learned for it --------------------------------------------------------------------

def test_a_space_number_beside_a_building_column_is_kept_whole_and_found_without_it() -> None:
    assert compose_address("地下车库", "", "车位 B1-001").number == "车位 B1-001"
    assert compose_address("地下车库", "", "车位 B1-001").building == "地下车库"
    assert compose_address("1", "2", "101").number == "1栋2单元101"  # unchanged for the rest
    units = UnitMatcher([(1, "车位 B1-001", "地下车库", ""), (2, "1栋1单元101", "1栋", "1"),
                         (3, "储藏室 D-001", "地下车库", ""), (4, "储藏室 D-001", "2栋", "")])
    assert units.find("车位 B1-001") == (1, [])
    assert units.find("储藏室 D-001") == (None, [3, 4])  # two of them: which one is the clerk's to say
    assert units.find("101") == (None, [])  # a bare room is still never matched across buildings


def test_one_row_per_co_owner_is_one_unit_and_disagreeing_rows_stay_repeated(sqlite_db, tmp_path) -> None:
    projects.add_project(sqlite_db, "GY", "共有园")
    rows = [("楼号", "单元", "房屋", "建筑面积", "业主名称", "手机号"),
            ("1", "1", "101", "89.50", "王芳", "13800138001"),
            ("1", "1", "101", "89.50", "李强", "13800138002"),
            ("1", "1", "102", "89.50", "赵六", "13800138003")]
    preview = preview_roster(write_sheet(tmp_path / "co.xlsx", rows))
    assert preview.ok, preview.refusal()
    assert [(r.number, [o.name for o in r.owners]) for r in preview.rows] == [
        ("1栋1单元101", ["王芳", "李强"]), ("1栋1单元102", ["赵六"])]
    assert any("第 2、3 行是“1栋1单元101”的共有业主" in n for n in preview.notes)
    import_roster(sqlite_db, projects.project_by_code(sqlite_db, "GY").id, preview)
    assert owners_of(sqlite_db, projects.project_by_code(sqlite_db, "GY").id)["1栋1单元101"] == [
        ("李强", "13800138002", ""), ("王芳", "13800138001", "")]
    rows[2] = ("1", "1", "101", "92.00", "李强", "13800138002")  # another area: not the same unit's row
    preview = preview_roster(write_sheet(tmp_path / "dup.xlsx", rows))
    assert {p.row for p in preview.problems if "重复" in p.message} == {2, 3}


def test_a_payment_history_mapped_as_billed_and_paid_appends_to_the_arrears_list(sqlite_db, tmp_path) -> None:
    projects.add_project(sqlite_db, "JF", "缴费园")
    import_roster(sqlite_db, projects.project_by_code(sqlite_db, "JF").id,
                  preview_roster(write_sheet(tmp_path / "r.xlsx", [("房号", "业主姓名"), ("1-1-101", "甲")])))
    handover = projects.add_handover(sqlite_db, "JF", "进场接管", "原物业", "新物业", dt.date(2026, 6, 30)).id
    owed = [("房屋", "费用名称", "开始时间", "结束时间", "欠费"), ("1-1-101", "物业服务费", "2026-06-01", "2026-06-30", "300.00")]
    import_ledger(sqlite_db, handover, preview_ledger(sqlite_db, handover, write_sheet(tmp_path / "o.xlsx", owed)))
    paid = write_sheet(tmp_path / "p.xlsx", [("房屋", "收费项目", "开始时间", "结束时间", "缴费金额"),
                                             ("1-1-101", "物业服务费", "2026-05-01", "2026-05-31", "300.00"),
                                             ("1-1-101", "物业服务费", "2026-07-01", "2026-12-31", "1800.00")])
    alone = preview_ledger(sqlite_db, handover, paid)
    assert not alone.ok and "应收、实收、欠费至少要有两列" in alone.refusal()  # 实收 alone says nothing owed
    both = ColumnMap({"应收金额": "缴费金额", "实收金额": "缴费金额"})  # the clerk: billed and paid, each period
    preview = preview_ledger(sqlite_db, handover, paid, both)
    assert preview.ok, preview.refusal()
    assert [(r.billed, r.paid, r.arrears) for r in preview.rows] == [
        (Decimal("300.00"), Decimal("300.00"), Decimal("0.00")), (Decimal("1800.00"), Decimal("1800.00"), Decimal("0.00"))]
    report = import_ledger(sqlite_db, handover, preview, append=True)
    assert report.replaced == 0
    results = fee_results(sqlite_db, handover)
    assert (results.arrears_total, results.prepaid_total) == (Decimal("300.00"), Decimal("1800.00"))
    replaced = import_ledger(sqlite_db, handover, preview_ledger(sqlite_db, handover, paid, both))
    assert replaced.replaced == 3  # without append the file replaces what was imported before
    assert fee_results(sqlite_db, handover).arrears_total == Decimal("0.00")


def test_a_unit_written_two_ways_is_still_a_repeated_unit_not_co_owners(sqlite_db, tmp_path) -> None:
    rows = [("房号", "业主姓名"), ("1-1-0101", "甲"), ("1栋1单元101", "乙")]
    preview = preview_roster(write_sheet(tmp_path / "dup.xlsx", rows))
    assert sorted(p.row for p in preview.problems if "重复" in p.message) == [2, 3]
