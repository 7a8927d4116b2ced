"""The results of a handover's fees: arrears, prepayments, deposits, 代收代缴, 收缴率, meters, settlement.

One pass over both ledgers in match order. For each unit, fee item and period the lines that
count are chosen by the clerk's decision on that difference (open or matched: the outgoing
company's lines; 以我方为准: ours; 协商调整: one line with the agreed amounts; 不计入: none; a
line only we have counts only once someone decided so). Every chosen line is split at the
cut-off (models.rules.cutoff) and lands in the result its fee item and side say.

交接基准日 (Handover.cutoff_date) is the outgoing company's last day — the demo and the sample
ledger both say "截至 6月30日" — so the first day of the incoming company is the day after.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from operator import attrgetter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..base import DocStatus
from ..db import Database
from ..errors import Cancelled, StaleRecordError, ValidationError
from ..fees import (
    Decision,
    DepositAction,
    DepositDisposition,
    FeeDifference,
    FeeItem,
    FeeSummary,
    MeterKind,
    MeterReading,
    Settlement,
    Tariff,
)
from ..handover import Handover, HandoverKind
from ..i18n import translate
from ..project import Unit
from ..rules.cutoff import Part, split_line
from ..rules.tariffs import MeteredCharger, Rate, charge_total
from . import results_store, settlement_snapshot
from .common import get
from .fee_ledger import (
    Ahead,
    ItemInfo,
    Line,
    MatchKey,
    Names,
    UnitInfo,
    count_lines,
    load_names,
    merge,
    stream,
)
from .fee_rows import (
    ArrearsLine,
    CollectionRate,
    DepositLine,
    FeeResults,
    ForOthersLine,
    MeterCharge,
    PrepaymentLine,
    SettlementItem,
    money_sum,
)
from .office import letterhead_in
from .reconcile import DecisionValue, decisions
from .roster import natural_key
from .settlement_state import latest_settlement, refuse_if_signed

Progress = Callable[[int, int], object]
PROGRESS_EVERY = 20_000
ONE_DAY = dt.timedelta(days=1)
METER_BASIS = {MeterKind.WATER: "per_ton", MeterKind.POWER: "per_kwh", MeterKind.GAS: "per_m3"}
Decided = Ahead[DecisionValue]
# (unit, fee item, received on) -> what the clerk decided for that deposit, and the row's version
Dispositions = dict[tuple[int, int, dt.date], tuple[DepositAction, str, int]]
_NO_ID = object()  # no unit and item yet (None is a line without a unit)


def years_between(end: dt.date, cutoff: dt.date) -> int:
    """Whole years from the end of a period to the cut-off: 0 while under a year overdue."""
    years = cutoff.year - end.year - ((cutoff.month, cutoff.day) < (end.month, end.day))
    return max(years, 0)


def chosen_lines(key: MatchKey, theirs: list[Line], ours: list[Line], decided: Decided) -> list[Line]:
    """The lines that count for one unit, item and period, by the clerk's decision."""
    decision = decided.get(key)  # keys come in order: the lookup reads the decisions once, in step
    if decision is None:
        return theirs  # matched, still open, or a period nobody matches (after the cut-off)
    kind, billed, paid, our_billed, our_paid = decision
    if kind is Decision.THEIRS:
        return theirs
    if kind is Decision.OURS and ours:
        return ours
    if kind is Decision.OURS and our_billed is not None and our_paid is not None:
        billed, paid = our_billed, our_paid  # our side is what the tariffs bill (与标准不符)
    elif kind is not Decision.ADJUST or billed is None or paid is None:
        return []  # 不计入
    first = (theirs or ours)[0]
    return [Line.of(first.unit_id, first.fee_item_id, first.period_start, first.period_end, billed, paid,
                    first.owner_name, first.contact)]


