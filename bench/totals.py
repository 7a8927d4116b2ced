"""The large demo's figures to the fen, so that speed work can be shown to change none of them.

Issue 16 made reconcile, results and the exports faster by changing how they compute (sums in whole fen,
Core rows instead of ORM objects, kept results). This script builds a demo of its own (a scratch SQLite
file, or a scratch PostgreSQL schema dropped afterwards), then, as a clerk would:

1. reconciles it (the first run, writing every difference) and computes the results;
2. decides: every 仅原物业 difference 以原物业为准 and every 收费标准不符 one 不计入 (two bulk
   decisions), the first 金额不符 one 协商调整 and the second 以我方为准; re-runs the reconciliation
   (which keeps what was decided) and computes the results again;

and prints a fingerprint of what came out: each report's counts, each results' totals and settlement
lines, and a SHA-256 of every line of every results table and of every difference, in the order the app
gives them (figures as text, so 1.10 and 1.1 differ). `tests/data/large_demo_totals.json` holds the
fingerprint the code before issue 16's speed work gave (commit f974cdb, run with this file and
`common.ledger_handover` copied into that checkout); tests/test_large_demo_totals.py builds the large demo
with today's code and compares.

    python bench/totals.py [--size small|large] [--backend sqlite|postgresql|both] [--write FILE]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import hashlib
import json
import sys
import tempfile
import uuid
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

if TYPE_CHECKING:
    from models.db import Database

NOTE = "基准核对：演示数据"
# Row fields that are not figures: ids and versions depend on the order rows were written, decision
# times on the clock.
NOT_FIGURES = {"id", "version", "unit_id", "fee_item_id", "decided_at", "decided_by"}
TOTALS = ("arrears_total", "prepaid_total", "deposits_total", "deposits_refunded", "for_others_total",
          "for_others_owed", "meters_total", "billed_total", "paid_total")
COUNTS = ("differences_total", "differences_open", "lines_theirs", "lines_ours")
TABLES = ("arrears", "prepayments", "deposits", "for_others", "rates", "meters")
REPORT = ("matched", "by_tariff", "differs", "tariff", "only_theirs", "only_ours", "kept", "open")


def _text(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return "" if value is None else str(value)  # Decimal as stored: its scale shows


def _digest(rows: Iterable[Any]) -> dict[str, Any]:
    """The count of rows and a SHA-256 of their figures, in order."""
    sha = hashlib.sha256()
    count = 0
    for row in rows:
        figures = [_text(getattr(row, f.name)) for f in dataclasses.fields(row) if f.name not in NOT_FIGURES]
        sha.update(("\x1f".join(figures) + "\x1e").encode())
        count += 1
    return {"rows": count, "sha256": sha.hexdigest()}


def results_print(results: Any) -> dict[str, Any]:
    out: dict[str, Any] = {name: _text(getattr(results, name)) for name in TOTALS}
    out.update({name: getattr(results, name) for name in COUNTS})
    out["settlement"] = [[item.label, item.direction, _text(item.amount), item.note]
                         for item in results.live_settlement]
    out.update({name: _digest(getattr(results, name)) for name in TABLES})
    return out


def report_print(report: Any) -> dict[str, int]:
    return {name: int(getattr(report, name)) for name in REPORT}


def fingerprint(db: Database, handover_id: int) -> dict[str, Any]:
    """Reconcile, results, decisions, re-run, results again and the differences (see the module)."""
    from models.fees import Decision, DiffKind
    from models.services.fee_results import fee_results
    from models.services.reconcile import decide, decide_many, iter_differences, reconcile

    out: dict[str, Any] = {"reconcile": report_print(reconcile(db, handover_id))}
    out["results"] = results_print(fee_results(db, handover_id))
    out["bulk theirs"] = decide_many(db, handover_id, Decision.THEIRS, NOTE, kind=DiffKind.ONLY_THEIRS)
    out["bulk exclude"] = decide_many(db, handover_id, Decision.EXCLUDE, NOTE, kind=DiffKind.TARIFF)
    first, second = _first_two(iter_differences(db, handover_id, kind=DiffKind.DIFFERS))
    decide(db, first.id, first.version, Decision.ADJUST, NOTE, adjusted_billed=first.their_billed,
           adjusted_paid=first.our_paid)
    decide(db, second.id, second.version, Decision.OURS, NOTE)
    out["reconcile again"] = report_print(reconcile(db, handover_id))
    out["results decided"] = results_print(fee_results(db, handover_id))
    out["differences"] = _digest(iter_differences(db, handover_id))
    return out


def _first_two(rows: Generator[Any, None, None]) -> tuple[Any, Any]:
    first, second = next(rows), next(rows)
    rows.close()  # its session ends here
    return first, second


@contextmanager
def scratch_demo(size: str, backend: str) -> Iterator[Database]:
    """A demo of this size built for this run only, as the first admin of it."""
    from sqlalchemy import create_engine, text

    from models.db import Database
    from models.demo import build_demo
    from models.migrate import upgrade
    from models.services import auth

    with tempfile.TemporaryDirectory(prefix="handoverdesk-totals-") as folder:
        schema = f"hd_totals_{uuid.uuid4().hex[:12]}"
        admin = create_engine(common.PG_URL, isolation_level="AUTOCOMMIT") if backend == "postgresql" else None
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"sqlite:///{Path(folder) / 'demo.sqlite'}" if admin is None else common.pg_url(schema)
        db = Database(url, user=common.BENCH_USER)
        try:
            upgrade(db.engine)
            build_demo(db, size=size)
            auth.act_as_system(db)
            yield db
        finally:
            db.dispose()
            if admin is not None:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()


def demo_fingerprint(size: str, backend: str) -> dict[str, Any]:
    with scratch_demo(size, backend) as db:
        return fingerprint(db, common.ledger_handover(db))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--size", choices=("small", "large"), default="large")
    p.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument("--write", type=Path, help="merge the fingerprints into this JSON file, keyed size/backend")
    args = p.parse_args(argv)
    prints = {f"{args.size}/{b}": demo_fingerprint(args.size, b) for b in common.backends(args.backend)}
    print(json.dumps(prints, ensure_ascii=False, indent=1))
    if args.write:
        kept = json.loads(args.write.read_text("utf-8")) if args.write.exists() else {}
        kept.update(prints)
        args.write.write_text(json.dumps(kept, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
