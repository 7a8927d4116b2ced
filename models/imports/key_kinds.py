"""Key sheets as offices list them: one row per unit, a count column per kind of key, read as keys.

A 钥匙清单 often has 房号 | 防盗门 | 室内门 | 对讲门 | 信箱 | 合计 (or "钥匙数量" merged over the kinds,
or "防盗门钥匙(把)"): each kind column is a field of its own (KIND_FIELDS, read with KEY_FIELDS by
the one pipeline in sheet.py, so its cells are imported columns like any other), and `KeyRows`
reshapes each data row into one row per kind with a count above 0 — the row's own columns as
written, 开启对象 the kind ("防盗门钥匙", "门禁卡"), 数量 the count — before the key sheet's checks,
tags and write, which stay one path. 20 units whose counts add up to 130 are 130 keys in as many
sets as there are kinds per unit, never 20.

0 or an empty cell is none of that kind; "2", 2, "2把", "两把" are 2; anything else is the row's
problem, naming the column. The 合计 column (or 数量, on a sheet with kind columns) is checked
against the row's sum and is never a key itself. A row with no key of any kind is listed as
skipped, never dropped without a word.

开启部位 (使用部位, 开启位置…) has a field of its own: alone it is the 开启对象; with a 开启对象
(钥匙名称) beside it both are kept, written together in 开启对象 ("1栋1单元101 入户门钥匙" — a unit
named there links the key), or the one alone when it already holds the other.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..rules.numbers import NumberKind
from .cells import EMPTY_MARKS
from .sheet import CellError, FieldSpec, Header, RowProblem, SheetRow, SkippedRow, number_cell, stored_text

__all__ = ["KIND", "KIND_FIELDS", "PLACE_FIELD", "TOTAL_FIELD", "KeyRows"]

# The kinds as offices head their columns: each spelling is its own field, so the key keeps the
# sheet's word (入户门 stays 入户门, not 防盗门).
KINDS = ("防盗门", "入户门", "进户门", "户门", "大门", "室内门", "房门", "房间门", "卧室门", "对讲门", "单元门",
         "楼宇门", "门禁", "门禁卡", "门卡", "IC卡", "信箱", "邮箱", "信报箱", "报箱", "车库门", "车库",
         "储藏室", "储物间", "地下室", "阳台门", "厨房门", "卫生间门", "庭院门", "院门", "卷帘门", "防火门",
         "电表箱", "水表箱", "窗锁", "遥控器")
# "防盗门钥匙(把)" is read as 防盗门钥匙 (brackets drop out of every header), "防盗门数量", "防盗门把数"…
SUFFIXES = ("钥匙", "数量", "钥匙数量", "钥匙数", "把数", "钥匙把数", "张数", "个数", "套数")
KIND_PREFIX = "kind:"
KIND = "kind"  # the field key a reshaped row carries its kind column's key under
KIND_FIELDS = tuple(FieldSpec(KIND_PREFIX + k, k, tuple(k + s for s in SUFFIXES)) for k in KINDS)
TOTAL_FIELD = FieldSpec("total", QT_TRANSLATE_NOOP("imports", "合计"), ("合计数", "合计数量", "钥匙合计", "合计把数", "共计", "总计", "总数",
                                          "钥匙总数", "总把数", "小计"))
PLACE_FIELD = FieldSpec("place", QT_TRANSLATE_NOOP("imports", "开启部位"), ("使用部位", "开启位置", "部位", "对应部位", "钥匙部位", "门锁位置"))
KIND_COUNT = NumberKind(0, Decimal("0"), Decimal("9999"))  # 0: none of that kind
UNIT_RE = re.compile(r"^(.+?)\s*(把|套|串|张|个|枚|条|片|只|副)$")  # "2把", "两 把"
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_RE = re.compile(r"^([一二两三四五六七八九])?十([一二三四五六七八九])?$|^([零〇一二两三四五六七八九])$")
DESCRIBING = ("number", "opens", "building", "entrance")  # a key of a kind column belongs to something


@dataclass(frozen=True)
class KindColumn:
    key: str     # the field key: kind:防盗门
    kind: str    # 防盗门
    label: str   # the column as the sheet heads it, for messages: 「钥匙数量/防盗门」
    opens: str   # 开启对象 of its keys: 防盗门钥匙, 门禁卡


def opens_of(kind: str) -> str:
    """A door's key is "…钥匙"; a card or a remote is itself."""
    return kind if kind.endswith(("卡", "器", "钥匙")) else kind + "钥匙"


