"""models/services/bulk.insert_rows (the demo, a ledger import, an archive's restore) stores exactly what
SQLAlchemy's `session.execute(insert(table), rows)` stores: the same rows written both ways are read
back as the database holds them (raw driver values, not through the ORM's types) and compared, on both
backends — money rounded half-up to integer fen, dates as the backend keeps them, enum codes, text
with COPY's special characters, bytes of every value, NULLs and the columns' Python-side defaults."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

import pytest
from sqlalchemy import Table, insert, select, text

from models.defect import Defect, DefectCategory, DefectPhoto, Severity
from models.fees import FeeItem, LedgerLine
from models.handover import Handover
from models.services.bulk import SQLITE_ROWS_PER_STATEMENT, insert_rows, insert_values

AWKWARD = ["", "tab\there", "line\nbreak\r\n", "back\\slash\\N", "引号“”'\"", "\\.", "零宽\u200b空格", "  两端空格  "]


def _raw(conn: Any, table: Table, ids: list[int], skip: set[str]) -> list[tuple[Any, ...]]:
    """The stored values, read by the driver itself, without the primary key and `skip`."""
    names = [c.name for c in table.columns if c.name not in skip | {"id"}]
    marks = ", ".join(str(i) for i in ids)
    rows = conn.exec_driver_sql(f"SELECT {', '.join(names)} FROM {table.name} WHERE id IN ({marks}) ORDER BY id")
    return [tuple(r) for r in rows]


def _ids(conn: Any, table: Table, after: int) -> list[int]:
    return list(conn.scalars(select(table.c.id).where(table.c.id > after).order_by(table.c.id)))


def _max_id(conn: Any, table: Table) -> int:
    return int(conn.execute(text(f"SELECT COALESCE(MAX(id), 0) FROM {table.name}")).scalar_one())


def _both_ways(db, table: Table, rows: Callable[[str], list[dict[str, Any]]],
               skip: set[str] = frozenset()) -> tuple[list, list]:
    """rows(tag): the rows to write, `tag` telling the two writes apart where a column must be unique."""
    with db.engine.begin() as conn:
        start = _max_id(conn, table)
        conn.execute(insert(table), rows("a"))
        by_sqlalchemy = _ids(conn, table, start)
        middle = _max_id(conn, table)
        insert_rows(conn, table, rows("b"))
        by_bulk = _ids(conn, table, middle)
        assert len(by_sqlalchemy) == len(by_bulk) > 0
        return _raw(conn, table, by_sqlalchemy, skip), _raw(conn, table, by_bulk, skip)


def test_ledger_lines_are_stored_as_sqlalchemy_stores_them(db, book):
    with db.read() as s:
        item = s.scalar(select(FeeItem.id).limit(1))

    def rows(_tag: str) -> list[dict[str, Any]]:
        return [{"handover_id": book, "source": "theirs", "unit_id": None,
                 "fee_item_id": item if i % 2 else None, "owner_name": AWKWARD[i % len(AWKWARD)],
                 "period_start": dt.date(2025, 1 + i % 12, 1), "period_end": dt.date(2025, 1 + i % 12, 28),
                 "billed": D("1.005") * i, "paid": D(i) / 3, "paid_on": None if i % 3 else dt.date(2025, 3, 9),
                 "receipt_no": f"R{i:05d}", "remark": AWKWARD[(i + 3) % len(AWKWARD)], "contact": "",
                 "source_row": i or None}
                for i in range(SQLITE_ROWS_PER_STATEMENT + 37)]  # past one SQLite statement

    ours, theirs = _both_ways(db, LedgerLine.__table__, rows, skip={"updated_at"})
    assert ours == theirs
    assert ours[7][list(LedgerLine.__table__.c.keys())[1:].index("billed")] == 704  # 7.035 → 7.04, in fen


def test_defaults_enum_codes_datetimes_and_bytes(db, book):
    with db.read() as s:
        project = s.scalar(select(Handover.project_id).where(Handover.id == book))

    def defects(tag: str) -> list[dict[str, Any]]:
        return [{"project_id": project, "handover_id": book, "number": f"YL-BULK-{tag}{i}", "unit_id": None,
                 "building_id": None, "category": list(DefectCategory)[i % 3], "description": AWKWARD[i],
                 "notice_at": dt.datetime(2026, 5, 1, 8, 30, 15, 250_000) if i % 2 else None,
                 "deadline": dt.date(2026, 6, i + 1), "closed_at": None}
                for i in range(len(AWKWARD))]

    # severity, responsible, status, found_at, version, updated_at... left to their defaults
    ours, theirs = _both_ways(db, Defect.__table__, defects, skip={"found_at", "updated_at", "number"})
    assert ours == theirs
    with db.engine.begin() as conn:
        stored = conn.execute(text("SELECT severity, found_at, version FROM defects WHERE number LIKE 'YL-BULK-%'")).all()
        assert {r[0] for r in stored} == {Severity.NORMAL.value} and {r[2] for r in stored} == {1}
        assert all(r[1] is not None for r in stored)
        defect = conn.scalar(select(Defect.id).where(Defect.number == "YL-BULK-a0"))
        every_byte = bytes(range(256)) * 3
        photo = [defect, "照片\t1.jpg", dt.datetime(2026, 5, 1, 9, 0), every_byte, b"\\x00\n", 640, 480]
        columns = ["defect_id", "filename", "taken_at", "data", "thumbnail", "width", "height"]
        start = _max_id(conn, DefectPhoto.__table__)
        conn.execute(insert(DefectPhoto.__table__), [dict(zip(columns, photo, strict=True))])
        insert_values(conn, DefectPhoto.__table__, columns, [list(photo)])
        ids = _ids(conn, DefectPhoto.__table__, start)
        first, second = _raw(conn, DefectPhoto.__table__, ids, set())
        assert first == second
        assert bytes(first[3]) == every_byte


@pytest.mark.parametrize("bad", [dt.date(2026, 1, 1), 1.5])
def test_a_value_the_column_refuses_is_refused_as_by_sqlalchemy(db, book, bad):
    """Money must not be float (models/types.Scaled) — the same refusal in bulk; a date in a money column
    fails as it would."""
    with db.read() as s:
        item = s.scalar(select(FeeItem.id).limit(1))
    row = {"handover_id": book, "source": "theirs", "unit_id": None, "fee_item_id": item, "owner_name": "",
           "period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 1, 31), "billed": bad, "paid": D(0),
           "paid_on": None, "receipt_no": "", "remark": "", "contact": "", "source_row": None}
    with db.engine.connect() as conn:
        with pytest.raises(Exception) as expected:
            conn.execute(insert(LedgerLine.__table__), [dict(row)])
        conn.rollback()
        with pytest.raises(type(expected.value.__cause__ or expected.value)):
            insert_rows(conn, LedgerLine.__table__, [dict(row)])
        conn.rollback()
