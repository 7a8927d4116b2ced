"""The benchmarks of issue 16 (bench/) on the SMALL demo: each script's measuring function runs once and
gives rows of the right shape — both timings positive, the ratio app / baseline, the row printed. No
wall-clock limit is asserted: a shared CI machine says nothing about speed; bench/run_all.py on the
large demo does.

The demo is built into a folder of this test run and, on PostgreSQL, into a schema of its own, dropped
afterwards (the benchmarks' own cache is left alone).
"""
from __future__ import annotations

import json
import math
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/ is not an installed package

from bench import arrears_pdf, common, filters, reconcile, results, rss, start, workbook  # noqa: E402
from bench.common import Row  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The small demo on both backends, in a cache of this module."""
    folder: Path = tmp_path_factory.mktemp("bench-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("HANDOVERDESK_BENCH_DIR", str(folder))
    patch.setattr(common, "SCHEMA_PREFIX", f"hd_bench_t{uuid.uuid4().hex[:8]}")
    try:
        yield
    finally:
        schema = common.pg_schema("small")
        patch.undo()
        admin = create_engine(common.PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def check(row: Row, capsys: pytest.CaptureFixture[str], baseline: bool = True) -> None:
    assert row.app > 0
    if baseline:
        assert row.baseline is not None and row.baseline > 0
        assert row.ratio is not None and math.isclose(row.ratio, row.app / row.baseline)
    assert row.goal is not None or row.limit is not None
    assert row.status in ("PASS", "MISS")
    assert row.samples and all(times and all(t > 0 for t in times) for times in row.samples.values()
                               if times is not row.samples.get("baseline") or baseline)
    common.print_rows([row], as_json=True)
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith(row.operation))
    assert row.backend in line and row.status in line
    data = json.loads(next(x for x in out.splitlines() if x.startswith("@row "))[5:])
    assert data["status"] == row.status and data["app"] == row.app
    del data["ratio"], data["status"]
    assert Row(**data) == row  # what bench/run_all.py reads back


def test_start(small_demo: None, capsys: pytest.CaptureFixture[str]) -> None:
    (row,) = start.measure("small", "sqlite", ["overview"], repeats=1, warmup=False)
    check(row, capsys)
    assert row.samples["loaded"][0] >= row.app > 0


@pytest.mark.parametrize("backend", common.BACKENDS)
def test_reconcile(small_demo: None, backend: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = reconcile.measure("small", backend, repeats=1)
    assert [r.operation for r in rows] == ["reconcile", "reconcile (first run)"]
    for row in rows:
        check(row, capsys)


@pytest.mark.parametrize("backend", common.BACKENDS)
def test_results(small_demo: None, backend: str, qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    computed, tab = results.measure("small", backend, repeats=1)
    check(computed, capsys)
    check(tab, capsys)
    assert tab.limit == results.TAB_LIMIT


def test_filters(small_demo: None, qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    rows = filters.measure("small", "sqlite", repeats=1)
    assert [r.operation for r in rows] == [f"filter {t}" for t in filters.TABLES]
    for row in rows:
        check(row, capsys, baseline=False)
        labels = [label for label, _ in filters.TEXTS]
        # per text: to the table loaded (first page, count up to the cap) and to the exact count
        assert set(row.samples) == {*labels, *(f"{label} exact count" for label in labels)}
        assert row.app == max(row.samples[label][0] for label in labels)
        assert all(row.samples[f"{label} exact count"][0] >= row.samples[label][0] for label in labels)
        assert "exact count" in row.note


def test_workbook(small_demo: None, capsys: pytest.CaptureFixture[str]) -> None:
    rows = workbook.measure("small", "sqlite", repeats=1)
    assert rows[0].operation == "workbook vs openpyxl" and rows[-1].operation == "workbook (fastest raw)"
    assert len(rows) == (3 if workbook.xlsxwriter_module() else 2)  # xlsxwriter: a column when installed
    for row in rows:
        check(row, capsys)
    assert rows[-1].baseline == min(r.baseline or math.inf for r in rows[:-1])


def test_arrears_pdf(small_demo: None, capsys: pytest.CaptureFixture[str]) -> None:
    check(arrears_pdf.measure("small", "sqlite", repeats=1), capsys)


def test_rss(small_demo: None, capsys: pytest.CaptureFixture[str]) -> None:
    row = rss.measure("small", "sqlite", repeats=1)
    check(row, capsys)
    assert row.unit == "kB" and row.limit == rss.LIMIT_KB
