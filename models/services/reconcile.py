"""对账: match the outgoing company's ledger against ours, keep the differences and the clerk's decisions.

Only periods that start on or before the cut-off are matched: those are the outgoing company's
business. Their lines for later periods are prepayments, and ours for later periods are our own
billing; neither has a counterpart to match.

A difference is keyed by unit, fee item and period. Re-running the reconciliation (after a
re-import, say) keeps every difference whose kind and amounts did not change as it is: an open one
stays open (same id), a decided one keeps its decision; one whose amounts changed is replaced by an
open one, since the decision was about other numbers. Only what changed is written, so a re-run on
an unchanged ledger writes nothing but its audit row.

Reconciling compares totals per key only: each side is summed in SQL, grouped by key, and the two
sums are merge-joined here with the stored differences, all three streamed in the same key order.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    String,
    cast,
    delete,
    func,
    select,
    type_coerce,
    update,
)
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from ..audit import record_action
from ..base import now
from ..browse import REMARK_SEPARATOR
from ..db import Database
from ..errors import Cancelled, ValidationError
from ..fees import (
    ALLOWED_DECISIONS,
    Decision,
    DiffKind,
    FeeDifference,
    FeeItem,
    LedgerLine,
)
from ..handover import Handover
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..imports.ledger_check import TariffCheck
from ..rules.numbers import MONEY, check_number
from .bulk import insert_stored, temporal_binders
from .common import get, get_for_save, lock_handover, rows_matched
from .fee_ledger import (
    STREAM_BATCH,
    Ahead,
    MatchKey,
    Names,
    count_lines,
    load_names,
)
from .fee_rows import DifferenceRow
from .ledger_state import reconciled
from .permissions import signed_in_user
from .settlement_state import refuse_if_signed

Progress = Callable[[int, int], object]  # (done, total); returning False cancels
PROGRESS_EVERY = 20_000
WRITE_BATCH = 5_000
FenAmounts = tuple[int | None, int | None, int | None, int | None]


@dataclass(frozen=True)
class ReconcileReport:
    matched: int
    differs: int
    only_theirs: int
    only_ours: int
    kept: int  # differences found again with their decision
    open: int
    seconds: float
    by_tariff: int = 0  # of `matched`: their line alone, billed as our tariffs say
    tariff: int = 0  # their line alone, billed otherwise than our tariffs say

    @property
    def differences(self) -> int:
        return self.differs + self.tariff + self.only_theirs + self.only_ours

    def summary(self) -> str:
        return translate("reconcile", "对账完成：一致 {matched} 项（其中按收费标准核对 {by_tariff} 项），金额不符 {differs} 项，"
                         "与标准不符 {tariff} 项，仅原物业 {only_theirs} 项，仅我方 {only_ours} 项；"
                         "沿用原有处理 {kept} 项，待处理 {open} 项（用时 {seconds} 秒）。").format(
            matched=self.matched, by_tariff=self.by_tariff, differs=self.differs, tariff=self.tariff,
            only_theirs=self.only_theirs, only_ours=self.only_ours, kept=self.kept, open=self.open,
            seconds=f"{self.seconds:.1f}")


Sums = Any  # a Row of one side's lines of one key: unit_id, fee_item_id, period_start, period_end, billed, paid (fen)
Side = tuple[int, int] | None  # (billed, paid) in fen of one side's lines of a key; None: no line
NativeKey = tuple[int, int, dt.date, dt.date]  # a key as the database orders it (see _Keys)


def classify(theirs: Side, ours: Side, expected: int | None = None) -> tuple[DiffKind | None, FenAmounts]:
    """None when both sides say the same; else the kind of difference and (their, our) amounts in fen.

    A key only they have is checked against our tariffs where they can price it (`expected`, in
    fen): billed as the tariffs say, it agrees with us; billed otherwise, the tariffs' amount is
    our side (and their payment stands: only a receipt could say otherwise).
    """
    if ours is None:
        assert theirs is not None
        tb, tp = theirs
        if expected is None:
            return DiffKind.ONLY_THEIRS, (tb, tp, None, None)
        return (None if expected == tb else DiffKind.TARIFF), (tb, tp, expected, tp)
    ob, op = ours
    if theirs is None:
        return DiffKind.ONLY_OURS, (None, None, ob, op)
    if theirs == ours:
        return None, (*theirs, ob, op)
    return DiffKind.DIFFERS, (*theirs, ob, op)


class _Keys:
    """Keys in the database's own order, so every stream reads straight off its index.

    Both databases sort a missing unit or fee item apart from the ids: SQLite first, PostgreSQL
    last. Asking PostgreSQL for NULLS FIRST made it sort the million lines instead of walking
    ix_ledger_lines_match (1.9 s against 0.5 s for their ledger), so the streams here keep each
    database's order and the keys stand a missing id in where that database puts it.
    """

    def __init__(self, session: Session) -> None:
        self.none = _NULLS_LAST if session.connection().dialect.name == "postgresql" else 0

    def of(self, unit_id: int | None, item_id: int | None, start: dt.date, end: dt.date) -> NativeKey:
        none = self.none
        return (none if unit_id is None else unit_id, none if item_id is None else item_id, start, end)

    def match_key(self, key: NativeKey) -> MatchKey:
        """The app's key (0 = none) of a native one."""
        unit_id, item_id, start, end = key
        return (0 if unit_id == self.none else unit_id, 0 if item_id == self.none else item_id, start, end)


