"""Projects, handovers and users through the services, on both backends."""
from __future__ import annotations

import datetime as dt

import pytest

from models.errors import AuthError, ValidationError
from models.people import Role
from models.services import auth, projects


def test_project_and_handover_round_trip(db):
    p = projects.add_project(db, "CHY", "翠湖园", "住宅")
    h = projects.add_handover(db, "CHY", "进场接管", "原物业服务有限公司", "本物业公司",
                              dt.date(2026, 6, 30), witness="翠湖园业主委员会")
    assert [x.code for x in projects.list_projects(db)] == ["CHY"]
    rows = projects.list_handovers(db, p.id)
    assert rows[0].id == h.id and rows[0].cutoff_date == dt.date(2026, 6, 30)


def test_bad_kind_names_the_field(db):
    projects.add_project(db, "CHY", "翠湖园")
    with pytest.raises(ValidationError, match="交接类型"):
        projects.add_handover(db, "CHY", "随便", "甲", "乙", dt.date(2026, 1, 1))


def test_password_is_hashed_and_login_checks_it(db):
    auth.create_user(db, "admin", "管理员", "secret-1", Role.ADMIN)
    from sqlalchemy import select

    from models.people import User
    with db.read() as s:
        stored = s.scalar(select(User.password_hash))
    assert "secret-1" not in stored and stored.startswith("scrypt$")
    with pytest.raises(AuthError):
        auth.login(db, "admin", "wrong")
    assert auth.login(db, "admin", "secret-1").username == "admin"
