"""Imports stream: memory grows with what the preview must hold, not with openpyxl's or the ORM's
overhead. Measured as bench/import_memory.py measures it (the peak resident size of a fresh process);
a memory bound, never a time bound.

At 20,000 rows the preview and import of a roster used to add 320 MB (2.9 GB at 200,000 rows) and a
checklist 167 MB (1.26 GB at 200,000); now 50 MB and 35 MB (peaks at 200,000 rows: roster 326 MB,
checklist 223 MB, ledger 300 MB, key sheet 321 MB — bench/import_memory.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from import_memory import measure

ROWS = 20_000
GROWTH_MB = 120  # what the import may add to the process, all rows held by the preview included


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["roster", "checklist"])
def test_a_large_import_streams(tmp_path, kind):
    result = measure(kind, ROWS, tmp_path)
    assert result["rows"] == ROWS and result["problems"] == 0
    growth = int(result["peak_rss_mb"]) - int(result["rss_before_mb"])
    assert growth < GROWTH_MB, result
