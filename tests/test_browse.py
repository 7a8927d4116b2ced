"""The tab queries: scope, filter, sort, paging, count and streaming, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sample_data import UNITS, make_sample, unit_number

from models.base import DocStatus
from models.browse import KINDS, TABLES, Scope
from models.defect import DefectStatus
from models.keys import KeyEventKind, KeyStatus
from models.overview import handover_overview


@pytest.fixture
def sample(db):
    return make_sample(db)


def _scope(sample) -> Scope:
    return Scope(sample.project_id, sample.handover_id)


def test_every_table_has_typed_columns():
    assert set(TABLES) == {"handover", "defects", "keys", "fees", "fee_differences", "units", "owners"}
    for spec in TABLES.values():
        assert all(c.kind in KINDS and c.title for c in spec.columns)


@pytest.mark.parametrize("key,expected", [("handover", 8), ("defects", 6), ("keys", 8), ("fees", UNITS * 6)])
def test_count_and_fetch_in_scope(db, sample, key, expected):
    spec = TABLES[key]
    with db.read() as s:
        assert spec.count(s, _scope(sample)) == expected
        rows = spec.fetch(s, _scope(sample), limit=1000)
        assert spec.count(s, Scope(sample.project_id, sample.other_handover_id)) == 0
        assert spec.count(s, Scope(sample.other_project_id)) == 0
    assert len(rows) == expected
    assert all(len(r) == len(spec.columns) + 1 for r in rows)  # columns + record id


def test_fees_row_types_and_arrears(db, sample):
    with db.read() as s:
        row = TABLES["fees"].fetch(s, _scope(sample), limit=1)[0]
    unit, owner, item, start, end, billed, paid, arrears, source, _id = row
    assert unit == unit_number(0) and owner == "业主00" and source == "我方"
    assert isinstance(start, dt.date) and isinstance(billed, Decimal)
    assert arrears == max(billed - paid, Decimal("0.00"))


def test_filter_matches_text_columns(db, sample):
    fees, defects, keys = TABLES["fees"], TABLES["defects"], TABLES["keys"]
    with db.read() as s:
        assert fees.count(s, _scope(sample), unit_number(3)) == 6
        assert fees.count(s, _scope(sample), "业主03") == 6
        assert fees.count(s, _scope(sample), "物业服务") == UNITS * 3
        assert [r[0] for r in defects.fetch(s, _scope(sample), "瓷砖")] == ["YL-2026-0002"]
        assert defects.count(s, _scope(sample), "地下车库") == 3
        assert keys.count(s, _scope(sample), "k-01-01-1003") == 1  # typed in lower case
        assert keys.count(s, _scope(sample), "没有这个") == 0


def test_filter_escapes_like_wildcards(db, sample):
    with db.read() as s:
        assert TABLES["keys"].count(s, _scope(sample), "%") == 0
        assert TABLES["keys"].count(s, _scope(sample), "_") == 0


def test_sort_any_column_both_ways_with_stable_tiebreak(db, sample):
    spec = TABLES["fees"]
    col = spec.column_index("arrears")
    with db.read() as s:
        up = spec.fetch(s, _scope(sample), sort_col=col, limit=1000)
        down = spec.fetch(s, _scope(sample), sort_col=col, descending=True, limit=1000)
    assert [r[col] for r in up] == sorted(r[col] for r in up)
    assert down == list(reversed(up))


def test_paging_covers_every_row_once(db, sample):
    spec = TABLES["fees"]
    col = spec.column_index("owner")
    with db.read() as s:
        pages = [spec.fetch(s, _scope(sample), "", col, False, off, 10) for off in range(0, 80, 10)]
    ids = [r[-1] for page in pages for r in page]
    assert len(ids) == UNITS * 6 == len(set(ids))


def test_iter_rows_streams_columns_only(db, sample):
    spec = TABLES["fees"]
    with db.read() as s:
        rows = list(spec.iter_rows(s, sample.project_id, sample.handover_id, batch=7))
        whole_project = list(spec.iter_rows(s, sample.project_id))
        filtered = list(spec.iter_rows(s, sample.project_id, None, "业主01"))
    assert len(rows) == len(whole_project) == UNITS * 6
    assert all(len(r) == len(spec.columns) for r in rows)
    assert len(filtered) == 6


def test_handover_items_in_list_order(db, sample):
    with db.read() as s:
        rows = TABLES["handover"].fetch(s, _scope(sample))
    assert [r[2] for r in rows] == [1, 2, 3, 4, 5, 1, 2, 3]
    assert rows[0][1] is DocStatus.DRAFT and rows[0][1].label == "草稿"


def test_keys_show_latest_event(db, sample):
    with db.read() as s:
        first = TABLES["keys"].fetch(s, _scope(sample), "K-01-01-1001-A")[0]
    assert first[5] is KeyStatus.LENT and first[6] is KeyEventKind.LEND and first[8] == "维修李四"
    assert (first[5].label, first[6].label) == ("借出", "借出")


def test_overview_counts(db, sample):
    with db.read() as s:
        ov = handover_overview(s, sample.handover_id, today=dt.date(2026, 7, 4))
    assert (ov.items_checked, ov.items_total) == (6, 8)
    assert ov.defects_by_status[DefectStatus.PENDING_NOTICE] == 2 and sum(ov.defects_by_status.values()) == 6
    assert ov.defects_overdue == 3  # deadlines 7-01..7-03 passed; 0001-0003 are still open
    assert ov.keys_by_status[KeyStatus.LENT] == 1 and ov.keys_by_status[KeyStatus.IN_STORE] == 7
    assert ov.arrears_total > 0 and set(ov.arrears_by_item) == {"水费"}


def test_a_status_is_found_by_its_label_sorted_in_its_order_and_exported_in_words(db, sample):
    keys = TABLES["keys"]
    col = keys.column_index("status")
    with db.read() as s:
        lent = keys.fetch(s, _scope(sample), "借出")
        none = keys.fetch(s, _scope(sample), "lent")  # the code is not what the clerk reads or types
        rows = keys.fetch(s, _scope(sample), sort_col=col)
        exported = list(keys.iter_rows(s, sample.project_id, sample.handover_id))
    assert [r[col] for r in lent] == [KeyStatus.LENT] and none == []
    order = list(KeyStatus)
    assert [order.index(r[col]) for r in rows] == sorted(order.index(r[col]) for r in rows)
    assert {r[col] for r in exported} == {"在库", "借出"}


def test_a_keystrokes_reads_run_without_jit_on_postgresql(pg_db):
    """fetch_page and the counts mark their transaction interactive: no JIT compile (170 ms seen on one
    page) for that transaction only — the next read has the server's setting again."""
    from sqlalchemy import text

    from models.browse import interactive

    with pg_db.read() as s:
        server = s.execute(text("SHOW jit")).scalar()
    with pg_db.read() as s:
        interactive(s)
        assert s.execute(text("SHOW jit")).scalar() == "off"
    with pg_db.read() as s:
        assert s.execute(text("SHOW jit")).scalar() == server
