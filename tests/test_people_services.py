"""Projects, buildings, units and owners typed at the desk (issue 12 point 2), on both backends:
the same checks as the roster import, refusals naming the field, personal data masked until a
supervisor unmasks one owner, and that unmasking in the audit log."""
from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from models.audit import AuditLog
from models.browse import TABLES, Scope
from models.db import UserRef
from models.errors import AuthError, StaleRecordError, ValidationError
from models.people import IdKind, Owner, Relation
from models.project import Occupancy, ProjectKind, Unit
from models.rules.unit_number import parse_unit_number
from models.services import people, projects, units
from models.services.people import OwnerForm
from models.services.projects import ProjectForm
from models.services.units import UnitForm

ID_CARD = "11010519491231002X"     # GB 11643's own example
ID_CARD_2 = "110101199003074258"
CREDIT = "91350100M000100Y43"      # a 统一社会信用代码 with a right check character
CLERK = UserRef(None, "wang", "王文员", "clerk")
SUPERVISOR = UserRef(None, "li", "李主管", "supervisor")


@pytest.fixture
def project(db) -> int:
    return projects.create_project(db, ProjectForm("CHY", "翠湖园", "住宅", "某市某路 88 号")).id


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as exc:
        call(*args, **kwargs)
    return str(exc.value)


# ---- projects ----------------------------------------------------------------------------------

def test_project_create_and_edit_refuse_a_duplicate_code(db):
    first = projects.create_project(db, ProjectForm(" CHY ", " 翠湖园 ", "住宅", "", "某物业公司"))
    assert (first.code, first.name, first.manager_company) == ("CHY", "翠湖园", "某物业公司")
    second = projects.create_project(db, ProjectForm("JHC", "金湖城", "商业"))
    assert "「项目编码」" in refused(projects.create_project, db, ProjectForm("CHY", "另一个"))
    assert "「项目编码」" in refused(projects.edit_project, db, second.id, second.version,
                                   ProjectForm("CHY", "金湖城", "商业"))
    assert "「项目名称」" in refused(projects.create_project, db, ProjectForm("NEW", "  "))
    assert "「项目编码」" in refused(projects.create_project, db, ProjectForm("A B", "名称"))
    assert "「项目类型」" in refused(projects.create_project, db, ProjectForm("NEW", "名称", "别墅"))
    edited = projects.edit_project(db, second.id, second.version, ProjectForm("JHC2", "金湖城二期", "混合", "新地址"))
    assert (edited.code, edited.name, edited.kind, edited.address) == ("JHC2", "金湖城二期", ProjectKind.MIXED, "新地址")
    assert [p.code for p in projects.list_projects(db)] == ["CHY", "JHC2"]
    with pytest.raises(StaleRecordError):  # someone saved since this desk read it
        projects.edit_project(db, second.id, second.version, ProjectForm("JHC3", "金湖城"))


# ---- buildings and units -----------------------------------------------------------------------

def test_building_save_names_the_field(db, project):
    b = units.save_building(db, project, None, 0, "1栋")
    assert "「楼栋名称」" in refused(units.save_building, db, project, None, 0, "  ")
    assert "同一栋" in refused(units.save_building, db, project, None, 0, "1号楼")
    assert "「排序」" in refused(units.save_building, db, project, None, 0, "2栋", "第二")
    renamed = units.save_building(db, project, b.id, b.version, "1号楼", "5")
    assert (renamed.name, renamed.sort_no) == ("1号楼", 5)


@pytest.mark.parametrize(("form", "field"), [
    (UnitForm(""), "「房号」"),
    (UnitForm("1" * 50), "「房号」"),
    (UnitForm("101", area="1o0"), "「建筑面积」"),
    (UnitForm("101", area="-5"), "「建筑面积」"),
    (UnitForm("101", use="别墅"), "「房屋用途」"),
    (UnitForm("101", occupancy="出售"), "「入住状态」"),
])
def test_unit_save_refusals_name_the_field(db, project, form, field):
    assert field in refused(units.save_unit, db, project, None, 0, form)


