"""One key on a hook, one key under a seal number — on SQLite and PostgreSQL; 数量 read strictly; 发放 only
for a unit's key.

A hook (柜格) is taken by a key in store, sealed or lent (it comes back to it); a key issued, handed
over, lost or retired leaves it free for another key and keeps its old place for its history. A seal
strip is used once in the project. Both are checked inside the writing transaction, so two desks
receiving at the same moment cannot both take one hook.
"""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from models.errors import DomainError, ValidationError
from models.keys import Key, KeyEvent
from models.keys import KeyEventKind as E
from models.keys import KeyStatus as K
from models.people import Owner, UnitOwnership
from models.project import Unit
from models.services import key_custody as kc
from models.services import projects
from models.services.key_intake import NewKey, write_keys
from tests.key_accounts import approval, supervisor

T0 = dt.datetime(2026, 7, 1, 9, 0)
BAD_NUMBERS = ["1o00", "abc", "-5", "1e20", "13800138000", "１２", "", "9" * 2000]


@pytest.fixture
def setup(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    with db.begin() as s:
        unit = Unit(project_id=p.id, number="1栋1单元101")
        owner = Owner(project_id=p.id, name="董艳辉")
        s.add_all([unit, owner])
        s.flush()
        s.add(UnitOwnership(unit_id=unit.id, owner_id=owner.id, relation="业主"))
        ids = unit.id, owner.id
    return p.id, ids


def count_keys(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Key))


def receive(db, project_id, tag, slot="01-16", cabinet="G01", **kw):
    return kc.receive_key(db, project_id, tag=tag, opens="配电室", cabinet=cabinet, slot=slot, at=T0, **kw)


def test_a_taken_hook_is_refused_naming_it_and_the_key_on_it(db, setup):
    project_id, _ = setup
    receive(db, project_id, "K-A")
    with pytest.raises(ValidationError, match="「柜格」G01-01-16 已有钥匙 K-A"):
        receive(db, project_id, "K-B")
    with pytest.raises(ValidationError, match="「柜格」g01-01-16 已有钥匙 K-A"):  # as typed, any case
        receive(db, project_id, "K-B", cabinet="g01")
    assert count_keys(db) == 1
    receive(db, project_id, "K-B", slot="01-17")  # the next hook
    receive(db, project_id, "K-C", cabinet="G02")  # the same hook number in another cabinet
    receive(db, project_id, "K-D", slot="")  # no hook given: nothing to check
    receive(db, project_id, "K-E", slot="")
    assert count_keys(db) == 5


@pytest.mark.parametrize("leave", ["issue", "hand_over", "retire", "lose"])
def test_a_key_that_left_frees_its_hook_and_keeps_its_place(db, setup, leave):
    project_id, (unit_id, owner_id) = setup
    key = receive(db, project_id, "K-01-01-101-A", unit_id=unit_id)
    {"issue": lambda: kc.issue_to_owner(db, key.id, owner_id=owner_id, at=T0),
     "hand_over": lambda: kc.hand_over(db, key.id, to_company="下一家物业", at=T0),
     "retire": lambda: kc.retire(db, key.id, at=T0),
     "lose": lambda: kc.report_lost(db, key.id, follow_up="换锁", at=T0)}[leave]()
    new = receive(db, project_id, "K-01-01-101-B", unit_id=unit_id)
    assert new.place == "G01-01-16" and new.holds_slot
    old = kc.key_by_id(db, key.id)
    assert old.place == "G01-01-16" and not old.holds_slot  # where it hung, for its history


def test_a_lent_or_sealed_key_keeps_its_hook(db, setup):
    project_id, _ = setup
    lent = receive(db, project_id, "K-A")
    kc.lend(db, lent.id, borrower="张师傅", department="工程部", reason="维修", at=T0, **approval(supervisor(db)))
    with pytest.raises(ValidationError, match="已有钥匙 K-A"):
        receive(db, project_id, "K-B")
    sealed = receive(db, project_id, "K-C", slot="01-17")
    kc.seal(db, sealed.id, seal_no="FT-0001", at=T0)
    with pytest.raises(ValidationError, match="「柜格」G01-01-17 已有钥匙 K-C"):
        receive(db, project_id, "K-D", slot="01-17")


