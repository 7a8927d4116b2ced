"""Plain, frozen rows the handover-list services return (no live ORM objects reach the GUI or reports)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import template_names
from ..base import DocStatus
from ..handover import CopyKind, HandoverKind, ItemCondition
from ..i18n import translate
from ..labels import Coded

# What a checked item may be found in, and the forms a document comes in (UNSET: not checked / not a
# document), in the order the combos offer them.
CONDITIONS = (ItemCondition.GOOD, ItemCondition.DEFECTIVE, ItemCondition.MISSING)
PROBLEM_CONDITIONS = (ItemCondition.DEFECTIVE, ItemCondition.MISSING)
COPY_KINDS = (CopyKind.ORIGINAL, CopyKind.COPY)
# The item fields that hold a word of a fixed list, stored as its code.
CODED_FIELDS: dict[str, type[Coded]] = {"condition": ItemCondition, "original_or_copy": CopyKind}
# Fields a clerk may edit on an item (what update_item and the amendment diff look at).
ITEM_FIELDS = ("category", "name", "spec", "uom", "expected_qty", "received_qty", "original_or_copy",
               "pages", "condition", "remarks")
# What a printed change list calls each field an amendment may change (seq: the item was moved).
ITEM_FIELD_LABELS = {"seq": "序号", "category": "类别", "name": "名称", "spec": "规格", "uom": "单位",
                     "expected_qty": "应交数量", "received_qty": "实收数量", "original_or_copy": "原件/复印件",
                     "pages": "页数", "condition": "状况", "remarks": "备注"}
# The handover fields a signed list keeps as they were at signing (the forms print them).
SNAPSHOT_FIELDS = ("project_code", "project_name", "kind", "title", "from_company", "from_rep", "to_company",
                   "to_rep", "witness", "witness_rep", "cutoff_date", "planned_date", "actual_date", "letterhead")
SNAPSHOT_DATES = ("cutoff_date", "planned_date", "actual_date")


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
    # The handover's signed documents ("交接清单“…”", "财务结算（第 n 版）"): while there are any, its
    # parties and cut-off change only by a supervisor's correction with a reason (handovers.update_handover).
    signed_documents: tuple[str, ...] = ()
    # The office's name and address (本处信息) every form prints under its title; a signed list keeps
    # the one it was signed with (lists signed before it was kept print today's).
    letterhead: str = ""

    @property
    def caption(self) -> str:
        return self.title or translate("labels", "{kind}（{from_company} → {to_company}）").format(
            kind=self.kind.label, from_company=self.from_company, to_company=self.to_company)

    @property
    def needs_correction_reason(self) -> bool:
        """Changing the parties or the cut-off is a correction (更正) that needs a written reason."""
        return bool(self.signed_documents)

    def snapshot(self) -> str:
        """JSON of what a form prints of the handover, stored with a list when it is signed."""
        values = {k: getattr(self, k) for k in SNAPSHOT_FIELDS}
        values["kind"] = self.kind.value
        for key in SNAPSHOT_DATES:
            values[key] = values[key].isoformat() if values[key] is not None else None
        return json.dumps(values, ensure_ascii=False, sort_keys=True)

    def as_signed(self, snapshot: str) -> HandoverInfo:
        """This handover as it stood when `snapshot` was taken; "" (signed before snapshots) = as now."""
        if not snapshot:
            return self
        values = {k: v for k, v in json.loads(snapshot).items() if k in SNAPSHOT_FIELDS}
        if "kind" in values:
            values["kind"] = HandoverKind(values["kind"])
        for key in SNAPSHOT_DATES:
            if values.get(key) is not None:
                values[key] = dt.date.fromisoformat(values[key])
        return dataclasses.replace(self, **values)


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
    original_or_copy: CopyKind
    pages: int | None
    condition: ItemCondition
    remarks: str
    checked_by: str
    checked_at: dt.datetime | None
    defect_id: int | None = None
    defect_number: str = ""

    def __post_init__(self) -> None:
        # A row made from old data or by hand may carry the word (完好, 原件): it holds the member.
        object.__setattr__(self, "condition", ItemCondition(self.condition))
        object.__setattr__(self, "original_or_copy", CopyKind(self.original_or_copy))

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
    def is_damaged(self) -> bool:
        return self.condition is ItemCondition.DEFECTIVE

    @property
    def is_missing(self) -> bool:
        return self.condition is ItemCondition.MISSING

    @property
    def is_problem(self) -> bool:
        """Highlighted in the list, and may become a defect: short, damaged or missing."""
        return self.shortfall > 0 or self.is_missing_or_damaged

    @property
    def is_missing_or_damaged(self) -> bool:
        return self.is_missing or self.is_damaged

    @property
    def is_only_damaged(self) -> bool:
        """Damaged and all there: shown apart from the short ones."""
        return self.is_damaged and self.shortfall == 0

    @property
    def can_become_defect(self) -> bool:
        """A problem not yet registered as a defect (item_to_defect refuses anything else); the list
        must still be a draft as well."""
        return self.is_problem and not self.defect_id


@dataclass(frozen=True)
class ItemTally:
    """What a printed list's subtotals and grand total count over some items."""

    total: int
    checked: int
    short: int       # items received short
    short_qty: int   # how many pieces short, over those items
    missing: int
    damaged: int

    @property
    def missing_or_damaged(self) -> int:
        return self.missing + self.damaged