class _Results:
    """Accumulates the results line by line; per-building sums stay as sums of rounded parts."""

    def __init__(self, names: Names, cutoff: dt.date, dispositions: Dispositions) -> None:
        self.names, self.cutoff, self.dispositions = names, cutoff, dispositions
        self.arrears: list[ArrearsLine] = []
        self.prepayments: list[PrepaymentLine] = []
        self.deposits: list[DepositLine] = []
        self.for_others: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])  # fen
        self.rates: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # billed, paid in fen
        # Every line read from the ledger brings its own name, phone and date objects, and the fixed
        # monthly fees repeat the same amounts: the result lines share one of each (a third less memory
        # for the 100,000 arrears lines of a large community, which the fees tab keeps).
        self._same: dict[Any, Any] = {}
        self._yuan: dict[int, Decimal] = {}
        self._years: dict[dt.date, int] = {}
        self.place = _placer()
        # The lines come by unit and fee item: what a unit and item mean is looked up once per run of
        # them (the lookups per line were a fifth of the results' Python time on a large ledger).
        self._unit_id: object = _NO_ID
        self._item_id: object = _NO_ID
        self._unit = UnitInfo("", "", "", "")
        self._item = ItemInfo("", False, False)
        self._sums: list[int] | None = None  # the current building's and item's rates sums, once used

    def same(self, value: Any) -> Any:
        return self._same.setdefault(value, value)

    def yuan(self, amount_fen: int) -> Decimal:
        found = self._yuan.get(amount_fen)
        if found is None:
            found = self._yuan[amount_fen] = yuan(amount_fen)
        return found

    def add(self, line: Line) -> None:
        if line.unit_id != self._unit_id or line.fee_item_id != self._item_id:
            self._unit_id, self._item_id = line.unit_id, line.fee_item_id
            self._unit, self._item = self.names.unit(line.unit_id), self.names.item(line.fee_item_id)
            self._sums = None
        item = self._item
        if item.is_deposit:
            self._deposit(line, item.name)
        elif item.for_others:
            sums = self.for_others[(line.unit_id or 0, line.fee_item_id or 0)]
            sums[0] += line.billed_fen
            sums[1] += line.paid_fen
        elif line.period_start <= line.period_end <= self.cutoff:
            # Wholly the outgoing company's (most lines): nothing to split, so the amounts stay in
            # whole fen — the split and its Decimals were most of the results' time on a large ledger.
            # (A period that ends before it starts goes to split_line, which refuses it.)
            self._before(line, item.name, line.period_start, line.period_end, line.billed_fen, line.paid_fen)
        else:
            split = split_line(line.period_start, line.period_end, line.billed, line.paid, self.cutoff + ONE_DAY)
            if split.before is not None:
                before = split.before
                self._before(line, item.name, before.start, before.end, fen(before.billed), fen(before.paid))
            if split.after is not None and split.after.paid > 0:
                self._prepaid(line, item.name, split.after)

    def _deposit(self, line: Line, item: str) -> None:
        if not line.paid:
            return  # a deposit never paid is nothing to hand over
        unit = self.names.unit(line.unit_id)
        action, note, version = self.dispositions.get(
            (line.unit_id or 0, line.fee_item_id or 0, line.period_start), (DepositAction.HAND_OVER, "", 0))
        self.deposits.append(DepositLine(unit.building, unit.number, line.unit_id, line.fee_item_id,
                                         self.same(line.owner_name or unit.owner), item,
                                         self.same(line.period_start), line.paid,
                                         DepositAction(action), note, version))

    def _before(self, line: Line, item: str, start: dt.date, end: dt.date, billed: int, paid: int) -> None:
        """The outgoing company's part of a line, amounts in fen (`add` has made its unit and item current)."""
        unit, same = self._unit, self._same.setdefault
        owed = billed - paid
        if owed < 0 <= billed:
            # Paid more than billed for a period before the cut-off: the excess is the owner's money
            # the outgoing company holds, handed over like a prepayment.
            owner = line.owner_name or unit.owner
            self.prepayments.append(PrepaymentLine(unit.building, unit.number, same(owner, owner), item,
                                                   same(start, start), same(end, end), self.yuan(-owed)))
            paid, owed = billed, 0
        sums = self._sums
        if sums is None:  # not before the first line that counts: a building and item without one has no rate row
            sums = self._sums = self.rates[(unit.building, item)]
        sums[0] += billed
        sums[1] += paid
        if owed > 0:
            owner, contact = line.owner_name or unit.owner, line.contact or unit.contact
            years = self._years.get(end)
            if years is None:
                years = self._years[end] = years_between(end, self.cutoff)
            self.arrears.append(ArrearsLine(unit.building, unit.number, same(owner, owner), same(contact, contact),
                                            item, same(start, start), same(end, end), self.yuan(owed), years))

    def _prepaid(self, line: Line, item: str, part: Part) -> None:
        unit = self.names.unit(line.unit_id)
        self.prepayments.append(PrepaymentLine(unit.building, unit.number, self.same(line.owner_name or unit.owner),
                                               item, self.same(part.start), self.same(part.end), part.paid))

    def in_order(self, lines: list[Any], date: str) -> tuple[Any, ...]:
        """By place, fee item, date: one stable sort per key, least significant first — the same order
        as one sort by the tuple of them, without a new key tuple per line alive during the sort
        (100,000 of them were the peak of the GUI's memory)."""
        lines.sort(key=attrgetter(date))
        lines.sort(key=attrgetter("fee_item"))
        lines.sort(key=self.place)
        out = tuple(lines)
        lines.clear()
        return out

    def for_others_lines(self) -> tuple[ForOthersLine, ...]:
        out = []
        for (unit_id, item_id), (billed, paid) in self.for_others.items():
            unit = self.names.unit(unit_id)
            out.append(ForOthersLine(unit.building, unit.number, unit.owner, self.names.item(item_id).name,
                                     self.yuan(billed), self.yuan(paid)))
        return tuple(sorted(out, key=lambda f: (*self.place(f), f.fee_item)))

    def rate_lines(self) -> tuple[CollectionRate, ...]:
        return tuple(CollectionRate(b, i, yuan(billed), yuan(paid))
                     for (b, i), (billed, paid) in sorted(self.rates.items()))