_NULLS_LAST = 1 << 62  # above every id


def _sums(session: Session, handover_id: int, source: str, cutoff: dt.date | None) -> Iterator[Sums]:
    """One side's lines summed per key in SQL, up to the cut-off, in the index's order.

    Reconciling only compares totals per key, so the database adds them up: no million Line objects,
    no names or contacts fetched.
    """
    t = LedgerLine
    key = (t.unit_id, t.fee_item_id, t.period_start, t.period_end)
    query = (select(*key, cast(func.sum(t.billed), BigInteger), cast(func.sum(t.paid), BigInteger))
             .where(t.handover_id == handover_id, t.source == source)
             .group_by(*key).order_by(*key).execution_options(yield_per=STREAM_BATCH))
    if cutoff is not None:
        query = query.where(t.period_start <= cutoff)
    return iter(session.connection().execute(query))


def _pairs(keys: _Keys, theirs: Iterator[Sums], ours: Iterator[Sums]
           ) -> Iterator[tuple[NativeKey, Sums | None, Sums | None]]:
    """Full outer merge-join of both sides' sums: (key, their sums, our sums)."""
    of = keys.of
    a, b = next(theirs, None), next(ours, None)
    ka = of(a[0], a[1], a[2], a[3]) if a is not None else None
    kb = of(b[0], b[1], b[2], b[3]) if b is not None else None
    while ka is not None or kb is not None:
        if kb is None or (ka is not None and ka < kb):
            yield ka, a, None  # type: ignore[misc]
            a = next(theirs, None)
            ka = of(a[0], a[1], a[2], a[3]) if a is not None else None
        elif ka is None or kb < ka:
            yield kb, None, b
            b = next(ours, None)
            kb = of(b[0], b[1], b[2], b[3]) if b is not None else None
        else:
            yield ka, a, b
            a, b = next(theirs, None), next(ours, None)
            ka = of(a[0], a[1], a[2], a[3]) if a is not None else None
            kb = of(b[0], b[1], b[2], b[3]) if b is not None else None


Stored = tuple[int, bool, str, FenAmounts]  # id, decided, kind (as stored) and amounts of a stored difference


