"""Key custody through its services on SQLite and PostgreSQL: the rules, overdue keys, the audit log."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from models.audit import AuditLog
from models.errors import DomainError, ValidationError
from models.keys import KeyEvent, LendReason
from models.keys import KeyStatus as K
from models.queries import key_forms
from models.rules.key_rules import check_lending
from models.services import key_custody as kc
from models.services import projects
from tests.key_accounts import approval, supervisor
from tests.sample_data import unit_with_owner

T0 = dt.datetime(2026, 7, 1, 9, 0)


@pytest.fixture
def setup(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    ids = unit_with_owner(db, p.id)
    key = kc.receive_key(db, p.id, tag=" k-01-01-0101-a ", unit_id=ids[0], cabinet="G01", slot="01", at=T0)
    supervisor(db)
    return p, key, ids


def lend(db, key_id, at=T0, **kw):
    base = dict(borrower="张师傅", department="工程部", reason="维修", at=at, **approval())
    return kc.lend(db, key_id, **{**base, **kw})


def test_receive_and_find_by_scanned_tag(db, setup):
    p, key, _ = setup
    assert key.tag == "K-01-01-0101-A" and key.status is K.IN_STORE
    assert kc.find_by_tag(db, p.id, "k-01-01-0101-a\n").id == key.id
    with pytest.raises(ValidationError, match="已存在"):
        kc.receive_key(db, p.id, tag="K-01-01-0101-A", opens="x")


def test_lend_and_return_with_default_due_at_closing_time(db, setup):
    _, key, _ = setup
    out = lend(db, key.id)
    assert out.status is K.LENT
    with db.read() as s:
        due = s.scalars(select(KeyEvent.due_at).where(KeyEvent.kind == "借出")).one()
    assert due == dt.datetime(2026, 7, 1, 18, 0)
    assert kc.return_key(db, key.id, returned_by="张师傅", at=T0 + dt.timedelta(hours=2)).status is K.IN_STORE


@pytest.mark.parametrize("kw, message", [
    ({"approver": ""}, "批准主管"), ({"password": ""}, "批准主管"), ({"reason": "私用"}, "借用事由"),
    ({"reason": "其他"}, "具体事由"), ({"borrower": " "}, "借用人"),
])
def test_lending_rules_name_what_is_missing(db, setup, kw, message):
    _, key, _ = setup
    with pytest.raises(DomainError, match=message):
        lend(db, key.id, **kw)
    assert kc.find_by_tag(db, setup[0].id, key.tag).status is K.IN_STORE


def _stored_reasons(db) -> list[tuple[str, LendReason]]:
    """Each event's reason as the column holds it (raw SQL) and as the model reads it, oldest first."""
    with db.read() as s:
        raw = s.execute(text("SELECT reason FROM key_events ORDER BY id")).scalars().all()
        read = s.scalars(select(KeyEvent.reason).order_by(KeyEvent.id)).all()
    return list(zip(raw, read, strict=True))


def test_lend_takes_the_chinese_word_the_code_or_the_english_and_stores_the_code(db, setup):
    _, key, _ = setup
    for i, given in enumerate((" 维修 ", "repair", "Repair", LendReason.REPAIR)):
        at = T0 + dt.timedelta(hours=2 * i)
        lend(db, key.id, at=at, reason=given)
        kc.return_key(db, key.id, returned_by="张师傅", at=at + dt.timedelta(hours=1))
    # receive, then 4 × (lend, return): only the lends have a reason, stored as its code
    assert _stored_reasons(db) == [("", LendReason.UNSET)] + [("repair", LendReason.REPAIR),
                                                              ("", LendReason.UNSET)] * 4
    assert [loan.lent.reason_words for loan in key_forms.loans(db, setup[0].id, T0.date(), T0.date())] == \
        ["维修"] * 4


def test_an_unknown_reason_is_refused_naming_the_choices(db, setup):
    _, key, _ = setup
    for bad in ("私用", "", "inspect_all"):
        with pytest.raises(ValidationError, match="「借用事由」应为：检查、清洁、维修、其他。"):
            lend(db, key.id, reason=bad)
    assert _stored_reasons(db) == [("", LendReason.UNSET)]


