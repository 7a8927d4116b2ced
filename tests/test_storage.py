"""Storage rules on SQLite and the real PostgreSQL: exact money, final signatures, stale saves, audit, FKs."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import OperationalError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from models.audit import AuditLog
from models.base import DocStatus
from models.errors import AuthError, BusyError, DomainError, SignedRecordError, StaleRecordError
from models.fees import FeeItem, LedgerLine
from models.handover import Handover, HandoverItem, HandoverKind, HandoverList
from models.people import Owner
from models.project import Project, Unit
from models.services.common import get_for_save


def make_handover(db) -> int:
    with db.begin() as s:
        p = Project(code="T1", name="测试小区")
        s.add(p)
        s.flush()
        h = Handover(project_id=p.id, kind=HandoverKind.TAKEOVER, from_company="原物业",
                     to_company="本公司", cutoff_date=dt.date(2026, 6, 30))
        s.add(h)
        s.flush()
        return h.id


def make_list(db, handover_id: int, status: DocStatus = DocStatus.DRAFT) -> tuple[int, int]:
    with db.begin() as s:
        lst = HandoverList(handover_id=handover_id, title="物业原始资料", status=DocStatus.DRAFT)
        lst.items.append(HandoverItem(seq=1, category="物业原始资料", name="竣工总平面图", uom="份"))
        s.add(lst)
        s.flush()
        list_id, item_id = lst.id, lst.items[0].id
    if status is DocStatus.SIGNED:
        with db.begin() as s:
            lst = s.get(HandoverList, list_id)
            lst.status = DocStatus.SIGNED
            lst.signed_at = dt.datetime(2026, 7, 1, 10, 0)
    return list_id, item_id


def ledger(db, handover_id: int, amounts: list[str]) -> None:
    with db.begin() as s:
        p_id = s.scalar(select(Project.id))
        unit = Unit(project_id=p_id, number="1栋1单元101", area=Decimal("118.03"))
        item = FeeItem(project_id=p_id, code="WY", name="物业服务费")
        s.add_all([unit, item])
        s.flush()
        for a in amounts:
            s.add(LedgerLine(handover_id=handover_id, unit_id=unit.id, fee_item_id=item.id,
                             period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 1, 31),
                             billed=Decimal(a), paid=Decimal("0")))


# --- money -----------------------------------------------------------------

def test_money_round_trips_exactly_and_sums_in_sql(db):
    h = make_handover(db)
    amounts = ["0.01", "0.10", "1310.13", "99999999.99", "-0.07", "0.1", "0.2"]
    ledger(db, h, amounts)
    with db.read() as s:
        got = s.scalars(select(LedgerLine.billed).order_by(LedgerLine.id)).all()
        total = s.scalar(select(func.sum(LedgerLine.billed)))
    assert got == [Decimal(a).quantize(Decimal("0.01")) for a in amounts]
    assert all(isinstance(x, Decimal) for x in got)
    assert total == sum(Decimal(a) for a in amounts)  # 0.1 + 0.2 == 0.3 exactly
    assert isinstance(total, Decimal)


def test_money_refuses_float(db):
    h = make_handover(db)
    ledger(db, h, ["1.00"])
    with pytest.raises(StatementError, match="float"), db.begin() as s:
        s.scalar(select(LedgerLine)).billed = 0.1  # type: ignore[assignment]
    with db.read() as s:
        assert s.scalar(select(LedgerLine.billed)) == Decimal("1.00")


def test_area_keeps_two_places(db):
    make_handover(db)
    with db.begin() as s:
        s.add(Unit(project_id=s.scalar(select(Project.id)), number="B座-1502", area=Decimal("89.27")))
    with db.read() as s:
        assert s.scalar(select(Unit.area)) == Decimal("89.27")


# --- signed is final -------------------------------------------------------

def test_signed_list_refuses_update_through_the_model(db):
    list_id, _ = make_list(db, make_handover(db), DocStatus.SIGNED)
    with pytest.raises(SignedRecordError), db.begin() as s:
        s.get(HandoverList, list_id).title = "改过的标题"
    with db.read() as s:
        assert s.get(HandoverList, list_id).title == "物业原始资料"


def test_signed_list_refuses_delete_through_the_model(db):
    list_id, _ = make_list(db, make_handover(db), DocStatus.SIGNED)
    with pytest.raises(SignedRecordError), db.begin() as s:
        s.delete(s.get(HandoverList, list_id))


def test_items_of_a_signed_list_refuse_update_delete_and_insert(db):
    list_id, item_id = make_list(db, make_handover(db), DocStatus.SIGNED)
    with pytest.raises(SignedRecordError), db.begin() as s:
        s.get(HandoverItem, item_id).received_qty = 0
    with pytest.raises(SignedRecordError), db.begin() as s:
        s.delete(s.get(HandoverItem, item_id))
    with pytest.raises(SignedRecordError), db.begin() as s:
        s.add(HandoverItem(list_id=list_id, seq=2, category="x", name="追加"))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(HandoverItem)) == 1


@pytest.mark.parametrize("sql", [
    "UPDATE handover_lists SET title = 'raw' WHERE id = :id",
    "DELETE FROM handover_lists WHERE id = :id",
    "UPDATE handover_items SET name = 'raw' WHERE list_id = :id",
    "DELETE FROM handover_items WHERE list_id = :id",
    "UPDATE handover_lists SET status = 'draft' WHERE id = :id",
])
def test_raw_sql_cannot_change_a_signed_list(db, sql):
    list_id, _ = make_list(db, make_handover(db), DocStatus.SIGNED)
    with pytest.raises(SignedRecordError), db.begin() as s:
        s.execute(text(sql), {"id": list_id})


def test_signed_list_cannot_be_cancelled_or_reopened(db):
    """Cancelling a signed document would drop it from what the handover printed (and a cancelled
    settlement would reopen its fees): signed is final, corrections are amendments (issue 10 point 7)."""
    list_id, _ = make_list(db, make_handover(db), DocStatus.SIGNED)
    for status in (DocStatus.CANCELLED, DocStatus.DRAFT):
        with pytest.raises(SignedRecordError), db.begin() as s:
            s.get(HandoverList, list_id).status = status
    with db.read() as s:
        assert s.get(HandoverList, list_id).status is DocStatus.SIGNED


def test_draft_list_is_editable(db):
    list_id, item_id = make_list(db, make_handover(db))
    with db.begin() as s:
        s.get(HandoverItem, item_id).received_qty = 1
        s.get(HandoverList, list_id).title = "物业原始资料（一）"
    with db.read() as s:
        assert s.get(HandoverItem, item_id).received_qty == 1


def test_audit_log_is_append_only(db):
    make_handover(db)
    with pytest.raises(DomainError), db.begin() as s:
        s.execute(text("DELETE FROM audit_log"))
    with pytest.raises(DomainError), db.begin() as s:
        s.execute(text("UPDATE audit_log SET username = 'x'"))


# --- optimistic locking ----------------------------------------------------

def test_stale_save_from_a_second_session_is_refused(db):
    h = make_handover(db)
    with db.read() as s:
        seen = s.get(Handover, h).version
    # desk A and desk B both hold the record; A saves first
    with db.sessions() as a, db.sessions() as b:
        a.info["user"] = b.info["user"] = db.user
        ha, hb = a.get(Handover, h), b.get(Handover, h)
        ha.witness = "业主委员会"
        a.commit()
        hb.witness = "街道办"
        # PostgreSQL: the version check finds no row; SQLite (WAL): B's snapshot is stale.
        with pytest.raises((StaleDataError, OperationalError)):
            b.commit()
    with db.read() as s:
        assert s.get(Handover, h).witness == "业主委员会"
    # the service path turns the same situation into a clerk's message
    with pytest.raises(StaleRecordError, match="已被其他人修改"), db.begin() as s:
        get_for_save(s, Handover, h, seen).witness = "街道办"


def test_stale_flush_inside_db_begin_is_refused_with_a_message(db):
    h = make_handover(db)
    with pytest.raises((StaleRecordError, BusyError), match="未保存"), db.begin() as s:
        obj = s.get(Handover, h)
        with db.begin() as other:
            other.get(Handover, h).witness = "先保存的人"
        obj.witness = "后保存的人"
        s.flush()
    with db.read() as s:
        assert s.get(Handover, h).witness == "先保存的人"


# --- audit -----------------------------------------------------------------

def test_every_change_leaves_an_audit_row_with_the_user(db):
    h = make_handover(db)
    with db.begin() as s:
        s.get(Handover, h).witness = "业主委员会"
    with db.begin() as s:
        p = Project(code="T2", name="删除用")
        s.add(p)
    with db.begin() as s:
        s.delete(s.scalar(select(Project).where(Project.code == "T2")))
    with db.read() as s:
        rows = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    assert {r.username for r in rows} == {"tester"}
    actions = [(r.action, r.table_name) for r in rows]
    assert ("insert", "projects") in actions and ("insert", "handovers") in actions
    assert ("update", "handovers") in actions and ("delete", "projects") in actions
    upd = next(r for r in rows if r.action == "update")
    assert json.loads(upd.before)["witness"] == "" and json.loads(upd.after)["witness"] == "业主委员会"
    assert upd.record_id == h


def test_audit_keeps_personal_data_masked_while_the_owner_keeps_it(db):
    """PIPL minimisation: the append-only log is kept forever, so it holds phones and ID numbers
    masked (issue 10 point 8); flushes and bulk statements alike."""
    make_handover(db)
    mobile, id_number = "13800138000", "110101199003074258"
    with db.begin() as s:
        owner = Owner(project_id=s.scalar(select(Project.id)), name="王芳", mobile=mobile, id_number=id_number)
        s.add(owner)
        s.flush()
        owner_id = owner.id
    with db.begin() as s:
        s.get(Owner, owner_id).mobile = "13911112222"
    with db.begin() as s:
        s.execute(update(Owner).where(Owner.id == owner_id).values(mobile=mobile))
    with db.begin() as s:
        s.execute(update(LedgerLine).values(contact="x"))  # nothing to change: no rows
    with db.read() as s:
        assert (s.get(Owner, owner_id).mobile, s.get(Owner, owner_id).id_number) == (mobile, id_number)
        logged = " ".join(f"{r.before} {r.after}" for r in s.scalars(
            select(AuditLog).where(AuditLog.table_name == "owners")))
    for full in (mobile, id_number, "13911112222"):
        assert full not in logged
    assert "138****8000" in logged and "1101**********4258" in logged and "139****2222" in logged


def test_nothing_is_written_without_a_user(db):
    db.user = None
    with pytest.raises(AuthError, match="未登录"), db.begin() as s:
        s.add(Project(code="T9", name="无人"))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 0


def test_audit_row_rolls_back_with_the_change(db):
    make_handover(db)
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditLog))
    with pytest.raises(RuntimeError), db.begin() as s:
        s.add(Project(code="T3", name="回滚"))
        s.flush()
        raise RuntimeError("clerk's action failed half way")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == before
        assert s.scalar(select(Project).where(Project.code == "T3")) is None


def test_password_hash_never_reaches_the_audit_log(db):
    from models.people import Role
    from models.services import auth
    auth.create_user(db, "clerk1", "文员一", "secret-pass", Role.CLERK)
    with db.read() as s:
        after = s.scalar(select(AuditLog.after).where(AuditLog.table_name == "users"))
    assert "password_hash" not in after and "secret-pass" not in after


# --- foreign keys ----------------------------------------------------------

def test_foreign_keys_hold(db):
    with pytest.raises(DomainError, match="引用"), db.begin() as s:
        s.add(Handover(project_id=9999, kind=HandoverKind.TAKEOVER, from_company="a",
                       to_company="b", cutoff_date=dt.date(2026, 6, 30)))
    h = make_handover(db)
    with pytest.raises(DomainError), db.begin() as s:
        s.execute(text("DELETE FROM projects"))
    with db.read() as s:
        assert s.get(Handover, h) is not None


def test_unique_unit_number_per_project(db):
    make_handover(db)
    with pytest.raises(DomainError, match="重复"), db.begin() as s:
        p_id = s.scalar(select(Project.id))
        s.add_all([Unit(project_id=p_id, number="1-101"), Unit(project_id=p_id, number="1-101")])


@pytest.mark.parametrize("length", [41, 5000])
def test_text_longer_than_its_column_is_a_field_message_on_both_backends(db, length):
    """SQLite would store 5,000 characters in VARCHAR(40); PostgreSQL would raise a DataError."""
    h = make_handover(db)
    with pytest.raises(DomainError, match="「移交方代表」最多 40 个字"), db.begin() as s:
        s.get(Handover, h).from_rep = "王" * length
    with pytest.raises(DomainError, match="「项目名称」最多 100 个字"), db.begin() as s:
        s.add(Project(code="T5", name="长" * (length + 100)))
    with db.read() as s:
        assert s.get(Handover, h).from_rep == ""
        assert s.scalar(select(func.count()).select_from(Project)) == 1
