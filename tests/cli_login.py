"""Signing the command line in, as scripts do: a real user, then HANDOVERDESK_USER / HANDOVERDESK_PASSWORD."""
from __future__ import annotations

import io

import pytest

from models.db import Database
from models.people import Role
from models.services import auth
from models.services.auth import UserRow


def cli_user(db: Database, monkeypatch: pytest.MonkeyPatch, username: str = "admin", role: Role = Role.ADMIN,
             password: str = "secret-1") -> UserRow:
    """Create `username` (db.user must be an admin, as the test fixtures' is) and sign main.main in as them."""
    row = auth.create_user(db, username, username, password, role)
    signed_in_as(monkeypatch, username, password)
    return row


def signed_in_as(monkeypatch: pytest.MonkeyPatch, username: str, password: str) -> None:
    monkeypatch.setenv("HANDOVERDESK_USER", username)
    monkeypatch.setenv("HANDOVERDESK_PASSWORD", password)


def signed_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """No credentials anywhere, and no terminal to ask on: a command that needs them must say so."""
    for name in ("HANDOVERDESK_USER", "HANDOVERDESK_PASSWORD", "HANDOVERDESK_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal: isatty() is False


class Terminal(io.StringIO):
    """stdin as a terminal: main.py may then ask for a password (with getpass, patched by the test)."""

    def isatty(self) -> bool:
        return True
