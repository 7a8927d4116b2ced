"""大写金额 per 会计基础工作规范 第五十二条, against the textbook examples and our own edge cases."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import money, types
from models.money import MAX_CAPITAL, round_half_up, to_capital

D = Decimal

# The worked examples (支付结算办法 附件 / 会计基础工作规范 explanations), with 整 after 角 as 第五十二条 (三) requires.
TEXTBOOK = [
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
]

EDGES = [
    ("0.05", "人民币伍分"),
    ("0.30", "人民币叁角整"),
    ("0.35", "人民币叁角伍分"),
    ("0", "人民币零元整"),
    ("0.00", "人民币零元整"),
    ("-0.00", "人民币零元整"),
    ("1", "人民币壹元整"),
    ("1.30", "人民币壹元叁角整"),
    ("10.00", "人民币壹拾元整"),
    ("15", "人民币壹拾伍元整"),
    ("110", "人民币壹佰壹拾元整"),
    ("1010", "人民币壹仟零壹拾元整"),
    ("10900", "人民币壹万零玖佰元整"),
    ("100000.00", "人民币壹拾万元整"),
    ("1000000.01", "人民币壹佰万元零壹分"),
    ("100010000.10", "人民币壹亿零壹万元零壹角整"),
    ("100000500", "人民币壹亿零伍佰元整"),
    ("120000000", "人民币壹亿贰仟万元整"),
    ("1000000000000", "人民币壹万亿元整"),
    ("9999999999999.99", "人民币玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ("-100", "人民币负壹佰元整"),
    ("-0.05", "人民币负伍分"),
    ("-1680.32", "人民币负壹仟陆佰捌拾元零叁角贰分"),
    ("1.230", "人民币壹元贰角叁分"),  # more places, but a whole number of fen
]


@pytest.mark.parametrize(("amount", "expected"), TEXTBOOK + EDGES)
def test_examples(amount: str, expected: str) -> None:
    assert to_capital(D(amount)) == expected


def test_int_is_accepted() -> None:
    assert to_capital(1200) == "人民币壹仟贰佰元整"


@pytest.mark.parametrize("bad", [1.5, "1.50", None, True])
def test_refuses_non_decimal(bad: object) -> None:
    with pytest.raises(TypeError):
        to_capital(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["1.005", "0.001", "NaN", "Infinity", "10000000000000.00", "-10000000000000"])
def test_refuses_unrounded_or_out_of_range(bad: str) -> None:
    with pytest.raises(ValueError):
        to_capital(D(bad))


def test_round_fen_is_reexported_not_duplicated() -> None:
    assert money.round_fen is types.round_fen
    assert money.round_fen(D("2.345")) == D("2.35")


@pytest.mark.parametrize(("value", "expected"), [
    (Fraction(5, 1000), "0.01"), (Fraction(-5, 1000), "-0.01"), (Fraction(4999, 1000000), "0.00"),
    (Fraction(1200 * 181, 365), "595.07"), (Fraction(1, 3), "0.33"), (0, "0.00"),
])
def test_round_half_up_of_fractions(value: Fraction, expected: str) -> None:
    result = round_half_up(value)
    assert result == D(expected) and result.as_tuple().exponent == -2


# --- A parser back to fen, to check any amount's capitals say exactly that amount. ---

DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_integer(text: str) -> int:
    result = section = num = 0
    for ch in text:
        if ch in DIGIT:
            num = DIGIT[ch]
        elif ch in UNIT:
            assert num, f"{ch} without a digit before it in {text}"
            section += num * UNIT[ch]
            num = 0
        elif ch == "万":
            section = (section + num) * 10_000
            num = 0
        elif ch == "亿":
            result = (result + section + num) * 100_000_000
            section = num = 0
        else:
            raise AssertionError(f"unexpected {ch} in {text}")
    return result + section + num


def parse_capital(text: str) -> int:
    """人民币…元…角…分 back to a number of fen."""
    assert text.startswith("人民币")
    text = text[3:]
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负")
    yuan = 0
    if "元" in text:
        head, text = text.split("元")
        yuan = _parse_integer(head)
    text = text.removesuffix("整").removeprefix("零")
    jiao = fen = 0
    if "角" in text:
        head, text = text.split("角")
        jiao = DIGIT[head]
    if "分" in text:
        head, text = text.split("分")
        fen = DIGIT[head]
    assert text == ""
    return sign * (yuan * 100 + jiao * 10 + fen)


MAX_FEN = int(MAX_CAPITAL * 100)


@given(st.integers(min_value=-MAX_FEN, max_value=MAX_FEN))
def test_any_amount_reads_back_exactly(fen: int) -> None:
    text = to_capital(D(fen).scaleb(-2))
    assert parse_capital(text) == fen
    body = text.removeprefix("人民币").removeprefix("负")
    assert body.endswith("整") == (fen % 10 == 0), text  # 整 after 元/角, never after 分
    assert "零零" not in text and "零元" not in text[4:] and "零万" not in text and "零亿" not in text
    assert "整" not in body[:-1] and "正" not in text
    if abs(fen) >= 100 and fen % 100:  # 零 right after 元 when 元位 or 角位 is 0
        yuan, cents = divmod(abs(fen), 100)
        assert ("元零" in text) == (yuan % 10 == 0 or cents < 10), text
    for pos, ch in enumerate(body):  # 拾 always has its digit: 壹拾, never a bare 拾
        if ch == "拾":
            assert pos > 0 and body[pos - 1] in DIGIT and body[pos - 1] != "零", text


@given(st.integers(min_value=1, max_value=10**13 - 1))
def test_whole_yuan_end_in_yuan_zheng(yuan: int) -> None:
    text = to_capital(D(yuan))
    assert text.endswith("元整")
    assert parse_capital(text) == yuan * 100
