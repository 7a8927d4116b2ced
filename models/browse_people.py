"""The 房屋与业主 dialog's tables: a project's units and owners, filtered, sorted and paged in SQL.

20,000 units and 21,000 owners in the large demo: a page of 500 at a time, never all of them.
Phones and ID numbers leave here masked (ColumnSpec.present); the text filter finds an owner by a
whole phone or ID number typed, or by the last four digits the masked value shows, but never by a
fragment: typing digit after digit must not uncover the hidden middle of a number.
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, String, and_, bindparam, case, false, func, or_, select

from .browse import ColumnSpec, Filters, JoinedText, Like, Scope, TableSpec, _coded, _text
from .i18n import QT_TRANSLATE_NOOP, translate
from .labels import Coded, word
from .people import IdKind, Owner, Relation, UnitOwnership
from .project import Building, Occupancy, Unit, UnitUse
from .rules.idcard import mask_id_number, mask_phones
from .rules.identity import normalize_id, phone_problem

NAMES_SEPARATOR = JoinedText.separator
NO_BUILDING = "none"  # UNITS filter {"building": NO_BUILDING}: units in no building


def _last_four(col: Any) -> Any:
    """What a masked value shows at its end: sorting by it tells nothing the screen does not."""
    return func.substr(col, func.length(col) - 3)


# ---- 房屋 ---------------------------------------------------------------------------------------

_CURRENT = and_(UnitOwnership.relation == Relation.OWNER, UnitOwnership.until.is_(None))
_UNIT_OWNERS = func.coalesce(
    select(JoinedText(Owner.name, UnitOwnership.id)).select_from(UnitOwnership)
    .join(Owner, Owner.id == UnitOwnership.owner_id)
    .where(UnitOwnership.unit_id == Unit.id, _CURRENT).correlate(Unit).scalar_subquery(), "")


def _unit_text(like: Like) -> ColumnElement[bool]:
    owned = (select(UnitOwnership.unit_id).join(Owner, Owner.id == UnitOwnership.owner_id)
             .where(like(Owner.name), UnitOwnership.until.is_(None)))
    return or_(like(Unit.number), like(Building.name), Unit.id.in_(owned))


def _unit_filters(filters: Filters) -> list[ColumnElement[bool]]:
    """{"building": building id or NO_BUILDING, "use": a UnitUse (or its code or label), "occupancy": likewise}."""
    where: list[ColumnElement[bool]] = []
    building = filters.get("building")
    if building == NO_BUILDING:
        where.append(Unit.building_id.is_(None))
    elif isinstance(building, int):
        where.append(Unit.building_id == building)
    for key, col, cls in (("use", Unit.use, UnitUse), ("occupancy", Unit.occupancy, Occupancy)):
        if filters.get(key):
            where.append(_is_member(col, cls, filters[key]))
    return where


def _is_member(col: Any, cls: type[Coded], value: Any) -> ColumnElement[bool]:
    """The rows whose stored code is `value`'s; a value no member has matches nothing."""
    try:
        return _text(col) == cls(value).value
    except ValueError:
        return false()


UNITS = TableSpec(
    key="units",
    columns=[
        ColumnSpec("number", QT_TRANSLATE_NOOP("columns", "房号"), "text", Unit.number),
        ColumnSpec("building", QT_TRANSLATE_NOOP("columns", "楼栋"), "text", func.coalesce(Building.name, "")),
        ColumnSpec("entrance", QT_TRANSLATE_NOOP("columns", "单元"), "text", Unit.entrance),
        ColumnSpec("floor", QT_TRANSLATE_NOOP("columns", "楼层"), "text", Unit.floor),
        ColumnSpec("area", QT_TRANSLATE_NOOP("columns", "建筑面积"), "area", Unit.area),
        # Members leave as members (the view shows the label); sorted in the enum's order, not by code.
        _coded("use", QT_TRANSLATE_NOOP("columns", "用途"), Unit.use, UnitUse),
        _coded("occupancy", QT_TRANSLATE_NOOP("columns", "入住状态"), Unit.occupancy, Occupancy),
        ColumnSpec("owners", QT_TRANSLATE_NOOP("columns", "业主"), "text", _UNIT_OWNERS),
    ],
    id_col=Unit.id,
    from_=lambda: Unit.__table__.outerjoin(Building, Building.id == Unit.building_id),
    scope_where=lambda scope: [Unit.project_id == scope.project_id],
    text_where=_unit_text,
    default_order=lambda: [func.coalesce(Building.sort_no, 999999)],
    filter_where=_unit_filters,
)

