"""Reading checklist rows: category rows, carried-down categories, quantities, 原件/复印件."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..handover import CopyKind
from ..i18n import translate
from ..rules.numbers import QUANTITY
from ..rules.unit_match import compose_address
from .places import place
from .sheet import (
    CellError,
    RowProblem,
    SheetRow,
    SkippedRow,
    cell_text,
    clean_text,
    number_cell,
    parse_decimal,
    stored_text,
)
from .text_limits import too_long

DEFAULT_CATEGORY = "未分类"
COPY_KINDS = (CopyKind.ORIGINAL, CopyKind.COPY)
STORED = ("category", "name", "spec", "uom")  # texts kept as written, each checked against its column
DASHES = frozenset({"-", "--", "—", "——", "－", "/"})
CN_NUMERAL = "一二三四五六七八九十百零〇"
# "一、" "（二）" "第三部分" "4." "5、" "Ⅵ." "A、" in front of a category name
NUMBERING_RE = re.compile(
    rf"^\s*((第[{CN_NUMERAL}\d]+[部分章节类项]*|[（(][{CN_NUMERAL}\d]+[)）])\s*[、.．:：]?"
    rf"|([{CN_NUMERAL}]+|\d+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[A-Za-z])\s*([、.．:：)）]|\s))\s*")
SEQ_HEADING_RE = re.compile(rf"^[（(]?([{CN_NUMERAL}]+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+)[)）、.．]?$")
QTY_WITH_UNIT_RE = re.compile(r"^(\d+)\s*([\u4e00-\u9fff]{1,2})$")  # "2套" → 2, 套
# Quantities as lists write them: "一套", "两套", "二十份", "约420", "共360页", "计 12 册".
WORDY_QTY_RE = re.compile(r"^(约|大约|约计|共|共计|计|合计|总计)?\s*(\d+|[零〇一二两三四五六七八九十百千万]+)\s*"
                          r"([\u4e00-\u9fff]{1,2})?$")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
VAGUE = frozenset("几余多来")  # "十几份", "二十余册": no number to take
PAGE_UNITS = frozenset({"页"})  # "共360页" is the document's page count, not a quantity
NO_MARKS = frozenset({"", "×", "x", "否", "无", "0", "-", "/", "—"})
HEADING_KEYS = frozenset({"seq", "name", "category"})
UNIT_KEYS = frozenset({"unit", "building", "entrance"})  # a list by unit: its address columns
Check = Callable[[str, str], None]  # (field label, message)


@dataclass(frozen=True, slots=True)  # hundreds of thousands of them: no __dict__ each
class ChecklistRow:
    """One item as read; a bad quantity or page count keeps its text so the preview can show it."""

    row: int
    category: str
    name: str
    spec: str
    uom: str
    expected_qty: int
    original_or_copy: CopyKind
    pages: int | None
    remarks: str
    qty_text: str = ""
    pages_text: str = ""
    qty_known: bool = True  # False: the 数量 cell holds words without a number (若干, 电子版): 1 is the list's default


class ChecklistReader:
    """Turns sheet rows into items, carrying the category of the last category row down."""

    def __init__(self, columns: Mapping[str, int], labels: Mapping[str, str]) -> None:
        self._columns, self._labels = columns, labels
        self.category = ""
        self.skipped: list[SkippedRow] = []
        self.problems: list[RowProblem] = []
        self.notes: list[str] = []  # quantities written in words: what was taken, where the words went

    def read(self, row: SheetRow) -> ChecklistRow | None:
        """The row's item, or None for a category row or one with nothing to import (both reported).

        `texts` are the cells as written (what is stored); rows are told apart on a normalised copy.
        """
        texts = {k: stored_text(v) for k, v in row.values.items() if k in self._columns and stored_text(v)}
        reason = _skip_reason(texts)
        if reason:
            self.skipped.append(SkippedRow(row.row, reason))
            return None
        heading = self._heading(texts)
        if heading is not None:
            self.category = heading
            self._check_length(row.row, "category", heading)
            self.skipped.append(SkippedRow(row.row, "类别行", detail=f"其下各项的类别为“{heading}”"))
            return None
        return self._item(row, texts)

    def _heading(self, texts: dict[str, str]) -> str | None:
        """A category row: one text cell and nothing else ("一、竣工图纸"), or 序号 "一" and a name."""
        if "quantity" in texts or not texts or not set(texts) <= HEADING_KEYS:
            return None
        if len(texts) == 2 and set(texts) == {"seq", "name"} and SEQ_HEADING_RE.match(clean_text(texts["seq"])):
            return strip_numbering(texts["name"])
        if len(texts) != 1:
            return None
        key, text = next(iter(texts.items()))
        if _is_number(text):
            return None
        # Without a 序号 column a lone name is an item of 1, unless it is numbered like a heading.
        if key == "name" and "seq" not in self._columns and not NUMBERING_RE.match(clean_text(text)):
            return None
        return strip_numbering(text)

    def _item(self, row: SheetRow, texts: dict[str, str]) -> ChecklistRow:
        def check(key: str, message: str) -> None:
            self.problems.append(RowProblem(row.row, self._labels[key], message))

        name = texts.get("name", "")
        if not name and "name" in self._columns:  # a missing column is reported once, on the header
            check("name", translate("imports", "不能为空"))
        if UNIT_KEYS & set(texts):  # the unit first, as a clerk writes it by hand: 1栋2单元0101 防盗门钥匙
            address = compose_address(texts.get("building", ""), texts.get("entrance", ""), texts.get("unit", ""))
            if address.problem:
                check("unit", address.problem)
            name = f"{address.number} {name}".strip()
        if texts.get("category"):  # a 类别 cell left blank below a value means the same category
            self.category = strip_numbering(texts["category"])
        category = self.category or DEFAULT_CATEGORY
        pages, pages_text = _count(row.get("pages"), "pages", check)
        form, remarks = _form(texts, check)
        words = _wordy(row.get("quantity"))
        if words is None:
            qty, qty_text, uom = _quantity(row.get("quantity"), texts.get("uom", ""), check)
        else:  # the words as written are kept in the item's remarks, never lost
            qty, qty_text, uom, pages = self._words(row.row, words, texts.get("uom", ""), pages, check)
            remarks = "；".join(t for t in (remarks, f"数量：{words.text}") if t)
        item = ChecklistRow(row.row, category, name, texts.get("spec", ""), uom, qty if qty is not None else 1,
                            form, pages, remarks, qty_text, pages_text, words is None or words.number is not None)
        for key in STORED:
            self._check_length(row.row, key, getattr(item, key))
        return item

    def _words(self, row: int, words: WordyQuantity, uom: str, pages: int | None,
               check: Check) -> tuple[int | None, str, str, int | None]:
        """(quantity, bad text, unit, pages) of a quantity written in words; a note says what was taken."""
        written = words.text
        if words.number is None:
            self.notes.append(translate("imports", "{place} 数量“{written}”没有数字：应交数量按 1 计，原文记入备注").format(
                place=place(row), written=written))
            return None, "", uom, pages
        if words.unit in PAGE_UNITS:
            if pages is not None and pages != words.number:
                check("pages", translate("imports", "{pages} 与数量列的“{written}”不同").format(pages=pages, written=written))
            self.notes.append(translate("imports", "{place} 数量“{written}”按页数 {pages} 导入，应交数量按 1 计，原文记入备注").format(
                place=place(row), written=written, pages=words.number))
            return None, "", uom, words.number
        if words.unit and uom and uom != words.unit:
            check("quantity", translate("imports", "“{written}”的单位与单位列的“{uom}”不同").format(written=written, uom=uom))
            return None, written, uom, pages
        self.notes.append(translate("imports", "{place} 数量“{written}”按 {number}{unit} 导入，原文记入备注").format(
            place=place(row), written=written, number=words.number, unit=words.unit or uom))
        return words.number, "", words.unit or uom, pages

    def _check_length(self, row: int, key: str, text: str) -> None:
        message = too_long("handover_items", key, text)
        if message:
            self.problems.append(RowProblem(row, self._labels[key], message))


def strip_numbering(text: str) -> str:
    """'一、竣工图纸' → '竣工图纸', '（二）设备资料' → '设备资料', '3. 财务' → '财务'.

    Only the numbering in front goes; the name after it is kept exactly as written.
    """
    match = NUMBERING_RE.match(text)
    if match is not None:
        return text[match.end():].strip() or text
    match = NUMBERING_RE.match(unicodedata.normalize("NFKC", text))  # "１、" "（２）" written full-width
    if match is None:
        return text
    return text[_original_length(text, match.end()):].strip() or text


def _original_length(text: str, normalised_length: int) -> int:
    """How many characters of `text` make the first `normalised_length` of its NFKC form."""
    for i in range(len(text) + 1):
        if len(unicodedata.normalize("NFKC", text[:i])) >= normalised_length:
            return i
    return len(text)


def _skip_reason(texts: dict[str, str]) -> str:
    """Rows with nothing to import (notes and signatures are told apart for every import, in sheet.py)."""
    if not texts:
        return "导入的列均为空"
    if set(texts) == {"seq"} and _is_number(texts["seq"]):
        return "只有序号"  # a printed form numbered to the bottom of the page
    return ""


def _is_number(text: str) -> bool:
    try:
        return parse_decimal(text) is not None
    except CellError:
        return False


def _quantity(value: Any, uom: str, check: Check) -> tuple[int | None, str, str]:
    """(quantity or None if empty, the bad cell's text, unit): '2套' in an empty 单位 gives 套.

    "-" is no quantity: a row problem, never 1 (an empty cell is the list's usual 1).
    """
    match = QTY_WITH_UNIT_RE.match(stored_text(value))
    if match and (not uom or uom == match.group(2)):
        return _count(match.group(1), "quantity", check)[0], "", match.group(2)
    if stored_text(value) in DASHES:
        check("quantity", translate("imports", "“{text}”不是数量：请填写数量，或留空（按 1 计）").format(text=stored_text(value)))
        return None, stored_text(value), uom
    number, text = _count(value, "quantity", check)
    return number, text, uom


def _count(value: Any, key: str, check: Check) -> tuple[int | None, str]:
    """A whole number from 0 (models/rules/numbers.py QUANTITY), None if empty; a bad cell keeps its text."""
    if key == "pages" and stored_text(value) in DASHES:
        return None, ""  # no page count: the column is empty for it
    try:
        number = number_cell(value, LABELS_OF[key], QUANTITY)
    except CellError as exc:
        check(key, str(exc))
        return None, cell_text(value)
    return (int(number) if number is not None else None), ""


LABELS_OF = {"quantity": "数量", "pages": "页数"}


@dataclass(frozen=True, slots=True)
class WordyQuantity:
    """A 数量 cell written in words: its number (None for 若干, 电子版), its unit word, the text as written."""

    text: str
    number: int | None
    unit: str


def _wordy(value: Any) -> WordyQuantity | None:
    """A 数量 text cell written in words ("一套", "两套", "约420", "共360页", "若干", "电子版"); None for a
    number ("2", "2套": read as before) or a bad one ("1o00", "-1", "１２": refused as before)."""
    if not isinstance(value, str):
        return None
    written = stored_text(value)
    text = clean_text(written).replace(" ", "")
    match = WORDY_QTY_RE.match(text)
    unit = match.group(3) or "" if match else ""
    if match and (match.group(1) or not match.group(2).isdigit()) and unit[:1] not in VAGUE:
        number = chinese_number(match.group(2))
        if number is not None and number <= QUANTITY.high:
            return WordyQuantity(written, number, unit)
    # "若干", "十几份", "电子版": words with no number, kept; "abc" or "n/a" is a typing slip, refused as before
    if text and text not in DASHES and not re.search(r"[0-9]", text) and re.search(r"[\u4e00-\u9fff]", text):
        return WordyQuantity(written, None, "")
    return None


def chinese_number(text: str) -> int | None:
    """'420' → 420, '一' → 1, '两' → 2, '二十' → 20, '十二' → 12, '三百零五' → 305; None if it is not one."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for char in text:
        if char in "零〇" and len(text) > 1:
            continue  # "三百零五": the zero only holds a place
        if char in CN_DIGITS:
            if digit is not None:
                return None  # "一二": not a number
            digit = CN_DIGITS[char]
        elif char in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _form(texts: dict[str, str], check: Check) -> tuple[CopyKind, str]:
    """(原件/复印件/UNSET, remarks): from a 原件/复印件 column, or from two tick columns 原件 and 复印件."""
    remarks = texts.get("remarks", "")
    form = normalise_form(clean_text(texts.get("form", "")))
    if form is None:
        check("form", translate("imports", "“{text}”无效，应为：{choices}").format(
            text=texts["form"], choices=translate("imports", "、").join(k.label for k in COPY_KINDS)))
        return CopyKind.UNSET, remarks
    original, copy = _marked(texts.get("original")), _marked(texts.get("copy"))
    if form or not (original or copy):
        return form, remarks
    if original and copy:  # both handed over: the original is what counts, the copy is noted (in the sheet's Chinese)
        return CopyKind.ORIGINAL, "；".join(t for t in (remarks, "另附复印件") if t)
    return (CopyKind.ORIGINAL if original else CopyKind.COPY), remarks


def normalise_form(text: str) -> CopyKind | None:
    """'原' → 原件, '复' / '复印' / '复印件' → 复印件, '' → UNSET; None when it is neither. A code or
    an English label ('original', 'Copy') is read too: a list exported from an English desk."""
    text = text.replace(" ", "")
    if not text:
        return CopyKind.UNSET
    try:
        return CopyKind(text)
    except ValueError:
        pass
    has_original, has_copy = "原" in text, "复" in text or "副本" in text
    if has_original == has_copy:
        return None
    return CopyKind.ORIGINAL if has_original else CopyKind.COPY


def _marked(text: str | None) -> bool:
    return text is not None and clean_text(text).lower() not in NO_MARKS
