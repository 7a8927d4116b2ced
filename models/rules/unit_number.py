"""A unit number as people write it, read for its building, 单元 and floor.

"3栋2单元1201", "1-2-1201", "B座-1502", "3号楼502", "B1-708", "车位 B2-117": the number is stored as
written; its building, 单元 (entrance) and floor are read from it here, for the unit form and for
placing a unit typed by hand in its building. A number that names none of them is still a number.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..i18n import translate

CN_DIGITS = "一二三四五六七八九十"
# 1栋2单元1201, B座-1502, 3号楼502, 十二幢3单元402, 1幢-1-101, 2栋一单元0302室
NAMED = re.compile(rf"^(?P<b>[0-9]+|[A-Z]+[0-9]*|[{CN_DIGITS}]+)(?P<suffix>号楼|栋|幢|座)-?"
                   rf"(?:(?P<e>[0-9]+|[{CN_DIGITS}]+)(?:单元|-))?-?(?P<room>[0-9A-Z][0-9A-Z-]*?)(?:室|号|房)?$")
# 1-2-1201 (building-单元-room), 3-502 and B1-708 (building-room), 1-1-0101
DASHED = re.compile(r"^(?P<b>[0-9]+|[A-Z]+[0-9]*)-(?:(?P<e>[0-9]+)-)?(?P<room>[0-9]{3,4})(?:室|号|房)?$")
# 车位 B2-117, 储藏室 D-003, 商铺 S-105: not in a residential building; a basement level when it says
SPACE_WORDS = ("车位", "车库", "储藏室", "储藏间", "储物间", "地下室", "商铺")
BASEMENT = re.compile(r"^(B[0-9])-")
BUILDING_SUFFIXES = ("号楼", "栋", "幢", "座")
FLOOR = re.compile(r"^(?:-?[0-9]{1,3}|B[0-9]{1,2}|地下[0-9一二三四五]层?)$")


@dataclass(frozen=True)
class UnitParts:
    """What the number says; "" for what it does not."""

    building: str  # "3栋", "B座", "1栋" for 1-2-1201
    entrance: str  # 单元, "2"
    floor: str     # "12", "B2" for a basement level
    room: str
    written: str = ""  # the building as the number writes it ("A" for A-101, "3栋"): what a hint shows


def compact(number: str) -> str:
    """Half-width, no spaces, upper case: '１栋 1单元 101' reads as '1栋1单元101'."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", number or "")).upper()


def parse_unit_number(number: str) -> UnitParts:
    text = compact(number)
    for word in SPACE_WORDS:
        if text.startswith(word):
            rest = text[len(word):].lstrip("-")
            basement = BASEMENT.match(rest)
            return UnitParts("", "", basement.group(1) if basement else "", rest)
    match = NAMED.match(text) or DASHED.match(text)
    if match is None:
        return UnitParts("", "", _floor(text), text)
    parts = match.groupdict()
    building = parts["b"] + (parts.get("suffix") or "栋")
    room = parts["room"]
    return UnitParts(building, entrance_key(parts["e"] or ""), _floor(room), room, parts["b"] + (parts.get("suffix") or ""))


def entrance_key(text: str) -> str:
    """'1单元', '01', '一单元' and '1' are 单元 1: its number as digits ('' for none)."""
    text = compact(text).removesuffix("单元")
    if text.isdigit():
        return str(int(text))
    value = cn_number(text)
    return str(value) if value is not None else text


def cn_number(text: str) -> int | None:
    """一 … 九十九 as a number; None for anything else."""
    if not text or any(c not in CN_DIGITS for c in text):
        return None
    if "十" not in text:
        return CN_DIGITS.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)


def _floor(room: str) -> str:
    """1201 → 12, 502 → 5; a room that is not three or four digits says no floor."""
    if re.fullmatch(r"[0-9]{3,4}", room) and int(room[:-2]) > 0:
        return str(int(room[:-2]))
    return ""


def building_key(name: str) -> str:
    """'1栋', '1号楼', '01幢', '一栋' and '1' are the same building: its designator, compacted."""
    text = compact(name)
    for suffix in BUILDING_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    if text.isdigit():
        return str(int(text))
    value = cn_number(text)
    return str(value) if value is not None else text


def room_key(room: str) -> str:
    """'0101' and '101' are one room; letters stay as written ('B-12')."""
    text = compact(room)
    return str(int(text)) if text.isdigit() else text


def read_floor(text: str) -> tuple[str, str]:
    """(the floor as stored, what is wrong with it): '12层', '12F' and '12' are 12; 'B2', '-1', '地下1层'
    are basement levels; '' for a blank cell."""
    floor = compact(text).removesuffix("层").removesuffix("F")
    if floor and not FLOOR.match(floor):
        return floor, translate("units", "“{text}”无效：请写数字（如 12、-1）或地下层（如 B2）").format(text=text.strip())
    return floor, ""
