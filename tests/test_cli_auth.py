"""The command line signs in before it changes data (both backends): HANDOVERDESK_USER / HANDOVERDESK_PASSWORD
or a prompt at the terminal; the first administrator of an empty database is the only write before it."""
from __future__ import annotations

import datetime as dt

import pytest
from cli_login import Terminal, cli_user, signed_in_as, signed_out
from sqlalchemy import func, select

import main
from models.audit import AuditLog
from models.db import Database
from models.fees import FeeSummary
from models.people import Role, User
from models.project import Project
from models.services import auth, projects

# Every command that writes, with arguments that would otherwise get as far as the database.
WRITING = {
    "project add": ["project", "add", "--code", "CHY", "--name", "翠湖园"],
    "handover add": ["handover", "add", "--project", "CHY", "--kind", "进场接管", "--from", "甲", "--to", "乙",
                     "--cutoff", "2026-06-30"],
    "import roster": ["import", "roster", "roster.xlsx", "--project", "CHY"],
    "import keys": ["import", "keys", "--list", "1"],
    "import ledger": ["import", "ledger", "ledger.xlsx", "--handover", "1"],
    "fees reconcile": ["fees", "reconcile", "--handover", "1"],
}


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch):
    signed_out(monkeypatch)


def run(db: Database, *argv: str) -> int:
    return main.main([*argv, "--db", db.url])


def count(db: Database, model) -> int:  # noqa: ANN001
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def one_line(capsys) -> str:  # noqa: ANN001
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in captured.err + captured.out
    return err


@pytest.mark.parametrize("argv", WRITING.values(), ids=WRITING.keys())
def test_before_the_first_admin_every_write_says_to_create_them(db, capsys, monkeypatch, argv):
    signed_in_as(monkeypatch, "admin", "secret-1")  # credentials of no one: there is no user yet
    assert run(db, *argv) == 1
    assert "main.py user add" in one_line(capsys)
    assert count(db, AuditLog) == count(db, User) == count(db, Project) == 0


@pytest.mark.parametrize("argv", WRITING.values(), ids=WRITING.keys())
def test_a_write_without_credentials_exits_1_and_writes_nothing(db, capsys, monkeypatch, argv):
    cli_user(db, monkeypatch)
    signed_out(monkeypatch)
    audit = count(db, AuditLog)
    assert run(db, *argv) == 1
    err = one_line(capsys)
    assert "须登录" in err and "HANDOVERDESK_USER" in err
    assert count(db, AuditLog) == audit and count(db, Project) == 0


def test_a_user_without_a_password_and_no_terminal_is_told_at_once(db, capsys, monkeypatch):
    cli_user(db, monkeypatch)
    monkeypatch.delenv("HANDOVERDESK_PASSWORD")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail("asked with no terminal"))
    assert run(db, *WRITING["project add"]) == 1
    assert "HANDOVERDESK_PASSWORD" in one_line(capsys) and count(db, Project) == 0


@pytest.mark.parametrize("username", ["admin", "nobody", "off"])
def test_a_wrong_password_unknown_or_disabled_user_is_refused_alike(db, capsys, monkeypatch, username):
    cli_user(db, monkeypatch)
    auth.create_user(db, "off", "停用", "secret-1", Role.CLERK)
    with db.begin() as s:
        s.scalar(select(User).where(User.username == "off")).active = False
    password = "wrong-pass" if username == "admin" else "secret-1"
    signed_in_as(monkeypatch, username, password)
    audit = count(db, AuditLog)
    assert run(db, *WRITING["project add"]) == 1
    err = one_line(capsys)
    assert "用户名或密码不正确" in err and password not in err
    # A known account's wrong password is counted toward its lockout (one login_failed row); an
    # unknown or disabled name leaves no trace that would tell the two apart.
    with db.read() as s:
        added = s.scalars(select(AuditLog.action).order_by(AuditLog.id).offset(audit)).all()
    assert added == (["login_failed"] if username == "admin" else []) and count(db, Project) == 0


def test_with_the_right_credentials_the_audit_names_the_user(db, capsys, monkeypatch):
    cli_user(db, monkeypatch, "admin")
    clerk = cli_user(db, monkeypatch, "wang", Role.CLERK, "secret-2")  # signed in as the clerk
    before = count(db, AuditLog)
    assert run(db, *WRITING["project add"]) == 0
    assert main.main([*WRITING["handover add"], "--db", db.url, "--user", "wang"]) == 0
    assert "secret-2" not in capsys.readouterr().out
    with db.read() as s:
        rows = s.execute(select(AuditLog.user_id, AuditLog.username, AuditLog.action, AuditLog.table_name)
                         .where(AuditLog.id > before)).all()
    assert {(r.user_id, r.username) for r in rows} == {(clerk.id, "wang")}
    assert {(r.action, r.table_name) for r in rows} >= {("login", "users"), ("insert", "projects"),
                                                        ("insert", "handovers")}


def test_the_first_admin_from_the_command_line_then_no_second_without_signing_in(db, capsys, monkeypatch):
    monkeypatch.setenv("HANDOVERDESK_PASSWORD", "secret-1")
    assert run(db, "user", "add", "admin", "--role", "admin", "--display-name", "管理员") == 0
    assert "admin" in capsys.readouterr().out
    with db.read() as s:
        admin = s.scalar(select(User))
        audit = s.execute(select(AuditLog.user_id, AuditLog.username)).all()
    assert (admin.username, admin.display_name, admin.role) == ("admin", "管理员", Role.ADMIN)
    assert [tuple(a) for a in audit] == [(admin.id, "admin")]
    assert auth.login(db, "admin", "secret-1").username == "admin"

    # HANDOVERDESK_PASSWORD alone is no longer enough: there is a user, so an administrator signs in.
    assert run(db, "user", "add", "x", "--role", "admin") == 1
    assert "管理员" in one_line(capsys)
    monkeypatch.delenv("HANDOVERDESK_PASSWORD")
    assert run(db, "user", "add", "x", "--role", "admin") == 1
    one_line(capsys)
    assert [u.username for u in auth.list_users(db)] == ["admin"]


