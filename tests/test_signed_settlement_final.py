"""A signed settlement does not move, and signing signs what was reconciled (issue 10 points 1, 2, 3b, 8).

Each test runs on SQLite and on PostgreSQL (the `db` fixture) over the hand-worked ledger of
test_fee_reconcile.
"""
from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text, update

from models.audit import AuditLog
from models.audit_view import describe
from models.base import DocStatus
from models.errors import AuthError, StaleRecordError, ValidationError
from models.fees import Decision, DepositAction, FeeItem, LedgerLine, Settlement
from models.handover import HandoverAmendment
from models.imports.ledger import LedgerRow
from models.imports.ledger_write import write_ledger
from models.services import reconcile as rc
from models.services.fee_items import set_rate
from models.services.fee_results import fee_results, set_deposit_action
from models.services.handovers import get_handover, update_handover
from models.services.settlement import amend_settlement, sign_settlement
from reports.excel.exports import export_fees
from reports.print_commands import print_settlement
from tests.fee_book import CUTOFF

D = Decimal


def _sign(db, handover_id: int) -> None:
    rc.reconcile(db, handover_id)
    rc.decide_many(db, handover_id, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, handover_id, Decision.OURS, "以我方为准")
    sign_settlement(db, handover_id, note="双方确认")


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _workbook_values(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path)
    values = {ws.title: [row for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    # 汇总's info block says when it was exported: the one cell allowed to differ
    values["汇总"] = [row for row in values["汇总"] if row[0] != "导出时间"]
    return values


def _water_item(db) -> int:
    with db.read() as s:
        return s.scalar(select(FeeItem.id).where(FeeItem.code == "SF"))


def test_reprint_of_a_signed_settlement_is_what_was_signed(db, book, tmp_path):
    """Rates, names and the cut-off all change after signing (past the services, as an old path or an
    attacker would): the report's text and the workbook's values stay exactly as signed."""
    _sign(db, book)
    print_settlement(db, book, tmp_path / "before.pdf")
    export_fees(db, book, tmp_path / "before.xlsx")
    before = fee_results(db, book)
    with db.begin() as s:
        s.execute(text("UPDATE tariffs SET rate = 99000"))  # 9.9 元/吨 as stored (4 places)
        s.execute(text("UPDATE handovers SET from_company = '改名物业', to_company = '别家公司', "
                       "witness = '街道办', cutoff_date = :d"), {"d": dt.date(2025, 12, 31)})
    print_settlement(db, book, tmp_path / "after.pdf")
    export_fees(db, book, tmp_path / "after.xlsx")
    after = fee_results(db, book)
    assert after == before
    text_before, text_after = _pdf_text(tmp_path / "before.pdf"), _pdf_text(tmp_path / "after.pdf")
    assert "原物业服务有限公司" in text_after and "改名物业" not in text_after
    # the page footer carries the print time; everything else is the same text
    assert [ln for ln in text_before.splitlines() if "打印" not in ln] == \
        [ln for ln in text_after.splitlines() if "打印" not in ln]
    assert _workbook_values(tmp_path / "before.xlsx") == _workbook_values(tmp_path / "after.xlsx")


def test_results_of_a_signed_settlement_come_from_its_snapshot(db, book):
    _sign(db, book)
    signed = fee_results(db, book)
    assert (signed.arrears_total, signed.meters_total, signed.settlement_status) == (D("1641.00"), D("25.00"),
                                                                                    DocStatus.SIGNED)
    with db.read() as s:
        blob = s.scalar(select(Settlement.snapshot))
    assert blob is not None and len(blob) > 100
    # a draft revision computes live again, from the data as it now is
    amend_settlement(db, book)
    assert fee_results(db, book).settlement_status is DocStatus.DRAFT


def test_party_and_cutoff_changes_after_signing_are_corrections(db, book):
    _sign(db, book)
    info = get_handover(db, book)
    assert info.needs_correction_reason and "财务结算（第 1 版）" in info.signed_documents
    with pytest.raises(ValidationError, match="更正原因"):
        update_handover(db, book, info.version, from_company="改名物业")
    db.user = replace(db.user, role="clerk")
    with pytest.raises(AuthError):
        update_handover(db, book, info.version, from_company="改名物业", reason="工商变更")
    db.user = replace(db.user, role="supervisor")
    with pytest.raises(ValidationError, match="修订结算"):
        update_handover(db, book, info.version, cutoff_date=dt.date(2025, 12, 31), reason="基准日写错")
    changed = update_handover(db, book, info.version, from_company="改名物业", reason="工商变更，见附件")
    assert changed.from_company == "改名物业"
    with db.read() as s:
        row = s.scalar(select(HandoverAmendment))
    assert (row.reason, row.by) == ("工商变更，见附件", db.user.display_name)
    assert "原物业服务有限公司" in row.before and "改名物业" in row.after
    # the signed settlement still prints the name it signed
    assert fee_results(db, book).from_company == "原物业服务有限公司"
    # a title or a date is no correction: no reason needed
    update_handover(db, book, changed.version, actual_date=dt.date(2026, 7, 1))


def test_cutoff_is_a_supervisors_even_before_signing(db, book):
    info = get_handover(db, book)
    db.user = replace(db.user, role="clerk")
    with pytest.raises(AuthError, match="主管"):
        update_handover(db, book, info.version, cutoff_date=dt.date(2026, 5, 31))
    update_handover(db, book, info.version, witness="街道办")  # a clerk edits the rest of a draft
    assert get_handover(db, book).cutoff_date == CUTOFF


def test_a_rate_that_would_reprice_a_signed_period_is_refused_until_amended(db, book):
    _sign(db, book)
    water = _water_item(db)
    with pytest.raises(ValidationError, match="已签署的财务结算"):
        set_rate(db, water, valid_from=dt.date(2026, 1, 1), rate=D("9.9"))
    set_rate(db, water, valid_from=dt.date(2026, 9, 1), rate=D("3.0"))  # after what was settled: fine
    amend_settlement(db, book)
    set_rate(db, water, valid_from=dt.date(2026, 1, 1), rate=D("9.9"))  # the amendment reopens it
    with pytest.raises(ValidationError, match="重新对账"):
        sign_settlement(db, book)  # the new rate reprices their lines: reconcile first


def test_rates_are_a_supervisors(db, book):
    db.user = replace(db.user, role="clerk")
    with pytest.raises(AuthError, match="主管"):
        set_rate(db, _water_item(db), valid_from=dt.date(2027, 1, 1), rate=D("3.0"))


def _their_rows(db, handover_id: int, extra: Decimal) -> list[LedgerRow]:
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


def test_signing_after_a_reimport_needs_a_new_reconciliation(db, book):
    rc.reconcile(db, book)
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, book, Decision.OURS, "以我方为准")
    write_ledger(db, book, _their_rows(db, book, D("1000.00")), "新台账.xlsx", [])
    with pytest.raises(ValidationError, match="重新对账"):
        sign_settlement(db, book)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Settlement)) == 0


