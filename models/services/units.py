"""Buildings and units typed at the desk (房屋与业主): add, edit, delete what nothing else refers to.

A unit's 单元 and floor are read from its number as people write it (models/rules/unit_number.py), so
"3栋2单元1201" and "3-2-1201" both say 单元 2, floor 12; the clerk may type them where the number
does not say them ("1201" in a building with 单元s), and what was confirmed is kept on the unit.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, case, func, select
from sqlalchemy.orm import Session

from ..base import Base
from ..db import Database
from ..errors import NotFoundError, ValidationError
from ..field_labels import check_text
from ..i18n import translate
from ..people import Owner, Relation, UnitOwnership
from ..project import Building, Occupancy, Project, Unit, UnitUse
from ..rules.idcard import mask_phones
from ..rules.numbers import AREA, QUANTITY, parse_int, parse_optional
from ..rules.unit_match import unit_identity
from ..rules.unit_number import building_key, compact, parse_unit_number, read_floor
from .common import get, get_for_save
from .place_choices import read_member

# ---- what refers to a record ------------------------------------------------------------------

def _label(table: Table) -> str:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return str(mapper.class_.__dict__.get("__label__", table.name))
    return table.name


def references(s: Session, cls: type[Base], record_id: int) -> list[str]:
    """'遗留问题 3 条' for every table whose foreign key points at the record (none: it may go)."""
    target = cls.__table__
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is target:
                n = s.scalar(select(func.count()).select_from(table).where(fk.parent == record_id)) or 0
                if n:
                    found.append(translate("units", "{label} {n} 条").format(label=translate("audit", _label(table)), n=n))
    return found


def refuse_if_referenced(s: Session, cls: type[Base], record_id: int, what: str, hint: str) -> None:
    used = references(s, cls, record_id)
    if used:
        raise ValidationError(translate("units", "{what}不能删除：仍有{used}与它关联。{hint}").format(
            what=what, used=translate("labels", "、").join(used), hint=hint))


def delete_unreferenced(db: Database, cls: type[Base], record_id: int, seen_version: int,
                        what: Callable[[Any], str], hint: str) -> None:
    """Delete the record the clerk saw (its version), one transaction, unless anything still points at it."""
    with db.begin(immediate=True) as s:
        record = get_for_save(s, cls, record_id, seen_version)
        refuse_if_referenced(s, cls, record_id, what(record), hint)
        s.delete(record)


# ---- buildings ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class BuildingRow:
    id: int
    name: str
    sort_no: int
    version: int
    units: int  # how many units are in it


def list_buildings(db: Database, project_id: int) -> list[BuildingRow]:
    counts = (select(Unit.building_id, func.count().label("n")).where(Unit.project_id == project_id)
              .group_by(Unit.building_id).subquery())
    q = (select(Building, func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.building_id == Building.id)
         .where(Building.project_id == project_id).order_by(Building.sort_no, Building.name, Building.id))
    with db.read() as s:
        return [BuildingRow(b.id, b.name, b.sort_no, b.version, int(n)) for b, n in s.execute(q)]


def save_building(db: Database, project_id: int, building_id: int | None, seen_version: int, name: str,
                  sort_no: str = "") -> BuildingRow:
    """A new building (building_id None) or an edited one; its order empty = after the last."""
    name = name.strip()
    if not name:
        raise ValidationError(translate("units", "「楼栋名称」不能为空。"))
    check_text("buildings", "name", name)
    order = parse_int(sort_no, "排序", QUANTITY) if sort_no.strip() else None
    with db.begin(immediate=True) as s:
        get(s, Project, project_id)
        _check_building_name(s, project_id, building_id, name)
        if building_id is None:
            building = Building(project_id=project_id, name=name, sort_no=order if order is not None
                                else _next_sort(s, project_id))
            s.add(building)
        else:
            building = get_for_save(s, Building, building_id, seen_version)
            building.name = name
            building.sort_no = order if order is not None else building.sort_no
        s.flush()
        units = s.scalar(select(func.count()).select_from(Unit).where(Unit.building_id == building.id)) or 0
        return BuildingRow(building.id, building.name, building.sort_no, building.version, units)


def _check_building_name(s: Session, project_id: int, building_id: int | None, name: str) -> None:
    key = building_key(name)
    for other_id, other in s.execute(select(Building.id, Building.name).where(Building.project_id == project_id)):
        if other_id != building_id and building_key(other) == key:
            if other == name:
                raise ValidationError(translate("units", "「楼栋名称」“{name}”已存在。").format(name=name))
            raise ValidationError(translate("units", "「楼栋名称」“{name}”与已有楼栋“{other}”是同一栋。").format(
                name=name, other=other))


def _next_sort(s: Session, project_id: int) -> int:
    return (s.scalar(select(func.max(Building.sort_no)).where(Building.project_id == project_id)) or 0) + 1


def delete_building(db: Database, building_id: int, seen_version: int) -> None:
    delete_unreferenced(db, Building, building_id, seen_version,
                        lambda b: translate("units", "楼栋“{name}”").format(name=b.name),
                        translate("units", "请先把其中的房屋改到别的楼栋或删除。"))


# ---- units --------------------------------------------------------------------------------------

AUTO_BUILDING = None  # UnitForm.building_id: the building the number names (made if the project has none)


@dataclass(frozen=True)
class UnitForm:
    """What the clerk typed for a unit; texts as typed, the service reads them strictly."""

    number: str
    building_id: int | None = AUTO_BUILDING
    area: str = ""
    use: UnitUse | str = UnitUse.RESIDENCE  # a member, or its code or label (read by save_unit)
    occupancy: Occupancy | str = Occupancy.VACANT
    entrance: str = ""  # 单元; blank: as the number says ("3栋2单元1201" → 2)
    floor: str = ""     # blank: as the number says (1201 → 12)


@dataclass(frozen=True)
class OwnershipRow:
    """One owner (or occupant) of a unit, as the unit's owner list shows it: phone masked."""

    id: int
    owner_id: int
    name: str
    is_company: bool
    relation: Relation
    since: dt.date | None
    mobile: str
    version: int


