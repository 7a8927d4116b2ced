"""Issue 16's speed work changed how reconcile, results and the differences are computed, not what: on the
large demo (20,000 units, 1,200,000 ledger lines) every count, total and line is what the code before
that work gave, to the fen, on both backends.

tests/data/large_demo_totals.json was written by bench/totals.py run in a checkout of commit f974cdb
(the benchmarks, before any of the speed changes); this test builds the large demo with today's code
and runs the same steps (reconcile, results, two bulk decisions and two single ones, reconcile again,
results again, every difference), comparing each part so that a failure names what changed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/ is not an installed package

from bench import totals  # noqa: E402

pytestmark = pytest.mark.slow

BEFORE = json.loads((Path(__file__).parent / "data" / "large_demo_totals.json").read_text("utf-8"))


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_large_demo_gives_the_figures_it_gave_before_the_speed_work(backend: str) -> None:
    before = BEFORE[f"large/{backend}"]
    now = totals.demo_fingerprint("large", backend)
    assert now.keys() == before.keys()
    for step in before:
        assert now[step] == before[step], step
    # what is compared is not empty: the demo reconciles into every kind of difference and has results
    assert all(before["reconcile"][kind] > 0 for kind in ("matched", "differs", "tariff", "only_theirs"))
    assert before["results"]["arrears"]["rows"] > 0 and before["differences"]["rows"] == 407_006
    assert before["results decided"] != before["results"]
