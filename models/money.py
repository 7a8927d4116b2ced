"""Money helpers: the one rounding rule, exact rounding of fractions, and amounts in Chinese capitals.

`round_fen` lives in `models.types` (the Money column uses it) and is re-exported here so callers
have one place to import money rules from.

`to_capital` writes 大写金额 per 会计基础工作规范 (财政部) 第五十二条:

  (三) 汉字大写数字金额如零、壹、贰、叁、肆、伍、陆、柒、捌、玖、拾、佰、仟、万、亿等……大写金额数字到元或者
      角为止的，在"元"或者"角"字之后应当写"整"字或者"正"字；大写金额数字有分的，分字后面不写"整"或者"正"字。
  (四) 大写金额数字前未印有货币名称的，应当加填货币名称，货币名称与金额数字之间不得留有空白。
  (五) 阿拉伯金额数字中间有"0"时，汉字大写金额要写"零"字；阿拉伯数字金额中间连续有几个"0"时，汉字大写金额中
      可以只写一个"零"字；阿拉伯金额数字元位是"0"，或者数字中间连续有几个"0"、元位也是"0"但角位不是"0"时，
      汉字大写金额可以只写一个"零"字，也可以不写"零"字。

and the worked examples of 支付结算办法 附件《正确填写票据和结算凭证的基本规定》, which spell out the
same 零 rules (¥1,409.50, ¥6,007.14, ¥1,680.32, ¥107,000.53, ¥16,409.02, ¥325.04). Where the rules
allow a choice, this module always makes the same one — the first form the examples give:

- "人民币" comes first, with nothing between it and the amount (四).
- "整" (never "正") after 元 or 角 when there is no 分 (三): 1409.50 → 人民币壹仟肆佰零玖元伍角整.
  The bank rules make 整 after 角 optional; 第五十二条 requires it, so it is always written.
- Zeros between digits give one 零 (五): 6007.14 → 人民币陆仟零柒元壹角肆分; 100010000.10 → 人民币壹亿零壹万元零壹角整.
- A 万 (or 亿) section whose 仟 digit is 0 is preceded by 零: 10900 → 壹万零玖佰元整.
  A section ending in zeros followed by a section whose 仟 digit is not 0 gets no 零:
  107000.53 → 人民币壹拾万柒仟元零伍角叁分 (not 壹拾万零柒仟…).
- 元位 0 and 角 not 0: 零 after 元 (the "write one 零" option): 1680.32 → 人民币壹仟陆佰捌拾元零叁角贰分.
- 角 0 and 分 not 0: 零 after 元 (required): 16409.02 → 人民币壹万陆仟肆佰零玖元零贰分. Only one 零 when
  元位 is 0 too: 1000000.01 → 人民币壹佰万元零壹分.
- 拾 at the head of a number is written 壹拾 so nothing can be added in front of it (accounting
  and bank practice): 10 → 人民币壹拾元整, 100000 → 人民币壹拾万元整, 15 → 人民币壹拾伍元整.
- Less than one 元: no 元 and no leading 零: 0.05 → 人民币伍分, 0.30 → 人民币叁角整.
- Zero: 人民币零元整.
- Negative amounts (a refund, or what the incoming company owes): 负 right after 人民币:
  -100 → 人民币负壹佰元整. (-0.00 is zero: no 负.)
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from .types import FEN, round_fen

__all__ = ["FEN", "MAX_CAPITAL", "div_half_up", "round_fen", "round_half_up", "to_capital"]

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")  # within a 4-digit section
MAX_CAPITAL = Decimal("9999999999999.99")  # up to 万亿; larger totals are not property fees


def div_half_up(numerator: int, denominator: int) -> int:
    """numerator ÷ denominator rounded half-up (ties away from zero) to a whole number, exactly.

    The integer core of `round_half_up`: hot loops that keep amounts in fen (or quantities in
    hundredths) round their prorated shares with it instead of building a Fraction per value.
    """
    if denominator <= 0:
        raise ValueError(f"denominator must be positive: {denominator}")
    whole, rest = divmod(abs(numerator), denominator)
    if 2 * rest >= denominator:
        whole += 1
    return whole if numerator >= 0 else -whole


def round_half_up(value: Fraction | int, places: int = 2) -> Decimal:
    """An exact fraction rounded half-up (ties away from zero, like ROUND_HALF_UP) to `places` decimals.

    Prorating (days / days in the month, days before the cut-off / days in the period) gives
    fractions such as 1200 × 181/365 that Decimal cannot hold exactly; rounding the exact value once
    avoids a second rounding error from Decimal's 28-digit context.
    """
    value = Fraction(value)
    return Decimal(div_half_up(value.numerator * 10**places, value.denominator)).scaleb(-places)


def _section(n: int) -> str:
    """1..9999 in capitals: zeros between digits give one 零, trailing zeros nothing."""
    out: list[str] = []
    zero = False
    for pos in range(3, -1, -1):
        digit = n // 10**pos % 10
        if digit == 0:
            zero = bool(out)  # a zero after a written digit; written only if a digit follows
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[digit] + SMALL_UNITS[pos])
    return "".join(out)


def _below_yi(n: int) -> str:
    """1..99,999,999: 万 sections; 零 before a lower section whose 仟 digit is 0."""
    high, low = divmod(n, 10_000)
    if not high:
        return _section(low)
    text = _section(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _section(low)
    return text


def _integer(n: int) -> str:
    """1..9,999,999,999,999 (up to 万亿): 亿 sections of eight digits."""
    high, low = divmod(n, 100_000_000)
    if not high:
        return _below_yi(n)
    text = _below_yi(high) + "亿"
    if low:
        text += ("零" if low < 10_000_000 else "") + _below_yi(low)
    return text


def to_capital(amount: Decimal) -> str:
    """The amount in Chinese capitals (大写金额), e.g. Decimal("1680.32") → 人民币壹仟陆佰捌拾元零叁角贰分.

    Conventions and the rule text they follow are in the module docstring. Refuses float
    (TypeError) and amounts that are not whole fen (ValueError): callers round money with
    `round_fen` per line before totalling, so an unrounded amount here is a bug upstream, not
    something to round silently. Also refuses NaN/infinity and anything above 9,999,999,999,999.99.
    """
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise TypeError(f"to_capital needs Decimal (or int), not {type(amount).__name__}")
    amount = Decimal(amount)
    if not amount.is_finite():
        raise ValueError(f"not an amount: {amount}")
    fen = amount.scaleb(2)
    if fen != fen.to_integral_value():
        raise ValueError(f"amount must be whole fen (2 decimals): {amount}")
    if abs(amount) > MAX_CAPITAL:
        raise ValueError(f"amount too large for the capital-letter amount: {amount}")
    fen_int = int(fen)
    sign = "负" if fen_int < 0 else ""
    yuan, cents = divmod(abs(fen_int), 100)
    jiao, fen_digit = divmod(cents, 10)
    if not yuan and not cents:
        return "人民币零元整"
    text = _integer(yuan) + "元" if yuan else ""
    if not cents:
        return f"人民币{sign}{text}整"
    if yuan and (yuan % 10 == 0 or jiao == 0):
        text += "零"  # 元位 0 before 角, or 角位 0 before 分: one 零 right after 元
    if jiao:
        text += DIGITS[jiao] + "角"
    text += DIGITS[fen_digit] + "分" if fen_digit else "整"
    return f"人民币{sign}{text}"
