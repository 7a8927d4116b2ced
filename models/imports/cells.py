"""Cell parsing for imports: text, Decimal amounts and areas, dates and months, header names."""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..errors import Cancelled, ValidationError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..rules import numbers
from ..rules.numbers import NumberKind
from .places import place, sheet_of

EMPTY_MARKS = frozenset({"", "-", "--", "—", "——", "/", "－"})
NUMBER_RE = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?|[+-]?\.\d+")
DAY_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
MONTH_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕")
CURRENCY = "¥￥元"
FIRST_YEAR, LAST_YEAR = 1900, 2099  # a date outside is a typing slip (or a hostile file), never a fee period


class ImportCancelled(Cancelled):
    """The clerk pressed Cancel while a sheet was read or written; nothing was saved."""

    def __init__(self) -> None:
        super().__init__(translate("imports", "已取消导入，未写入任何数据。"))


class CellError(ValueError):
    """A cell that cannot be read as asked; the message quotes the cell (Chinese)."""


@dataclass(frozen=True, slots=True)
class UnreadableCell:
    """A cell with no value to take: a formula Excel never calculated, an error value (#DIV/0!),
    a number that is not one (NaN, INF). `text` is what the file holds, `reason` says why."""

    text: str
    reason: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One refused cell or row: the Excel row number, the field's label, the reason."""

    row: int
    field: str
    message: str

    def __str__(self) -> str:
        where = translate("imports", "「{field}」").format(field=translate("imports", self.field)) if self.field else ""
        return translate("imports", "{place}{field}：{message}").format(place=place(self.row), field=where,
                                                                       message=self.message)  # 工作表「C区」第 12 行 with several sheets

    @property
    def sheet(self) -> str:
        """The sheet's name when the import takes several sheets, else ""."""
        return sheet_of(self.row)


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
        return translate("imports", "是") if value else translate("imports", "否")
    if isinstance(value, UnreadableCell):
        return value.text
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\u3000", " ").strip()


def _decimal_text(value: Decimal) -> str:
    if not value.is_finite() or abs(value.adjusted()) > 20:
        return str(value)  # 1E+308 as Excel shows it, not 309 digits (and never quantize's overflow)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value)


def stored_text(value: Any) -> str:
    """A text cell as it will be stored: exactly what the cell says, blanks around it trimmed.

    Nothing inside is changed — not （） to (), not m³ to m3, not full-width to half-width: the
    clerk's sheet is the record. Matching and look-ups normalise a copy (clean_text, unit_key).
    """
    if isinstance(value, str):
        return value.strip()
    return cell_text(value)


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
        raise CellError(translate("imports", "“{text}”不是数字").format(text=cell_text(value)))
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))  # str() gives the shortest repr: 118.03, not 118.0299999...
    if isinstance(value, (dt.date, dt.datetime)):
        raise CellError(translate("imports", "“{text}”是日期，不是数字").format(text=cell_text(value)))
    return _decimal_from_text(cell_text(value))


def _decimal_from_text(raw: str) -> Decimal | None:
    text = unicodedata.normalize("NFKC", raw).replace(" ", "").strip(CURRENCY)
    if text in EMPTY_MARKS:
        return None
    if not NUMBER_RE.fullmatch(text):
        raise CellError(translate("imports", "“{text}”不是数字").format(text=raw))
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern already refused it
        raise CellError(translate("imports", "“{text}”不是数字").format(text=raw)) from None


# ---- numeric fields: models/rules/numbers.py decides, for a cell of either type ------------------

