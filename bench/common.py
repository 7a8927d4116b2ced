"""Shared pieces of the benchmarks of issue 16: the demo database (built once, kept in a cache folder),
the interleaved runner (app operation and raw baseline alternated, medians, ratio) and the printed row.

The cache folder is $HANDOVERDESK_BENCH_DIR, else /tmp/handoverdesk-bench. A demo is keyed by the git
tree hash of models/demo (plus a hash of uncommitted changes there): a changed demo generator is rebuilt,
an unchanged one is reused. The SQLite copy is a file `demo-<size>-<key>.sqlite`; the PostgreSQL copy is
the schema `hd_bench_<size>_<key>` of $HANDOVERDESK_BENCH_PG (default postgresql+psycopg://127.0.0.1:5432/test),
marked complete by a comment on the schema once the build has committed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.db import Database, UserRef  # noqa: E402

PG_URL = os.environ.get("HANDOVERDESK_BENCH_PG", "postgresql+psycopg://127.0.0.1:5432/test")
BENCH_USER = UserRef(None, "bench", "基准测试", "admin")
REPEATS = 3
BACKENDS = ("sqlite", "postgresql")


def cache_dir() -> Path:
    path = Path(os.environ.get("HANDOVERDESK_BENCH_DIR") or "/tmp/handoverdesk-bench")
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_key() -> str:
    """The git tree hash of models/demo, and of its uncommitted changes if any (12 hex digits)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    try:
        tree = git("rev-parse", "HEAD:models/demo").strip()
        dirty = git("status", "--porcelain", "--", "models/demo")
        if dirty:
            tree += git("diff", "HEAD", "--", "models/demo") + dirty
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: hash the files themselves
        tree = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "models" / "demo").glob("*.py")))
    return hashlib.sha1(tree.encode()).hexdigest()[:12]


SCHEMA_PREFIX = "hd_bench"  # the test suite sets its own, so that a run of the suite and a benchmark never meet


def pg_schema(size: str) -> str:
    return f"{SCHEMA_PREFIX}_{size}_{demo_key()}"


def pg_url(schema: str) -> str:
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


def sqlite_path(size: str) -> Path:
    return cache_dir() / f"demo-{size}-{demo_key()}.sqlite"


def db_url(size: str, backend: str) -> str:
    """The URL of the demo of this size on this backend, building it first if the cache has none."""
    ensure_demo(size, backend)
    return f"sqlite:///{sqlite_path(size)}" if backend == "sqlite" else pg_url(pg_schema(size))


def open_db(size: str, backend: str) -> Database:
    """The demo database, brought up to date by the app's migrations, as the bench user."""
    from models.migrate import upgrade

    db = Database(db_url(size, backend), user=BENCH_USER)
    upgrade(db.engine)
    return db


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_demo(size: str, backend: str) -> None:
    if backend == "sqlite":
        _ensure_sqlite(size)
    elif backend == "postgresql":
        _ensure_pg(size)
    else:
        raise ValueError(backend)


def _ensure_sqlite(size: str) -> None:
    from models.demo import build_demo
    from models.migrate import upgrade

    path = sqlite_path(size)
    if path.exists():
        return
    tmp = path.with_name(path.name + f".building-{os.getpid()}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    for old in path.parent.glob(f"demo-{size}-*.sqlite"):  # another demo generator's build
        if ".building-" not in old.name:
            old.unlink(missing_ok=True)
    _log(f"building the {size} demo on SQLite in {path} …")
    started = time.perf_counter()
    db = Database(f"sqlite:///{tmp}", user=BENCH_USER)
    upgrade(db.engine)
    build_demo(db, size=size)
    with db.engine.connect() as conn:  # fold the WAL into the file so that one file can be renamed
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(path)
    _log(f"… {time.perf_counter() - started:.0f} s")


DONE = "handoverdesk bench demo complete"


def _ensure_pg(size: str) -> None:
    from sqlalchemy import create_engine, text

    from models.demo import build_demo
    from models.migrate import upgrade

    schema = pg_schema(size)
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            comment = conn.scalar(text("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace "
                                       "WHERE nspname = :s"), {"s": schema})
            if comment == DONE:
                return
            # older builds of this size (another demo generator) and an interrupted build of this one
            prefix = f"{SCHEMA_PREFIX}_{size}_".replace("_", "\\_")
            stale = conn.scalars(text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :p ESCAPE '\\'"),
                                 {"p": prefix + "%"}).all()
            for s in stale:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{s}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        _log(f"building the {size} demo on PostgreSQL in schema {schema} …")
        started = time.perf_counter()
        db = Database(pg_url(schema), user=BENCH_USER)
        upgrade(db.engine)
        build_demo(db, size=size)
        with db.engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"COMMENT ON SCHEMA \"{schema}\" IS '{DONE}'"))
        _log(f"… {time.perf_counter() - started:.0f} s")
    finally:
        admin.dispose()