@dataclass(frozen=True)
class UnitDetail:
    id: int
    project_id: int
    number: str
    building_id: int | None
    building: str
    entrance: str  # 单元: as confirmed at the desk, else as the number says
    floor: str     # likewise
    area: Decimal | None
    use: UnitUse
    occupancy: Occupancy
    version: int
    owners: tuple[OwnershipRow, ...]


# 业主 before 使用人, as the list always showed them (the codes sort the other way).
OWNERS_FIRST = case((UnitOwnership.relation == Relation.OWNER, 0), else_=1)


def unit_detail(db: Database, unit_id: int) -> UnitDetail:
    with db.read() as s:
        return unit_detail_of(s, get(s, Unit, unit_id))


def unit_detail_of(s: Session, unit: Unit) -> UnitDetail:
    building = s.get(Building, unit.building_id) if unit.building_id else None
    parts = parse_unit_number(unit.number)
    q = (select(UnitOwnership, Owner).join(Owner, Owner.id == UnitOwnership.owner_id)
         .where(UnitOwnership.unit_id == unit.id, UnitOwnership.until.is_(None))
         .order_by(OWNERS_FIRST, UnitOwnership.id))
    owners = tuple(OwnershipRow(link.id, owner.id, owner.name, owner.is_company, link.relation, link.since,
                                mask_phones(owner.mobile), link.version) for link, owner in s.execute(q))
    return UnitDetail(unit.id, unit.project_id, unit.number, unit.building_id, building.name if building else "",
                      unit.entrance or parts.entrance, unit.floor or parts.floor, unit.area, unit.use, unit.occupancy, unit.version, owners)


def _entrance_floor(form: UnitForm, number: str) -> tuple[str, str]:
    """单元 and floor as typed, or (blank) as the number says; checked like the number."""
    parts = parse_unit_number(number)
    entrance = compact(form.entrance).removesuffix("单元") or parts.entrance
    floor, problem = read_floor(form.floor)
    if problem:
        raise ValidationError(translate("units", "「楼层」{problem}。").format(problem=problem))
    floor = floor or parts.floor
    check_text("units", "entrance", entrance)
    check_text("units", "floor", floor)
    if parts.entrance and entrance != parts.entrance:
        raise ValidationError(translate("units", "「单元」房号“{number}”写的是 {named} 单元，与填写的“{entrance}”不一致。")
                              .format(number=number, named=parts.entrance, entrance=entrance))
    return entrance, floor