def number_cell(value: Any, field: str, kind: NumberKind) -> Decimal | None:
    """A numeric field's cell read by the shared rules: a numeric cell through check_number, a text
    cell through parse_decimal. None for an empty cell; CellError for anything else that is not a
    number of the kind ("1o00", "-5" where it cannot be negative, 1e20, NaN, "１２", a date).

    The message leaves the field's name out: the RowProblem that carries it names the field.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, UnreadableCell):
        raise CellError(value.reason)
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError(translate("imports", "“{text}”是日期或时间，不是数字").format(text=cell_text(value)))
    try:
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return numbers.check_number(value, field, kind)
        return numbers.parse_decimal(_without_currency(str(value), kind), field, kind)
    except ValidationError as exc:
        raise CellError(_unnamed(str(exc), field)) from None


def money_cell(value: Any, field: str, kind: NumberKind) -> Decimal | None:
    """Money as number_cell reads it, but a numeric cell rounded half-up to the fen first.

    A billing system's export or a formula (面积 × 单价 × 月数) leaves 1310.1335 in a cell that
    Excel shows as 1,310.13; the clerk sees two decimals, and the spec rounds half-up per line.
    Text is taken as typed: a third decimal written by hand is refused.
    """
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if number.is_finite() and abs(number) <= kind.high:
            value = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return number_cell(value, field, kind)


def _without_currency(text: str, kind: NumberKind) -> str:
    """"88元" and "¥ 88" are money as a ledger writes it; the rules read the number."""
    text = text.strip()
    if kind.currency and text.endswith("元"):
        text = text[:-1]
    return text


def _unnamed(message: str, field: str) -> str:
    """The rules' message without the field's name (the row problem names it), in either language."""
    for prefix in (f"「{field}」", f"“{field}”: ", f"“{field}” "):
        message = message.removeprefix(prefix)
    return message.removesuffix("。").removesuffix(".")


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
        raise CellError(translate("imports", "“{text}”小数超过 {places} 位").format(text=shown, places=places))
    return number.quantize(quantum)


def parse_date(value: Any) -> dt.date | None:
    """A date from a date cell or '2025-07-01', '2025/7/1', '2025年7月1日'; a month form gives its 1st."""
    if isinstance(value, UnreadableCell):
        raise CellError(value.reason)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_range(cell_text(value), value)
    text = unicodedata.normalize("NFKC", cell_text(value))
    if text in EMPTY_MARKS:
        return None
    if isinstance(value, (int, float, Decimal)):
        raise CellError(translate("imports", "“{text}”不是日期").format(text=text))
    return _date_from_text(text)


def _date_from_text(text: str) -> dt.date:
    day = DAY_RE.fullmatch(text)
    month = MONTH_RE.fullmatch(text)
    match, parts = (day, 3) if day else (month, 2)
    if match is None:
        raise CellError(translate("imports", "“{text}”不是日期（应为 2025-07-01、2025/7/1 或 2025年07月）").format(text=text))
    parts_of_date = [int(g) for g in match.groups()[:parts]] + [1] * (3 - parts)
    return _valid_date(text, *parts_of_date)


def parse_month(value: Any) -> dt.date | None:
    """The month of a date or of '2025年07月' / '2025.07', as its first day."""
    date = parse_date(value)
    return date.replace(day=1) if date else None


# ---- ledger cells: money as Excel shows it, and billing periods ----------------------------------

COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})?")  # 202507, 20250701
MONTH_OF_YEAR_RE = re.compile(r"(\d{1,2})月?")  # the right half of "2025年1月-6月"
RANGE_SEPARATOR_RE = re.compile(r"至|到|~|—+|-{1,2}")
PERIOD_FORMS = QT_TRANSLATE_NOOP("imports", "2025年07月、2025.07、2025-07、202507、2025-07-01、2025.01-2025.06、2025年、"
                                           "2025年第一季度、2025Q1 或 2025年上半年")
Span = tuple[dt.date, dt.date]
YEAR_RE = re.compile(r"(\d{4})(?:年度?|年全年|全年)?")  # 2024, 2024年, 2024年度: the whole year
QUARTER_RE = re.compile(r"(\d{4})(?:年度?)?[-/.]?(?:第?([1-4一二三四])季度?|[Qq]([1-4]))")  # 2024年第一季度, 2024Q1
HALF_RE = re.compile(r"(\d{4})(?:年度?)?[-/.]?(?:([上下])半年度?|[Hh]([12]))")  # 2024年上半年, 2024H1
NO_YEAR_RE = re.compile(r"(第?[1-4一二三四]季度?|[Qq][1-4]|[上下]半年度?|[Hh][12])")  # 一季度: which year?
SERIAL_RE = re.compile(r"\d{5}(\.\d+)?")  # Excel's day number: 42370 is 2016-01-01
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 61 on (1900-03-01…): Excel's phantom 1900-02-29 is before
CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


def month_span(day: dt.date) -> Span:
    """The calendar month of `day`: its first and its last day."""
    first = day.replace(day=1)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def parse_period(value: Any, day_is_month: bool = True) -> Span | None:
    """A billing period from a cell: (first day, last day); None for an empty cell or '-'.

    '2025年07月', '2025.07', '2025-07', '202507' give the whole month, and so does a date
    when `day_is_month` (a 所属期 column); otherwise a date is that one day (计费起始/截止).
    Ranges like '2025.01-2025.06' or '2025年1月-6月' give both ends.
    """
    if isinstance(value, bool):
        raise CellError(translate("imports", "“{text}”不是所属期").format(text=cell_text(value)))
    if isinstance(value, UnreadableCell):
        raise CellError(value.reason)
    if isinstance(value, dt.date):
        day = _in_range(cell_text(value), value.date() if isinstance(value, dt.datetime) else value)
        return month_span(day) if day_is_month else (day, day)
    if isinstance(value, (int, float, Decimal)):
        return _numeric_period(value, day_is_month)
    text = unicodedata.normalize("NFKC", cell_text(value)).replace(" ", "").removesuffix("份")
    if text in EMPTY_MARKS:
        return None
    found = _single_period(text, day_is_month) or _range_period(text)
    if found is None and NO_YEAR_RE.fullmatch(text):
        raise CellError(translate("imports", "“{text}”没有写年份，无法确定是哪一年（应写成 2025年{text} 这样）").format(text=text))
    if found is None:
        raise _not_a_period(text)
    return found


def _not_a_period(text: str) -> CellError:
    return CellError(translate("imports", "“{text}”不是所属期（应为 {forms}）").format(
        text=text, forms=translate("imports", PERIOD_FORMS)))


def _numeric_period(value: Any, day_is_month: bool) -> Span:
    """202507 and 2025.07 typed into a number cell; 2025.1 is refused, as Excel dropped a 0 or not."""
    number = parse_decimal(value)
    assert number is not None
    if not number.is_finite() or abs(number) >= 10**9:
        raise _not_a_period(cell_text(value))
    text = str(int(number)) if number == number.to_integral_value() else str(number)
    if SERIAL_RE.fullmatch(text):
        return _serial_period(text, day_is_month)
    whole, _, fraction = text.partition(".")
    if len(fraction) == 1:
        raise CellError(translate("imports", "“{text}”是数字，分不清是 {year}年{month}月 还是 {year}年{month}0月"
                                  "（Excel 会去掉末尾的 0）；请写成 {year}年{month}0月 这样的文字").format(
                                      text=text, year=whole, month=fraction))
    found = _single_period(text, day_is_month)
    if found is None:
        raise _not_a_period(text)
    return found


def _serial_period(text: str, day_is_month: bool) -> Span:
    """42370 (a date cell whose format was lost, or an export that writes day numbers): that day.
    Five digits only: 202507 and 20250701 are written dates, 2025 a year; a time of day is dropped."""
    date = EXCEL_EPOCH + dt.timedelta(days=int(Decimal(text)))
    day = _in_range(text, date)
    return month_span(day) if day_is_month else (day, day)


def _single_period(text: str, day_is_month: bool) -> Span | None:
    if SERIAL_RE.fullmatch(text):
        return _serial_period(text, day_is_month)
    longer = _year_period(text) or _quarter_period(text) or _half_period(text)
    if longer is not None:
        return longer
    compact = COMPACT_RE.fullmatch(text)
    if compact:
        year, month, day = compact.groups()
        date = _valid_date(text, int(year), int(month), int(day or 1))
        return (date, date) if day and not day_is_month else month_span(date)
    if DAY_RE.fullmatch(text):
        date = _date_from_text(text)
        return month_span(date) if day_is_month else (date, date)
    if MONTH_RE.fullmatch(text):
        return month_span(_date_from_text(text))
    return None


def _months(text: str, year: int, first: int, count: int) -> Span:
    start = _valid_date(text, year, first, 1)
    return start, month_span(_valid_date(text, year, first + count - 1, 1))[1]


def _year_period(text: str) -> Span | None:
    match = YEAR_RE.fullmatch(text)
    return _months(text, int(match.group(1)), 1, 12) if match else None


def _quarter_period(text: str) -> Span | None:
    match = QUARTER_RE.fullmatch(text)
    if match is None:
        return None
    written = match.group(2) or match.group(3)
    quarter = CHINESE_DIGITS.get(written) or int(written)
    return _months(text, int(match.group(1)), 3 * quarter - 2, 3)


def _half_period(text: str) -> Span | None:
    match = HALF_RE.fullmatch(text)
    if match is None:
        return None
    second = match.group(2) == "下" or match.group(3) == "2"
    return _months(text, int(match.group(1)), 7 if second else 1, 6)


def _valid_date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise CellError(translate("imports", "“{text}”不是有效日期").format(text=text)) from None
    return _in_range(text, date)


def _in_range(text: str, date: dt.date) -> dt.date:
    """Dates from 1900 to 2099: 10000年01月 or 0001-01-01 is a slip of the keyboard, said as such."""
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise CellError(translate("imports", "“{text}”的年份超出范围（应在 {first} 到 {last} 年之间）").format(
            text=text, first=FIRST_YEAR, last=LAST_YEAR))
    return date


def _range_period(text: str) -> Span | None:
    """'2025.01-2025.06', '2025-01-01至2025-06-30', '2025年1月-6月': each end as a day or a month."""
    for separator in RANGE_SEPARATOR_RE.finditer(text):
        left, right = text[:separator.start()], text[separator.end():]
        first = _single_period(left, day_is_month=False)
        if first is None:
            continue
        last = _single_period(right, day_is_month=False) or _month_of_year(right, first[0].year)
        if last is not None:
            return first[0], last[1]
    return None


def _month_of_year(text: str, year: int) -> Span | None:
    match = MONTH_OF_YEAR_RE.fullmatch(text)
    if match is None:
        return None
    return month_span(_valid_date(text, year, int(match.group(1)), 1))
