"""Writing a checked ledger: the handover's "theirs" lines replaced in one transaction, in bulk."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..audit import record_action
from ..base import DocStatus
from ..db import Database
from ..errors import ValidationError
from ..fees import FeeItem, LedgerLine
from ..handover import Handover
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..services.bulk import insert_rows
from ..services.common import lock_handover, rows_matched
from ..services.ledger_state import ledger_changed
from ..services.settlement_state import latest_settlement
from .cells import BRACKETS_RE
from .sheet import ImportCancelled, SkippedRow

if TYPE_CHECKING:
    from .ledger import LedgerRow

THEIRS = "theirs"
CHUNK = 2_000  # rows per INSERT: big enough to be fast, small enough to report progress and cancel
Progress = Callable[[int, int], object]
SIGNED_REFUSAL = QT_TRANSLATE_NOOP("imports", "财务结算已签署，不能再导入原物业台账；如需更改请先修订结算。")
CODE_PREFIX = "IMP"
# How a fee item named in their ledger is billed, guessed from its name; the first match wins.
BASIS_WORDS = (
    (("押金",), "fixed"),
    (("燃气", "天然气"), "per_m3"),
    (("水费",), "per_ton"),
    (("电费",), "per_kwh"),
    (("供暖", "采暖"), "per_m2_season"),
    (("车位", "停车"), "per_space"),
    (("垃圾",), "per_household"),
)


def new_item_note(name: str) -> str:
    """The preview's note for a fee item the import will create (the report leaves these out: it lists them)."""
    return translate("imports", "将新建收费项目：{name}").format(name=name)


@dataclass(frozen=True)
class LedgerImportReport:
    """What the import did, in numbers the clerk can check against the sheet's 合计 row."""

    file_name: str
    lines: int
    billed: Decimal
    paid: Decimal
    arrears: Decimal
    replaced: int = 0
    new_fee_items: tuple[str, ...] = ()
    skipped: tuple[SkippedRow, ...] = ()
    notes: tuple[str, ...] = ()  # columns not imported, total rows that disagree with their lines

    def summary(self) -> str:
        text = (f"导入 {self.lines} 行：应收 {self.billed:,.2f} 元，实收 {self.paid:,.2f} 元，"
                f"欠费 {self.arrears:,.2f} 元")
        if self.replaced:
            text += f"；替换了此前导入的 {self.replaced} 行"
        if self.new_fee_items:
            text += "；新建收费项目：" + "、".join(self.new_fee_items)
        if self.skipped:
            counts = Counter(s.reason for s in self.skipped)
            text += "；跳过 " + "、".join(f"{reason} {n} 行" for reason, n in counts.items())
        created = {new_item_note(name) for name in self.new_fee_items}  # listed above already
        flagged = [n for n in self.notes if n not in created]
        if flagged:
            text += "；" + "；".join(flagged)
        return text


# ---- fee items by name ---------------------------------------------------------------------------

def fee_key(text: str) -> str:
    """'燃气费 （代收代缴）' and '燃气费(代收代缴)' are one name: NFKC, no spaces, case folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def _bare(key: str) -> str:
    return BRACKETS_RE.sub("", key)


class FeeItemNames:
    """A project's fee items found by name or code, as their ledger writes them."""

    def __init__(self, items: Iterable[tuple[int, str, str]]) -> None:
        self.by_name: dict[str, int] = {}
        self.by_code: dict[str, int] = {}
        bare: dict[str, list[int]] = {}
        for item_id, code, name in items:
            self.by_name.setdefault(fee_key(name), item_id)
            self.by_code.setdefault(fee_key(code), item_id)
            bare.setdefault(_bare(fee_key(name)), []).append(item_id)
        # "燃气费" finds "燃气费（代收代缴）", but only if no other item shares the bare name.
        self.by_bare = {k: ids[0] for k, ids in bare.items() if len(ids) == 1}
        self.codes = set(self.by_code)

    @classmethod
    def load(cls, session: Session, project_id: int) -> FeeItemNames:
        query = select(FeeItem.id, FeeItem.code, FeeItem.name).where(FeeItem.project_id == project_id)
        return cls((i, c, n) for i, c, n in session.execute(query))

    def find(self, name: str) -> int | None:
        key = fee_key(name)
        found = self.by_name.get(key) or self.by_code.get(key)
        return found if found is not None else self.by_bare.get(_bare(key))

    def add(self, item_id: int, code: str, name: str) -> None:
        self.by_name[fee_key(name)] = item_id
        self.codes.add(fee_key(code))

    def free_code(self) -> str:
        n = 1
        while fee_key(f"{CODE_PREFIX}{n:02d}") in self.codes:
            n += 1
        return f"{CODE_PREFIX}{n:02d}"