# ---------------------------------------------------------------- measuring


@dataclass
class Row:
    """One line of the table: the app's median against the baseline's, and the goal."""

    operation: str
    backend: str
    app: float              # seconds (or kB for memory rows: see unit)
    baseline: float | None  # None: no baseline (an absolute goal only) or one that could not run
    goal: float | None      # the ratio app / baseline to stay under (None: an absolute goal only)
    unit: str = "s"
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)
    limit: float | None = None  # an absolute figure the app must stay under too (in `unit`)

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.app / self.baseline

    @property
    def status(self) -> str:
        ok = True
        if self.goal is not None:
            ok = self.ratio is not None and self.ratio <= self.goal
        if self.limit is not None:
            ok = ok and self.app <= self.limit
        return "PASS" if ok else "MISS"

    def cells(self) -> list[str]:
        def fmt(v: float | None) -> str:
            if v is None:
                return "—"
            if self.unit == "s":
                return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"
            if self.unit == "kB":
                return f"{v / 1024:.0f} MB"
            return f"{v:g} {self.unit}"
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}×"
        goals = ([f"≤ {self.goal:g}×"] if self.goal is not None else []) + \
            ([f"≤ {fmt(self.limit)}"] if self.limit is not None else [])
        goal = " and ".join(goals)
        return [self.operation, self.backend, fmt(self.app), fmt(self.baseline), ratio, goal, self.status]

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "ratio": self.ratio, "status": self.status}, ensure_ascii=False)


HEADER = ["operation", "backend", "app", "baseline", "ratio", "goal", "status"]


def _width(s: str) -> int:  # a CJK character takes two columns in a terminal
    return sum(2 if ord(c) > 0x2E7F else 1 for c in s)


def format_table(rows: Sequence[Row]) -> str:
    table = [HEADER, *(r.cells() for r in rows)]
    widths = [max(_width(line[i]) for line in table) for i in range(len(HEADER))]
    out = []
    for n, line in enumerate(table):
        out.append(" | ".join(c + " " * (w - _width(c)) for c, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)


def print_rows(rows: Sequence[Row], as_json: bool = False) -> None:
    """The rows as a table, and (for bench/run_all.py) one JSON line each after a marker."""
    for r in rows:
        if r.note:
            print(f"  [{r.operation} / {r.backend}] {r.note}")
    print(format_table(rows), flush=True)
    if as_json:
        for r in rows:
            print("@row " + r.to_json(), flush=True)


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def interleaved(app: Callable[[], Any], baseline: Callable[[], Any] | None, repeats: int = REPEATS,
                warmup: bool = True, prepare: Callable[[], Any] | None = None) -> tuple[list[float], list[float]]:
    """App and baseline alternated `repeats` times (after one untimed run of each when `warmup`, so both
    meet the same warm caches); the lists of their times in seconds. `prepare` runs untimed before every
    run of the app (the warm-up's too): it puts back the state the app is measured from."""
    def run_app() -> float:
        if prepare is not None:
            prepare()
        return timed(app)
    if warmup:
        run_app()
        if baseline is not None:
            baseline()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeats):
        a.append(run_app())
        if baseline is not None:
            b.append(timed(baseline))
    return a, b


def measure(operation: str, backend: str, goal: float | None, app: Callable[[], Any],
            baseline: Callable[[], Any] | None, repeats: int = REPEATS, warmup: bool = True,
            note: str = "", limit: float | None = None, prepare: Callable[[], Any] | None = None) -> Row:
    a, b = interleaved(app, baseline, repeats, warmup, prepare)
    return Row(operation, backend, statistics.median(a), statistics.median(b) if b else None, goal,
               note=note, samples={"app": a, "baseline": b}, limit=limit)


