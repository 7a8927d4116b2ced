"""Reconciliation, results and the settlement through their services, on SQLite and PostgreSQL.

The ledger here is small and every expected number is worked out by hand in the comments, so a
wrong split, a lost fen or a decision applied to the wrong side shows as a plain mismatch.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from models.audit import AuditLog
from models.base import DocStatus
from models.errors import AuthError, SignedRecordError, ValidationError
from models.fees import (
    Decision,
    DepositAction,
    DiffKind,
    FeeDifference,
    FeeItem,
    LedgerLine,
    Settlement,
    Tariff,
)
from models.services import reconcile as rc
from models.services.fee_results import fee_results
from models.services.settlement import amend_settlement, sign_settlement
from tests.fee_book import CUTOFF, _ledger

D = Decimal


def test_reconcile_classifies_every_period_up_to_the_cut_off(db, book):
    report = rc.reconcile(db, book)
    assert (report.matched, report.differs, report.only_theirs, report.only_ours) == (1, 1, 4, 1)
    # the prepaid July–December line starts after the cut-off: not matched, not a difference
    kinds = sorted((d.unit, d.fee_item, d.kind) for d in rc.differences(db, book))
    assert ("1栋1单元101", "物业服务费", DiffKind.ONLY_THEIRS) not in kinds
    assert ("2栋1单元201", "物业服务费", DiffKind.DIFFERS) in kinds
    assert ("2栋1单元201", "垃圾消纳费", DiffKind.ONLY_OURS) in kinds
    assert rc.difference_counts(db, book) == (6, 6)


def test_results_split_at_the_cut_off_and_keep_every_fen(db, book):
    rc.reconcile(db, book)
    r = fee_results(db, book)
    arrears = {(a.unit, a.fee_item, a.period_start): a for a in r.arrears}
    assert arrears[("1栋1单元101", "物业服务费", dt.date(2026, 1, 1))].amount == D("600.00")
    garbage = arrears[("1栋1单元101", "垃圾消纳费", dt.date(2026, 1, 1))]
    assert (garbage.amount, garbage.period_end) == (D("81.00"), CUTOFF)
    old = arrears[("2栋1单元201", "物业服务费", dt.date(2024, 1, 1))]
    assert (old.amount, old.years_overdue) == (D("960.00"), 1)  # still open: their line counts
    assert arrears[("1栋1单元101", "物业服务费", dt.date(2026, 1, 1))].contact == "139"
    assert r.arrears_total == D("1641.00")
    assert [(p.period_start, p.amount) for p in r.prepayments] == [(dt.date(2026, 7, 1), D("600.00"))]
    assert r.deposits_total == D("2050.00")
    assert r.for_others_total == D("20.00")
    assert [(m.meter_no, m.quantity, m.amount) for m in r.meters] == [("S001", D("12.50"), D("25.00"))]
    # 收缴率 over the parts up to the cut-off: billed 1000 + 181 + 960, paid 400 + 100 + 0
    assert (r.billed_total, r.paid_total) == (D("2141.00"), D("500.00"))
    assert r.due_to_incoming == D("600.00") + D("2050.00") + D("20.00")
    assert r.due_to_outgoing == D("25.00")
    assert r.net_to_incoming == D("2645.00")
    assert not r.can_sign and r.differences_open == 6


def test_decisions_change_what_counts(db, book):
    rc.reconcile(db, book)
    rows = {(d.unit, d.fee_item, d.kind): d for d in rc.differences(db, book)}
    receipt = rows[("2栋1单元201", "物业服务费", DiffKind.DIFFERS)]
    rc.decide(db, receipt.id, receipt.version, Decision.OURS, "业主提供收据 NO.2024-118")
    ours_only = rows[("2栋1单元201", "垃圾消纳费", DiffKind.ONLY_OURS)]
    rc.decide(db, ours_only.id, ours_only.version, Decision.ADJUST, "双方核实：已收 30 元",
              adjusted_billed=D("36.00"), adjusted_paid=D("30.00"))
    garbage = rows[("1栋1单元101", "垃圾消纳费", DiffKind.ONLY_THEIRS)]
    rc.decide(db, garbage.id, garbage.version, Decision.EXCLUDE, "重复计费，原物业同意删除")
    r = fee_results(db, book)
    amounts = {(a.unit, a.fee_item): a.amount for a in r.arrears}
    assert ("2栋1单元201", "物业服务费") not in amounts  # paid on the receipt
    assert amounts[("2栋1单元201", "垃圾消纳费")] == D("6.00")
    assert ("1栋1单元101", "垃圾消纳费") not in amounts
    assert r.differences_open == 3


def test_a_decision_needs_a_note_and_must_fit_the_kind(db, book):
    rc.reconcile(db, book)
    rows = {d.kind: d for d in rc.differences(db, book)}
    theirs = rows[DiffKind.ONLY_THEIRS]
    with pytest.raises(ValidationError, match="处理说明"):
        rc.decide(db, theirs.id, theirs.version, Decision.THEIRS, "  ")
    with pytest.raises(ValidationError, match="我方没有记录"):
        rc.decide(db, theirs.id, theirs.version, Decision.OURS, "看错了")
    with pytest.raises(ValidationError, match="调整后应收"):
        rc.decide(db, theirs.id, theirs.version, Decision.ADJUST, "协商", adjusted_paid=D("1.00"))
    with pytest.raises(ValidationError, match="「调整后应收」最多 2 位小数"):
        rc.decide(db, theirs.id, theirs.version, Decision.ADJUST, "协商", adjusted_billed=D("1.005"),
                  adjusted_paid=D("1.00"))
    assert rc.difference(db, theirs.id).is_open


def test_bulk_decision_and_a_rerun_keeps_what_did_not_change(db, book):
    rc.reconcile(db, book)
    changed = rc.decide_many(db, book, Decision.THEIRS, "我方无记录，以原物业台账为准", kind=DiffKind.ONLY_THEIRS)
    assert changed == 4
    assert rc.decide_many(db, book, Decision.OURS, "以收据为准") == 2  # 仅原物业 ones are left alone
    assert rc.difference_counts(db, book) == (6, 0)
    # a re-import changes one of their amounts: that difference opens again, the rest keep their decision
    with db.begin() as s:
        s.execute(update(LedgerLine).where(LedgerLine.source == "theirs", LedgerLine.fee_item_id.in_(
            select(FeeItem.id).where(FeeItem.code == "RQF"))).values(billed=D("110.00")))
    report = rc.reconcile(db, book)
    assert (report.kept, report.open) == (5, 1)
    with db.read() as s:
        notes = s.scalars(select(AuditLog.note).where(AuditLog.action == "批量处理差异")).all()
    assert any("仅原物业" in n and "4 项" in n for n in notes)


def test_signing_needs_a_supervisor_and_no_open_difference(db, book):
    rc.reconcile(db, book)
    db.user = replace(db.user, role="clerk")
    with pytest.raises(AuthError):
        sign_settlement(db, book)
    db.user = replace(db.user, role="supervisor")
    with pytest.raises(ValidationError, match="6 项对账差异未处理"):
        sign_settlement(db, book)
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, book, Decision.OURS, "以我方为准")
    signed = sign_settlement(db, book, note="双方确认")
    assert (signed.revision, signed.status) == (1, DocStatus.SIGNED)
    r = fee_results(db, book)
    assert (r.settlement_status, r.settlement_revision, r.can_sign) == (DocStatus.SIGNED, 1, False)
    with db.read() as s:
        row = s.scalar(select(Settlement).where(Settlement.handover_id == book))
        assert row.net_due_to_incoming == r.net_to_incoming and row.due_to_outgoing == D("25.00")
        assert '"net_to_incoming"' in row.breakdown
    # a tariff edited after signing (past the service, which refuses it) moves nothing signed: the
    # results of a signed settlement are its snapshot, lines and all (issue 10 point 1b)
    with db.begin() as s:
        s.execute(update(Tariff).values(rate=D("4.0")))
    again = fee_results(db, book)
    assert again.meters_total == D("25.00") and again.due_to_outgoing == D("25.00")
    assert again == r


def test_signed_settlement_is_final_until_amended(db, book):
    rc.reconcile(db, book)
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, book, Decision.OURS, "以我方为准")
    sign_settlement(db, book)
    with pytest.raises(SignedRecordError):
        rc.reconcile(db, book)
    one = rc.differences(db, book)[0]
    with pytest.raises(SignedRecordError):
        rc.decide(db, one.id, one.version, Decision.EXCLUDE, "改主意")
    with pytest.raises(SignedRecordError):
        rc.decide_many(db, book, Decision.EXCLUDE, "改主意")
    deposit = fee_results(db, book).deposits[0]
    from models.services.fee_results import set_deposit_action
    with pytest.raises(SignedRecordError):
        set_deposit_action(db, book, deposit, DepositAction.REFUND, "已退")
    with pytest.raises(SignedRecordError), db.begin() as s:  # the record itself refuses a change
        s.scalar(select(Settlement)).note = "改"
    draft = amend_settlement(db, book)
    assert (draft.revision, draft.status) == (2, DocStatus.DRAFT)
    set_deposit_action(db, book, deposit, DepositAction.REFUND, "2026-06-20 已退业主，凭证 T-88")
    r = fee_results(db, book)
    assert r.deposits_refunded == deposit.amount and r.settlement_status == DocStatus.DRAFT
    with db.read() as s:
        statuses = s.scalars(select(Settlement.status).order_by(Settlement.revision)).all()
    assert statuses == [DocStatus.SIGNED, DocStatus.DRAFT]


def test_reconcile_without_their_ledger_says_what_to_do(db, book):
    with db.begin() as s:
        s.execute(LedgerLine.__table__.delete().where(LedgerLine.source == "theirs"))
    with pytest.raises(ValidationError, match="请先导入原物业收费台账"):
        rc.reconcile(db, book)


def test_overview_shows_the_last_results_by_building(db, book):
    from models.overview import handover_overview

    rc.reconcile(db, book)
    with db.read() as s:
        assert handover_overview(s, book).fees_computed_at is None
    fee_results(db, book)  # printing and exporting only read
    with db.read() as s:
        assert handover_overview(s, book).fees_computed_at is None
    fee_results(db, book, remember=True)  # the fees tab leaves the summary behind
    with db.read() as s:
        ov = handover_overview(s, book)
    assert ov.arrears_by_building == {"1栋": D("681.00"), "2栋": D("960.00")}
    assert ov.collection_by_building["1栋"] == (D("500.00") / D("1181.00")).quantize(D("0.0001"))


def test_the_differences_table_exports_as_filtered(db, book, tmp_path):
    from openpyxl import load_workbook

    from reports.excel.tab_export import export_tab

    rc.reconcile(db, book)
    out = tmp_path / "diffs.xlsx"
    assert export_tab(db, "fee_differences", "CHY", out, handover_id=book, filters={"kind": "仅原物业"}) == 4
    ws = load_workbook(out)["对账差异"]
    kinds = [row[4] for row in ws.iter_rows(min_row=2, values_only=True) if row[4]]  # not the 合计 row
    assert kinds == ["仅原物业"] * 4


def test_open_differences_counted_per_kind_for_a_bulk_decision(db, book):
    rc.reconcile(db, book)
    assert rc.open_counts(db, book) == {DiffKind.DIFFERS: 1, DiffKind.TARIFF: 0, DiffKind.ONLY_THEIRS: 4,
                                        DiffKind.ONLY_OURS: 1}
    assert rc.open_counts(db, book, fee_item="垃圾消纳费") == {DiffKind.DIFFERS: 0, DiffKind.TARIFF: 0,
                                                                 DiffKind.ONLY_THEIRS: 1, DiffKind.ONLY_OURS: 1}
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准", kind=DiffKind.ONLY_THEIRS)
    assert rc.open_counts(db, book, kind=DiffKind.ONLY_THEIRS) == {DiffKind.ONLY_THEIRS: 0}


def test_a_line_only_they_have_is_checked_against_our_tariffs(db, book):
    from models.services import fee_items

    with db.begin() as s:
        ids = dict(s.execute(select(FeeItem.code, FeeItem.id)).all())
        unit = s.scalar(select(LedgerLine.unit_id).where(LedgerLine.fee_item_id == ids["LJF"]))
        # 2025's 物业服务费, which only they list: 100 m² × 1.00 × 12 months = 1,200.00, as our tariff says
        s.add(_ledger(book, "theirs", unit, ids["WYF"], dt.date(2025, 1, 1), dt.date(2025, 12, 31),
                      "1200.00", "1200.00"))
    fee_items.set_rate(db, ids["WYF"], valid_from=dt.date(2020, 1, 1), rate=D("1.00"))
    fee_items.set_rate(db, ids["LJF"], valid_from=dt.date(2020, 1, 1), rate=D("1.00"))  # 12.00 a year, not 365.00
    report = rc.reconcile(db, book)
    assert (report.by_tariff, report.tariff, report.only_theirs) == (1, 1, 3)
    assert "其中按收费标准核对 1 项" in report.summary() and "与标准不符 1 项" in report.summary()
    (garbage,) = rc.differences(db, book, kind=DiffKind.TARIFF)
    assert (garbage.their_billed, garbage.their_paid, garbage.our_billed, garbage.our_paid) == (
        D("365.00"), D("100.00"), D("12.00"), D("100.00"))
    rc.decide(db, garbage.id, garbage.version, Decision.OURS, "按收费标准每户每月 1 元")
    r = fee_results(db, book)
    # 12.00 for the year: 5.95 up to the cut-off (181 of 365 days), paid; the 94.05 paid beyond is prepaid
    assert ("1栋1单元101", "垃圾消纳费") not in {(a.unit, a.fee_item) for a in r.arrears}
    assert (dt.date(2026, 7, 1), D("94.05")) in {(p.period_start, p.amount) for p in r.prepayments}


def test_the_bulk_writer_is_refused_by_the_database_once_signed(db, book):
    """reconcile refuses a signed handover before it writes; the database's guard behind it refuses the
    bulk writer's rows as well (on PostgreSQL they go in by COPY, which fires the row triggers too)."""
    rc.reconcile(db, book)
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, book, Decision.OURS, "以我方为准")
    sign_settlement(db, book)
    with db.read() as s:
        known = s.scalars(select(FeeDifference).where(FeeDifference.handover_id == book)).all()
        stored = sorted((d.unit_id or 0, d.fee_item_id or 0, d.period_start, d.kind, d.decision) for d in known)
        unit_id, item_id = known[0].unit_id, known[0].fee_item_id
    with pytest.raises(SignedRecordError), db.begin() as s:
        rows = rc._NewRows(s, book)
        rows.add((unit_id or 0, item_id or 0, dt.date(2030, 1, 1), dt.date(2030, 1, 31)), DiffKind.DIFFERS,
                 (100, 0, 200, 0))
        rows.flush()
    with db.read() as s:
        again = s.scalars(select(FeeDifference).where(FeeDifference.handover_id == book)).all()
        assert sorted((d.unit_id or 0, d.fee_item_id or 0, d.period_start, d.kind, d.decision)
                      for d in again) == stored