class KeyRows:
    """A data row as the rows of keys it holds: itself, or one per kind column with a count."""

    def __init__(self, header: Header) -> None:
        self.header = header
        columns = header.columns
        kinds = sorted((f for f in KIND_FIELDS if f.key in columns), key=lambda f: columns[f.key])  # as the sheet
        self.kinds = tuple(KindColumn(f.key, f.label, self._label(f.key, f.label), opens_of(f.label)) for f in kinds)
        # on a kind sheet 数量 is the row's total too; on a sheet of one key per row 合计 checks 数量
        self.totals = tuple(k for k in ("total", "count") if k in columns and (self.kinds or k == "total"))

    def _label(self, key: str, fallback: str) -> str:
        index = self.header.columns.get(key)
        labels = self.header.labels
        return labels[index] if index is not None and index < len(labels) and labels[index] else fallback

    @property
    def described(self) -> bool:
        """The sheet has a column saying what a key is or whose it is."""
        return bool({"number", "opens", "place"} & set(self.header.columns)) or bool(self.kinds)

    @property
    def missing(self) -> tuple[str, ...]:
        """The header's missing fields, 开启部位 standing in for 开启对象 and kind columns for both."""
        stand_in = ({"opens"} if "place" in self.header.columns else set()) | ({"opens"} if self.kinds else set())
        return tuple(k for k in self.header.missing if k not in stand_in)

    def notes(self) -> tuple[str, ...]:
        out = []
        if self.kinds:
            kinds = "、".join(k.kind for k in self.kinds)
            named = "、".join(self._label(t, t).rsplit("/", 1)[-1] for t in self.totals)
            checked = translate("imports", "；{named}列用于核对，不作为钥匙").format(named=named) if named else ""
            out.append(translate("imports", "按钥匙种类列导入：{kinds}{checked}").format(kinds=kinds, checked=checked))
        elif "total" in self.totals:
            out.append(translate("imports", "{column}列用于核对数量，不作为钥匙导入").format(column=self._label('total', '合计')))
        if "place" in self.header.columns and "opens" in self.header.columns:
            out.append(translate("imports", "「{place}」与「{opens}」两列都导入：合写在开启对象中").format(
                place=self._label("place", "开启部位"), opens=self._label("opens", "开启对象")))
        return tuple(out)

    def split(self, row: SheetRow, problems: list[RowProblem], skipped: list[SkippedRow]) -> list[SheetRow]:
        """The row's keys as rows of one key (set) each; what is wrong goes to `problems`."""
        values = dict(row.values)
        place = stored_text(values.pop("place", None))
        values["opens"] = _together(place, stored_text(values.get("opens")))
        if not self.kinds:
            self._check_total(row, values, _count_or_none(values.get("count"), default=1), "", problems)
            return [SheetRow(row.row, values)]
        return self._by_kind(row, values, problems, skipped)

    def _by_kind(self, row: SheetRow, values: dict[str, Any], problems: list[RowProblem],
                 skipped: list[SkippedRow]) -> list[SheetRow]:
        counts: list[tuple[KindColumn, int]] = []
        bad, found = False, len(problems)
        for kind in self.kinds:
            count = self._read(row.row, values.pop(kind.key, None), kind.label, problems)
            bad = bad or count is None
            if count:
                counts.append((kind, count))
        shown = "、".join(f"{k.label} {n}" for k, n in counts) or translate("imports", "各种类均为 0 或空")
        if not bad:
            self._check_total(row, values, sum(n for _k, n in counts), shown, problems)
        if not counts and len(problems) == found:
            skipped.append(SkippedRow(row.row, QT_TRANSLATE_NOOP("imports", "没有钥匙的行"),
                                      detail=translate("imports", "各钥匙种类列均为 0 或空")))
            return []
        if counts and not any(stored_text(values.get(k)).strip() for k in DESCRIBING):
            problems.append(RowProblem(row.row, "房号", translate("imports", "不能为空：按钥匙种类列导入时，请填写房号或开启对象")))
        if len(counts) > 1 and stored_text(values.get("tag")).strip():
            problems.append(RowProblem(row.row, "标签号", translate("imports", "一个标签号不能给 {counts} 种钥匙（{shown}）：请留空由程序编号，或每种钥匙一行").format(
                counts=len(counts), shown=shown)))
            values["tag"] = None  # said once here, not again as a tag repeated on the row's keys
        return [SheetRow(row.row, {**values, "opens": _together(values["opens"], kind.opens), "count": count,
                                   KIND: kind.key}) for kind, count in counts]

    def _read(self, number: int, value: Any, label: str, problems: list[RowProblem]) -> int | None:
        try:
            return read_count(value, label)
        except CellError as exc:
            problems.append(RowProblem(number, label, str(exc)))
            return None

    def _check_total(self, row: SheetRow, values: dict[str, Any], summed: int | None, shown: str,
                     problems: list[RowProblem]) -> None:
        """Each total column against the row's keys; never a key itself. A bad 数量 is _count's to say."""
        for key in self.totals:
            label = self._label(key, "合计")
            value = values.pop(key, None) if key == "total" else values.get(key)
            stated = self._read(row.row, value, label, problems) if key == "total" or self.kinds else None
            if stated is not None and summed is not None and stated != summed and not is_blank_cell(value):
                by_kind = f"（{shown}）" if shown else ""
                problems.append(RowProblem(row.row, label, translate("imports", "为 {stated}，与本行钥匙数 {summed}{by_kind}不符").format(
                    stated=stated, summed=summed, by_kind=by_kind)))

    def line_values(self, kind: str, count: int | None) -> Mapping[str, Decimal | None]:
        """What one key row adds to the sheet's own 合计 rows, per column."""
        number = None if count is None else Decimal(count)
        out: dict[str, Decimal | None] = {"count": number, **{t: number for t in self.totals}}
        if kind:
            out[kind] = number
        elif self.kinds:
            out.update({k.key: None for k in self.kinds})  # not a row of kinds: the kind sums are unknown
        return out

    def total_labels(self) -> dict[str, str]:
        return {**{t: self._label(t, "合计") for t in self.totals}, **{k.key: k.label for k in self.kinds}}


