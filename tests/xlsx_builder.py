"""Building small odd .xlsx files for import tests (titles, merged headers, totals)."""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

ROSTER_HEADER = ("房号", "业主姓名", "联系电话", "建筑面积", "房屋用途", "入住状态")
KEY_HEADER = ("标签号", "房号", "开启对象", "数量", "钥匙柜")


def write_sheet(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = (),
                title: str = "Sheet1") -> Path:
    """rows[0] is Excel row 1; None leaves a cell empty; merges like 'A1:F1'."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def roster_rows(count: int, start: int = 1) -> list[tuple[Any, ...]]:
    """`count` good roster rows: 1栋1单元101... with distinct owners and valid mobiles."""
    return [(f"1栋1单元{100 + i}", f"业主{i}", f"1380000{i:04d}", 88.5 + i, "住宅", "已入住")
            for i in range(start, start + count)]


LEDGER_HEADER = ("房号", "业主姓名", "收费项目", "所属期", "应收金额", "实收金额", "欠费金额")


def ledger_rows(numbers: Sequence[str], fee: str = "物业服务费", period: str = "2026年01月",
                billed: str = "100.00", paid: str = "100.00") -> list[tuple[Any, ...]]:
    """One line per unit number, every line the same fee, period and amounts (欠费 = 应收 − 实收)."""
    arrears = str(Decimal(billed) - Decimal(paid))
    return [(number, f"业主{i}", fee, period, billed, paid, arrears) for i, number in enumerate(numbers, start=1)]
