"""How a workbook lays out its data: side-by-side blocks in one sheet, and the other sheets of the file."""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from ..errors import ValidationError
from ..i18n import translate
from .cells import normalise_header

MAX_BLOCK_LABELS = 200  # a header wider than this is no form laid out in blocks


@dataclass(frozen=True)
class Blocks:
    """The same header repeated across (序号|栋号|房号|业主姓名 ‖ 序号|栋号|房号|业主姓名 ‖ …)."""

    start: int  # 0-based first column of block 1
    width: int  # columns from one block to the next (a spacer column included)
    count: int
    taken: tuple[int, ...]  # 1-based blocks imported (all unless the clerk chose)
    filled: int = 0  # columns of a block up to its last named one (a spacer after it is not the block's)

    def offset(self, block: int) -> int:
        return (block - 1) * self.width

    def span(self, block: int) -> range:
        first = self.start + self.offset(block)
        return range(first, first + (self.filled or self.width))

    def name(self, block: int) -> str:
        """'E–H 列': where the clerk finds the block in Excel."""
        span = self.span(block)
        return translate("imports", "{start}–{stop} 列").format(start=get_column_letter(span.start + 1), stop=get_column_letter(span.stop))

    def block_of(self, column: int) -> int:
        """The block a column lies in (spacers included), 0 if outside them all."""
        if column < self.start or column >= self.start + self.width * self.count:
            return 0
        return (column - self.start) // self.width + 1

    @property
    def left_out(self) -> tuple[int, ...]:
        return tuple(b for b in range(1, self.count + 1) if b not in self.taken)

    def note(self) -> str:
        """What the preview says of the blocks: which are read and which are not."""
        names = "、".join(translate("imports", "第 {block} 块 {columns}").format(block=b, columns=self.name(b))
                         for b in range(1, self.count + 1))
        if self.left_out:
            return translate("imports", "表头并排重复 {count} 次（{names}）；只导入第 {taken} 块，未导入第 {left_out} 块").format(
                count=self.count, names=names, taken="、".join(map(str, self.taken)),
                left_out="、".join(map(str, self.left_out)))
        return translate("imports", "表头并排重复 {count} 次，按 {count} 块读取（{names}），每块的行都导入").format(
            count=self.count, names=names)


def find_blocks(labels: Sequence[str], used: Collection[int], chosen: Sequence[int] | None = None) -> Blocks | None:
    """The blocks of a header whose names repeat across, or None for a plain table.

    Block 1 must hold every column that feeds a field, and at least two named columns; every
    further block repeats block 1's names at the same places. The narrowest such repetition wins.
    """
    if len(used) < 2 or len(labels) > MAX_BLOCK_LABELS:
        return None
    names = [normalise_header(label) for label in labels]
    first_named = next((i for i, n in enumerate(names) if n), len(names))
    for start in range(first_named, min(used) + 1):
        for width in range(max(used) - start + 1, len(names) - start):  # the last block may lack its spacer
            count = _repeats(names, start, width)
            if count >= 2:
                filled = max(j for j in range(width) if names[start + j]) + 1
                return Blocks(start, width, count, _taken(chosen, count), filled)
    return None


def _repeats(names: list[str], start: int, width: int) -> int:
    """How many times names[start:start + width] stands side by side (1: once)."""
    pattern = names[start:start + width]
    if not pattern[0] or sum(1 for n in pattern if n) < 2:
        return 1
    last = max(j for j, n in enumerate(pattern) if n)  # a spacer after the last name need not repeat
    count = 1
    while all(_name(names, start + count * width + j) == pattern[j] for j in range(last + 1)):
        count += 1
    return count


def _name(names: list[str], index: int) -> str:
    return names[index] if index < len(names) else ""


def _taken(chosen: Sequence[int] | None, count: int) -> tuple[int, ...]:
    if not chosen:
        return tuple(range(1, count + 1))
    wrong = [b for b in chosen if not 1 <= b <= count]
    if wrong:
        raise ValidationError(translate("imports", "并排块：表头只并排重复 {count} 次（第 1–{count} 块），没有第 {wrong} 块。").format(
            count=count, wrong=wrong[0]))
    return tuple(sorted(set(chosen)))


@dataclass(frozen=True)
class SheetInfo:
    """A sheet of the workbook that holds something: whether the import takes it, and why not."""

    name: str
    rows: int  # rows with something in them (-1: the sheet could not be read)
    header_row: int  # where its header is (0: none recognised)
    hidden: bool = False
    taken: bool = False

    @property
    def summary(self) -> str:
        """'B区：86 行，表头在第 2 行' — what the sheet holds, as the dialog lists it (short: a narrow list)."""
        if self.rows < 0:
            return translate("imports", "{name}{state}：无法读取").format(name=self.name, state=self._state)
        header = (translate("imports", "表头在第 {row} 行").format(row=self.header_row) if self.header_row
                  else translate("imports", "表头认不出"))
        return translate("imports", "{name}{state}：{rows} 行，{header}").format(name=self.name, state=self._state, rows=self.rows, header=header)

    def __str__(self) -> str:
        """'工作表「B区」：86 行，表头可识别（第 2 行），未导入'."""
        return translate("imports", "工作表「{name}」{state}：{holds}，{taken}").format(name=self.name, state=self._state, holds=self._holds, taken=translate("imports", "已导入") if self.taken else translate("imports", "未导入"))

    @property
    def _state(self) -> str:
        return translate("imports", "（隐藏）") if self.hidden else ""

    @property
    def _holds(self) -> str:
        if self.rows < 0:
            return translate("imports", "无法读取")
        header = (translate("imports", "表头可识别（第 {row} 行）").format(row=self.header_row) if self.header_row
                  else translate("imports", "表头认不出"))
        return translate("imports", "{rows} 行，{header}").format(rows=self.rows, header=header)


def chosen_sheets(names: Sequence[str], wanted: Sequence[str]) -> list[str]:
    """The sheets the clerk named, in the workbook's order; a name not in the workbook is refused."""
    missing = [w for w in wanted if w not in names]
    if missing:
        raise ValidationError(translate("imports", "工作簿中没有工作表「{missing}」；工作表有：{names}。").format(
            missing=missing[0], names='、'.join(names)))
    return [n for n in names if n in set(wanted)]