def _together(place: str, opens: str) -> str:
    """开启部位 and 开启对象 both kept: one alone when it holds the other, else "部位 对象"."""
    if not place.strip() or place in opens:
        return opens
    if not opens.strip() or opens in place:
        return place
    return f"{place} {opens}"


def is_blank_cell(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_count(value: Any, label: str) -> int:
    """A kind column's count: 0, empty or a dash ("-", "/": none of that kind, as offices mark it) is 0;
    2, "2", "2把", "两把" are 2; else CellError."""
    if is_blank_cell(value) or (isinstance(value, str) and value.strip() in EMPTY_MARKS):
        return 0
    if isinstance(value, str):
        text = value.strip()
        unit = UNIT_RE.match(text)
        text = unit.group(1).strip() if unit else text
        chinese = CHINESE_RE.match(text)
        if chinese:
            tens, ones, single = chinese.groups()
            if single:
                return DIGITS[single]
            return DIGITS.get(tens or "一", 1) * 10 + DIGITS.get(ones or "零", 0)
        value = text
    number = number_cell(value, label, KIND_COUNT)
    return int(number) if number is not None else 0


def _count_or_none(value: Any, default: int) -> int | None:
    """数量 as a number to check 合计 against, or None when it is not one (its own problem is said)."""
    try:
        number = read_count(value, "数量")
    except CellError:
        return None
    return number if not is_blank_cell(value) else default