def fen(amount: Decimal) -> int:
    """A 2-decimal amount as whole fen."""
    return int(amount.scaleb(2))


def yuan(amount_fen: int) -> Decimal:
    """Whole fen as a 2-decimal Decimal (0 is 0.00), exactly as the split's parts are."""
    return Decimal(amount_fen).scaleb(-2)


def _dispositions(s: Session, handover_id: int) -> Dispositions:
    d = DepositDisposition
    rows = s.execute(select(d.unit_id, d.fee_item_id, d.period_start, d.action, d.note, d.version)
                     .where(d.handover_id == handover_id))
    return {(r[0] or 0, r[1] or 0, r[2]): (r[3], r[4], r[5]) for r in rows}


def _chosen(s: Session, handover: Handover, decided: Decided, progress: Progress | None,
            total: int) -> Iterator[list[Line]]:
    """The lines that count, a unit's item and period at a time (a list each: one step of this
    generator per period rather than per line)."""
    done, next_report = 0, 0
    for key, theirs, ours in merge(stream(s, handover.id, "theirs"),
                                   stream(s, handover.id, "ours", handover.cutoff_date)):
        if progress:
            done += len(theirs) + len(ours)
            if done >= next_report:
                next_report = done + PROGRESS_EVERY
                if progress(done, total) is False:
                    raise Cancelled()
        yield chosen_lines(key, theirs, ours, decided)


def meter_charges(s: Session, handover: Handover, names: Names) -> tuple[MeterCharge, ...]:
    """Usage from each meter's last billed reading to the cut-off reading, at the tariffs of those days."""
    items = {basis: item for item in s.scalars(select(FeeItem).where(FeeItem.project_id == handover.project_id)
                                                .order_by(FeeItem.id))
             for basis in [item.basis] if basis in METER_BASIS.values()}
    # One charger per item: the readings share a few reading days, whose tariff segments it cuts once.
    chargers = {item.id: MeteredCharger([Rate(t.valid_from, t.valid_to, t.unit_use, t.rate)
                                         for t in s.scalars(select(Tariff).where(Tariff.fee_item_id == item.id))])
                for item in items.values()}
    by_kind = {kind: (chargers[item.id], item.name) for kind, basis in METER_BASIS.items()
               for item in [items.get(basis)] if item is not None}
    meter_label = translate("fee_results", "表号 {meter_no}")
    uses = dict(s.execute(select(Unit.id, Unit.use).where(Unit.project_id == handover.project_id)).all())
    out = []
    same: dict[Any, Any] = {}  # the readings' few dates and locations, one object each
    r = MeterReading
    # Columns, not ORM objects: 52,000 readings of the large demo loaded as objects took 3 s. Each row
    # unpacked once: reading a Row's columns by name cost more than charging the reading.
    readings = s.connection().execute(
        select(r.meter_no, r.kind, r.unit_id, r.location, r.prev_reading, r.prev_read_on, r.reading, r.read_on)
        .where(r.handover_id == handover.id, r.prev_reading.is_not(None), r.prev_read_on.is_not(None))
        .order_by(r.meter_no))
    for meter_no, kind, unit_id, location, prev_reading, prev_read_on, reading, read_on in readings:
        found = by_kind.get(kind)
        if found is None:
            raise ValidationError(translate("fee_results", "表号 {meter_no}（{kind}表）找不到按用量计费的收费项目，无法计算抄表费用。").format(meter_no=meter_no, kind=kind.label))
        charge, item_name = found
        assert prev_reading is not None and prev_read_on is not None  # the query keeps only these
        # A reading is taken at the end of its day (the cut-off reading closes the 基准日), and
        # metered_charge counts a reading as taken at the start of its date: hence the day after.
        lines = charge(uses.get(unit_id, "") if unit_id else "", prev_reading, prev_read_on + ONE_DAY, reading,
                       read_on + ONE_DAY, item=meter_label.format(meter_no=meter_no))
        unit = names.unit(unit_id)
        out.append(MeterCharge(meter_no, kind, unit.building, unit.number, same.setdefault(location, location),
                               prev_reading, same.setdefault(prev_read_on, prev_read_on), reading,
                               same.setdefault(read_on, read_on), reading - prev_reading,
                               charge_total(lines), item_name))
    return tuple(out)


