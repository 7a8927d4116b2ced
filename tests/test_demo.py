"""The demo community: counts, determinism and the rules its data must already obey, on both backends."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

import pytest
from sqlalchemy import create_engine, func, select, text

from models.audit import AuditLog
from models.base import DocStatus
from models.db import Database
from models.defect import Defect, DefectStatus, DefectStatusChange
from models.demo import DemoCancelled, build_demo
from models.demo.plan import CUTOFF, REF_NOW
from models.errors import SignedRecordError, ValidationError
from models.fees import FeeItem, LedgerLine, Tariff
from models.handover import Handover, HandoverItem, HandoverList, ItemCondition, ListTemplate
from models.keys import Key, KeyEvent, KeyEventKind, KeyStatus
from models.migrate import upgrade
from models.people import Owner, UnitOwnership
from models.project import Unit
from models.rules.idcard import is_valid_id_number
from models.services import auth, projects
from models.types import round_fen
from tests.conftest import PG_URL, TEST_USER, pg_url, sqlite_database

E = KeyEventKind
STATUS_AFTER = {E.RECEIVE: KeyStatus.IN_STORE, E.SEAL: KeyStatus.SEALED, E.UNSEAL: KeyStatus.IN_STORE,
                E.LEND: KeyStatus.LENT, E.RETURN: KeyStatus.IN_STORE, E.ISSUE: KeyStatus.ISSUED,
                E.LOSE: KeyStatus.LOST, E.HAND_OVER: KeyStatus.HANDED_OVER, E.RETIRE: KeyStatus.RETIRED}


def _pg_database(schema: str) -> Database:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    admin.dispose()
    db = Database(pg_url(schema), user=TEST_USER)
    upgrade(db.engine)
    return db


def _drop_schema(schema: str) -> None:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One small demo per backend, shared by the read-mostly tests of this module (a build takes seconds)."""
    schema = "hd_demo_" + uuid.uuid4().hex[:10]
    db = sqlite_database(tmp_path_factory.mktemp("demo")) if request.param == "sqlite" else _pg_database(schema)
    try:
        summary = build_demo(db, size="small", seed=2026)
        assert "翠湖园" in str(summary) and summary.units == 204
        yield db
    finally:
        db.dispose()
        if request.param == "postgresql":
            _drop_schema(schema)


def count(db: Database, table) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(table))


def digest(db: Database) -> str:
    """A fingerprint of the generated content (not of timestamps or password salts)."""
    queries = [select(Unit.number, Unit.area, Unit.use, Unit.occupancy).order_by(Unit.id),
               select(Owner.name, Owner.mobile, Owner.id_number).order_by(Owner.id),
               select(Defect.number, Defect.description, Defect.status, Defect.found_at).order_by(Defect.id),
               select(Key.tag, Key.status, Key.slot).order_by(Key.id),
               select(LedgerLine.unit_id, LedgerLine.period_start, LedgerLine.billed, LedgerLine.paid)
               .order_by(LedgerLine.id)]
    h = hashlib.sha256()
    with db.read() as s:
        for q in queries:
            for row in s.execute(q):
                h.update(repr(tuple(str(v) for v in row)).encode())
    return h.hexdigest()


def test_counts(demo: Database) -> None:
    assert count(demo, Unit) == 204
    assert 180 <= count(demo, Owner) <= 260
    assert count(demo, UnitOwnership) >= 204
    assert count(demo, Defect) == 300
    assert count(demo, Key) == 700
    assert count(demo, LedgerLine) == 12_000
    assert count(demo, HandoverList) == 9
    assert count(demo, ListTemplate) >= 19
    with demo.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "demo")) == 1
        # Core inserts bypass the per-row audit hook: seeding is not a clerk's edit.
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.table_name == "units")) == 0


def test_same_seed_gives_the_same_community(demo: Database, tmp_path) -> None:
    other = sqlite_database(tmp_path / "again")
    try:
        build_demo(other, size="small", seed=2026)
        assert digest(other) == digest(demo)  # also: the same on SQLite and PostgreSQL
    finally:
        other.dispose()