def test_the_first_user_must_be_an_admin(db, capsys, monkeypatch):
    monkeypatch.setenv("HANDOVERDESK_PASSWORD", "secret-1")
    assert run(db, "user", "add", "wang", "--role", "clerk") == 1
    assert "--role admin" in one_line(capsys) and count(db, User) == 0


def test_an_admin_adds_a_clerk_and_a_clerk_adds_no_one(db, capsys, monkeypatch):
    admin = cli_user(db, monkeypatch)
    assert run(db, "user", "add", "wang", "--role", "clerk") == 1  # the new user's password is missing
    assert "HANDOVERDESK_NEW_PASSWORD" in one_line(capsys)
    monkeypatch.setenv("HANDOVERDESK_NEW_PASSWORD", "secret-2")
    assert run(db, "user", "add", "wang", "--role", "clerk", "--display-name", "王文员") == 0
    with db.read() as s:
        wang = s.scalar(select(User).where(User.username == "wang"))
        inserted = s.execute(select(AuditLog.user_id, AuditLog.username).where(
            AuditLog.table_name == "users", AuditLog.action == "insert", AuditLog.record_id == wang.id)).all()
    assert (wang.display_name, wang.role) == ("王文员", Role.CLERK)
    assert [tuple(r) for r in inserted] == [(admin.id, "admin")]

    signed_in_as(monkeypatch, "wang", "secret-2")
    assert run(db, "user", "add", "boss", "--role", "admin") == 1
    assert "管理员权限" in one_line(capsys)
    assert sorted(u.username for u in auth.list_users(db)) == ["admin", "wang"]


class Prompts:
    """getpass.getpass at a terminal: answers in turn and remembers what it asked."""

    def __init__(self, *answers: str) -> None:
        self.answers, self.asked = list(answers), []

    def __call__(self, prompt: str = "Password: ") -> str:
        self.asked.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)


def test_at_a_terminal_the_passwords_are_asked_for(db, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal())
    prompts = Prompts("secret-1", "secret-x")
    monkeypatch.setattr("getpass.getpass", prompts)
    assert run(db, "user", "add", "admin", "--role", "admin") == 1  # typed twice, differently
    assert "不一致" in one_line(capsys) and count(db, User) == 0

    prompts = Prompts("secret-1", "secret-1")
    monkeypatch.setattr("getpass.getpass", prompts)
    assert run(db, "user", "add", "admin", "--role", "admin") == 0
    assert len(prompts.asked) == 2

    prompts = Prompts("secret-1")
    monkeypatch.setattr("getpass.getpass", prompts)
    assert main.main([*WRITING["project add"], "--db", db.url, "--user", "admin"]) == 0
    assert len(prompts.asked) == 1 and "admin" in prompts.asked[0]
    captured = capsys.readouterr()
    assert "secret-1" not in captured.out + captured.err
    assert [p.code for p in projects.list_projects(db)] == ["CHY"]


def test_ctrl_c_or_end_of_input_at_the_prompt_cancels(db, capsys, monkeypatch):
    cli_user(db, monkeypatch)
    monkeypatch.delenv("HANDOVERDESK_PASSWORD")
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", Prompts())  # end of input at once
    assert run(db, *WRITING["project add"]) == 1
    assert "已取消" in one_line(capsys) and count(db, Project) == 0


def test_reading_runs_signed_out_and_writes_nothing(db, capsys, monkeypatch, tmp_path):
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "甲物业", "乙物业", dt.date(2026, 6, 30))
    audit = count(db, AuditLog)
    assert run(db, "fees", "results", "--handover", str(handover.id)) == 0  # fee_results(remember=False)
    assert run(db, "print", "roster", "--project", "CHY", "--out", str(tmp_path / "r.pdf")) == 0
    assert count(db, AuditLog) == audit and count(db, FeeSummary) == 0


def test_reading_with_a_user_given_checks_the_password(db, capsys, monkeypatch, tmp_path):
    admin = cli_user(db, monkeypatch)
    projects.add_project(db, "CHY", "翠湖园")
    out = str(tmp_path / "r.pdf")
    signed_in_as(monkeypatch, "admin", "wrong-pass")
    assert run(db, "print", "roster", "--project", "CHY", "--out", out) == 1
    assert "用户名或密码不正确" in one_line(capsys)
    signed_in_as(monkeypatch, "admin", "secret-1")
    assert run(db, "print", "roster", "--project", "CHY", "--out", out) == 0
    with db.read() as s:
        last = s.execute(select(AuditLog.user_id, AuditLog.action).order_by(AuditLog.id.desc())).first()
    assert tuple(last) == (admin.id, "login")


def test_demo_needs_no_login_so_it_never_fills_a_database_with_users(db, capsys, monkeypatch):
    cli_user(db, monkeypatch)
    assert run(db, "demo") == 1
    assert "新的数据库" in one_line(capsys)
    assert count(db, Project) == 0 and [u.username for u in auth.list_users(db)] == ["admin"]