Place = tuple[tuple[Any, ...], tuple[Any, ...]]


def _placer() -> Callable[[Any], Place]:
    """A line's place: 2栋 before 10栋 and 302 before 1201, as the clerk reads a list of units.

    The keys are remembered for one computation and dropped with it: natural_key's own process-wide
    cache kept 5 MB of them for as long as the app ran.
    """
    keys: dict[tuple[str, str], Place] = {}
    plain = natural_key.__wrapped__

    def place(line: Any) -> Place:
        found = keys.get((line.building, line.unit))
        if found is None:
            found = keys[(line.building, line.unit)] = (plain(line.building), plain(line.unit))
        return found
    return place


def compute_results(s: Session, handover_id: int, progress: Progress | None = None) -> FeeResults:
    """The results inside the caller's transaction (signing computes and stores them in one).

    Once the settlement is signed they are what was signed, read from its snapshot: nothing that
    changed since (a tariff, a name, the cut-off) moves a figure of a signed document.
    """
    current = latest_settlement(s, handover_id)
    if current is not None and current.status == DocStatus.SIGNED and current.snapshot is not None:
        return signed_results(current, exit_paperwork=_is_exit(s, handover_id))
    return _live_results(s, handover_id, current, progress)


def _is_exit(s: Session, handover_id: int) -> bool:
    return s.scalar(select(Handover.kind).where(Handover.id == handover_id)) is HandoverKind.EXIT


def signed_results(settlement: Settlement, exit_paperwork: bool = False) -> FeeResults:
    assert settlement.snapshot is not None
    return settlement_snapshot.load(
        settlement.snapshot, settlement.handover_id, settlement_status=settlement.status,
        settlement_revision=settlement.revision, signed_at=settlement.signed_at, signed_by=settlement.signed_by,
        exit_paperwork=exit_paperwork)


def _live_results(s: Session, handover_id: int, current: Settlement | None,
                  progress: Progress | None) -> FeeResults:
    handover = get(s, Handover, handover_id)
    names = load_names(s, handover)
    theirs, ours = count_lines(s, handover_id, "theirs"), count_lines(s, handover_id, "ours")
    acc = _Results(names, handover.cutoff_date, _dispositions(s, handover_id))
    add = acc.add
    for lines in _chosen(s, handover, Ahead(decisions(s, handover_id)), progress, theirs + ours):
        for line in lines:
            add(line)
    d = FeeDifference
    base = select(func.count()).select_from(d).where(d.handover_id == handover_id)
    results = FeeResults(
        handover_id, names.project, handover.from_company, handover.to_company, handover.witness,
        handover.cutoff_date,
        arrears=acc.in_order(acc.arrears, "period_start"),
        prepayments=acc.in_order(acc.prepayments, "period_start"),
        deposits=acc.in_order(acc.deposits, "received_on"),
        for_others=acc.for_others_lines(), rates=acc.rate_lines(), meters=meter_charges(s, handover, names),
        differences_total=s.scalar(base) or 0,
        differences_open=s.scalar(base.where(d.decision == Decision.OPEN)) or 0,
        lines_theirs=theirs, lines_ours=ours,
        settlement_status=current.status if current else None,
        settlement_revision=current.revision if current else 0,
        signed_at=current.signed_at if current else None, signed_by=current.signed_by if current else "",
        signed_items=signed_items(current.breakdown) if current and current.status == DocStatus.SIGNED else (),
        handover_caption=handover.caption, letterhead=letterhead_in(s),
        exit_paperwork=handover.kind is HandoverKind.EXIT)
    if progress:
        progress(theirs + ours, theirs + ours)
    return results