def test_another_seed_differs(tmp_path) -> None:
    a, b = sqlite_database(tmp_path / "a"), sqlite_database(tmp_path / "b")
    build_demo(a, seed=1)
    build_demo(b, seed=2)
    assert digest(a) != digest(b)
    a.dispose()
    b.dispose()


def test_small_demo_through_the_db_fixture(db: Database) -> None:
    summary = build_demo(db, size="small")
    assert (summary.units, summary.defects, summary.keys, summary.ledger_lines) == (204, 300, 700, 12_000)
    assert count(db, Unit) == 204
    with pytest.raises(ValidationError, match="已有演示项目 CHY"):
        build_demo(db)


def test_cancel_leaves_nothing(db: Database) -> None:
    calls = []

    def progress(done: int, total: int, what: str) -> bool:
        calls.append(what)
        return len(calls) < 5

    with pytest.raises(DemoCancelled):
        build_demo(db, progress=progress)
    assert count(db, Unit) == 0 and count(db, ListTemplate) == 0


def test_ids_stay_usable_after_explicit_ids(demo: Database) -> None:
    # PostgreSQL sequences do not move for explicit ids; build_demo moves them.
    row = projects.add_project(demo, "NEW", "新项目")
    assert row.id > 1


def test_owners_have_valid_id_numbers_and_mobiles(demo: Database) -> None:
    with demo.read() as s:
        owners = s.execute(select(Owner.id_number, Owner.mobile)).all()
    assert all(is_valid_id_number(idn) for idn, _ in owners)
    assert all(re.fullmatch(r"1[3-9]\d{9}", m) for _, m in owners)


def test_unit_numbers_look_real(demo: Database) -> None:
    with demo.read() as s:
        numbers = s.scalars(select(Unit.number)).all()
        areas = s.scalars(select(Unit.area)).all()
    assert "1栋1单元101" in numbers
    assert any(re.fullmatch(r"商铺 S-\d{3}", n) for n in numbers)
    assert any(re.fullmatch(r"车位 B[12]-\d{3}", n) for n in numbers)
    assert all(isinstance(a, Decimal) and a.as_tuple().exponent == -2 and a > 0 for a in areas)


def test_place_words_are_stored_as_codes(demo: Database) -> None:
    """The demo writes members: the columns hold codes, never the Chinese words (migration 0013)."""
    columns = {"projects": ("kind", {"residential"}), "units": ("use", {"residence", "shop", "parking", "storage"}),
               "owners": ("id_kind", {"id_card"}), "unit_ownerships": ("relation", {"owner", "occupant"})}
    with demo.read() as s:
        for table, (column, codes) in columns.items():
            assert set(s.scalars(text(f"SELECT DISTINCT {column} FROM {table}"))) == codes, table
        assert set(s.scalars(text("SELECT DISTINCT occupancy FROM units"))) == {"vacant", "occupied", "renovating"}
        assert set(s.scalars(text("SELECT DISTINCT unit_use FROM tariffs"))) <= {"", *columns["units"][1], "office"}


def test_demo_users_log_in(demo: Database) -> None:
    for name in ("admin", "supervisor", "clerk"):
        assert auth.login(demo, name, "demo1234").username == name


def test_ledger_amounts(demo: Database) -> None:
    with demo.read() as s:
        lines = s.execute(select(LedgerLine.billed, LedgerLine.paid)).all()
        assert all(isinstance(v, Decimal) and v.as_tuple().exponent >= -2 for line in lines for v in line)
        wyf = s.scalar(select(FeeItem.id).where(FeeItem.code == "WYF"))
        monthly = s.execute(select(LedgerLine.billed, Unit.area, LedgerLine.period_start, LedgerLine.period_end,
                                   LedgerLine.remark)
                            .join(Unit, Unit.id == LedgerLine.unit_id)
                            .where(LedgerLine.fee_item_id == wyf, Unit.use == "住宅",
                                   LedgerLine.remark != "面积与原物业台账不一致")).all()
    assert len(monthly) > 1000
    old_area = 0
    for billed, area, start, end, remark in monthly:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        expected = round_fen(area * Decimal("1.80") * months)
        if remark == "按原测绘面积计费":  # 原物业 still bills the old area: 与标准不符 in the reconciliation
            old_area += 1
            expected = round_fen(expected * Decimal("1.03"))
        assert billed == expected
    assert 0 < old_area < len(monthly) // 20


