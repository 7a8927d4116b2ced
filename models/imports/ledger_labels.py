"""Reading a ledger's header for its shape: which columns name a fee item's amount, a month, a 合计, a 年度.

'本期应收_管理费', '管理费/实收' (管理费 merged over 应收/实收), '前期欠费-水费' name an amount kind,
a fee item and whether it was owed before the sheet's period; '1月', '2025-01', '2025年/1月' name a
month; '合计', '应收合计', '合计/欠费' a total of the row. ledger_shapes.py turns them into lines.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .cells import CellError, Span, month_span, parse_period
from .sheet import FieldSpec, Header

AMOUNTS = ("billed", "paid", "arrears")
SEPARATORS_RE = re.compile(r"[_\-—–/|·:：()（）\[\]【】\s]+")
BEFORE_WORDS = ("以前年度", "以前", "前期", "上期", "往期", "历年", "历史", "上年", "上月", "期初")
CURRENT_WORDS = ("本年度", "本期", "当期", "本月", "当月", "本年")
TOTAL_WORDS = frozenset({"合计", "总计", "小计", "合计金额", "金额合计", "总额", "总金额", "合计数", "期末", "累计"})
GENERIC = frozenset({"金额", "费用", "款项", "款", "额", "费", "收费", "数", "元", "项", "项目"})
NOT_AN_ITEM_RE = re.compile(r"(月数|天数|年限|年数|期数|月份|日期|时间|期间|时段|周期|账龄|原因|说明|备注|状态|起始|截止"
                            r"|开始|结束|率|次数|人|号|电话|姓名|名称)$")
MONTH_LABEL_RE = re.compile(r"(?:(\d{4})年?度?[-/.]?)?(\d{1,2})月份?")
YEAR_LABELS = frozenset({"年度", "年份", "所属年度", "收费年度", "年", "账期年度"})
TITLE_YEAR_RE = re.compile(r"(\d{4})\s*年")


@dataclass(frozen=True)
class AmountColumn:
    index: int
    label: str
    kind: str  # billed / paid / arrears
    item: str = ""  # the fee item as the header writes it ("" in a ledger by month: the row's 收费项目)
    early: bool = False  # 前期/上期: owed before the row's period
    month: int = 0  # a ledger by month: 1…12
    year: int = 0  # the year its label writes, 0 if none

    @property
    def key(self) -> str:
        return f"@c{self.index}"


def total_column(header: Header, taken: set[int], columns: list[AmountColumn]) -> tuple[int, str, str] | None:
    """合计, 应收合计, 欠费合计, 合计/实收: the column and the kind it sums. A 合计 naming no kind totals
    the one kind the columns hold, or, when they hold several, what the row's lines owe (欠费)."""
    kinds = {c.kind for c in columns}
    for index, label in enumerate(header.labels):
        if index in taken or index in header.columns.values() or not label:
            continue
        text = "".join(_parts(label))
        kind = next((k for k, ws in TOTAL_KIND_WORDS.items() if any(w in text for w in ws)), None)
        rest = text
        for word in (*(w for ws in TOTAL_KIND_WORDS.values() for w in ws), *CURRENT_WORDS, "金额"):
            rest = rest.replace(word, "")
        if rest in TOTAL_WORDS:
            return index, label, kind or (next(iter(kinds)) if len(kinds) == 1 else "arrears")
    return None


TOTAL_KIND_WORDS = {"billed": ("应收", "应缴"), "paid": ("实收", "已收", "实缴", "已缴"),
                    "arrears": ("欠费", "欠缴", "未缴", "欠款")}


def year_column(header: Header, taken: set[int]) -> int | None:
    for index, label in enumerate(header.labels):
        if index not in taken and index not in header.columns.values() and _norm(label) in YEAR_LABELS:
            return index
    return None


# A period written in a title: 2025年7月, 2025年第三季度, 2025年上半年, 2025年度 (the finest wins).
TITLE_PERIOD_RES = (re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月"),
                    re.compile(r"\d{4}\s*年\s*第?\s*[一二三四1-4]\s*季度?"),
                    re.compile(r"\d{4}\s*年\s*[上下]\s*半年"),
                    re.compile(r"\d{4}\s*年度?"))