def guess_basis(name: str) -> tuple[str, bool, bool]:
    """(basis, is_deposit, collected_for_others) for a new fee item; the clerk corrects it later."""
    basis = next((b for words, b in BASIS_WORDS if any(w in name for w in words)), "per_m2_month")
    for_others = basis == "per_m3" or "代收" in name
    return basis, "押金" in name, for_others


def new_fee_items(names: FeeItemNames, rows: Iterable[LedgerRow]) -> list[str]:
    """Fee items their ledger names that the project lacks, once each, as first written."""
    seen: dict[str, str] = {}
    for row in rows:
        if row.fee_item and names.find(row.fee_item) is None:
            seen.setdefault(fee_key(row.fee_item), row.fee_item)
    return list(seen.values())


def _create_fee_items(session: Session, project_id: int, names: FeeItemNames, wanted: Sequence[str]) -> None:
    for name in wanted:
        basis, deposit, for_others = guess_basis(name)
        item = FeeItem(project_id=project_id, code=names.free_code(), name=name, basis=basis,
                       is_deposit=deposit, collected_for_others=for_others)
        session.add(item)
        session.flush()  # the id, for the lines below; the flush hook audits the new item
        names.add(item.id, item.code, item.name)


# ---- the transaction -----------------------------------------------------------------------------

def write_ledger(db: Database, handover_id: int, rows: Sequence[LedgerRow], file_name: str,
                 skipped: Sequence[SkippedRow], progress: Progress | None = None,
                 notes: Sequence[str] = (), append: bool = False) -> LedgerImportReport:
    """Replace the handover's imported lines with `rows`, all or nothing; `append` keeps them and adds
    `rows` (their ledger came as two files, such as an arrears list and a list of prepayments).

    `progress(done, total)` returning False cancels: the transaction rolls back.
    """
    with db.begin(immediate=True) as s:
        handover = lock_handover(s, handover_id)  # a signing waits, then sees the new ledger unreconciled
        _refuse_if_signed(s, handover_id)
        ledger_changed(s, [handover_id])
        names = FeeItemNames.load(s, handover.project_id)
        created = new_fee_items(names, rows)
        _create_fee_items(s, handover.project_id, names, created)
        # The import's audit row below names the file and the lines it replaced.
        replaced = 0 if append else rows_matched(s.execute(delete(LedgerLine.__table__).where(
            LedgerLine.handover_id == handover_id, LedgerLine.source == THEIRS)
            .execution_options(hd_audit="summary")))
        _insert_lines(s, (_line(handover_id, row, names) for row in rows), len(rows), progress)
        report = _report(file_name, rows, replaced, created, skipped, notes)
        record_action(s, "import", Handover.__tablename__, handover_id,
                      f"导入原物业收费台账“{file_name}”{'（追加）' if append else ''}：{report.summary()}")
    db.refresh_statistics(LedgerLine.__tablename__)
    return report


def _refuse_if_signed(session: Session, handover_id: int) -> None:
    """A signed settlement was computed from these lines; a revision (a new draft) reopens them."""
    current = latest_settlement(session, handover_id)
    if current is not None and current.status == DocStatus.SIGNED:
        raise ValidationError(translate("imports", SIGNED_REFUSAL))


def _line(handover_id: int, row: LedgerRow, names: FeeItemNames) -> dict[str, Any]:
    return {"handover_id": handover_id, "source": THEIRS, "unit_id": row.unit_id,
            "fee_item_id": names.find(row.fee_item), "owner_name": row.owner,
            "period_start": row.period_start, "period_end": row.period_end, "billed": row.billed,
            "paid": row.paid, "paid_on": row.paid_on, "receipt_no": row.receipt_no, "remark": row.remark,
            "contact": row.contact, "source_row": row.row}


def _insert_lines(session: Session, lines: Iterator[dict[str, Any]], total: int,
                  progress: Progress | None) -> None:
    """Core bulk inserts: a 100,000-line ledger as ORM objects would take minutes and gigabytes."""
    done = 0
    while batch := list(islice(lines, CHUNK)):
        if progress and progress(done, total) is False:
            raise ImportCancelled()
        insert_rows(session.connection(), LedgerLine.__table__, batch)
        done += len(batch)
    if progress and progress(done, total) is False:
        raise ImportCancelled()


def _report(file_name: str, rows: Sequence[LedgerRow], replaced: int, created: Sequence[str],
            skipped: Sequence[SkippedRow], notes: Sequence[str]) -> LedgerImportReport:
    zero = Decimal("0.00")
    return LedgerImportReport(file_name, len(rows), sum((r.billed for r in rows), zero),
                              sum((r.paid for r in rows), zero), sum((r.arrears for r in rows), zero),
                              replaced, tuple(created), tuple(skipped), tuple(notes))
