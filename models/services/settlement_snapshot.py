"""What a signed settlement signed: every result line, stored with it and read back for a reprint.

The report and the workbook of a signed settlement are built from this alone, so a changed
cut-off, a new tariff or a renamed party never moves a figure on a document already signed.
Stored as zlib-compressed JSON (a large community's arrears run to 100,000 lines): each line a
list of its fields in declaration order, dates as ISO text and money as decimal text.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import typing
import zlib
from decimal import Decimal
from typing import Any

from .fee_rows import (
    ArrearsLine,
    CollectionRate,
    DepositLine,
    FeeResults,
    ForOthersLine,
    MeterCharge,
    PrepaymentLine,
    SettlementItem,
)

FORMAT = 1
LINES: dict[str, type] = {
    "arrears": ArrearsLine, "prepayments": PrepaymentLine, "deposits": DepositLine,
    "for_others": ForOthersLine, "rates": CollectionRate, "meters": MeterCharge,
}
HEADER = ("project", "from_company", "to_company", "witness", "handover_caption", "differences_total",
          "differences_open", "lines_theirs", "lines_ours")
OPTIONAL = ("letterhead",)  # kept since issue 12; a snapshot signed before has none


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _reader(hint: Any) -> Any:
    """How to turn the stored JSON value of a field with this type back into the value."""
    kinds = set(typing.get_args(hint)) or {hint}
    coded = [k for k in kinds if isinstance(k, type) and issubclass(k, enum.Enum)]
    if coded:
        return coded[0]  # a snapshot signed before the codes holds the label, which the enum reads too
    if Decimal in kinds:
        return Decimal
    if dt.datetime in kinds:
        return dt.datetime.fromisoformat
    if dt.date in kinds:
        return dt.date.fromisoformat
    return None


def _readers(cls: type) -> list[Any]:
    hints = typing.get_type_hints(cls)
    return [_reader(hints[f.name]) for f in dataclasses.fields(cls)]


def _line(readers: list[Any], values: list[Any]) -> list[Any]:
    return [v if read is None or v is None else read(v) for read, v in zip(readers, values, strict=True)]


def dump(results: FeeResults) -> bytes:
    data: dict[str, Any] = {"format": FORMAT, "cutoff": results.cutoff.isoformat(),
                            **{name: getattr(results, name) for name in HEADER + OPTIONAL}}
    for name in LINES:
        data[name] = [[_plain(getattr(line, f.name)) for f in dataclasses.fields(line)]
                      for line in getattr(results, name)]
    data["settlement"] = [[i.label, i.direction, str(i.amount), i.note] for i in results.live_settlement]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def load(blob: bytes, handover_id: int, **status: Any) -> FeeResults:
    """The results as signed; `status` gives the settlement's own columns (status, revision, signed_at/by)."""
    data = json.loads(zlib.decompress(blob))
    lines: dict[str, Any] = {}  # FeeResults' line tuples by field name, each of its own line class
    for name, cls in LINES.items():
        readers = _readers(cls)
        lines[name] = tuple(cls(*_line(readers, values)) for values in data[name])
    items = tuple(SettlementItem(label, direction, Decimal(amount), note)
                  for label, direction, amount, note in data["settlement"])
    return FeeResults(handover_id, cutoff=dt.date.fromisoformat(data["cutoff"]),
                      **{name: data[name] for name in HEADER}, **{n: data[n] for n in OPTIONAL if n in data},
                      **lines, signed_items=items, **status)