def backends(choice: str) -> list[str]:
    return list(BACKENDS) if choice == "both" else [choice]


def parser(description: str, backend: bool = True, default_backend: str = "sqlite") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--size", choices=("small", "large"), default="large")
    if backend:
        p.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default=default_backend)
    p.add_argument("--repeats", type=int, default=REPEATS)
    p.add_argument("--json", action="store_true", help="also print each row as JSON (for bench/run_all.py)")
    return p


@contextmanager
def demo_database(size: str, backend: str) -> Iterator[Database]:
    db = open_db(size, backend)
    try:
        yield db
    finally:
        db.dispose()


def run_main(measure_rows: Callable[[argparse.Namespace], list[Row]], p: argparse.ArgumentParser,
             argv: Sequence[str] | None = None) -> int:
    args = p.parse_args(argv)
    rows = measure_rows(args)
    print_rows(rows, as_json=args.json)
    return 0


def script_main(description: str, measure_one: Callable[[str, str, int], Row | list[Row]],
                argv: Sequence[str] | None = None) -> int:
    """The command line of a script whose rows come from measure_one(size, backend, repeats)."""
    def rows(args: argparse.Namespace) -> list[Row]:
        out: list[Row] = []
        for backend in backends(args.backend):
            got = measure_one(args.size, backend, args.repeats)
            out += got if isinstance(got, list) else [got]
        return out
    return run_main(rows, parser(description), argv)


if __name__ == "__main__":  # build the demos ahead: python bench/common.py large both
    size = sys.argv[1] if len(sys.argv) > 1 else "large"
    for backend in backends(sys.argv[2] if len(sys.argv) > 2 else "both"):
        ensure_demo(size, backend)
        print(db_url(size, backend))


def demo_handover(db: Database) -> int:
    """The demo's handover with a ledger, reconciled once: the one whose lines the fee benchmarks read."""
    handover_id = ledger_handover(db)
    _reconciled_once(db, handover_id)
    return handover_id


def ledger_handover(db: Database) -> int:
    """The demo's handover with the most of the other company's ledger lines (the large demo's 1,200,000)."""
    from sqlalchemy import func, select

    from models.fees import LedgerLine

    with db.read() as s:
        row = s.execute(select(LedgerLine.handover_id).where(LedgerLine.source == "theirs")
                        .group_by(LedgerLine.handover_id).order_by(func.count().desc()).limit(1)).first()
    if row is None:
        raise RuntimeError("the demo has no ledger to reconcile")
    return int(row[0])


def _reconciled_once(db: Database, handover_id: int) -> None:
    """The demo as a clerk would have it before results, exports and prints: reconciled (its differences
    exist). The demo is built unreconciled; the first benchmark to need it reconciles it, once."""
    from sqlalchemy import func, select

    from models.fees import FeeDifference
    from models.services.reconcile import reconcile

    with db.read() as s:
        done = s.scalar(select(func.count()).select_from(FeeDifference)
                        .where(FeeDifference.handover_id == handover_id))
    if not done:
        _log("reconciling the demo once (results, exports and prints read its differences) …")
        reconcile(db, handover_id)


def group_by_ledgers(db: Database, handover_id: int) -> Callable[[], int]:
    """The baseline of the fee rows: both ledgers (theirs and ours) summed by unit, fee item and period
    in one SQL GROUP BY, every group fetched (the periods up to the cut-off, as reconciling reads)."""
    from sqlalchemy import select, text

    from models.handover import Handover

    with db.read() as s:
        cutoff = s.scalar(select(Handover.cutoff_date).where(Handover.id == handover_id))
    sql = text("SELECT source, unit_id, fee_item_id, period_start, period_end, SUM(billed), SUM(paid), COUNT(*) "
               "FROM ledger_lines WHERE handover_id = :h AND period_start <= :cutoff "
               "GROUP BY source, unit_id, fee_item_id, period_start, period_end")

    def run() -> int:
        with db.engine.connect() as conn:
            return len(conn.execute(sql, {"h": handover_id, "cutoff": cutoff}).all())
    return run
