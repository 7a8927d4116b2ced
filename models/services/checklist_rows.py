"""Plain, frozen rows the handover-list services return (no live ORM objects reach the GUI or reports)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..base import DocStatus
from ..handover import HandoverKind

CONDITIONS = ("完好", "有缺陷", "缺失")
COPY_KINDS = ("原件", "复印件")
# Fields a clerk may edit on an item (what update_item and the amendment diff look at).
ITEM_FIELDS = ("category", "name", "spec", "uom", "expected_qty", "received_qty", "original_or_copy",
               "pages", "condition", "remarks")


@dataclass(frozen=True)
class HandoverInfo:
    id: int
    version: int
    project_id: int
    project_code: str
    project_name: str
    kind: HandoverKind
    title: str
    from_company: str
    from_rep: str
    to_company: str
    to_rep: str
    witness: str
    witness_rep: str
    cutoff_date: dt.date
    planned_date: dt.date | None
    actual_date: dt.date | None
    status: DocStatus

    @property
    def caption(self) -> str:
        return self.title or f"{self.kind.value}（{self.from_company} → {self.to_company}）"


@dataclass(frozen=True)
class ItemRow:
    id: int
    version: int
    seq: int
    category: str
    name: str
    spec: str
    uom: str
    expected_qty: int
    received_qty: int | None
    original_or_copy: str
    pages: int | None
    condition: str
    remarks: str
    checked_by: str
    checked_at: dt.datetime | None
    defect_id: int | None = None
    defect_number: str = ""

    @property
    def checked(self) -> bool:
        return self.checked_at is not None

    @property
    def shortfall(self) -> int:
        """How many fewer than expected were received (0 until checked)."""
        if self.received_qty is None:
            return 0
        return max(self.expected_qty - self.received_qty, 0)

    @property
    def is_problem(self) -> bool:
        """Highlighted in the list, and may become a defect: short, damaged or missing."""
        return self.shortfall > 0 or self.condition in ("有缺陷", "缺失")


@dataclass(frozen=True)
class ListSummary:
    id: int
    version: int
    handover_id: int
    title: str
    template_code: str
    status: DocStatus
    revision: int
    amends_id: int | None
    signed_at: dt.datetime | None
    signed_from: str
    signed_to: str
    signed_witness: str
    scan_name: str
    total: int
    checked: int
    shortfalls: int   # items received short
    problems: int     # items short, damaged or missing

    @property
    def is_final(self) -> bool:
        return self.status is not DocStatus.DRAFT

    @property
    def caption(self) -> str:
        suffix = f"（补充第 {self.revision - 1} 版）" if self.revision > 1 else ""
        return f"{self.title}{suffix}"


@dataclass(frozen=True)
class ListDetail:
    handover: HandoverInfo
    summary: ListSummary
    items: list[ItemRow] = field(default_factory=list)

    def categories(self) -> list[str]:
        """Categories in the order they first appear."""
        return list(dict.fromkeys(i.category for i in self.items))


@dataclass(frozen=True)
class ItemChange:
    """One line of what an amendment changed against the version it amends."""

    kind: str            # "added" | "removed" | "changed"
    name: str
    category: str
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)  # field -> (old, new)


@dataclass(frozen=True)
class TemplateRow:
    id: int
    code: str
    name: str
    kinds: str
    builtin: bool
    item_count: int


@dataclass(frozen=True)
class DefectRef:
    id: int
    number: str