def test_ledger_has_arrears_prepayments_and_deposits(demo: Database) -> None:
    with demo.read() as s:
        def n(*where) -> int:
            return s.scalar(select(func.count()).select_from(LedgerLine).join(FeeItem).where(*where))
        theirs = LedgerLine.source == "theirs"
        assert n(theirs, LedgerLine.period_end <= CUTOFF, LedgerLine.paid < LedgerLine.billed) > 50
        assert n(theirs, LedgerLine.period_start > CUTOFF, LedgerLine.paid > 0) > 0
        assert n(theirs, LedgerLine.period_start <= CUTOFF, LedgerLine.period_end > CUTOFF) > 0  # split by days
        assert n(FeeItem.is_deposit) > 0 and n(FeeItem.collected_for_others) > 0
        assert n(LedgerLine.source == "ours", LedgerLine.period_end <= CUTOFF) > 0  # to reconcile
        assert n(LedgerLine.paid_on > REF_NOW.date()) == 0
        water = s.execute(select(Tariff.rate, Tariff.valid_from).join(FeeItem).where(FeeItem.code == "SF")
                          .order_by(Tariff.valid_from)).all()
    assert [r for r, _ in water] == [Decimal("2.0000"), Decimal("2.8000")] and water[1][1] == dt.date(2026, 7, 1)


def test_keys_agree_with_their_events(demo: Database) -> None:
    with demo.read() as s:
        status = dict(s.execute(select(Key.id, Key.status)).all())
        events = s.execute(select(KeyEvent.key_id, KeyEvent.kind, KeyEvent.at, KeyEvent.due_at, KeyEvent.owner_id)
                           .order_by(KeyEvent.key_id, KeyEvent.at, KeyEvent.id)).all()
        owners_of = defaultdict(set)
        for unit_id, owner_id in s.execute(select(UnitOwnership.unit_id, UnitOwnership.owner_id)):
            owners_of[unit_id].add(owner_id)
        unit_of = dict(s.execute(select(Key.id, Key.unit_id)).all())
    by_key = defaultdict(list)
    for e in events:
        by_key[e.key_id].append(e)
    assert set(by_key) == set(status)
    for key_id, log in by_key.items():
        assert log[0].kind is E.RECEIVE
        assert all(a.at < b.at for a, b in pairwise(log)), key_id
        assert all(e.at < REF_NOW for e in log)
        assert STATUS_AFTER[log[-1].kind] is status[key_id], key_id
        for a, b in pairwise(log):
            if a.kind is E.LEND:
                assert b.kind in (E.RETURN, E.LOSE), "a lent key cannot be lent again"
        for e in log:
            if e.kind is E.ISSUE:
                assert e.owner_id in owners_of[unit_of[key_id]], "issued only to the unit's owner"
    lent_last = [log[-1] for log in by_key.values() if log[-1].kind is E.LEND]
    assert any(e.due_at < REF_NOW for e in lent_last), "some lent keys are overdue"
    assert {KeyStatus.SEALED, KeyStatus.ISSUED, KeyStatus.LOST, KeyStatus.LENT} <= set(status.values())