def title_period(texts: Iterable[str]) -> tuple[str, Span] | None:
    """The one period the title rows write ('2025年7月收费明细' → July 2025), with its words; None when
    they write none or two different ones."""
    for pattern in TITLE_PERIOD_RES:
        found: dict[Span, str] = {}
        for text in texts:
            for words in pattern.findall(text):
                try:
                    span = parse_period(re.sub(r"\s+", "", words))
                except CellError:
                    continue
                if span is not None:
                    found.setdefault(span, words)
        if len(found) == 1:
            span, words = next(iter(found.items()))
            return words, span
        if found:
            return None
    return None


def title_year(words: str) -> int:
    years = {int(y) for y in TITLE_YEAR_RE.findall(words) if 1900 <= int(y) <= 2099}
    return years.pop() if len(years) == 1 else 0


def _norm(label: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", label)).lower()


def _parts(label: str) -> list[str]:
    return [p for p in SEPARATORS_RE.split(_norm(label)) if p]


def item_columns(header: Header, fields: Mapping[str, FieldSpec], bare: bool = False) -> list[AmountColumn]:
    """Columns whose label names an amount and a fee item: 本期应收_管理费, 管理费/实收, 前期欠费-水费;
    with `bare`, those that name an amount and no item (前期欠费, 本期应收): the row's 收费项目 is theirs."""
    names = {(n, k) for k in AMOUNTS if k in fields for n in fields[k].names() | {_norm(fields[k].label)}}
    words = sorted(names, key=lambda nk: len(nk[0]), reverse=True)  # 应收未收 (欠费) before 应收
    mapped = {i for k, i in header.columns.items() if k not in AMOUNTS}
    out = []
    for index, label in enumerate(header.labels):
        if index not in mapped and label:
            found = _item_label(label, words, bare)
            if found is not None:
                kind, item, early = found
                out.append(AmountColumn(index, label, kind, item, early))
    return out


def _item_label(label: str, words: Sequence[tuple[str, str]], bare: bool) -> tuple[str, str, bool] | None:
    """(kind, item, early) of a label such as '本期应收_管理费' (or, `bare`, '前期欠费' with item ""), or None."""
    kind, early, items = "", False, []
    for part in _parts(label):
        part, was_early = _strip_period(part)
        early = early or was_early
        name, key = next(((n, k) for n, k in words if part.startswith(n) or part.endswith(n)), ("", ""))
        if name and not kind:
            kind = key
            part = part.removeprefix(name) if part.startswith(name) else part.removesuffix(name)
            part, was_early = _strip_period(part)
            early = early or was_early
        if part:
            items.append(part)
    item = "".join(items)
    if bare:
        return (kind, "", early) if kind and (not item or item in GENERIC) else None
    if not kind or not item or item in GENERIC or item in TOTAL_WORDS or NOT_AN_ITEM_RE.search(item):
        return None
    return kind, _as_written(label, item), early


def _strip_period(part: str) -> tuple[str, bool]:
    for word in BEFORE_WORDS:
        if part.startswith(word):
            return part[len(word):], True
    for word in CURRENT_WORDS:
        if part.startswith(word):
            return part[len(word):], False
    return part, False


def _as_written(label: str, item: str) -> str:
    """The item's name as the header writes it (its own width and case), found in the label."""
    text = unicodedata.normalize("NFKC", label)
    start = text.lower().find(item)
    return label[start:start + len(item)].strip() if start >= 0 and len(text) == len(label) else item


def month_columns(header: Header) -> list[AmountColumn]:
    mapped = set(header.columns.values())
    out = []
    for index, label in enumerate(header.labels):
        if index in mapped or not label:
            continue
        month = _month_label(label)
        if month is not None:
            out.append(AmountColumn(index, label, "billed", month=month[1], year=month[0]))
    return out


def _month_label(label: str) -> tuple[int, int] | None:
    """(year or 0, month) of '2025-01', '2025年1月', '1月', '2025年/1月' (a year merged over months)."""
    text = "".join(_parts(label))
    match = MONTH_LABEL_RE.fullmatch(text)
    if match and 1 <= int(match.group(2)) <= 12 and (match.group(1) or "月" in text):
        year = int(match.group(1)) if match.group(1) else 0
        return (year, int(match.group(2))) if year == 0 or 1900 <= year <= 2099 else None
    try:
        span = parse_period(label)
    except CellError:
        return None
    if span is None or month_span(span[0]) != span:
        return None
    return span[0].year, span[0].month


