"""Receiving keys in bulk (批量接收钥匙): from a key handover list's items, or from a checked key sheet.

Both paths end in `write_keys`: one transaction, one Key with its 接收 event per key (what
key_custody.receive_key does one key at a time), and one audit note for the whole intake.

Tags a clerk has not given are made as the demo community's are: a unit's key is
K-<楼栋>-<单元>-<房号>-<letter> (K-03-02-1201-A; a shop K-SP-…, a store room K-CC-…), with the next
free letter when the unit already has a key; any other key is K-GG-<serial>-A (GG: 公共). Given the
register, the same intake always makes the same tags, so two desks receiving the same list at once
collide on the unique tag instead of receiving every key twice.

From a list, each key remembers the item it was received from (Key.list_item_id): a second run
skips those items, and an amendment (补充清单) skips the items it copied from the versions it
amends (matched by category and name, as the amendment's own diff matches them).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_action
from ..base import DocStatus
from ..base import now as wall_clock
from ..db import Database
from ..errors import ValidationError
from ..handover import Handover, HandoverItem, HandoverList, ItemCondition
from ..i18n import chinese, translate
from ..imports.cells import ImportCancelled
from ..keys import Key, KeyEvent, KeyEventKind
from ..project import Building, Unit, UnitUse
from ..rules.key_rules import next_status
from ..rules.unit_match import UnitMatcher
from .checklist_rows import ListSummary
from .checklists import lists_of
from .common import get
from .key_custody import check_places, lock_placement

Progress = Callable[[int, int], object]  # (done, total); returning False cancels
PROGRESS_EVERY = 100
KEY_TEMPLATE = "PHY-KEYS"
TAG_LIMIT, OPENS_LIMIT, PLACE_LIMIT = 40, 100, 20  # the columns' lengths in keys
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: on a label they read as 1 and 0
# pinyin initials of the use's Chinese word (商铺 SP…), as the demo's
USE_PREFIX = {UnitUse.SHOP: "SP", UnitUse.STORAGE: "CC", UnitUse.PARKING: "CW", UnitUse.OFFICE: "BG"}
COMMON_PREFIX = "K-GG-"
COMMON_RE = re.compile(r"^K-GG-(\d+)-[A-Z]$")
# "1栋1单元101", "3号楼502", "B座-1502" → building, entrance (单元), room
FLAT_RE = re.compile(r"^([0-9]+|[A-Z]+)(?:号楼|栋|幢|座)-?(?:([0-9]+)单元)?-?([0-9A-Z][0-9A-Z-]*)$")
RECEIVED, ALREADY = "接收", "已接收"


# ---- units named in text, and tags --------------------------------------------------------------

def normalise_number(text: str) -> str:
    """'1栋 1单元 101' and '１栋1单元101' are the same unit: NFKC, no spaces, upper case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()


@dataclass(frozen=True)
class UnitRef:
    id: int
    number: str
    use: UnitUse  # a code or label given is read as its member (the prefixes are keyed by member)

    def __post_init__(self) -> None:
        object.__setattr__(self, "use", UnitUse(self.use))