# ---- 业主 ---------------------------------------------------------------------------------------

# An occupant's unit is named with its tie, in the desk's language: the words are a parameter the query
# is given when it runs (OWNERS.params), not fixed when this module is imported.
_HELD = case((UnitOwnership.relation == Relation.OWNER, Unit.number),
             else_=Unit.number + bindparam("occupant_suffix", type_=String()))
_OWNER_UNITS = func.coalesce(
    select(JoinedText(_HELD, UnitOwnership.id)).select_from(UnitOwnership).join(Unit, Unit.id == UnitOwnership.unit_id)
    .where(UnitOwnership.owner_id == Owner.id, UnitOwnership.until.is_(None)).correlate(Owner).scalar_subquery(), "")
FOUR = re.compile(r"[0-9]{3}[0-9X]")


def _whole_phone(text: str) -> list[ColumnElement[bool]]:
    phone, problem = phone_problem(text)
    if problem:
        return []
    others = Owner.other_phones
    return [Owner.mobile == phone, others == phone, others.startswith(phone + NAMES_SEPARATOR, autoescape=True),
            others.endswith(NAMES_SEPARATOR + phone, autoescape=True),
            others.contains(NAMES_SEPARATOR + phone + NAMES_SEPARATOR, autoescape=True)]


def _owner_text(like: Like) -> ColumnElement[bool]:
    text = str(getattr(like, "text", "")).strip()
    held = (select(UnitOwnership.owner_id).join(Unit, Unit.id == UnitOwnership.unit_id)
            .where(like(Unit.number), UnitOwnership.until.is_(None)))
    found = [like(Owner.name), Owner.id.in_(held), *_whole_phone(text)]
    number = normalize_id(text)
    if len(number) >= 5:
        found.append(Owner.id_number == number)
    if FOUR.fullmatch(number):  # the last four, which the masked value shows anyway
        found += [Owner.mobile.endswith(number, autoescape=True), Owner.id_number.endswith(number, autoescape=True)]
    return or_(*found)


def _occupant_suffix() -> str:
    return translate("people", "（{relation}）").format(relation=Relation.OCCUPANT.label)


_KIND = case((Owner.is_company, QT_TRANSLATE_NOOP("words", "单位")), else_=QT_TRANSLATE_NOOP("words", "个人"))

OWNERS = TableSpec(
    key="owners",
    columns=[
        ColumnSpec("name", QT_TRANSLATE_NOOP("columns", "业主姓名/单位名称"), "text", Owner.name),
        ColumnSpec("kind", QT_TRANSLATE_NOOP("columns", "类型"), "text", _KIND, present=word),
        ColumnSpec("units", QT_TRANSLATE_NOOP("columns", "房屋"), "text", _OWNER_UNITS),
        ColumnSpec("mobile", QT_TRANSLATE_NOOP("columns", "联系电话"), "text", Owner.mobile, present=mask_phones, sort=_last_four(Owner.mobile)),
        ColumnSpec("other_phones", QT_TRANSLATE_NOOP("columns", "其他电话"), "text", Owner.other_phones, present=mask_phones,
                   sort=_last_four(Owner.other_phones)),
        _coded("id_kind", QT_TRANSLATE_NOOP("columns", "证件类型"), Owner.id_kind, IdKind),
        ColumnSpec("id_number", QT_TRANSLATE_NOOP("columns", "证件号码"), "text", Owner.id_number, present=mask_id_number,
                   sort=_last_four(Owner.id_number)),
    ],
    id_col=Owner.id,
    from_=lambda: Owner.__table__,
    scope_where=lambda scope: [Owner.project_id == scope.project_id],
    text_where=_owner_text,
    default_order=lambda: [],
    params=lambda filters: {"occupant_suffix": _occupant_suffix()},
)

__all__ = ["NO_BUILDING", "OWNERS", "UNITS", "Scope"]