def signed_items(breakdown: str) -> tuple[SettlementItem, ...]:
    """The settlement lines stored when it was signed (see settlement.breakdown_json)."""
    if not breakdown:
        return ()
    return tuple(SettlementItem(label, direction, Decimal(amount))
                 for label, direction, amount in json.loads(breakdown)["items"])


def fee_results(db: Database, handover_id: int, progress: Progress | None = None, *,
                remember: bool = False) -> FeeResults:
    """The results as of now. `remember` (the fees tab) keeps them for the next time the tab asks
    while nothing they read has changed (results_store), and leaves the per-building summary the
    overview charts. Printing and exporting only read: the results the tab keeps when they are still
    current (a print after 结果 takes no recomputation), else their own, neither kept nor summarised."""
    if not remember:
        with db.read() as s:
            found = results_store.kept(db, handover_id, results_store.stamp(s, db))
            return found if found is not None else compute_results(s, handover_id, progress)
    return kept_or_computed(db, handover_id, progress)[0]


def kept_or_computed(db: Database, handover_id: int, progress: Progress | None = None) -> tuple[FeeResults, bool]:
    """fee_results(..., remember=True), and whether they were computed now (False: kept, unchanged)."""
    with db.read() as s:
        results, computed = results_store.kept_or(db, handover_id, s,
                                                  lambda: compute_results(s, handover_id, progress))
    if computed:
        save_summary(db, results)
    return results, computed


def building_summary(results: FeeResults) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """(building, arrears, billed, paid) in building order."""
    arrears: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for a in results.arrears:
        arrears[a.building] += a.amount
    billed: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal("0.00")] * 2)
    for r in results.rates:
        billed[r.building][0] += r.billed
        billed[r.building][1] += r.paid
    buildings = sorted(set(arrears) | set(billed))
    return [(b, arrears[b], billed[b][0], billed[b][1]) for b in buildings]


def save_summary(db: Database, results: FeeResults) -> None:
    data = json.dumps([[b, str(a), str(x), str(p)] for b, a, x, p in building_summary(results)],
                      ensure_ascii=False)
    with db.begin() as s:
        row = s.get(FeeSummary, results.handover_id)
        if row is None:
            s.add(FeeSummary(handover_id=results.handover_id, computed_at=dt.datetime.now(), data=data))
        else:
            row.computed_at, row.data = dt.datetime.now(), data


def _same(column: Any, value: int | None) -> Any:
    return column.is_(None) if value is None else column == value


def saved_summary(s: Session, handover_id: int) -> tuple[dt.datetime, list[tuple[str, Decimal, Decimal, Decimal]]] | None:
    """The last summary (when, rows), or None if the handover was never reconciled."""
    row = s.get(FeeSummary, handover_id)
    if row is None:
        return None
    return row.computed_at, [(b, Decimal(a), Decimal(x), Decimal(p)) for b, a, x, p in json.loads(row.data)]


def last_computed(db: Database, handover_id: int) -> dt.datetime | None:
    """When the fees tab last computed the results (what the overview's charts show)."""
    with db.read() as s:
        saved = saved_summary(s, handover_id)
    return saved[0] if saved else None


def set_deposit_action(db: Database, handover_id: int, deposit: DepositLine, action: DepositAction,
                       note: str = "") -> None:
    """Hand a deposit over (the default) or record that the outgoing company refunded it to the owner."""
    if action is DepositAction.REFUND and not note.strip():
        raise ValidationError(translate("fee_results", "「处理说明」不能为空：请写明退还日期、凭证等。"))
    with db.begin(immediate=True) as s:
        refuse_if_signed(s, handover_id)
        d = DepositDisposition
        row = s.scalars(select(d).where(d.handover_id == handover_id, _same(d.unit_id, deposit.unit_id),
                                        _same(d.fee_item_id, deposit.fee_item_id),
                                        d.period_start == deposit.received_on)).first()
        if (row.version if row is not None else 0) != deposit.version:
            raise StaleRecordError(DepositDisposition.__label__)  # another desk decided it since
        if row is None:
            s.add(DepositDisposition(handover_id=handover_id, unit_id=deposit.unit_id,
                                     fee_item_id=deposit.fee_item_id, period_start=deposit.received_on,
                                     action=action, note=note.strip()))
        else:
            row.action, row.note = action, note.strip()


__all__ = ["building_summary", "chosen_lines", "compute_results", "fee_results", "kept_or_computed", "last_computed",
           "meter_charges",
           "money_sum", "saved_summary", "set_deposit_action", "years_between"]