class UnitIndex:
    """The project's units by number as written, and the unit a key's description names."""

    def __init__(self, units: Iterable[tuple[UnitRef, str, str]]) -> None:
        """`units`: (the unit, the name of its building or '', its 单元 or '')."""
        self._matcher: UnitMatcher[UnitRef] = UnitMatcher()
        self._by_number: dict[str, UnitRef] = {}
        for unit, building, entrance in units:
            self._by_number[normalise_number(unit.number)] = unit
            self._matcher.add(unit, unit.number, building, entrance)
        self._longest = max((len(n) for n in self._by_number), default=0)

    @classmethod
    def load(cls, session: Session, project_id: int) -> UnitIndex:
        rows = session.execute(select(Unit.id, Unit.number, Unit.use, Building.name, Unit.entrance)
                               .outerjoin(Building, Unit.building_id == Building.id)
                               .where(Unit.project_id == project_id))
        return cls((UnitRef(i, n, u), b or "", e) for i, n, u, b, e in rows)

    def get(self, number: str) -> UnitRef | None:
        """The unit as written, or written another way ('1-1-0101' for 1栋1单元101); None if none or
        several could be meant."""
        unit = self._by_number.get(normalise_number(number))
        return unit if unit is not None else self.find(number)[0]

    def find(self, number: str, building: str = "", entrance: str = "") -> tuple[UnitRef | None, list[UnitRef]]:
        """(the unit, []) or (None, the units it could be): see rules/unit_match.UnitMatcher."""
        if not building and not entrance:
            unit = self._by_number.get(normalise_number(number))
            if unit is not None:
                return unit, []
        return self._matcher.find(number, building, entrance)

    def named_in(self, text: str) -> UnitRef | None:
        """The unit whose number the text contains ("1栋1单元101 入户门钥匙" → 1栋1单元101).

        The longest number wins, and a number never matches inside a longer one: 101 is not
        in 1011. Every substring is looked up rather than every unit scanned: a name is short,
        a project may have 20,000 units.
        """
        text = normalise_number(text)
        best: tuple[int, UnitRef] | None = None
        for start in range(len(text)):
            for end in range(min(len(text), start + self._longest), start, -1):
                if best is not None and end - start <= best[0]:
                    break
                unit = self._by_number.get(text[start:end])
                if unit is not None and _bounded(text, start, end):
                    best = (end - start, unit)
                    break
        return best[1] if best else None


def _bounded(text: str, start: int, end: int) -> bool:
    """No letter or digit runs on across either end of text[start:end]."""
    def joined(a: int, b: int) -> bool:
        return a >= 0 and b < len(text) and text[a].isascii() and text[b].isascii() \
            and text[a].isalnum() and text[b].isalnum()
    return not joined(start - 1, start) and not joined(end - 1, end)


def unit_stem(unit: UnitRef) -> str:
    """'1栋1单元101' → K-01-01-101, '3号楼502' → K-03-00-502, '商铺 S-105' → K-SP-S-105."""
    number = normalise_number(unit.number)
    flat = FLAT_RE.match(number)
    if flat:
        building, entrance, room = flat.groups()
        building = f"{int(building):02d}" if building.isdigit() else building
        return f"K-{building}-{int(entrance or 0):02d}-{room}"[:TAG_LIMIT - 2]
    plain = re.sub(r"[^0-9A-Z]+", "-", number).strip("-") or f"U{unit.id}"
    prefix = USE_PREFIX.get(unit.use)
    return ("K-" + (f"{prefix}-" if prefix else "") + plain)[:TAG_LIMIT - 2]


