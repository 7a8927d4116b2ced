"""Numbers as clerks type them (models/rules/numbers.py): strict, exact, and every refusal names the field."""
from __future__ import annotations

from decimal import Decimal

import pytest

from models.errors import ValidationError
from models.rules.numbers import (
    AREA,
    COUNT,
    MONEY,
    MONEY_NONNEG,
    QUANTITY,
    RATE,
    READING,
    check_number,
    parse_decimal,
    parse_int,
    parse_optional,
)

D = Decimal
HOSTILE = ["1o00", "1o93.91", "abc", "-5", "1e20", "13800138000", "１２", "", "   ", "9" * 2000, "NaN", "inf",
           "1.2.3", "--5", "1,00", "0x10", "½"]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("kind", [MONEY_NONNEG, RATE, AREA, READING, QUANTITY, COUNT])
def test_hostile_text_is_refused_naming_the_field(text, kind):
    with pytest.raises(ValidationError, match="「实收」"):
        parse_decimal(text, "实收", kind)


@pytest.mark.parametrize("text, kind, value", [
    ("1000", MONEY, D("1000")), ("1,234.50", MONEY, D("1234.50")), ("¥12.30", MONEY, D("12.30")),
    ("-5.00", MONEY, D("-5.00")), (" 0.5283 ", RATE, D("0.5283")), ("118.03", AREA, D("118.03")),
    ("193.91", READING, D("193.91")), ("12", QUANTITY, D("12")), ("0", QUANTITY, D("0")),
])
def test_numbers_as_clerks_write_them(text, kind, value):
    assert parse_decimal(text, "金额", kind) == value


def test_messages_say_what_is_wrong():
    with pytest.raises(ValidationError, match="半角数字.*12"):
        parse_decimal("１２", "数量", QUANTITY)
    with pytest.raises(ValidationError, match="不能为负数"):
        parse_decimal("-5", "实收", MONEY_NONNEG)
    with pytest.raises(ValidationError, match="超出范围"):
        parse_decimal("13800138000", "数量", QUANTITY)
    with pytest.raises(ValidationError, match="最多 2 位小数"):
        parse_decimal("1.005", "应收", MONEY)
    with pytest.raises(ValidationError, match="应为整数"):
        parse_decimal("1.5", "数量", QUANTITY)
    with pytest.raises(ValidationError, match="“1o00”不是数字"):
        parse_decimal("1o00", "应收", MONEY)
    with pytest.raises(ValidationError) as long:
        parse_decimal("x" * 2000, "应收", MONEY)
    assert len(str(long.value)) < 80


def test_optional_and_int():
    assert parse_optional("  ", "页数", QUANTITY) is None
    assert parse_int("7", "页数") == 7


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), 1e308, 1e20, True])
def test_cell_numbers_that_are_no_amount_are_refused(value):
    with pytest.raises(ValidationError, match="「应收」"):
        check_number(value, "应收", MONEY)


def test_cell_floats_are_read_as_they_show():
    assert check_number(0.1 + 0.2, "应收", MONEY) == D("0.30")
    assert check_number(1234.5, "应收", MONEY) == D("1234.50")
    with pytest.raises(ValidationError, match="最多 2 位小数"):
        check_number(0.125, "应收", MONEY)
    assert check_number(3, "数量", QUANTITY) == 3
