"""One unit, whichever way a sheet writes it.

A roster writes 楼栋 | 单元 | 房号 in three columns, a ledger writes 1-1-0101, a key sheet 1栋1单元101室:
all three are one unit. `compose_address` joins split columns into one number (each part as the sheet
wrote it); `unit_identity` reads any number (with the building it is filed under, when the number
names none) as (building, 单元, room); `UnitMatcher` finds a project's unit by it, and by building and
room alone when one side leaves the 单元 out and only one unit fits. Room numbers repeat in every
building and 单元: 101 alone is never matched across buildings.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..i18n import translate
from .unit_number import BUILDING_SUFFIXES as BUILDING_WORDS
from .unit_number import (
    CN_DIGITS,
    SPACE_WORDS,
    building_key,
    compact,
    entrance_key,
    parse_unit_number,
    room_key,
)

T = TypeVar("T")
Identity = tuple[str, str, str]  # (building key, 单元, room key)
BARE_BUILDING = re.compile(rf"^(?:[0-9]+|[A-Z]+[0-9]*|[{CN_DIGITS}]+)$")
BARE_ENTRANCE = re.compile(rf"^(?:[0-9]+|[{CN_DIGITS}]+)$")
# In a 房号 column beside a 楼栋 column: "1-101", "1单元101", "一单元0302" (单元 and room)
ENTRANCE_ROOM = re.compile(rf"^(?P<e>[0-9]+|[{CN_DIGITS}]+)(?:单元|-)-?(?P<room>[0-9A-Z][0-9A-Z-]*?)(?:室|号|房)?$")


def unit_identity(number: str, building: str = "", entrance: str = "") -> Identity:
    """'1-1-0101', '1栋1单元101室' and ('101', building '1号楼', 单元 '1') → ('1', '1', '101')."""
    parts = parse_unit_number(number)
    named = parts.building or building
    return (building_key(named) if named else "", parts.entrance or entrance_key(entrance),
            room_key(parts.room) if parts.room else compact(number))


@dataclass(frozen=True)
class Composed:
    """A unit's number made of split columns, the building it belongs to, and what did not fit."""

    number: str
    building: str  # the building's name as the sheet gives it ("" when nothing names one)
    entrance: str  # "1" ('' when nothing names one)
    problem: str = ""


def compose_address(building: str, entrance: str, room: str) -> Composed:
    """楼栋 '1' + 单元 '2' + 房号 '0101' → '1栋2单元0101' (building '1栋'); each part kept as written.

    A 房号 that already names its building is the number, and must name the same building as the
    楼栋 column; one that names its 单元 ('2-0101', '2单元0101') must agree with the 单元 column.
    """
    building, entrance, room = building.strip(), entrance.strip(), room.strip()
    parts = parse_unit_number(room)
    building_name = _building_name(building) if building else parts.building
    if not building and not entrance:
        return Composed(room, parts.building, parts.entrance)
    if compact(room).startswith(SPACE_WORDS):
        # '车位 B1-001' beside 楼栋 '地下车库' is already a whole number (it names its kind of space):
        # the building files it, and is not glued in front of it ('地下车库车位 B1-001').
        return Composed(room, building_name, entrance_key(entrance))
    # beside a 楼栋 column, '1-101' is 单元 1 room 101 (the building is the column's), not building 1
    written = ENTRANCE_ROOM.match(compact(room)) if building and not parts.entrance else None
    if written and not any(word in room for word in BUILDING_WORDS):
        return _with_entrance(_joined(building, "", room), building_name, entrance_key(written["e"]), entrance)
    if parts.building and building_key(parts.building) != building_key(building or parts.building):
        return Composed(room, building_name, parts.entrance,
                        translate("units", "房号“{room}”写的是{written}，与楼栋“{building}”不一致").format(
                            room=room, written=parts.building, building=building))
    if parts.building or not room:
        return _with_entrance(room, building_name, parts.entrance, entrance)
    return Composed(_joined(building, entrance, room), building_name, entrance_key(entrance))


def _with_entrance(number: str, building: str, named: str, column: str) -> Composed:
    given = entrance_key(column)
    if named and given and named != given:
        return Composed(number, building, named, translate("units", "房号“{number}”写的是 {named} 单元，与单元“{column}”不一致").format(
            number=number, named=named, column=column))
    return Composed(number, building, named or given)


def _joined(building: str, entrance: str, room: str) -> str:
    """Bare designators get their word ('1' → '1栋', '2' → '2单元') so the number reads as one."""
    text = _building_name(building) if building else ""
    if entrance:
        text += entrance + ("单元" if BARE_ENTRANCE.match(compact(entrance)) else "")
    return text + room


def _building_name(building: str) -> str:
    """'1' → '1栋' (a number alone is not a name on a form); '1号楼', 'A座', '会所' as written."""
    return building + "栋" if BARE_BUILDING.match(compact(building)) else building


class UnitMatcher(Generic[T]):
    """A project's units by identity; a 单元 left out on one side still finds the one unit that fits."""

    def __init__(self, units: Iterable[tuple[T, str, str, str]] = ()) -> None:
        """`units`: (the unit, its number, the name of the building it is filed under or '', its 单元 or '')."""
        self._exact: dict[Identity, list[T]] = defaultdict(list)
        self._loose: dict[tuple[str, str], list[tuple[str, T]]] = defaultdict(list)
        self._spaces: dict[str, list[T]] = defaultdict(list)  # '商铺S-101' → the units numbered so
        for unit, number, building, entrance in units:
            self.add(unit, number, building, entrance)

    def add(self, unit: T, number: str, building: str = "", entrance: str = "") -> None:
        key = unit_identity(number, building, entrance)
        self._exact[key].append(unit)
        if compact(number).startswith(SPACE_WORDS):
            self._spaces[compact(number)].append(unit)
        if key[0]:
            self._loose[(key[0], key[2])].append((key[1], unit))

    def find(self, number: str, building: str = "", entrance: str = "") -> tuple[T | None, list[T]]:
        """(the unit, []) — or (None, the units it could be) when the 单元 is needed to tell them apart."""
        key = unit_identity(number, building, entrance)
        exact = self._exact.get(key)
        if exact:
            return (exact[0], []) if len(exact) == 1 else (None, exact)
        if not key[0]:
            # '车位 B1-001' names no building but its kind of space: the project's unit written so
            # (filed under 地下车库) is it, when only one is.
            spaces = self._spaces.get(compact(number), []) if not building else []
            return (spaces[0], []) if len(spaces) == 1 else (None, spaces)
        # one side wrote no 单元: the units in that building with that room, whatever their 单元
        fits = [u for e, u in self._loose.get((key[0], key[2]), []) if not key[1] or not e]
        return (fits[0], []) if len(fits) == 1 else (None, fits)

    def __contains__(self, key: Identity) -> bool:
        return key in self._exact
