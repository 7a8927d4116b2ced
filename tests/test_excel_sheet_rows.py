"""Table rows written as text (reports/excel/sheet_rows.py) make the same workbook, cell for cell,
as openpyxl's own cells did: checked against a reference writer that appends openpyxl cells the
way the exports did before, on the small demo's accountant workbook and on awkward values."""
from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

import reports.excel.fee_export as fee_export
import reports.excel.writer as writer
from bench.common import demo_handover
from models.demo import build_demo
from models.services.fee_results import fee_results
from models.services.reconcile import iter_differences
from reports.excel.writer import ExcelWriter, XlColumn, typed_cell, write_xlsx

D = Decimal
EXPORTED_AT = dt.datetime(2026, 7, 6, 8, 0)


class AppendedRows:
    """The reference: every cell an openpyxl cell, appended to the write-only sheet."""

    def __init__(self, ws: WriteOnlyWorksheet, columns: Sequence[XlColumn]) -> None:
        self.ws, self.kinds = ws, [c.kind for c in columns]

    def write(self, values: Sequence[Any]) -> None:
        self.ws.append([typed_cell(self.ws, v, k) for v, k in zip(values, self.kinds, strict=True)])

    def write_cells(self, cells: Sequence[Any]) -> None:
        self.ws.append(list(cells))

    def close(self) -> None:
        pass

    def discard(self) -> None:
        pass


class ReferenceWriter(ExcelWriter):
    def _rows_of(self, ws: WriteOnlyWorksheet, columns: Sequence[XlColumn]) -> Any:
        rows = AppendedRows(ws, columns)
        rows.write_cells([self._head_cell(ws, c.title) for c in columns])
        return rows


def cell_facts(path: Path) -> dict[str, Any]:
    """Everything a reader sees of each sheet: every cell's value, type and look, and the sheet's
    frozen header, filter, widths and print titles."""
    wb = load_workbook(path)
    out: dict[str, Any] = {"sheets": wb.sheetnames, "calc": wb.calculation.fullCalcOnLoad}
    for ws in wb.worksheets:
        out[ws.title] = {
            "frozen": ws.freeze_panes, "filter": ws.auto_filter.ref, "titles": ws.print_title_rows,
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "cells": [[(c.value, c.data_type, c.number_format, c.font.b, c.fill.fgColor.rgb, c.quotePrefix,
                        c.alignment.horizontal) for c in row] for row in ws.iter_rows()]}
    return out


@pytest.fixture(scope="module")
def demo_workbooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """The small demo's accountant workbook, written by the app and by the reference."""
    from conftest import sqlite_database

    folder = tmp_path_factory.mktemp("sheet_rows")
    db = sqlite_database(folder)
    try:
        build_demo(db, size="small", seed=2026)
        handover_id = demo_handover(db)  # reconciled, so 差异 has rows
        results = fee_results(db, handover_id)
        app, reference = folder / "app.xlsx", folder / "reference.xlsx"
        written = fee_export.export_fee_workbook(results, iter_differences(db, handover_id), app,
                                                 exported_at=EXPORTED_AT)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(fee_export, "ExcelWriter", ReferenceWriter)
            assert fee_export.export_fee_workbook(results, iter_differences(db, handover_id), reference,
                                                  exported_at=EXPORTED_AT) == written
        return app, reference, results.differences_total
    finally:
        db.dispose()


def test_the_demo_workbook_is_the_same_cell_for_cell(demo_workbooks) -> None:
    app, reference, differences = demo_workbooks
    facts, expected = cell_facts(app), cell_facts(reference)
    assert differences > 0 and len(facts["差异"]["cells"]) == differences + 1  # the header
    assert facts["sheets"] == expected["sheets"]
    for name in facts["sheets"]:
        assert facts[name] == expected[name], name
    assert facts == expected


def test_the_demo_workbook_is_one_the_reader_accepts(demo_workbooks) -> None:
    app, _, _ = demo_workbooks
    with zipfile.ZipFile(app) as z:
        assert z.testzip() is None
        sheet = z.read("xl/worksheets/sheet6.xml").decode("utf-8")  # 差异, the longest
    assert sheet.count("<sheetData>") == 1 and sheet.index("</sheetData>") < sheet.index("<autoFilter")
    ws = load_workbook(app, read_only=True)["差异"]
    assert sum(1 for _ in ws.iter_rows(min_row=2)) > 0


