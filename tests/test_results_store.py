"""The results the fees tab keeps (models.services.results_store) are never stale: after every kind of
change the results read from, the next `fee_results(..., remember=True)` computes them again and they
equal a fresh computation; with nothing changed it hands back the kept ones. On SQLite and PostgreSQL
over the hand-worked book of tests/fee_book.py."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.backup import make_backup, restore_open
from models.db import Database
from models.fees import Decision, FeeDifference, FeeItem, LedgerLine, MeterReading
from models.imports.ledger import LedgerRow
from models.imports.ledger_write import write_ledger
from models.services import meters, results_store
from models.services import reconcile as rc
from models.services.fee_items import set_rate
from models.services.fee_results import compute_results, fee_results, set_deposit_action
from models.services.handovers import get_handover, update_handover
from models.services.settlement import amend_settlement, sign_settlement
from tests.conftest import TEST_USER

D = Decimal


@pytest.fixture(autouse=True)
def _nothing_kept_from_another_test():
    results_store.forget()
    yield
    results_store.forget()


def kept_then_replaced(db: Database, handover_id: int, change: Callable[[], object], *, moves: bool = True) -> None:
    """Results kept; `change`; the next ask computes anew and equals a fresh computation."""
    kept = fee_results(db, handover_id, remember=True)
    assert fee_results(db, handover_id, remember=True) is kept  # nothing changed: the kept ones
    change()
    after = fee_results(db, handover_id, remember=True)
    assert after is not kept
    assert after == fresh(db, handover_id)  # what a computation from the data as it is gives
    if moves:
        assert after != kept
    assert fee_results(db, handover_id, remember=True) is after


def fresh(db: Database, handover_id: int):
    with db.read() as s:
        return compute_results(s, handover_id)


def _their_rows(db: Database, handover_id: int, extra: Decimal) -> list[LedgerRow]:
    with db.read() as s:
        lines = s.scalars(select(LedgerLine).where(LedgerLine.handover_id == handover_id,
                                                   LedgerLine.source == "theirs")).all()
        names = {i.id: i.name for i in s.scalars(select(FeeItem))}
    return [LedgerRow(row=n, building="", unit_number="", unit_id=ln.unit_id, owner=ln.owner_name,
                      contact=ln.contact, fee_item=names[ln.fee_item_id], period_start=ln.period_start,
                      period_end=ln.period_end, billed=ln.billed + extra, paid=ln.paid,
                      arrears=ln.billed + extra - ln.paid, paid_on=ln.paid_on, receipt_no=ln.receipt_no,
                      remark=ln.remark)
            for n, ln in enumerate(lines, start=2)]


def _one_difference(db: Database, handover_id: int) -> tuple[int, int]:
    with db.read() as s:
        row = s.execute(select(FeeDifference.id, FeeDifference.version)
                        .where(FeeDifference.handover_id == handover_id, FeeDifference.decision == Decision.OPEN)
                        .order_by(FeeDifference.id)).first()
    assert row is not None
    return row[0], row[1]


def test_every_kind_of_change_replaces_the_kept_results(db, book):
    kept_then_replaced(db, book, lambda: rc.reconcile(db, book))  # the counts of differences move
    diff_id, version = _one_difference(db, book)
    kept_then_replaced(db, book, lambda: rc.decide(db, diff_id, version, Decision.EXCLUDE, "不计入"))
    kept_then_replaced(db, book, lambda: rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准"))

    with db.read() as s:
        meter = s.scalars(select(MeterReading).where(MeterReading.meter_no == "S001")).one()
        meter_id, meter_version, read_on = meter.id, meter.version, meter.read_on
    kept_then_replaced(db, book, lambda: meters.save_reading(db, meter_id, meter_version, reading=D("130.00"),
                                                             read_on=read_on))
    with db.read() as s:
        water = s.scalar(select(FeeItem.id).where(FeeItem.code == "SF"))
    kept_then_replaced(db, book, lambda: set_rate(db, water, valid_from=dt.date(2026, 1, 1), rate=D("9.9")))

    deposit = fee_results(db, book).deposits[0]
    kept_then_replaced(db, book, lambda: set_deposit_action(db, book, deposit, deposit.action.REFUND, "已退还"))

    info = get_handover(db, book)
    kept_then_replaced(db, book, lambda: update_handover(db, book, info.version, witness="街道办"))
    info = get_handover(db, book)
    kept_then_replaced(db, book, lambda: update_handover(db, book, info.version,
                                                         cutoff_date=info.cutoff_date - dt.timedelta(days=30)))

    kept_then_replaced(db, book, lambda: write_ledger(db, book, _their_rows(db, book, D("10.00")), "新台账.xlsx", []))

    def sign() -> None:
        rc.reconcile(db, book)
        rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
        rc.decide_many(db, book, Decision.OURS, "以我方为准")
        sign_settlement(db, book, note="双方确认")

    kept_then_replaced(db, book, sign)
    kept_then_replaced(db, book, lambda: amend_settlement(db, book))


def test_another_desk_writing_replaces_the_kept_results(db, book):
    other = Database(db.url, user=TEST_USER)  # a second desk: its own engine on the same database
    try:
        kept_then_replaced(db, book, lambda: rc.reconcile(other, book))
        diff_id, version = _one_difference(db, book)
        kept_then_replaced(db, book, lambda: rc.decide(other, diff_id, version, Decision.EXCLUDE, "不计入"))
    finally:
        other.dispose()


def test_a_write_between_the_stamp_and_the_computation_is_not_kept_as_current(db, book, monkeypatch):
    """Another desk commits after the stamp was read: the results include its change but carry the
    older stamp, so the next ask computes again rather than trust them."""
    from models.services import fee_results as module

    rc.reconcile(db, book)
    diff_id, version = _one_difference(db, book)
    compute = module.compute_results

    def with_a_write_first(s, handover_id, progress=None):
        monkeypatch.setattr(module, "compute_results", compute)
        rc.decide(db, diff_id, version, Decision.EXCLUDE, "不计入")
        return compute(s, handover_id, progress)

    monkeypatch.setattr(module, "compute_results", with_a_write_first)
    first = fee_results(db, book, remember=True)
    again = fee_results(db, book, remember=True)
    assert again is not first and again == fresh(db, book)


def test_a_restored_backup_replaces_the_kept_results(sqlite_db, tmp_path):
    from tests.fee_book import make_book

    db = sqlite_db
    book = make_book(db)
    rc.reconcile(db, book)
    backup = make_backup(_sqlite_path(db)).path
    before = fee_results(db, book, remember=True)
    rc.decide_many(db, book, Decision.EXCLUDE, "不计入")  # the results move after the backup was taken
    changed = fee_results(db, book, remember=True)
    assert changed != before
    restore_open(db, backup)
    restored = fee_results(db, book, remember=True)
    assert restored is not changed and restored == fresh(db, book) == before


def _sqlite_path(db: Database):
    from models.backup import sqlite_file

    path = sqlite_file(db)
    assert path is not None
    return path


def test_the_stamp_moves_with_every_commit_and_only_then(db, book):
    with db.read() as s:
        first = results_store.stamp(s, db)
    with db.read() as s:
        assert results_store.stamp(s, db) == first
    rc.reconcile(db, book)
    with db.read() as s:
        assert results_store.stamp(s, db) != first


def test_a_print_reads_the_kept_results_and_never_keeps_its_own(db, book):
    """Printing and exporting (fee_results without remember) take the tab's results while they are
    current; after a change they compute their own, which is neither kept nor summarised."""
    kept = fee_results(db, book, remember=True)
    assert fee_results(db, book) is kept
    rc.reconcile(db, book)
    printed = fee_results(db, book)
    assert printed is not kept and printed == fresh(db, book)
    assert fee_results(db, book) is not printed  # not kept: the next print computes again
    assert fee_results(db, book, remember=True) is not printed