def test_unit_number_as_people_write_it(db, project):
    dashed = units.save_unit(db, project, None, 0, UnitForm("1-1-101", area="89.50"))
    # 单元 and floor are read from the number as the rules module reads it; the building is made.
    parts = parse_unit_number("1-1-101")
    assert (dashed.building, dashed.entrance, dashed.floor) == (parts.building, parts.entrance, parts.floor)
    assert (dashed.building, dashed.entrance, dashed.floor, dashed.area) == ("1栋", "1", "1", Decimal("89.50"))
    named = units.save_unit(db, project, None, 0, UnitForm("2栋3单元1201", use="住宅", occupancy="已入住"))
    assert (named.building, named.entrance, named.floor, named.occupancy) == ("2栋", "3", "12", Occupancy.OCCUPIED)
    # "1栋1单元101" is the room "1-1-101" already names; full-width is the same number as well
    assert "同一套房屋" in refused(units.save_unit, db, project, None, 0, UnitForm("1栋1单元101"))
    assert "已存在" in refused(units.save_unit, db, project, None, 0, UnitForm("２栋3单元 1201"))
    assert [b.name for b in units.list_buildings(db, project)] == ["1栋", "2栋"]
    chosen = units.list_buildings(db, project)[1]
    assert "「楼栋」" in refused(units.save_unit, db, project, None, 0, UnitForm("1栋2单元502", chosen.id))
    parking = units.save_unit(db, project, None, 0, UnitForm("车位 B2-117", use="车位"))
    assert (parking.building_id, parking.floor) == (None, "B2")
    edited = units.save_unit(db, project, dashed.id, dashed.version, UnitForm("1-1-102", dashed.building_id, "90"))
    assert (edited.number, edited.floor, edited.area) == ("1-1-102", "1", Decimal("90"))


def test_entrance_and_floor_typed_where_the_number_does_not_say_them(db, project):
    b3 = units.save_building(db, project, None, 0, "3栋", "")
    typed = units.save_unit(db, project, None, 0, UnitForm("1201", b3.id, entrance="2单元", floor="12层"))
    assert (typed.building, typed.entrance, typed.floor) == ("3栋", "2", "12")
    with db.read() as s:
        stored = s.get(Unit, typed.id)
        assert (stored.entrance, stored.floor) == ("2", "12")  # kept on the unit, not only shown
    assert "「单元」" in refused(units.save_unit, db, project, None, 0, UnitForm("3栋1单元301", entrance="2"))
    assert "「楼层」" in refused(units.save_unit, db, project, None, 0, UnitForm("3栋2单元302", floor="十二"))
    assert "「单元」" in refused(units.save_unit, db, project, None, 0, UnitForm("3栋303", entrance="1" * 11))
    basement = units.save_unit(db, project, None, 0, UnitForm("储藏室 D-003", use="储藏室", floor="B1"))
    assert basement.floor == "B1"


# ---- owners ------------------------------------------------------------------------------------

def test_owner_with_several_phones_and_co_owners_of_one_unit(db, project):
    unit = units.save_unit(db, project, None, 0, UnitForm("3栋2单元1201"))
    zhang = people.save_owner(db, project, None, 0, OwnerForm(
        "张三", id_number="1101 0519 4912 3100 2x", mobile="138-0013-8000",
        other_phones="010 62345678、13900139000；13800138000"), unit_id=unit.id)
    assert zhang.mobile == "138****8000" and zhang.other_phones == ("010-****5678", "139****9000")
    assert zhang.id_number == "1101**********002X" and zhang.masked and zhang.units == ("3栋2单元1201",)
    li = people.save_owner(db, project, None, 0, OwnerForm("李四", id_kind="护照", id_number="E12345678",
                                                          mobile="13912345678"), unit_id=unit.id)
    detail = units.unit_detail(db, unit.id)
    assert [(o.name, o.relation, o.mobile) for o in detail.owners] == [
        ("张三", Relation.OWNER, "138****8000"), ("李四", Relation.OWNER, "139****5678")]
    renter = people.save_owner(db, project, None, 0, OwnerForm("王五", mobile="13700137000"),
                               unit_id=unit.id, relation="使用人")
    assert renter.units == ("3栋2单元1201（使用人）",)
    assert "已是房屋" in refused(people.link_owner, db, unit.id, li.id)
    second = units.save_unit(db, project, None, 0, UnitForm("3栋2单元1202"))
    assert [o.name for o in people.link_owner(db, second.id, zhang.id).owners] == ["张三"]
    assert people.owner_detail(db, zhang.id).units == ("3栋2单元1201", "3栋2单元1202")
    with db.read() as s:  # stored whole and alike, whatever the clerk typed
        stored = s.get(Owner, zhang.id)
        assert (stored.mobile, stored.other_phones, stored.id_number) == (
            "13800138000", "010-62345678、13900139000", ID_CARD)


