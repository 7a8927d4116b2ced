"""SQLite backups: online while a desk writes, checked, rotated, restored table for table (issue 12 point 5)."""
from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from models import backup as bk
from models.db import Database
from models.errors import StorageError
from models.project import Project
from models.schema import metadata
from tests.conftest import TEST_USER


def _open(path: Path) -> Database:
    db = Database.open(str(path))
    db.user = TEST_USER
    return db


def _tables(path: Path) -> dict[str, list[tuple]]:
    db = Database.open(str(path), upgrade=False)
    with db.engine.connect() as conn:
        out = {t.name: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t.name} ORDER BY 1"))]
               for t in metadata.sorted_tables}
    db.dispose()
    return out


def test_a_backup_made_while_another_desk_writes_restores_every_table(tmp_path):
    path = tmp_path / "desk.sqlite"
    db = _open(path)
    with db.begin() as s:
        s.add_all([Project(code=f"P{i:04d}", name=f"小区{i}") for i in range(2000)])
    stop = threading.Event()
    written: list[int] = []

    def write() -> None:  # the other desk keeps saving while the backup runs
        n = 0
        while not stop.is_set() and n < 500:
            with db.begin() as s:
                s.add(Project(code=f"W{n:04d}", name="写入中"))
            written.append(n)
            n += 1

    writer = threading.Thread(target=write)
    writer.start()
    made = bk.make_backup(path)
    stop.set()
    writer.join(30)
    assert made.path.exists() and bk.integrity_problem(made.path) is None
    in_backup = _tables(made.path)
    assert len(in_backup["projects"]) >= 2000  # everything committed before the copy, -wal included
    with db.begin() as s:  # after the backup: must vanish on restore
        s.add(Project(code="AFTER", name="备份之后"))
    db.dispose()
    aside = bk.restore(path, made.path)
    assert aside.exists()
    assert _tables(path) == in_backup
    restored = _open(path)
    with restored.read() as s:
        assert s.scalar(select(func.count()).select_from(Project).where(Project.code == "AFTER")) == 0
    restored.dispose()


def test_the_wal_is_in_the_backup(tmp_path):
    """What a copy of the .sqlite by hand misses: writes still in the -wal file."""
    path = tmp_path / "wal.sqlite"
    db = _open(path)
    reader = sqlite3.connect(path, isolation_level=None)  # holds a snapshot: no checkpoint empties the wal
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM projects").fetchall()
    for i in range(62):
        with db.begin() as s:
            s.add(Project(code=f"A{i}", name="确认的写入"))
    assert Path(f"{path}-wal").stat().st_size > 0
    made = bk.make_backup(path)
    reader.execute("ROLLBACK")
    reader.close()
    assert len([r for r in _tables(made.path)["projects"] if r[1].startswith("A")]) == 62
    db.dispose()


def test_a_damaged_backup_is_not_restored(tmp_path):
    path = tmp_path / "d.sqlite"
    _open(path).dispose()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 1000)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="检查未通过"):
        bk.restore(path, bad)
    assert path.read_bytes() == before


def _file(folder: Path, at: dt.datetime) -> bk.BackupFile:
    p = folder / f"desk-{at:%Y%m%d-%H%M%S}.sqlite"
    p.write_bytes(b"x")
    return bk.BackupFile(p, at, 1)


def test_rotation_keeps_one_a_day_for_fourteen_days_and_one_a_month_for_a_year(tmp_path):
    folder = tmp_path / "backups" / "desk"
    folder.mkdir(parents=True)
    start = dt.datetime(2025, 1, 1, 8, 0)
    for day in range(0, 500, 1):
        for hour in (8, 18):  # at start and on exit
            _file(folder, start + dt.timedelta(days=day, hours=hour - 8))
    gone = bk.rotate(folder)
    left = bk.backups(tmp_path / "desk.sqlite")
    days = {b.made_at.date() for b in left}
    assert len(left) == len(days)  # at most one a day
    newest = max(days)
    recent = [newest - dt.timedelta(days=d) for d in range(bk.KEEP_DAYS)]
    assert all(d in days for d in recent)
    months = {(b.made_at.year, b.made_at.month) for b in left}
    assert len(months) == bk.KEEP_MONTHS
    assert all(b.made_at.hour == 18 for b in left)  # the newest of each day
    assert gone and not any(p.exists() for p in gone)


def test_backed_up_today(tmp_path):
    path = tmp_path / "t.sqlite"
    _open(path).dispose()
    now = dt.datetime(2026, 12, 2, 9, 0)
    assert not bk.backed_up_today(path, now)
    bk.make_backup(path, now)
    assert bk.backed_up_today(path, now)
    assert bk.backups(path)[0].label.startswith("2026-12-02 09:00")