@pytest.mark.parametrize("other", ["其他", "other", "Other", LendReason.OTHER])
def test_other_needs_the_reason_in_words_whichever_way_it_is_given(other):
    with pytest.raises(ValidationError, match="借用事由为“其他”时须写明具体事由"):
        check_lending(other, " ")
    assert check_lending(other, "业主委托开门验房") is LendReason.OTHER
    assert check_lending("Cleaning", "") is LendReason.CLEAN


def test_a_loan_written_before_the_codes_reads_its_chinese_word(db, setup):
    """An event an older version wrote holds 检查 itself (key_events is append-only: never migrated by hand)."""
    p, key, _ = setup
    with db.begin() as s:
        s.execute(text("INSERT INTO key_events (key_id, kind, at, by, person, department, reason, reason_text, "
                       "approved_by, seal_no, condition, note) VALUES (:key, 'lend', :at, '测试员', '张师傅', "
                       "'工程部', '检查', '查看水管', '刘敏', '', '', '')"),
                  {"key": key.id, "at": T0 + dt.timedelta(hours=1)})
    lent = key_forms.key_history(db, key.id)[-1]
    assert lent.reason is LendReason.INSPECT and lent.reason_words == "检查：查看水管"
    assert "事由：检查：查看水管" in lent.details


def test_a_lent_key_cannot_be_lent_again(db, setup):
    _, key, _ = setup
    lend(db, key.id)
    with pytest.raises(DomainError, match="不能“借出”"):
        lend(db, key.id, borrower="王阿姨", department="保洁部", reason="清洁")


def test_issue_only_to_the_owner_of_that_unit(db, setup):
    _, key, (_, owner, stranger) = setup
    with pytest.raises(DomainError, match="不是这套房屋的业主"):
        kc.issue_to_owner(db, key.id, owner_id=stranger)
    assert kc.issue_to_owner(db, key.id, owner_id=owner).status is K.ISSUED


def test_nothing_happens_to_a_retired_key(db, setup):
    _, key, _ = setup
    kc.retire(db, key.id)
    for attempt in (lambda: lend(db, key.id), lambda: kc.seal(db, key.id, seal_no="F-1"),
                    lambda: kc.retire(db, key.id)):
        with pytest.raises(DomainError, match="作废"):
            attempt()


def test_overdue_after_closing_time_until_returned(db, setup):
    p, key, _ = setup
    lend(db, key.id)
    assert kc.overdue_keys(db, p.id, now=dt.datetime(2026, 7, 1, 18, 0)) == []
    late = kc.overdue_keys(db, p.id, now=dt.datetime(2026, 7, 1, 18, 1))
    assert [(t, who) for t, who, _ in late] == [("K-01-01-0101-A", "张师傅")]
    kc.set_closing_time(db, dt.time(17, 30))
    assert kc.closing_time(db) == dt.time(17, 30)
    kc.return_key(db, key.id, returned_by="张师傅", at=dt.datetime(2026, 7, 2, 8, 0))
    assert kc.overdue_keys(db, p.id, now=dt.datetime(2026, 7, 3)) == []


def test_seal_lose_and_every_step_audited(db, setup):
    _, key, _ = setup
    kc.seal(db, key.id, seal_no="FT-0001")
    kc.unseal(db, key.id)
    kc.report_lost(db, key.id, follow_up="已通知业主，安排换锁")
    with db.read() as s:
        rows = [(r.action, r.table_name, r.username) for r in s.scalars(select(AuditLog))]
    assert rows.count(("update", "keys", "tester")) == 3
    assert rows.count(("insert", "key_events", "tester")) == 4  # 接收 封存 启封 遗失


def test_overview_counts_keys_out_past_their_time(db, setup):
    from models.overview import handover_overview
    p, key, _ = setup
    h = projects.add_handover(db, "CHY", "进场接管", "原物业", "本公司", dt.date(2026, 6, 30))
    with db.begin() as s:
        from models.keys import Key
        s.get(Key, key.id).handover_id = h.id
    lend(db, key.id)
    with db.read() as s:
        assert handover_overview(s, h.id, now=dt.datetime(2026, 7, 1, 17, 0)).keys_overdue == 0
        assert handover_overview(s, h.id, now=dt.datetime(2026, 7, 1, 18, 1)).keys_overdue == 1