@pytest.mark.parametrize(("form", "field", "words"), [
    (OwnerForm(""), "「业主姓名或单位名称」", "不能为空"),
    (OwnerForm("张三", id_number="110105194912310021"), "「证件号码」", "校验码"),
    (OwnerForm("张三", id_number="110105202912310021"), "「证件号码」", "出生日期"),
    (OwnerForm("张三", id_kind="护照", id_number="护照号"), "「证件号码」", "护照"),
    (OwnerForm("张三", id_kind="港澳台通行证", id_number="X1234567"), "「证件号码」", "通行证"),
    (OwnerForm("张三", mobile="1380013800"), "「联系电话」", "电话号码"),
    (OwnerForm("张三", mobile="13800138000、13900139000"), "「联系电话」", "其他电话"),
    (OwnerForm("张三", other_phones="13800138000、12345"), "「其他电话」", "12345"),
    (OwnerForm("张三", id_kind="驾驶证"), "「证件类型」", "无效"),
    (OwnerForm("某公司", is_company=True, id_kind="身份证"), "「证件类型」", "统一社会信用代码"),
    (OwnerForm("某公司", is_company=True, id_kind="统一社会信用代码", id_number="91350100M000100Y44"),
     "「证件号码」", "校验码"),
    (OwnerForm("某公司", is_company=True, id_kind="统一社会信用代码", id_number="91350100M0001OOY43"),
     "「证件号码」", "I、O、S、V、Z"),
])
def test_owner_refusals_name_the_field(db, project, form, field, words):
    message = refused(people.save_owner, db, project, None, 0, form)
    assert field in message and words in message


def test_company_owner_with_its_credit_code(db, project):
    unit = units.save_unit(db, project, None, 0, UnitForm("商铺 S-105", use="商铺"))
    company = people.save_owner(db, project, None, 0, OwnerForm(
        "某某贸易有限公司", is_company=True, id_kind="统一社会信用代码", id_number=CREDIT.lower(),
        mobile="0591-87654321转801"), unit_id=unit.id)
    assert company.is_company and company.id_kind is IdKind.CREDIT_CODE
    assert company.id_number == "9135**********0Y43" and company.mobile == "0591-****4321转801"
    assert "「证件号码」" in refused(people.save_owner, db, project, None, 0, OwnerForm(
        "另一家公司", is_company=True, id_kind="统一社会信用代码", id_number=CREDIT))  # the same code twice


def test_an_edit_keeps_what_was_shown_masked_and_refuses_a_masked_value_typed(db, project):
    owner = people.save_owner(db, project, None, 0, OwnerForm("张三", id_number=ID_CARD, mobile="13800138000"))
    shown = people.owner_detail(db, owner.id)
    kept = people.save_owner(db, project, owner.id, shown.version, OwnerForm("张三丰"))  # personal fields None
    assert kept.name == "张三丰"
    with db.read() as s:
        assert (s.get(Owner, owner.id).mobile, s.get(Owner, owner.id).id_number) == ("13800138000", ID_CARD)
    assert "打码" in refused(people.save_owner, db, project, owner.id, kept.version,
                             OwnerForm("张三丰", mobile=shown.mobile))
    changed = people.save_owner(db, project, owner.id, kept.version, OwnerForm("张三丰", id_number=ID_CARD_2))
    assert changed.id_number == "1101**********4258"


# ---- masked by default, unmasked one at a time, audited ---------------------------------------