def test_defect_history_is_consistent(demo: Database) -> None:
    with demo.read() as s:
        defects = s.scalars(select(Defect).order_by(Defect.id)).all()
        changes = defaultdict(list)
        for c in s.scalars(select(DefectStatusChange).order_by(DefectStatusChange.defect_id,
                                                                 DefectStatusChange.at, DefectStatusChange.id)):
            changes[c.defect_id].append(c)
    numbers = [d.number for d in defects]
    assert len(set(numbers)) == len(numbers) and all(re.fullmatch(r"YL-2026-\d{4,}", n) for n in numbers)
    for d in defects:
        log = changes[d.id]
        assert log[0].from_status is None and log[0].to_status is DefectStatus.PENDING_NOTICE
        assert all(a.to_status is b.from_status and a.at <= b.at for a, b in pairwise(log)), d.number
        assert log[-1].to_status is d.status and log[0].at == d.found_at
        failed = sum(1 for c in log if c.from_status is DefectStatus.PENDING_REINSPECTION
                     and c.to_status is DefectStatus.RECTIFYING)
        assert failed == d.failed_reinspections
        notices = [c.at for c in log if c.from_status is DefectStatus.PENDING_NOTICE]
        assert d.notice_at == (notices[0] if notices else None)
        assert (d.closed_at is not None) == (d.status is DefectStatus.CLOSED)
        assert bool(d.report) == (d.status is DefectStatus.UNFIXABLE)
    assert set(DefectStatus) <= {d.status for d in defects}
    assert any(d.notice_at and d.notice_at - d.found_at > dt.timedelta(hours=24) for d in defects)


def test_lists_are_partly_checked_and_one_is_signed(demo: Database) -> None:
    with demo.read() as s:
        lists = s.scalars(select(HandoverList)).all()
        items = s.scalars(select(HandoverItem)).all()
        defect_ids = set(s.scalars(select(Defect.id)))
    signed = [lst for lst in lists if lst.status is DocStatus.SIGNED]
    assert len(signed) == 1 and signed[0].signed_from and signed[0].signed_to and signed[0].signed_at
    conditions = {i.condition for i in items}
    assert set(ItemCondition) <= conditions
    assert any(i.received_qty is not None and i.received_qty < i.expected_qty and i.condition is ItemCondition.GOOD
               for i in items)
    failed = [i for i in items if i.condition in (ItemCondition.MISSING, ItemCondition.DEFECTIVE)]
    assert failed and all(i.defect_id in defect_ids for i in failed)


def test_signed_list_refuses_edits(demo: Database) -> None:
    with demo.read() as s:
        list_id = s.scalar(select(HandoverList.id).where(HandoverList.status == DocStatus.SIGNED))
    with pytest.raises(SignedRecordError), demo.begin() as s:
        s.get(HandoverList, list_id).title = "改过的标题"
    with pytest.raises(SignedRecordError), demo.begin() as s:
        item = s.scalar(select(HandoverItem).where(HandoverItem.list_id == list_id))
        item.received_qty = 0


def test_medium_size_exercises_the_chunks(tmp_path) -> None:
    db = sqlite_database(tmp_path)
    seen = []
    summary = build_demo(db, size="medium", progress=lambda d, t, w: seen.append((d, t)) or True)
    assert (summary.units, summary.defects, summary.keys, summary.ledger_lines) == (1_000, 1_500, 4_000, 60_000)
    assert len(seen) > 40 and seen[-1][0] == seen[-1][1]
    assert all(a[0] <= b[0] for a, b in pairwise(seen))
    db.dispose()


def test_every_settlement_line_has_something_in_the_demo(demo: Database) -> None:
    """The demo shows a clerk every part of a settlement: prepayments, deposits, 代收代缴, meters, arrears."""
    from models.services.fee_results import fee_results
    from models.services.reconcile import reconcile

    auth.login(demo, "admin", "demo1234")  # reconciling writes: as a real, signed-in user
    with demo.read() as s:
        handover_id = s.scalar(select(Handover.id))
    report = reconcile(demo, handover_id)
    assert report.by_tariff > 0 and report.tariff > 0 and report.differs > 0
    assert all(item.amount > 0 for item in fee_results(demo, handover_id).settlement)