def _stored(session: Session, handover_id: int, keys: _Keys) -> Iterator[tuple[NativeKey, Stored]]:
    """Every stored difference of the handover (open and decided) in the keys' order.

    New differences are written while this streams: the id bound keeps them out of it (SQLite may
    otherwise show rows inserted during a scan), since new rows only get higher ids.
    """
    d = FeeDifference
    last = session.scalar(select(func.max(d.id)).where(d.handover_id == handover_id))
    if last is None:
        return
    money = [type_coerce(c, BigInteger) for c in (d.their_billed, d.their_paid, d.our_billed, d.our_paid)]
    # kind and decision as stored: no enum made per row
    query = (select(d.id, d.unit_id, d.fee_item_id, d.period_start, d.period_end, type_coerce(d.kind, String),
                    type_coerce(d.decision, String), *money)
             .where(d.handover_id == handover_id, d.id <= last)
             .order_by(d.unit_id, d.fee_item_id, d.period_start, d.period_end)
             .execution_options(yield_per=STREAM_BATCH))
    of, open_ = keys.of, Decision.OPEN.value
    for r in session.connection().execute(query):
        yield of(r[1], r[2], r[3], r[4]), (r[0], r[6] != open_, r[5], (r[7], r[8], r[9], r[10]))


class _Stale:
    """Stored differences that go: open ones under the 对账 audit row, decided ones each audited."""

    def __init__(self) -> None:
        self.open: list[int] = []
        self.decided: list[int] = []

    def add(self, row: Stored) -> None:
        (self.decided if row[1] else self.open).append(row[0])

    def delete(self, session: Session) -> None:
        _delete(session, self.open, summary=True)
        _delete(session, self.decided)


def reconcile(db: Database, handover_id: int, progress: Progress | None = None) -> ReconcileReport:
    """Match both ledgers of the handover in one transaction; Cancelled if progress says False.

    Only what changed is written: a stored difference whose key comes back with the same kind and
    amounts stays as it is (an open one open, a decided one with its decision); one whose kind or
    amounts changed is replaced by an open one (a decision stays in the audit log); one whose key
    agrees now, or is gone, is deleted; a new one is written open.
    """
    started = time.perf_counter()
    with db.begin(immediate=True) as s:
        handover = lock_handover(s, handover_id)  # no import commits under the matching
        refuse_if_signed(s, handover_id)
        theirs_count = count_lines(s, handover_id, "theirs")
        if not theirs_count:
            raise ValidationError(translate("reconcile", "还没有原物业台账：请先导入原物业收费台账，再对账。"))
        total = theirs_count + count_lines(s, handover_id, "ours")
        keys, stale = _Keys(s), _Stale()
        stored = Ahead(_stored(s, handover_id, keys), passed=stale.add)
        counts: dict[str, int] = {"matched": 0, "by_tariff": 0, **dict.fromkeys(DiffKind, 0)}
        tariff_fen = TariffCheck(s, handover.project_id).expected_fen
        kept, fresh, done, next_report = 0, _NewRows(s, handover_id), 0, 0
        cutoff = handover.cutoff_date
        for key, theirs, ours in _pairs(keys, _sums(s, handover_id, "theirs", cutoff),
                                        _sums(s, handover_id, "ours", cutoff)):
            done += 1
            if progress and done >= next_report:
                next_report = done + PROGRESS_EVERY
                if progress(min(done, total), total) is False:
                    raise Cancelled()
            if ours is None:
                assert theirs is not None
                kind, amounts = classify((theirs[4], theirs[5]), None,
                                         tariff_fen(theirs[0], theirs[1], theirs[2], theirs[3]))
            else:
                kind, amounts = classify(None if theirs is None else (theirs[4], theirs[5]), (ours[4], ours[5]))
            old = stored.get(key)
            if kind is None:
                counts["matched"] += 1
                counts["by_tariff"] += ours is None
                if old is not None:
                    stale.add(old)  # the two sides agree now: nothing left to decide
                continue
            counts[kind] += 1
            if old is not None:
                if old[2] == kind.value and old[3] == amounts:
                    kept += old[1]  # unchanged: an open one stays open, a decided one keeps its decision
                    continue
                stale.add(old)
            fresh.add(keys.match_key(key), kind, amounts)
        stored.finish()
        fresh.flush()
        stale.delete(s)
        open_count = s.scalar(select(func.count()).select_from(FeeDifference).where(
            FeeDifference.handover_id == handover_id, FeeDifference.decision == Decision.OPEN)) or 0
        report = ReconcileReport(counts["matched"], counts[DiffKind.DIFFERS], counts[DiffKind.ONLY_THEIRS],
                                 counts[DiffKind.ONLY_OURS], kept, open_count, time.perf_counter() - started,
                                 counts["by_tariff"], counts[DiffKind.TARIFF])
        reconciled(s, handover_id)
        record_action(s, "对账", "fee_differences", handover_id, report.summary())
    if fresh.written or stale.open or stale.decided:
        db.refresh_statistics(FeeDifference.__tablename__)  # 400,000 new rows the 差异 filter plans over
    if progress:
        progress(total, total)
    return report


