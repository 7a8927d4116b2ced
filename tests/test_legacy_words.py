"""Data written before the codes keeps meaning what it meant.

Migration 0012 converts the tables; what lives outside them keeps the Chinese words it was written
with: a signed settlement's snapshot, a signed list's handover snapshot, the audit log. The enums read
those words (models/labels.py), so a reprint and the audit viewer say what they said before.
"""
from __future__ import annotations

import datetime as dt
import json
import zlib
from pathlib import Path

import pdfplumber
from openpyxl import load_workbook
from sqlalchemy import insert, select, text

from models.audit import AuditLog
from models.audit_view import ALL_SCOPE, AUDIT
from models.base import DocStatus
from models.fees import Decision, DepositAction, Settlement
from models.handover import HandoverKind
from models.services import reconcile as rc
from models.services.checklist_rows import HandoverInfo
from models.services.fee_results import fee_results, set_deposit_action
from models.services.handovers import get_handover
from models.services.settlement import sign_settlement
from reports.excel.exports import export_fees
from reports.print_commands import print_settlement

OLD_ACTION = {"hand_over": "移交", "refund": "退还业主"}  # DepositAction as stored before 0012


def _pdf_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        lines = "\n".join(page.extract_text() or "" for page in pdf.pages).splitlines()
    return [ln for ln in lines if "打印" not in ln]  # the footer's print time


def _workbook(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path)
    return {ws.title: [r for r in ws.iter_rows(values_only=True) if r[0] != "导出时间"] for ws in wb.worksheets}


def _as_written_before_the_codes(blob: bytes) -> bytes:
    """The same snapshot as 0011's app wrote it: each deposit's action in words."""
    data = json.loads(zlib.decompress(blob))
    assert data["deposits"], "the book has deposits to hand over or refund"
    for line in data["deposits"]:
        assert line[8] in OLD_ACTION  # the action field, as a code today
        line[8] = OLD_ACTION[line[8]]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def _replace_signed_snapshot(db, blob: bytes) -> None:
    """Past the guards, as an older version's database holds it (a signed row is otherwise final)."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            triggers = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                         "AND tbl_name = 'settlements'")).all()
            for name, _sql in triggers:
                conn.execute(text(f"DROP TRIGGER {name}"))
            conn.execute(text("UPDATE settlements SET snapshot = :b WHERE status = 'signed'"), {"b": blob})
            for _name, sql in triggers:
                conn.execute(text(sql))
        else:
            conn.execute(text("ALTER TABLE settlements DISABLE TRIGGER USER"))
            conn.execute(text("UPDATE settlements SET snapshot = :b WHERE status = 'signed'"), {"b": blob})
            conn.execute(text("ALTER TABLE settlements ENABLE TRIGGER USER"))


def test_a_snapshot_signed_with_the_old_words_reprints_the_same_figures(db, book, tmp_path):
    rc.reconcile(db, book)
    deposit = fee_results(db, book).deposits[0]
    set_deposit_action(db, book, deposit, DepositAction.REFUND, "已退业主")
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, book, Decision.OURS, "以我方为准")
    sign_settlement(db, book, note="双方确认")
    now = fee_results(db, book)
    print_settlement(db, book, tmp_path / "codes.pdf")
    export_fees(db, book, tmp_path / "codes.xlsx")

    with db.read() as s:
        blob = s.scalar(select(Settlement.snapshot).where(Settlement.status == DocStatus.SIGNED))
    _replace_signed_snapshot(db, _as_written_before_the_codes(blob))
    with db.read() as s:  # the old words are really what is stored now
        assert "退还业主".encode() in zlib.decompress(s.scalar(select(Settlement.snapshot)))

    old = fee_results(db, book)
    assert old == now
    assert {d.action for d in old.deposits} == {DepositAction.HAND_OVER, DepositAction.REFUND}
    assert (old.deposits_total, old.deposits_refunded, old.net_to_incoming) == \
        (now.deposits_total, now.deposits_refunded, now.net_to_incoming)
    assert old.deposits_refunded == deposit.amount > 0
    print_settlement(db, book, tmp_path / "words.pdf")
    export_fees(db, book, tmp_path / "words.xlsx")
    assert _pdf_text(tmp_path / "words.pdf") == _pdf_text(tmp_path / "codes.pdf")
    assert _workbook(tmp_path / "words.xlsx") == _workbook(tmp_path / "codes.xlsx")
    assert any(row and "退还业主" in row for row in _workbook(tmp_path / "words.xlsx")["押金"])


def test_a_list_signed_with_the_old_kind_reads_it(db, book):
    """A signed list's handover snapshot holds the kind as written then: 进场接管."""
    info: HandoverInfo = get_handover(db, book)
    old = json.loads(info.snapshot())
    old["kind"] = "进场接管"
    assert info.as_signed(json.dumps(old, ensure_ascii=False)).kind is HandoverKind.TAKEOVER
    assert json.loads(info.snapshot())["kind"] == "takeover"


def test_the_audit_viewer_finds_and_words_old_rows_and_new_ones(db, book):
    rc.reconcile(db, book)
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")  # new rows: "decision": "theirs"
    row = {"at": dt.datetime(2026, 1, 5, 9, 0), "user_id": None, "action": "update", "table_name": "keys",
           "record_id": 7, "note": ""}
    with db.begin() as s:  # a key lent before the codes, and one lent since
        s.execute(insert(AuditLog.__table__), [
            {**row, "username": "old", "before": '{"status": "在库"}', "after": '{"status": "借出"}'},
            {**row, "username": "new", "before": '{"status": "in_store"}', "after": '{"status": "lent"}'}])
    with db.read() as s:
        found = AUDIT.fetch(s, ALL_SCOPE, "以原物业为准", limit=1000)
        lent = AUDIT.fetch(s, ALL_SCOPE, "借出", limit=1000)
    differences = [r[5] for r in found if r[3] == "对账差异"]
    assert differences and all("以原物业为准" in d and "theirs" not in d for d in differences)
    keys = {r[1]: r[5] for r in lent if r[3] == "钥匙"}
    assert set(keys) == {"old", "new"}
    assert keys["old"].endswith("：在库 → 借出") and keys["new"] == keys["old"]