def test_lists_show_personal_data_masked(db, project):
    unit = units.save_unit(db, project, None, 0, UnitForm("1-1-101"))
    people.save_owner(db, project, None, 0, OwnerForm("张三", id_number=ID_CARD, mobile="13800138000",
                                                     other_phones="010-62345678"), unit_id=unit.id)
    spec = TABLES["owners"]
    with db.read() as s:
        rows = spec.fetch(s, Scope(project))
        assert [r[:7] for r in rows] == [("张三", "个人", "1-1-101", "138****8000", "010-****5678", IdKind.ID_CARD,
                                          "1101**********002X")]
        assert spec.count(s, Scope(project), "8000") == 1           # the last four the list shows
        assert spec.count(s, Scope(project), "1380013") == 0        # never a fragment of the hidden middle
        assert spec.count(s, Scope(project), "13800138000") == 1    # the whole number typed
        units_rows = TABLES["units"].fetch(s, Scope(project))
        assert [r[0] for r in units_rows] == ["1-1-101"] and units_rows[0][7] == "张三" and units_rows[0][2:4] == ("1", "1")


def test_export_of_the_owners_list_is_masked(db, project, tmp_path):
    from reports.excel.tab_export import export_tab

    people.save_owner(db, project, None, 0, OwnerForm("张三", id_number=ID_CARD, mobile="13800138000"))
    out = tmp_path / "owners.xlsx"
    assert export_tab(db, "owners", "CHY", out) == 1
    cells = [str(c) for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c]
    assert "138****8000" in cells and "1101**********002X" in cells
    assert not any("13800138000" in c or ID_CARD in c for c in cells)


def test_unmasking_is_audited_and_a_clerk_is_refused(db, project):
    owner = people.save_owner(db, project, None, 0, OwnerForm("张三", id_number=ID_CARD, mobile="13800138000"))
    db.user = CLERK
    assert people.owner_detail(db, owner.id).may_unmask is False
    with pytest.raises(AuthError, match="主管"):
        people.unmask_owner(db, owner.id)
    db.user = SUPERVISOR
    assert people.owner_detail(db, owner.id).may_unmask
    full = people.unmask_owner(db, owner.id)
    assert (full.mobile, full.id_number, full.masked) == ("13800138000", ID_CARD, False)
    assert people.owner_detail(db, owner.id).mobile == "138****8000"  # the next read is masked again
    with db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action == "unmask")).all()
        assert [(r.username, r.table_name, r.record_id) for r in rows] == [("li", "owners", owner.id)]
        assert "张三" in rows[0].note
        assert not any(ID_CARD in (r.note or "") + (r.after or "") or "13800138000" in (r.note or "") + (r.after or "")
                       for r in s.scalars(select(AuditLog)))  # the log masks personal data as well


def test_delete_refuses_what_is_still_linked(db, project):
    unit = units.save_unit(db, project, None, 0, UnitForm("1-1-101"))
    owner = people.save_owner(db, project, None, 0, OwnerForm("张三"), unit_id=unit.id)
    assert "不能删除" in refused(people.delete_owner, db, owner.id, owner.version)
    assert "不能删除" in refused(units.delete_unit, db, unit.id, unit.version)
    building = units.list_buildings(db, project)[0]
    assert "不能删除" in refused(units.delete_building, db, building.id, building.version)
    link = units.unit_detail(db, unit.id).owners[0]
    assert people.unlink_owner(db, link.id, link.version).owners == ()
    people.delete_owner(db, owner.id, owner.version)
    units.delete_unit(db, unit.id, units.unit_detail(db, unit.id).version)
    units.delete_building(db, building.id, building.version)
    assert units.list_buildings(db, project) == []


def test_a_kept_number_is_checked_again_only_when_its_kind_changes(db, project):
    with db.begin() as s:  # as an older import stored it: checksum right, region 99 unknown to GB/T 2260
        imported = Owner(project_id=project, name="赵六", id_number="990101199001011230")
        s.add(imported)
        s.flush()
        owner_id = imported.id
    shown = people.owner_detail(db, owner_id)
    renamed = people.save_owner(db, project, owner_id, shown.version, OwnerForm("赵六六"))  # not blocked
    assert renamed.name == "赵六六"
    message = refused(people.save_owner, db, project, owner_id, renamed.version,
                      OwnerForm("赵六六", id_kind="护照"))
    assert "「证件号码」" in message and "证件类型" in message
