"""The fee results the fees tab last computed, kept in memory so the 结果 tab opens without a
recomputation (seconds on a large ledger) while nothing they read has changed.

Whether anything changed is read from the audit log, not guessed from what this window did: every
write the results read from — a row flushed by a session, a bulk UPDATE or DELETE, a ledger import,
a reconciliation, the demo — adds an audit row in its own transaction (models.audit), whichever
desk or process made it. The log is append-only, so the number of its rows grows with every such
commit, even one whose id was drawn before another desk's commit (a PostgreSQL sequence hands out ids
in the order asked, not committed). The stamp is that count, with the last row's id, time and what it
says, for a file restored from a backup (its log may count the same after new changes were made to
it), plus the SQLite file's identity (restoring replaces the file). The few unaudited writes do not
touch what results read: the ledger revision, the overview's summary, a settlement's snapshot
(written with its audited status), photos' and scans' bytes, password hashes.

The stamp is read before the results in the same session, so a commit between the two leaves the
results stamped older than they are: computed again next time, never shown stale.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from ..audit import AuditLog
from ..db import Database
from .fee_rows import FeeResults

Stamp = tuple[Any, ...]
KEEP = 2  # handovers: one results object of a large community holds ~90 MB

_lock = threading.Lock()  # the worker stores, the GUI thread may forget (a restore)
_kept: OrderedDict[tuple[str, int], tuple[Stamp, FeeResults]] = OrderedDict()


def _where(db: Database) -> str:
    return str(make_url(db.url).set(password=None))  # several windows may share one database


def stamp(s: Session, db: Database) -> Stamp:
    """What the database has been through, as far as the results can tell (see the module)."""
    a = AuditLog
    count, last = s.execute(select(func.count(), func.max(a.id)).select_from(a)).one()
    row = s.execute(select(a.at, a.action, a.table_name, a.record_id).where(a.id == last)).first()
    return (_file_identity(db), count, last, *(tuple(row) if row is not None else ()))


def _file_identity(db: Database) -> tuple[int, int] | None:
    if not db.is_sqlite:
        return None
    path = make_url(db.url).database
    if not path or path == ":memory:":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino  # not its times: every commit changes those


def kept(db: Database, handover_id: int, current: Stamp) -> FeeResults | None:
    """The results stored for this handover if the database is still as it was when they were computed."""
    with _lock:
        entry = _kept.get((_where(db), handover_id))
    if entry is None or entry[0] != current:
        return None
    return entry[1]


def keep(db: Database, handover_id: int, at: Stamp, results: FeeResults) -> None:
    key = (_where(db), handover_id)
    with _lock:
        _kept.pop(key, None)
        _kept[key] = (at, results)
        while len(_kept) > KEEP:
            _kept.popitem(last=False)


def forget(db: Database | None = None) -> None:
    """Drop what is kept for this database (all, without one): after a restore, say."""
    with _lock:
        if db is None:
            _kept.clear()
            return
        where = _where(db)
        for key in [k for k in _kept if k[0] == where]:
            del _kept[key]


def kept_or(db: Database, handover_id: int, s: Session,
            compute: Callable[[], FeeResults]) -> tuple[FeeResults, bool]:
    """(results, whether they were computed now): the kept ones when still current."""
    current = stamp(s, db)
    found = kept(db, handover_id, current)
    if found is not None:
        return found, False
    results = compute()
    keep(db, handover_id, current, results)
    return results, True


__all__ = ["forget", "keep", "kept", "kept_or", "stamp"]