class TagMaker:
    """The project's tags, and the next free tag for a unit's key or a common key."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = {t.upper() for t in taken}
        self._serial = max((int(m.group(1)) for t in self.taken if (m := COMMON_RE.match(t))), default=0)

    @classmethod
    def load(cls, session: Session, project_id: int) -> TagMaker:
        return cls(session.scalars(select(Key.tag).where(Key.project_id == project_id)))

    def claim(self, tag: str) -> None:
        self.taken.add(tag)

    def for_unit(self, unit: UnitRef) -> str:
        stem = unit_stem(unit)
        tags = [f"{stem}-{letter}" for letter in LETTERS]
        return self._first_free(tags) or self._first_free(f"{stem[:TAG_LIMIT - 4]}-{n}" for n in range(1, 10_000))

    def common(self) -> str:
        tag = self._first_free(f"{COMMON_PREFIX}{n:04d}-A" for n in range(self._serial + 1, self._serial + 100_000))
        self._serial = int(COMMON_RE.match(tag).group(1))  # type: ignore[union-attr]
        return tag

    def next(self, unit: UnitRef | None) -> str:
        return self.for_unit(unit) if unit is not None else self.common()

    def _first_free(self, tags: Iterable[str]) -> str:
        for tag in tags:
            if tag not in self.taken:
                self.claim(tag)
                return tag
        return ""


# ---- writing ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NewKey:
    """One key or key set to receive, with what its 接收 event records."""

    tag: str
    unit_id: int | None
    opens: str
    count: int
    cabinet: str = ""
    slot: str = ""
    person: str = ""      # who handed it over
    condition: str = ""   # 完好 / 有缺陷, as checked
    note: str = ""
    list_item_id: int | None = None  # the key list item it comes from


@dataclass(frozen=True)
class KeyIntakeReport:
    """What a bulk receive did, in numbers the clerk can check against the list or the sheet."""

    source: str                     # 清单“钥匙交接清单” / 钥匙.xlsx
    tags: tuple[str, ...]           # the keys received, in order
    pieces: int                     # keys in those sets (the sum of 数量)
    linked: int                     # keys linked to a unit
    generated: tuple[str, ...]      # the tags the program made (the rest the sheet gave)
    already: int = 0                # list items received before: skipped
    not_received: tuple[str, ...] = ()  # list items not received, and why
    unchecked: int = 0              # list items received at their expected quantity
    skipped: tuple[str, ...] = ()   # sheet rows skipped (blank, 合计…)

    @property
    def received(self) -> int:
        return len(self.tags)

    def summary(self) -> str:
        if not self.tags:
            text = "没有新接收的钥匙" + ("：清单中的钥匙均已接收过" if self.already else "")
        else:
            text = f"已接收钥匙 {self.received} 条（共 {self.pieces} 把/套），其中 {self.linked} 条关联到房屋"
            if self.generated:
                text += f"，自动编标签号 {len(self.generated)} 个（{_span(self.generated)}）"
        if self.tags and self.already:
            text += f"；此前已接收 {self.already} 项，未重复接收"
        if self.unchecked:
            text += f"；{self.unchecked} 项尚未核对，按应交数量接收"
        if self.not_received:
            text += f"；未接收 {len(self.not_received)} 项：" + "；".join(self.not_received)
        if self.skipped:
            text += "；跳过 " + "、".join(self.skipped)
        return text



def _span(tags: tuple[str, ...]) -> str:
    return tags[0] if len(tags) == 1 else f"{tags[0]} … {tags[-1]}"


def user_name(db: Database) -> str:
    return (db.user.display_name or db.user.username) if db.user else ""


def _at(at: dt.datetime | None) -> dt.datetime:
    return (at or wall_clock()).replace(microsecond=0)


def write_keys(session: Session, by: str, project_id: int, handover_id: int | None, keys: Sequence[NewKey],
               at: dt.datetime, progress: Progress | None = None) -> None:
    """Add every key in store with its 接收 event; `progress` returning False rolls it all back.

    A hook (柜格) holds one key: a key given a hook that a key in store, sealed or lent hangs on, or
    that another key of this intake was given, refuses the whole intake (ValidationError naming each).
    """
    status = next_status(None, KeyEventKind.RECEIVE)
    lock_placement(session, project_id)
    check_places(session, project_id, [(k.tag, k.cabinet, k.slot) for k in keys])
    for done, new in enumerate(keys):
        if progress and done % PROGRESS_EVERY == 0 and progress(done, len(keys)) is False:
            raise ImportCancelled()
        key = Key(project_id=project_id, handover_id=handover_id, tag=new.tag, unit_id=new.unit_id,
                  opens=new.opens, count=new.count, cabinet=new.cabinet, slot=new.slot, status=status,
                  list_item_id=new.list_item_id)
        key.events.append(KeyEvent(kind=KeyEventKind.RECEIVE, at=at, by=by, person=new.person,
                                   condition=new.condition, note=new.note))
        session.add(key)
        if done % PROGRESS_EVERY == PROGRESS_EVERY - 1:
            session.flush()  # the audit rows go out in batches, not all at the commit
    session.flush()
    if progress:
        progress(len(keys), len(keys))


# ---- from a handover list -----------------------------------------------------------------------

@dataclass(frozen=True)
class ItemPlan:
    """What receiving does with one list item: the key it makes, or why it makes none."""

    item_id: int
    seq: int
    name: str
    unit_id: int | None
    unit_number: str
    count: int
    tag: str          # the tag it gets ("" when not received now)
    outcome: str      # 接收 / 已接收 / why not (实收为 0, 缺失…)
    unchecked: bool = False

    @property
    def receives(self) -> bool:
        return self.outcome == RECEIVED


@dataclass(frozen=True)
class ListPlan:
    list_id: int
    title: str
    project_id: int
    handover_id: int
    items: tuple[ItemPlan, ...]

    @property
    def to_receive(self) -> tuple[ItemPlan, ...]:
        return tuple(i for i in self.items if i.receives)

    @property
    def already(self) -> int:
        return sum(1 for i in self.items if i.outcome == ALREADY)

    @property
    def refused(self) -> tuple[ItemPlan, ...]:
        return tuple(i for i in self.items if i.outcome not in (RECEIVED, ALREADY))


def is_key_list(template_code: str, title: str) -> bool:
    return template_code == KEY_TEMPLATE or "钥匙" in title


def key_lists(db: Database, handover_id: int) -> list[ListSummary]:
    """The handover's key lists keys can be received from: current versions, not cancelled."""
    lists = lists_of(db, handover_id)
    amended = {x.amends_id for x in lists if x.amends_id is not None}
    return [x for x in lists if is_key_list(x.template_code, x.title) and x.id not in amended
            and x.status is not DocStatus.CANCELLED]


