"""Issue 12 acceptance: the portable archive (文件 → 备份… on PostgreSQL) round-trips the large demo
(20,000 units, 1,200,000 ledger lines) exactly: every table's row count and sums of money are equal
after loading it into an empty database. About six minutes on two cores; bench/archive_roundtrip.py
prints the times of each step."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from models import archive
from models.db import Database
from models.demo import build_demo
from models.migrate import upgrade
from tests.conftest import TEST_USER, new_pg_schema, pg_url


def test_the_large_demo_round_trips_through_the_archive_on_postgresql(tmp_path: Path):
    schema = contextmanager(new_pg_schema)
    with schema() as source_schema, schema() as target_schema:
        source = Database(pg_url(source_schema), user=TEST_USER)
        target = Database(pg_url(target_schema), user=TEST_USER)
        try:
            upgrade(source.engine)
            upgrade(target.engine)
            build_demo(source, size="large")
            out = tmp_path / "large.hdarchive"
            archive.export_archive(source, out)
            archive.import_archive(target, out)
            with source.engine.connect() as a, target.engine.connect() as b:
                before, after = archive.table_figures(a), archive.table_figures(b)
        finally:
            source.dispose()
            target.dispose()
    assert before == after
    assert before["units"]["rows"] == 20_000 and before["ledger_lines"]["rows"] >= 1_200_000  # the large demo
    assert sum(f["rows"] for f in after.values()) > 1_700_000
    assert any(sum(f["sums"].values()) for f in after.values())  # money came across, to the fen
