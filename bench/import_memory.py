"""Peak memory of each import at 200,000 rows: preview, then import, in a process of its own.

    .venv/bin/python bench/import_memory.py [--rows 200000] [--only roster,checklist,keys,ledger]

Each importer runs in a fresh subprocess (so one's memory does not hide in another's), on a new
SQLite file; the number given is the subprocess's peak resident size (VmHWM on Linux, else
resource.getrusage's ru_maxrss). With --trace, tracemalloc's peak of Python allocations too (tracemalloc keeps a record
of every live allocation, so it slows the run several times and adds its own memory to the RSS).
The sheets are written straight as XML (inline strings), as a billing system's export would be.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from xlsx_builder import (  # noqa: E402 -- tests/ is on the path only after the insert above
    CONTENT_TYPES,
    MAIN_NS,
    REL_NS,
    ROOT_RELS,
    WORKBOOK,
    WORKBOOK_RELS,
)

HEADERS = {
    "roster": ("房号", "业主姓名", "联系电话", "建筑面积", "房屋用途", "入住状态"),
    "checklist": ("序号", "类别", "资料名称", "规格型号", "单位", "数量", "原件/复印件", "页数", "备注"),
    "keys": ("开启对象", "数量", "钥匙柜", "格位", "备注"),
    "ledger": ("房号", "业主姓名", "收费项目", "所属期", "应收金额", "实收金额", "欠费金额", "说明"),
}
UNITS = 2_000  # the keys and ledger sheets name these units (made by a roster import first)


def unit(i: int) -> str:
    return f"{i // 5000 + 1}栋{i // 1000 % 5 + 1}单元{i % 1000 + 1}"


def lines(kind: str, rows: int) -> Iterator[tuple[object, ...]]:
    for i in range(rows):
        if kind == "roster":
            yield unit(i), f"业主{i}", f"138{i:08d}", 88.5 + i % 50, "住宅", "已入住"
        elif kind == "checklist":
            yield i + 1, f"类别{i // 1000}", f"资料（第{i}册），含附件；共{i % 7}份", "A4", "套", 1 + i % 5, "原件", 10, "m³"
        elif kind == "keys":
            yield f"设备房{i}（北）", 1 + i % 3, f"G{i // 1000:02d}", f"{i % 1000:03d}", "备用"
        else:
            yield unit(i % UNITS), f"业主{i}", "物业服务费", f"{2000 + i // (UNITS * 12)}年{i // UNITS % 12 + 1:02d}月", \
                "1,310.13", 1000, "310.13", "已催缴（电话）"


def cell(column: int, row: int, value: object) -> str:
    ref = f"{chr(64 + column)}{row}"
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def write_xlsx(path: Path, kind: str, rows: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(strings=""))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(strings=""))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
                        "<sheetData>".encode())
            for r, values in enumerate([HEADERS[kind], *lines(kind, rows)], start=1):
                cells = "".join(cell(c, r, v) for c, v in enumerate(values, start=1))
                sheet.write(f'<row r="{r}">{cells}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")


CHILD = r"""
import json, resource, sys, time, tracemalloc, datetime as dt
from pathlib import Path
kind, xlsx, db_path, units_xlsx, trace = sys.argv[1:6]
from models.db import Database, UserRef
from models.services import projects
db = Database.open(db_path); db.user = UserRef(None, "bench", "基准", "admin")
project = projects.add_project(db, "B", "基准小区")
handover = projects.add_handover(db, "B", "进场接管", "原物业", "安居物业", dt.date(2026, 6, 30))
if kind in ("keys", "ledger"):
    from models.imports.roster import import_roster, preview_roster
    import_roster(db, project.id, preview_roster(units_xlsx))
def resident_kb():
    try:  # the current resident size (Linux); ru_maxrss is a high-water mark, not now
        return int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize() // 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def peak_kb():
    # VmHWM: the high-water mark of this program's memory. ru_maxrss would do, but Linux starts it at
    # the forking parent's size (a test runner's hundreds of MB), and exec does not reset it.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
base = resident_kb()
if trace == "1":
    tracemalloc.start()
t0 = time.perf_counter()
if kind == "roster":
    from models.imports.roster import import_roster, preview_roster
    preview = preview_roster(xlsx); t1 = time.perf_counter(); report = import_roster(db, project.id, preview)
elif kind == "checklist":
    from models.imports.checklist import import_checklist, preview_checklist
    preview = preview_checklist(xlsx); t1 = time.perf_counter()
    report = import_checklist(db, handover.id, "基准清单", preview)
elif kind == "keys":
    from models.imports.key_sheet import import_key_sheet, preview_key_sheet
    preview = preview_key_sheet(db, project.id, xlsx, handover_id=handover.id); t1 = time.perf_counter()
    report = import_key_sheet(db, preview, handover_id=handover.id)
else:
    from models.imports.ledger import import_ledger, preview_ledger
    preview = preview_ledger(db, handover.id, xlsx); t1 = time.perf_counter()
    report = import_ledger(db, handover.id, preview)
t2 = time.perf_counter()
_, traced = tracemalloc.get_traced_memory()
print(json.dumps({"importer": kind, "rows": len(preview.rows), "problems": len(preview.problems),
                  "peak_rss_mb": peak_kb() // 1024,
                  "rss_before_mb": base // 1024, "traced_peak_mb": traced >> 20,
                  "preview_s": round(t1 - t0, 1), "import_s": round(t2 - t1, 1),
                  "summary": report.summary()[:120]}, ensure_ascii=False))
"""


def measure(kind: str, rows: int, work: Path, trace: bool = False) -> dict[str, object]:
    """Peak memory of one importer's preview + import of `rows` rows, in a fresh process."""
    xlsx, units = work / f"{kind}.xlsx", work / "units.xlsx"
    write_xlsx(xlsx, kind, rows)
    if not units.exists():
        write_xlsx(units, "roster", UNITS)
    db_path = work / f"{kind}-{time.time_ns()}.sqlite"
    done = subprocess.run([sys.executable, "-c", CHILD, kind, str(xlsx), str(db_path), str(units), str(int(trace))],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode:
        raise SystemExit(done.stderr)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["file_mb"] = round(xlsx.stat().st_size / 2**20, 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--only", default="roster,checklist,keys,ledger")
    parser.add_argument("--trace", action="store_true", help="also tracemalloc's peak (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.only.split(","):
            print(json.dumps(measure(kind, args.rows, Path(tmp), args.trace), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