def test_signing_without_any_reconciliation_is_refused(db, book):
    with pytest.raises(ValidationError, match="还没有对账"):
        sign_settlement(db, book)


def test_signing_while_an_import_writes_waits_and_then_refuses(db, book):
    """The import holds the handover until it commits; the signing waits for it, then sees a ledger
    no reconciliation has seen (before the fix, PostgreSQL signed the old lines under the new ones)."""
    rc.reconcile(db, book)
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, book, Decision.OURS, "以我方为准")
    rows = _their_rows(db, book, D("1000.00"))
    writing, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def progress(done: int, total: int) -> bool:
        if done and not writing.is_set():
            writing.set()
            release.wait(30)
        return True

    def import_ledger() -> None:
        write_ledger(db, book, rows, "新台账.xlsx", [], progress)

    def sign() -> None:
        try:
            outcome["signed"] = sign_settlement(db, book)
        except Exception as exc:  # noqa: BLE001 - the test inspects whatever happened
            outcome["error"] = exc

    importer = threading.Thread(target=import_ledger)
    importer.start()
    assert writing.wait(30)
    signer = threading.Thread(target=sign)
    signer.start()
    signer.join(0.5)  # the signer is now waiting for the importer's lock (or has not started yet)
    release.set()
    importer.join(30)
    signer.join(30)
    assert "signed" not in outcome
    assert isinstance(outcome.get("error"), ValidationError) and "重新对账" in str(outcome["error"])
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Settlement)) == 0


def test_a_bulk_decision_audits_every_difference(db, book):
    rc.reconcile(db, book)
    changed = rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    assert changed == 5
    with db.read() as s:
        rows = s.execute(select(AuditLog.record_id, AuditLog.after, AuditLog.username).where(
            AuditLog.table_name == "fee_differences", AuditLog.action == "update")).all()
    assert len({r[0] for r in rows}) == changed
    assert all('"decision": "theirs"' in r[1] and r[2] == db.user.username for r in rows)
    # the audit viewer says it in words
    assert all("以原物业为准" in describe("fee_differences", "update", None, r[1], "") for r in rows)


def test_an_orm_bulk_update_leaves_an_audit_row_per_record(db, book):
    with db.begin() as s:
        s.execute(update(LedgerLine).where(LedgerLine.source == "ours").values(remark="批量改"))
    with db.read() as s:
        ours = s.scalar(select(func.count()).select_from(LedgerLine).where(LedgerLine.source == "ours"))
        audited = s.scalars(select(AuditLog.after).where(AuditLog.table_name == "ledger_lines",
                                                         AuditLog.action == "update")).all()
    assert len(audited) == ours == 4 and all("批量改" in a for a in audited)


def test_a_stale_deposit_decision_is_refused(db, book):
    rc.reconcile(db, book)
    deposit = fee_results(db, book).deposits[0]
    set_deposit_action(db, book, deposit, DepositAction.REFUND, "2026-06-20 已退业主")  # desk A
    with pytest.raises(StaleRecordError):  # desk B still shows the deposit as it was
        set_deposit_action(db, book, deposit, DepositAction.HAND_OVER, "")
    fresh = fee_results(db, book).deposits[0]
    assert (fresh.action, fresh.version) == (DepositAction.REFUND, 1) and fresh.action.label == "退还业主"
    set_deposit_action(db, book, fresh, DepositAction.HAND_OVER, "")
    assert fee_results(db, book).deposits[0].action is DepositAction.HAND_OVER


def test_arrears_rows_show_contacts_masked(db, book):
    rc.reconcile(db, book)
    with db.begin() as s:
        s.execute(update(LedgerLine).where(LedgerLine.contact == "139").values(contact="13800138000"))
    contacts = {(a.contact, a.contact_masked) for a in fee_results(db, book).arrears if a.contact}
    assert ("13800138000", "138****8000") in contacts
    assert all("****" in shown and full not in shown for full, shown in contacts)


def test_settled_status_is_read_from_the_latest_revision(db, book):
    _sign(db, book)
    with db.read() as s:
        assert s.scalar(select(Settlement.status)) is DocStatus.SIGNED