def test_the_bulk_writer_keeps_every_row_across_its_statements(db, book):
    """SQLite takes the rows a few thousand per statement (PostgreSQL by COPY): more rows than two
    statements hold, with missing units and items and NULL amounts, read back as they were added."""
    from models.services.bulk import SQLITE_ROWS_PER_STATEMENT

    n = 2 * SQLITE_ROWS_PER_STATEMENT + 501
    first = dt.date(2030, 1, 1)
    with db.begin() as s:
        rows = rc._NewRows(s, book)
        for i in range(n):
            day = first + dt.timedelta(days=i)
            rows.add((0, 0, day, day), DiffKind.ONLY_THEIRS, (i, -i, None, None))
        rows.flush()
        assert rows.written == n
    d = FeeDifference
    with db.read() as s:
        got = s.execute(select(d.unit_id, d.fee_item_id, d.period_start, d.period_end, d.kind, d.their_billed,
                               d.their_paid, d.our_billed, d.our_paid, d.decision)
                        .where(d.handover_id == book, d.period_start >= first).order_by(d.period_start)).all()
    assert [tuple(r) for r in got] == [
        (None, None, first + dt.timedelta(days=i), first + dt.timedelta(days=i), DiffKind.ONLY_THEIRS,
         D(i).scaleb(-2), D(-i).scaleb(-2), None, None, Decision.OPEN) for i in range(n)]


