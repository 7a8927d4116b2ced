"""The accountant workbook (费用对账 → 导出 Excel, `main.py export fees`): reports.excel.fee_export.
export_fee_workbook(results, iter_differences(db, handover), out) — the results computed beforehand
(bench/results.py times that), the differences streamed from the database as reports/excel/exports.py
passes them — against raw writers of the same rows, the same sheets:

* openpyxl: Workbook(write_only=True), ws.append(row) per row, no styles, no 汇总 formulas;
* xlsxwriter (optional): Workbook(out, {"constant_memory": True}), write_row per row. Not a dependency
  of the app; install it for the benchmark only, e.g. into the cache folder:
      .venv/bin/python -m pip install --target /tmp/handoverdesk-bench/pylib xlsxwriter
  ($HANDOVERDESK_BENCH_DIR/pylib is put on the path when it exists); without it that column is skipped.

Both raw writers read the detail rows that fee_export.details() makes (its cells per line) from lists
made beforehand, except the 差异 sheet, which they stream from iter_differences as the app does.
Goal: ≤ 1.1× the fastest raw writer.

    python bench/workbook.py [--size small|large] [--backend sqlite|postgresql|both]
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

GOAL = 1.1
INSTALL_XLSXWRITER = ".venv/bin/python -m pip install --target /tmp/handoverdesk-bench/pylib xlsxwriter"

Sheet = tuple[str, list[str], Callable[[], Iterable[Sequence[Any]]]]


def xlsxwriter_module() -> Any | None:
    pylib = common.cache_dir() / "pylib"
    if pylib.is_dir() and str(pylib) not in sys.path:
        sys.path.append(str(pylib))
    try:
        import xlsxwriter  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    return xlsxwriter


def sheets(db: common.Database, handover_id: int, results: Any) -> list[Sheet]:
    """(name, header, rows) of every detail sheet: the app's own cells, the differences streamed."""
    from models.services.reconcile import iter_differences
    from reports.excel.fee_export import details

    out: list[Sheet] = []
    for d in details(results, [], False):
        header = [c.title for c in d.columns]
        if d.name == "差异":
            cells = d.cells

            def streamed(cells: Callable[[Any], list[Any]] = cells) -> Iterator[list[Any]]:
                return (cells(x) for x in iter_differences(db, handover_id))
            out.append((d.name, header, streamed))
        else:
            rows = [d.cells(x) for x in d.lines]
            out.append((d.name, header, lambda rows=rows: rows))  # type: ignore[misc]
    return out


def raw_openpyxl(data: list[Sheet], out: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for name, header, rows in data:
        ws = wb.create_sheet(name)
        ws.append(header)
        for row in rows():
            ws.append(row)
    wb.save(out)


def raw_xlsxwriter(xlsxwriter: Any, data: list[Sheet], out: Path) -> None:
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True, "default_date_format": "yyyy-mm-dd"})
    for name, header, rows in data:
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, header)
        for r, row in enumerate(rows(), start=1):
            ws.write_row(r, 0, row)
    wb.close()


def measure(size: str, backend: str, repeats: int = common.REPEATS) -> list[common.Row]:
    from models.services.fee_results import fee_results
    from models.services.reconcile import iter_differences
    from reports.excel.fee_export import export_fee_workbook

    folder = Path(tempfile.mkdtemp(prefix="hd-bench-xlsx-"))
    try:
        with common.demo_database(size, backend) as db:
            handover_id = common.demo_handover(db)
            results = fee_results(db, handover_id)
            data = sheets(db, handover_id, results)

            def app() -> None:
                export_fee_workbook(results, iter_differences(db, handover_id), folder / "app.xlsx")
            xw = xlsxwriter_module()
            writers: list[tuple[str, Callable[[], None]]] = [
                ("openpyxl", lambda: raw_openpyxl(data, folder / "openpyxl.xlsx"))]
            if xw is not None:
                writers.append(("xlsxwriter", lambda: raw_xlsxwriter(xw, data, folder / "xlsxwriter.xlsx")))
            times: dict[str, list[float]] = {"app": [], **{name: [] for name, _ in writers}}
            for _ in range(repeats):
                times["app"].append(common.timed(app))
                for name, write in writers:
                    times[name].append(common.timed(write))
            medians = {name: statistics.median(t) for name, t in times.items()}
            rows = []
            for name, _ in writers:
                rows.append(common.Row(f"workbook vs {name}", backend, medians["app"], medians[name], GOAL,
                                       samples={"app": times["app"], "baseline": times[name]},
                                       note=f"{(folder / 'app.xlsx').stat().st_size / 1e6:.1f} MB app, "
                                            f"{(folder / (name + '.xlsx')).stat().st_size / 1e6:.1f} MB {name}"))
            if xw is None:
                rows[0].note += f"; xlsxwriter not installed, column skipped (install: {INSTALL_XLSXWRITER})"
            fastest = min(rows, key=lambda r: r.baseline or float("inf"))
            rows.append(common.Row("workbook (fastest raw)", backend, fastest.app, fastest.baseline, GOAL,
                                   note=fastest.operation.replace("workbook vs ", "fastest: "),
                                   samples=fastest.samples))
            return rows
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    return common.script_main(__doc__ or "", measure, argv)


if __name__ == "__main__":
    sys.exit(main())
