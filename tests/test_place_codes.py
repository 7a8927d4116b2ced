"""A unit's use and occupancy, a project's kind, an owner's ID kind and a person's tie to a unit are stored
as codes (migration 0013) and decided on as members, while the clerk's words still go in.

Services take a member, its code, its Chinese label (the clerk's and the spreadsheets' words) or its
English label; anything else is refused naming the field. Old words in a database restored from an
older backup read back as their members.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from sqlalchemy import select, text

from models import i18n
from models.browse import Scope
from models.browse_people import OWNERS, UNITS
from models.errors import ValidationError
from models.fees import FeeItem, Tariff
from models.people import IdKind, Owner, Relation
from models.project import Occupancy, ProjectKind, UnitUse
from models.rules.identity import id_kind_of, id_problem
from models.rules.tariffs import Rate, rate_on
from models.services import fee_items, people, projects, roster, units
from models.services.key_intake import UnitRef, unit_stem
from models.services.people import OwnerForm
from models.services.projects import ProjectForm
from models.services.units import UnitForm

TODAY = dt.date(2026, 12, 1)
ID_A = "110105198001011238"


def raw(db, sql: str, **params):
    """What the column really holds, past the enum type."""
    with db.read() as s:
        return s.execute(text(sql), params).scalar_one()


@pytest.fixture()
def project(db):
    return projects.create_project(db, ProjectForm("CHY", "翠湖园", "住宅")).id


@pytest.fixture()
def english():
    i18n.set_language(i18n.ENGLISH)
    yield
    i18n.set_language(i18n.CHINESE)


def test_project_kind_from_the_clerks_word_is_stored_as_its_code(db, project):
    assert raw(db, "SELECT kind FROM projects WHERE id = :i", i=project) == "residential"
    office = projects.create_project(db, ProjectForm("XZL", "写字楼项目", "写字楼"))
    assert office.kind is ProjectKind.OFFICE
    assert raw(db, "SELECT kind FROM projects WHERE id = :i", i=office.id) == "office"
    by_code = projects.create_project(db, ProjectForm("SY", "商业项目", "commercial"))
    assert by_code.kind is ProjectKind.COMMERCIAL
    with pytest.raises(ValidationError, match="「项目类型」“别墅”无效，应为：住宅、写字楼、商业、混合。"):
        projects.create_project(db, ProjectForm("BS", "别墅", "别墅"))


def test_a_unit_from_chinese_words_stores_codes_and_reads_members(db, project):
    unit = units.save_unit(db, project, None, 0, UnitForm("商铺 S-101", use="商铺", occupancy="已入住"))
    assert (unit.use, unit.occupancy) == (UnitUse.SHOP, Occupancy.OCCUPIED)
    assert raw(db, "SELECT use FROM units WHERE id = :i", i=unit.id) == "shop"
    assert raw(db, "SELECT occupancy FROM units WHERE id = :i", i=unit.id) == "occupied"
    with pytest.raises(ValidationError, match="「房屋用途」“别墅”无效，应为：住宅、商铺、办公、车位、储藏室。"):
        units.save_unit(db, project, None, 0, UnitForm("102", use="别墅"))
    with pytest.raises(ValidationError, match="「入住状态」“出售”无效"):
        units.save_unit(db, project, None, 0, UnitForm("102", occupancy="出售"))


def test_english_labels_are_accepted_and_refusals_list_english_choices(db, project, english):
    unit = units.save_unit(db, project, None, 0, UnitForm("B1-001", use="Parking space", occupancy="vacant"))
    assert (unit.use, unit.occupancy) == (UnitUse.PARKING, Occupancy.VACANT)
    owner = people.save_owner(db, project, None, 0, OwnerForm("John Smith", id_kind="Passport", id_number="E12345678"))
    assert owner.id_kind is IdKind.PASSPORT
    with pytest.raises(ValidationError) as refused:
        units.save_unit(db, project, None, 0, UnitForm("B1-002", use="Villa"))
    assert "Shop" in str(refused.value) and "商铺" not in str(refused.value)


def test_an_old_word_restored_from_an_older_backup_reads_as_its_member(db, project):
    unit = units.save_unit(db, project, None, 0, UnitForm("101"))
    owner = people.save_owner(db, project, None, 0, OwnerForm("张三", id_number=ID_A), unit_id=unit.id)
    with db.begin() as s:  # as a backup written before migration 0013 holds them
        s.execute(text("UPDATE units SET use = '车位', occupancy = '装修中' WHERE id = :i"), {"i": unit.id})
        s.execute(text("UPDATE owners SET id_kind = '身份证' WHERE id = :i"), {"i": owner.id})
        s.execute(text("UPDATE unit_ownerships SET relation = '使用人' WHERE owner_id = :i"), {"i": owner.id})
    detail = units.unit_detail(db, unit.id)
    assert (detail.use, detail.occupancy) == (UnitUse.PARKING, Occupancy.RENOVATING)
    assert detail.owners[0].relation is Relation.OCCUPANT
    assert people.owner_detail(db, owner.id).id_kind is IdKind.ID_CARD


def test_id_kind_defaults_on_the_server_to_the_id_card_code(db, project):
    with db.begin() as s:  # a raw insert (an older app version on a shared server) names no kind
        s.execute(text("INSERT INTO owners (project_id, name, is_company, mobile, other_phones, id_number, version, "
                       "updated_at) VALUES (:p, '李四', false, '', '', '', 1, CURRENT_TIMESTAMP)"), {"p": project})
    assert raw(db, "SELECT id_kind FROM owners WHERE name = '李四'") == "id_card"
    with db.read() as s:
        assert s.scalar(select(Owner.id_kind).where(Owner.name == "李四")) is IdKind.ID_CARD


def test_the_id_rules_decide_on_members(db, project):
    company = people.save_owner(db, project, None, 0, OwnerForm("某某贸易有限公司", is_company=True,
                                                                 id_kind="统一社会信用代码"))
    assert company.id_kind is IdKind.CREDIT_CODE
    assert raw(db, "SELECT id_kind FROM owners WHERE id = :i", i=company.id) == "credit_code"
    with pytest.raises(ValidationError, match="「证件类型」单位业主的证件应为统一社会信用代码"):
        people.save_owner(db, project, None, 0, OwnerForm("某公司", is_company=True, id_kind=IdKind.ID_CARD))
    with pytest.raises(ValidationError, match="「证件类型」“驾驶证”无效"):
        people.save_owner(db, project, None, 0, OwnerForm("王五", id_kind="驾驶证"))
    # the passport rule is chosen by the member, whatever it was given as
    assert id_problem(IdKind.PASSPORT, "E12345678", TODAY) == "" == id_problem("护照", "E12345678", TODAY)
    assert "护照号码" in id_problem("passport", "X1", TODAY)
    assert id_kind_of("台胞证") is IdKind.PERMIT and id_kind_of("Passport") is IdKind.PASSPORT
    assert id_kind_of("驾驶证") is None


def test_relation_from_words_stores_codes_and_owners_come_first(db, project):
    unit = units.save_unit(db, project, None, 0, UnitForm("商铺 S-105", use=UnitUse.SHOP))
    tenant = people.save_owner(db, project, None, 0, OwnerForm("阿租"), unit_id=unit.id, relation="使用人")
    people.save_owner(db, project, None, 0, OwnerForm("张业主"), unit_id=unit.id)
    assert raw(db, "SELECT relation FROM unit_ownerships WHERE owner_id = :i", i=tenant.id) == "occupant"
    detail = units.unit_detail(db, unit.id)
    # owners before occupants, as before (the codes alone would sort 'occupant' first)
    assert [(o.name, o.relation) for o in detail.owners] == [("张业主", Relation.OWNER), ("阿租", Relation.OCCUPANT)]
    assert tenant.units == ("商铺 S-105（使用人）",)
    with pytest.raises(ValidationError, match="「关系」“房客”无效，应为：业主、使用人。"):
        people.link_owner(db, unit.id, tenant.id, "房客")
    with pytest.raises(ValidationError, match="已是房屋“商铺 S-105”的使用人"):
        people.link_owner(db, unit.id, tenant.id, Relation.OCCUPANT)


def test_the_owners_table_names_an_occupants_unit_in_the_desks_language(db, project, english):
    unit = units.save_unit(db, project, None, 0, UnitForm("101"))
    people.save_owner(db, project, None, 0, OwnerForm("Tenant"), unit_id=unit.id, relation=Relation.OCCUPANT)
    with db.read() as s:
        rows = OWNERS.fetch(s, Scope(project))
    held = rows[0][OWNERS.column_index("units")]
    assert held.startswith("101") and "Occupant" in held and "使用人" not in held
    assert rows[0][OWNERS.column_index("id_kind")] is IdKind.ID_CARD


def test_the_units_table_filters_by_member_and_sorts_in_the_forms_order(db, project):
    for number, use, occupancy in (("101", "住宅", "空置"), ("S-1", "商铺", "已入住"), ("B-1", "车位", "装修中")):
        units.save_unit(db, project, None, 0, UnitForm(number, use=use, occupancy=occupancy))
    use_col = UNITS.column_index("use")
    with db.read() as s:
        shops = UNITS.fetch(s, Scope(project), filters={"use": UnitUse.SHOP})
        by_label = UNITS.fetch(s, Scope(project), filters={"occupancy": "装修中"})
        nothing = UNITS.fetch(s, Scope(project), filters={"use": "别墅"})
        ordered = UNITS.fetch(s, Scope(project), sort_col=use_col)
    assert [r[0] for r in shops] == ["S-1"] and [r[0] for r in by_label] == ["B-1"] and nothing == []
    # 住宅, 商铺, 车位: the enum's (the form's) order, not the codes' (parking, residence, shop)
    assert [r[use_col] for r in ordered] == [UnitUse.RESIDENCE, UnitUse.SHOP, UnitUse.PARKING]


def test_tariffs_per_use_store_codes_and_every_use_stays_empty(db, project):
    with db.begin() as s:
        item = FeeItem(project_id=project, code="WYF", name="物业费", basis="per_m2_month")
        s.add(item)
        s.flush()
        item_id = item.id
    fee_items.set_rate(db, item_id, valid_from=dt.date(2020, 1, 1), rate=D("1.50"))
    row = fee_items.set_rate(db, item_id, valid_from=dt.date(2020, 1, 1), rate=D("3.50"), unit_use="商铺")
    assert [(t.unit_use, t.rate) for t in row.tariffs] == [(None, D("1.5000")), (UnitUse.SHOP, D("3.5000"))]
    with db.read() as s:
        stored = sorted(s.execute(text("SELECT unit_use FROM tariffs WHERE fee_item_id = :i"), {"i": item_id}).scalars())
        assert stored == ["", "shop"]
        assert s.scalar(select(Tariff.unit_use).where(Tariff.rate == D("1.5"))) is None
    # a second every-use rate replaces the first (found as "", not as NULL)
    row = fee_items.set_rate(db, item_id, valid_from=dt.date(2020, 1, 1), rate=D("1.60"), unit_use="")
    assert sorted((t.unit_use or "", t.rate) for t in row.tariffs) == [("", D("1.6000")), (UnitUse.SHOP, D("3.5000"))]
    with pytest.raises(ValidationError, match="「房屋用途」无效：别墅区。可选：住宅、商铺"):
        fee_items.set_rate(db, item_id, valid_from=dt.date(2021, 1, 1), rate=D("1"), unit_use="别墅区")


def test_the_tariff_rule_picks_the_uses_own_rate_by_member():
    rates = [Rate(dt.date(2020, 1, 1), None, "", D("1.50")), Rate(dt.date(2020, 1, 1), None, "商铺", D("3.50"))]
    assert rates[1].unit_use is UnitUse.SHOP and rates[0].unit_use is None
    on = dt.date(2024, 1, 1)
    assert rate_on(rates, on, UnitUse.SHOP) == D("3.50") == rate_on(rates, on, "shop")
    assert rate_on(rates, on, UnitUse.RESIDENCE) == D("1.50") == rate_on(rates, on, "住宅")
    with pytest.raises(ValidationError, match="“车位”"):
        rate_on(rates[1:], on, UnitUse.PARKING)


def test_rules_that_compared_words_work_on_members(db, project):
    # a shop's key tag is prefixed by its use, a member or the old word alike
    assert unit_stem(UnitRef(1, "S-105", UnitUse.SHOP)) == unit_stem(UnitRef(1, "S-105", "商铺")) == "K-SP-S-105"
    # the roster counts occupied units by member
    units.save_unit(db, project, None, 0, UnitForm("1栋101", occupancy="已入住"))
    units.save_unit(db, project, None, 0, UnitForm("1栋102", occupancy=Occupancy.VACANT))
    rows = roster.roster_rows(db, project)
    assert roster.tally(rows).occupied == 1 and rows[0].use is UnitUse.RESIDENCE


def test_the_project_cli_option_takes_the_word_or_the_code():
    import main

    parser = main.build_parser()
    assert parser.parse_args(["project", "add", "--code", "A", "--name", "a"]).kind == "residential"
    assert parser.parse_args(["project", "add", "--code", "A", "--name", "a", "--kind", "写字楼"]).kind == "office"
    with pytest.raises(main.UsageError, match="“别墅”不是可选的值"):
        parser.parse_args(["project", "add", "--code", "A", "--name", "a", "--kind", "别墅"])