def tally(items: Sequence[ItemRow]) -> ItemTally:
    return ItemTally(len(items), sum(1 for i in items if i.checked), sum(1 for i in items if i.shortfall),
                     sum(i.shortfall for i in items), sum(1 for i in items if i.is_missing),
                     sum(1 for i in items if i.is_damaged))


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
    amended: bool = False  # a later version (补充清单) amends this one

    @property
    def is_final(self) -> bool:
        return self.status is not DocStatus.DRAFT

    @property
    def is_signed(self) -> bool:
        return self.status is DocStatus.SIGNED

    @property
    def is_editable(self) -> bool:
        """Items may be added, changed, checked or moved: only on a draft."""
        return self.status is DocStatus.DRAFT

    @property
    def can_amend(self) -> bool:
        """A 补充清单 may start from this version: signed, and not already amended (any role's view;
        who may is signoff.amend_permit)."""
        return self.is_signed and not self.amended

    def counted(self, items: Sequence[ItemRow]) -> ListSummary:
        """This summary with its counts taken from `items` as they stand after an edit (the rule the
        grouped query in checklists._counts applies to stored items)."""
        return dataclasses.replace(self, total=len(items), checked=sum(1 for i in items if i.checked),
                                   shortfalls=sum(1 for i in items if i.shortfall > 0),
                                   problems=sum(1 for i in items if i.is_problem))

    @property
    def caption(self) -> str:
        suffix = f"（补充第 {self.revision - 1} 版）" if self.revision > 1 else ""
        return f"{self.title}{suffix}"


@dataclass(frozen=True)
class ItemChange:
    """One line of what an amendment changed against the version it amends.

    Items are matched by identity (the amendment's copy points at the item it copies), so two
    灭火器 lines stay two lines. `old_seq` is the 序号 in the amended version (None: added),
    `new_seq` the 序号 in the amendment (None: removed); a moved item is "changed" with "seq".
    """

    kind: str            # "added" | "removed" | "changed"
    name: str
    category: str
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)  # field -> (old, new)
    old_seq: int | None = None
    new_seq: int | None = None

    @property
    def seq(self) -> int:
        """The line the change is about: in the amendment, or (removed) in the amended version."""
        return self.new_seq if self.new_seq is not None else self.old_seq or 0


@dataclass(frozen=True)
class ListDetail:
    handover: HandoverInfo  # a signed list: the handover as it was signed (names, dates)
    summary: ListSummary
    items: list[ItemRow] = field(default_factory=list)
    changes: list[ItemChange] = field(default_factory=list)  # an amendment: against the version it amends

    def categories(self) -> list[str]:
        """Categories in the order they first appear."""
        return list(dict.fromkeys(i.category for i in self.items))


@dataclass(frozen=True)
class TemplateRow:
    id: int
    code: str
    name: str
    kinds: str
    builtin: bool
    item_count: int

    @property
    def shown_name(self) -> str:
        """What a picker shows: a built-in template's name in the chosen language."""
        return template_names.shown_name(self.name, self.builtin)


@dataclass(frozen=True)
class DefectRef:
    id: int
    number: str
