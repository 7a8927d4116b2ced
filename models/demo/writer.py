"""Chunked Core inserts for the demo, with explicit ids, progress and cancelling."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from ..errors import Cancelled
from ..services.bulk import insert_rows

Progress = Callable[[int, int, str], bool]
Row = dict[str, Any]


class DemoCancelled(Cancelled):
    """The user pressed cancel; the transaction rolls back, nothing is left behind."""

    def __init__(self) -> None:
        super().__init__("已取消生成演示数据，数据库未改变。")


def chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


class Writer:
    """Writes lazily generated rows in chunks; counts rows per table and reports progress.

    Core inserts bypass the ORM audit hook on purpose: generating a demo is not a
    clerk's action; build_demo writes one summary audit row instead.
    """

    def __init__(self, session: Session, chunk: int, total: int, progress: Progress | None) -> None:
        self.session = session
        self.chunk = chunk
        self.total = total
        self.done = 0
        self.progress = progress
        self.counts: Counter[str] = Counter()
        self.explicit_ids: set[str] = set()

    def next_id(self, table: Table) -> int:
        """First free id: rows get explicit ids so children can point at them without a query."""
        self.explicit_ids.add(table.name)
        return int(self.session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1

    def insert(self, table: Table, rows: Iterable[Row], what: str) -> int:
        before = self.counts[table.name]
        for batch in chunks(rows, self.chunk):
            self._write(table, batch, what)
        return self.counts[table.name] - before

    def insert_with_children(self, parent: Table, child: Table,
                             pairs: Iterable[tuple[Row, list[Row]]], what: str) -> None:
        """Parents and their children generated together; parents are written first (foreign keys)."""
        parents: list[Row] = []
        children: list[Row] = []
        for row, kids in pairs:
            parents.append(row)
            children.extend(kids)
            if len(parents) >= self.chunk or len(children) >= self.chunk:
                self._flush_pair(parent, child, parents, children, what)
                parents, children = [], []
        self._flush_pair(parent, child, parents, children, what)

    def _flush_pair(self, parent: Table, child: Table, parents: list[Row], children: list[Row],
                    what: str) -> None:
        if parents:
            self._write(parent, parents, what)
        if children:
            self._write(child, children, what)

    def _write(self, table: Table, batch: list[Row], what: str) -> None:
        insert_rows(self.session.connection(), table, batch)
        self.counts[table.name] += len(batch)
        self.done += len(batch)
        self.tick(what)

    def tick(self, what: str) -> None:
        self.total = max(self.total, self.done)
        if self.progress is not None and self.progress(self.done, self.total, what) is False:
            raise DemoCancelled()

    def fix_sequences(self) -> None:
        """PostgreSQL does not move a serial's sequence for explicit ids: move it past them."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for name in sorted(self.explicit_ids):
            self.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)"))
