"""Numbers as clerks type them, read strictly: every numeric field of every dialog and importer.

A typed "1o00" is not 100, "abc" is not 1 and "99999999999" is not 999999: what is not a number of
the field's kind is refused with a message naming the field, before anything reaches the database.
Accepted: ASCII digits, one decimal point, a leading minus where the kind allows it, thousands
separators in their places ("1,234.50"), a leading ¥/￥ on money, spaces around. Refused: letters,
exponents (1e20), NaN/Infinity, full-width digits (named, so the clerk sees why), more places than
the kind keeps, anything outside the kind's range.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate

PLAIN = re.compile(r"^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")
SHOWN = 20  # characters of the bad text a message repeats


@dataclass(frozen=True)
class NumberKind:
    """What a field holds: decimal places (0 = an integer), the range, and its unit for messages."""

    places: int
    low: Decimal
    high: Decimal
    unit: str = ""
    currency: bool = False

    @property
    def integer(self) -> bool:
        return self.places == 0


# One line of money (应收, 实收, 押金, 调整金额…): fen, and under a hundred million yuan.
MONEY = NumberKind(2, Decimal("-99999999.99"), Decimal("99999999.99"), QT_TRANSLATE_NOOP("numbers", "元"), currency=True)
MONEY_NONNEG = NumberKind(2, Decimal("0"), Decimal("99999999.99"), QT_TRANSLATE_NOOP("numbers", "元"), currency=True)
RATE = NumberKind(4, Decimal("0"), Decimal("99999.9999"), QT_TRANSLATE_NOOP("numbers", "元"))  # 单价, e.g. 0.5283 元/度
AREA = NumberKind(2, Decimal("0"), Decimal("999999.99"), "m²")  # 建筑面积
# 建筑面积 as surveys write it (89.1234 m²): read with up to 4 places, stored rounded to AREA's 2.
AREA_SURVEYED = NumberKind(4, Decimal("0"), Decimal("999999.99"), "m²")
READING = NumberKind(2, Decimal("0"), Decimal("99999999.99"))  # 表读数
QUANTITY = NumberKind(0, Decimal("0"), Decimal("999999"))  # 数量 of a list item, 页数
COUNT = NumberKind(0, Decimal("1"), Decimal("9999"))  # keys in a set
DAYS = NumberKind(0, Decimal("1"), Decimal("365"), QT_TRANSLATE_NOOP("numbers", "天"))


def _shown(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _clean(text: str, field: str, kind: NumberKind) -> str:
    t = text.strip().replace(" ", "")
    if kind.currency and t[:1] in ("¥", "￥"):
        t = t[1:]
    if t != unicodedata.normalize("NFKC", t) and PLAIN.match(unicodedata.normalize("NFKC", t)):
        raise ValidationError(translate("numbers", "「{field}」请用半角数字：“{text}”应写作“{plain}”。").format(
            field=field, text=_shown(text.strip()), plain=unicodedata.normalize("NFKC", t)))
    if not PLAIN.match(t):
        raise _not_a_number(field, text)
    return t.replace(",", "")


def _not_a_number(field: str, text: str) -> ValidationError:
    return ValidationError(translate("numbers", "「{field}」应为数字，“{text}”不是数字。").format(
        field=field, text=_shown(text.strip())))


def _check(value: Decimal, field: str, kind: NumberKind) -> Decimal:
    if value < 0 <= kind.low:
        raise ValidationError(translate("numbers", "「{field}」不能为负数。").format(field=field))
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > kind.places:
        raise ValidationError(translate("numbers", "「{field}」应为整数。").format(field=field) if kind.integer else
                              translate("numbers", "「{field}」最多 {places} 位小数。").format(field=field, places=kind.places))
    if not kind.low <= value <= kind.high:
        unit = translate("numbers", kind.unit) if kind.unit and not kind.currency else ""
        raise ValidationError(translate("numbers", "「{field}」超出范围：应在 {low} 到 {high} {unit}之间。").format(
            field=field, low=f"{kind.low:,}", high=f"{kind.high:,}", unit=unit))
    return value


def parse_decimal(text: str, field: str, kind: NumberKind) -> Decimal:
    """The number typed, exact (Decimal), or ValidationError naming `field`. Empty is refused."""
    if not text.strip():
        raise ValidationError(translate("numbers", "「{field}」不能为空。").format(field=field))
    try:
        value = Decimal(_clean(text, field, kind))
    except InvalidOperation:  # PLAIN admits nothing Decimal refuses; kept as a guard
        raise _not_a_number(field, text) from None
    return _check(value, field, kind)


def parse_optional(text: str, field: str, kind: NumberKind) -> Decimal | None:
    """As parse_decimal, but an empty field is None (a number not known yet)."""
    return None if not text.strip() else parse_decimal(text, field, kind)


def parse_int(text: str, field: str, kind: NumberKind = QUANTITY) -> int:
    return int(parse_decimal(text, field, kind))


def check_number(value: Decimal | int | float, field: str, kind: NumberKind) -> Decimal:
    """A number that arrived as a number (a spreadsheet cell, a spin box): the same kind checks.

    A float is taken by its shortest repr (0.1 → "0.1"), never by its binary value; NaN, infinity
    and exponents beyond the range are refused with the field's name.
    """
    if isinstance(value, bool):
        raise ValidationError(translate("numbers", "「{field}」应为数字。").format(field=field))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(translate("numbers", "「{field}」应为数字，不能是“{value}”。").format(field=field, value=value))
        if abs(value) > float(kind.high) * 10:
            raise ValidationError(translate("numbers", "「{field}」超出范围：应在 {low} 到 {high} 之间。").format(
                field=field, low=f"{kind.low:,}", high=f"{kind.high:,}"))
        value = _float_places(Decimal(repr(value)), kind)
    return _check(Decimal(value), field, kind)


def _float_places(value: Decimal, kind: NumberKind) -> Decimal:
    """A spreadsheet's 0.30000000000000004 is the 0.30 it shows: binary noise past the 12th significant
    digit is dropped; a value that really has more places than the kind keeps is left to be refused."""
    rounded = value.quantize(Decimal(1).scaleb(-kind.places)) if abs(value) < 10**15 else value
    return rounded if abs(rounded - value) <= abs(value) * Decimal("1e-12") else value


def round_to_kind(value: Decimal, kind: NumberKind) -> Decimal:
    """`value` rounded half-up to the places `kind` keeps (89.1250 → 89.13, 89.1249 → 89.12 for AREA)."""
    return value.quantize(Decimal(1).scaleb(-kind.places), rounding=ROUND_HALF_UP)