DIFF_COLUMNS = ("handover_id", "unit_id", "fee_item_id", "period_start", "period_end", "kind", "their_billed",
                "their_paid", "our_billed", "our_paid", "decision", "note", "decided_by", "version", "updated_at")


_OPEN = Decision.OPEN.value


class _NewRows:
    """New differences as stored values, written a batch at a time."""

    def __init__(self, session: Session, handover_id: int) -> None:
        self.session, self.handover_id = session, handover_id
        self.as_date, as_datetime = temporal_binders(session)
        self.stamp = as_datetime(now())
        self.dates: dict[dt.date, Any] = {}  # 400,000 differences share a few hundred period bounds
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0

    def _date(self, day: dt.date) -> Any:
        stored = self.dates.get(day)
        if stored is None:
            stored = self.dates[day] = self.as_date(day)
        return stored

    def add(self, key: MatchKey, kind: DiffKind, fen: FenAmounts) -> None:
        unit_id, item_id, start, end = key
        # _value_, not .value: the enum's property costs as much as the rest of the row (400,000 rows)
        self.rows.append((self.handover_id, unit_id or None, item_id or None, self._date(start),
                          self._date(end), kind._value_, *fen, _OPEN, "", "", 1, self.stamp))
        if len(self.rows) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        insert_stored(self.session, FeeDifference.__table__, DIFF_COLUMNS, self.rows)
        self.written += len(self.rows)
        self.rows.clear()


def _delete(session: Session, ids: Sequence[int], summary: bool = False) -> None:
    """Delete by id; `summary`: the 对账 audit row stands for them (open ones), else each is audited."""
    options = {"hd_audit": "summary"} if summary else {}
    for i in range(0, len(ids), WRITE_BATCH):
        session.execute(delete(FeeDifference.__table__).where(FeeDifference.id.in_(ids[i:i + WRITE_BATCH]))
                        .execution_options(**options))


# ---- their remarks: what the outgoing company's ledger says about a difference's lines -----------



def join_remarks(remarks: Iterable[str]) -> str:
    """Their lines' 说明 of one key, in line order (a key has one line, now and then two)."""
    return REMARK_SEPARATOR.join(r for r in remarks if r)


def _theirs(*where: ColumnElement[bool]) -> Any:
    return select(LedgerLine.remark).where(LedgerLine.source == "theirs", LedgerLine.remark != "", *where)


def _their_remark(session: Session, d: FeeDifference) -> str:
    """One difference's remark (the dialog, a decision): one indexed query."""
    line = LedgerLine
    unit = line.unit_id.is_(None) if d.unit_id is None else line.unit_id == d.unit_id
    item = line.fee_item_id.is_(None) if d.fee_item_id is None else line.fee_item_id == d.fee_item_id
    query = _theirs(line.handover_id == d.handover_id, unit, item, line.period_start == d.period_start,
                    line.period_end == d.period_end).order_by(line.id)
    return join_remarks(session.scalars(query))