def plan_from_list(db: Database, list_id: int) -> ListPlan:
    """What `receive_keys_from_list` would do now; nothing is written."""
    with db.read() as s:
        return _plan(s, list_id)


def receive_keys_from_list(db: Database, list_id: int, *, cabinet: str = "", progress: Progress | None = None,
                           at: dt.datetime | None = None) -> KeyIntakeReport:
    """One key (set) per item of a key list, each with its 接收 event; items received before are skipped.

    A draft list is fine — keys change hands as items are checked, before the list is signed —
    but an item checked as 缺失 or with 实收 0 is not received and is reported.
    """
    cabinet = _place(cabinet, "钥匙柜")
    with db.begin(immediate=True) as s:
        plan = _plan(s, list_id)
        handover = get(s, Handover, plan.handover_id)
        person = handover.from_rep or handover.from_company
        title = plan.title
        keys = [NewKey(i.tag, i.unit_id, _opens(i.name), i.count, cabinet, "", person,
                       *_event_fields(s, i, title), list_item_id=i.item_id) for i in plan.to_receive]
        write_keys(s, user_name(db), plan.project_id, plan.handover_id, keys, _at(at), progress)
        report = KeyIntakeReport(f"清单“{title}”", tuple(k.tag for k in keys), sum(k.count for k in keys),
                                 sum(1 for k in keys if k.unit_id is not None), tuple(k.tag for k in keys),
                                 plan.already,
                                 tuple(f"第 {i.seq} 项“{i.name}”{i.outcome}" for i in plan.refused),
                                 sum(1 for i in plan.to_receive if i.unchecked))
        if keys:
            record_action(s, "import", Key.__tablename__, None, f"从交接清单批量接收钥匙：{report.summary()}")
    db.refresh_statistics(Key.__tablename__, KeyEvent.__tablename__)
    return report


def _event_fields(s: Session, plan: ItemPlan, title: str) -> tuple[str, str]:
    """(condition, note) of the item's 接收 event: where the key came from, in words."""
    item = get(s, HandoverItem, plan.item_id)
    remarks = f"：{item.remarks.strip()}" if item.remarks.strip() else ""
    note = f"交接清单“{title}”第 {item.seq} 项{remarks}"
    with chinese():  # the key log keeps the shared Chinese word (完好, 有缺陷), as a key return does
        condition = item.condition.label if item.condition is not ItemCondition.MISSING else ""
    return condition, note


