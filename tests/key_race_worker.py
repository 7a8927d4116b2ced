"""A desk in its own process, lending a key at the same instant as the others (tests/test_key_race.py)."""
from __future__ import annotations

from typing import Any

from models.db import Database, UserRef
from models.errors import DomainError


def lend_at_once(url: str, key_id: int, desk: int, barrier: Any, approval: dict[str, str]) -> str:
    db = Database(url, user=UserRef(None, f"desk{desk}", f"前台{desk}", "clerk"))
    try:
        from models.services import key_custody as kc

        db.engine.connect().close()  # connect before the barrier: the race is about the lend itself
        barrier.wait(timeout=30)
        # 延期原因 too: after closing time the default due is tomorrow, which asks for one.
        kc.lend(db, key_id, borrower=f"借用人{desk}", department="工程部", reason="维修",
                extension_reason="夜间检修", **approval)
        return "ok"
    except DomainError as exc:
        return "refused:" + type(exc).__name__
    finally:
        db.dispose()