def _remark_stream(session: Session, handover_id: int) -> Iterator[tuple[MatchKey, str]]:
    """Every key of their ledger that has a remark, in match order: merged with the differences,
    so 400,000 differences cost one more streamed query, not one each."""
    t = LedgerLine
    query = (select(t.unit_id, t.fee_item_id, t.period_start, t.period_end, t.remark)
             .where(t.handover_id == handover_id, t.source == "theirs", t.remark != "")
             .order_by(t.unit_id.asc().nulls_first(), t.fee_item_id.asc().nulls_first(), t.period_start,
                       t.period_end, t.id)
             .execution_options(yield_per=STREAM_BATCH))
    rows = session.connection().execute(query)
    for key, group in groupby(rows, key=lambda r: (r[0] or 0, r[1] or 0, r[2], r[3])):
        yield key, join_remarks(r[4] for r in group)


class _Remarks:
    """Look remarks up by key, asked in match order; reads the stream once, front to back."""

    def __init__(self, items: Iterator[tuple[MatchKey, str]]) -> None:
        self._items = items
        self._current = next(items, None)

    def get(self, key: MatchKey) -> str:
        while self._current is not None and self._current[0] < key:
            self._current = next(self._items, None)
        return self._current[1] if self._current is not None and self._current[0] == key else ""




# ---- reading and deciding -----------------------------------------------------------------------

_ROW_COLUMNS = tuple(getattr(FeeDifference, name) for name in (
    "id", "version", "unit_id", "fee_item_id", "period_start", "period_end", "kind", "their_billed", "their_paid",
    "our_billed", "our_paid", "decision", "adjusted_billed", "adjusted_paid", "note", "decided_by", "decided_at"))


def _row(d: FeeDifference | Row[Any], names: Names, their_remark: str = "") -> DifferenceRow:
    """From a record or a row of _ROW_COLUMNS (the same names)."""
    unit = names.unit(d.unit_id)
    return DifferenceRow(d.id, d.version, unit.building, unit.number, names.item(d.fee_item_id).name,
                         d.period_start, d.period_end, d.kind, d.their_billed, d.their_paid, d.our_billed,
                         d.our_paid, d.decision, d.adjusted_billed, d.adjusted_paid, d.note, d.decided_by,
                         d.decided_at, their_remark)


def differences(db: Database, handover_id: int, *, open_only: bool = False,
                kind: DiffKind | None = None) -> list[DifferenceRow]:
    """The handover's differences in unit, item and period order."""
    return list(iter_differences(db, handover_id, open_only=open_only, kind=kind))


def iter_differences(db: Database, handover_id: int, *, open_only: bool = False,
                     kind: DiffKind | None = None) -> Iterator[DifferenceRow]:
    """The same, streamed: the large demo has 400,000 of them, too many to hold for a workbook.

    In match order (a missing unit or item first, on both backends), so their remarks, streamed in
    the same order, are merged in on the way.
    """
    d = FeeDifference
    with db.read() as s:
        names = load_names(s, get(s, Handover, handover_id))
        remarks = _Remarks(_remark_stream(s, handover_id))
        # Columns on the connection, not ORM objects: 400,000 objects were most of the workbook's time.
        query = select(*_ROW_COLUMNS).where(d.handover_id == handover_id)
        if open_only:
            query = query.where(d.decision == Decision.OPEN)
        if kind is not None:
            query = query.where(d.kind == kind)
        query = query.order_by(d.unit_id.asc().nulls_first(), d.fee_item_id.asc().nulls_first(), d.period_start,
                               d.period_end, d.id).execution_options(yield_per=STREAM_BATCH)
        for row in s.connection().execute(query):
            yield _row(row, names, remarks.get((row.unit_id or 0, row.fee_item_id or 0, row.period_start,
                                                row.period_end)))


def difference(db: Database, difference_id: int) -> DifferenceRow:
    """One difference with its version (and their remark), for the decision dialog."""
    with db.read() as s:
        d = get(s, FeeDifference, difference_id)
        return _row(d, load_names(s, get(s, Handover, d.handover_id)), _their_remark(s, d))


