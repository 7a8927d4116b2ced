"""The portable archive: every table out and back into an empty database, exactly (issue 12 point 5)."""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from models import archive
from models.db import Database
from models.demo import build_demo
from models.errors import ValidationError
from models.migrate import upgrade
from models.project import Project
from models.schema import metadata
from tests.conftest import TEST_USER, new_pg_schema, pg_url


def _everything(db: Database) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t.name} ORDER BY 1"))]
                for t in metadata.sorted_tables}


@pytest.fixture
def second_pg_schema() -> Iterator[str]:
    """A second schema of its own: the database the archive is restored into."""
    yield from new_pg_schema()


def _empty(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> Database:
    if backend == "sqlite":
        target = Database.open(str(tmp_path / "restored.sqlite"))
    else:
        target = Database(pg_url(request.getfixturevalue("second_pg_schema")))
        upgrade(target.engine)
    target.user = TEST_USER
    return target


@pytest.mark.parametrize("target_backend", ["sqlite", "postgresql"])
def test_the_demo_round_trips_exactly(db, request, tmp_path, target_backend):
    """SQLite → SQLite and PostgreSQL → PostgreSQL give back every row; across backends (a desk moving
    onto a server) every count and money sum."""
    build_demo(db)
    out = tmp_path / "备份.hdarchive"
    manifest = archive.export_archive(db, out)
    assert manifest["tables"]["ledger_lines"]["rows"] > 1000
    target = _empty(request, tmp_path, target_backend)
    counts = archive.import_archive(target, out)
    assert counts == {name: t["rows"] for name, t in manifest["tables"].items()}
    with db.engine.connect() as a, target.engine.connect() as b:
        assert archive.table_figures(a) == archive.table_figures(b)
    if db.engine.dialect.name == target.engine.dialect.name:
        assert _everything(target) == _everything(db)
    with pytest.raises(Exception, match="HD_FINAL"), target.engine.begin() as conn:  # guarded again
        conn.execute(text("UPDATE handover_lists SET title = 'x' WHERE status = 'signed'"))
    with target.begin() as s:  # and the ids go on after the restored ones
        s.add(Project(code="NEW", name="恢复后新建"))
    target.dispose()


def test_restore_only_into_an_empty_database(sqlite_db, tmp_path):
    build_demo(sqlite_db)
    out = tmp_path / "a.hdarchive"
    archive.export_archive(sqlite_db, out)
    with pytest.raises(ValidationError, match="空的数据库"):
        archive.import_archive(sqlite_db, out)


def test_a_file_that_is_no_archive_is_named(tmp_path, sqlite_db):
    bad = tmp_path / "x.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(ValidationError, match="x.zip.*不是物业交接台的备份文件"):
        archive.import_archive(sqlite_db, bad)


@pytest.mark.parametrize("target_backend", ["sqlite", "postgresql"])
def test_a_restored_ledger_filters_by_owner_name(db, request, tmp_path, target_backend):
    """The owner-name index of the ledger filter (ledger_owner_names, migration 0014) is not a table of
    the archive and its triggers are lifted during the load: a restore must fill it from the lines."""
    from sqlalchemy import select

    from models.browse import FEES, Scope
    from models.fees import LedgerLine

    build_demo(db)
    with db.read() as s:
        handover_id, owner = s.execute(select(LedgerLine.handover_id, LedgerLine.owner_name)
                                       .where(LedgerLine.owner_name != "").limit(1)).one()
        project_id = s.execute(text("SELECT project_id FROM handovers WHERE id = :h"), {"h": handover_id}).scalar()
    out = tmp_path / "备份.hdarchive"
    archive.export_archive(db, out)
    target = _empty(request, tmp_path, target_backend)
    archive.import_archive(target, out)
    scope = Scope(project_id, handover_id)
    for text_typed in (owner, owner[:1], owner[-3:]):
        with db.read() as a, target.read() as b:
            assert FEES.count(b, scope, text_typed) == FEES.count(a, scope, text_typed) > 0, text_typed
    target.dispose()


def test_a_row_of_the_wrong_width_is_refused_naming_its_table_and_nothing_is_loaded(sqlite_db, tmp_path):
    """A damaged or hand-edited archive: a ledger line one value short stops the restore with the
    table's name, and the empty database stays empty (one transaction)."""
    build_demo(sqlite_db)
    good, bad = tmp_path / "a.hdarchive", tmp_path / "b.hdarchive"
    archive.export_archive(sqlite_db, good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "tables/ledger_lines.jsonl":
                first, rest = data.split(b"\n", 1)
                data = json.dumps(json.loads(first)[:-1], ensure_ascii=False).encode() + b"\n" + rest
            dst.writestr(name, data)
    target = Database(f"sqlite:///{tmp_path / 'empty.sqlite'}", user=TEST_USER)
    upgrade(target.engine)
    try:
        with pytest.raises(ValidationError, match="备份中的表 ledger_lines 与本程序的结构不一致"):
            archive.import_archive(target, bad)
        assert not any(_everything(target).values())
    finally:
        target.dispose()
