"""Real accounts for the key tests: a supervisor who approves loans with their password, and a clerk."""
from __future__ import annotations

from models.db import Database
from models.people import Role
from models.services import auth
from models.services.auth import UserRow

PASSWORD = "zhuguan-2026"  # the approving supervisor's own login password in these tests


def supervisor(db: Database, username: str = "liumin", name: str = "刘敏", role: Role = Role.SUPERVISOR) -> UserRow:
    """An approving account; db.user must be an admin (TEST_USER is) to create it."""
    return auth.create_user(db, username, name, PASSWORD, role)


def clerk(db: Database, username: str = "wangxw", name: str = "王晓雯") -> UserRow:
    return auth.create_user(db, username, name, PASSWORD, Role.CLERK)


def approval(user: UserRow | None = None, password: str = PASSWORD) -> dict[str, str]:
    """The lend() keywords of a supervisor confirming at the desk."""
    return {"approver": user.username if user else "liumin", "password": password}
