"""Cell parsing for imports: text, Decimal amounts and areas, dates and months, header names."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import Cancelled

EMPTY_MARKS = frozenset({"", "-", "--", "—", "——", "/", "－"})
NUMBER_RE = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?|[+-]?\.\d+")
DAY_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
MONTH_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕")
CURRENCY = "¥￥元"


class ImportCancelled(Cancelled):
    """The clerk pressed Cancel while a sheet was read or written; nothing was saved."""

    def __init__(self) -> None:
        super().__init__("已取消导入，未写入任何数据。")


class CellError(ValueError):
    """A cell that cannot be read as asked; the message quotes the cell (Chinese)."""


@dataclass(frozen=True)
class RowProblem:
    """One refused cell or row: the Excel row number, the field's label, the reason."""

    row: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"「{self.field}」" if self.field else ""
        return f"第 {self.row} 行{where}：{self.message}"


def normalise_header(value: Any) -> str:
    """'建筑面积\n(㎡)' → '建筑面积'; full-width → half-width; spaces, '*' and ':' dropped."""
    text = unicodedata.normalize("NFKC", cell_text(value))
    text = BRACKETS_RE.sub("", text)
    text = re.sub(r"[\s*:：]", "", text)
    return text.lower()


def cell_text(value: Any) -> str:
    """Any cell as the clerk reads it: '' for empty, 18401757228 (not 18401757228.0) for numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\u3000", " ").strip()


def _decimal_text(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value)


def clean_text(value: Any) -> str:
    """A cell as text with full-width letters and digits made half-width and runs of spaces made one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", cell_text(value))).strip()


def is_blank(value: Any) -> bool:
    return cell_text(value) == ""


def parse_decimal(value: Any) -> Decimal | None:
    """A number as Decimal (never through float arithmetic); None for an empty cell or '-'.

    Accepts numeric cells and text like '1,234.50', '¥ 88', '１２０'; refuses '一百二十'.
    """
    if isinstance(value, bool):
        raise CellError(f"“{cell_text(value)}”不是数字")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))  # str() gives the shortest repr: 118.03, not 118.0299999...
    if isinstance(value, (dt.date, dt.datetime)):
        raise CellError(f"“{cell_text(value)}”是日期，不是数字")
    return _decimal_from_text(cell_text(value))


def _decimal_from_text(raw: str) -> Decimal | None:
    text = unicodedata.normalize("NFKC", raw).replace(" ", "").strip(CURRENCY)
    if text in EMPTY_MARKS:
        return None
    if not NUMBER_RE.fullmatch(text):
        raise CellError(f"“{raw}”不是数字")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern already refused it
        raise CellError(f"“{raw}”不是数字") from None


def parse_amount(value: Any) -> Decimal:
    """Money in 元: an empty cell or '-' is 0.00; more than 2 decimals is refused."""
    number = parse_decimal(value)
    if number is None:
        return Decimal("0.00")
    return check_places(number, 2, value)


def check_places(number: Decimal, places: int, raw: Any = None) -> Decimal:
    """The number with `places` decimals, or CellError if it has more."""
    quantum = Decimal(1).scaleb(-places)
    if number != number.quantize(quantum):
        shown = cell_text(raw) if raw is not None else str(number)
        raise CellError(f"“{shown}”小数超过 {places} 位")
    return number.quantize(quantum)


def parse_date(value: Any) -> dt.date | None:
    """A date from a date cell or '2025-07-01', '2025/7/1', '2025年7月1日'; a month form gives its 1st."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", cell_text(value))
    if text in EMPTY_MARKS:
        return None
    if isinstance(value, (int, float, Decimal)):
        raise CellError(f"“{text}”不是日期")
    return _date_from_text(text)


def _date_from_text(text: str) -> dt.date:
    day = DAY_RE.fullmatch(text)
    month = MONTH_RE.fullmatch(text)
    match, parts = (day, 3) if day else (month, 2)
    if match is None:
        raise CellError(f"“{text}”不是日期（应为 2025-07-01、2025/7/1 或 2025年07月）")
    numbers = [int(g) for g in match.groups()[:parts]] + [1] * (3 - parts)
    try:
        return dt.date(*numbers)
    except ValueError:
        raise CellError(f"“{text}”不是有效日期") from None


def parse_month(value: Any) -> dt.date | None:
    """The month of a date or of '2025年07月' / '2025.07', as its first day."""
    date = parse_date(value)
    return date.replace(day=1) if date else None
