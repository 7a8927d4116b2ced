"""The portable archive on the large demo, on PostgreSQL: build, export, restore into an empty schema,
compare counts and money sums per table (issue 12 point 5). Prints the times and the archive's size.

    .venv/bin/python bench/archive_roundtrip.py [postgresql+psycopg://127.0.0.1:5432/test]

Measured on a development machine (2 cores, 2026-12-03): demo 120–140 s, export 50–64 s (28 MB),
restore 87–103 s, every table's rows and money sums equal; the same machine took 242 s, 68 s and
231 s before the demo and the restore wrote by COPY (models/services/bulk.insert_rows). The suite's
tests/test_archive_large.py makes the same round trip.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from models import archive  # noqa: E402
from models.db import Database, UserRef  # noqa: E402
from models.demo import build_demo  # noqa: E402
from models.migrate import upgrade  # noqa: E402

SCHEMAS = ("hd_bench_src", "hd_bench_dst")


def _database(url: str, schema: str) -> Database:
    db = Database(f"{url}?options=-csearch_path%3D{schema}", user=UserRef(None, "bench", "基准测试", "admin"))
    upgrade(db.engine)
    return db


def main(url: str) -> int:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for s in SCHEMAS:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {s} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {s}"))
    try:
        src, dst = (_database(url, s) for s in SCHEMAS)
        out = Path(tempfile.mkdtemp()) / "large.hdarchive"
        for what, step in (("demo (large)", lambda: build_demo(src, size="large")),
                           ("export", lambda: archive.export_archive(src, out)),
                           ("restore", lambda: archive.import_archive(dst, out))):
            started = time.perf_counter()
            step()
            print(f"{what:14} {time.perf_counter() - started:8.1f} s", flush=True)
        print(f"archive        {out.stat().st_size / 1_048_576:8.1f} MB")
        with src.engine.connect() as a, dst.engine.connect() as b:
            same = archive.table_figures(a) == archive.table_figures(b)
        print("counts and money sums per table equal:", same)
        return 0 if same else 1
    finally:
        with admin.connect() as conn:
            for s in SCHEMAS:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {s} CASCADE"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "postgresql+psycopg://127.0.0.1:5432/test"))
