"""Several desks (processes) lend the same key at the same instant, many rounds: never two open loans."""
from __future__ import annotations

import multiprocessing as mp

from sqlalchemy import func, select

from models.keys import KeyEvent
from models.keys import KeyEventKind as E
from models.services import key_custody as kc
from models.services import projects
from tests.key_accounts import approval, supervisor
from tests.key_race_worker import lend_at_once

DESKS, ROUNDS = 4, 6


def open_loans(db, key_id: int) -> int:
    with db.read() as s:
        def count(kind: E) -> int:
            return s.scalar(select(func.count()).where(KeyEvent.key_id == key_id, KeyEvent.kind == kind))
        return count(E.LEND) - count(E.RETURN)


def test_exactly_one_desk_wins_every_round(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    key = kc.receive_key(db, p.id, tag="K-00-00-PDS-A", opens="高低压配电室")
    boss = approval(supervisor(db))  # each desk's loan approved by the supervisor's account and password
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(DESKS) as pool:
        for _ in range(ROUNDS):
            barrier = manager.Barrier(DESKS)
            results = pool.starmap(lend_at_once, [(db.url, key.id, d, barrier, boss) for d in range(DESKS)])
            assert results.count("ok") == 1, results
            assert all(r.startswith("refused:") for r in results if r != "ok")
            assert open_loans(db, key.id) == 1
            kc.return_key(db, key.id, returned_by="借用人")
    assert open_loans(db, key.id) == 0