def test_bulk_receive_refuses_a_taken_or_repeated_hook_whole(db, setup):
    project_id, _ = setup
    receive(db, project_id, "K-A")

    def intake(*keys: NewKey) -> None:
        with db.begin(immediate=True) as s:
            write_keys(s, "测试员", project_id, None, list(keys), T0)

    with pytest.raises(ValidationError, match="钥匙 K-B：「柜格」G01-01-16 已有钥匙 K-A"):
        intake(NewKey("K-B", None, "水泵房", 1, "G01", "01-16"), NewKey("K-C", None, "岗亭", 1, "G01", "01-20"))
    with pytest.raises(ValidationError, match="钥匙 K-C：「柜格」G01-01-20 已有钥匙 K-B"):
        intake(NewKey("K-B", None, "水泵房", 1, "G01", "01-20"), NewKey("K-C", None, "岗亭", 1, "G01", "01-20"))
    assert count_keys(db) == 1
    intake(NewKey("K-B", None, "水泵房", 1, "G01", "01-20"), NewKey("K-C", None, "岗亭", 1, "G01", ""),
           NewKey("K-D", None, "岗亭", 1, "G01", ""))
    assert count_keys(db) == 4


def test_a_seal_number_is_used_once(db, setup):
    project_id, _ = setup
    a, b = receive(db, project_id, "K-A"), receive(db, project_id, "K-B", slot="01-17")
    kc.seal(db, a.id, seal_no="FT-0001", at=T0)
    with pytest.raises(ValidationError, match="「封条编号」ft-0001 已用于钥匙 K-A"):  # as typed, any case
        kc.seal(db, b.id, seal_no=" ft-0001 ", at=T0)
    assert kc.key_by_id(db, b.id).status is K.IN_STORE
    kc.unseal(db, a.id, at=T0 + dt.timedelta(hours=1))
    with pytest.raises(ValidationError, match="已用于钥匙 K-A"):  # a strip once broken is not used again
        kc.seal(db, a.id, seal_no="FT-0001", at=T0 + dt.timedelta(hours=2))
    kc.seal(db, b.id, seal_no="FT-0002", at=T0)
    with db.read() as s:
        seals = s.execute(select(KeyEvent.key_id, KeyEvent.seal_no).where(KeyEvent.kind == E.SEAL)
                          .order_by(KeyEvent.id)).all()
    assert [tuple(r) for r in seals] == [(a.id, "FT-0001"), (b.id, "FT-0002")]
    other = projects.add_project(db, "XYY", "欣悦园")  # another project keeps its own seal numbers
    c = receive(db, other.id, "K-A")
    kc.seal(db, c.id, seal_no="FT-0001", at=T0)


def test_two_desks_taking_one_hook_at_once_only_one_wins(db, setup):
    """Check and write in one transaction under the write lock: never two keys on a hook."""
    project_id, _ = setup
    def desk(n: int, round_: int, barrier: threading.Barrier, results: list[str]) -> None:
        barrier.wait(timeout=10)
        try:
            receive(db, project_id, f"K-{round_}-{n}", slot=f"02-{round_:02d}")
            results.append("ok")
        except DomainError as exc:
            results.append(str(exc))

    for round_ in range(4):
        barrier, results = threading.Barrier(2), []
        threads = [threading.Thread(target=desk, args=(n, round_, barrier, results)) for n in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert results.count("ok") == 1 and len(results) == 2, results
        assert "「柜格」G01-02-" in next(r for r in results if r != "ok")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Key).where(Key.slot.like("02-%"))) == 4


@pytest.mark.parametrize("text", BAD_NUMBERS, ids=["1o00", "abc", "-5", "1e20", "phone", "fullwidth", "empty",
                                                   "2000-chars"])
def test_a_count_that_is_not_a_whole_number_of_keys_is_refused(db, setup, text):
    project_id, _ = setup
    with pytest.raises(ValidationError, match="「数量」") as refused:
        kc.receive_key(db, project_id, tag="K-A", opens="配电室", count=text)
    assert len(str(refused.value)) < 120  # the message quotes a bad text short
    assert count_keys(db) == 0
    assert kc.receive_key(db, project_id, tag="K-A", opens="配电室", count=" 12 ").count == 12


def test_only_a_units_key_is_offered_to_its_owner(db, setup):
    project_id, (unit_id, owner_id) = setup
    common = kc.receive_key(db, project_id, tag="K-GG-0001-A", opens="北门岗亭")
    flat = kc.receive_key(db, project_id, tag="K-01-01-101-A", unit="1栋1单元101", opens="入户门")
    assert E.ISSUE not in common.allowed and E.ISSUE in flat.allowed
    assert flat.unit_id == unit_id and common.next_step is E.LEND
    with pytest.raises(DomainError, match="只有房屋钥匙"):
        kc.issue_to_owner(db, common.id, owner_id=owner_id)
    with pytest.raises(ValidationError, match="「房号」“9栋9单元909”不是本项目的房屋"):
        kc.receive_key(db, project_id, tag="K-X", unit="9栋9单元909")
