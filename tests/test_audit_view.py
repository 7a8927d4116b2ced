"""The audit log viewer's query and its Excel export, on both backends: filters by user, table and
dates in SQL, pages, the change in words, and administrators only."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from models import audit_view
from models.audit import AuditLog
from models.audit_view import ALL_SCOPE, AUDIT
from models.db import Database, UserRef
from models.errors import AuthError
from models.people import Role
from models.services import auth, users
from reports.excel.audit_export import export_audit

DAY = dt.datetime(2026, 7, 1, 9, 0)


def add_rows(db: Database, rows: list[dict]) -> None:
    with db.begin() as s:
        s.execute(insert(AuditLog.__table__), rows)


@pytest.fixture
def log(db: Database) -> Database:
    """Real rows from account actions, and 30 clerk's rows over three days (10 a day) on units."""
    auth.create_first_admin(db, "admin", "管理员", "secret-a")
    auth.login(db, "admin", "secret-a")
    wang = users.add_account(db, "wang", "王文员", "secret-w", Role.CLERK, must_change_password=False)
    users.change_role(db, wang.id, wang.version, Role.SUPERVISOR)
    add_rows(db, [{"at": DAY + dt.timedelta(days=d, minutes=i), "user_id": wang.id, "username": "wang",
                   "action": "update", "table_name": "units", "record_id": 100 + i,
                   "before": '{"occupancy": "空置", "version": 1}', "after": '{"occupancy": "已入住", "version": 2}',
                   "note": ""} for d in range(3) for i in range(10)])
    return db


def fetch(db: Database, **filters) -> list[tuple]:
    with db.read() as s:
        return AUDIT.fetch(s, ALL_SCOPE, filters.pop("text", ""), filters=filters, limit=1000)


def count(db: Database, **filters) -> int:
    with db.read() as s:
        return AUDIT.count(s, ALL_SCOPE, filters.pop("text", ""), filters=filters)


def test_filters_by_user_table_and_dates(log):
    everything = fetch(log)
    assert len(everything) == count(log) > 30
    assert everything[0][0] >= everything[-1][0]  # newest first
    wang = fetch(log, username="wang")
    assert len(wang) == count(log, username="wang") == 30 and {r[1] for r in wang} == {"wang"}
    assert {r[3] for r in fetch(log, table="units")} == {"房屋"}
    user_rows = fetch(log, table="users")
    assert {r[3] for r in user_rows} == {"用户"} and {r[1] for r in user_rows} == {"admin"}
    assert count(log, username="wang", **{"from": dt.date(2026, 7, 2), "to": dt.date(2026, 7, 2)}) == 10
    assert count(log, username="wang", **{"from": dt.date(2026, 7, 2)}) == 20
    assert count(log, username="wang", **{"to": dt.date(2026, 7, 1)}) == 10
    assert count(log, username="wang", text="107") == 0  # text looks in the change, not the record number


def test_each_row_says_its_change_in_chinese(log):
    [role_change] = [r for r in fetch(log, table="users") if r[2] == "修改"]
    assert role_change[5] == "角色：文员 → 主管"
    unit = fetch(log, username="wang")[0]
    assert (unit[2], unit[3], unit[5]) == ("修改", "房屋", "入住状态：空置 → 已入住")
    login = [r for r in fetch(log, table="users") if r[2] == "登录"]
    assert login and login[0][5] == "登录"
    inserted = [r for r in fetch(log, table="users") if r[2] == "新增" and r[4] is not None]
    assert any("用户名=wang" in r[5] and "角色=文员" in r[5] for r in inserted)


def test_pages_are_stable(log):
    with log.read() as s:
        pages = [AUDIT.fetch(s, ALL_SCOPE, filters={"username": "wang"}, offset=o, limit=7) for o in range(0, 35, 7)]
    ids = [r[-1] for page in pages for r in page]
    assert len(ids) == len(set(ids)) == 30


def test_export_writes_what_the_filters_show(log, tmp_path):
    out = tmp_path / "日志.xlsx"
    seen: list[tuple[int, int]] = []
    filters = {"username": "wang", "from": dt.date(2026, 7, 2), "to": dt.date(2026, 7, 3)}
    assert export_audit(log, out, filters=filters, progress=lambda d, t: seen.append((d, t)) or True) == 20
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert ws.title == "操作日志"
    assert rows[0] == ("时间", "用户", "操作", "数据表", "记录号", "内容")
    assert len(rows) == 21 and {r[1] for r in rows[1:]} == {"wang"}
    assert rows[1][0] == DAY + dt.timedelta(days=2, minutes=9) and isinstance(rows[1][4], int)
    assert rows[1][2:] == ("修改", "房屋", 109, "入住状态：空置 → 已入住")
    assert seen[-1] == (20, 20)


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_only_an_administrator_reads_the_log(log, role, tmp_path):
    log.user = UserRef(None, "x", "非管理员", role)
    with pytest.raises(AuthError, match="仅管理员可以查看操作日志"):
        fetch(log)
    with pytest.raises(AuthError, match="仅管理员可以查看操作日志"):
        count(log)
    with pytest.raises(AuthError):
        audit_view.choices(log)
    with pytest.raises(AuthError):
        export_audit(log, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_choices_name_every_user_and_table(log):
    choices = audit_view.choices(log)
    assert choices.users == (("admin", "管理员（admin）"), ("wang", "王文员（wang）"))
    assert ("users", "用户") in choices.tables and ("key_events", "钥匙记录") in choices.tables
    assert "audit_log" not in dict(choices.tables)