def _plan(s: Session, list_id: int) -> ListPlan:
    lst = get(s, HandoverList, list_id)
    _check_list(s, lst)
    handover = get(s, Handover, lst.handover_id)
    units, tags = UnitIndex.load(s, handover.project_id), TagMaker.load(s, handover.project_id)
    own, copied = _received_before(s, lst)
    items = [_item_plan(item, units, tags, own, copied) for item in lst.items]
    return ListPlan(lst.id, lst.title, handover.project_id, handover.id, tuple(items))


def _check_list(s: Session, lst: HandoverList) -> None:
    if not is_key_list(lst.template_code, lst.title):
        raise ValidationError(translate("key_intake", "“{title}”不是钥匙交接清单（应由“钥匙交接清单”模板创建，或名称含“钥匙”）。").format(title=lst.title))
    if lst.status is DocStatus.CANCELLED:
        raise ValidationError(translate("key_intake", "清单“{title}”已作废，不能从中接收钥匙。").format(title=lst.title))
    if s.scalar(select(HandoverList.id).where(HandoverList.amends_id == lst.id)) is not None:
        raise ValidationError(translate("key_intake", "清单“{title}”已有补充版本，请从最新版本接收。").format(title=lst.title))
    if not lst.items:
        raise ValidationError(translate("key_intake", "清单“{title}”没有条目。").format(title=lst.title))


def _received_before(s: Session, lst: HandoverList) -> tuple[set[int], Counter[tuple[str, str]]]:
    """Items of this list received before (by id), and of the versions it amends (by category and name)."""
    marked = set(s.scalars(select(Key.list_item_id).where(Key.handover_id == lst.handover_id,
                                                          Key.list_item_id.is_not(None))))
    own = {i.id for i in lst.items if i.id in marked}
    older = _older_versions(s, lst)
    copied: Counter[tuple[str, str]] = Counter()
    if older and marked:
        rows = s.execute(select(HandoverItem.category, HandoverItem.name).where(
            HandoverItem.list_id.in_(older), HandoverItem.id.in_(marked)))
        copied.update((c, n) for c, n in rows)
    return own, copied


def _older_versions(s: Session, lst: HandoverList) -> list[int]:
    out: list[int] = []
    amends = lst.amends_id
    while amends is not None:
        out.append(amends)
        amends = s.scalar(select(HandoverList.amends_id).where(HandoverList.id == amends))
    return out


def _item_plan(item: HandoverItem, units: UnitIndex, tags: TagMaker, own: set[int],
               copied: Counter[tuple[str, str]]) -> ItemPlan:
    unit = units.named_in(item.name)
    number = unit.number if unit else ""
    count = item.received_qty if item.received_qty is not None else item.expected_qty
    unchecked = item.received_qty is None and item.checked_at is None

    def plan(outcome: str, tag: str = "") -> ItemPlan:
        return ItemPlan(item.id, item.seq, item.name, unit.id if unit else None, number, count, tag, outcome,
                        unchecked)

    if item.id in own:
        return plan(ALREADY)
    if copied[(item.category, item.name)] > 0:
        copied[(item.category, item.name)] -= 1  # one received item of the amended version per copy
        return plan(ALREADY)
    if item.condition is ItemCondition.MISSING:
        return plan("核对为缺失，未接收")
    if count < 1:
        return plan("实收为 0，未接收" if not unchecked else "应交数量为 0，未接收")
    return plan(RECEIVED, tags.next(unit))


def _opens(name: str) -> str:
    """An item's name (up to 200 characters) as 开启对象 (up to 100): visibly cut, never silently."""
    return name if len(name) <= OPENS_LIMIT else name[:OPENS_LIMIT - 1] + "…"


def _place(text: str, label: str) -> str:
    text = text.strip()
    if len(text) > PLACE_LIMIT:
        raise ValidationError(translate("key_intake", "「{label}」不能超过 {PLACE_LIMIT} 个字。").format(label=label, PLACE_LIMIT=PLACE_LIMIT))
    return text