def _stored(db, book):
    with db.read() as s:
        return {(d.unit_id, d.fee_item_id, d.period_start): (d.id, d.version, d.updated_at, d.kind, d.their_billed,
                                                             d.our_billed, d.decision)
                for d in s.scalars(select(FeeDifference).where(FeeDifference.handover_id == book))}


def test_a_rerun_writes_only_what_changed_and_matches_missing_units_and_items(db, book):
    """Lines without a unit or a fee item match like any other (both databases sort them apart from the
    ids, each its own way); a re-run leaves unchanged differences as they are (ids, versions, stamps),
    replaces a changed one, deletes one whose sides agree now."""
    with db.begin() as s:
        wyf = s.scalar(select(FeeItem.id).where(FeeItem.code == "WYF"))
        unit = s.scalar(select(LedgerLine.unit_id).where(LedgerLine.fee_item_id == wyf).limit(1))
        jan, jun = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
        s.add_all([_ledger(book, "theirs", None, wyf, jan, jun, "10.00", "0.00"),  # matched, no unit
                   _ledger(book, "ours", None, wyf, jan, jun, "10.00", "0.00"),
                   _ledger(book, "theirs", None, None, jan, jun, "7.00", "0.00"),  # differs, neither
                   _ledger(book, "ours", None, None, jan, jun, "8.00", "0.00"),
                   _ledger(book, "theirs", unit, None, jan, jun, "5.00", "5.00")])  # only theirs, no item
    report = rc.reconcile(db, book)
    assert (report.matched, report.differs, report.only_theirs, report.only_ours) == (2, 2, 5, 1)
    first = _stored(db, book)
    assert first[(None, None, jan)][3:6] == (DiffKind.DIFFERS, D("7.00"), D("8.00"))
    assert first[(unit, None, jan)][3] == DiffKind.ONLY_THEIRS
    again = rc.reconcile(db, book)
    assert (again.matched, again.differs, again.only_theirs, again.only_ours, again.open) == (2, 2, 5, 1, 8)
    assert _stored(db, book) == first
    # their gas line changes, and the two sides of the unit-less, item-less line agree now
    with db.begin() as s:
        s.execute(update(LedgerLine).where(LedgerLine.source == "theirs", LedgerLine.fee_item_id.in_(
            select(FeeItem.id).where(FeeItem.code == "RQF"))).values(billed=D("110.00")))
        s.execute(update(LedgerLine).where(LedgerLine.unit_id.is_(None), LedgerLine.fee_item_id.is_(None))
                  .values(billed=D("8.00")))
    rc.reconcile(db, book)
    after = _stored(db, book)
    assert (None, None, jan) not in after
    (gas,) = [k for k, v in first.items() if v[4] == D("100.00")]
    assert after[gas][4] == D("110.00") and after[gas][0] != first[gas][0]
    assert {k: v for k, v in after.items() if k != gas} == {k: v for k, v in first.items()
                                                           if k not in (gas, (None, None, jan))}