def difference_counts(db: Database, handover_id: int) -> tuple[int, int]:
    """(all differences, still open)."""
    with db.read() as s:
        base = select(func.count()).select_from(FeeDifference).where(FeeDifference.handover_id == handover_id)
        return (s.scalar(base) or 0, s.scalar(base.where(FeeDifference.decision == Decision.OPEN)) or 0)


def open_counts(db: Database, handover_id: int, *, kind: DiffKind | None = None,
                fee_item: str | None = None) -> dict[DiffKind, int]:
    """Open differences per kind (under the kind and fee item a bulk decision would apply to)."""
    d = FeeDifference
    query = (select(d.kind, func.count()).where(d.handover_id == handover_id, d.decision == Decision.OPEN)
             .group_by(d.kind))
    if kind is not None:
        query = query.where(d.kind == kind)
    with db.read() as s:
        if fee_item is not None:
            project_id = get(s, Handover, handover_id).project_id
            query = query.where(d.fee_item_id.in_(select(FeeItem.id).where(FeeItem.project_id == project_id,
                                                                          FeeItem.name == fee_item)))
        counts = dict(s.execute(query).all())
    return {k: counts.get(k, 0) for k in DiffKind if kind is None or k is kind}


# the agreed amounts' names, shown in the clerk's language when refused
ADJUSTED = (QT_TRANSLATE_NOOP("reconcile", "调整后应收"), QT_TRANSLATE_NOOP("reconcile", "调整后实收"))


def _check_decision(kind: DiffKind, decision: Decision, note: str, adjusted: tuple[Any, Any]) -> None:
    if decision is Decision.OPEN:
        return
    if not note.strip():
        raise ValidationError(translate("reconcile", "「处理说明」不能为空：请写明依据（如“业主提供收据”“双方核实”）。"))
    if decision not in ALLOWED_DECISIONS[kind]:
        side = translate("reconcile", "我方") if kind is DiffKind.ONLY_THEIRS else translate("reconcile", "原物业台账")
        raise ValidationError(translate("reconcile", "这一项{side}没有记录，不能“{decision}”；可选“不计入”或“协商调整”。").format(
            side=side, decision=decision.label))
    if decision is Decision.ADJUST:
        for label, value in zip(ADJUSTED, adjusted, strict=True):
            _check_amount(label, value)


def _check_amount(label: str, value: Any) -> None:
    """An agreed amount: a Decimal of money (negative where a line was a credit), in range, to the fen."""
    if value is None:
        raise ValidationError(translate("reconcile", "「{label}」不能为空。").format(label=translate("reconcile", label)))
    if isinstance(value, (float, bool)) or not isinstance(value, (Decimal, int)):
        raise ValidationError(translate("reconcile", "「{label}」应为金额（元，两位小数）。").format(
            label=translate("reconcile", label)))
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValidationError(translate("reconcile", "「{label}」应为金额（元，两位小数），不能是“{value}”。").format(
            label=translate("reconcile", label), value=value))
    check_number(value, label, MONEY)


def decide(db: Database, difference_id: int, seen_version: int, decision: Decision, note: str, *,
           adjusted_billed: Decimal | None = None, adjusted_paid: Decimal | None = None) -> DifferenceRow:
    """Record how one difference is resolved (or re-open it with Decision.OPEN)."""
    with db.begin() as s:
        d = get_for_save(s, FeeDifference, difference_id, seen_version)
        refuse_if_signed(s, d.handover_id)
        _check_decision(d.kind, decision, note, (adjusted_billed, adjusted_paid))
        adjust = decision is Decision.ADJUST
        d.decision, d.note = decision, note.strip()
        d.adjusted_billed = adjusted_billed if adjust else None
        d.adjusted_paid = adjusted_paid if adjust else None
        d.decided_by = "" if decision is Decision.OPEN else signed_in_user(db).display_name
        d.decided_at = None if decision is Decision.OPEN else now()
        s.flush()
        return _row(d, load_names(s, get(s, Handover, d.handover_id)), _their_remark(s, d))


BULK = (Decision.THEIRS, Decision.OURS, Decision.EXCLUDE)


