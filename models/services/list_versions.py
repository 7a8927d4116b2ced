"""Versions of a handover list: what an amendment (补充交接清单) changes against the version it amends.

Items are compared by identity (HandoverItem.amends_item_id: the item a copy was made from), never
by name: two 灭火器 lines are two items.
"""
from __future__ import annotations

from bisect import bisect_left

from sqlalchemy.orm import Session

from ..handover import HandoverItem, HandoverList
from .checklist_rows import ITEM_FIELDS, ItemChange
from .common import get

Pair = tuple[HandoverItem | None, HandoverItem | None]  # (in the amended version, in the amendment)


def _pairs_by_identity(old: list[HandoverItem], new: list[HandoverItem]) -> list[Pair]:
    """Each copy with the item it copies; items added to the amendment point at nothing."""
    by_id: dict[int | None, HandoverItem] = {i.id: i for i in old}  # an added item amends None: no pair
    copied = {i.amends_item_id for i in new}
    return [(by_id.get(i.amends_item_id), i) for i in new] + [(i, None) for i in old if i.id not in copied]


def _pairs_by_name(old: list[HandoverItem], new: list[HandoverItem]) -> list[Pair]:
    """Amendments made before items knew their origin: same category and name, duplicates paired
    in order (the first 灭火器 with the first 灭火器)."""
    left: dict[tuple[str, str], list[HandoverItem]] = {}
    for item in old:
        left.setdefault((item.category, item.name), []).append(item)
    pairs: list[Pair] = []
    for item in new:
        same = left.get((item.category, item.name))
        pairs.append((same.pop(0) if same else None, item))
    return pairs + [(i, None) for rest in left.values() for i in rest]


def _kept_in_order(seqs: list[int]) -> set[int]:
    """Positions of a longest increasing run of `seqs`: the items that kept their place (the
    others were moved; an item that only shifts because one above it went is not)."""
    tails: list[int] = []
    values: list[int] = []
    before = [-1] * len(seqs)
    for k, value in enumerate(seqs):
        at = bisect_left(values, value)
        before[k] = tails[at - 1] if at else -1
        tails[at:at + 1], values[at:at + 1] = [k], [value]  # a longer run, or a lower tail for this length
    kept: set[int] = set()
    k = tails[-1] if tails else -1
    while k >= 0:
        kept.add(k)
        k = before[k]
    return kept


def _change(old: HandoverItem | None, new: HandoverItem | None, moved: bool) -> ItemChange | None:
    if new is None:
        assert old is not None
        return ItemChange("removed", old.name, old.category, old_seq=old.seq)
    if old is None:
        return ItemChange("added", new.name, new.category, new_seq=new.seq)
    fields = (("seq",) if moved else ()) + ITEM_FIELDS
    diff = {f: (getattr(old, f), getattr(new, f)) for f in fields if getattr(old, f) != getattr(new, f)}
    return ItemChange("changed", new.name, new.category, diff, old.seq, new.seq) if diff else None


def version_changes(session: Session, lst: HandoverList) -> list[ItemChange]:
    """Added and changed items in the amendment's order, then removed ones in the amended version's."""
    if lst.amends_id is None:
        return []
    old, new = list(get(session, HandoverList, lst.amends_id).items), list(lst.items)
    by_identity = not old or any(i.amends_item_id is not None for i in new)
    pairs = (_pairs_by_identity if by_identity else _pairs_by_name)(old, new)
    both = sorted(((o, n) for o, n in pairs if o is not None and n is not None), key=lambda p: p[1].seq)
    kept = _kept_in_order([o.seq for o, _ in both])
    moved = {n.id for k, (_, n) in enumerate(both) if k not in kept}
    changes = [c for o, n in pairs if (c := _change(o, n, n is not None and n.id in moved))]
    return sorted(changes, key=lambda c: (c.new_seq is None, c.seq))