AWKWARD_COLUMNS = (XlColumn("文字"), XlColumn("金额", "money"), XlColumn("整数", "int"),
                   XlColumn("日期", "date"), XlColumn("时间", "datetime"), XlColumn("比率", "percent"),
                   XlColumn("面积", "area"))
AWKWARD_ROWS: list[list[Any]] = [
    ["=1+1", D("0.10"), 0, dt.date(2026, 2, 28), dt.datetime(2026, 7, 3, 9, 30), D("0.9512"), D("88.50")],
    ["-5", D("-0.00"), -3, dt.datetime(2026, 1, 1, 12, 0), dt.date(2026, 1, 2), D("1"), 3],
    ["+86 138", D("12345678901.23"), True, dt.date(1900, 1, 1), None, None, D("0.005")],
    ["@home", 7, 10**15, dt.date(1899, 12, 31), dt.datetime(1900, 2, 28, 23, 59, 59), D("-0.5"), None],
    ["#N/A", "未定", "3", "2026-01-01", "", "x", ""],
    [" 前后空格 ", None, None, None, None, None, None],
    ["两行\n文字\t制表", D("1E+3"), 5, dt.date(2099, 12, 31), None, None, None],
    ["<b>&amp;</b> \"引号\" 'x'", D("999999999999.99"), None, None, None, None, None],
    ["全角\u3000空格", None, None, None, None, None, None],
    ["表情😀 and é", None, None, None, None, None, None],
    ["长" * 40_000, None, None, None, None, None, None],
    [12345, None, None, None, None, None, None],
    ["", None, None, None, None, None, None],
    [None, None, None, None, None, None, None],
    ["\r回车", None, None, None, None, None, None],
]


def write_both(tmp_path: Path, rows: list[list[Any]], totals: bool, monkeypatch: pytest.MonkeyPatch,
               max_rows: int = writer.EXCEL_MAX_ROWS) -> tuple[dict[str, Any], dict[str, Any]]:
    app, reference = tmp_path / "app.xlsx", tmp_path / "reference.xlsx"
    write_xlsx(app, "表", AWKWARD_COLUMNS, rows, totals=totals, max_rows=max_rows)
    monkeypatch.setattr(writer, "ExcelWriter", ReferenceWriter)
    write_xlsx(reference, "表", AWKWARD_COLUMNS, rows, totals=totals, max_rows=max_rows)
    return cell_facts(app), cell_facts(reference)


@pytest.mark.parametrize("totals", [False, True])
def test_awkward_values_come_out_as_openpyxl_wrote_them(tmp_path: Path, totals: bool,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    facts, expected = write_both(tmp_path, AWKWARD_ROWS, totals, monkeypatch)
    assert facts == expected
    cells = facts["表"]["cells"]
    assert cells[1][0][:2] == ("=1+1", "s") and cells[1][0][5] is True  # text, not a formula
    assert cells[5][0][:2] == ("#N/A", "e")  # as openpyxl always stored it
    assert cells[11][0][0] == "长" * 32_767


def test_a_table_over_several_sheets_is_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [[f"第{i}行", D(i) / 100, i, dt.date(2026, 1, 1 + i % 28), None, None, D(i)] for i in range(25)]
    facts, expected = write_both(tmp_path, rows, True, monkeypatch, max_rows=10)
    assert facts["sheets"] == ["表", "表(2)", "表(3)", "表(4)"]
    assert facts == expected


@pytest.mark.parametrize(("value", "column", "error"), [("坏\x01字", 0, IllegalCharacterError),
                                                     (1.5, 1, TypeError)])
def test_a_bad_value_is_refused_as_before_and_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            value: Any, column: int, error: type) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # where the rows and openpyxl's sheets go
    row: list[Any] = [None] * len(AWKWARD_COLUMNS)
    row[column] = value
    rows = [AWKWARD_ROWS[0]] * 300 + [row]  # past the rows looked at for the widths
    with pytest.raises(error):
        write_xlsx(tmp_path / "app.xlsx", "表", AWKWARD_COLUMNS, rows)
    assert not (tmp_path / "app.xlsx").exists() and not list(temp.iterdir())