def kinds_taking(decision: Decision) -> list[DiffKind]:
    """The kinds of difference `decision` applies to (以我方为准 not to a line we have no record of)."""
    return [k for k, allowed in ALLOWED_DECISIONS.items() if decision in allowed]


def bulk_affected(decision: Decision, open_by_kind: Mapping[DiffKind, int]) -> int:
    """How many of a filter's open differences (counted per kind) decide_many would change."""
    takes = kinds_taking(decision)
    return sum(n for k, n in open_by_kind.items() if k in takes)


def selection_affected(decision: Decision, selected: Iterable[tuple[int, str, str]]) -> int:
    """How many selected rows (id, kind, decision as stored) decide_many(ids=…) would change: the open
    ones of a kind that takes `decision`."""
    takes = {k.value for k in kinds_taking(decision)}
    return sum(1 for _id, kind, current in selected if kind in takes and current == Decision.OPEN.value)


def decide_many(db: Database, handover_id: int, decision: Decision, note: str, *,
                kind: DiffKind | None = None, fee_item: str | None = None,
                ids: Iterable[int] | None = None) -> int:
    """One decision for many open differences (e.g. every 仅原物业 line: "我方无记录，以原物业台账为准").

    Only open differences change; the ones a kind cannot take (以我方为准 on a line we have no
    record of) are left open. One audit row records the decision, the note, the filter and the count.
    """
    if decision not in BULK:
        raise ValidationError(translate("reconcile", "批量处理只能选“以原物业为准”“以我方为准”或“不计入”；协商调整请逐项处理。"))
    if not note.strip():
        raise ValidationError(translate("reconcile", "「处理说明」不能为空：请写明依据。"))
    d = FeeDifference
    takes = kinds_taking(decision)
    where = [d.handover_id == handover_id, d.decision == Decision.OPEN, d.kind.in_(takes)]
    if kind is not None:
        where.append(d.kind == kind)
    with db.begin() as s:
        handover = get(s, Handover, handover_id)
        refuse_if_signed(s, handover_id)
        if fee_item is not None:
            names = load_names(s, handover)
            item_ids = [i for i, info in names.items.items() if info.name == fee_item]
            where.append(d.fee_item_id.in_(item_ids))
        id_list = list(ids) if ids is not None else None
        if id_list is not None:
            where.append(d.id.in_(id_list))
        changed = rows_matched(s.execute(update(d).where(*where).values(
            decision=decision, note=note.strip(), decided_by=signed_in_user(db).display_name, decided_at=now(),
            version=d.version + 1, updated_at=now()).execution_options(synchronize_session=False)))
        scope = "、".join(filter(None, [kind.label if kind else "", fee_item or "",
                                       f"选中 {len(id_list)} 项" if id_list is not None else ""])) or "全部待处理"
        record_action(s, "批量处理差异", "fee_differences", handover_id,
                      f"{decision.label}：{changed} 项（{scope}）；说明：{note.strip()}")
        return int(changed or 0)


# decision, adjusted billed and paid, our billed and paid (for 以我方为准 where our side is the tariffs')
DecisionValue = tuple[Decision, Decimal | None, Decimal | None, Decimal | None, Decimal | None]


def decisions(session: Session, handover_id: int) -> Iterator[tuple[MatchKey, DecisionValue]]:
    """Decided differences in match order, for the results (open ones count as their lines)."""
    d = FeeDifference
    query = (select(d.unit_id, d.fee_item_id, d.period_start, d.period_end, d.decision, d.adjusted_billed,
                    d.adjusted_paid, d.our_billed, d.our_paid)
             .where(d.handover_id == handover_id, d.decision != Decision.OPEN)
             .order_by(d.unit_id.asc().nulls_first(), d.fee_item_id.asc().nulls_first(), d.period_start,
                       d.period_end).execution_options(yield_per=STREAM_BATCH))
    for r in session.execute(query):
        yield (r[0] or 0, r[1] or 0, r[2], r[3]), (r[4], r[5], r[6], r[7], r[8])