def _checked(form: UnitForm) -> tuple[str, Decimal | None, UnitUse, Occupancy]:
    number = form.number.strip()
    if not number:
        raise ValidationError(translate("units", "「房号」不能为空。"))
    check_text("units", "number", number)
    area = parse_optional(form.area, "建筑面积", AREA)
    use = read_member(UnitUse, form.use, translate("units", "「房屋用途」“{value}”无效，应为：{choices}。"))
    occupancy = read_member(Occupancy, form.occupancy, translate("units", "「入住状态」“{value}”无效，应为：{choices}。"))
    return number, area, use, occupancy


def save_unit(db: Database, project_id: int, unit_id: int | None, seen_version: int, form: UnitForm) -> UnitDetail:
    """A new unit (unit_id None) or an edited one, with the same rules as the roster import."""
    number, area, use, occupancy = _checked(form)
    entrance, floor = _entrance_floor(form, number)
    with db.begin(immediate=True) as s:
        get(s, Project, project_id)
        _check_number_free(s, project_id, unit_id, number)
        building_id = _building_for(s, project_id, number, form.building_id)
        if unit_id is None:
            unit = Unit(project_id=project_id)
            s.add(unit)
        else:
            unit = get_for_save(s, Unit, unit_id, seen_version)
        unit.number, unit.building_id, unit.area = number, building_id, area
        unit.entrance, unit.floor = entrance, floor
        unit.use, unit.occupancy = use, occupancy
        s.flush()
        return unit_detail_of(s, unit)


def same_room(number: str) -> tuple[str, str, str] | None:
    """What names the room whatever the writing: '1-1-0101', '1栋1单元101' and '1号楼1单元101' give
    ('1', '1', '101'), as the imports match them; None when the number names no building (it is
    then matched as written)."""
    identity = unit_identity(number)
    return identity if identity[0] else None


def _check_number_free(s: Session, project_id: int, unit_id: int | None, number: str) -> None:
    """'1栋1单元 101' and '１栋1单元101' are one unit (as the roster import matches them); so are
    '1-1-101' and '1栋1单元101', the same room written two ways (a clerk typing it twice)."""
    key, room = compact(number), same_room(number)
    for other_id, other in s.execute(select(Unit.id, Unit.number).where(Unit.project_id == project_id)):
        if other_id == unit_id:
            continue
        other_key = compact(other)
        if other_key == key:
            raise ValidationError(translate("units", "「房号」“{number}”已存在（系统中写作“{other}”）。").format(number=number, other=other))
        # (the room number must appear in it at all before the number is read: 20,000 units stay quick)
        if room is not None and room[2] in other_key and same_room(other) == room:
            raise ValidationError(translate("units", "「房号」“{number}”与已有房屋“{other}”是同一套房屋（楼栋、单元、房间号相同）。").format(number=number, other=other))


def _building_for(s: Session, project_id: int, number: str, chosen: int | None) -> int | None:
    named = parse_unit_number(number).building
    buildings = s.execute(select(Building.id, Building.name).where(Building.project_id == project_id)).all()
    if chosen is not None:
        name = next((n for i, n in buildings if i == chosen), None)
        if name is None:
            raise NotFoundError(translate("units", "「楼栋」（编号 {chosen}）不在本项目中，请刷新后重选。").format(chosen=chosen))
        if named and building_key(named) != building_key(name):
            raise ValidationError(translate("units", "「楼栋」房号“{number}”写的是{named}，与所选楼栋“{name}”不一致。").format(number=number, named=named, name=name))
        return chosen
    if not named:
        return None
    match = next((i for i, n in buildings if building_key(n) == building_key(named)), None)
    if match is not None:
        return int(match)
    building = Building(project_id=project_id, name=named, sort_no=_next_sort(s, project_id))
    s.add(building)
    s.flush()
    return building.id


def delete_unit(db: Database, unit_id: int, seen_version: int) -> None:
    delete_unreferenced(db, Unit, unit_id, seen_version, lambda u: translate("units", "房屋“{number}”").format(number=u.number),
                        translate("units", "业主请先在房屋的业主列表中移除；遗留问题、钥匙、台账等记录要保留的，房屋不能删除。"))

